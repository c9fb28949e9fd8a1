//! Load errors and warnings on stderr, compiler style: `feil: file:line:col: message`.

use super::Style;
use super::escape::line as one_line;
use crate::diagnostic::{Diagnostic, Level};
use crate::text::Lang;

pub fn error_word(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => "feil",
        Lang::En => "error",
    }
}

pub fn level_word(level: Level, lang: Lang) -> &'static str {
    match (level, lang) {
        (Level::Error, _) => error_word(lang),
        (Level::Warning, Lang::Nb) => "advarsel",
        (Level::Warning, Lang::En) => "warning",
    }
}

pub fn hint_word(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => "tips",
        Lang::En => "hint",
    }
}

pub fn render(diags: &[Diagnostic], style: &Style) -> String {
    let mut out = String::new();
    for d in diags {
        let word = level_word(d.level, style.lang);
        let word = match (style.color_err, d.level) {
            (true, Level::Error) => format!("\x1b[1;31m{word}\x1b[0m"),
            (true, Level::Warning) => format!("\x1b[1;33m{word}\x1b[0m"),
            (false, _) => word.to_string(),
        };
        let place = d.place();
        let sep = if place.is_empty() { "" } else { ": " };
        out.push_str(&format!(
            "{word}: {}{sep}{}\n",
            one_line(&place),
            one_line(d.message.get(style.lang))
        ));
        if let Some(hint) = &d.hint {
            let label = hint_word(style.lang);
            out.push_str(&format!("  {label}: {}\n", one_line(hint.get(style.lang))));
        }
    }
    out
}
