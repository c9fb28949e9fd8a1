//! The CI recipes in docs/ci.md: the same `prinsipp` commands they run, run here on the
//! example kommune, and each file they produce checked as its consumer would read it.

mod common;
use common::{repo, scratch};
use std::path::Path;
use std::process::Command;

/// The `prinsipp check …` command lines of a recipe block.
fn commands(recipe: &str) -> Vec<Vec<String>> {
    recipe
        .lines()
        .map(|l| {
            l.trim()
                .trim_start_matches("- ")
                .trim_start_matches("run: ")
        })
        .filter(|l| l.starts_with("prinsipp check"))
        .map(|l| l.split_whitespace().skip(1).map(str::to_string).collect())
        .collect()
}

fn block<'a>(doc: &'a str, marker: &str) -> &'a str {
    let start = doc
        .find(marker)
        .unwrap_or_else(|| panic!("docs/ci.md has no {marker}"));
    let end = doc[start..].find("```").unwrap();
    &doc[start..start + end]
}

/// Runs a recipe's command in `cwd`, with the recipe's folders pointing at the example.
fn run(args: &[String], cwd: &Path, kommune: &str, base: &str) -> i32 {
    let args: Vec<String> = args
        .iter()
        .map(|a| {
            if a == "kommune" {
                kommune.to_string()
            } else if a == "../base/kommune" {
                base.to_string()
            } else {
                a.clone()
            }
        })
        .collect();
    Command::new(env!("CARGO_BIN_EXE_prinsipp"))
        .args(&args)
        .args(["--dato", "2026-06-01"])
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
        .status
        .code()
        .unwrap_or(-1)
}

#[test]
fn the_github_recipe_produces_a_baseline_annotations_sarif_and_a_comment() {
    let doc = std::fs::read_to_string(repo("docs/ci.md")).unwrap();
    let steps = commands(block(&doc, "# .github/workflows/prinsipp.yml"));
    assert_eq!(steps.len(), 2, "{steps:?}");
    let cwd = scratch("recipe-github");
    let kommune = repo("examples/eksempel-kommune");
    assert_eq!(
        run(&steps[0], &cwd, &kommune, &kommune),
        0,
        "the baseline step never fails"
    );
    let baseline: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(cwd.join("baseline.json")).unwrap()).unwrap();
    assert_eq!(baseline["format_version"], 2);
    // Against its own baseline the proposal introduces nothing: the gate passes.
    assert_eq!(run(&steps[1], &cwd, &kommune, &kommune), 0);
    let sarif: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(cwd.join("prinsipp.sarif")).unwrap())
            .unwrap();
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(repo("tests/data/sarif-schema-2.1.0.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::draft7::new(&schema).unwrap();
    assert!(validator.is_valid(&sarif));
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(results.iter().all(|r| r["baselineState"] == "unchanged"));
    let comment = std::fs::read_to_string(cwd.join("prinsipp.md")).unwrap();
    assert!(
        comment.starts_with("<!-- prinsipp -->\n## prinsipp: ✅"),
        "{comment}"
    );
    assert!(
        comment.contains("Denne endringen introduserer **0 nye funn** og løser **0**."),
        "{comment}"
    );
}

#[test]
fn the_gitlab_recipe_produces_code_quality_and_junit() {
    let doc = std::fs::read_to_string(repo("docs/ci.md")).unwrap();
    let steps = commands(block(&doc, "# .gitlab-ci.yml"));
    assert_eq!(steps.len(), 2);
    let cwd = scratch("recipe-gitlab");
    let kommune = repo("examples/eksempel-kommune");
    assert_eq!(
        run(&steps[0], &cwd, &kommune, &kommune),
        0,
        "the baseline step never fails"
    );
    // Against its own baseline nothing is new: the merge request passes, and the reports
    // still list every open finding.
    assert_eq!(run(&steps[1], &cwd, &kommune, &kommune), 0);
    let quality: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(cwd.join("gl-code-quality-report.json")).unwrap(),
    )
    .unwrap();
    let issues = quality.as_array().unwrap();
    assert_eq!(issues.len(), 61);
    assert!(issues.iter().all(|i| i["check_name"].is_string()
        && i["fingerprint"].is_string()
        && i["location"]["lines"]["begin"].is_u64()));
    let junit = std::fs::read_to_string(cwd.join("prinsipp-junit.xml")).unwrap();
    let xml = roxmltree::Document::parse(&junit).unwrap();
    assert_eq!(xml.root_element().attribute("failures"), Some("0"));

    // A merge request onto a compliant branch that brings the example's problems fails.
    let ryddig = repo("examples/ryddig-kommune");
    assert_eq!(run(&steps[0], &cwd, &ryddig, &ryddig), 0);
    assert_eq!(run(&steps[1], &cwd, &kommune, &ryddig), 1);
    let junit = std::fs::read_to_string(cwd.join("prinsipp-junit.xml")).unwrap();
    let xml = roxmltree::Document::parse(&junit).unwrap();
    assert_eq!(xml.root_element().attribute("failures"), Some("17"));
    assert!(
        xml.root_element()
            .attribute("tests")
            .unwrap()
            .parse::<usize>()
            .unwrap()
            > 200
    );
}

#[test]
fn the_pre_commit_hook_runs_prinsipp_check() {
    let hooks: serde_json::Value =
        yaml_serde::from_str(&std::fs::read_to_string(repo(".pre-commit-hooks.yaml")).unwrap())
            .unwrap();
    let hook = &hooks[0];
    assert_eq!(hook["id"], "prinsipp");
    assert_eq!(hook["entry"], "prinsipp check");
    assert_eq!(hook["pass_filenames"], false);
    // The variant for a machine that has prinsipp already: the same check, nothing built.
    let system = &hooks[1];
    assert_eq!(system["id"], "prinsipp-system");
    assert_eq!(system["language"], "system");
    for key in ["entry", "pass_filenames", "files"] {
        assert_eq!(system[key], hook[key], "{key}");
    }
    let files = regex_lite_match(hook["files"].as_str().unwrap());
    for path in [
        "kommune.yaml",
        "kommune/prosjekter/nytt.yaml",
        "systemer/a.yml",
        "avvik.yaml",
        "prinsipp.toml",
    ] {
        assert!(files(path), "{path} should trigger the hook");
    }
    assert!(!files("README.md"));
    // `entry` plus the recipe's `args` is a plain check of the folder.
    let output = Command::new(env!("CARGO_BIN_EXE_prinsipp"))
        .args(["check", &repo("examples/ryddig-kommune")])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
}

/// The hook's `files` pattern, checked with the few constructs it uses (a test should not
/// need a regex engine): it must match portfolio files and nothing else.
fn regex_lite_match(pattern: &str) -> impl Fn(&str) -> bool {
    assert_eq!(
        pattern,
        r"(^|/)(kommune\.yaml|avvik\.yaml|prinsipp\.toml|(systemer|prosjekter)(/.*)?\.ya?ml)$"
    );
    |path: &str| {
        let name = path.rsplit('/').next().unwrap_or(path);
        let in_folder = |f: &str| {
            path.starts_with(&format!("{f}/"))
                || path.contains(&format!("/{f}/"))
                || path.starts_with(f) && (path.ends_with(".yaml") || path.ends_with(".yml"))
        };
        matches!(name, "kommune.yaml" | "avvik.yaml" | "prinsipp.toml")
            || ((in_folder("systemer") || in_folder("prosjekter"))
                && (path.ends_with(".yaml") || path.ends_with(".yml")))
    }
}

/// No recipe installs prinsipp from the registry (the name is unclaimed there): every
/// `cargo install` of it is from a repository at a pinned commit, with the lock file.
#[test]
fn the_recipes_install_from_a_pinned_revision() {
    let doc = std::fs::read_to_string(repo("docs/ci.md")).unwrap();
    let installs: Vec<&str> = doc
        .lines()
        .map(|l| {
            l.trim()
                .trim_start_matches("- ")
                .trim_start_matches("run: ")
        })
        .filter(|l| l.starts_with("cargo install") && l.ends_with("prinsipp"))
        .collect();
    assert_eq!(installs.len(), 3, "{installs:?}");
    for line in installs {
        assert_eq!(
            line,
            r#"cargo install --locked --git "$PRINSIPP_GIT" --rev "$PRINSIPP_REV" prinsipp"#
        );
    }
    for recipe in ["# .github/workflows/prinsipp.yml", "# .gitlab-ci.yml"] {
        let block = block(&doc, recipe);
        assert!(block.contains("PRINSIPP_REV: 0000000000000000000000000000000000000000"));
    }
}

/// The GitHub Action builds prinsipp from its own revision, with the lock file, and runs
/// what the workflow asks.
#[test]
fn the_action_builds_from_its_own_revision() {
    let action: serde_json::Value =
        yaml_serde::from_str(&std::fs::read_to_string(repo("action.yml")).unwrap()).unwrap();
    assert_eq!(action["runs"]["using"], "composite");
    let steps = action["runs"]["steps"].as_array().unwrap();
    assert_eq!(
        steps[0]["run"],
        r#"cargo install --locked --path "$GITHUB_ACTION_PATH" --bin prinsipp"#
    );
    assert_eq!(steps[1]["run"], "prinsipp $PRINSIPP_ARGS");
    assert_eq!(action["inputs"]["args"]["required"], true);
}

/// The image is built from exactly what the build needs: every path the manifest names is
/// copied in, and the build uses the lock file.
#[test]
fn the_dockerfile_copies_what_the_build_reads() {
    let dockerfile = std::fs::read_to_string(repo("Dockerfile")).unwrap();
    let copied: Vec<&str> = dockerfile
        .lines()
        .filter_map(|l| l.strip_prefix("COPY "))
        .filter(|l| !l.starts_with("--from"))
        .flat_map(|l| {
            let parts: Vec<&str> = l.split_whitespace().collect();
            parts[..parts.len() - 1].to_vec()
        })
        .collect();
    let manifest = std::fs::read_to_string(repo("Cargo.toml")).unwrap();
    let mut needed = vec!["Cargo.toml", "Cargo.lock", "src", "rules"];
    for line in manifest.lines().filter(|l| l.starts_with("path = ")) {
        let path = line.trim_start_matches("path = ").trim_matches('"');
        needed.push(path.split('/').next().unwrap());
    }
    if manifest.contains("[[bench]]") {
        needed.push("benches");
    }
    for path in needed {
        assert!(
            copied.contains(&path),
            "the Dockerfile does not copy {path}"
        );
    }
    assert!(dockerfile.contains("cargo build --release --locked --bin prinsipp"));
    assert!(dockerfile.contains(r#"ENTRYPOINT ["prinsipp"]"#));
}
