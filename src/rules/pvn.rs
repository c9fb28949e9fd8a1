//! Personvern (privacy): PVN-01 (DPIA), PVN-02 (data processing agreement).

use super::{Checker, all_systems};
use crate::model::*;
use crate::text::Text;

pub fn check(c: &mut Checker) {
    for u in all_systems(c.portfolio) {
        let s = u.system;
        let id = &s.id;
        let personal = s.personal_data;
        if personal == Some(Personopplysninger::Saerlige) && s.dpia.is_none() {
            c.emit_on(&u, "PVN-01", u.at(&["personopplysninger"]), "dpia", Text::new(
                format!("{id} behandler særlige kategorier personopplysninger uten vurdering av personvernkonsekvenser (dpia)"),
                format!("{id} processes special categories of personal data without a data protection impact assessment (dpia)"),
            ));
        } else if personal == Some(Personopplysninger::Vanlige) && s.dpia.is_none() {
            c.emit_mild_on(&u, "PVN-01", u.at(&["personopplysninger"]), "dpia", Text::new(
                format!("{id} behandler personopplysninger uten vurdering av personvernkonsekvenser (dpia)"),
                format!("{id} processes personal data without a data protection impact assessment (dpia)"),
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
