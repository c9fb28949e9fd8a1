//! Where the paths users see start: one root for a run, so that the table, the load errors
//! and every CI format name a file the same way. The root is `--rot DIR`, else the root of
//! the git repository the (first) kommune folder is in, else the working directory. A file
//! outside the root is shown as the user named it.

use crate::diagnostic::Diagnostic;
use crate::text::Text;
use std::path::{Component, Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathBase {
    /// Absolute, without `.` or `..`.
    root: PathBuf,
    /// The working directory, to make relative paths absolute.
    cwd: PathBuf,
}

impl Default for PathBase {
    /// The working directory.
    fn default() -> Self {
        let cwd = std::env::current_dir().unwrap_or_default();
        PathBase {
            root: cwd.clone(),
            cwd,
        }
    }
}

impl PathBase {
    /// The root for a run over `folder`: `rot` when given (it must be a folder that holds
    /// `folder`), else the repository `folder` is in, else the working directory.
    pub fn for_run(folder: &Path, rot: Option<&Path>) -> Result<PathBase, Box<Diagnostic>> {
        let here = PathBase::default();
        let folder = here.absolute(folder);
        let Some(rot) = rot else {
            let repository = folder
                .ancestors()
                .find(|dir| std::fs::symlink_metadata(dir.join(".git")).is_ok());
            return Ok(PathBase {
                root: repository.map_or_else(|| here.cwd.clone(), Path::to_path_buf),
                ..here
            });
        };
        let shown = rot.display().to_string();
        let refuse = |nb: String, en: String| {
            Box::new(
                Diagnostic::error("--rot", 0, 0, Text::new(nb, en)).with_hint(Text::new(
                    "--rot er mappa stiene i rapportene regnes fra, vanligvis repositoriets rot, og den må inneholde kommunemappa",
                    "--rot is the folder the reports' paths start from, usually the repository's root, and it must hold the kommune folder",
                )),
            )
        };
        if !std::fs::symlink_metadata(rot).is_ok_and(|m| m.is_dir()) {
            return Err(refuse(
                format!("{shown} er ikke en mappe"),
                format!("{shown} is not a folder"),
            ));
        }
        let root = here.absolute(rot);
        if !folder.starts_with(&root) {
            return Err(refuse(
                format!("Kommunemappa ligger ikke under {shown}"),
                format!("The kommune folder is not inside {shown}"),
            ));
        }
        Ok(PathBase { root, ..here })
    }

    /// `path` as users see it: from the root with `/` separators, or as named when it is
    /// outside the root.
    pub fn show(&self, path: &Path) -> String {
        let shown = match self.absolute(path).strip_prefix(&self.root) {
            Ok(inside) if inside.as_os_str().is_empty() => ".".to_string(),
            Ok(inside) => inside.to_string_lossy().into_owned(),
            Err(_) => {
                let named = path.to_string_lossy();
                let mut named = named.as_ref();
                while let Some(rest) = named.strip_prefix("./") {
                    named = rest;
                }
                named.to_string()
            }
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
        // Outside the root: as named.
        assert_eq!(
            from_sub.show(Path::new("../../elsewhere/x.yaml")),
            "../../elsewhere/x.yaml"
        );
        assert_eq!(from_root.show(Path::new("/tmp/x.yaml")), "/tmp/x.yaml");
    }
}
