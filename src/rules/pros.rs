//! Nye systemer krever nye prosesser (new systems need new processes): PROS-01 (process
//! mapping), PROS-02 (insight into users' needs).

use super::registry::{Principle, Rule, Scope, planned};
use super::{Checker, missing_before_new_systems};
use crate::text::Text;

/// The rules of this principle, and what each looks at.
pub const PRINCIPLE: Principle = Principle {
    prefix: "PROS",
    rules: &[
        Rule::new(
            "PROS-01",
            Scope::Projects(|p| planned(p) && !p.new_systems.is_empty()),
        ),
        Rule::new(
            "PROS-02",
            Scope::Projects(|p| planned(p) && !p.new_systems.is_empty()),
        ),
    ],
    check,
    last: false,
};

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
    missing_before_new_systems(
        c,
        "PROS-02",
        "brukerinnsikt",
        |p| p.user_insight.is_some(),
        Text::new(
            "Prosjektet tar inn nye systemer uten innsikt i brukernes behov (brukerinnsikt)",
            "The project brings in new systems without insight into its users' needs (brukerinnsikt)",
        ),
    );
}
