//! Hyllevare for kjernesystemer (core systems off the shelf): HYL-01.

use super::registry::{Principle, Rule, Scope};
use super::{Checker, systems_in_service};
use crate::model::*;
use crate::text::Text;

/// The rules of this principle, and what each looks at.
pub const PRINCIPLE: Principle = Principle {
    prefix: "HYL",
    rules: &[Rule::new("HYL-01", Scope::SystemsInService)],
    check,
    last: false,
};

pub fn check(c: &mut Checker) {
    for u in systems_in_service(c.portfolio) {
        let s = u.system;
        if s.core_system != Some(true)
            || matches!(
                s.software_type,
                Some(Programvaretype::Hyllevare | Programvaretype::TilpassetHyllevare)
            )
        {
            continue;
        }
        let message = Message::NotOffTheShelf {
            id: &s.id,
            software_type: s.software_type,
        };
        c.emit_on(
            &u,
            "HYL-01",
            u.at(&["programvaretype", "kjernesystem"]),
            "programvaretype",
            message,
        );
    }
}

/// What the HYL rule reports: the facts, and their words in both languages.
enum Message<'a> {
    /// HYL-01: a core system of another software type, or of none stated.
    NotOffTheShelf {
        id: &'a str,
        software_type: Option<Programvaretype>,
    },
}

impl From<Message<'_>> for Text {
    fn from(m: Message) -> Text {
        match m {
            Message::NotOffTheShelf {
                id,
                software_type: Some(t),
            } => Text::new(
                format!("Kjernesystemet {id} er {t}, ikke hyllevare"),
                format!("The core system {id} is {t}, not off the shelf (hyllevare)"),
            ),
            Message::NotOffTheShelf {
                id,
                software_type: None,
            } => Text::new(
                format!(
                    "Kjernesystemet {id} oppgir ikke programvaretype; kjernesystemer skal være hyllevare"
                ),
                format!(
                    "The core system {id} states no programvaretype; core systems should be off the shelf"
                ),
            ),
        }
    }
}
