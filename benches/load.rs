//! Loading speed and peak memory on a large inventory, ours against serde_yaml.
//!
//! `cargo bench --bench load` writes a ~20 MB systemer file, then runs each variant in a
//! child process (so peak RSS is its own) a few times, alternating, and prints the median
//! time and peak memory of each and their ratio. Machines here are shared and noisy: read
//! the ratio, not the absolute numbers.
//!
//! - prinsipp: load_folder (YAML → positioned tree → typed model) and every rule.
//! - serde_yaml: yaml_serde (the maintained serde_yaml) into equivalent typed structs,
//!   no positions, no rules: the floor a serde-based loader would start from.

mod common;
use common::peak_rss_mb;
use serde::Deserialize;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

const SYSTEMS: usize = 30_000;
const RUNS: usize = 3;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--variant") {
        let folder = PathBuf::from(&args[i + 2]);
        run_variant(&args[i + 1], &folder);
        return;
    }
    let folder = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("bench-kommune");
    write_inventory(&folder);
    let size = std::fs::metadata(folder.join("systemer/inventar.yaml"))
        .unwrap()
        .len();
    println!("inventory: {SYSTEMS} systems, {:.1} MB", size as f64 / 1e6);
    let mut results: Vec<(&str, Vec<(f64, f64)>)> =
        vec![("prinsipp", vec![]), ("serde_yaml", vec![])];
    for _ in 0..RUNS {
        for (name, samples) in results.iter_mut() {
            let out = Command::new(&args[0])
                .args(["--variant", name, folder.to_str().unwrap()])
                .output()
                .unwrap();
            let text = String::from_utf8_lossy(&out.stdout);
            let mut parts = text.split_whitespace().map(|p| p.parse::<f64>().unwrap());
            samples.push((parts.next().unwrap(), parts.next().unwrap()));
        }
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(|a, b| a.partial_cmp(b).unwrap());
        v[v.len() / 2]
    };
    let mut summary = Vec::new();
    for (name, samples) in &results {
        let mut secs: Vec<f64> = samples.iter().map(|s| s.0).collect();
        let mut mb: Vec<f64> = samples.iter().map(|s| s.1).collect();
        let (s, m) = (median(&mut secs), median(&mut mb));
        println!(
            "{name:>10}: {s:.2} s ({:.0} MB/s), peak {m:.0} MB",
            size as f64 / 1e6 / s
        );
        summary.push((s, m));
    }
    println!(
        "ratio prinsipp/serde_yaml: time {:.2}x, peak memory {:.2}x",
        summary[0].0 / summary[1].0,
        summary[0].1 / summary[1].1
    );
}

fn run_variant(name: &str, folder: &Path) {
    let start = Instant::now();
    match name {
        "prinsipp" => {
            let loaded =
                prinsipp::load::load_folder(folder, &prinsipp::load::LoadOptions::default());
            let portfolio = loaded.portfolio.expect("the bench inventory loads");
            let date = prinsipp::model::Date::parse("2026-06-01").unwrap();
            let findings =
                prinsipp::rules::check(&portfolio, &prinsipp::settings::Settings::builtin(), date);
            std::hint::black_box(findings.len());
        }
        _ => {
            let text = std::fs::read_to_string(folder.join("systemer/inventar.yaml")).unwrap();
            let file: SystemsFile =
                yaml_serde::from_str(&text).expect("serde_yaml reads the inventory");
            std::hint::black_box(file.systemer.len());
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!("{secs} {}", peak_rss_mb());
}

fn write_inventory(folder: &Path) {
    std::fs::create_dir_all(folder.join("systemer")).unwrap();
    std::fs::write(
        folder.join("kommune.yaml"),
        "kommune:\n  navn: Bench kommune\n  kommunenummer: \"3999\"\n",
    )
    .unwrap();
    let mut text = String::from("systemer:\n");
    for i in 0..SYSTEMS {
        let drift = ["saas", "egen_drift", "iaas"][i % 3];
        text.push_str(&format!(
            "  - id: system-{i}
    navn: System nummer {i}
    beskrivelse: Fagsystem for tjenesteområde {}
    leverandor: Leverandør {}
    tjenesteomraade: helse
    kapabiliteter: [saksbehandling, arkiv, varsling]
    systemeier: Kommunalsjef helse
    systemforvalter: Digitaliseringsenheten
    programvaretype: hyllevare
    kjernesystem: false
    drift: {drift}
    livslop: aktiv
    innfort: 2019-01-01
    avtale:
      utloper: 2029-12-31
    felleskomponenter: [id-porten, svarut, fiks-arkiv, krr]
    integrasjoner:
      - mot: folkeregisteret
        standard: fiks-folkeregister
      - mot: system-{}
        standard: openapi
    personopplysninger: vanlige
    dpia: {{ dato: 2023-05-01, ref: \"23/1234\" }}
    ros: {{ dato: 2025-02-01 }}
    skyvurdering:
      konklusjon: {}
      grunner: [sikkerhet]
      begrunnelse: Vurdert i arkitekturforum
      dato: 2025-01-01
",
            i % 17,
            i % 40,
            (i + 1) % SYSTEMS,
            if drift == "egen_drift" {
                "ikke_sky"
            } else {
                "sky"
            },
        ));
    }
    std::fs::write(folder.join("systemer/inventar.yaml"), text).unwrap();
}

// serde mirror of the fields the bench inventory uses, typed like the model.
#[derive(Deserialize)]
struct SystemsFile {
    systemer: Vec<BenchSystem>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct BenchSystem {
    id: String,
    navn: String,
    beskrivelse: Option<String>,
    leverandor: Option<String>,
    tjenesteomraade: Option<String>,
    kapabiliteter: Vec<String>,
    systemeier: Option<String>,
    systemforvalter: Option<String>,
    programvaretype: Option<String>,
    kjernesystem: Option<bool>,
    drift: Option<String>,
    livslop: Option<String>,
    innfort: Option<String>,
    avtale: Option<BenchAgreement>,
    felleskomponenter: Vec<String>,
    integrasjoner: Vec<BenchIntegration>,
    personopplysninger: Option<String>,
    dpia: Option<BenchRef>,
    ros: Option<BenchRef>,
    skyvurdering: Option<BenchAssessment>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct BenchAgreement {
    utloper: String,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct BenchIntegration {
    mot: String,
    standard: String,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct BenchRef {
    dato: String,
    #[serde(rename = "ref")]
    reference: Option<String>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct BenchAssessment {
    konklusjon: String,
    grunner: Vec<String>,
    begrunnelse: String,
    dato: String,
}
