//! The synthetic portfolio generator (bench/generate.rs): deterministic, loadable, and
//! every rule code occurs in what it writes.
//!
//! The generator is included as a module, as the benchmarks include it: building the
//! `generate` example from here would wait for the cargo lock that `cargo test` holds.

#[allow(dead_code)]
#[path = "../bench/generate.rs"]
mod generate;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The smallest national set: round(357 × 0.003) = 1 kommune, which then carries the
/// deliberate instance of every one of the 55 codes (kommune i of n carries the codes whose
/// number is i mod n), so coverage holds by construction, and a debug build checks it fast.
const SCALE: f64 = 0.003;

/// A fresh, empty folder under cargo's scratch space for integration tests.
fn fresh_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("generator-{}-{name}", std::process::id()));
    if dir.exists() {
        std::fs::remove_dir_all(&dir).unwrap();
    }
    dir
}

/// Every file under `dir`, by its path relative to `dir`, with its bytes.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path.strip_prefix(root).unwrap().to_path_buf();
                out.insert(rel, std::fs::read(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

fn prinsipp(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_prinsipp"))
        .args(args)
        .output()
        .expect("prinsipp runs")
}

/// `prinsipp check DIR --dato 2026-06-01 --fail-on never --format json`: asserts exit 0 and
/// returns the parsed report.
fn check(dir: &Path) -> serde_json::Value {
    let out = prinsipp(&[
        "check",
        dir.to_str().unwrap(),
        "--dato",
        "2026-06-01",
        "--fail-on",
        "never",
        "--format",
        "json",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "prinsipp check {} failed:\n{}",
        dir.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON report")
}

fn rule_codes() -> BTreeSet<String> {
    let out = prinsipp(&["rules", "--format", "json"]);
    assert!(out.status.success());
    let rules: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    rules
        .as_array()
        .expect("a list of rules")
        .iter()
        .map(|r| r["code"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn same_seed_gives_identical_files_and_another_seed_differs() {
    let a = fresh_dir("same-a");
    let b = fresh_dir("same-b");
    let c = fresh_dir("other");
    generate::write_country(&a, 1, SCALE);
    generate::write_country(&b, 1, SCALE);
    generate::write_country(&c, 2, SCALE);
    let (ta, tb, tc) = (tree(&a), tree(&b), tree(&c));
    assert!(ta.len() > 10, "too few files: {}", ta.len());
    assert_eq!(
        ta.keys().collect::<Vec<_>>(),
        tb.keys().collect::<Vec<_>>(),
        "same seed, other files"
    );
    for (path, bytes) in &ta {
        assert!(
            tb[path] == *bytes,
            "same seed, other content: {}",
            path.display()
        );
    }
    assert_ne!(ta, tc, "seed 2 wrote the same files as seed 1");

    let k1 = fresh_dir("kommune-a");
    let k2 = fresh_dir("kommune-b");
    generate::write_kommune(&k1, 5, 200);
    generate::write_kommune(&k2, 5, 200);
    assert!(tree(&k1) == tree(&k2), "write_kommune is not deterministic");
    for dir in [a, b, c, k1, k2] {
        std::fs::remove_dir_all(dir).unwrap();
    }
}

#[test]
fn every_rule_code_occurs() {
    let dir = fresh_dir("coverage");
    generate::write_country(&dir, 1, SCALE);
    let report = check(&dir);
    let kommuner = report["kommuner"].as_array().expect("kommuner[]");
    assert!(!kommuner.is_empty());
    let found: BTreeSet<String> = kommuner
        .iter()
        .flat_map(|k| k["findings"].as_array().unwrap())
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect();
    let missing: Vec<String> = rule_codes()
        .into_iter()
        .filter(|c| !found.contains(c))
        .collect();
    assert!(missing.is_empty(), "codes that never occur: {missing:?}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn write_kommune_gives_exactly_the_systems_asked_for() {
    let dir = fresh_dir("kommune-300");
    generate::write_kommune(&dir, 1, 300);
    assert!(dir.join("kommune.yaml").is_file());
    let projects = std::fs::read_dir(dir.join("prosjekter")).unwrap().count();
    assert_eq!(projects, 30, "n/10 projects");
    let report = check(&dir);
    assert_eq!(report["counts"]["systemer"], 300, "{}", report["counts"]);
    std::fs::remove_dir_all(dir).unwrap();
}
