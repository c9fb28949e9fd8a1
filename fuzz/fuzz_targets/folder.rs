//! The whole `prinsipp check` run on a kommune folder written to disk from arbitrary
//! bytes: the folder walk (links, pipes, nested folders), prinsipp.toml, the baseline
//! reader, every renderer and the output files. Beyond "no panic, no hang, no running out
//! of memory", it checks what the README promises: the exit code is 0, 1 or 2; no file in
//! the kommune folder is changed; a file outside it that a link points at is never
//! written; a pipe stays a pipe.
//!
//! The input is split at NUL bytes into: kommune.yaml, a systems file, a projects file,
//! avvik.yaml, prinsipp.toml, a baseline (JSON), and control bytes that choose links,
//! pipes, folders, flags and output targets (see `Control`).

#![no_main]

use clap::Parser;
use libfuzzer_sys::fuzz_target;
use prinsipp::report::Style;
use prinsipp::text::Lang;
use std::os::unix::fs::{FileTypeExt, symlink};
use std::path::{Path, PathBuf};

/// A file outside the kommune folder that links point at: never to be read into an output.
const SECRET: &str = "utenfor-7f3a9c-hemmelig";
const OUTSIDE: &[u8] = b"utenfor-7f3a9c-hemmelig: x\n";

const FORMATS: [&str; 7] = ["table", "json", "sarif", "junit", "github", "gitlab", "markdown"];

/// What the control bytes ask for, bit by bit.
struct Control {
    kommune_is_link: bool,
    avvik_is_pipe: bool,
    systems_nested: bool,
    outside_link: bool,
    with_config: bool,
    with_baseline: bool,
    english: bool,
    projects_link_to_systems: bool,
    /// One bit per entry of `FORMATS`: written to a file each.
    formats: u8,
    output_is_input: bool,
    output_is_pipe: bool,
    output_is_link: bool,
}

impl Control {
    fn from(bytes: &[u8]) -> Control {
        let bit = |byte: usize, n: u8| bytes.get(byte).is_some_and(|b| b & (1 << n) != 0);
        Control {
            kommune_is_link: bit(0, 0),
            avvik_is_pipe: bit(0, 1),
            systems_nested: bit(0, 2),
            outside_link: bit(0, 3),
            with_config: bit(0, 4),
            with_baseline: bit(0, 5),
            english: bit(0, 6),
            projects_link_to_systems: bit(0, 7),
            formats: bytes.get(1).copied().unwrap_or(0),
            output_is_input: bit(2, 0),
            output_is_pipe: bit(2, 1),
            output_is_link: bit(2, 2),
        }
    }
}

fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).expect("no NUL");
    // SAFETY: a valid NUL-terminated path.
    unsafe { libc::mkfifo(c.as_ptr(), 0o644) };
}

fn write(path: &Path, bytes: &[u8]) {
    std::fs::create_dir_all(path.parent().expect("a parent")).expect("a folder");
    std::fs::write(path, bytes).expect("written");
}

/// Every regular file under `dir` with its bytes, and every pipe, sorted.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Option<Vec<u8>>)> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(dir).follow_links(false).sort_by_file_name() {
        let entry = entry.expect("a readable entry");
        let t = entry.file_type();
        if t.is_file() {
            out.push((entry.path().to_path_buf(), Some(std::fs::read(entry.path()).expect("read"))));
        } else if t.is_fifo() || t.is_symlink() {
            out.push((entry.path().to_path_buf(), None));
        }
    }
    out
}

fn root() -> PathBuf {
    let base = if Path::new("/dev/shm").is_dir() { PathBuf::from("/dev/shm") } else { std::env::temp_dir() };
    base.join(format!("prinsipp-fuzz-folder-{}", std::process::id()))
}

fuzz_target!(|data: &[u8]| {
    let mut parts = data.splitn(7, |b| *b == 0);
    let mut next = || parts.next().unwrap_or(&[]);
    let (kommune, systems, projects, avvik, config, baseline) = (next(), next(), next(), next(), next(), next());
    let control = Control::from(next());

    let root = root();
    let _ = std::fs::remove_dir_all(&root);
    let folder = root.join("kommune");
    let out = root.join("ut");
    let outside = root.join("utenfor.yaml");
    std::fs::create_dir_all(&out).expect("a folder");
    write(&outside, OUTSIDE);

    let systems_file = if control.systems_nested { "systemer/a/b/s.yaml" } else { "systemer/s.yaml" };
    write(&folder.join(systems_file), systems);
    write(&folder.join("prosjekter/p.yaml"), projects);
    if control.kommune_is_link {
        symlink(folder.join(systems_file), folder.join("kommune.yaml")).expect("a link");
    } else {
        write(&folder.join("kommune.yaml"), kommune);
    }
    if control.avvik_is_pipe {
        mkfifo(&folder.join("avvik.yaml"));
    } else if !avvik.is_empty() {
        write(&folder.join("avvik.yaml"), avvik);
    }
    if control.outside_link {
        symlink(&outside, folder.join("systemer.yaml")).expect("a link");
    }
    if control.projects_link_to_systems {
        symlink(folder.join("systemer"), folder.join("prosjekter/lenke")).expect("a link");
    }
    if control.with_config {
        write(&folder.join("prinsipp.toml"), config);
    }
    let baseline_path = out.join("baseline.json");
    if control.with_baseline {
        write(&baseline_path, baseline);
    }

    let mut args: Vec<String> = ["prinsipp", "check", folder.to_str().expect("UTF-8"), "--dato", "2026-06-01"]
        .map(String::from)
        .to_vec();
    if control.with_baseline {
        args.extend(["--baseline".into(), baseline_path.display().to_string()]);
    }
    let victim = root.join("offer.txt");
    write(&victim, b"urort");
    for (i, format) in FORMATS.iter().enumerate() {
        if control.formats & (1 << i) == 0 {
            continue;
        }
        let mut target = out.join(format!("{format}.out"));
        if i == 1 && control.output_is_input {
            target = folder.join("kommune.yaml");
        }
        if i == 2 && control.output_is_pipe {
            mkfifo(&target);
        }
        if i == 3 && control.output_is_link {
            symlink(&victim, &target).expect("a link");
        }
        args.extend(["--format".into(), format!("{format}={}", target.display())]);
    }
    let before = snapshot(&folder);

    let Ok(cli) = prinsipp::cli::Cli::try_parse_from(&args) else { return };
    let style = Style::plain(if control.english { Lang::En } else { Lang::Nb });
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let code = prinsipp::app::run_with(&cli, &style, &mut stdout, &mut stderr);

    assert!(code <= 2, "exit code {code}");
    // What a link points at is never read, so it never reaches an output (unless the input
    // itself holds the same text).
    if !data.windows(SECRET.len()).any(|w| w == SECRET.as_bytes()) {
        let mut outputs = vec![stdout, stderr];
        for entry in std::fs::read_dir(&out).expect("the output folder") {
            let path = entry.expect("an entry").path();
            if std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file()) {
                outputs.push(std::fs::read(&path).expect("an output"));
            }
        }
        for output in outputs {
            assert!(!output.windows(SECRET.len()).any(|w| w == SECRET.as_bytes()), "read through a link");
        }
    }
    assert_eq!(snapshot(&folder), before, "the kommune folder was changed");
    assert_eq!(std::fs::read(&victim).expect("the victim"), b"urort", "written through a link");
    assert_eq!(std::fs::read(&outside).expect("outside"), OUTSIDE);
    if control.output_is_pipe && control.formats & 0b100 != 0 {
        let meta = std::fs::symlink_metadata(out.join("sarif.out")).expect("the pipe");
        assert!(meta.file_type().is_fifo(), "the pipe was replaced");
    }
});
