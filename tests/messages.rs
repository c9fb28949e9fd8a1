//! The words users read, pinned: for every rule's failing fixture, each finding as a
//! person sees it (severity, code, subject, place and message) in bokmål and in English;
//! and the shipped example in every output format. A changed snapshot is how a change of
//! wording is reviewed: `INSTA_UPDATE=always cargo test --test messages` writes the new
//! ones as `.snap.new` files beside the old, or `cargo insta review` (docs: CONTRIBUTING).

mod common;
use common::*;
use prinsipp::load::{LoadOptions, load_folder};
use prinsipp::settings::Settings;
use prinsipp::text::Lang;
use std::path::{Path, PathBuf};

fn rules_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/rules")
}

/// Every finding of the fixture, one line each, in both languages.
fn messages(folder: &Path, code: &str) -> String {
    let expected = common::expected(folder, code);
    let (date, codes) = (expected.date, expected.codes);
    let codes: Vec<&str> = codes.iter().map(String::as_str).collect();
    // Files shown from the fixture's folder: `systemer/a.yaml`.
    let options = LoadOptions {
        base: prinsipp::load::PathBase::for_run(&[folder.to_path_buf()], Some(folder)).unwrap(),
        ..LoadOptions::default()
    };
    let loaded = load_folder(folder, &options);
    let portfolio = loaded.portfolio.expect("the fixture loads");
    let findings = prinsipp::rules::check(&portfolio, &Settings::builtin().only(&codes), date);
    let mut out = String::new();
    for lang in [Lang::Nb, Lang::En] {
        out.push_str(match lang {
            Lang::Nb => "## nb\n",
            Lang::En => "## en\n",
        });
        for f in &findings {
            out.push_str(&format!(
                "{} {} {} {}:{}:{} {}\n",
                f.severity.label(lang),
                f.code,
                f.subject.label(),
                portfolio.file_name(f.at.file),
                f.at.line,
                f.at.column,
                f.message.get(lang)
            ));
        }
    }
    out
}

#[test]
fn every_rule_says_what_it_found_in_both_languages() {
    let mut codes: Vec<String> = prinsipp::katalog::Katalog::builtin()
        .rules()
        .map(|r| r.code.clone())
        .collect();
    codes.sort();
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_snapshot_path("snapshots/messages");
    settings.bind(|| {
        for code in codes {
            let folder = rules_dir().join(&code).join("fails");
            insta::assert_snapshot!(code.clone(), messages(&folder, &code));
        }
    });
}

/// `prinsipp check examples/eksempel-kommune` as of the date the example was written for.
fn example(args: &[&str]) -> String {
    let mut all = vec!["check", "examples/eksempel-kommune", "--dato", "2026-06-01"];
    all.extend_from_slice(args);
    let run = prinsipp(&all);
    assert!(run.code < 2, "{}", run.stderr);
    without_root(&run.stdout)
}

/// SARIF names the folder paths start from (the repository's root) by its absolute URI,
/// which depends on where the repository is checked out: shown here as `file:///REPO/`.
fn without_root(text: &str) -> String {
    let base = text.find("\"%SRCROOT%\": {");
    let value = base.and_then(|at| Some(at + text[at..].find("\"uri\": \"")? + 8));
    match value {
        Some(start) => {
            let end = start + text[start..].find('"').unwrap();
            format!("{}file:///REPO/{}", &text[..start], &text[end..])
        }
        None => text.to_string(),
    }
}

#[test]
fn the_example_in_every_output_format() {
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_snapshot_path("snapshots/formats");
    settings.bind(|| {
        for format in [
            "table", "json", "sarif", "junit", "github", "gitlab", "markdown",
        ] {
            insta::assert_snapshot!(format!("check-{format}"), example(&["--format", format]));
        }
        insta::assert_snapshot!("check-table-en", example(&["--lang", "en"]));
        insta::assert_snapshot!("check-oppsummering", example(&["--oppsummering"]));
        insta::assert_snapshot!(
            "check-oppsummering-en",
            example(&["--oppsummering", "--lang", "en"])
        );
        let report = prinsipp(&[
            "report",
            "examples/eksempel-kommune",
            "--dato",
            "2026-06-01",
            "--format",
            "html",
        ]);
        assert_eq!(report.code, 0, "{}", report.stderr);
        insta::assert_snapshot!("report-html", report.stdout);
    });
}
