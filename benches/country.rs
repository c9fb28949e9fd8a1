//! Many kommuner at once, against the floor of reading the same YAML.
//!
//! `cargo bench --bench country` generates a synthetic national portfolio (bench/generate.rs:
//! 357 kommuner, seed 1) and one-folder kommuner of 500 to 32,000 systems under
//! target/bench-country/, then times, in one run and alternating, each variant as a child
//! process (wall time, and peak memory from wait4):
//!
//! - **floor**: every YAML file parsed with yaml_serde into a `serde_json::Value` tree, on one
//!   thread, nothing else: what any checker that reads the files has to pay;
//! - **prinsipp 1 thread**: `prinsipp check … --format json` with RAYON_NUM_THREADS=1;
//! - **prinsipp**: the same on every core;
//! - **spectral** and **check-jsonschema**, when bench/peers/setup.sh has installed them.
//!
//! It prints medians with their ranges and the ratios the targets are stated in, and writes
//! the same as markdown to target/bench-country/result.md (BENCHMARKS.md quotes it).
//! Environment: BENCH_RUNS (default 3), BENCH_SCALE (default 1.0), BENCH_QUICK=1 (skips the
//! 32,000-system folder), BENCH_PEERS_COUNTRY=1 (runs the peers on the whole country too:
//! several minutes each).

#[allow(dead_code)]
#[path = "../bench/generate.rs"]
mod generate;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

const SEED: u64 = 1;
const DATE: &str = "2026-06-01";

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // `--measure PROGRAM ARGS…` first: the program measured may be this one with `--floor`.
    if args.get(1).is_some_and(|a| a == "--measure") {
        measure(&args[2], &args[3..]);
        return;
    }
    if args.get(1).is_some_and(|a| a == "--floor") {
        floor(&args[2..]);
        return;
    }
    let runs: usize = env_or("BENCH_RUNS", 3);
    let scale: f64 = env_or("BENCH_SCALE", 1.0);
    let quick = std::env::var_os("BENCH_QUICK").is_some();
    let root = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .unwrap()
        .join("bench-country");
    let land = root.join(format!("land-{SEED}-{scale}"));
    if !land.join(".done").exists() {
        let _ = std::fs::remove_dir_all(&land);
        let start = Instant::now();
        generate::write_country(&land, SEED, scale);
        std::fs::write(land.join(".done"), "").unwrap();
        eprintln!(
            "generated {} in {:.1} s",
            land.display(),
            start.elapsed().as_secs_f64()
        );
    }
    let mut kommuner: Vec<PathBuf> = std::fs::read_dir(&land)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("kommune.yaml").exists())
        .collect();
    kommuner.sort();
    let largest = kommuner
        .iter()
        .max_by_key(|k| yaml_bytes(std::slice::from_ref(k)))
        .unwrap()
        .clone();
    let mut sizes = vec![500, 2_000, 8_000];
    if !quick {
        sizes.push(32_000);
    }
    let folders: Vec<(usize, PathBuf)> = sizes
        .iter()
        .map(|&n| {
            let dir = root.join(format!("folder-{n}"));
            if !dir.join(".done").exists() {
                let _ = std::fs::remove_dir_all(&dir);
                generate::write_kommune(&dir, SEED, n);
                std::fs::write(dir.join(".done"), "").unwrap();
            }
            (n, dir)
        })
        .collect();
    let peers = Peers::find();

    let mut sets: Vec<Set> = Vec::new();
    let example = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/eksempel-kommune");
    sets.push(Set::new("the shipped example", vec![example], false));
    sets.push(Set::new("one large kommune", vec![largest.clone()], true));
    // The curve: the first N kommuner of the same country, as parent folders of hard links
    // (no copy of the bytes, and no symbolic link, which prinsipp would not follow).
    for n in [1, 10, 100] {
        let dir = root.join(format!("first-{n}-{SEED}-{scale}"));
        if !dir.join(".done").exists() {
            let _ = std::fs::remove_dir_all(&dir);
            for k in kommuner.iter().take(n) {
                link_tree(k, &dir.join(k.file_name().unwrap()));
            }
            std::fs::write(dir.join(".done"), "").unwrap();
        }
        sets.push(Set::new(&format!("{n} kommuner"), vec![dir], n <= 10));
    }
    // The peers take minutes on the whole country (Spectral's memory grows with it too):
    // only with BENCH_PEERS_COUNTRY=1.
    sets.push(Set::new(
        &format!("the country ({} kommuner)", kommuner.len()),
        vec![land.clone()],
        std::env::var_os("BENCH_PEERS_COUNTRY").is_some(),
    ));
    for (n, dir) in &folders {
        sets.push(Set::new(
            &format!("one folder, {n} systems"),
            vec![dir.clone()],
            false,
        ));
    }

    let mut out = String::new();
    let bytes = yaml_bytes(std::slice::from_ref(&land));
    let files = yaml_files_of(std::slice::from_ref(&land)).len();
    out.push_str(&format!(
        "Generated country: {} kommuner, {files} YAML files, {:.0} MB (seed {SEED}, scale {scale}); {runs} runs each, alternating.\n\n",
        kommuner.len(),
        bytes as f64 / 1e6
    ));
    let base = Variant {
        name: "true",
        program: PathBuf::from("/bin/true"),
        args: Vec::new(),
        env: Vec::new(),
    }
    .run();
    out.push_str(&format!(
        "Peak memory counts from a small spawner: `/bin/true` measures {:.1} MB this way.\n\n",
        base.peak_mb
    ));
    out.push_str("| data | variant | median s | range s | peak MB | time ÷ floor | memory ÷ floor |\n|---|---|---|---|---|---|---|\n");
    let mut results = Vec::new();
    for set in &sets {
        let variants = variants(set, &peers);
        let mut samples: Vec<Vec<Sample>> = vec![Vec::new(); variants.len()];
        for _ in 0..runs {
            for (v, samples) in variants.iter().zip(samples.iter_mut()) {
                samples.push(v.run());
            }
        }
        let stats: Vec<Stats> = samples.iter().map(|s| Stats::of(s)).collect();
        let floor = stats[0];
        for (v, s) in variants.iter().zip(&stats) {
            let line = format!(
                "| {} | {} | {:.3} | {:.3}–{:.3} | {:.0} | {:.2}× | {:.2}× |\n",
                set.name,
                v.name,
                s.median,
                s.min,
                s.max,
                s.peak_mb,
                s.median / floor.median,
                s.peak_mb / floor.peak_mb
            );
            print!("{line}");
            out.push_str(&line);
        }
        results.push((
            set.name.clone(),
            variants.iter().map(|v| v.name).collect::<Vec<_>>(),
            stats,
        ));
    }
    out.push('\n');
    out.push_str(&targets(&results, &folders));
    print!("\n{}", targets(&results, &folders));
    std::fs::write(root.join("result.md"), &out).unwrap();
    eprintln!("written to {}", root.join("result.md").display());
}

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The targets of BENCHMARKS.md, as ratios of this run's medians.
fn targets(results: &[(String, Vec<&str>, Vec<Stats>)], folders: &[(usize, PathBuf)]) -> String {
    let find = |set: &str, variant: &str| -> Option<Stats> {
        let (_, names, stats) = results.iter().find(|(s, _, _)| s.starts_with(set))?;
        let i = names.iter().position(|n| *n == variant)?;
        Some(stats[i])
    };
    let mut out = String::from("Targets, from the medians above:\n\n");
    if let (Some(p), Some(f)) = (
        find("one large kommune", "prinsipp 1 thread"),
        find("one large kommune", "floor"),
    ) {
        out.push_str(&format!(
            "- one kommune, single-threaded: {:.2}× the floor (target ≤ 1.3×)\n",
            p.median / f.median
        ));
    }
    if let (Some(p), Some(f)) = (
        find("the country", "prinsipp"),
        find("the country", "floor"),
    ) {
        out.push_str(&format!(
            "- the country on every core: {:.2}× the single-threaded floor (target < 1×); peak memory {:.2}× the floor's (target ≤ 1×)\n",
            p.median / f.median,
            p.peak_mb / f.peak_mb
        ));
    }
    if folders.iter().any(|(n, _)| *n == 32_000) {
        for variant in ["prinsipp 1 thread", "prinsipp"] {
            if let (Some(big), Some(small)) = (
                find("one folder, 32000", variant),
                find("one folder, 8000", variant),
            ) {
                out.push_str(&format!(
                    "- one folder, 32,000 systems against 8,000, {variant}: {:.2}× (target ≤ 5×)\n",
                    big.median / small.median
                ));
            }
        }
    }
    if let Some(p) = find("the shipped example", "prinsipp") {
        out.push_str(&format!(
            "- the shipped example end to end: {:.1} ms (target < 20 ms)\n",
            p.median * 1000.0
        ));
    }
    out
}

/// One data set: the folders given to each variant.
struct Set {
    name: String,
    folders: Vec<PathBuf>,
    /// Whether the peers run on it (they take minutes on the whole country).
    peers: bool,
}

impl Set {
    fn new(name: &str, folders: Vec<PathBuf>, peers: bool) -> Set {
        Set {
            name: name.to_string(),
            folders,
            peers,
        }
    }
}

/// The peers' runners, when bench/peers/setup.sh has installed them.
struct Peers {
    spectral: Option<PathBuf>,
    check_jsonschema: Option<PathBuf>,
}

impl Peers {
    fn find() -> Peers {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("bench/peers");
        let installed =
            |marker: &str, script: &str| dir.join(marker).exists().then(|| dir.join(script));
        let peers = Peers {
            spectral: installed("node_modules/.bin/spectral", "run-spectral.sh"),
            check_jsonschema: installed(".venv/bin/check-jsonschema", "run-check-jsonschema.sh"),
        };
        if peers.spectral.is_none() || peers.check_jsonschema.is_none() {
            eprintln!("peers not installed: run bench/peers/setup.sh to include them");
        }
        peers
    }
}

/// One way to read a data set: a command to run as a child process.
struct Variant {
    name: &'static str,
    program: PathBuf,
    args: Vec<String>,
    env: Vec<(&'static str, &'static str)>,
}

fn variants(set: &Set, peers: &Peers) -> Vec<Variant> {
    let folders: Vec<String> = set
        .folders
        .iter()
        .map(|f| f.display().to_string())
        .collect();
    let me = std::env::current_exe().unwrap();
    let mut check = vec!["check".to_string()];
    check.extend(folders.iter().cloned());
    check.extend(["--dato", DATE, "--fail-on", "never", "--format", "json"].map(String::from));
    let prinsipp = PathBuf::from(env!("CARGO_BIN_EXE_prinsipp"));
    let mut list = vec![
        Variant {
            name: "floor",
            program: me,
            args: std::iter::once("--floor".to_string())
                .chain(folders.iter().cloned())
                .collect(),
            env: vec![],
        },
        Variant {
            name: "prinsipp 1 thread",
            program: prinsipp.clone(),
            args: check.clone(),
            env: vec![("RAYON_NUM_THREADS", "1")],
        },
        Variant {
            name: "prinsipp",
            program: prinsipp,
            args: check,
            env: vec![],
        },
    ];
    if set.peers {
        for (name, script) in [
            ("spectral", &peers.spectral),
            ("check-jsonschema", &peers.check_jsonschema),
        ] {
            if let Some(script) = script {
                list.push(Variant {
                    name,
                    program: script.clone(),
                    args: folders.clone(),
                    env: vec![],
                });
            }
        }
    }
    list
}

#[derive(Clone, Copy)]
struct Sample {
    secs: f64,
    peak_mb: f64,
}

impl Variant {
    /// Runs once, through this binary started afresh in `--measure` mode (see `measure`).
    fn run(&self) -> Sample {
        let out = Command::new(std::env::current_exe().unwrap())
            .arg("--measure")
            .arg(&self.program)
            .args(&self.args)
            .envs(self.env.iter().copied())
            .stdin(Stdio::null())
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        let mut parts = text.split_whitespace();
        let mut next = || -> f64 {
            parts
                .next()
                .and_then(|p| p.parse().ok())
                .unwrap_or(f64::NAN)
        };
        let (secs, peak_kb, code) = (next(), next(), next());
        assert!(
            code == 0.0,
            "{} failed ({code}): {}",
            self.name,
            String::from_utf8_lossy(&out.stderr)
        );
        Sample {
            secs,
            peak_mb: peak_kb / 1024.0,
        }
    }
}

/// Runs `program` once and prints its wall time, peak memory (KiB) and exit code. This is a
/// process of its own, freshly started and small: Linux counts a child's peak memory from
/// the process it was spawned from, so spawning from the benchmark itself would count the
/// benchmark's memory too.
#[allow(
    clippy::zombie_processes,
    reason = "reaped by wait4, which also gives its peak memory"
)]
fn measure(program: &str, args: &[String]) {
    let start = Instant::now();
    let child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap_or_else(|e| panic!("{program}: {e}"));
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: rusage is plain data, filled by the kernel.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child; status and usage are valid for writing.
    unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let secs = start.elapsed().as_secs_f64();
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    // Linux counts ru_maxrss in KiB.
    println!("{secs} {} {code}", usage.ru_maxrss);
}

#[derive(Clone, Copy)]
struct Stats {
    median: f64,
    min: f64,
    max: f64,
    peak_mb: f64,
}

impl Stats {
    fn of(samples: &[Sample]) -> Stats {
        let mut secs: Vec<f64> = samples.iter().map(|s| s.secs).collect();
        secs.sort_by(f64::total_cmp);
        let mut peak: Vec<f64> = samples.iter().map(|s| s.peak_mb).collect();
        peak.sort_by(f64::total_cmp);
        Stats {
            median: secs[secs.len() / 2],
            min: secs[0],
            max: secs[secs.len() - 1],
            peak_mb: peak[peak.len() / 2],
        }
    }
}

/// The floor: every YAML file under the folders parsed into a tree, on this one thread.
fn floor(folders: &[String]) {
    let folders: Vec<PathBuf> = folders.iter().map(PathBuf::from).collect();
    let mut nodes = 0usize;
    for file in yaml_files_of(&folders) {
        let bytes = std::fs::read(&file).unwrap();
        let tree: serde_json::Value =
            yaml_serde::from_slice(&bytes).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        nodes += usize::from(!tree.is_null());
    }
    std::hint::black_box(nodes);
}

fn yaml_files_of(folders: &[PathBuf]) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    for folder in folders {
        walk(folder, &mut out);
    }
    out
}

/// `from` again at `to`, every file a hard link.
fn link_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            link_tree(&entry.path(), &target);
        } else {
            std::fs::hard_link(entry.path(), &target).unwrap();
        }
    }
}

fn yaml_bytes(folders: &[PathBuf]) -> u64 {
    yaml_files_of(folders)
        .iter()
        .map(|f| std::fs::metadata(f).map_or(0, |m| m.len()))
        .sum()
}
