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

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> std::path::PathBuf {
        let dir =
            std::env::temp_dir().join(format!("prinsipp-files-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn leftovers(dir: &Path) -> Vec<String> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect()
    }

    #[test]
    fn a_named_file_is_replaced_whole() {
        let dir = scratch("replace");
        let target = dir.join("rapport.json");
        std::fs::write(&target, "gammelt innhold som er lengre enn det nye").unwrap();
        write_atomically(&target, "nytt").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "nytt");
        assert!(leftovers(&dir).is_empty());
    }

    #[test]
    fn a_failed_write_leaves_what_was_there_and_no_temporary_file() {
        let dir = scratch("fail");
        // The last step (rename onto a non-empty folder) fails after the content is written.
        let target = dir.join("rapport.json");
        std::fs::create_dir_all(target.join("innhold")).unwrap();
        assert!(write_atomically(&target, "nytt").is_err());
        assert!(
            target.join("innhold").is_dir(),
            "what was there is untouched"
        );
        assert!(
            leftovers(&dir).is_empty(),
            "the temporary file is removed: {:?}",
            leftovers(&dir)
        );
    }
}
