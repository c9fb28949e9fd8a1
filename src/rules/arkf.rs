//! Arkitekturfunksjonen (the architecture function approves): ARKF-01.

use super::registry::{Principle, Rule, Scope, planned};
use super::{Checker, missing_before_new_systems};
use crate::text::Text;

/// The rules of this principle, and what each looks at.
pub const PRINCIPLE: Principle = Principle {
    prefix: "ARKF",
    rules: &[Rule::new(
        "ARKF-01",
        Scope::Projects(|p| planned(p) && !p.new_systems.is_empty()),
    )],
    check,
    last: false,
};

pub fn check(c: &mut Checker) {
    missing_before_new_systems(
        c,
        "ARKF-01",
        "arkitekturgodkjenning",
        |p| p.architecture_approval.is_some(),
        Text::new(
            "Prosjektet tar inn nye systemer uten arkitekturgodkjenning",
            "The project brings in new systems without architecture approval (arkitekturgodkjenning)",
        ),
    );
}
