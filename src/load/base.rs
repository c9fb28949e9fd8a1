//! Where the paths users see start: one root for a run, so that the table, the load errors
//! and every CI format name a file the same way. The root is `--rot DIR`, else the root of
//! the git repository the (first) kommune folder is in, else the working directory. A file
//! outside the root is shown by its absolute path.

use crate::diagnostic::Diagnostic;
use crate::text::Text;
use std::path::{Component, Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathBase {
    /// Absolute, without `.` or `..`, as named.
    root: PathBuf,
    /// The same folder with its links resolved, when it exists: a path reached through a
    /// link (a working directory under a linked folder) is still inside the root.
    real_root: Option<PathBuf>,
    /// The working directory, to make relative paths absolute.
    cwd: PathBuf,
}

impl Default for PathBase {
    /// The working directory.
    fn default() -> Self {
        let cwd = std::env::current_dir().unwrap_or_default();
        PathBase {
            real_root: std::fs::canonicalize(&cwd).ok(),
            root: cwd.clone(),
            cwd,
        }
    }
}

impl PathBase {
    /// The root for a run over `folders`: `rot` when given (a folder that must hold every
    /// one of them), else the repository the first is in, else the working directory.
    pub fn for_run(folders: &[PathBuf], rot: Option<&Path>) -> Result<PathBase, Vec<Diagnostic>> {
        let here = PathBase::default();
        let Some(rot) = rot else {
            let first = folders.first().map_or(Path::new("."), PathBuf::as_path);
            let first = here.absolute(first);
            let repository = first
                .ancestors()
                .find(|dir| std::fs::symlink_metadata(dir.join(".git")).is_ok());
            return Ok(match repository {
                Some(root) => here.rooted_at(root.to_path_buf()),
                None => here,
            });
        };
        let shown = rot.display().to_string();
        let refuse = |nb: String, en: String| {
            Diagnostic::error("--rot", 0, 0, Text::new(nb, en)).with_hint(Text::new(
                "--rot er mappa stiene i rapportene regnes fra, vanligvis repositoriets rot, og den må inneholde kommunemappene",
                "--rot is the folder the reports' paths start from, usually the repository's root, and it must hold the kommune folders",
            ))
        };
        if !std::fs::metadata(rot).is_ok_and(|m| m.is_dir()) {
            return Err(vec![refuse(
                format!("{shown} er ikke en mappe"),
                format!("{shown} is not a folder"),
            )]);
        }
        let root = here.absolute(rot);
        let base = here.rooted_at(root);
        let outside: Vec<Diagnostic> = folders
            .iter()
            .filter(|folder| !base.holds(folder))
            .map(|folder| {
                let folder = folder.display();
                refuse(
                    format!("Mappa {folder} ligger ikke under {shown}"),
                    format!("The folder {folder} is not inside {shown}"),
                )
            })
            .collect();
        if outside.is_empty() {
            Ok(base)
        } else {
            Err(outside)
        }
    }

    fn rooted_at(self, root: PathBuf) -> PathBase {
        PathBase {
            real_root: std::fs::canonicalize(&root).ok(),
            root,
            cwd: self.cwd,
        }
    }

    /// `path` from the root, if it is inside it (by name, or with its links resolved).
    fn inside(&self, path: &Path) -> Option<PathBuf> {
        let absolute = self.absolute(path);
        if let Ok(inside) = absolute.strip_prefix(&self.root) {
            return Some(inside.to_path_buf());
        }
        let real_root = self.real_root.as_ref()?;
        if let Ok(inside) = absolute.strip_prefix(real_root) {
            return Some(inside.to_path_buf());
        }
        // Reached through a link: resolve the folder the path is in (it need not exist).
        let parent = absolute.parent()?;
        let real = std::fs::canonicalize(parent).ok()?;
        let inside = real.strip_prefix(real_root).ok()?;
        Some(inside.join(absolute.file_name()?))
    }

    fn holds(&self, path: &Path) -> bool {
        self.inside(path).is_some()
    }

    /// `path` as users see it: from the root with `/` separators, or, outside the root,
    /// its absolute path (which names it wherever the run was started).
    pub fn show(&self, path: &Path) -> String {
        let shown = match self.inside(path) {
            Some(inside) if inside.as_os_str().is_empty() => ".".to_string(),
            Some(inside) => inside.to_string_lossy().into_owned(),
            None => self.absolute(path).to_string_lossy().into_owned(),
        };
        shown.replace('\\', "/")
    }

    /// The root, absolute, with `/` separators (SARIF names it as the files' base).
    pub fn root(&self) -> String {
        self.root.to_string_lossy().replace('\\', "/")
    }

    /// `path` made absolute from the working directory, `.` and `..` resolved by name.
    fn absolute(&self, path: &Path) -> PathBuf {
        let mut out = PathBuf::new();
        for part in self.cwd.join(path).components() {
            match part {
                Component::CurDir => {}
                Component::ParentDir => {
                    out.pop();
                }
                other => out.push(other),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::PathBase;
    use std::path::{Path, PathBuf};

    fn base(root: &str, cwd: &str) -> PathBase {
        PathBase {
            root: PathBuf::from(root),
            real_root: None,
            cwd: PathBuf::from(cwd),
        }
    }

    #[test]
    fn paths_are_shown_from_the_root_wherever_prinsipp_runs() {
        let from_root = base("/repo", "/repo");
        let from_sub = base("/repo", "/repo/docs");
        assert_eq!(
            from_root.show(Path::new("kommune/prosjekter/x.yaml")),
            "kommune/prosjekter/x.yaml"
        );
        assert_eq!(
            from_sub.show(Path::new("../kommune/prosjekter/x.yaml")),
            "kommune/prosjekter/x.yaml"
        );
        assert_eq!(
            from_sub.show(Path::new("/repo/kommune/./kommune.yaml")),
            "kommune/kommune.yaml"
        );
        assert_eq!(from_sub.show(Path::new("..")), ".");
        // Outside the root: the absolute path.
        assert_eq!(
            from_sub.show(Path::new("../../elsewhere/x.yaml")),
            "/elsewhere/x.yaml"
        );
        assert_eq!(from_root.show(Path::new("/tmp/x.yaml")), "/tmp/x.yaml");
    }
}
