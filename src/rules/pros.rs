//! Nye systemer krever nye prosesser (new systems need new processes): PROS-01.

use super::{Checker, missing_before_new_systems};
use crate::text::Text;

pub fn check(c: &mut Checker) {
    missing_before_new_systems(
        c,
        "PROS-01",
        "prosesskartlegging",
        |p| p.process_mapping.is_some(),
        Text::new(
            "Prosjektet tar inn nye systemer uten prosesskartlegging",
            "The project brings in new systems without process mapping (prosesskartlegging)",
        ),
    );
}
