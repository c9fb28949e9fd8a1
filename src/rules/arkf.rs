//! Arkitekturfunksjonen (the architecture function approves): ARKF-01.

use super::{Checker, missing_before_new_systems};
use crate::text::Text;

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
