//! Standardiserte grensesnitt (standard interfaces for integrations): STD-01.

use super::registry::{Principle, Rule, Scope};
use super::{Checker, systems_in_service};
use crate::text::Text;

/// The rules of this principle, and what each looks at.
pub const PRINCIPLE: Principle = Principle {
    prefix: "STD",
    rules: &[Rule::new("STD-01", Scope::SystemsInService)],
    check,
    last: false,
};

pub fn check(c: &mut Checker) {
    for u in systems_in_service(c.portfolio) {
        let s = u.system;
        for (i, integration) in s.integrations.iter().enumerate() {
            let target = integration.party().unwrap_or("?");
            let id = &s.id;
            let message = match integration.standard.as_deref() {
                None => Message::Unnamed { id, target },
                Some(name) => match c.katalog.standards.iter().find(|k| k.id == name) {
                    Some(known) if !known.flagged => continue,
                    Some(_) => Message::Flagged { id, target, name },
                    None => Message::Unknown { id, target, name },
                },
            };
            let at = u.place(integration.spans.key("standard"));
            c.emit_on(
                &u,
                "STD-01",
                at,
                &format!(
                    "integrasjoner/{}/standard",
                    super::item_key(integration.party(), i)
                ),
                message,
            );
        }
    }
}

/// What the STD rule reports: the facts, and their words in both languages.
enum Message<'a> {
    /// STD-01, without `standard`.
    Unnamed { id: &'a str, target: &'a str },
    /// STD-01: a standard the catalogue flags as not a standard interface.
    Flagged {
        id: &'a str,
        target: &'a str,
        name: &'a str,
    },
    /// STD-01: a standard the catalogue does not know.
    Unknown {
        id: &'a str,
        target: &'a str,
        name: &'a str,
    },
}

impl From<Message<'_>> for Text {
    fn from(m: Message) -> Text {
        match m {
            Message::Unnamed { id, target } => Text::new(
                format!("Integrasjonen fra {id} mot {target} oppgir ingen standard"),
                format!("The integration from {id} to {target} names no standard"),
            ),
            Message::Flagged { id, target, name } => Text::new(
                format!(
                    "Integrasjonen fra {id} mot {target} bruker {name}, ikke et standardisert grensesnitt"
                ),
                format!(
                    "The integration from {id} to {target} uses {name}, not a standard interface"
                ),
            ),
            Message::Unknown { id, target, name } => Text::new(
                format!(
                    "Integrasjonen fra {id} mot {target} bruker «{name}», som ikke er en standard i katalogen"
                ),
                format!(
                    "The integration from {id} to {target} uses «{name}», which is not a standard in the catalogue"
                ),
            ),
        }
    }
}
