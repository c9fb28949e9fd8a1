//! Vi samarbeider med andre kommuner (we work with other municipalities): SAM-01.

use super::registry::{Principle, Rule, Scope};
use super::{Checker, open_project_assessed};
use crate::text::Text;

/// The rules of this principle, and what each looks at.
pub const PRINCIPLE: Principle = Principle {
    prefix: "SAM",
    rules: &[Rule::new(
        "SAM-01",
        Scope::Projects(|p| p.is_open() && !p.new_systems.is_empty()),
    )],
    check,
    last: false,
};

/// An open project that brings in new systems says whether working with other kommuner was
/// considered, and what came of it.
pub fn check(c: &mut Checker) {
    open_project_assessed(
        c,
        "SAM-01",
        "samarbeidsvurdering",
        |p| &p.cooperation,
        (
            Text::new(
                "Prosjektet tar inn nye systemer uten å ha vurdert samarbeid med andre kommuner (samarbeidsvurdering)",
                "The project brings in new systems without having considered working with other municipalities (samarbeidsvurdering)",
            ),
            Text::new(
                "Samarbeidsvurderingen sier ikke hva den konkluderte med (konklusjon)",
                "The cooperation assessment does not say what it concluded (konklusjon)",
            ),
        ),
    );
}
