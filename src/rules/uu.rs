//! Universell utforming (universal design): UU-01.

use super::registry::{Principle, Rule, Scope};
use super::{Checker, given, systems_in_service};
use crate::text::Text;

/// The rules of this principle, and what each looks at.
pub const PRINCIPLE: Principle = Principle {
    prefix: "UU",
    rules: &[Rule::new("UU-01", Scope::SystemsInService)],
    check,
    last: false,
};

pub fn check(c: &mut Checker) {
    for u in systems_in_service(c.portfolio) {
        let s = u.system;
        if s.public_facing != Some(true) {
            continue;
        }
        let id = &s.id;
        let message = match s.accessibility_statement.as_deref() {
            Some(text) if is_statement(text) => continue,
            Some(text) if given(&s.accessibility_statement) => Message::NotAStatement { id, text },
            _ => Message::NoAccessibilityStatement { id },
        };
        c.emit_on(
            &u,
            "UU-01",
            u.at(&["publikumsrettet"]),
            "tilgjengelighetserklaering",
            message,
        );
    }
}

/// What the UU rule reports: the facts, and their words in both languages.
enum Message<'a> {
    /// UU-01: used by citizens, no accessibility statement.
    NoAccessibilityStatement { id: &'a str },
    /// UU-01: something is written, but neither a link nor a date («under arbeid»).
    NotAStatement { id: &'a str, text: &'a str },
}

/// A statement is published somewhere or dated: a link (`https://…`), or a date
/// (`2026-03-01`, `1.3.2026`). Placeholder text such as «under arbeid» or «kommer» is not
/// one.
fn is_statement(text: &str) -> bool {
    let text = text.trim();
    let lower = text.to_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        return true;
    }
    let iso = text
        .split(|c: char| !(c.is_ascii_digit() || c == '-'))
        .any(|w| crate::model::Date::parse(w).is_some());
    let norwegian = text
        .split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .any(|w| {
            let parts: Vec<&str> = w.split('.').collect();
            matches!(parts[..], [d, m, y] if y.len() == 4
                && d.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
                && m.parse::<u32>().is_ok_and(|m| (1..=12).contains(&m))
                && y.parse::<u32>().is_ok())
        });
    iso || norwegian
}

impl From<Message<'_>> for Text {
    fn from(m: Message) -> Text {
        match m {
            Message::NotAStatement { id, text } => Text::new(
                format!(
                    "Tilgjengelighetserklæringen for {id} er «{text}», som verken er en lenke eller en dato"
                ),
                format!(
                    "The accessibility statement of {id} is «{text}», which is neither a link nor a date"
                ),
            ),
            Message::NoAccessibilityStatement { id } => Text::new(
                format!("{id} brukes av innbyggere, men har ingen tilgjengelighetserklæring"),
                format!(
                    "{id} is used by citizens but has no accessibility statement (tilgjengelighetserklaering)"
                ),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_statement_is_a_link_or_a_date() {
        for yes in [
            "https://uustatus.no/nb/erklaringer/publisert/1",
            "HTTP://example.org",
            "Publisert 2026-03-01",
            "Publisert på uustatus.no 1.3.2026",
        ] {
            assert!(super::is_statement(yes), "{yes}");
        }
        for no in [
            "under arbeid",
            "kommer",
            "ja",
            "uustatus.no",
            "2026",
            "32.13.2026",
        ] {
            assert!(!super::is_statement(no), "{no}");
        }
    }
}
