//! Personvern (privacy): PVN-01 (DPIA), PVN-02 (data processing agreement).

use super::registry::{Principle, Rule, Scope};
use super::{Checker, all_systems};
use crate::model::*;
use crate::text::Text;

/// The rules of this principle, and what each looks at.
pub const PRINCIPLE: Principle = Principle {
    prefix: "PVN",
    rules: &[
        Rule::new("PVN-01", Scope::Systems),
        Rule::new("PVN-02", Scope::Systems),
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
            let message = Message::NoDpia { id, special };
            c.emit_graded_on(
                !special,
                &u,
                "PVN-01",
                u.at(&["personopplysninger"]),
                "dpia",
                message,
            );
        }
        let has_personal = matches!(
            personal,
            Some(Personopplysninger::Vanlige | Personopplysninger::Saerlige)
        );
        if has_personal && s.is_cloud() && s.processor_agreement.is_none() {
            let drift = s.drift.map(|d| d.name()).unwrap_or_default();
            let message = Message::NoProcessorAgreement { id, drift };
            c.emit_on(
                &u,
                "PVN-02",
                u.at(&["drift"]),
                "databehandleravtale",
                message,
            );
        }
    }
}

/// What the PVN rules report: the facts, and their words in both languages.
enum Message<'a> {
    /// PVN-01: personal data, `special` categories or not, and no DPIA.
    NoDpia { id: &'a str, special: bool },
    /// PVN-02: personal data in the cloud (`drift`) without a data processing agreement.
    NoProcessorAgreement { id: &'a str, drift: &'a str },
}

impl From<Message<'_>> for Text {
    fn from(m: Message) -> Text {
        match m {
            Message::NoDpia { id, special } => {
                let (kind_nb, kind_en) = if special {
                    (
                        "særlige kategorier personopplysninger",
                        "special categories of personal data",
                    )
                } else {
                    ("personopplysninger", "personal data")
                };
                Text::new(
                    format!(
                        "{id} behandler {kind_nb} uten vurdering av personvernkonsekvenser (dpia)"
                    ),
                    format!(
                        "{id} processes {kind_en} without a data protection impact assessment (dpia)"
                    ),
                )
            }
            Message::NoProcessorAgreement { id, drift } => Text::new(
                format!(
                    "{id} driftes i sky ({drift}) med personopplysninger, men har ingen databehandleravtale"
                ),
                format!(
                    "{id} runs in the cloud ({drift}) with personal data but has no data processing agreement (databehandleravtale)"
                ),
            ),
        }
    }
}
