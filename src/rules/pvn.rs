//! Personvern (privacy): PVN-01 (DPIA), PVN-02 (data processing agreement).

use super::registry::{Principle, Rule, Scope};
use super::{Checker, all_systems};
use crate::model::*;
use crate::text::Text;

/// The rules of this principle, and what each looks at.
pub const PRINCIPLE: Principle = Principle {
    prefix: "PVN",
    rules: &[
        Rule {
            code: "PVN-01",
            scope: Scope::Systems,
            params: &[],
        },
        Rule {
            code: "PVN-02",
            scope: Scope::Systems,
            params: &[],
        },
    ],
    check,
    last: false,
};

pub fn check(c: &mut Checker) {
    for u in all_systems(c.portfolio) {
        let s = u.system;
        let id = &s.id;
        let personal = s.personal_data;
        // No DPIA: an error for special categories, a warning for ordinary personal data.
        let special = match personal {
            Some(Personopplysninger::Saerlige) => Some(true),
            Some(Personopplysninger::Vanlige) => Some(false),
            _ => None,
        };
        if let (Some(special), None) = (special, &s.dpia) {
            let (kind_nb, kind_en) = if special {
                (
                    "særlige kategorier personopplysninger",
                    "special categories of personal data",
                )
            } else {
                ("personopplysninger", "personal data")
            };
            c.emit_graded_on(!special, &u, "PVN-01", u.at(&["personopplysninger"]), "dpia", Text::new(
                format!("{id} behandler {kind_nb} uten vurdering av personvernkonsekvenser (dpia)"),
                format!("{id} processes {kind_en} without a data protection impact assessment (dpia)"),
            ));
        }
        let has_personal = matches!(
            personal,
            Some(Personopplysninger::Vanlige | Personopplysninger::Saerlige)
        );
        if has_personal && s.is_cloud() && s.processor_agreement.is_none() {
            let drift = s.drift.map(|d| d.name()).unwrap_or_default();
            c.emit_on(&u, "PVN-02", u.at(&["drift"]), "databehandleravtale", Text::new(
                format!("{id} driftes i sky ({drift}) med personopplysninger, men har ingen databehandleravtale"),
                format!("{id} runs in the cloud ({drift}) with personal data but has no data processing agreement (databehandleravtale)"),
            ));
        }
    }
}
