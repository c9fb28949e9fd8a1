//! Broken input still produces the reports: on exit 2 every output asked for is written,
//! with the load problems where the findings would be, so that the upload and comment steps
//! of a CI recipe have their files and the mistake shows where a broken principle would.

mod common;
use common::{KOMMUNE, kommune, scratch};
use serde_json::Value;
use std::path::Path;

/// `check FOLDERS --dato 2026-06-01 EXTRA` in `cwd`, every format to a file in `out`.
fn run(cwd: &Path, folders: &[&str], extra: &[&str], out: &Path) -> (i32, String, Vec<String>) {
    let mut args = folders.to_vec();
    args.extend(["--dato", "2026-06-01"]);
    args.extend_from_slice(extra);
    let (run, texts) = common::check_every_format(cwd, &args, out);
    (run.code, run.stderr, texts)
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

fn sarif_errors(sarif: &Value) -> Vec<String> {
    let schema =
        json(&std::fs::read_to_string(common::repo("tests/data/sarif-schema-2.1.0.json")).unwrap());
    let validator = jsonschema::draft7::new(&schema).unwrap();
    validator
        .iter_errors(sarif)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

const TYPO: &[u8] = b"systemer:\n  - id: a\n    navn: A\n    drfit: saas\n";

#[test]
fn a_typo_in_one_kommune_is_in_every_report() {
    let dir = kommune(
        "unread-one",
        &[("kommune.yaml", KOMMUNE), ("systemer/a.yaml", TYPO)],
    );
    let out = scratch("unread-one-out");
    let (code, stderr, texts) = run(&dir, &["."], &[], &out);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("feil: systemer/a.yaml:4:5: Ukjent felt `drfit` i system"));
    // The table file holds what stderr says.
    assert!(
        texts[0].starts_with(
            "feil: systemer/a.yaml:4:5: Ukjent felt `drfit` i system\n  tips: Mente du `drift`?"
        ),
        "{}",
        texts[0]
    );
    assert!(
        texts[0].ends_with(
            "1 feil i inndata: ingen regler er kjørt. Rett feilene over og kjør igjen.\n"
        )
    );
    // JSON: the run's fields and the problems.
    let doc = json(&texts[1]);
    let keys = ["format_version", "tool", "dato", "fail_on", "diagnostics"];
    assert_eq!(doc.as_object().unwrap().len(), keys.len());
    let at: Vec<usize> = keys
        .iter()
        .map(|k| texts[1].find(&format!("\n  \"{k}\":")).unwrap())
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{}", texts[1]);
    assert_eq!(doc["diagnostics"][0]["level"], "feil");
    assert_eq!(doc["diagnostics"][0]["file"], "systemer/a.yaml");
    assert_eq!(doc["diagnostics"][0]["line"], 4);
    assert_eq!(doc["diagnostics"][0]["column"], 5);
    assert_eq!(
        doc["diagnostics"][0]["message"],
        "Ukjent felt `drfit` i system"
    );
    assert!(
        doc["diagnostics"][0]["hint"]
            .as_str()
            .unwrap()
            .starts_with("Mente du `drift`?")
    );
    // SARIF: valid, a result of the load rule at the place, the invocation unsuccessful.
    let sarif = json(&texts[2]);
    let errors = sarif_errors(&sarif);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    let run0 = &sarif["runs"][0];
    assert_eq!(run0["tool"]["driver"]["rules"][0]["id"], "INNLESING");
    let result = &run0["results"][0];
    assert_eq!(result["ruleId"], "INNLESING");
    assert_eq!(result["level"], "error");
    let location = &result["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], "systemer/a.yaml");
    assert_eq!(location["region"]["startLine"], 4);
    assert_eq!(run0["invocations"][0]["executionSuccessful"], false);
    assert_eq!(
        run0["invocations"][0]["toolExecutionNotifications"][0]["level"],
        "error"
    );
    // JUnit: an error test case.
    let xml = roxmltree::Document::parse(&texts[3]).unwrap();
    let root = xml.root_element();
    assert_eq!(root.attribute("errors"), Some("1"));
    assert_eq!(root.attribute("tests"), Some("1"));
    let case = xml
        .descendants()
        .find(|n| n.has_tag_name("testcase"))
        .unwrap();
    assert_eq!(case.attribute("classname"), Some("INNLESING"));
    assert_eq!(case.attribute("name"), Some("systemer/a.yaml:4:5"));
    let error = case.children().find(|n| n.has_tag_name("error")).unwrap();
    assert_eq!(
        error.attribute("message"),
        Some("Ukjent felt `drfit` i system")
    );
    // GitHub: the annotation.
    assert!(
        texts[4].starts_with("::error file=systemer/a.yaml,line=4,col=5,title=prinsipp::Ukjent felt `drfit` i system (Mente du `drift`?"),
        "{}",
        texts[4]
    );
    // GitLab: an issue at the place.
    let gitlab = json(&texts[5]);
    let issues = gitlab.as_array().unwrap();
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0]["check_name"], "INNLESING");
    assert_eq!(issues[0]["severity"], "blocker");
    assert_eq!(issues[0]["location"]["path"], "systemer/a.yaml");
    assert_eq!(issues[0]["location"]["lines"]["begin"], 4);
    assert!(issues[0]["fingerprint"].as_str().unwrap().len() == 32);
    // Markdown: the marker, the verdict, and how to fix.
    let md = &texts[6];
    assert!(
        md.starts_with("<!-- prinsipp -->\n## prinsipp: ❌ 1 feil i inndata: ingen regler er kjørt\n\n### Kunne ikke lese (1)\n"),
        "{md}"
    );
    assert!(
        md.contains("| 🔴 feil | `systemer/a.yaml:4:5` | Ukjent felt \\`drfit\\` i system | Mente du \\`drift\\`?"),
        "{md}"
    );
}

#[test]
fn in_english_the_reports_say_it_in_english() {
    let dir = kommune(
        "unread-en",
        &[("kommune.yaml", KOMMUNE), ("systemer/a.yaml", TYPO)],
    );
    let out = scratch("unread-en-out");
    let (code, _, texts) = run(&dir, &["."], &["--lang", "en"], &out);
    assert_eq!(code, 2);
    assert!(texts[6].contains("## prinsipp: ❌ 1 error(s) in the input: no rule was run"));
    assert!(texts[6].contains("### Could not read (1)"));
    assert_eq!(
        json(&texts[1])["diagnostics"][0]["message"],
        "Unknown key `drfit` in system"
    );
}

/// The result of a run that read nothing is not a baseline: said so, with what to do.
#[test]
fn the_result_of_a_broken_run_is_refused_as_a_baseline() {
    let dir = kommune(
        "unread-base",
        &[("kommune.yaml", KOMMUNE), ("systemer/a.yaml", TYPO)],
    );
    let out = scratch("unread-base-out");
    run(&dir, &["."], &[], &out);
    let good = kommune("unread-base-good", &[("kommune.yaml", KOMMUNE)]);
    let baseline = out.join("json");
    let check = common::prinsipp(&[
        "check",
        good.to_str().unwrap(),
        "--baseline",
        baseline.to_str().unwrap(),
    ]);
    assert_eq!(check.code, 2);
    assert!(
        check
            .stderr
            .contains("Baselinen er resultatet av en kjøring som ikke kunne lese inndata (exit 2)"),
        "{}",
        check.stderr
    );
}

#[test]
fn wrong_format_flags_write_nothing() {
    let dir = kommune("unread-flags", &[("kommune.yaml", KOMMUNE)]);
    let out = scratch("unread-flags-out");
    let target = out.join("same");
    let both = format!("sarif={}", target.display());
    let again = format!("json={}", target.display());
    let run = common::prinsipp(&[
        "check",
        dir.to_str().unwrap(),
        "--format",
        &both,
        "--format",
        &again,
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("To formater skal skrives til samme fil")
    );
    assert!(!target.exists());
}

const AUST: &[u8] = b"kommune:\n  navn: Aust kommune\n  kommunenummer: \"3901\"\n";
const VEST: &[u8] = b"kommune:\n  navn: Vest kommune\n  kommunenummer: \"3902\"\n";
const UNKNOWN: &[u8] = b"systemer:\n  - id: x\n    navn: X\n";

/// Several kommuner, one of them broken: the others' results, and the broken one's
/// problems in every format.
#[test]
fn a_broken_kommune_among_several_is_in_every_report_beside_the_others() {
    let top = scratch("unread-several");
    std::fs::create_dir(top.join(".git")).unwrap();
    for (path, text) in [
        ("a/kommune.yaml", AUST),
        ("a/systemer.yaml", UNKNOWN),
        ("b/kommune.yaml", VEST),
        ("b/systemer/a.yaml", TYPO),
    ] {
        let path = top.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let out = scratch("unread-several-out");
    let (code, stderr, texts) = run(&top, &["."], &["--fail-on", "advarsel"], &out);
    assert_eq!(code, 2, "{stderr}");
    // The table: Aust's section (Vest's problems are on stderr).
    assert!(texts[0].contains("Aust kommune (3901) — a"), "{}", texts[0]);
    let doc = json(&texts[1]);
    assert_eq!(doc["kommuner"].as_array().unwrap().len(), 1);
    assert_eq!(doc["diagnostics"][0]["file"], "b/systemer/a.yaml");
    let sarif = json(&texts[2]);
    let errors = sarif_errors(&sarif);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let rules: Vec<&str> = results
        .iter()
        .map(|r| r["ruleId"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["INNLESING", "INV-01"]);
    assert_eq!(
        sarif["runs"][0]["invocations"][0]["executionSuccessful"],
        false
    );
    let xml = roxmltree::Document::parse(&texts[3]).unwrap();
    assert_eq!(xml.root_element().attribute("errors"), Some("1"));
    assert_eq!(xml.root_element().attribute("failures"), Some("1"));
    assert!(texts[4].contains("::error file=b/systemer/a.yaml,line=4,col=5"));
    let gitlab = json(&texts[5]);
    let checks: Vec<&str> = gitlab
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["check_name"].as_str().unwrap())
        .collect();
    assert_eq!(checks, ["INNLESING", "INV-01"]);
    let md = &texts[6];
    assert!(
        md.starts_with("<!-- prinsipp -->\n# prinsipp: ❌ 1 feil i inndata: ikke alle kommunene er kontrollert\n"),
        "{md}"
    );
    let problems = md.find("### Kunne ikke lese (1)").unwrap();
    let aust = md.find("## Aust kommune (3901)").unwrap();
    assert!(problems < aust, "{md}");
}

/// A problem of the run itself (here a baseline that is not JSON) stops every kommune; the
/// reports still say why.
#[test]
fn a_broken_baseline_with_several_kommuner_is_in_every_report() {
    let top = scratch("unread-run");
    std::fs::create_dir(top.join(".git")).unwrap();
    for (path, text) in [("a/kommune.yaml", AUST), ("b/kommune.yaml", VEST)] {
        let path = top.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    std::fs::write(top.join("base.json"), "ikke json").unwrap();
    let out = scratch("unread-run-out");
    let (code, stderr, texts) = run(&top, &["a", "b"], &["--baseline", "base.json"], &out);
    assert_eq!(code, 2, "{stderr}");
    let doc = json(&texts[1]);
    assert_eq!(doc["diagnostics"][0]["file"], "base.json");
    assert!(
        doc["diagnostics"][0]["message"]
            .as_str()
            .unwrap()
            .starts_with("Ugyldig baseline")
    );
    let sarif = json(&texts[2]);
    let errors = sarif_errors(&sarif);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    assert_eq!(sarif["runs"][0]["results"][0]["ruleId"], "INNLESING");
    assert!(texts[6].contains("`base.json:1:1`"), "{}", texts[6]);
}

/// Several kommuner: every warning of the run is in JSON's `diagnostics` and SARIF's
/// notifications, and a problem that every kommune meets (a broken `--config`) is said
/// once in each report.
#[test]
fn several_kommuners_problems_are_each_said_once() {
    let top = scratch("unread-once");
    std::fs::create_dir(top.join(".git")).unwrap();
    for (path, text) in [
        ("a/kommune.yaml", AUST),
        ("a/systemer/tom.yaml", b"" as &[u8]),
        ("b/kommune.yaml", VEST),
    ] {
        let path = top.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let out = scratch("unread-once-out");
    let (code, stderr, texts) = run(&top, &["a", "b"], &["--baseline", "mangler.json"], &out);
    assert_eq!(code, 0, "{stderr}");
    let doc = json(&texts[1]);
    let files: Vec<&str> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["file"].as_str().unwrap())
        .collect();
    assert_eq!(files, ["mangler.json", "a/systemer/tom.yaml"]);
    let sarif = json(&texts[2]);
    let notes = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap();
    assert_eq!(notes.len(), 2);
    assert_eq!(
        sarif["runs"][0]["invocations"][0]["executionSuccessful"],
        true
    );
    // One settings file for both kommuner, broken: one problem, one issue.
    std::fs::write(top.join("felles.toml"), "[regler.FOO]\nbar = 1\n").unwrap();
    let (code, _, texts) = run(
        &top,
        &["a", "b"],
        &["--config", "felles.toml"],
        &out.join("cfg"),
    );
    assert_eq!(code, 2);
    let issues = json(&texts[5]);
    let issues = issues.as_array().unwrap();
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert_eq!(issues[0]["location"]["path"], "felles.toml");
    let xml = roxmltree::Document::parse(&texts[3]).unwrap();
    assert_eq!(xml.root_element().attribute("errors"), Some("1"));
}

/// An output that cannot be written does not keep the others from being written.
#[test]
fn one_output_that_cannot_be_written_does_not_stop_the_others() {
    let dir = kommune("unread-write", &[("kommune.yaml", KOMMUNE)]);
    let out = scratch("unread-write-out");
    std::fs::write(out.join("fil"), "en fil, ikke en mappe").unwrap();
    let blocked = format!("json={}", out.join("fil/ut.json").display());
    let after = out.join("etter.sarif");
    let run = common::prinsipp(&[
        "check",
        dir.to_str().unwrap(),
        "--format",
        &blocked,
        "--format",
        &format!("sarif={}", after.display()),
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(after.is_file(), "{}", run.stderr);
}
