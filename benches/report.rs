//! The report's cost, against the check's, and the comparison of many kommuner.
//!
//! `cargo bench --bench report` writes a large generated kommune (3,000 systems, 300
//! projects) and 357 copies of the example kommune, then times whole runs of the binary,
//! alternating, and prints medians and ratios:
//!
//! - check: `check BIG --format json` (load, every rule, the JSON with its key figures);
//! - report-json, report-html: `report BIG` as JSON and as HTML: the same check plus the
//!   figures, the matrix and the rendering;
//! - many: `report PARENT --html` over the 357 kommuner.
//!
//! Machines here are shared and noisy: read the ratios, not the absolute numbers.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

const SYSTEMS: usize = 3_000;
const PROJECTS: usize = 300;
const KOMMUNER: usize = 357;
const RUNS: usize = 5;

fn main() {
    let root = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("bench-report");
    let _ = std::fs::remove_dir_all(&root);
    let big = root.join("stor-kommune");
    write_big(&big);
    let many = root.join("kommuner");
    write_many(&many);
    let out = root.join("out");
    std::fs::create_dir_all(&out).unwrap();
    let big = big.to_str().unwrap();
    let many = many.to_str().unwrap();
    let file = |name: &str| out.join(name).to_string_lossy().into_owned();
    let variants: Vec<(&str, Vec<String>)> = vec![
        (
            "check",
            vec![
                "check".into(),
                big.into(),
                "--fail-on".into(),
                "never".into(),
                "--format".into(),
                format!("json={}", file("check.json")),
            ],
        ),
        (
            "report-json",
            vec![
                "report".into(),
                big.into(),
                "--format".into(),
                format!("json={}", file("report.json")),
            ],
        ),
        (
            "report-html",
            vec![
                "report".into(),
                big.into(),
                "--html".into(),
                file("report.html"),
            ],
        ),
        (
            "many",
            vec![
                "report".into(),
                many.into(),
                "--html".into(),
                file("many.html"),
            ],
        ),
    ];
    let mut samples: Vec<Vec<f64>> = vec![Vec::new(); variants.len()];
    for _ in 0..RUNS {
        for (i, (_, args)) in variants.iter().enumerate() {
            for name in ["check.json", "report.json", "report.html", "many.html"] {
                let _ = std::fs::remove_file(out.join(name));
            }
            let start = Instant::now();
            let status = Command::new(env!("CARGO_BIN_EXE_prinsipp"))
                .args(args)
                .env("CI", "1")
                .status()
                .unwrap();
            samples[i].push(start.elapsed().as_secs_f64());
            assert!(status.success(), "{args:?}");
        }
    }
    let medians: Vec<f64> = samples
        .iter_mut()
        .map(|s| {
            s.sort_by(|a, b| a.total_cmp(b));
            s[s.len() / 2]
        })
        .collect();
    for ((name, _), m) in variants.iter().zip(&medians) {
        println!("{name:>12}: {m:.3} s (median of {RUNS})");
    }
    println!(
        "report-json / check: {:.2}×, report-html / check: {:.2}×; {KOMMUNER} kommuner: {:.2} s",
        medians[1] / medians[0],
        medians[2] / medians[0],
        medians[3]
    );
}

/// A kommune of `SYSTEMS` systems and `PROJECTS` projects, with something missing here
/// and there so that every part of the report has work.
fn write_big(dir: &Path) {
    std::fs::create_dir_all(dir.join("systemer")).unwrap();
    std::fs::create_dir_all(dir.join("prosjekter")).unwrap();
    std::fs::write(
        dir.join("kommune.yaml"),
        "kommune:\n  navn: Storvik kommune\n  kommunenummer: \"3990\"\n",
    )
    .unwrap();
    let areas = [
        "helse",
        "oppvekst",
        "teknisk",
        "kultur",
        "administrasjon",
        "nav",
    ];
    let drift = ["saas", "egen_drift", "iaas", "privat_sky"];
    let life = [
        "aktiv", "aktiv", "aktiv", "utfasing", "planlagt", "avviklet",
    ];
    let data = ["ingen", "vanlige", "saerlige"];
    let mut s = String::from("systemer:\n");
    for i in 0..SYSTEMS {
        s.push_str(&format!(
            "  - id: s{i}\n    navn: System {i}\n    tjenesteomraade: {}\n",
            areas[i % areas.len()]
        ));
        if i % 7 != 0 {
            s.push_str(&format!("    systemeier: Eier {}\n", i % 40));
        }
        if i % 11 != 0 {
            s.push_str(&format!("    drift: {}\n", drift[i % drift.len()]));
        }
        s.push_str(&format!(
            "    livslop: {}\n    programvaretype: hyllevare\n    personopplysninger: {}\n",
            life[i % life.len()],
            data[i % data.len()]
        ));
        if i % 5 == 0 {
            s.push_str("    kapabiliteter: [arkivintegrasjon]\n");
        }
        if i % 4 == 0 && i > 0 {
            s.push_str(&format!(
                "    integrasjoner:\n      - mot: s{}\n        standard: noark5\n",
                i - 1
            ));
        }
    }
    std::fs::write(dir.join("systemer/systemer.yaml"), s).unwrap();
    let phases = ["konsept", "planlegge", "gjennomfore", "realisere"];
    let mut p = String::from("prosjekter:\n");
    for i in 0..PROJECTS {
        p.push_str(&format!(
            "  - id: p{i}\n    navn: Prosjekt {i}\n    prosjekteier: Eier {}\n    tjenesteomraade: {}\n    fase: {}\n    behov: [arkivintegrasjon]\n    nye_systemer:\n      - id: ny{i}\n        navn: Nytt system {i}\n        drift: saas\n    utfaser:\n      - {{ system: s{}, dato: 2027-01-01, arkivplan: \"Deponeres\" }}\n    gevinstplan:\n      gevinstansvarlig: Eier {}\n      gevinster:\n        - id: G1\n          kategori: tid\n          type: kvantitativ\n          indikator: Timer\n          maaleenhet: timer\n          nullpunkt: {{ verdi: 100, dato: 2025-01-01 }}\n          maalverdi: 50\n          realiseres: 2026-0{}-01\n          gevinsteier: Leder\n",
            i % 40,
            areas[i % areas.len()],
            phases[i % phases.len()],
            i * 3 % SYSTEMS,
            i % 40,
            1 + i % 9
        ));
    }
    std::fs::write(dir.join("prosjekter/prosjekter.yaml"), p).unwrap();
}

/// `KOMMUNER` copies of the example kommune, each with its own name and number.
fn write_many(parent: &Path) {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/eksempel-kommune");
    for n in 0..KOMMUNER {
        let dir = parent.join(format!("k{n:03}"));
        copy(&example, &dir);
        std::fs::write(
            dir.join("kommune.yaml"),
            format!(
                "kommune:\n  navn: Kommune {n}\n  kommunenummer: \"{:04}\"\n",
                1000 + n
            ),
        )
        .unwrap();
    }
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}
