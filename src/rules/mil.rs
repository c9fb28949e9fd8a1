//! Vi tenker miljø i alle digitale løsninger (the environment in every digital solution):
//! MIL-01.

use super::registry::{Principle, Rule, Scope};
use super::{Checker, open_project_assessed};
use crate::text::Text;

/// The rules of this principle, and what each looks at.
pub const PRINCIPLE: Principle = Principle {
    prefix: "MIL",
    rules: &[Rule::new(
        "MIL-01",
        Scope::Projects(|p| p.is_open() && !p.new_systems.is_empty()),
    )],
    check,
    last: false,
};

/// An open project that brings in new systems says how the solution affects the
/// environment, and what came of considering it.
pub fn check(c: &mut Checker) {
    open_project_assessed(
        c,
        "MIL-01",
        "miljovurdering",
        |p| &p.environment,
        (
            Text::new(
                "Prosjektet tar inn nye systemer uten å ha vurdert virkningen på miljøet (miljovurdering)",
                "The project brings in new systems without having considered the effect on the environment (miljovurdering)",
            ),
            Text::new(
                "Miljøvurderingen sier ikke hva den konkluderte med (konklusjon)",
                "The environmental assessment does not say what it concluded (konklusjon)",
            ),
        ),
    );
}
