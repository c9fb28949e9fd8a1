//! An IKT-samarbeid: samarbeid.yaml names the owner kommuner; the shared systems and
//! projects say which owners use them (`brukes_av`); each owner is checked with its own
//! files and the shared ones it uses.

mod common;

use common::{copy_tree, prinsipp, repo, scratch};
use std::path::Path;

/// A copy of the example as `fjellregionen/` at the top of a repository: paths are shown
/// from there (`fjellregionen/systemer/tjenester.yaml`).
fn example_copy() -> std::path::PathBuf {
    let top = scratch("samarbeid");
    std::fs::create_dir(top.join(".git")).unwrap();
    let dir = top.join("fjellregionen");
    copy_tree(Path::new(&repo("examples/ikt-samarbeid")), &dir);
    dir
}

fn check(folder: &str, extra: &[&str]) -> common::Run {
    let mut args = vec!["check", folder, "--dato", "2026-06-01"];
    args.extend_from_slice(extra);
    prinsipp(&args)
}

#[test]
fn the_example_checks_each_owner_with_the_shared_systems_it_uses() {
    let run = check("examples/ikt-samarbeid", &["--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.stderr, "");
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let got: Vec<String> = doc["kommuner"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|k| {
            let head = format!(
                "{} {} strategi={} systemer={} prosjekter={}",
                k["kommune"]["kommunenummer"].as_str().unwrap(),
                k["kommune"]["navn"].as_str().unwrap(),
                k["strategi"].as_str().unwrap_or("-"),
                k["counts"]["systemer"],
                k["counts"]["prosjekter"],
            );
            let findings = k["findings"].as_array().unwrap().iter().map(|f| {
                format!(
                    "  {} {} {} {}:{} felles_for={}",
                    f["code"].as_str().unwrap(),
                    f["status"].as_str().unwrap(),
                    f["subject_id"].as_str().unwrap(),
                    f["file"].as_str().unwrap(),
                    f["line"],
                    f["felles_for"]
                )
            });
            std::iter::once(head).chain(findings).collect::<Vec<_>>()
        })
        .collect();
    let want = [
        "3991 Elvdal kommune strategi=ror-ikt-2022 systemer=8 prosjekter=3",
        "3992 Fjellby kommune strategi=ror-ikt-2022 systemer=8 prosjekter=3",
        "3993 Nordvik kommune strategi=ror-ikt-2022 systemer=9 prosjekter=3",
        "  PVN-05 open kommunekart examples/ikt-samarbeid/systemer/tjenester.yaml:161 felles_for=[\"nordvik\",\"solbakken\"]",
        "3994 Solbakken kommune strategi=ror-ikt-2022 systemer=8 prosjekter=2",
        "  PVN-05 open kommunekart examples/ikt-samarbeid/systemer/tjenester.yaml:161 felles_for=[\"nordvik\",\"solbakken\"]",
        "  PVN-02 open gerica examples/ikt-samarbeid/solbakken/systemer/helse.yaml:14 felles_for=null",
        "3995 Åsbygd kommune strategi=ror-ikt-2022 systemer=7 prosjekter=2",
        "  INV-01 avvik cosdoc examples/ikt-samarbeid/aasbygd/systemer/helse.yaml:3 felles_for=null",
    ];
    assert_eq!(got, want);
}

#[test]
fn the_table_heads_each_owner_and_marks_what_is_shared() {
    let run = check("examples/ikt-samarbeid", &[]);
    assert_eq!(run.code, 1);
    let heads: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.contains(" — Fjellregionen IKT, "))
        .collect();
    assert_eq!(
        heads,
        [
            "Elvdal kommune (3991) — Fjellregionen IKT, examples/ikt-samarbeid/elvdal",
            "Fjellby kommune (3992) — Fjellregionen IKT, examples/ikt-samarbeid/fjellby",
            "Nordvik kommune (3993) — Fjellregionen IKT, examples/ikt-samarbeid/nordvik",
            "Solbakken kommune (3994) — Fjellregionen IKT, examples/ikt-samarbeid/solbakken",
            "Åsbygd kommune (3995) — Fjellregionen IKT, examples/ikt-samarbeid/aasbygd",
        ]
    );
    let shared = run
        .stdout
        .matches("| Felles i Fjellregionen IKT, brukt av nordvik, solbakken")
        .count();
    assert_eq!(shared, 2, "{}", run.stdout);
    assert!(run.stdout.ends_with(
        "Totalt for 5 kommuner: 1 feil, 2 advarsler, 1 godkjent avvik — 40 systemer, 13 prosjekter kontrollert\n"
    ));
}

#[test]
fn an_owner_may_have_its_own_strategy_and_settings() {
    let dir = example_copy();
    std::fs::write(
        dir.join("nordvik/kommune.yaml"),
        "kommune:\n  navn: Nordvik kommune\n  kommunenummer: \"3993\"\n  strategi: larvik-2023\n",
    )
    .unwrap();
    // The samarbeid's settings run only PVN rules; Solbakken's own run only INV-01.
    std::fs::write(dir.join("prinsipp.toml"), "[regler]\nkun = [\"PVN\"]\n").unwrap();
    std::fs::write(
        dir.join("solbakken/prinsipp.toml"),
        "[regler]\nkun = [\"INV-01\"]\n",
    )
    .unwrap();
    let run = check(dir.to_str().unwrap(), &["--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let k = &doc["kommuner"];
    assert_eq!(k[2]["strategi"], "larvik-2023");
    assert_eq!(k[0]["strategi"], "ror-ikt-2022");
    let codes = |i: usize| -> Vec<String> {
        k[i]["rules"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["code"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(
        codes(0).iter().all(|c| c.starts_with("PVN")),
        "{:?}",
        codes(0)
    );
    assert_eq!(codes(3), ["INV-01"]);
}

#[test]
fn brukes_av_names_only_the_owners() {
    let dir = example_copy();
    let path = dir.join("systemer/tjenester.yaml");
    let text = std::fs::read_to_string(&path).unwrap().replace(
        "brukes_av: [nordvik, solbakken]",
        "brukes_av: [nordvik, solbaken]",
    );
    std::fs::write(&path, text).unwrap();
    let run = check(dir.to_str().unwrap(), &[]);
    assert_eq!(run.code, 2);
    let shown = "fjellregionen/systemer/tjenester.yaml";
    assert!(
        run.stderr.contains(&format!(
            "feil: {shown}:146:26: «solbaken» i brukes_av er ikke en av eierkommunene\n  tips: Mente du solbakken?\n"
        )),
        "{}",
        run.stderr
    );
    // The shared part is broken: no owner is checked.
    assert!(run.stderr.ends_with(
        "Kunne ikke lese 1 av 1 kommuner (fjellregionen); de andre er kontrollert. Rett feilene over og kjør igjen.\n"
    ));
    assert!(!run.stdout.contains("Elvdal"));
}

#[test]
fn an_owner_without_a_folder_is_an_error_for_that_owner_only() {
    let dir = example_copy();
    std::fs::remove_dir_all(dir.join("elvdal")).unwrap();
    let run = check(dir.to_str().unwrap(), &[]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("feil: fjellregionen/elvdal: Fant ikke mappa fjellregionen/elvdal"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.contains("Totalt for 4 kommuner"));
}

#[test]
fn an_owner_without_kommune_yaml_is_told_what_it_needs() {
    let dir = example_copy();
    std::fs::remove_file(dir.join("fjellby/kommune.yaml")).unwrap();
    let run = check(dir.to_str().unwrap(), &[]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(
            "fjellby/kommune.yaml: Eierkommunen fjellby mangler kommune.yaml\n  tips: Hver eierkommune har en mappe med kommune.yaml"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn samarbeid_yaml_is_checked_like_every_file() {
    let dir = example_copy();
    std::fs::write(
        dir.join("samarbeid.yaml"),
        "samarbeid:\n  navn: Fjellregionen IKT\n  kommuner: [elvdal, elvdal, Fjellby]\n  fond: 3\n",
    )
    .unwrap();
    let run = check(dir.to_str().unwrap(), &[]);
    assert_eq!(run.code, 2);
    let shown = "fjellregionen/samarbeid.yaml";
    for expected in [
        format!("feil: {shown}:3:22: Kommunen elvdal står to ganger"),
        format!("feil: {shown}:3:30: «Fjellby» er ikke et mappenavn prinsipp leser"),
        format!("feil: {shown}:4:3: Ukjent felt `fond` i samarbeid"),
    ] {
        assert!(run.stderr.contains(&expected), "{expected}\n{}", run.stderr);
    }
}

#[test]
fn brukes_av_outside_a_samarbeid_is_a_warning() {
    let dir = common::kommune(
        "stray-brukes-av",
        &[
            ("kommune.yaml", common::KOMMUNE),
            (
                "systemer.yaml",
                b"systemer:\n  - id: sak\n    navn: Sak\n    brukes_av: [elvdal]\n",
            ),
        ],
    );
    let run = check(
        dir.to_str().unwrap(),
        &["--config", &common::only(&["SKY"])],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains(
        "advarsel: systemer.yaml:4:5: brukes_av gjelder bare de felles systemene og prosjektene i et IKT-samarbeid; her har det ingen virkning"
    ), "{}", run.stderr);
}

#[test]
fn the_report_shows_every_owner() {
    let out = scratch("samarbeid-report").join("rapport.json");
    let run = prinsipp(&[
        "report",
        "examples/ikt-samarbeid",
        "--dato",
        "2026-06-01",
        "--format",
        &format!("json={}", out.display()),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let doc: serde_json::Value = serde_json::from_str(&common::read(&out)).unwrap();
    let text = doc.to_string();
    for name in ["Elvdal", "Fjellby", "Nordvik", "Solbakken", "Åsbygd"] {
        assert!(text.contains(&format!("{name} kommune")), "{name}");
    }
}

#[test]
fn kommune_yaml_beside_samarbeid_yaml_is_not_read_and_says_so() {
    let dir = example_copy();
    std::fs::write(
        dir.join("kommune.yaml"),
        "kommune:\n  navn: Fjellregionen\n  kommunenummer: \"3990\"\n",
    )
    .unwrap();
    let run = check(dir.to_str().unwrap(), &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let shown = "fjellregionen/kommune.yaml";
    assert!(
        run.stderr.contains(&format!(
            "advarsel: {shown}: kommune.yaml ved siden av samarbeid.yaml leses ikke: mappa er et IKT-samarbeid"
        )),
        "{}",
        run.stderr
    );
    assert!(run.stdout.contains("Totalt for 5 kommuner"));
}
