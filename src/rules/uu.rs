//! Universell utforming (universal design): UU-01.

use super::registry::{Principle, Rule, Scope};
use super::{Checker, all_systems, given};
use crate::text::Text;

/// The rules of this principle, and what each looks at.
pub const PRINCIPLE: Principle = Principle {
    prefix: "UU",
    rules: &[Rule::new("UU-01", Scope::Systems)],
    check,
    last: false,
};

pub fn check(c: &mut Checker) {
    for u in all_systems(c.portfolio) {
        let s = u.system;
        if s.public_facing != Some(true) || given(&s.accessibility_statement) {
            continue;
        }
        let id = &s.id;
        let message = Message::NoAccessibilityStatement { id };
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
}

impl From<Message<'_>> for Text {
    fn from(m: Message) -> Text {
        match m {
            Message::NoAccessibilityStatement { id } => Text::new(
                format!("{id} brukes av innbyggere, men har ingen tilgjengelighetserklæring"),
                format!(
                    "{id} is used by citizens but has no accessibility statement (tilgjengelighetserklaering)"
                ),
            ),
        }
    }
}
