//! Orden i eget hus (a complete system inventory): INV-01.

use super::Checker;
use super::registry::{Principle, Rule, Scope};
use crate::finding::Subject;
use crate::text::{Lang, Text, join_names};

/// The rules of this principle, and what each looks at.
pub const PRINCIPLE: Principle = Principle {
    prefix: "INV",
    rules: &[Rule {
        code: "INV-01",
        scope: Scope::Inventory,
        params: &[],
    }],
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
        c.emit(
            "INV-01",
            Subject::System(system.id.clone()),
            system.spans.at,
            "/system".into(),
            Text::new(
                format!(
                    "Systemoversikten mangler {} for {}",
                    join_names(&missing, Lang::Nb),
                    system.id
                ),
                format!(
                    "The inventory lacks {} for {}",
                    join_names(&missing, Lang::En),
                    system.id
                ),
            ),
        )
        .lacking(&missing);
    }
}
