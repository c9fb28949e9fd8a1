//! Standardiserte grensesnitt (standard interfaces for integrations): STD-01.

use super::registry::{Principle, Rule, Scope};
use super::{Checker, all_systems};
use crate::text::Text;

/// The rules of this principle, and what each looks at.
pub const PRINCIPLE: Principle = Principle {
    prefix: "STD",
    rules: &[Rule {
        code: "STD-01",
        scope: Scope::Systems,
        params: &[],
    }],
    check,
    last: false,
};

pub fn check(c: &mut Checker) {
    for u in all_systems(c.portfolio) {
        let s = u.system;
        for (i, integration) in s.integrations.iter().enumerate() {
            let target = integration.target.as_deref().unwrap_or("?");
            let id = &s.id;
            let (nb, en) = match integration.standard.as_deref() {
                None => (
                    format!("Integrasjonen fra {id} mot {target} oppgir ingen standard"),
                    format!("The integration from {id} to {target} names no standard"),
                ),
                Some(name) => match c.katalog.standards.iter().find(|k| k.id == name) {
                    Some(known) if !known.flagged => continue,
                    Some(_) => (
                        format!(
                            "Integrasjonen fra {id} mot {target} bruker {name}, ikke et standardisert grensesnitt"
                        ),
                        format!(
                            "The integration from {id} to {target} uses {name}, not a standard interface"
                        ),
                    ),
                    None => (
                        format!(
                            "Integrasjonen fra {id} mot {target} bruker «{name}», som ikke er en standard i katalogen"
                        ),
                        format!(
                            "The integration from {id} to {target} uses «{name}», which is not a standard in the catalogue"
                        ),
                    ),
                },
            };
            let at = u.place(integration.spans.key("standard"));
            c.emit_on(
                &u,
                "STD-01",
                at,
                &format!(
                    "integrasjoner/{}/standard",
                    super::item_key(integration.target.as_deref(), i)
                ),
                Text::new(nb, en),
            );
        }
    }
}
