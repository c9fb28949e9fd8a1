//! `prinsipp report`: the HTML is self-contained and escaped, the JSON's figures match
//! numbers this test computes on its own from the example's YAML, and several kommuner
//! get a comparison. The browser's view is in report_browser.rs.

mod common;
use common::*;
use serde_json::Value;
use std::collections::BTreeMap;

fn report_json(args: &[&str]) -> Value {
    let mut all = vec!["report"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--dato", "2026-06-01", "--format", "json"]);
    let run = prinsipp(&all);
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).expect("the report's JSON parses")
}

/// Every system and project of the example, read with a general YAML parser (not
/// prinsipp's loader), as (file content) values.
fn example_entries(folder: &str, list_key: &str, one_key: Option<&str>) -> Vec<yaml_serde::Value> {
    let mut out = Vec::new();
    let dir = std::path::PathBuf::from(repo(&format!("examples/eksempel-kommune/{folder}")));
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for file in files {
        let doc: yaml_serde::Value = yaml_serde::from_str(&read(&file)).unwrap();
        if let Some(list) = doc.get(list_key).and_then(|v| v.as_sequence()) {
            out.extend(list.iter().cloned());
        } else if let Some(one) = one_key.and_then(|k| doc.get(k)) {
            out.push(one.clone());
        } else {
            out.push(doc);
        }
    }
    out
}

fn text(v: &yaml_serde::Value, key: &str) -> Option<String> {
    v.get(key).and_then(|x| x.as_str()).map(str::to_string)
}

/// Counts per value of `key`, `null` for none, as the report lists them.
fn counts(values: &[yaml_serde::Value], key: &str) -> BTreeMap<String, u64> {
    let mut out = BTreeMap::new();
    for v in values {
        *out.entry(text(v, key).unwrap_or_else(|| "null".into()))
            .or_insert(0) += 1;
    }
    out
}

fn shares(json: &Value) -> BTreeMap<String, u64> {
    json.as_array()
        .unwrap()
        .iter()
        .filter(|s| s["count"].as_u64().unwrap() > 0)
        .map(|s| {
            let value = s["value"].as_str().unwrap_or("null").to_string();
            (value, s["count"].as_u64().unwrap())
        })
        .collect()
}

#[test]
fn the_key_figures_match_an_independent_count_of_the_example() {
    let report = report_json(&[&repo("examples/eksempel-kommune")]);
    let key = &report["kommuner"][0]["figures"]["key"];
    let systems = example_entries("systemer", "systemer", None);
    let in_use: Vec<_> = systems
        .iter()
        .filter(|s| text(s, "livslop").as_deref() != Some("avviklet"))
        .cloned()
        .collect();
    let s = &key["systems"];
    assert_eq!(s["total"], systems.len() as u64);
    assert_eq!(s["in_use"], in_use.len() as u64);
    assert_eq!(shares(&s["hosting"]), counts(&in_use, "drift"));
    assert_eq!(shares(&s["lifecycle"]), counts(&systems, "livslop"));
    assert_eq!(
        shares(&s["personal_data"]),
        counts(&in_use, "personopplysninger")
    );
    assert_eq!(shares(&s["operator"]), counts(&in_use, "driftes_av"));
    assert_eq!(shares(&s["ownership"]), counts(&in_use, "eierskap"));
    let cloud = in_use
        .iter()
        .filter(|s| text(s, "drift").is_some_and(|d| d != "egen_drift"))
        .count();
    assert_eq!(s["cloud"], cloud as u64);
    let percent = (cloud as f64 * 1000.0 / in_use.len() as f64).round() / 10.0;
    assert_eq!(s["cloud_percent"].as_f64(), Some(percent));

    // Projects: ideas are not judged; open ones are konsept, planlegge, gjennomfore.
    let projects: Vec<_> = example_entries("prosjekter", "prosjekter", Some("prosjekt"))
        .into_iter()
        .filter(|p| text(p, "fase").as_deref() != Some("ide"))
        .collect();
    let open: Vec<_> = projects
        .iter()
        .filter(|p| {
            matches!(
                text(p, "fase").as_deref(),
                None | Some("konsept" | "planlegge" | "gjennomfore")
            )
        })
        .collect();
    let introduced: usize = open
        .iter()
        .map(|p| {
            p.get("nye_systemer")
                .and_then(|n| n.as_sequence())
                .map_or(0, Vec::len)
        })
        .sum();
    // Only systems that exist in the inventory and are not avviklet go out.
    let in_use: std::collections::BTreeSet<String> = systems
        .iter()
        .filter(|s| text(s, "livslop").as_deref() != Some("avviklet"))
        .filter_map(|s| text(s, "id"))
        .collect();
    let phased_out: std::collections::BTreeSet<String> = open
        .iter()
        .filter_map(|p| p.get("utfaser").and_then(|u| u.as_sequence()))
        .flatten()
        .filter_map(|u| text(u, "system"))
        .filter(|id| in_use.contains(id))
        .collect();
    assert_eq!(key["growth"]["introduced"], introduced as u64);
    assert_eq!(key["growth"]["phased_out"], phased_out.len() as u64);
    assert_eq!(key["benefit_plans"]["projects"], projects.len() as u64);

    // Benefits: measured (a measurement with a value), due (realiseres before the date),
    // planned (on or after it), undated.
    let (mut total, mut measured, mut due, mut planned, mut undated) = (0, 0, 0, 0, 0);
    for p in &projects {
        let benefits = p
            .get("gevinstplan")
            .and_then(|g| g.get("gevinster"))
            .and_then(|g| g.as_sequence())
            .cloned()
            .unwrap_or_default();
        for b in benefits {
            total += 1;
            let has_measurement = b
                .get("maalinger")
                .and_then(|m| m.as_sequence())
                .is_some_and(|m| m.iter().any(|m| m.get("verdi").is_some()));
            match (has_measurement, text(&b, "realiseres")) {
                (true, _) => measured += 1,
                (false, Some(d)) if d.as_str() < "2026-06-01" => due += 1,
                (false, Some(_)) => planned += 1,
                (false, None) => undated += 1,
            }
        }
    }
    let b = &key["benefits"];
    assert_eq!(
        [
            &b["total"],
            &b["measured"],
            &b["due"],
            &b["planned"],
            &b["undated"]
        ],
        [total, measured, due, planned, undated]
            .map(|n| Value::from(n as u64))
            .each_ref()
    );
    // The one measured benefit: 90 → 45 minutes, last measured 50: (50-90)/(45-90) = 88.9 %.
    assert_eq!(b["attainment"][0]["percent"].as_f64(), Some(88.9));
}

#[test]
fn the_matrix_shows_passes_breaches_deviations_and_what_does_not_apply() {
    let report = report_json(&[&repo("examples/eksempel-kommune")]);
    let m = &report["kommuner"][0]["figures"]["matrix"];
    let column = |prefix: &str| {
        m["columns"]
            .as_array()
            .unwrap()
            .iter()
            .position(|c| c["prefix"] == prefix)
            .unwrap()
    };
    let cell = |id: Option<&str>, prefix: &str| {
        let row = m["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"].as_str() == id)
            .unwrap_or_else(|| panic!("no row {id:?}"));
        row["cells"][column(prefix)].as_str().unwrap().to_string()
    };
    // SKY-02 on visma-enterprise (its assessment says sky, it runs on premises).
    assert_eq!(cell(Some("visma-enterprise"), "SKY"), "brudd");
    // SKY-03 on gerica is covered by the approved deviation 26/0117.
    assert_eq!(cell(Some("gerica"), "SKY"), "avvik");
    assert_eq!(cell(Some("teams"), "SKY"), "ok");
    // GEV looks at projects, never at an inventory system.
    assert_eq!(cell(Some("teams"), "GEV"), "ikke_relevant");
    // INNUT-06 looks at inventory systems: websak is overdue, teams has no date.
    assert_eq!(cell(Some("websak"), "INNUT"), "brudd");
    assert_eq!(cell(Some("teams"), "INNUT"), "ok");
    // INNUT-05 on the portfolio is covered by the deviation 26/0041.
    assert_eq!(cell(None, "INNUT"), "avvik");
    assert_eq!(cell(Some("min-side"), "GEV"), "brudd");
    // The register's own rules are shown in the register, not as a column.
    assert!(
        m["columns"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["prefix"] != "AVV")
    );
    // Every system and every judged project (9: the idea is not judged) has a row, and
    // the portfolio one.
    assert_eq!(m["rows"].as_array().unwrap().len(), 36 + 9 + 1);
}

#[test]
fn the_deviation_register_says_what_expired_and_what_expires_soon() {
    let report = report_json(&[&repo("examples/eksempel-kommune")]);
    let list = report["kommuner"][0]["figures"]["deviations"]
        .as_array()
        .unwrap();
    let states: Vec<(&str, &str, &str)> = list
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap(),
                d["applies_to"].as_str().unwrap(),
                d["state"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        states,
        [
            ("SKY-03", "gerica", "gyldig"),
            ("INNUT-05", "portefolje", "utloper_snart"),
            ("GEV-06", "smarte-vannmaalere", "utlopt"),
            // Valid, but it covers nothing (AVV-04).
            ("SKY-01", "nytt-sak-arkiv", "gyldig"),
            // No vedtatt_av (AVV-01).
            ("GEV-04", "min-side", "ugyldig"),
        ]
    );
    // 2026-06-01 to 2026-06-30.
    assert_eq!(list[1]["days_left"], 29);
    assert_eq!(list[1]["approved_by"], "Porteføljestyret");
    assert_eq!(list[0]["covers"], 1);
    assert_eq!(list[2]["covers"], 0);
    assert_eq!(list[3]["covers"], 0);
}

#[test]
fn the_html_is_one_self_contained_file() {
    let dir = scratch("report-html");
    let file = dir.join("rapport.html");
    let run = prinsipp(&[
        "report",
        &repo("examples/eksempel-kommune"),
        "--dato",
        "2026-06-01",
        "--html",
        file.to_str().unwrap(),
    ]);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""), "{}", run.stderr);
    let html = read(&file);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"nb\">"));
    // Nothing is loaded from elsewhere (a rule's text may still mention «https://…»).
    for outside in [
        "<script",
        "<link",
        "@import",
        "url(",
        "src=",
        "href=\"http",
        "<img",
        "<iframe",
    ] {
        assert!(
            !html.contains(outside),
            "the report refers outside itself: {outside}"
        );
    }
    for section in [
        "<h2 id=\"nokkeltall\">Nøkkeltall</h2>",
        "<h2 id=\"matrise\">Etterlevelse per prinsipp</h2>",
        "<h2 id=\"funn\">Alle funn</h2>",
        "<h2 id=\"avvik\">Avviksregisteret</h2>",
        "@media print",
        "@page { size: A4",
    ] {
        assert!(html.contains(section), "missing {section}");
    }
    // Every chart has its text alternative, and its numbers in a table.
    let charts = html.matches("<svg class=\"chart\" role=\"img\"").count();
    assert_eq!(charts, html.matches("<table class=\"numbers\">").count());
    assert_eq!(charts, html.matches("<desc id=").count());
    assert!(charts >= 6, "{charts} charts");
    // English on request.
    let en = prinsipp(&[
        "report",
        &repo("examples/eksempel-kommune"),
        "--dato",
        "2026-06-01",
        "--format",
        "html",
        "--lang",
        "en",
    ]);
    assert!(en.stdout.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(en.stdout.contains("<h2 id=\"nokkeltall\">Key figures</h2>"));
}

#[test]
fn a_subjects_remark_reaches_the_json_the_html_and_the_workbook_as_written() {
    let note = "Opprydding startet i mai 2026; journalnotatene flyttes til Gerica innen september";
    let example = repo("examples/eksempel-kommune");
    let report = report_json(&[&example]);
    let k = &report["kommuner"][0];
    let row = k["figures"]["matrix"]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "fellesomrade-helse")
        .unwrap();
    assert_eq!(row["merknad"], note);
    let remark_of = |code: &str| {
        let findings = k["findings"].as_array().unwrap();
        findings.iter().find(|f| f["code"] == code).unwrap()["merknad"].clone()
    };
    assert_eq!(remark_of("PVN-04"), note);
    // A project's too, and none where nothing is written.
    assert_eq!(
        remark_of("SAM-01"),
        "Meldt til arkitekturforum 2026-03-02; behandles i juni-møtet"
    );
    assert!(remark_of("FK-02").is_null());

    let html = prinsipp(&[
        "report",
        &example,
        "--dato",
        "2026-06-01",
        "--format",
        "html",
    ]);
    assert!(
        html.stdout
            .contains(&format!("<span class=\"remark\">{note}</span>")),
        "the remark is shown under the subject"
    );
    // Escaped like any user text.
    let dir = kommune(
        "report-remark-escape",
        &[
            ("kommune.yaml", KOMMUNE),
            (
                "systemer/a.yaml",
                b"systemer:\n  - id: a\n    navn: A\n    merknad: \"<b>fet</b> & mer\"\n",
            ),
        ],
    );
    let run = prinsipp(&["report", dir.to_str().unwrap(), "--format", "html"]);
    assert!(run.stdout.contains("&lt;b&gt;fet&lt;/b&gt; &amp; mer"));
    assert!(!run.stdout.contains("<b>fet"));
}

#[test]
fn user_text_in_the_report_is_escaped() {
    let systems = "systemer:\n  - id: a\n    navn: \"<script>alert(1)</script>\"\n    tjenesteomraade: \"\\\" onmouseover=\\\"x\"\n    systemeier: \"O'Brien & <b>\"\n    livslop: aktiv\n";
    let dir = kommune(
        "report-escape",
        &[
            (
                "kommune.yaml",
                "kommune:\n  navn: \"<i>Test</i>\"\n  kommunenummer: \"3999\"\n".as_bytes(),
            ),
            ("systemer/a.yaml", systems.as_bytes()),
        ],
    );
    let run = prinsipp(&["report", dir.to_str().unwrap(), "--format", "html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stdout.contains("<script"));
    assert!(!run.stdout.contains("<i>Test"));
    assert!(!run.stdout.contains("\" onmouseover"));
    assert!(run.stdout.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(run.stdout.contains("&lt;i&gt;Test&lt;/i&gt;"));
}

#[test]
fn a_report_needs_somewhere_to_go_and_a_workbook_a_file() {
    let example = repo("examples/eksempel-kommune");
    let run = prinsipp(&["report", &example]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("Si hvor rapporten skal skrives"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--html rapport.html"), "{}", run.stderr);
    let run = prinsipp(&["report", &example, "--format", "xlsx"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("En arbeidsbok skrives til en fil"),
        "{}",
        run.stderr
    );
    // Two formats to one file: the second would replace the first.
    let file = scratch("report-same-file").join("r.html");
    let run = prinsipp(&[
        "report",
        &example,
        "--html",
        file.to_str().unwrap(),
        "--format",
        &format!("json={}", file.display()),
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("To formater skal skrives til samme fil"),
        "{}",
        run.stderr
    );
    assert!(!file.exists());
    let run = prinsipp(&["report", &example, "--format", "pdf"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("choose html, json or xlsx"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_parent_folder_stands_for_its_kommuner_and_gets_a_comparison() {
    let parent = scratch("report-many");
    for (name, navn, number) in [("b-kommune", "Bvik", "3998"), ("a-kommune", "Avik", "3997")] {
        let dir = parent.join(name);
        std::fs::create_dir_all(dir.join("systemer")).unwrap();
        std::fs::write(
            dir.join("kommune.yaml"),
            format!("kommune:\n  navn: {navn}\n  kommunenummer: \"{number}\"\n"),
        )
        .unwrap();
        // Avik's system is complete; Bvik's lacks what INV-01 asks for.
        let system = if navn == "Avik" {
            systems_yaml(&["s"], &[])
        } else {
            "systemer:\n  - id: s\n    navn: S\n    drift: saas\n    livslop: aktiv\n".to_string()
        };
        std::fs::write(dir.join("systemer/s.yaml"), system).unwrap();
    }
    // A folder without kommune.yaml is not a kommune.
    std::fs::create_dir_all(parent.join("notater")).unwrap();
    let run = prinsipp(&["report", parent.to_str().unwrap(), "--format", "html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = run.stdout;
    assert!(html.contains("<h1>Porteføljerapport: 2 kommuner</h1>"));
    assert!(html.contains("<h2 id=\"sammenligning\">Sammenligning</h2>"));
    // By folder name: a-kommune first.
    let a = html
        .find("<a href=\"#k1\">Avik</a>")
        .expect("Avik links to its section");
    let b = html
        .find("<a href=\"#k2\">Bvik</a>")
        .expect("Bvik links to its section");
    assert!(a < b);
    assert!(html.contains("<div class=\"kommune\" id=\"k1\">\n<h2>Avik</h2>"));
    assert!(html.contains("<h3 id=\"k2-nokkeltall\">Nøkkeltall</h3>"));
    // The rules are explained once, after the kommuner, and each kommune links there.
    assert!(html.contains("<h2 id=\"reglene\">Reglene</h2>"));
    let index = html.find("<h3 id=\"regel-").expect("INV-01 is explained");
    assert!(html[index..].starts_with("<h3 id=\"regel-") && html[index..].contains("INV-01 "));
    assert_eq!(
        html.matches("<strong>Dette kontrolleres:</strong>").count(),
        1
    );
    assert!(html.contains("<p><a href=\"#regel-"));
    let json = report_json(&[parent.to_str().unwrap()]);
    let names: Vec<&str> = json["kommuner"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["navn"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Avik", "Bvik"]);
    // Ranked per principle by the share of checked subjects in breach.
    let inv = json["ranking"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["principle"] == "INV")
        .unwrap();
    assert_eq!(
        inv["placings"],
        serde_json::json!([
            { "kommune": 0, "share_percent": 0.0, "rank": 1 },
            { "kommune": 1, "share_percent": 100.0, "rank": 2 }
        ])
    );
    let sky = json["ranking"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["principle"] == "SKY")
        .unwrap();
    assert_eq!(sky["placings"][1]["rank"], 1, "equal shares share a rank");
    assert!(html.contains("<h3>Rangering per prinsipp</h3>"));
    assert!(html.contains("<td>0,0 % (1.)</td>"), "{html}");
    assert!(html.contains("<td>100,0 % (2.)</td>"));
}

/// Runs `prinsipp ARGS` with stderr on a terminal (a pseudo-terminal by `script`), and
/// returns what the terminal showed.
fn on_a_terminal(args: &str, ci: bool) -> String {
    let dir = scratch("tty");
    let typescript = dir.join("typescript");
    let command = format!("{} {args}", env!("CARGO_BIN_EXE_prinsipp"));
    let mut script = std::process::Command::new("script");
    script
        .args(["-qec", &command])
        .arg(&typescript)
        .env("COLUMNS", "100");
    if ci {
        script.env("CI", "true");
    } else {
        script.env_remove("CI");
    }
    let status = script.status().expect("script (util-linux) runs");
    assert!(status.success());
    read(&typescript)
}

#[test]
fn a_progress_bar_shows_on_a_terminal_but_not_in_ci() {
    let parent = scratch("report-progress");
    for n in 0..3 {
        let dir = parent.join(format!("k{n}"));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("kommune.yaml"),
            format!("kommune:\n  navn: K{n}\n  kommunenummer: \"399{n}\"\n"),
        )
        .unwrap();
    }
    let out = parent.join("r.json");
    let args = format!(
        "report {} --format json={}",
        parent.display(),
        out.display()
    );
    let shown = on_a_terminal(&args, false);
    assert!(shown.contains("3/3 kommuner kontrollert"), "{shown:?}");
    let shown = on_a_terminal(&args, true);
    assert!(!shown.contains("kommuner kontrollert"), "{shown:?}");
    // Not a terminal: nothing but the report.
    let run = prinsipp(&["report", parent.to_str().unwrap(), "--format", "json"]);
    assert_eq!(run.stderr, "");
}

#[test]
fn the_workbook_holds_findings_matrix_key_figures_and_register_with_filters() {
    use calamine::{Data, Reader, Xlsx};
    let dir = scratch("report-xlsx");
    let file = dir.join("rapport.xlsx");
    let args = |path: &str| {
        prinsipp(&[
            "report",
            &repo("examples/eksempel-kommune"),
            "--dato",
            "2026-06-01",
            "--format",
            &format!("xlsx={path}"),
        ])
    };
    let run = args(file.to_str().unwrap());
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut book: Xlsx<_> = calamine::open_workbook(&file).unwrap();
    assert_eq!(
        book.sheet_names(),
        ["Funn", "Matrise", "Nøkkeltall", "Utvikling", "Avvik"]
    );
    let cell = |range: &calamine::Range<Data>, row: usize, col: usize| match range.get((row, col)) {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Float(f)) => f.to_string(),
        Some(Data::Int(i)) => i.to_string(),
        other => format!("{other:?}"),
    };
    let json = report_json(&[&repo("examples/eksempel-kommune")]);
    let findings = json["kommuner"][0]["findings"].as_array().unwrap();

    let f = book.worksheet_range("Funn").unwrap();
    assert_eq!(f.height(), findings.len() + 1);
    // The subject's remark, in the last column.
    let remark = f.width() - 1;
    assert_eq!(cell(&f, 0, remark), "Merknad");
    let pvn04 = (1..f.height())
        .find(|r| cell(&f, *r, 1) == "PVN-04")
        .unwrap();
    assert!(cell(&f, pvn04, remark).starts_with("Opprydding startet i mai 2026"));
    assert_eq!(
        (0..6).map(|c| cell(&f, 0, c)).collect::<Vec<_>>(),
        [
            "Kommune",
            "Regel",
            "Alvorlighet",
            "Gjelder (type)",
            "Gjelder",
            "Nytt system"
        ]
    );
    for (i, finding) in findings.iter().enumerate() {
        assert_eq!(cell(&f, i + 1, 0), "Fjordvik kommune");
        assert_eq!(cell(&f, i + 1, 1), finding["code"].as_str().unwrap());
        assert_eq!(cell(&f, i + 1, 6), finding["message"].as_str().unwrap());
        assert_eq!(cell(&f, i + 1, 8), finding["line"].to_string());
        assert_eq!(cell(&f, i + 1, 10), finding["status"].as_str().unwrap());
    }

    let m = book.worksheet_range("Matrise").unwrap();
    assert_eq!(m.height(), 46 + 1);
    let sky = (0..m.width()).find(|c| cell(&m, 0, *c) == "SKY").unwrap();
    let row = (1..m.height())
        .find(|r| cell(&m, *r, 2) == "visma-enterprise")
        .unwrap();
    assert_eq!(cell(&m, row, sky), "brudd");
    let row = (1..m.height())
        .find(|r| cell(&m, *r, 2) == "gerica")
        .unwrap();
    assert_eq!(cell(&m, row, sky), "avvik");

    let k = book.worksheet_range("Nøkkeltall").unwrap();
    let figure = |name: &str| {
        let row = (1..k.height())
            .find(|r| cell(&k, *r, 1) == name)
            .unwrap_or_else(|| panic!("{name}"));
        cell(&k, row, 2)
    };
    assert_eq!(figure("Systemer i bruk"), "33");
    assert_eq!(figure("Andel i sky (%)"), "69.7");
    assert_eq!(figure("Drift: egen_drift"), "10");
    assert_eq!(figure("Gevinster målt"), "1");

    // No earlier result: the trend is this check alone.
    let u = book.worksheet_range("Utvikling").unwrap();
    assert_eq!(u.height(), 2);
    assert_eq!(
        (cell(&u, 1, 1), cell(&u, 1, 3)),
        ("2026-T2".into(), "denne kontrollen".into())
    );
    assert_eq!(cell(&u, 1, 13), "61");

    let a = book.worksheet_range("Avvik").unwrap();
    assert_eq!(a.height(), 5 + 1);
    assert_eq!(
        (cell(&a, 2, 1), cell(&a, 2, 7), cell(&a, 2, 8)),
        ("INNUT-05".into(), "utloper_snart".into(), "29".into())
    );

    // Every sheet has a frozen header row and a filter over it (read from the file's XML).
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&file).unwrap()).unwrap();
    for n in 1..=5 {
        let mut xml = String::new();
        std::io::Read::read_to_string(
            &mut zip.by_name(&format!("xl/worksheets/sheet{n}.xml")).unwrap(),
            &mut xml,
        )
        .unwrap();
        assert!(
            xml.contains("<pane ySplit=\"1\" topLeftCell=\"A2\""),
            "sheet {n}: no frozen header"
        );
        assert!(
            xml.contains("<autoFilter ref=\"A1:"),
            "sheet {n}: no filter"
        );
    }
    // The same input gives the same bytes.
    let again = dir.join("igjen.xlsx");
    assert_eq!(args(again.to_str().unwrap()).code, 0);
    assert_eq!(
        std::fs::read(&file).unwrap(),
        std::fs::read(&again).unwrap()
    );
}

/// Writes `check --format json` of the example as of `date` into `dir`.
fn earlier_result(dir: &std::path::Path, folder: &str, date: &str) -> std::path::PathBuf {
    let file = dir.join(format!("{date}.json"));
    let run = prinsipp(&[
        "check",
        folder,
        "--dato",
        date,
        "--format",
        &format!("json={}", file.display()),
    ]);
    assert!(run.code < 2, "{}", run.stderr);
    file
}

#[test]
fn earlier_results_give_the_trend_per_tertial() {
    let dir = scratch("report-trend");
    let example = repo("examples/eksempel-kommune");
    let results = dir.join("resultater");
    std::fs::create_dir_all(&results).unwrap();
    // Two results in 2025-T3 (the later counts), one in 2026-T1; the report is 2026-T2.
    earlier_result(&results, &example, "2025-09-15");
    earlier_result(&results, &example, "2025-12-20");
    let february = earlier_result(&dir, &example, "2026-02-01");
    // A check's JSON holds the key figures the trend follows.
    let check: Value = serde_json::from_str(&read(&february)).unwrap();
    assert_eq!(check["key_figures"]["systems"]["in_use"], 33);
    let run = prinsipp(&[
        "report",
        &example,
        "--dato",
        "2026-06-01",
        "--tidligere",
        results.to_str().unwrap(),
        "--tidligere",
        february.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: Value = serde_json::from_str(&run.stdout).unwrap();
    let trend = json["kommuner"][0]["trend"].as_array().unwrap();
    let tertials: Vec<(&str, &str)> = trend
        .iter()
        .map(|p| (p["tertial"].as_str().unwrap(), p["date"].as_str().unwrap()))
        .collect();
    assert_eq!(
        tertials,
        [
            ("2025-T3", "2025-12-20"),
            ("2026-T1", "2026-02-01"),
            ("2026-T2", "2026-06-01")
        ]
    );
    assert_eq!(trend[2]["source"], "denne kontrollen");
    // Breaches are open findings (not approved deviations), counted from each result.
    for (point, date) in trend.iter().zip(["2025-12-20", "2026-02-01", "2026-06-01"]) {
        let check = prinsipp(&["check", &example, "--dato", date, "--format", "json"]);
        let check: Value = serde_json::from_str(&check.stdout).unwrap();
        let open = check["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["status"] != "avvik")
            .count();
        assert_eq!(point["breaches"], open as u64, "{date}");
        let sky = check["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["status"] != "avvik" && f["code"].as_str().unwrap().starts_with("SKY-"))
            .count();
        assert_eq!(point["by_principle"]["SKY"], sky as u64, "{date}");
        assert_eq!(point["figures"]["systems_in_use"], 33);
    }
    // The HTML draws it.
    let html = prinsipp(&[
        "report",
        &example,
        "--dato",
        "2026-06-01",
        "--tidligere",
        results.to_str().unwrap(),
        "--format",
        "html",
    ]);
    assert!(
        html.stdout
            .contains("<title id=\"trend-brudd-t\">Åpne brudd per tertial</title>")
    );
    assert!(html.stdout.contains("<th scope=\"row\">2025-T3</th>"));
}

#[test]
fn an_earlier_result_that_is_not_one_is_an_input_error_at_its_place() {
    // A repository with the kommune and the earlier result: places are shown from its top.
    let dir = scratch("report-trend-bad");
    std::fs::create_dir(dir.join(".git")).unwrap();
    common::copy_tree(
        std::path::Path::new(&repo("examples/eksempel-kommune")),
        &dir.join("kommune"),
    );
    let bad = dir.join("bad.json");
    std::fs::write(&bad, "{\n  \"dato\": \"2026-01-01\",\n  oops\n}").unwrap();
    let run = prinsipp(&[
        "report",
        dir.join("kommune").to_str().unwrap(),
        "--tidligere",
        bad.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("feil: bad.json:3:3: Ugyldig JSON"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("tips: Et tidligere resultat er en fil fra prinsipp check --format json=FIL"),
        "{}",
        run.stderr
    );
    // A result of another kommune is left out, with a warning.
    let other = dir.join("annen.json");
    std::fs::write(
        &other,
        r#"{"kommune": {"kommunenummer": "0301"}, "dato": "2026-01-01", "findings": []}"#,
    )
    .unwrap();
    let run = prinsipp(&[
        "report",
        &repo("examples/eksempel-kommune"),
        "--tidligere",
        other.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("kommunenummer 0301, som ingen av kommunene i rapporten har"),
        "{}",
        run.stderr
    );
}

fn git(dir: &std::path::Path, args: &[&str], date: &str) {
    let status = std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.org")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.org")
        .status()
        .unwrap();
    assert!(status.success(), "git {args:?}");
}

/// Systems: `bad` lack drift; the others are complete (no finding of any rule).
fn systems_yaml(good: &[&str], bad: &[&str]) -> String {
    let mut out = String::from("systemer:\n");
    for id in good {
        out.push_str(&format!("  - id: {id}\n    navn: {id}\n    systemeier: Eier\n    drift: saas\n    livslop: aktiv\n    programvaretype: hyllevare\n    personopplysninger: ingen\n"));
    }
    for id in bad {
        out.push_str(&format!("  - id: {id}\n    navn: {id}\n    systemeier: Eier\n    livslop: aktiv\n    programvaretype: hyllevare\n    personopplysninger: ingen\n"));
    }
    out
}

#[test]
fn history_checks_the_folder_as_it_was_at_each_month_end_without_touching_it() {
    let repo_dir = scratch("report-git");
    let folder = repo_dir.join("kommuner/testvik");
    std::fs::create_dir_all(folder.join("systemer")).unwrap();
    git(
        &repo_dir,
        &["init", "-q", "-b", "main"],
        "2025-10-10T12:00:00+00:00",
    );
    std::fs::write(folder.join("kommune.yaml"), KOMMUNE).unwrap();
    let systems = folder.join("systemer/systemer.yaml");
    // October 2025: two systems without drift.
    std::fs::write(&systems, systems_yaml(&["a"], &["b", "e"])).unwrap();
    git(&repo_dir, &["add", "-A"], "2025-10-10T12:00:00+00:00");
    git(
        &repo_dir,
        &["commit", "-q", "-m", "oktober"],
        "2025-10-10T12:00:00+00:00",
    );
    // January 2026: one.
    std::fs::write(&systems, systems_yaml(&["a", "b", "e"], &["c"])).unwrap();
    git(
        &repo_dir,
        &["commit", "-q", "-am", "januar"],
        "2026-01-15T12:00:00+00:00",
    );
    // Not committed: three.
    let now = systems_yaml(&["a", "b", "e"], &["c", "d", "f"]);
    std::fs::write(&systems, &now).unwrap();
    let run = prinsipp(&[
        "report",
        folder.to_str().unwrap(),
        "--dato",
        "2026-06-01",
        "--historikk",
        "2025-09-01",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: Value = serde_json::from_str(&run.stdout).unwrap();
    let trend: Vec<(String, String, u64)> = json["kommuner"][0]["trend"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["tertial"].as_str().unwrap().to_string(),
                p["date"].as_str().unwrap().to_string(),
                p["breaches"].as_u64().unwrap(),
            )
        })
        .collect();
    // September has no commit yet; 2025-T3 ends with December (the October commit),
    // 2026-T1 with April (the January commit); 2026-T2 is this check of the working tree.
    assert_eq!(
        trend,
        [
            ("2025-T3".to_string(), "2025-12-31".to_string(), 2),
            ("2026-T1".to_string(), "2026-04-30".to_string(), 1),
            ("2026-T2".to_string(), "2026-06-01".to_string(), 3),
        ]
    );
    let source = json["kommuner"][0]["trend"][0]["source"].as_str().unwrap();
    assert!(
        source.starts_with("git ") && source.ends_with(" (2025-12-31)"),
        "{source}"
    );
    // The working tree, the index and HEAD are as they were.
    assert_eq!(read(&systems), now);
    let status = std::process::Command::new("git")
        .arg("-C")
        .arg(&repo_dir)
        .args(["status", "--porcelain"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&status.stdout),
        " M kommuner/testvik/systemer/systemer.yaml\n"
    );
}

#[test]
fn history_outside_git_is_a_warning_and_the_report_is_still_written() {
    let dir = kommune("report-nogit", &[("kommune.yaml", KOMMUNE)]);
    let outside = std::env::temp_dir().join(format!("prinsipp-nogit-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&outside);
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::copy(dir.join("kommune.yaml"), outside.join("kommune.yaml")).unwrap();
    let run = prinsipp(&[
        "report",
        outside.to_str().unwrap(),
        "--historikk",
        "2026-01-01",
        "--format",
        "json",
    ]);
    std::fs::remove_dir_all(&outside).unwrap();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("advarsel:"), "{}", run.stderr);
    assert!(
        run.stderr.contains("--historikk: git rev-parse"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("tips: --historikk leser mappa fra git"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_linked_kommune_is_named_not_followed_and_one_kommune_twice_is_an_error() {
    let parent = scratch("report-links");
    // The top of a repository: places are shown from it.
    std::fs::create_dir(parent.join(".git")).unwrap();
    let real = parent.join("ekte");
    std::fs::create_dir_all(&real).unwrap();
    std::fs::write(real.join("kommune.yaml"), KOMMUNE).unwrap();
    let outside = scratch("report-links-outside");
    std::fs::write(
        outside.join("kommune.yaml"),
        "kommune:\n  navn: Ute\n  kommunenummer: \"0301\"\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(&outside, parent.join("lenke")).unwrap();
    let run = prinsipp(&["report", parent.to_str().unwrap(), "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "advarsel: lenke: Ikke lest som kommunemappe: prinsipp følger ikke symbolske lenker"
        ),
        "{}",
        run.stderr
    );
    let json: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["kommuner"].as_array().unwrap().len(), 1);
    assert!(!run.stdout.contains("Ute"));

    let run = prinsipp(&[
        "report",
        real.to_str().unwrap(),
        real.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!((run.code, run.stdout.as_str()), (2, ""));
    assert!(
        run.stderr
            .contains("kommune.yaml:3:3: Kommunenummer 3999 er også brukt i"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("tips: Hver kommune i kjøringen trenger sitt eget kommunenummer"),
        "{}",
        run.stderr
    );
}

#[test]
fn own_rules_that_share_a_prefix_stay_apart_in_every_view() {
    let systems = systems_yaml(&["a"], &["b"]);
    let toml = r#"
[[egen_regel]]
kode = "EGEN-01"
alvorlighet = "feil"
tittel = "Systemet har navn"
forklaring = "Alle systemer har navn."
gjelder = "system"
krav = [{ felt = "navn", finnes = true }]

[[egen_regel]]
kode = "EGEN-02"
alvorlighet = "advarsel"
tittel = "Systemet har drift"
forklaring = "Alle systemer har drift."
gjelder = "system"
krav = [{ felt = "drift", finnes = true }]
"#;
    let dir = kommune(
        "report-own-rules",
        &[
            ("kommune.yaml", KOMMUNE),
            ("systemer/s.yaml", systems.as_bytes()),
            ("prinsipp.toml", toml.as_bytes()),
        ],
    );
    let json = report_json(&[dir.to_str().unwrap()]);
    let figures = &json["kommuner"][0]["figures"];
    let columns: Vec<&str> = figures["matrix"]["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["label"].as_str().unwrap())
        .collect();
    assert!(columns.ends_with(&["EGEN-01", "EGEN-02"]), "{columns:?}");
    let b = figures["matrix"]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "b")
        .unwrap();
    let cells = b["cells"].as_array().unwrap();
    assert_eq!(cells[columns.len() - 2], "ok");
    assert_eq!(cells[columns.len() - 1], "brudd");
    let egen02 = figures["summary"]["principles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["label"] == "EGEN-02")
        .unwrap();
    assert_eq!(
        (egen02["violations"].as_u64(), egen02["prefix"].as_str()),
        (Some(1), Some("EGEN"))
    );
    let html = prinsipp(&["report", dir.to_str().unwrap(), "--format", "html"]).stdout;
    assert!(
        html.contains("Kommunens egen regel: Systemet har drift (EGEN-02) 1"),
        "the chart's text alternative names EGEN-02"
    );
    assert!(!html.contains("Kommunens egen regel: Systemet har navn (EGEN-01) 1"));
}

#[test]
fn two_register_entries_for_one_rule_and_subject_are_told_apart() {
    let systems = "systemer:\n  - id: gammel\n    navn: Gammel\n    systemeier: E\n    drift: egen_drift\n    livslop: aktiv\n    programvaretype: hyllevare\n    personopplysninger: ingen\n    avtale: { utloper: 2026-09-01 }\n";
    // The first entry lacks vedtatt_av (invalid); the second is valid and covers SKY-03;
    // the third says the same and so covers nothing more.
    let avvik = "avvik:\n  - regel: SKY-03\n    gjelder: gammel\n    begrunnelse: B\n    dato: 2026-01-01\n    gyldig_til: 2027-01-01\n  - regel: SKY-03\n    gjelder: gammel\n    begrunnelse: B\n    vedtatt_av: Styret\n    dato: 2026-01-01\n    gyldig_til: 2027-01-01\n    ref: \"26/1\"\n  - regel: SKY-03\n    gjelder: gammel\n    begrunnelse: B\n    vedtatt_av: Styret\n    dato: 2026-01-01\n    gyldig_til: 2027-01-01\n    ref: \"26/2\"\n";
    let dir = kommune(
        "report-register",
        &[
            ("kommune.yaml", KOMMUNE),
            ("systemer/s.yaml", systems.as_bytes()),
            ("avvik.yaml", avvik.as_bytes()),
        ],
    );
    let json = report_json(&[dir.to_str().unwrap()]);
    let list: Vec<(String, u64)> = json["kommuner"][0]["figures"]["deviations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["state"].as_str().unwrap().to_string(),
                d["covers"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        list,
        [
            ("ugyldig".to_string(), 0),
            ("gyldig".to_string(), 1),
            ("gyldig".to_string(), 0)
        ]
    );
}

#[test]
fn a_result_dated_after_the_check_does_not_take_its_place() {
    let dir = scratch("report-trend-later");
    let example = repo("examples/eksempel-kommune");
    let later = earlier_result(&dir, &example, "2026-08-15");
    let run = prinsipp(&[
        "report",
        &example,
        "--dato",
        "2026-06-01",
        "--tidligere",
        later.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("Resultatet er fra 2026-08-15, etter vurderingsdatoen 2026-06-01"),
        "{}",
        run.stderr
    );
    let json: Value = serde_json::from_str(&run.stdout).unwrap();
    let trend = json["kommuner"][0]["trend"].as_array().unwrap();
    assert_eq!(trend.len(), 1);
    assert_eq!(trend[0]["source"], "denne kontrollen");
}

#[test]
fn an_earlier_result_with_made_up_codes_adds_no_columns() {
    let dir = scratch("report-trend-codes");
    let file = dir.join("rart.json");
    let findings: Vec<String> = (0..500)
        .map(|i| format!(r#"{{"code": "X{i}-01", "status": "open"}}"#))
        .chain([r#"{"code": "SKY-01", "status": "open"}"#.to_string()])
        .collect();
    std::fs::write(
        &file,
        format!(
            r#"{{"kommune": {{"kommunenummer": "3999"}}, "dato": "2026-01-10", "findings": [{}]}}"#,
            findings.join(",")
        ),
    )
    .unwrap();
    let json = report_json(&[
        &repo("examples/eksempel-kommune"),
        "--tidligere",
        file.to_str().unwrap(),
    ]);
    let first = &json["kommuner"][0]["trend"][0];
    assert_eq!(first["breaches"], 501);
    assert_eq!(first["by_principle"], serde_json::json!({ "SKY": 1 }));
}

#[test]
fn history_leaves_out_a_month_whose_files_it_cannot_all_take_and_says_so() {
    let repo_dir = scratch("report-git-big");
    git(
        &repo_dir,
        &["init", "-q", "-b", "main"],
        "2025-10-10T12:00:00+00:00",
    );
    std::fs::create_dir_all(repo_dir.join("systemer")).unwrap();
    std::fs::write(repo_dir.join("kommune.yaml"), KOMMUNE).unwrap();
    // October: a 2 MiB inventory, over --max-file-size 1; and a file git cannot name in
    // UTF-8 outside the folders a kommune is read from (ignored).
    let big = format!(
        "{}# {}\n",
        systems_yaml(&["a"], &["b"]),
        "x".repeat(2 * 1024 * 1024)
    );
    std::fs::write(repo_dir.join("systemer/s.yaml"), big).unwrap();
    use std::os::unix::ffi::OsStrExt;
    std::fs::write(
        repo_dir.join(std::ffi::OsStr::from_bytes(b"notat-\xff.txt")),
        "x",
    )
    .unwrap();
    git(&repo_dir, &["add", "-A"], "2025-10-10T12:00:00+00:00");
    git(
        &repo_dir,
        &["commit", "-q", "-m", "stor"],
        "2025-10-10T12:00:00+00:00",
    );
    // January: the inventory as it should be.
    std::fs::write(
        repo_dir.join("systemer/s.yaml"),
        systems_yaml(&["a"], &["b"]),
    )
    .unwrap();
    git(
        &repo_dir,
        &["commit", "-q", "-am", "liten"],
        "2026-01-15T12:00:00+00:00",
    );
    let run = prinsipp(&[
        "report",
        repo_dir.to_str().unwrap(),
        "--dato",
        "2026-03-01",
        "--historikk",
        "2025-10-01",
        "--max-file-size",
        "1",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // October, November and December stand for one commit: one warning.
    assert_eq!(run.stderr.matches("advarsel:").count(), 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("(2025-10-31): systemer/s.yaml kunne ikke tas med (for stor"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("er ikke med i utviklingen"),
        "{}",
        run.stderr
    );
    let json: Value = serde_json::from_str(&run.stdout).unwrap();
    let dates: Vec<&str> = json["kommuner"][0]["trend"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["date"].as_str().unwrap())
        .collect();
    // 2025-T3 is gone; 2026-T1 is this check (February's commit point is earlier).
    assert_eq!(dates, ["2026-03-01"]);
}
