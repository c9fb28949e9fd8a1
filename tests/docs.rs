//! Documentation that cannot go stale: the YAML the README and `explain` show is read by
//! the real loader.

mod common;
use common::{KOMMUNE, kommune, repo};
use prinsipp::katalog::Katalog;
use prinsipp::load::{Level, LoadOptions, load_folder};
use prinsipp::model::Date;

/// The YAML blocks of a markdown file.
fn yaml_blocks(markdown: &str) -> Vec<String> {
    markdown
        .split("```yaml\n")
        .skip(1)
        .filter_map(|rest| rest.split("```").next())
        .map(str::to_string)
        .collect()
}

#[test]
fn the_readme_project_is_read_and_follows_every_principle() {
    let readme = std::fs::read_to_string(common::repo("README.md")).unwrap();
    let block = yaml_blocks(&readme)
        .into_iter()
        .find(|b| b.starts_with("prosjekt:"))
        .expect("a project in the README");
    let dir = kommune(
        "readme",
        &[
            ("kommune.yaml", KOMMUNE),
            (
                "systemer/websak.yaml",
                b"id: websak\nnavn: WebSak\nlivslop: aktiv\nsystemeier: Kari\ndrift: egen_drift\nprogramvaretype: hyllevare\npersonopplysninger: ingen\n",
            ),
            ("prosjekter/p.yaml", block.as_bytes()),
        ],
    );
    let loaded = load_folder(&dir, &LoadOptions::default());
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let findings = prinsipp::rules::check(
        &loaded.portfolio.unwrap(),
        &prinsipp::settings::Settings::builtin(),
        Date::parse("2026-06-01").unwrap(),
    );
    let codes: Vec<&str> = findings.iter().map(|f| f.code.as_str()).collect();
    assert!(
        codes.is_empty(),
        "the README's example should be compliant: {codes:?}"
    );
}

#[test]
fn every_explain_example_is_valid_input() {
    for rule in Katalog::builtin().rules() {
        let example = rule.example.as_str();
        let file = match example.split(':').next().unwrap_or("").trim() {
            "prosjekt" | "prosjekter" => "prosjekter/eksempel.yaml",
            "avvik" => "avvik.yaml",
            "kommune" => "kommune.yaml",
            _ => "systemer/eksempel.yaml",
        };
        let kommune_file: &[u8] = if file == "kommune.yaml" {
            example.as_bytes()
        } else {
            KOMMUNE
        };
        let mut files: Vec<(&str, &[u8])> = vec![("kommune.yaml", kommune_file)];
        if file != "kommune.yaml" {
            files.push((file, example.as_bytes()));
        }
        let dir = kommune(&format!("example-{}", rule.code), &files);
        let loaded = load_folder(&dir, &LoadOptions::default());
        let errors: Vec<_> = loaded
            .diagnostics
            .iter()
            .filter(|d| d.level == Level::Error)
            .map(|d| format!("{}: {}", d.place(), d.message.en))
            .collect();
        // References to other systems may be unresolved in isolation; only load errors count here.
        assert!(
            errors.is_empty(),
            "{}'s example does not load:\n{}\n{example}",
            rule.code,
            errors.join("\n")
        );
    }
}

/// The TOML blocks of a markdown file.
fn toml_blocks(markdown: &str) -> Vec<String> {
    markdown
        .split("```toml\n")
        .skip(1)
        .filter_map(|rest| rest.split("```").next())
        .map(str::to_string)
        .collect()
}

#[test]
fn every_settings_example_in_the_docs_is_valid() {
    for doc in ["README.md", "docs/konfigurasjon.md"] {
        let text = std::fs::read_to_string(common::repo(doc)).unwrap();
        let blocks = toml_blocks(&text);
        assert!(!blocks.is_empty(), "{doc} shows no prinsipp.toml");
        for block in blocks {
            let config = prinsipp::config::parse(&block, "prinsipp.toml")
                .unwrap_or_else(|e| panic!("{doc}: {:?}\n{block}", e[0].message.en));
            let file = prinsipp::settings::ConfigFile {
                config: &config,
                text: &block,
                display: "prinsipp.toml",
            };
            if let Err(errors) = prinsipp::settings::Settings::build(Some(&file), None, None) {
                panic!(
                    "{doc}: {}\n{block}",
                    errors
                        .iter()
                        .map(|e| format!("{}: {}", e.place(), e.message.en))
                        .collect::<Vec<_>>()
                        .join("\n")
                );
            }
        }
    }
}

#[test]
fn the_readme_lists_every_rule() {
    let readme = std::fs::read_to_string(common::repo("README.md")).unwrap();
    for rule in Katalog::builtin().rules() {
        assert!(
            readme.contains(&format!("| {} |", rule.code)),
            "README lacks {}",
            rule.code
        );
    }
}

#[test]
fn the_configuration_docs_list_every_field_an_own_rule_may_name() {
    let docs = std::fs::read_to_string(repo("docs/konfigurasjon.md")).unwrap();
    let listed = |kind: &str| -> Vec<String> {
        let start = docs
            .find(&format!("- **{kind}**: "))
            .unwrap_or_else(|| panic!("{kind}"));
        let rest = &docs[start + kind.len() + 8..];
        let end = rest.find("\n- **").or_else(|| rest.find("\n\n")).unwrap();
        rest[..end]
            .split(',')
            .map(|f| f.trim().to_string())
            .filter(|f| !f.is_empty())
            .collect()
    };
    assert_eq!(listed("system"), prinsipp::settings::system_fields());
    assert_eq!(listed("prosjekt"), prinsipp::settings::project_fields());
}
