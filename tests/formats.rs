//! The CI gate: every output format as its consumer reads it, baselines for proposal
//! branches, and text from users escaped in every format.

mod common;
use common::{KOMMUNE, kommune, prinsipp, repo, scratch};
use serde_json::Value;

const DATO: &str = "2026-06-01";

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

fn sarif_validator() -> jsonschema::Validator {
    let schema =
        json(&std::fs::read_to_string(repo("tests/data/sarif-schema-2.1.0.json")).unwrap());
    jsonschema::draft7::new(&schema).expect("the SARIF schema loads")
}

#[test]
fn sarif_validates_against_the_official_schema_and_has_what_github_needs() {
    let run = prinsipp(&[
        "check",
        "examples/eksempel-kommune",
        "--dato",
        DATO,
        "--format",
        "sarif",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let sarif = json(&run.stdout);
    let errors: Vec<String> = sarif_validator()
        .iter_errors(&sarif)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));

    let run0 = &sarif["runs"][0];
    let rules = run0["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), 55);
    for rule in rules {
        assert!(rule["help"]["text"].as_str().is_some_and(|t| !t.is_empty()));
        // Built without PRINSIPP_DOCS_URL: no link that might not resolve (the help text is
        // whole in the rule).
        assert_eq!(
            rule.get("helpUri").is_some(),
            option_env!("PRINSIPP_DOCS_URL").is_some_and(|u| !u.is_empty())
        );
    }
    let results = run0["results"].as_array().unwrap();
    assert_eq!(results.len(), 63);
    for result in results {
        let region = &result["locations"][0]["physicalLocation"]["region"];
        assert!(region["startLine"].as_u64().unwrap() >= 1);
        let uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap();
        assert!(uri.starts_with("examples/eksempel-kommune/"), "{uri}");
        assert_eq!(
            result["partialFingerprints"]["prinsipp/v2"]
                .as_str()
                .unwrap()
                .len(),
            32
        );
        assert!(["error", "warning", "note"].contains(&result["level"].as_str().unwrap()));
    }
    let suppressed: Vec<&Value> = results
        .iter()
        .filter(|r| r.get("suppressions").is_some())
        .collect();
    assert_eq!(
        suppressed.len(),
        2,
        "approved deviations are suppressions, not dropped"
    );
    assert_eq!(suppressed[0]["suppressions"][0]["kind"], "external");
}

#[test]
fn junit_lists_passes_and_failures_per_rule_and_subject() {
    let run = prinsipp(&[
        "check",
        "examples/eksempel-kommune",
        "--dato",
        DATO,
        "--format",
        "junit",
    ]);
    let doc = roxmltree::Document::parse(&run.stdout).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    let suites: Vec<_> = root
        .children()
        .filter(|n| n.has_tag_name("testsuite"))
        .collect();
    assert_eq!(suites.len(), 55);
    let cases: Vec<_> = root
        .descendants()
        .filter(|n| n.has_tag_name("testcase"))
        .collect();
    let failures = root
        .descendants()
        .filter(|n| n.has_tag_name("failure"))
        .count();
    assert_eq!(
        root.attribute("tests").unwrap().parse::<usize>().unwrap(),
        cases.len()
    );
    // The 17 open errors fail their test cases (--fail-on feil); warnings are noted, not failed.
    assert_eq!(root.attribute("failures").unwrap(), "17");
    assert_eq!(failures, 17);
    let passing = cases
        .iter()
        .filter(|c| c.children().all(|n| !n.has_tag_name("failure")))
        .count();
    assert!(
        passing > 200,
        "passes are listed too, not only failures: {passing}"
    );
    let sky01 = suites
        .iter()
        .find(|s| s.attribute("name").unwrap().starts_with("SKY-01 "))
        .unwrap();
    let velferd = sky01
        .children()
        .find(|c| c.attribute("name") == Some("prosjekt velferdsteknologi"))
        .unwrap();
    let failure = velferd
        .children()
        .find(|n| n.has_tag_name("failure"))
        .unwrap();
    assert!(
        failure
            .text()
            .unwrap()
            .starts_with("SKY-01 examples/eksempel-kommune/prosjekter/velferdsteknologi.yaml:"),
        "{:?}",
        failure.text()
    );
}

#[test]
fn gitlab_code_quality_has_the_fields_gitlab_reads() {
    let run = prinsipp(&[
        "check",
        "examples/eksempel-kommune",
        "--dato",
        DATO,
        "--format",
        "gitlab",
    ]);
    let issues = json(&run.stdout);
    let issues = issues.as_array().unwrap();
    assert_eq!(
        issues.len(),
        61,
        "open findings; the 2 approved deviations are left out"
    );
    let mut fingerprints = std::collections::HashSet::new();
    for issue in issues {
        for key in ["description", "check_name", "fingerprint", "severity"] {
            assert!(
                issue[key].as_str().is_some_and(|v| !v.is_empty()),
                "{key} in {issue}"
            );
        }
        assert!(
            ["info", "minor", "major", "critical", "blocker"]
                .contains(&issue["severity"].as_str().unwrap())
        );
        assert!(
            issue["location"]["path"]
                .as_str()
                .unwrap()
                .starts_with("examples/eksempel-kommune/")
        );
        assert!(issue["location"]["lines"]["begin"].as_u64().unwrap() >= 1);
        assert!(
            fingerprints.insert(issue["fingerprint"].as_str().unwrap().to_string()),
            "fingerprints are unique"
        );
    }
}

#[test]
fn github_annotations_point_at_the_file_in_the_repository() {
    let run = prinsipp(&[
        "check",
        "examples/eksempel-kommune",
        "--dato",
        DATO,
        "--format",
        "github",
    ]);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 61);
    assert!(
        lines
            .iter()
            .all(|l| l.starts_with("::error file=examples/eksempel-kommune/")
                || l.starts_with("::warning file=examples/eksempel-kommune/")
                || l.starts_with("::notice file=examples/eksempel-kommune/"))
    );
    assert!(lines.iter().any(|l| l.starts_with(
        "::error file=examples/eksempel-kommune/prosjekter/velferdsteknologi.yaml,line="
    ) && l.contains(",title=SKY-01 ")));
}

#[test]
fn markdown_tells_a_project_manager_what_to_do() {
    let run = prinsipp(&[
        "check",
        "examples/eksempel-kommune",
        "--dato",
        DATO,
        "--format",
        "markdown",
    ]);
    let md = &run.stdout;
    assert!(
        md.starts_with(
            "<!-- prinsipp -->\n## prinsipp: ❌ 17 funn må rettes eller godkjennes som avvik\n"
        ),
        "{md}"
    );
    assert!(md.contains("### Funn (61)"));
    assert!(md.contains("| | Regel | Gjelder | Funn | Sted | Slik retter du det |"));
    assert!(md.contains("<details><summary>Godkjente avvik (2)</summary>"));
    let rows = md
        .lines()
        .filter(|l| l.starts_with("| 🔴") || l.starts_with("| 🟡") || l.starts_with("| 🔵"))
        .count();
    assert_eq!(rows, 63);
}

/// A proposal branch: the baseline is main's result; the branch changes one project.
#[test]
fn a_baseline_lets_only_new_findings_fail_and_lists_what_was_resolved() {
    let system = b"systemer:\n  - { id: sak, navn: Sak, systemeier: Kari, drift: saas, livslop: aktiv, programvaretype: hyllevare, personopplysninger: ingen }\n";
    let project = |gevinstansvarlig: &str, kost_nytte: bool| {
        let kn = if kost_nytte {
            "  kost_nytte: { enheten: a, kommunen: b }\n"
        } else {
            ""
        };
        format!(
            "prosjekt:\n  id: p\n  navn: P\n  prosjekteier: Kari\n  fase: konsept\n{kn}  gevinstplan:\n    gevinstansvarlig: {gevinstansvarlig}\n    gevinster:\n      - {{ kategori: tid, type: kvantitativ, indikator: t, maaleenhet: timer, nullpunkt: {{ verdi: 10, dato: 2026-01-01 }}, maalverdi: 5, realiseres: 2027-01-01, gevinsteier: Ola }}\n      - {{ kategori: kvalitet, type: kvalitativ, indikator: k, realiseres: 2027-01-01, gevinsteier: Ola }}\n"
        )
    };
    // main: KN-01 is known (no cost/benefit yet).
    let main = project("Kari", false);
    let dir = kommune(
        "baseline",
        &[
            ("kommune.yaml", KOMMUNE),
            ("systemer/s.yaml", system),
            ("prosjekter/p.yaml", main.as_bytes()),
        ],
    );
    let d = dir.to_str().unwrap();
    let base = scratch("baseline-file").join("main.json");
    let first = prinsipp(&[
        "check",
        d,
        "--dato",
        DATO,
        "--fail-on",
        "advarsel",
        "--format",
        &format!("json={}", base.display()),
    ]);
    assert_eq!(first.code, 1);
    assert_eq!(first.stdout, "");

    // The branch adds cost/benefit (resolves KN-01) and a line above everything, moving all lines.
    let branch = format!("# endret i grenen\n{}", project("Kari", true));
    std::fs::write(dir.join("prosjekter/p.yaml"), &branch).unwrap();
    let b = base.to_str().unwrap();
    let run = prinsipp(&[
        "check",
        d,
        "--dato",
        DATO,
        "--fail-on",
        "advarsel",
        "--baseline",
        b,
    ]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(
        run.stdout
            .contains("Denne endringen introduserer 0 nye funn og løser 1."),
        "{}",
        run.stdout
    );

    // Now the branch also breaks GEV-04: only that new finding fails the run.
    std::fs::write(
        dir.join("prosjekter/p.yaml"),
        format!("# endret i grenen\n{}", project("Ola", false)),
    )
    .unwrap();
    let run = prinsipp(&[
        "check",
        d,
        "--dato",
        DATO,
        "--fail-on",
        "advarsel",
        "--baseline",
        b,
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 1);
    let out = json(&run.stdout);
    let statuses: Vec<(String, String)> = out["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().into(),
                f["status"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        statuses,
        [
            ("KN-01".into(), "baseline".into()),
            ("GEV-04".into(), "open".into())
        ]
    );
    assert_eq!(out["counts"]["failing"], 1);
    let md = prinsipp(&[
        "check",
        d,
        "--dato",
        DATO,
        "--fail-on",
        "advarsel",
        "--baseline",
        b,
        "--format",
        "markdown",
    ]);
    assert!(
        md.stdout
            .contains("Denne endringen introduserer **1 nytt funn** og løser **0**."),
        "{}",
        md.stdout
    );
    assert!(
        md.stdout
            .contains("<details><summary>Kjente funn (fra baseline) (1)</summary>"),
        "{}",
        md.stdout
    );
    let sarif = json(
        &prinsipp(&[
            "check",
            d,
            "--dato",
            DATO,
            "--baseline",
            b,
            "--format",
            "sarif",
        ])
        .stdout,
    );
    let states: Vec<&str> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["baselineState"].as_str().unwrap())
        .collect();
    assert_eq!(states, ["unchanged", "new"]);
}

#[test]
fn a_bad_baseline_or_two_formats_on_stdout_are_input_errors() {
    let bad = scratch("bad-baseline").join("x.json");
    std::fs::write(&bad, "[1, 2").unwrap();
    let run = prinsipp(&[
        "check",
        "examples/ryddig-kommune",
        "--baseline",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("x.json:1:5: Ugyldig baseline"),
        "{}",
        run.stderr
    );
    std::fs::write(&bad, "{\"format_version\": 9, \"findings\": []}").unwrap();
    let run = prinsipp(&[
        "check",
        "examples/ryddig-kommune",
        "--baseline",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("Baseline har format_version 9"),
        "{}",
        run.stderr
    );
    // A baseline from before the fingerprints were cryptographic cannot be compared.
    std::fs::write(
        &bad,
        "{\"format_version\": 1, \"findings\": [{\"fingerprint\": \"34773f03da9c5ad5\", \"code\": \"SKY-01\", \"subject_kind\": \"system\", \"subject_id\": \"a\", \"message\": \"m\", \"file\": \"f\", \"line\": 1, \"path\": \"/system\"}]}",
    )
    .unwrap();
    let run = prinsipp(&[
        "check",
        "examples/ryddig-kommune",
        "--baseline",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(
            "Baselinen er laget av en eldre prinsipp (format_version 1), med fingeravtrykk som ikke kan sammenlignes med dagens"
        ),
        "{}",
        run.stderr
    );

    let run = prinsipp(&[
        "check",
        "examples/ryddig-kommune",
        "--format",
        "json",
        "--format",
        "sarif",
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("Bare ett format kan skrives til standard ut"),
        "{}",
        run.stderr
    );
    let run = prinsipp(&["check", "examples/ryddig-kommune", "--format", "pdf"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("«pdf» is not a format"),
        "{}",
        run.stderr
    );
}

#[test]
fn one_run_writes_the_table_and_several_files() {
    let out = scratch("many-formats");
    let path = |name: &str| out.join(name).to_string_lossy().into_owned();
    std::fs::write(out.join("gammel.sarif"), "en eldre rapport").unwrap();
    let run = prinsipp(&[
        "check",
        "examples/eksempel-kommune",
        "--dato",
        DATO,
        "--format",
        "table",
        "--format",
        &format!("sarif={}", path("gammel.sarif")),
        "--format",
        &format!("junit={}", path("junit.xml")),
        "--format",
        &format!("gitlab={}", path("gl-code-quality.json")),
    ]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains(" Alvorlighet | Regel "),
        "{}",
        run.stdout
    );
    assert!(
        std::fs::read_to_string(path("gammel.sarif"))
            .unwrap()
            .contains("\"version\": \"2.1.0\""),
        "a file named for output is replaced"
    );
    assert!(
        std::fs::read_to_string(path("junit.xml"))
            .unwrap()
            .starts_with("<?xml")
    );
    let names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
}

/// A hostile system name must not break or inject into any format.
#[test]
fn user_text_is_escaped_in_every_format() {
    let evil = "x|y <b>&\\\"'%0A::error::hack %25 `";
    let system = format!(
        "systemer:\n  - id: ondsinnet\n    navn: N\n    livslop: aktiv\n    drift: saas\n    integrasjoner:\n      - {{ mot: \"{}\", standard: \"{}\" }}\n",
        evil.replace('\\', "\\\\").replace('"', "\\\""),
        "p\\r\\n::warning::x"
    );
    let dir = kommune(
        "hostile",
        &[
            ("kommune.yaml", KOMMUNE),
            ("systemer/s.yaml", system.as_bytes()),
        ],
    );
    let d = dir.to_str().unwrap();
    let config = common::only(&["FK-03", "STD-01"]);
    let fmt = |f: &str| {
        prinsipp(&[
            "check", d, "--dato", DATO, "--config", &config, "--format", f,
        ])
        .stdout
    };

    let github = fmt("github");
    // A command is only read at the start of a line: with CR and LF escaped, text after the
    // first `::` cannot start another one.
    assert_eq!(github.lines().count(), 3, "{github}");
    for line in github.lines() {
        assert!(
            line.starts_with("::warning file=") || line.starts_with("::error file="),
            "{line}"
        );
    }
    assert!(
        github.contains("%250A::error::hack %2525"),
        "a written %0A stays text: {github}"
    );
    assert!(
        github.contains("p%0D%0A::warning::x"),
        "a real CR LF is escaped: {github}"
    );

    let md = fmt("markdown");
    assert!(md.contains("x\\|y &lt;b&gt;&amp;"), "{md}");
    assert!(!md.contains("<b>"));

    let junit = fmt("junit");
    roxmltree::Document::parse(&junit).expect("still well-formed XML");
    assert!(junit.contains("x|y &lt;b&gt;&amp;"), "{junit}");

    for f in ["json", "sarif", "gitlab"] {
        let v = json(&fmt(f));
        assert!(
            v.to_string().contains("x|y <b>&"),
            "{f} keeps the text, JSON-escaped"
        );
    }
    let errors: Vec<String> = sarif_validator()
        .iter_errors(&json(&fmt("sarif")))
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");

    let table = fmt("table");
    assert!(
        !table.contains('\r'),
        "control characters never reach the terminal"
    );
}

/// Fingerprints name list items by what they are: inserting or reordering items, or adding
/// a deviation above the others, changes no fingerprint.
#[test]
fn fingerprints_survive_insertions_and_reordering() {
    let system = b"systemer:\n  - { id: sak, navn: Sak, systemeier: Kari, drift: saas, livslop: aktiv, programvaretype: hyllevare, personopplysninger: ingen }\n";
    let project = |behov: &str, nye: &str| {
        format!(
            "prosjekt:\n  id: p\n  navn: P\n  prosjekteier: Kari\n  fase: konsept\n  kost_nytte: {{ enheten: a, kommunen: b }}\n  behov: [{behov}]\n  nye_systemer:\n{nye}  gevinstplan:\n    gevinstansvarlig: Kari\n    gevinster:\n      - {{ kategori: tid, type: kvantitativ, indikator: t, maaleenhet: timer, nullpunkt: {{ verdi: 10, dato: 2026-01-01 }}, maalverdi: 5, realiseres: 2027-01-01, gevinsteier: Ola }}\n  utfaser:\n    - {{ system: sak, dato: 2027-01-01, arkivplan: A }}\n    - {{ system: sak, dato: 2027-01-01, arkivplan: A }}\n"
        )
    };
    let a = "    - { id: ny-a, navn: A, drift: egen_drift }\n";
    let b = "    - { id: ny-b, navn: B, drift: egen_drift }\n";
    let avvik = |extra: &str| {
        format!(
            "avvik:\n{extra}  - {{ regel: SKY-01, gjelder: ny-b, begrunnelse: Krav, vedtatt_av: Styret, dato: 2026-01-01, ref: \"1\" }}\n  - {{ regel: FK-01, gjelder: p, dato: 2026-01-01 }}\n"
        )
    };
    let dir = kommune(
        "fingerprints",
        &[
            ("kommune.yaml", KOMMUNE),
            ("systemer/s.yaml", system),
            (
                "prosjekter/p.yaml",
                project("varsling", &format!("{a}{b}")).as_bytes(),
            ),
            ("avvik.yaml", avvik("").as_bytes()),
        ],
    );
    let d = dir.to_str().unwrap();
    let base = scratch("fingerprints-base").join("base.json");
    let first = prinsipp(&[
        "check",
        d,
        "--dato",
        DATO,
        "--fail-on",
        "info",
        "--format",
        &format!("json={}", base.display()),
    ]);
    assert_eq!(first.code, 1);
    let before = json(&std::fs::read_to_string(&base).unwrap());
    assert!(
        before["findings"].as_array().unwrap().len() >= 3,
        "{before}"
    );

    // Insert a need before the unmet one, swap the new systems, add a deviation on top.
    std::fs::write(
        dir.join("prosjekter/p.yaml"),
        project("innbygger-autentisering, varsling", &format!("{b}{a}")),
    )
    .unwrap();
    std::fs::write(dir.join("avvik.yaml"), avvik("  - { regel: GEV-03, gjelder: p, begrunnelse: Senere, vedtatt_av: Styret, dato: 2026-01-01, ref: \"2\" }\n")).unwrap();
    let run = prinsipp(&[
        "check",
        d,
        "--dato",
        DATO,
        "--fail-on",
        "info",
        "--baseline",
        base.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let after = json(&run.stdout);
    let new: Vec<String> = after["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["status"] == "open")
        .map(|f| format!("{} {}", f["code"], f["path"]))
        .collect();
    // The only new findings are what the change really adds: FK-01 for the new need, and
    // AVV-04 for the new deviation (it covers nothing); the others keep their fingerprints.
    assert_eq!(
        new,
        [
            "\"FK-01\" \"/prosjekt/behov/innbygger-autentisering\"",
            "\"AVV-04\" \"/avvik/GEV-03\""
        ],
        "{}",
        run.stdout
    );
    assert_eq!(after["counts"]["resolved"], 0, "{}", run.stdout);
}

#[test]
fn two_formats_cannot_share_a_file_and_dash_is_stdout() {
    let run = prinsipp(&[
        "check",
        "examples/ryddig-kommune",
        "--format",
        "json=x.json",
        "--format",
        "sarif=./x.json",
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("To formater skal skrives til samme fil (./x.json)"),
        "{}",
        run.stderr
    );
    let run = prinsipp(&[
        "check",
        "examples/ryddig-kommune",
        "--dato",
        DATO,
        "--format",
        "json=-",
    ]);
    assert_eq!(run.code, 0);
    assert_eq!(json(&run.stdout)["format_version"], 2);
    assert!(!std::path::Path::new(&repo("-")).exists());
}

#[test]
fn load_problems_become_github_annotations() {
    let dir = kommune(
        "gh-load",
        &[
            ("kommune.yaml", KOMMUNE),
            ("systemer/a.yaml", b"id: a\nnavn: A\ndrift: skyen\n"),
        ],
    );
    let run = prinsipp(&["check", dir.to_str().unwrap(), "--format", "github"]);
    assert_eq!(run.code, 2);
    assert!(run.stdout.starts_with("::error file="), "{}", run.stdout);
    assert!(
        run.stdout.contains(
            "systemer/a.yaml,line=3,col=8,title=prinsipp::Ugyldig verdi «skyen» for `drift`"
        ),
        "{}",
        run.stdout
    );
}

/// CI tools need paths from the repository root: the kommune folder's files are prefixed
/// with the folder, files given by flag are used as given.
#[test]
fn paths_in_ci_formats_are_relative_to_the_working_directory() {
    let bad = scratch("gh-config").join("prinsipp.toml");
    std::fs::write(&bad, "[regler]\nax = 1\n").unwrap();
    let shown = bad.to_string_lossy().into_owned();
    let run = prinsipp(&[
        "check",
        "examples/ryddig-kommune",
        "--config",
        &shown,
        "--format",
        "github",
    ]);
    assert_eq!(run.code, 2);
    let expected = bad
        .strip_prefix(std::env::current_dir().unwrap())
        .map_or(shown.clone(), |p| p.to_string_lossy().into_owned());
    assert!(
        run.stdout
            .starts_with(&format!("::error file={expected},line=2,col=1,"))
            || run
                .stdout
                .starts_with(&format!("::error file={shown},line=2,col=1,")),
        "{}",
        run.stdout
    );

    let run = prinsipp(&[
        "check",
        "examples/eksempel-kommune",
        "--systemer",
        "examples/eksempel-kommune/systemer/helse.yaml",
        "--dato",
        DATO,
        "--format",
        "gitlab",
    ]);
    let issues = json(&run.stdout);
    let paths: std::collections::BTreeSet<&str> = issues
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["location"]["path"].as_str().unwrap())
        .collect();
    assert!(
        paths.contains("examples/eksempel-kommune/systemer/helse.yaml"),
        "{paths:?}"
    );
    assert!(
        paths
            .iter()
            .all(|p| p.starts_with("examples/eksempel-kommune/") && !p.contains("//")),
        "{paths:?}"
    );
}

/// Two failing findings of one rule on one subject are two failing test cases: the CI's
/// count of failures is the table's count of findings.
#[test]
fn junit_counts_every_failing_finding_as_the_table_does() {
    let dir = common::kommune(
        "junit-two-on-one",
        &[
            ("kommune.yaml", common::KOMMUNE),
            (
                "systemer.yaml",
                b"systemer:\n  - id: sak\n    navn: Sak\n    integrasjoner:\n      - mot: lonn\n        standard: proprietaer\n      - mot: lonn\n        standard: filoverforing\n  - id: lonn\n    navn: Lonn\n",
            ),
        ],
    );
    let args = |format: &'static str| {
        let config = common::only(&["STD-01"]);
        prinsipp(&[
            "check",
            dir.to_str().unwrap(),
            "--dato",
            DATO,
            "--fail-on",
            "advarsel",
            "--config",
            &config,
            "--format",
            format,
        ])
    };
    let table = args("table");
    assert!(
        table.stdout.contains("0 feil, 2 advarsler"),
        "{}",
        table.stdout
    );
    let junit = args("junit");
    let doc = roxmltree::Document::parse(&junit.stdout).unwrap();
    let root = doc.root_element();
    assert_eq!(root.attribute("failures"), Some("2"));
    let names: Vec<&str> = root
        .descendants()
        .filter(|n| n.has_tag_name("testcase"))
        .filter(|c| c.children().any(|n| n.has_tag_name("failure")))
        .map(|c| c.attribute("name").unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "system sak /system/integrasjoner/lonn/standard",
            "system sak /system/integrasjoner/lonn/standard~2"
        ]
    );
}

/// The pull-request comment keeps within GitHub's 65,536 characters whatever the portfolio,
/// says how many rows it left out, and starts with a stable hidden marker.
#[test]
fn the_markdown_comment_keeps_within_a_character_budget() {
    let id = |i: usize| format!("system-med-et-langt-navn-{}-{i}", "x".repeat(60));
    let write = |full: bool| {
        let mut text = String::from("systemer:\n");
        for i in 0..800 {
            text.push_str(&format!("  - id: {}\n    navn: System {i}\n", id(i)));
            if full {
                text.push_str("    systemeier: IT-sjef\n    drift: saas\n    livslop: aktiv\n    programvaretype: hyllevare\n    personopplysninger: ingen\n");
            }
        }
        text
    };
    let dir = kommune(
        "markdown-budget",
        &[
            ("kommune.yaml", KOMMUNE),
            ("systemer.yaml", write(false).as_bytes()),
        ],
    );
    let baseline = scratch("markdown-budget-base").join("base.json");
    let config = common::only(&["INV-01"]);
    let check = |extra: &[&str]| {
        let mut args = vec![
            "check",
            dir.to_str().unwrap(),
            "--dato",
            DATO,
            "--config",
            &config,
        ];
        args.extend_from_slice(extra);
        prinsipp(&args)
    };
    let first = check(&[
        "--fail-on",
        "never",
        "--format",
        &format!("json={}", baseline.display()),
    ]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    // Every one of the 800 findings resolved: the resolved list alone would be 240,000
    // characters.
    std::fs::write(dir.join("systemer.yaml"), write(true)).unwrap();
    let run = check(&[
        "--baseline",
        baseline.to_str().unwrap(),
        "--format",
        "markdown",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let chars = run.stdout.chars().count();
    assert!(chars < 65_536, "{chars} characters");
    assert!(chars > 50_000, "the budget is used, not wasted: {chars}");
    assert!(run.stdout.starts_with("<!-- prinsipp -->\n## prinsipp: "));
    let more = run
        .stdout
        .lines()
        .find(|l| l.starts_with("… og "))
        .expect("a line for what was left out");
    assert!(
        more.ends_with(" til: hele listen står i JSON- og SARIF-rapporten."),
        "{more}"
    );
    let left: usize = more
        .trim_start_matches("… og ")
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let rows = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("| INV-01 |"))
        .count();
    assert_eq!(rows + left, 800);
}

/// The first pull request has no baseline yet: a missing file is a warning and every
/// finding counts as new; a clean proposal passes.
#[test]
fn a_missing_baseline_lets_the_first_pull_request_be_judged_as_any_other() {
    // A path in the repository (the root), where the target branch's result would be.
    let missing = std::path::PathBuf::from("tests/data/ingen-baseline.json");
    let run = prinsipp(&[
        "check",
        "examples/ryddig-kommune",
        "--baseline",
        missing.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let shown = missing.display();
    assert!(
        run.stderr.starts_with(&format!(
            "advarsel: {shown}: Fant ikke baselinen {shown}: alle funn regnes som nye\n"
        )),
        "{}",
        run.stderr
    );
    let run = prinsipp(&[
        "check",
        "examples/eksempel-kommune",
        "--dato",
        DATO,
        "--baseline",
        missing.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 1);
    let doc = json(&run.stdout);
    assert_eq!(doc["counts"]["failing"], 17);
    assert_eq!(doc["counts"]["baseline"], 0);
}
