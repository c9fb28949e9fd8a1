//! Writing files without losing anything: every file prinsipp writes (init, reports,
//! baselines) goes through here.

use std::path::Path;

/// Writes to a temporary file beside `path` and renames it into place, so an interrupted
/// run never leaves a half-written file under the real name.
pub fn write_atomically(path: &Path, content: &str) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = path.with_file_name(format!(".{name}.prinsipp-{}.tmp", std::process::id()));
    let result = std::fs::write(&temp, content).and_then(|_| std::fs::rename(&temp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}
