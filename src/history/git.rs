//! `report --historikk FROM`: the kommune folder as it was at the end of each month since
//! FROM, read from its git repository with plumbing commands only (rev-parse, rev-list,
//! ls-tree, cat-file), which read objects and never touch the working tree, the index or
//! the refs (and, with GIT_NO_LAZY_FETCH, never fetch a missing object). Each commit's files
//! are written once into a fresh temporary folder, which the report then reads and checks
//! like any kommune folder, as of each month end that commit stands for.

use crate::model::Date;
use crate::text::Text;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Component, Path, PathBuf};
use std::process::{Command, Stdio};
use std::rc::Rc;

/// The kommune folder at the end of one month.
pub struct Month {
    /// The month's last day: the evaluation date of its check.
    pub date: Date,
    /// The commit, abbreviated to 12 hex digits.
    pub commit: String,
    /// The folder's files as of that commit, or why they could not be read (the month is
    /// then left out of the trend).
    pub files: Result<Rc<tempfile::TempDir>, Text>,
}

/// What a kommune folder is read from: kommune.yaml, avvik.yaml, prinsipp.toml,
/// systemer.yaml, prosjekter.yaml and the YAML files under systemer/ and prosjekter/.
fn is_input(path: &str) -> bool {
    let yaml = path.ends_with(".yaml") || path.ends_with(".yml");
    matches!(
        path,
        "kommune.yaml" | "avvik.yaml" | "prinsipp.toml" | "systemer.yaml" | "prosjekter.yaml"
    ) || (yaml && (path.starts_with("systemer/") || path.starts_with("prosjekter/")))
}

fn command(dir: &Path) -> Command {
    let mut c = Command::new("git");
    c.arg("-C")
        .arg(dir)
        .env("GIT_OPTIONAL_LOCKS", "0")
        .env("GIT_NO_LAZY_FETCH", "1")
        .env("GIT_TERMINAL_PROMPT", "0")
        .stdin(Stdio::null());
    c
}

fn run_git(dir: &Path, args: &[&str]) -> Result<Vec<u8>, Text> {
    let output = command(dir).args(args).output().map_err(|e| {
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
    Ok(output.stdout)
}

fn git_text(dir: &Path, args: &[&str]) -> Result<String, Text> {
    String::from_utf8(run_git(dir, args)?)
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
/// HEAD's first-parent history at or before its last day. A month with no commit yet, or
/// where the folder has no kommune.yaml, gives no month. The error is for a folder that
/// is not in a git repository (or git cannot be run).
pub fn months(
    folder: &Path,
    from: Date,
    until: Date,
    limit: u64,
    max_files: usize,
) -> Result<Vec<Month>, Text> {
    let prefix = git_text(folder, &["rev-parse", "--show-prefix"])?
        .trim_end_matches('\n')
        .to_string();
    let top =
        PathBuf::from(git_text(folder, &["rev-parse", "--show-toplevel"])?.trim_end_matches('\n'));
    let mut out: Vec<Month> = Vec::new();
    for date in month_ends(from, until) {
        let before = format!("--before={date} 23:59:59 +0000");
        let commit = git_text(
            &top,
            &["rev-list", "-1", "--first-parent", &before, "HEAD", "--"],
        )?;
        let commit = commit.trim();
        if commit.is_empty() {
            continue;
        }
        let short = commit[..12.min(commit.len())].to_string();
        // A month whose commit is last month's shares its files.
        if let Some(last) = out.last().filter(|m| m.commit == short) {
            let files = last.files.clone();
            out.push(Month {
                date,
                commit: short,
                files,
            });
            continue;
        }
        match materialise(&top, commit, &prefix, limit, max_files) {
            Ok(None) => {}
            Ok(Some(dir)) => out.push(Month {
                date,
                commit: short,
                files: Ok(Rc::new(dir)),
            }),
            Err(why) => out.push(Month {
                date,
                commit: short,
                files: Err(why),
            }),
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

/// The folder's input files as of `commit`; `None` when the folder or its kommune.yaml is
/// not in that commit. An input file that cannot be taken (too large, a link, a name that
/// is not a plain path, one too many) makes the whole commit unreadable: a portfolio
/// checked without one of its files would show too few findings.
fn materialise(
    top: &Path,
    commit: &str,
    prefix: &str,
    limit: u64,
    max_files: usize,
) -> Result<Option<tempfile::TempDir>, Text> {
    let tree = if prefix.is_empty() {
        format!("{commit}^{{tree}}")
    } else {
        format!("{commit}:{}", prefix.trim_end_matches('/'))
    };
    // `cat-file -t` names the object's type, and fails quietly when the path is absent.
    let kind = command(top)
        .args(["cat-file", "-t", &tree])
        .stderr(Stdio::null())
        .output()
        .map_err(io_text)?;
    if !kind.status.success() || kind.stdout != b"tree\n" {
        return Ok(None);
    }
    let listing = run_git(top, &["ls-tree", "-r", "-z", "-l", &tree])?;
    let mut wanted: Vec<(String, String)> = Vec::new();
    let mut refused: Vec<String> = Vec::new();
    for entry in listing.split(|b| *b == 0).filter(|e| !e.is_empty()) {
        // «<mode> <type> <object> <size>\t<path>»
        let Some(tab) = entry.iter().position(|b| *b == b'\t') else {
            continue;
        };
        let meta = String::from_utf8_lossy(&entry[..tab]);
        let Ok(path) = std::str::from_utf8(&entry[tab + 1..]) else {
            let shown = String::from_utf8_lossy(&entry[tab + 1..]).into_owned();
            // Not UTF-8: it cannot be a name the loader reads, but it may be one in a
            // folder it reads.
            if shown.starts_with("systemer/") || shown.starts_with("prosjekter/") {
                refused.push(shown);
            }
            continue;
        };
        if !is_input(path) {
            continue;
        }
        let fields: Vec<&str> = meta.split_whitespace().collect();
        let [mode, kind, object, size] = fields[..] else {
            refused.push(path.to_string());
            continue;
        };
        let plain = Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
            && !path.chars().any(crate::text::is_hidden);
        let fits = size.parse::<u64>().is_ok_and(|s| s <= limit);
        if kind != "blob"
            || !matches!(mode, "100644" | "100755")
            || !plain
            || !fits
            || wanted.len() >= max_files
        {
            refused.push(path.to_string());
            continue;
        }
        wanted.push((object.to_string(), path.to_string()));
    }
    if !wanted.iter().any(|(_, p)| p == "kommune.yaml") && refused.is_empty() {
        return Ok(None);
    }
    if !refused.is_empty() {
        let shown: Vec<String> = refused
            .iter()
            .take(5)
            .map(|p| crate::text::shorten(p).into_owned())
            .collect();
        let shown: Vec<&str> = shown.iter().map(String::as_str).collect();
        let more = refused.len().saturating_sub(5);
        return Err(Text::new(
            format!(
                "{}{} kunne ikke tas med (for stor, en lenke, et navn som ikke er en vanlig sti, eller for mange filer)",
                crate::text::join_names(&shown, crate::text::Lang::Nb),
                if more > 0 {
                    format!(" og {more} til")
                } else {
                    String::new()
                }
            ),
            format!(
                "{}{} could not be taken (too large, a link, a name that is not a plain path, or too many files)",
                crate::text::join_names(&shown, crate::text::Lang::En),
                if more > 0 {
                    format!(" and {more} more")
                } else {
                    String::new()
                }
            ),
        ));
    }
    let dir = tempfile::tempdir().map_err(io_text)?;
    let mut child = command(top)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(io_text)?;
    let broken = || io_text(std::io::ErrorKind::BrokenPipe.into());
    let mut stdin = child.stdin.take().ok_or_else(broken)?;
    let objects: String = wanted.iter().map(|(o, _)| format!("{o}\n")).collect();
    // Written from a thread: git answers while it reads, and a pipe holds only so much.
    let writer = std::thread::spawn(move || stdin.write_all(objects.as_bytes()));
    let mut stdout = BufReader::new(child.stdout.take().ok_or_else(broken)?);
    let result = (|| {
        for (_, path) in &wanted {
            let mut header = String::new();
            stdout.read_line(&mut header).map_err(io_text)?;
            // «<object> blob <size>»; «<object> missing» for an object not here.
            let size: Option<u64> = header
                .split_whitespace()
                .nth(2)
                .and_then(|s| s.parse().ok());
            let Some(size) = size.filter(|s| *s <= limit) else {
                return Err(Text::new(
                    format!("git har ikke innholdet i {path}"),
                    format!("git does not have the content of {path}"),
                ));
            };
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
        Ok(())
    })();
    if result.is_err() {
        let _ = child.kill();
    }
    let _ = writer.join();
    let _ = child.wait();
    result.map(|()| Some(dir))
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

    #[test]
    fn only_what_a_kommune_folder_is_read_from_is_taken() {
        for path in [
            "kommune.yaml",
            "avvik.yaml",
            "prinsipp.toml",
            "systemer/a.yaml",
            "prosjekter/x/y.yml",
            "systemer.yaml",
        ] {
            assert!(is_input(path), "{path}");
        }
        for path in [
            "README.md",
            "import/kartoteket.yaml",
            "systemer/notat.txt",
            "annet.toml",
        ] {
            assert!(!is_input(path), "{path}");
        }
    }
}
