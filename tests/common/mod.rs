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

/// A kommune folder with the given files (path relative to the folder, content).
pub fn kommune(name: &str, files: &[(&str, &[u8])]) -> PathBuf {
    let dir = scratch(name);
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
