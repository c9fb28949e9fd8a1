//! Diagnostics: what made an input unreadable (errors) or what the user should know
//! about how it was read (warnings). Errors stop the run before any rule (exit 2).

use crate::text::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub level: Level,
    /// The path shown to users; empty when the problem is about no file in particular.
    pub file: String,
    /// 1-based; 0 when the problem is about the whole file or folder.
    pub line: u32,
    pub column: u32,
    pub message: Text,
    pub hint: Option<Text>,
}

impl Diagnostic {
    pub fn error(file: &str, line: u32, column: u32, message: Text) -> Diagnostic {
        Diagnostic {
            level: Level::Error,
            file: file.to_string(),
            line,
            column,
            message: message.cut_quoted(),
            hint: None,
        }
    }

    pub fn warning(file: &str, line: u32, column: u32, message: Text) -> Diagnostic {
        Diagnostic {
            level: Level::Warning,
            ..Diagnostic::error(file, line, column, message)
        }
    }

    pub fn with_hint(mut self, hint: Text) -> Diagnostic {
        self.hint = Some(hint.cut_quoted());
        self
    }

    /// `file:line:column` (a sheet's `file:row:column`), leaving out what is unknown.
    pub fn place(&self) -> String {
        match (self.file.is_empty(), self.line, self.column) {
            (true, _, _) => String::new(),
            (false, 0, _) => self.file.clone(),
            (false, line, 0) => format!("{}:{line}", self.file),
            (false, line, column) => format!("{}:{line}:{column}", self.file),
        }
    }
}
