//! Every rule code has a failing and a passing kommune folder under tests/rules/<CODE>/.
//! Each folder is checked with only its own rule on, plus the rules its expected.txt names
//! (an AVV fixture needs the rules its deviations cover), plus those a `# regler:` line names;
//! expected.txt lists every finding
//! of those rules: `CODE kind id file:line` (portfolio findings: `CODE portefolje - file:line`).

mod common;

use prinsipp::katalog::Katalog;
use prinsipp::load::{LoadOptions, load_folder};
use prinsipp::model::Date;
use prinsipp::settings::Settings;
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

fn rules_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/rules")
}

/// The findings a fixture folder produces, as sorted lines.
fn actual(folder: &Path, date: Date, codes: &[&str]) -> Result<Vec<String>, String> {
    // Files shown from the fixture's folder: `systemer/a.yaml`, as the expected lists say.
    let options = LoadOptions {
        base: prinsipp::load::PathBase::for_run(&[folder.to_path_buf()], Some(folder)).unwrap(),
        ..LoadOptions::default()
    };
    let loaded = load_folder(folder, &options);
    let Some(portfolio) = loaded.portfolio else {
        let errors: Vec<String> = loaded
            .diagnostics
            .iter()
            .map(|d| format!("{}: {}", d.place(), d.message.en))
            .collect();
        return Err(format!("load errors:\n  {}", errors.join("\n  ")));
    };
    let findings = prinsipp::rules::check(&portfolio, &Settings::builtin().only(codes), date);
    let mut lines: Vec<String> = findings
        .iter()
        .map(|f| {
            format!(
                "{} {} {} {}:{}",
                f.code,
                f.subject.kind(),
                f.subject.id().unwrap_or("-"),
                portfolio.file_name(f.at.file),
                f.at.line
            )
        })
        .collect();
    lines.sort();
    Ok(lines)
}

fn fixture_codes() -> BTreeSet<String> {
    fs::read_dir(rules_dir())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn every_fixture_produces_exactly_its_expected_findings() {
    let mut failures = Vec::new();
    for code in fixture_codes() {
        for side in ["fails", "passes"] {
            let folder = rules_dir().join(&code).join(side);
            if !folder.is_dir() {
                continue;
            }
            let expected = common::expected(&folder, &code);
            let want = expected.lines;
            let codes: Vec<&str> = expected.codes.iter().map(String::as_str).collect();
            match actual(&folder, expected.date, &codes) {
                Err(e) => failures.push(format!("{code}/{side}: {e}")),
                Ok(got) if got != want => {
                    let missing: Vec<_> = want.iter().filter(|w| !got.contains(w)).collect();
                    let extra: Vec<_> = got.iter().filter(|g| !want.contains(g)).collect();
                    failures.push(format!(
                        "{code}/{side}:\n  missing: {missing:?}\n  unexpected: {extra:?}"
                    ));
                }
                Ok(got) => {
                    let own = got
                        .iter()
                        .filter(|l| l.starts_with(&format!("{code} ")))
                        .count();
                    if side == "fails" && own == 0 {
                        failures.push(format!("{code}/fails: produces no {code} finding"));
                    }
                    if side == "passes" && own > 0 {
                        failures.push(format!("{code}/passes: produces {code} findings"));
                    }
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} fixture(s) differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_rule_code_has_a_failing_and_a_passing_fixture_and_no_fixture_is_orphaned() {
    let codes: BTreeSet<String> = Katalog::builtin().rules().map(|r| r.code.clone()).collect();
    let fixtures = fixture_codes();
    for code in &codes {
        for side in ["fails", "passes"] {
            assert!(
                rules_dir()
                    .join(code)
                    .join(side)
                    .join("expected.txt")
                    .is_file(),
                "{code} has no {side} fixture with expected.txt"
            );
        }
    }
    let orphans: Vec<_> = fixtures.difference(&codes).collect();
    assert!(
        orphans.is_empty(),
        "fixtures for codes that do not exist: {orphans:?}"
    );
}

#[test]
fn every_catalogued_rule_has_its_registry_row_and_every_row_its_catalogue_entry() {
    // The same principles and codes, in the same order: the catalogue (rules/*.toml) says
    // what a rule is, the registry row (the principle module's PRINCIPLE) how it is
    // checked and what it looks at.
    let registry: Vec<(&str, &str)> = prinsipp::rules::PRINCIPLES
        .iter()
        .flat_map(|p| p.rules.iter().map(move |r| (p.prefix, r.code)))
        .collect();
    let katalog = Katalog::builtin();
    let catalogue: Vec<(&str, &str)> = katalog
        .principles
        .iter()
        .flat_map(|p| {
            p.rule
                .iter()
                .map(move |r| (p.principle.prefix.as_str(), r.code.as_str()))
        })
        .collect();
    assert_eq!(registry, catalogue);
}

#[test]
fn every_catalogued_parameter_has_its_typed_constant_and_back() {
    // A rule reads a parameter through a constant in its module (`Int` or `Number`); the
    // constants and the catalogue's `[rule.params.NAME]` are the same set, with the same
    // type (a number's default is a float).
    let mut registry: Vec<(&str, &str, bool)> = prinsipp::rules::PRINCIPLES
        .iter()
        .flat_map(|p| p.rules.iter())
        .flat_map(|r| {
            r.params.iter().map(move |p| {
                assert_eq!(p.code, r.code, "{} is listed under {}", p.name, r.code);
                (p.code, p.name, p.number)
            })
        })
        .collect();
    registry.sort();
    let mut catalogue: Vec<(&str, &str, bool)> = Katalog::builtin()
        .rules()
        .flat_map(|r| {
            r.params
                .iter()
                .map(move |(name, p)| (r.code.as_str(), name.as_str(), p.default.is_float()))
        })
        .collect();
    catalogue.sort();
    assert_eq!(registry, catalogue);
}
