//! Orden i eget hus (a complete system inventory): INV-01.

use super::Checker;
use super::registry::{Principle, Rule, Scope};
use crate::finding::Subject;
use crate::text::{Lang, Text, join_names};

/// The rules of this principle, and what each looks at.
pub const PRINCIPLE: Principle = Principle {
    prefix: "INV",
    rules: &[Rule::new("INV-01", Scope::Inventory)],
    check,
    last: false,
};

pub fn check(c: &mut Checker) {
    for system in &c.portfolio.systems {
        let mut missing = Vec::new();
        if !super::given(&system.owner) {
            missing.push("systemeier");
        }
        if system.drift.is_none() {
            missing.push("drift");
        }
        if system.lifecycle.is_none() {
            missing.push("livslop");
        }
        if system.software_type.is_none() {
            missing.push("programvaretype");
        }
        if system.personal_data.is_none() {
            missing.push("personopplysninger");
        }
        if missing.is_empty() {
            continue;
        }
        let message = Message::InventoryLacks {
            id: &system.id,
            missing: &missing,
        };
        c.emit(
            "INV-01",
            Subject::System(system.id.clone()),
            system.spans.at,
            "/system".into(),
            message,
        )
        .lacking(&missing);
    }
}

/// What the INV rule reports: the facts, and their words in both languages.
enum Message<'a> {
    /// INV-01.
    InventoryLacks {
        id: &'a str,
        missing: &'a [&'static str],
    },
}

impl From<Message<'_>> for Text {
    fn from(m: Message) -> Text {
        match m {
            Message::InventoryLacks { id, missing } => Text::new(
                format!(
                    "Systemoversikten mangler {} for {id}",
                    join_names(missing, Lang::Nb)
                ),
                format!(
                    "The inventory lacks {} for {id}",
                    join_names(missing, Lang::En)
                ),
            ),
        }
    }
}
