//! Helpers for tests that run the binary on folders written on the fly.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `prinsipp` with `args`, in bokmål, no colours, no terminal width.
pub fn prinsipp(args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_prinsipp"))
        .args(args)
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("COLUMNS")
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Runs `prinsipp import ARGS` in `cwd`, in bokmål, no colours.
pub fn import(args: &[&str], cwd: &Path) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_prinsipp"))
        .arg("import")
        .args(args)
        .current_dir(cwd)
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Every format of `check`, in the order [`check_every_format`] gives them.
pub const FORMATS: [&str; 7] = [
    "table", "json", "sarif", "junit", "github", "gitlab", "markdown",
];

/// Runs `prinsipp check ARGS` in `cwd` with every format written to its file in `out`;
/// returns the run (stdout empty) and each file's text (empty when it was not written).
pub fn check_every_format(cwd: &Path, args: &[&str], out: &Path) -> (Run, Vec<String>) {
    std::fs::create_dir_all(out).unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_prinsipp"));
    command
        .current_dir(cwd)
        .arg("check")
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("COLUMNS");
    for format in FORMATS {
        command
            .arg("--format")
            .arg(format!("{format}={}", out.join(format).display()));
    }
    let output = command.output().expect("the binary runs");
    let texts = FORMATS
        .iter()
        .map(|f| std::fs::read_to_string(out.join(f)).unwrap_or_default())
        .collect();
    let run = Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    };
    (run, texts)
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// An imported file's body (after its two header lines).
pub fn body(path: &Path) -> String {
    read(path).splitn(3, '\n').nth(2).unwrap_or("").to_string()
}

pub fn repo(path: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(path)
        .to_string_lossy()
        .into_owned()
}

/// A fresh, empty folder under the target directory.
pub fn scratch(name: &str) -> PathBuf {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let dir =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Copies the folder `from` to `to`, files and subfolders.
pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A kommune folder with the given files (path relative to the folder, content). The
/// folder is the top of a repository of its own (it has a `.git`), as a kommune's
/// portfolio repository often is, so prinsipp shows its files from it: `systemer/a.yaml`.
pub fn kommune(name: &str, files: &[(&str, &[u8])]) -> PathBuf {
    let dir = scratch(name);
    std::fs::create_dir(dir.join(".git")).unwrap();
    for (path, content) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
    }
    dir
}

pub const KOMMUNE: &[u8] = b"kommune:\n  navn: Test kommune\n  kommunenummer: \"3999\"\n";

/// A prinsipp.toml that turns on only `codes` (codes or principle prefixes), so a test on a
/// rule's fixture is not disturbed by other rules; returns its path.
pub fn only(codes: &[&str]) -> String {
    let dir = scratch("only");
    let list: Vec<String> = codes.iter().map(|c| format!("\"{c}\"")).collect();
    let path = dir.join("prinsipp.toml");
    std::fs::write(&path, format!("[regler]\nkun = [{}]\n", list.join(", "))).unwrap();
    path.to_string_lossy().into_owned()
}

/// An empty prinsipp.toml: `--config` with it runs the built-in rules only, whatever
/// ./prinsipp.toml holds.
pub fn no_config() -> String {
    let path = scratch("no-config").join("prinsipp.toml");
    std::fs::write(&path, "").unwrap();
    path.to_string_lossy().into_owned()
}

/// What a run cost: peak memory and CPU time, as the kernel counted them.
#[cfg(unix)]
pub struct Cost {
    pub max_rss_bytes: u64,
    pub cpu: std::time::Duration,
}

/// The most memory and CPU time any input under 1 MB may cost (README, «Untrusted input»).
pub const MAX_MEMORY: u64 = 256 * 1024 * 1024;
pub const MAX_CPU: std::time::Duration = std::time::Duration::from_secs(5);

/// Runs `prinsipp` with `args` in `cwd` as [`prinsipp`] does, under limits: address space
/// 1 GiB and 20 s of CPU (so that a runaway input fails the test instead of the machine),
/// and killed after 60 s of wall time (a read that blocks forever). Returns what it
/// printed and what it cost.
#[cfg(unix)]
#[allow(
    clippy::zombie_processes,
    reason = "reaped by wait4, which also gives its peak memory and CPU time"
)]
pub fn prinsipp_bounded(args: &[&str], cwd: &Path) -> (Run, Cost) {
    use std::io::Read;
    use std::os::unix::process::CommandExt;
    // PRINSIPP_BIN runs the suite against another build (to show a case failing before
    // its fix).
    let binary =
        std::env::var_os("PRINSIPP_BIN").unwrap_or_else(|| env!("CARGO_BIN_EXE_prinsipp").into());
    let mut command = Command::new(binary);
    command
        .args(args)
        .current_dir(cwd)
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("COLUMNS")
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    // SAFETY: only async-signal-safe calls (setrlimit) between fork and exec.
    unsafe {
        command.pre_exec(|| {
            let limit = |resource, value: libc::rlim_t| {
                let l = libc::rlimit {
                    rlim_cur: value,
                    rlim_max: value,
                };
                if libc::setrlimit(resource, &l) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            };
            limit(libc::RLIMIT_AS, 1 << 30)?;
            limit(libc::RLIMIT_CPU, 20)?;
            Ok(())
        });
    }
    let mut child = command.spawn().expect("the binary runs");
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = pipe.read_to_end(&mut bytes);
            String::from_utf8_lossy(&bytes).into_owned()
        })
    };
    let stdout = drain(Box::new(child.stdout.take().unwrap()));
    let stderr = drain(Box::new(child.stderr.take().unwrap()));
    let pid = child.id() as libc::pid_t;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let mut status = 0;
    // SAFETY: rusage is plain data, filled by the kernel.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: waits for our own child; status and usage are valid for writing.
        let done = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
        if done == pid {
            break;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            // SAFETY: as above.
            unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
            panic!("prinsipp {args:?} did not finish in 60 s");
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -libc::WTERMSIG(status)
    };
    let time = |t: libc::timeval| {
        std::time::Duration::from_secs(t.tv_sec as u64)
            + std::time::Duration::from_micros(t.tv_usec as u64)
    };
    let run = Run {
        code,
        stdout: stdout.join().unwrap(),
        stderr: stderr.join().unwrap(),
    };
    let cost = Cost {
        // Linux counts ru_maxrss in KiB.
        max_rss_bytes: usage.ru_maxrss as u64 * 1024,
        cpu: time(usage.ru_utime) + time(usage.ru_stime),
    };
    (run, cost)
}

/// Asserts that a run stayed within [`MAX_MEMORY`] and [`MAX_CPU`].
#[cfg(unix)]
pub fn assert_cheap(cost: &Cost, what: &str) {
    assert!(
        cost.max_rss_bytes <= MAX_MEMORY,
        "{what}: {} MB of memory",
        cost.max_rss_bytes / (1024 * 1024)
    );
    assert!(cost.cpu <= MAX_CPU, "{what}: {:?} of CPU", cost.cpu);
}

/// Writes `rows` into a sheet from A1, as text; an empty string leaves its cell empty, as
/// an export leaves a field nobody filled in.
pub fn write_rows<const N: usize>(sheet: &mut rust_xlsxwriter::Worksheet, rows: &[[&str; N]]) {
    for (r, row) in rows.iter().enumerate() {
        for (c, value) in row.iter().enumerate() {
            if !value.is_empty() {
                sheet.write_string(r as u32, c as u16, *value).unwrap();
            }
        }
    }
}

/// What a rule fixture's expected.txt says: its finding lines (`CODE kind id file:line`,
/// sorted), the evaluation date (`# dato: YYYY-MM-DD`, else 2026-06-01) and the rules to run:
/// the fixture's own, those its lines name, and those a `# regler: CODE …` line adds (rules
/// that must be on to give nothing, as the rule a deviation names).
pub struct Expected {
    pub lines: Vec<String>,
    pub date: prinsipp::model::Date,
    pub codes: Vec<String>,
}

pub fn expected(folder: &Path, code: &str) -> Expected {
    let text = std::fs::read_to_string(folder.join("expected.txt"))
        .unwrap_or_else(|e| panic!("{}: {e}", folder.display()));
    let mut date = prinsipp::model::Date::parse("2026-06-01").unwrap();
    let mut lines = Vec::new();
    let mut codes = vec![code.to_string()];
    let mut add = |c: &str| {
        if !codes.iter().any(|known| known == c) {
            codes.push(c.to_string());
        }
    };
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if let Some(d) = line.strip_prefix("# dato:") {
            date = prinsipp::model::Date::parse(d.trim()).expect("a date after # dato:");
        } else if let Some(more) = line.strip_prefix("# regler:") {
            more.split_whitespace().for_each(&mut add);
        } else if !line.starts_with('#') {
            let words: Vec<&str> = line.split_whitespace().collect();
            add(words[0]);
            lines.push(words.join(" "));
        }
    }
    lines.sort();
    Expected { lines, date, codes }
}
