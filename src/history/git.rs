//! `report --historikk FROM`: the kommune folder as it was at the end of each month since
//! FROM, read from its git repository with plumbing commands only (rev-parse, rev-list,
//! ls-tree, cat-file), which read objects and never touch the working tree, the index or
//! the refs. Each month's files are written into a fresh temporary folder, which the
//! report then reads and checks like any kommune folder.

use crate::model::Date;
use crate::text::Text;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Component, Path, PathBuf};
use std::process::{Command, Stdio};

/// The kommune folder at the end of one month.
pub struct Snapshot {
    /// The month's last day: the evaluation date of its check.
    pub date: Date,
    /// The commit, abbreviated to 12 hex digits.
    pub commit: String,
    /// The folder's files as of that commit (removed when dropped).
    pub dir: tempfile::TempDir,
    /// Files left out (too large, or a name that is not a plain path).
    pub left_out: Vec<String>,
}

/// Only what a kommune folder is read from.
fn is_input(path: &str) -> bool {
    path.ends_with(".yaml") || path.ends_with(".yml") || path.ends_with(".toml")
}

fn git(dir: &Path, args: &[&str]) -> Result<String, Text> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("GIT_OPTIONAL_LOCKS", "0")
        .stdin(Stdio::null())
        .output()
        .map_err(|e| {
            Text::new(
                format!("Kan ikke kjøre git: {e}"),
                format!("Cannot run git: {e}"),
            )
        })?;
    if !output.status.success() {
        let why = crate::text::shorten(String::from_utf8_lossy(&output.stderr).trim()).into_owned();
        return Err(Text::new(
            format!("git {}: {why}", args[0]),
            format!("git {}: {why}", args[0]),
        ));
    }
    String::from_utf8(output.stdout)
        .map_err(|_| Text::new("git svarte ikke med UTF-8", "git did not answer in UTF-8"))
}

/// The last day of each month from `from`'s month up to, not including, `until`'s month.
pub fn month_ends(from: Date, until: Date) -> Vec<Date> {
    let (y, m, _) = from.ymd();
    let mut first = Date::new(y, m, 1).unwrap_or(from);
    let mut out = Vec::new();
    let (uy, um, _) = until.ymd();
    let stop = Date::new(uy, um, 1).unwrap_or(until);
    while first < stop && out.len() < 1200 {
        let next = first.add_months(1);
        out.push(next.add_days(-1));
        first = next;
    }
    out
}

/// The folder at the end of each month since `from`: for each month, the last commit of
/// HEAD's first-parent history at or before its last day (a month with no commit yet, or
/// where the folder has no kommune.yaml, gives no snapshot). Files larger than `limit`
/// bytes, and more than `max_files`, are left out and named.
pub fn snapshots(
    folder: &Path,
    from: Date,
    until: Date,
    limit: u64,
    max_files: usize,
) -> Result<Vec<Snapshot>, Text> {
    let prefix = git(folder, &["rev-parse", "--show-prefix"])?
        .trim_end_matches('\n')
        .to_string();
    let top = PathBuf::from(git(folder, &["rev-parse", "--show-toplevel"])?.trim_end_matches('\n'));
    let mut out: Vec<Snapshot> = Vec::new();
    for date in month_ends(from, until) {
        let before = format!("--before={date} 23:59:59 +0000");
        let commit = git(
            &top,
            &["rev-list", "-1", "--first-parent", &before, "HEAD", "--"],
        )?;
        let commit = commit.trim();
        if commit.is_empty() {
            continue;
        }
        if let Some(snapshot) = materialise(&top, commit, &prefix, limit, max_files)? {
            out.push(Snapshot { date, ..snapshot });
        }
    }
    Ok(out)
}

fn io_text(e: std::io::Error) -> Text {
    Text::new(
        format!("Kan ikke skrive en midlertidig mappe: {e}"),
        format!("Cannot write a temporary folder: {e}"),
    )
}

/// The folder's input files as of `commit`, or `None` when it has no kommune.yaml there.
fn materialise(
    top: &Path,
    commit: &str,
    prefix: &str,
    limit: u64,
    max_files: usize,
) -> Result<Option<Snapshot>, Text> {
    let tree = if prefix.is_empty() {
        commit.to_string()
    } else {
        format!("{commit}:{}", prefix.trim_end_matches('/'))
    };
    // The folder may not exist in this commit.
    let listing = match git(top, &["ls-tree", "-r", "-z", "-l", &tree]) {
        Ok(listing) => listing,
        Err(_) => return Ok(None),
    };
    let mut wanted: Vec<(String, String)> = Vec::new();
    let mut left_out = Vec::new();
    for entry in listing.split('\0').filter(|e| !e.is_empty()) {
        // «<mode> <type> <object> <size>\t<path>»
        let Some((meta, path)) = entry.split_once('\t') else {
            continue;
        };
        let fields: Vec<&str> = meta.split_whitespace().collect();
        let [mode, kind, object, size] = fields[..] else {
            continue;
        };
        if kind != "blob" || !is_input(path) {
            continue;
        }
        let plain = Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
            && !path.chars().any(crate::text::is_hidden);
        let too_big = size.parse::<u64>().map_or(true, |s| s > limit);
        if !matches!(mode, "100644" | "100755") || !plain || too_big || wanted.len() >= max_files {
            left_out.push(path.to_string());
            continue;
        }
        wanted.push((object.to_string(), path.to_string()));
    }
    if !wanted.iter().any(|(_, p)| p == "kommune.yaml") {
        return Ok(None);
    }
    let dir = tempfile::tempdir().map_err(io_text)?;
    let mut child = Command::new("git")
        .arg("-C")
        .arg(top)
        .args(["cat-file", "--batch"])
        .env("GIT_OPTIONAL_LOCKS", "0")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| {
            Text::new(
                format!("Kan ikke kjøre git: {e}"),
                format!("Cannot run git: {e}"),
            )
        })?;
    let mut stdin = child
        .stdin
        .take()
        .ok_or_else(|| io_text(std::io::ErrorKind::BrokenPipe.into()))?;
    let objects: String = wanted.iter().map(|(o, _)| format!("{o}\n")).collect();
    // Written from a thread: git answers while it reads, and a pipe holds only so much.
    let writer = std::thread::spawn(move || stdin.write_all(objects.as_bytes()));
    let mut stdout = BufReader::new(
        child
            .stdout
            .take()
            .ok_or_else(|| io_text(std::io::ErrorKind::BrokenPipe.into()))?,
    );
    for (_, path) in &wanted {
        let mut header = String::new();
        stdout.read_line(&mut header).map_err(io_text)?;
        // «<object> blob <size>»
        let size: u64 = header
            .split_whitespace()
            .nth(2)
            .and_then(|s| s.parse().ok())
            .unwrap_or(u64::MAX);
        if size > limit {
            let _ = child.kill();
            return Err(Text::new(
                "git cat-file svarte ikke som ventet",
                "git cat-file did not answer as expected",
            ));
        }
        let mut content = Vec::with_capacity(size as usize);
        (&mut stdout)
            .take(size)
            .read_to_end(&mut content)
            .map_err(io_text)?;
        let mut newline = [0u8; 1];
        stdout.read_exact(&mut newline).map_err(io_text)?;
        let target = dir.path().join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(io_text)?;
        }
        std::fs::write(&target, content).map_err(io_text)?;
    }
    let _ = writer.join();
    let _ = child.wait();
    Ok(Some(Snapshot {
        date: Date::new(1970, 1, 1).unwrap_or_else(Date::today),
        commit: commit[..12.min(commit.len())].to_string(),
        dir,
        left_out,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_ends_run_from_the_first_month_to_before_the_last() {
        let d = |s: &str| Date::parse(s).unwrap();
        let ends: Vec<String> = month_ends(d("2025-11-15"), d("2026-03-02"))
            .iter()
            .map(|d| d.to_string())
            .collect();
        assert_eq!(
            ends,
            ["2025-11-30", "2025-12-31", "2026-01-31", "2026-02-28"]
        );
        assert!(month_ends(d("2026-03-01"), d("2026-03-31")).is_empty());
    }
}
