//! One renderer per output format. Renderers get findings and the portfolio's file names;
//! they know nothing of YAML or of how rules decide.

pub mod config;
pub mod diagnostics;
pub mod json;
pub mod rules;
pub mod table;

use crate::text::Lang;

/// How to render for this run.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub lang: Lang,
    pub color: bool,
    /// stdout is a terminal: draw boxes; otherwise plain text.
    pub tty: bool,
    /// Fit tables to this width; `None` leaves lines unwrapped.
    pub terminal_width: Option<u16>,
}

impl Style {
    pub fn plain(lang: Lang) -> Style {
        Style {
            lang,
            color: false,
            tty: false,
            terminal_width: None,
        }
    }
}

/// User text on a terminal: control characters (escape sequences, carriage returns) are
/// replaced so a crafted name cannot rewrite the screen.
pub fn clean(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() && c != '\n' {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect()
}

/// Word-wraps a paragraph to `width` characters (for explain's prose).
pub fn wrap(text: &str, width: usize) -> String {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        lines.push(line);
    }
    lines.join("\n")
}
