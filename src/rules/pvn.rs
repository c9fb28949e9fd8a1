//! Personvern (privacy): PVN-01 (DPIA where GDPR art. 35 asks for one), PVN-02 (data
//! processing agreement), PVN-03 (a high-risk system's DPIA gone stale), PVN-04 (personal
//! data in a file share).

use super::registry::{Int, Principle, Rule, Scope};
use super::{Checker, Stale, all_systems, given, stale, systems_in_service};
use crate::model::*;
use crate::text::{Lang, Text, join_names};

/// `[rule.params.maaneder]` of PVN-03.
pub const MAANEDER: Int = Int::new("PVN-03", "maaneder");

/// The rules of this principle, and what each looks at.
pub const PRINCIPLE: Principle = Principle {
    prefix: "PVN",
    rules: &[
        Rule::new("PVN-01", Scope::SystemsInService),
        Rule::new("PVN-02", Scope::Systems),
        Rule::with("PVN-03", Scope::SystemsInService, &[MAANEDER.0]),
        Rule::new("PVN-04", Scope::SystemsInService),
        Rule::new("PVN-05", Scope::SystemsInService),
    ],
    check,
    last: false,
};

pub fn check(c: &mut Checker) {
    let months = c.int(MAANEDER);
    let oldest = c.date.add_months(-months);
    for u in systems_in_service(c.portfolio) {
        let s = u.system;
        if !s.has_personal_data() {
            continue;
        }
        let id = &s.id;
        if !given(&s.legal_basis) {
            let at = u.at(&["personopplysninger"]);
            let message = Message::NoLegalBasis { id };
            c.emit_on(&u, "PVN-05", at, "behandlingsgrunnlag", message);
        }
        if s.file_share == Some(true) {
            // Special categories in a file share: an error; other personal data: a warning.
            let special = s.personal_data == Some(Personopplysninger::Saerlige);
            let at = u.at(&["filomraade"]);
            let message = Message::InFileShare { id, special };
            c.emit_graded_on(!special, &u, "PVN-04", at, "personopplysninger", message);
        }
        let risk = high_risk_reasons(s);
        match (&s.dpia, risk.is_empty()) {
            // Ordinary personal data: a documented assessment of whether a DPIA is needed.
            (None, true) => {
                let at = u.at(&["personopplysninger"]);
                let message = Message::NoAssessment { id };
                c.emit_graded_on(true, &u, "PVN-01", at, "dpia", message);
            }
            // High risk: a full DPIA (art. 35(1)).
            (None, false) => {
                let at = u.at(&["hoy_risiko", "personopplysninger"]);
                let message = Message::NoDpia { id, risk: &risk };
                c.emit_on(&u, "PVN-01", at, "dpia", message);
            }
            (Some(dpia), false) if dpia.is_pre_assessment() => {
                let at = dpia
                    .doc
                    .spans
                    .key_opt("type")
                    .map_or(u.at(&["dpia"]), |p| u.place(p));
                let message = Message::OnlyPreAssessment { id, risk: &risk };
                c.emit_on(&u, "PVN-01", at, "dpia/type", message);
            }
            (Some(dpia), false) => {
                let message = match stale(dpia.doc.date, &dpia.doc.register, oldest) {
                    None => continue,
                    Some(Stale::Undated) => Message::DpiaUndated { id },
                    Some(Stale::Since(date)) => Message::DpiaTooOld { id, date, months },
                };
                c.emit_on(&u, "PVN-03", u.at(&["dpia"]), "dpia/dato", message);
            }
            (Some(_), true) => {}
        }
    }
    // A vendor that still holds the data of a retired system still processes it for the
    // kommune, so PVN-02 looks at every system that holds its data.
    for u in all_systems(c.portfolio) {
        let s = u.system;
        if s.holds_data(c.date)
            && s.has_personal_data()
            && s.run_by_others()
            && s.processor_agreement.is_none()
        {
            // Named by what makes someone else the processor: the cloud, else the operator.
            let (message, key) = match (s.drift.filter(|d| d.is_cloud()), s.operator) {
                (Some(drift), _) => (
                    Message::NoProcessorAgreement {
                        id: &s.id,
                        drift: drift.name(),
                    },
                    "drift",
                ),
                (None, operator) => (
                    Message::OperatedWithoutAgreement {
                        id: &s.id,
                        operator: operator.map(|o| o.name()).unwrap_or_default(),
                    },
                    "driftes_av",
                ),
            };
            c.emit_on(&u, "PVN-02", u.at(&[key]), "databehandleravtale", message);
        }
    }
}

/// Why processing a system's personal data is high risk (GDPR art. 35): special categories
/// first, then the criteria in `hoy_risiko`, in both languages. Empty when it is not.
fn high_risk_reasons(s: &System) -> Vec<(&'static str, &'static str)> {
    let mut reasons = Vec::new();
    if s.personal_data == Some(Personopplysninger::Saerlige) {
        reasons.push(("særlige kategorier", "special categories"));
    }
    for r in &s.high_risk {
        reasons.push(match r {
            HoyRisiko::Barn => ("barn", "children"),
            HoyRisiko::StorSkala => ("stor skala", "large scale"),
            HoyRisiko::NyTeknologi => ("ny teknologi", "new technology"),
            HoyRisiko::Overvaking => ("systematisk overvåking", "systematic monitoring"),
        });
    }
    reasons
}

/// What the PVN rules report: the facts, and their words in both languages.
enum Message<'a> {
    /// PVN-01: ordinary personal data and no documented assessment.
    NoAssessment { id: &'a str },
    /// PVN-01: high-risk processing (`risk`) and no DPIA.
    NoDpia {
        id: &'a str,
        risk: &'a [(&'static str, &'static str)],
    },
    /// PVN-01: high-risk processing with only the assessment of whether a DPIA is needed.
    OnlyPreAssessment {
        id: &'a str,
        risk: &'a [(&'static str, &'static str)],
    },
    /// PVN-02: personal data in the cloud (`drift`) without a data processing agreement.
    NoProcessorAgreement { id: &'a str, drift: &'a str },
    /// PVN-02: personal data in a system an IKT-samarbeid or a supplier (`operator`) runs,
    /// without a data processing agreement.
    OperatedWithoutAgreement { id: &'a str, operator: &'a str },
    /// PVN-05: personal data with no legal basis written.
    NoLegalBasis { id: &'a str },
    /// PVN-04: personal data (`special` categories or not) kept in a file share.
    InFileShare { id: &'a str, special: bool },
    /// PVN-03: a high-risk system's DPIA without a date.
    DpiaUndated { id: &'a str },
    /// PVN-03: a high-risk system's DPIA older than `months`.
    DpiaTooOld {
        id: &'a str,
        date: Date,
        months: i64,
    },
}

/// «særlige kategorier, barn» and «special categories, children».
fn risk_words(risk: &[(&str, &str)]) -> (String, String) {
    let nb: Vec<&str> = risk.iter().map(|r| r.0).collect();
    let en: Vec<&str> = risk.iter().map(|r| r.1).collect();
    (join_names(&nb, Lang::Nb), join_names(&en, Lang::En))
}

impl From<Message<'_>> for Text {
    fn from(m: Message) -> Text {
        match m {
            Message::NoAssessment { id } => Text::new(
                format!(
                    "{id} behandler personopplysninger uten en dokumentert vurdering av om det trengs en vurdering av personvernkonsekvenser (dpia)"
                ),
                format!(
                    "{id} processes personal data without a documented assessment of whether a data protection impact assessment is needed (dpia)"
                ),
            ),
            Message::NoDpia { id, risk } => {
                let (nb, en) = risk_words(risk);
                Text::new(
                    format!(
                        "{id} behandler personopplysninger med høy risiko ({nb}) uten vurdering av personvernkonsekvenser (dpia)"
                    ),
                    format!(
                        "{id} processes high-risk personal data ({en}) without a data protection impact assessment (dpia)"
                    ),
                )
            }
            Message::OnlyPreAssessment { id, risk } => {
                let (nb, en) = risk_words(risk);
                Text::new(
                    format!(
                        "{id} behandler personopplysninger med høy risiko ({nb}), men dpia er bare en forvurdering; høy risiko krever en full vurdering av personvernkonsekvenser"
                    ),
                    format!(
                        "{id} processes high-risk personal data ({en}), but its dpia is only a pre-assessment; high risk requires a full data protection impact assessment"
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
            Message::OperatedWithoutAgreement { id, operator } => Text::new(
                format!(
                    "{id} driftes av andre enn kommunen (driftes_av: {operator}) med personopplysninger, men har ingen databehandleravtale"
                ),
                format!(
                    "{id} is operated by others than the municipality (driftes_av: {operator}) with personal data but has no data processing agreement (databehandleravtale)"
                ),
            ),
            Message::NoLegalBasis { id } => Text::new(
                format!("{id} behandler personopplysninger uten oppgitt behandlingsgrunnlag"),
                format!(
                    "{id} processes personal data with no legal basis given (behandlingsgrunnlag)"
                ),
            ),
            Message::InFileShare { id, special } => {
                let (nb, en) = if special {
                    (
                        "særlige kategorier personopplysninger",
                        "special categories of personal data",
                    )
                } else {
                    ("personopplysninger", "personal data")
                };
                Text::new(
                    format!(
                        "{id} er et filområde med {nb}; personopplysninger hører hjemme i arkiv- eller fagsystem"
                    ),
                    format!(
                        "{id} is a file share holding {en}; personal data belongs in an archive or line-of-business system"
                    ),
                )
            }
            Message::DpiaUndated { id } => Text::new(
                format!(
                    "Vurderingen av personvernkonsekvenser for {id} har ingen dato, så alderen kan ikke vurderes"
                ),
                format!(
                    "The data protection impact assessment of {id} has no date, so its age cannot be judged"
                ),
            ),
            Message::DpiaTooOld { id, date, months } => Text::new(
                format!(
                    "Vurderingen av personvernkonsekvenser for {id} er fra {date}, eldre enn {months} måneder"
                ),
                format!(
                    "The data protection impact assessment of {id} is from {date}, older than {months} months"
                ),
            ),
        }
    }
}
