//! `prinsipp check` on several kommuner at once: folders named one by one, or a parent
//! folder whose subfolders are kommune folders. One result, one exit code; a kommune that
//! cannot be read does not stop the others.

mod common;

use common::{only, prinsipp, scratch};
use std::path::{Path, PathBuf};

fn kommune_yaml(name: &str, number: &str) -> String {
    format!("kommune:\n  navn: {name}\n  kommunenummer: \"{number}\"\n")
}

/// One system that INV-01 flags (it says nothing of owner, hosting and the rest).
const UNKNOWN_SYSTEM: &str = "systemer:\n  - id: ukjent-verktoy\n    navn: Ukjent verktøy\n";
/// One system that INV-01 lets pass.
const KNOWN_SYSTEM: &str = "systemer:\n  - id: sak\n    navn: Sak\n    systemeier: IT-sjef\n    drift: saas\n    livslop: aktiv\n    programvaretype: hyllevare\n    personopplysninger: ingen\n";

fn write(dir: &Path, path: &str, text: &str) {
    let path = dir.join(path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// A parent folder: `a` (one finding), `b` (clean), and the kommuner `extra` names.
fn parent(extra: &[(&str, &str, &str)]) -> PathBuf {
    let root = scratch("several");
    // The top of a repository of kommuner: paths are shown from here (`a/systemer.yaml`).
    std::fs::create_dir(root.join(".git")).unwrap();
    write(
        &root,
        "a/kommune.yaml",
        &kommune_yaml("Aust kommune", "3901"),
    );
    write(&root, "a/systemer.yaml", UNKNOWN_SYSTEM);
    write(
        &root,
        "b/kommune.yaml",
        &kommune_yaml("Vest kommune", "3902"),
    );
    write(&root, "b/systemer.yaml", KNOWN_SYSTEM);
    for (folder, file, text) in extra {
        write(&root, &format!("{folder}/{file}"), text);
    }
    // Not a kommune folder: no kommune.yaml.
    write(&root, "notater/lesmeg.txt", "ikke en kommune");
    root
}

fn check(args: &[&str]) -> common::Run {
    let config = only(&["INV-01"]);
    let mut all = vec!["check", "--dato", "2026-06-01", "--config", &config];
    // INV-01 warns: let a warning fail the run unless the test says otherwise.
    if !args.contains(&"--fail-on") {
        all.extend(["--fail-on", "advarsel"]);
    }
    all.extend_from_slice(args);
    prinsipp(&all)
}

#[test]
fn a_parent_folder_is_its_kommuner_grouped_with_a_total() {
    let root = parent(&[]);
    let run = check(&[root.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    // Each kommune's folder from the repository's root.
    let at_a = run
        .stdout
        .find("Aust kommune (3901) — a\n")
        .expect("a heading for Aust");
    let at_b = run
        .stdout
        .find("Vest kommune (3902) — b\n")
        .expect("a heading for Vest");
    assert!(at_a < at_b, "in the order of the folders' names");
    let aust = &run.stdout[at_a..at_b];
    assert!(aust.contains("system ukjent-verktoy"));
    assert!(aust.contains("0 feil, 1 advarsel — 1 system, 0 prosjekter kontrollert"));
    let vest = &run.stdout[at_b..];
    assert!(vest.contains("Ingen funn — 1 system, 0 prosjekter kontrollert"));
    assert!(run.stdout.ends_with(
        "Totalt for 2 kommuner: 0 feil, 1 advarsel — 2 systemer, 0 prosjekter kontrollert\n"
    ));
}

#[test]
fn folders_named_one_by_one_are_checked_in_the_order_named() {
    let root = parent(&[]);
    let (a, b) = (root.join("a"), root.join("b"));
    let run = check(&[b.to_str().unwrap(), a.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let vest = run.stdout.find("Vest kommune (3902)").unwrap();
    let aust = run.stdout.find("Aust kommune (3901)").unwrap();
    assert!(vest < aust);
}

#[test]
fn an_unreadable_kommune_is_reported_and_the_others_still_checked() {
    let root = parent(&[
        ("c", "kommune.yaml", &kommune_yaml("Nord kommune", "3903")),
        (
            "c",
            "systemer.yaml",
            "systemer:\n  - id: x\n    navn: [uavsluttet\n",
        ),
    ]);
    let json = root.join("ut.json");
    let run = check(&[
        root.to_str().unwrap(),
        "--format",
        "table",
        "--format",
        &format!("json={}", json.display()),
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    // The broken file and its folder are named from the repository's root.
    assert!(
        run.stderr
            .contains("feil: c/systemer.yaml:4:1: Ugyldig YAML"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.ends_with(
        "Kunne ikke lese 1 av 3 kommuner (c); de andre er kontrollert. Rett feilene over og kjør igjen.\n"
    ));
    assert!(run.stdout.contains("Aust kommune (3901)"));
    assert!(run.stdout.contains("Totalt for 2 kommuner"));
    let doc: serde_json::Value = serde_json::from_str(&common::read(&json)).unwrap();
    let names: Vec<&str> = doc["kommuner"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["kommune"]["navn"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Aust kommune", "Vest kommune"]);
}

#[test]
fn json_has_the_run_once_and_the_kommune_on_every_finding() {
    let root = parent(&[]);
    let run = check(&[root.to_str().unwrap(), "--format", "json"]);
    assert_eq!(run.code, 1);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(doc["format_version"], 2);
    assert_eq!(doc["dato"], "2026-06-01");
    assert_eq!(doc["fail_on"], "advarsel");
    assert_eq!(doc["counts"]["advarsel"], 1);
    assert_eq!(doc["counts"]["failing"], 1);
    assert_eq!(doc["counts"]["systemer"], 2);
    let kommuner = doc["kommuner"].as_array().unwrap();
    assert_eq!(kommuner.len(), 2);
    assert!(kommuner[0].get("format_version").is_none());
    assert!(kommuner[0].get("dato").is_none());
    assert_eq!(kommuner[0]["counts"]["advarsel"], 1);
    assert_eq!(kommuner[1]["counts"]["advarsel"], 0);
    let finding = &kommuner[0]["findings"][0];
    assert_eq!(finding["code"], "INV-01");
    assert_eq!(finding["kommune"], "Aust kommune");
    assert_eq!(finding["kommunenummer"], "3901");
    assert_eq!(finding["file"], "a/systemer.yaml");
}

#[test]
fn ci_formats_name_the_kommune_of_each_finding() {
    let root = parent(&[("c", "kommune.yaml", &kommune_yaml("Nord kommune", "3903"))]);
    write(&root, "c/systemer.yaml", UNKNOWN_SYSTEM);
    let dir = root.to_str().unwrap();
    let outputs = ["sarif", "junit", "github", "gitlab", "markdown"];
    let runs: Vec<common::Run> = outputs
        .iter()
        .map(|f| check(&[dir, "--format", f]))
        .collect();
    for (format, run) in outputs.iter().zip(&runs) {
        assert_eq!(run.code, 1, "{format}: {}", run.stderr);
    }
    // SARIF: one run, the rule once, every result with its kommune and its own file.
    let sarif: serde_json::Value = serde_json::from_str(&runs[0].stdout).unwrap();
    let run = &sarif["runs"][0];
    assert_eq!(run["tool"]["driver"]["rules"].as_array().unwrap().len(), 1);
    let results = run["results"].as_array().unwrap();
    let kommuner: Vec<&str> = results
        .iter()
        .map(|r| r["properties"]["kommunenummer"].as_str().unwrap())
        .collect();
    assert_eq!(kommuner, ["3901", "3903"]);
    assert!(results.iter().all(|r| r["ruleId"] == "INV-01"));
    let uri = |i: usize| {
        results[i]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(uri(0), "a/systemer.yaml");
    assert_eq!(uri(1), "c/systemer.yaml");
    // JUnit: each kommune's suites, led by the kommune; the totals over all.
    let junit = &runs[1].stdout;
    let doc = roxmltree::Document::parse(junit).unwrap();
    let root_el = doc.root_element();
    assert_eq!(root_el.attribute("failures"), Some("2"));
    assert_eq!(root_el.attribute("tests"), Some("3"));
    let suites: Vec<&str> = root_el
        .children()
        .filter(|n| n.has_tag_name("testsuite"))
        .map(|n| n.attribute("name").unwrap())
        .collect();
    assert_eq!(suites.len(), 3);
    assert!(suites[0].starts_with("Aust kommune (3901): INV-01 "));
    assert!(suites[1].starts_with("Vest kommune (3902): INV-01 "));
    // GitHub: the message names the kommune.
    let github: Vec<&str> = runs[2].stdout.lines().collect();
    assert_eq!(github.len(), 2);
    assert!(github[0].contains("::Aust kommune (3901): system ukjent-verktoy: "));
    assert!(github[1].contains("::Nord kommune (3903): system ukjent-verktoy: "));
    // GitLab: one issue per kommune, with fingerprints that differ.
    let gitlab: serde_json::Value = serde_json::from_str(&runs[3].stdout).unwrap();
    let issues = gitlab.as_array().unwrap();
    assert_eq!(issues.len(), 2);
    assert_ne!(issues[0]["fingerprint"], issues[1]["fingerprint"]);
    assert!(
        issues[0]["description"]
            .as_str()
            .unwrap()
            .starts_with("Aust kommune (3901): INV-01 system ukjent-verktoy: ")
    );
    // Markdown: the verdict over all, then a section per kommune.
    let md = &runs[4].stdout;
    assert!(md.starts_with("<!-- prinsipp -->\n# prinsipp: ❌ 2 funn må rettes eller godkjennes som avvik\n\nTotalt for 3 kommuner: 0 feil, 2 advarsler — 3 systemer, 0 prosjekter kontrollert.\n\n## Aust kommune (3901): ❌ 1 funn"), "{md}");
    assert!(md.contains("\n## Vest kommune (3902): ✅"));
    assert!(md.contains("\n## Nord kommune (3903): ❌ 1 funn"));
}

#[test]
fn a_result_of_several_is_their_baseline() {
    let root = parent(&[]);
    let baseline = root.join("baseline.json");
    let dir = root.to_str().unwrap();
    let first = check(&[
        dir,
        "--fail-on",
        "never",
        "--format",
        &format!("json={}", baseline.display()),
    ]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    // A new finding in the clean kommune: only it is new.
    write(
        &root,
        "b/systemer.yaml",
        &format!("{KNOWN_SYSTEM}  - id: ny\n    navn: Ny\n"),
    );
    let again = check(&[
        dir,
        "--baseline",
        baseline.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(again.code, 1, "{}", again.stderr);
    let doc: serde_json::Value = serde_json::from_str(&again.stdout).unwrap();
    let status = |k: usize| -> Vec<String> {
        doc["kommuner"][k]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| format!("{} {}", f["subject_id"].as_str().unwrap(), f["status"]))
            .collect()
    };
    assert_eq!(status(0), ["ukjent-verktoy \"baseline\""]);
    assert_eq!(status(1), ["ny \"open\""]);
    assert_eq!(doc["counts"]["failing"], 1);
    assert_eq!(doc["counts"]["baseline"], 1);
}

#[test]
fn a_kommune_the_baseline_does_not_hold_has_no_baseline() {
    let root = parent(&[]);
    let baseline = root.join("baseline.json");
    let first = check(&[
        root.join("b").to_str().unwrap(),
        root.join("a").to_str().unwrap(),
        "--fail-on",
        "never",
        "--format",
        &format!("json={}", baseline.display()),
    ]);
    assert_eq!(first.code, 0);
    // Take Aust out of the baseline: its finding is new again.
    let mut doc: serde_json::Value = serde_json::from_str(&common::read(&baseline)).unwrap();
    doc["kommuner"].as_array_mut().unwrap().pop();
    std::fs::write(&baseline, doc.to_string()).unwrap();
    let again = check(&[
        root.to_str().unwrap(),
        "--baseline",
        baseline.to_str().unwrap(),
    ]);
    assert_eq!(again.code, 1);
    assert!(again.stdout.contains("0 feil, 1 advarsel — 1 system"));
}

#[test]
fn one_kommunenummer_twice_is_an_error_for_the_second() {
    let root = parent(&[("c", "kommune.yaml", &kommune_yaml("Kopi kommune", "3901"))]);
    let run = check(&[root.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(
            "feil: c/kommune.yaml:3:3: Kommunenummer 3901 er også brukt i a/kommune.yaml"
        ),
        "{}",
        run.stderr
    );
    assert!(run.stdout.contains("Totalt for 2 kommuner"));
}

#[test]
fn flags_for_one_kommune_are_refused_with_several() {
    let root = parent(&[]);
    let run = check(&[root.to_str().unwrap(), "--show-config"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains(
        "feil: --show-config: --show-config gjelder én kommune, men kjøringen har flere"
    ));
    assert!(run.stdout.is_empty());
}

#[test]
fn the_same_input_gives_the_same_bytes_whatever_the_threads() {
    let root = parent(&[("c", "kommune.yaml", &kommune_yaml("Nord kommune", "3903"))]);
    write(&root, "c/systemer.yaml", UNKNOWN_SYSTEM);
    let dir = root.to_str().unwrap();
    let first = check(&[dir, "--format", "json"]);
    for _ in 0..3 {
        assert!(check(&[dir, "--format", "json"]).stdout == first.stdout);
    }
    let one_thread = std::process::Command::new(env!("CARGO_BIN_EXE_prinsipp"))
        .args([
            "check",
            dir,
            "--dato",
            "2026-06-01",
            "--config",
            &only(&["INV-01"]),
            "--fail-on",
            "advarsel",
            "--format",
            "json",
        ])
        .env("RAYON_NUM_THREADS", "1")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&one_thread.stdout) == first.stdout);
}
