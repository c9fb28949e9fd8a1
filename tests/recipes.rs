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
        // What the shell does when prinsipp fails (`|| rm -f baseline.json`) is not its.
        .map(|l| l.split(" || ").next().unwrap_or(l))
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

/// A pull request as CI sees it, made with git: an origin whose `main` has the tidy
/// example kommune in `kommune/`, a branch `forslag` that adds a project breaking a
/// principle, and a fresh full clone of the origin with `forslag` checked out. With
/// `broken_main`, a later commit on `main` breaks a file there.
fn pull_request(name: &str, broken_main: bool) -> std::path::PathBuf {
    let top = scratch(name);
    let git = |dir: &Path, args: &[&str]| {
        let status = Command::new("git")
            .current_dir(dir)
            .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
            .args([
                "-c",
                "init.defaultBranch=main",
                "-c",
                "advice.detachedHead=false",
            ])
            .args(args)
            .output()
            .unwrap();
        assert!(status.status.success(), "git {args:?}: {status:?}");
    };
    git(&top, &["init", "-q", "--bare", "origin.git"]);
    let seed = top.join("seed");
    std::fs::create_dir(&seed).unwrap();
    git(&seed, &["init", "-q", "-b", "main"]);
    common::copy_tree(
        Path::new(&repo("examples/ryddig-kommune")),
        &seed.join("kommune"),
    );
    git(&seed, &["add", "."]);
    git(&seed, &["commit", "-q", "-m", "Kommunen"]);
    git(&seed, &["remote", "add", "origin", "../origin.git"]);
    git(&seed, &["push", "-q", "origin", "main"]);
    git(&seed, &["checkout", "-q", "-b", "forslag"]);
    std::fs::write(
        seed.join("kommune/prosjekter/nytt-fagsystem.yaml"),
        "prosjekt:\n  id: nytt-fagsystem\n  navn: Nytt fagsystem\n  prosjekteier: Kommunalsjef helse\n  fase: planlegge\n  nye_systemer:\n    - id: lokalt-fagsystem\n      navn: Lokalt fagsystem\n      drift: egen_drift\n",
    )
    .unwrap();
    git(&seed, &["add", "."]);
    git(&seed, &["commit", "-q", "-m", "Forslag"]);
    git(&seed, &["push", "-q", "origin", "forslag"]);
    if broken_main {
        git(&seed, &["checkout", "-q", "main"]);
        std::fs::write(seed.join("kommune/kommune.yaml"), "kommune: [uavsluttet\n").unwrap();
        git(&seed, &["commit", "-q", "-am", "Ødelagt"]);
        git(&seed, &["push", "-q", "origin", "main"]);
    }
    git(&top, &["clone", "-q", "origin.git", "checkout"]);
    let checkout = top.join("checkout");
    git(&checkout, &["checkout", "-q", "forslag"]);
    checkout
}

/// A folder for PATH with `prinsipp` (this build: the recipes' install step is what puts
/// it there) and a stand-in for GitHub's `gh` that logs its calls, answers the comment list
/// from `$GH_COMMENTS` through the recipe's own `--jq` filter, and logs the first line of
/// a body it is given.
fn tools(dir: &Path) -> String {
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_prinsipp"), bin.join("prinsipp")).unwrap();
    let gh = bin.join("gh");
    std::fs::write(
        &gh,
        r#"#!/usr/bin/env bash
set -e
echo "gh $*" >> "$GH_LOG"
filter=""
for ((i = 1; i <= $#; i++)); do
  arg="${!i}"; next=$((i + 1))
  case "$arg" in
    --jq) filter="${!next}" ;;
    body=@*) echo "body: $(head -n 1 "${arg#body=@}")" >> "$GH_LOG" ;;
    --body-file) echo "body: $(head -n 1 "${!next}")" >> "$GH_LOG" ;;
  esac
done
if [ -n "$filter" ]; then jq -r "$filter" "$GH_COMMENTS"; fi
"#,
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&gh, std::fs::Permissions::from_mode(0o755)).unwrap();
    format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    )
}

/// A workflow's `${{ … }}` expressions, as GitHub fills them in for pull request 7.
fn github_expressions(text: &str) -> String {
    let filled = text
        .replace("${{ github.base_ref }}", "main")
        .replace("${{ github.token }}", "token")
        .replace("${{ github.repository }}", "kommune/portefolje")
        .replace("${{ github.event.pull_request.number }}", "7");
    assert!(
        !filled.contains("${{"),
        "an expression the test does not know: {filled}"
    );
    filled
}

/// Runs one `run:` step as GitHub's default shell does (`bash -eo pipefail`), with the
/// workflow's and the step's `env`; returns its exit code.
fn run_step(
    step: &serde_json::Value,
    env: &serde_json::Value,
    cwd: &Path,
    path: &str,
    extra: &[(&str, &Path)],
) -> i32 {
    let script = github_expressions(step["run"].as_str().unwrap());
    let mut command = Command::new("bash");
    command
        .args(["--noprofile", "--norc", "-eo", "pipefail", "-c", &script])
        .current_dir(cwd)
        .env("PATH", path)
        .env("NO_COLOR", "1");
    for vars in [env, &step["env"]] {
        for (k, v) in vars.as_object().into_iter().flatten() {
            command.env(k, github_expressions(v.as_str().unwrap()));
        }
    }
    for (k, v) in extra {
        command.env(k, v);
    }
    let output = command.output().unwrap();
    output.status.code().unwrap_or(-1)
}

/// The GitHub workflow of docs/ci.md, its shell steps run as written in a real clone of a
/// pull request: the baseline from the target branch through a git worktree, the check, and
/// the comment kept to one (posted, then updated). The install step is left out (this
/// build is on PATH) and the actions it `uses:` are checked by what they read.
#[test]
fn the_github_workflow_runs_as_written_on_a_pull_request() {
    let doc = std::fs::read_to_string(repo("docs/ci.md")).unwrap();
    let workflow: serde_json::Value =
        yaml_serde::from_str(block(&doc, "# .github/workflows/prinsipp.yml")).unwrap();
    let env = &workflow["env"];
    let steps: Vec<&serde_json::Value> = workflow["jobs"]["prinsipp"]["steps"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| {
            s["run"]
                .as_str()
                .is_some_and(|r| !r.starts_with("cargo install"))
        })
        .collect();
    let names: Vec<&str> = steps.iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        [
            "Baseline from the target branch",
            "Check the proposal",
            "Comment on the pull request (one comment, kept up to date)"
        ]
    );
    let checkout = pull_request("workflow-github", false);
    let path = tools(checkout.parent().unwrap());
    let log = checkout.parent().unwrap().join("gh.log");
    let none = checkout.parent().unwrap().join("none.json");
    std::fs::write(&none, "[]").unwrap();
    let extra = [("GH_LOG", log.as_path()), ("GH_COMMENTS", none.as_path())];
    assert_eq!(run_step(steps[0], env, &checkout, &path, &extra), 0);
    assert!(checkout.join("baseline.json").is_file());
    // The proposal brings a new finding: the step fails, and the reports are there.
    assert_eq!(run_step(steps[1], env, &checkout, &path, &extra), 1);
    let sarif: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(checkout.join("prinsipp.sarif")).unwrap())
            .unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let new: Vec<&serde_json::Value> = results
        .iter()
        .filter(|r| r["baselineState"] == "new")
        .collect();
    assert!(!new.is_empty());
    // Named from the checkout's root, as the pull request's diff names them.
    let uris: Vec<&str> = new
        .iter()
        .map(|r| {
            let location = &r["locations"][0]["physicalLocation"]["artifactLocation"];
            assert_eq!(location["uriBaseId"], "%SRCROOT%");
            location["uri"].as_str().unwrap()
        })
        .collect();
    assert!(
        uris.contains(&"kommune/prosjekter/nytt-fagsystem.yaml"),
        "{uris:?}"
    );
    assert!(uris.iter().all(|u| u.starts_with("kommune/")), "{uris:?}");
    let comment = std::fs::read_to_string(checkout.join("prinsipp.md")).unwrap();
    assert!(
        comment.contains("Denne endringen introduserer"),
        "{comment}"
    );
    // No comment yet: one is posted. Then, with it there, it is updated.
    assert_eq!(run_step(steps[2], env, &checkout, &path, &extra), 0);
    let existing = checkout.parent().unwrap().join("existing.json");
    std::fs::write(
        &existing,
        r#"[{"id": 12, "body": "Fint!"}, {"id": 99, "body": "<!-- prinsipp -->\n## prinsipp: …"}]"#,
    )
    .unwrap();
    let extra = [
        ("GH_LOG", log.as_path()),
        ("GH_COMMENTS", existing.as_path()),
    ];
    assert_eq!(run_step(steps[2], env, &checkout, &path, &extra), 0);
    let calls = std::fs::read_to_string(&log).unwrap();
    let calls: Vec<&str> = calls.lines().collect();
    assert_eq!(
        calls,
        [
            "gh api repos/kommune/portefolje/issues/7/comments --paginate --jq .[] | select(.body | startswith(\"<!-- prinsipp -->\")) | .id",
            "gh pr comment 7 --body-file prinsipp.md",
            "body: <!-- prinsipp -->",
            "gh api repos/kommune/portefolje/issues/7/comments --paginate --jq .[] | select(.body | startswith(\"<!-- prinsipp -->\")) | .id",
            "gh api --method PATCH repos/kommune/portefolje/issues/comments/99 -F body=@prinsipp.md",
            "body: <!-- prinsipp -->",
        ]
    );
    // A push that breaks a file: the check fails with exit 2, and the comment and the
    // upload still have their reports, which say what to fix.
    let broken = checkout.join("kommune/prosjekter/nytt-fagsystem.yaml");
    let text = std::fs::read_to_string(&broken).unwrap();
    std::fs::write(
        &broken,
        text.replace("  fase: planlegge", "  fsae: planlegge"),
    )
    .unwrap();
    assert_eq!(run_step(steps[1], env, &checkout, &path, &extra), 2);
    let comment = std::fs::read_to_string(checkout.join("prinsipp.md")).unwrap();
    assert!(
        comment.starts_with("<!-- prinsipp -->\n## prinsipp: ❌"),
        "{comment}"
    );
    assert!(
        comment.contains("`kommune/prosjekter/nytt-fagsystem.yaml:5:3`"),
        "{comment}"
    );
    let sarif: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(checkout.join("prinsipp.sarif")).unwrap())
            .unwrap();
    assert_eq!(sarif["runs"][0]["results"][0]["ruleId"], "INNLESING");
}

/// The GitLab job of docs/ci.md, its script run as written (one shell, stopping at the first
/// failing line, as GitLab runs it) in a real clone of a merge request.
#[test]
fn the_gitlab_job_runs_as_written_on_a_merge_request() {
    let doc = std::fs::read_to_string(repo("docs/ci.md")).unwrap();
    let job: serde_json::Value = yaml_serde::from_str(block(&doc, "# .gitlab-ci.yml")).unwrap();
    let job = &job["prinsipp"];
    let script: Vec<&str> = job["script"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap())
        .filter(|l| !l.starts_with("cargo install"))
        .collect();
    let checkout = pull_request("workflow-gitlab", false);
    let path = tools(checkout.parent().unwrap());
    let output = Command::new("bash")
        .args(["--noprofile", "--norc", "-e", "-c", &script.join("\n")])
        .current_dir(&checkout)
        .env("PATH", path)
        .env("NO_COLOR", "1")
        .env("CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main")
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // The artifacts the job declares are there, and say what the merge request brings.
    let reports = &job["artifacts"]["reports"];
    let quality = checkout.join(reports["codequality"].as_str().unwrap());
    let issues: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(quality).unwrap()).unwrap();
    assert!(
        issues
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["location"]["path"] == "kommune/prosjekter/nytt-fagsystem.yaml")
    );
    let junit = std::fs::read_to_string(checkout.join(reports["junit"].as_str().unwrap())).unwrap();
    let xml = roxmltree::Document::parse(&junit).unwrap();
    let failures: usize = xml
        .root_element()
        .attribute("failures")
        .unwrap()
        .parse()
        .unwrap();
    assert!(failures >= 1, "{junit}");
    assert!(
        String::from_utf8_lossy(&output.stdout).contains("kommune/prosjekter/nytt-fagsystem.yaml")
    );
}

/// When the target branch itself cannot be read, the workflow's baseline step leaves no
/// baseline, and the proposal is checked as a first one: every finding new, none hidden.
#[test]
fn a_broken_target_branch_leaves_no_baseline_and_hides_nothing() {
    let doc = std::fs::read_to_string(repo("docs/ci.md")).unwrap();
    let workflow: serde_json::Value =
        yaml_serde::from_str(block(&doc, "# .github/workflows/prinsipp.yml")).unwrap();
    let steps = workflow["jobs"]["prinsipp"]["steps"].as_array().unwrap();
    let step = |name: &str| steps.iter().find(|s| s["name"] == name).unwrap();
    let checkout = pull_request("workflow-broken-main", true);
    let path = tools(checkout.parent().unwrap());
    let env = &workflow["env"];
    assert_eq!(
        run_step(
            step("Baseline from the target branch"),
            env,
            &checkout,
            &path,
            &[]
        ),
        0
    );
    assert!(!checkout.join("baseline.json").exists());
    assert_eq!(
        run_step(step("Check the proposal"), env, &checkout, &path, &[]),
        1
    );
    let comment = std::fs::read_to_string(checkout.join("prinsipp.md")).unwrap();
    // No baseline: every finding is listed as open, and the failing ones fail the step.
    assert!(
        comment.starts_with("<!-- prinsipp -->\n## prinsipp: ❌"),
        "{comment}"
    );
    assert!(comment.contains("\n### Funn ("), "{comment}");
}
