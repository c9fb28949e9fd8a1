//! «Did you mean» at scale: 8,000 systems, each integrated with a target that is not in the
//! inventory (one letter off an existing id), against the same inventory with every target
//! known. The difference is the cost of 8,000 suggestions among 8,000 ids; the target is
//! that the whole check stays under a second.
//!
//! `cargo bench --bench suggest` writes both folders, runs load and every rule on each in a
//! child process (so peak memory is its own), alternating, and prints medians and the
//! ratio. Machines here are shared and noisy: read the ratio, not the absolute numbers.

mod common;
use common::peak_rss_mb;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

const SYSTEMS: usize = 8_000;
const RUNS: usize = 5;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--variant") {
        run_variant(Path::new(&args[i + 1]));
        return;
    }
    let base = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let unknown = base.join("bench-unknown-targets");
    let known = base.join("bench-known-targets");
    write_folder(&unknown, |i| format!("systen-{:05}", (i * 7_919) % SYSTEMS));
    write_folder(&known, |i| format!("system-{:05}", (i * 7_919) % SYSTEMS));
    println!("{SYSTEMS} systems, each with one integration target");
    // Per variant: its name, its folder, and (seconds, peak MB) of each run.
    type Samples<'a> = (&'a str, &'a Path, Vec<(f64, f64)>);
    let mut samples: Vec<Samples> = vec![
        ("unknown targets", &unknown, vec![]),
        ("known targets", &known, vec![]),
    ];
    for _ in 0..RUNS {
        for (_, folder, runs) in samples.iter_mut() {
            let out = Command::new(&args[0])
                .args(["--variant", folder.to_str().unwrap()])
                .output()
                .unwrap();
            let text = String::from_utf8_lossy(&out.stdout);
            let mut parts = text.split_whitespace().map(|p| p.parse::<f64>().unwrap());
            runs.push((parts.next().unwrap(), parts.next().unwrap()));
        }
    }
    let median = |mut v: Vec<f64>| {
        v.sort_by(|a, b| a.partial_cmp(b).unwrap());
        v[v.len() / 2]
    };
    let mut medians = Vec::new();
    for (name, _, runs) in &samples {
        let (secs, mb): (Vec<f64>, Vec<f64>) = runs.iter().copied().unzip();
        let (s, m) = (median(secs), median(mb));
        println!("{name:>16}: {s:.3} s, peak {m:.0} MB");
        medians.push((s, m));
    }
    println!(
        "ratio unknown/known: time {:.2}x, peak memory {:.2}x; target: unknown under 1 s ({})",
        medians[0].0 / medians[1].0,
        medians[0].1 / medians[1].1,
        if medians[0].0 < 1.0 { "met" } else { "NOT met" }
    );
}

/// Load and every rule, as `prinsipp check` runs them; prints seconds and peak MB.
fn run_variant(folder: &Path) {
    let start = Instant::now();
    let loaded = prinsipp::load::load_folder(folder, &prinsipp::load::LoadOptions::default());
    let portfolio = loaded.portfolio.expect("the bench folder loads");
    let date = prinsipp::model::Date::parse("2026-06-01").unwrap();
    let findings =
        prinsipp::rules::check(&portfolio, &prinsipp::settings::Settings::builtin(), date);
    std::hint::black_box(findings.len());
    let secs = start.elapsed().as_secs_f64();
    println!("{secs} {}", peak_rss_mb());
}

fn write_folder(folder: &Path, target: impl Fn(usize) -> String) {
    std::fs::create_dir_all(folder.join("systemer")).unwrap();
    std::fs::write(
        folder.join("kommune.yaml"),
        "kommune:\n  navn: Benk kommune\n  kommunenummer: \"3999\"\n",
    )
    .unwrap();
    let mut text = String::from("systemer:\n");
    for i in 0..SYSTEMS {
        text.push_str(&format!(
            "  - id: system-{i:05}\n    navn: System {i}\n    integrasjoner:\n      - mot: {}\n        standard: noark5\n",
            target(i)
        ));
    }
    std::fs::write(folder.join("systemer/inventar.yaml"), text).unwrap();
}
