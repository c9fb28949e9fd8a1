//! Sky er førstevalget (cloud first): SKY-01..03.

use super::registry::{Int, Principle, Rule, Scope};
use super::{Checker, given, new_systems, systems_in_service};
use crate::finding::Subject;
use crate::model::*;
use crate::text::{Lang, Text, join_names};

/// `[rule.params.varsel_maaneder]` of SKY-03.
pub const VARSEL_MAANEDER: Int = Int::new("SKY-03", "varsel_maaneder");
/// `[rule.params.gyldighet_maaneder]` of SKY-03.
pub const GYLDIGHET_MAANEDER: Int = Int::new("SKY-03", "gyldighet_maaneder");

/// The rules of this principle, and what each looks at.
pub const PRINCIPLE: Principle = Principle {
    prefix: "SKY",
    rules: &[
        Rule::new("SKY-01", Scope::NewSystems),
        Rule::new("SKY-02", Scope::SystemsInService),
        Rule::with(
            "SKY-03",
            Scope::Inventory,
            &[VARSEL_MAANEDER.0, GYLDIGHET_MAANEDER.0],
        ),
    ],
    check,
    last: false,
};

pub fn check(c: &mut Checker) {
    sky01_new_on_premises(c);
    sky02_contradiction(c);
    sky03_agreement_ends(c);
}

/// A new system run on premises (or with no `drift`) needs a written cloud assessment that
/// concludes `ikke_sky` with reasons and a justification.
fn sky01_new_on_premises(c: &mut Checker) {
    for u in new_systems(c.portfolio) {
        let s = u.system;
        if s.is_cloud() {
            continue;
        }
        // What is wrong with the assessment, if one is written.
        let mut missing = Vec::new();
        let flaw = match &s.cloud_assessment {
            None => None,
            Some(a) => match a.conclusion {
                None => Some(Flaw::NoConclusion),
                Some(Konklusjon::IkkeSky) => {
                    if a.reasons.is_empty() {
                        missing.push("grunner");
                    }
                    if !given(&a.justification) {
                        missing.push("begrunnelse");
                    }
                    if missing.is_empty() {
                        continue;
                    }
                    Some(Flaw::IkkeSkyLacks { missing: &missing })
                }
                // konklusjon sky while running on premises is SKY-02's business.
                Some(Konklusjon::Sky) => continue,
            },
        };
        let field = if s.cloud_assessment.is_some() {
            "skyvurdering"
        } else if s.drift.is_some() {
            "drift"
        } else {
            ""
        };
        let message = Message::NotCloud {
            id: &s.id,
            planned: u.project.is_none(),
            has_drift: s.drift.is_some(),
            flaw,
        };
        c.emit_on(&u, "SKY-01", u.at(&[field]), field, message);
    }
}

/// The assessment's conclusion and the actual hosting disagree.
fn sky02_contradiction(c: &mut Checker) {
    for u in systems_in_service(c.portfolio) {
        let s = u.system;
        let (Some(drift), Some(assessment)) = (s.drift, &s.cloud_assessment) else {
            continue;
        };
        let id = &s.id;
        let message = match (assessment.conclusion, drift.is_cloud()) {
            (Some(Konklusjon::Sky), false) => Message::CloudButOnPremises { id },
            (Some(Konklusjon::IkkeSky), true) => Message::NotCloudButInCloud { id, drift },
            _ => continue,
        };
        c.emit_on(
            &u,
            "SKY-02",
            u.at(&["skyvurdering"]),
            "skyvurdering",
            message,
        );
    }
}

/// An on-premises system whose agreement ends soon (or has ended) is at a cloud decision
/// point, unless a recent cloud assessment exists.
fn sky03_agreement_ends(c: &mut Checker) {
    let notice = c.int(VARSEL_MAANEDER);
    let validity = c.int(GYLDIGHET_MAANEDER);
    let horizon = c.date.add_months(notice);
    let oldest_assessment = c.date.add_months(-validity);
    for system in &c.portfolio.systems {
        if system.lifecycle != Some(Livslop::Aktiv) || system.drift != Some(Drift::EgenDrift) {
            continue;
        }
        let Some(agreement) = &system.agreement else {
            continue;
        };
        let Some(expires) = agreement.expires else {
            continue;
        };
        if expires > horizon {
            continue;
        }
        let recent = system
            .cloud_assessment
            .as_ref()
            .and_then(|a| a.date)
            .is_some_and(|d| d >= oldest_assessment);
        if recent {
            continue;
        }
        let message = Message::AgreementEnds {
            expires,
            ended: expires < c.date,
            validity,
        };
        c.emit(
            "SKY-03",
            Subject::System(system.id.clone()),
            agreement.spans.key("utloper"),
            "/system/avtale/utloper".into(),
            message,
        );
    }
}

/// What the SKY rules report: the facts, and their words in both languages.
enum Message<'a> {
    /// SKY-01: a new (or, on its own, planned) system not in the cloud, with or without
    /// `drift`, and what is wrong with its cloud assessment (none: there is none).
    NotCloud {
        id: &'a str,
        planned: bool,
        has_drift: bool,
        flaw: Option<Flaw<'a>>,
    },
    /// SKY-02: concludes `sky`, runs `egen_drift`.
    CloudButOnPremises { id: &'a str },
    /// SKY-02: concludes `ikke_sky`, runs in the cloud.
    NotCloudButInCloud { id: &'a str, drift: Drift },
    /// SKY-03: the agreement ends (or `ended`) with no cloud assessment in `validity` months.
    AgreementEnds {
        expires: Date,
        ended: bool,
        validity: i64,
    },
}

/// What is wrong with a written cloud assessment, for SKY-01.
enum Flaw<'a> {
    /// No `konklusjon`.
    NoConclusion,
    /// `ikke_sky` without reasons or justification.
    IkkeSkyLacks { missing: &'a [&'static str] },
}

impl From<Message<'_>> for Text {
    fn from(m: Message) -> Text {
        match m {
            Message::NotCloud {
                id,
                planned,
                has_drift,
                flaw,
            } => {
                let (who_nb, who_en) = if planned {
                    (
                        format!("Planlagt system {id}"),
                        format!("Planned system {id}"),
                    )
                } else {
                    (format!("Nytt system {id}"), format!("New system {id}"))
                };
                let detail = flaw.map(|flaw| match flaw {
                    Flaw::NoConclusion => Text::new("mangler konklusjon", "has no konklusjon"),
                    Flaw::IkkeSkyLacks { missing } => Text::new(
                        format!("(ikke_sky) mangler {}", join_names(missing, Lang::Nb)),
                        format!("(ikke_sky) lacks {}", join_names(missing, Lang::En)),
                    ),
                });
                match (has_drift, detail) {
                    (true, None) => Text::new(
                        format!("{who_nb} driftes lokalt uten skyvurdering"),
                        format!("{who_en} is run on premises without a cloud assessment"),
                    ),
                    (false, None) => Text::new(
                        format!("{who_nb} mangler både drift og skyvurdering"),
                        format!("{who_en} states neither drift nor a cloud assessment"),
                    ),
                    (true, Some(d)) => Text::new(
                        format!("{who_nb} driftes lokalt, men skyvurderingen {}", d.nb),
                        format!(
                            "{who_en} is run on premises, but its cloud assessment {}",
                            d.en
                        ),
                    ),
                    (false, Some(d)) => Text::new(
                        format!(
                            "{who_nb} har ingen drift oppgitt, og skyvurderingen {}",
                            d.nb
                        ),
                        format!(
                            "{who_en} states no drift, and its cloud assessment {}",
                            d.en
                        ),
                    ),
                }
            }
            Message::CloudButOnPremises { id } => Text::new(
                format!(
                    "Skyvurderingen for {id} konkluderer med sky, men systemet driftes lokalt (egen_drift)"
                ),
                format!(
                    "The cloud assessment of {id} concludes sky, but the system runs on premises (egen_drift)"
                ),
            ),
            Message::NotCloudButInCloud { id, drift } => Text::new(
                format!(
                    "Skyvurderingen for {id} konkluderer med ikke_sky, men systemet driftes i sky ({drift})"
                ),
                format!(
                    "The cloud assessment of {id} concludes ikke_sky, but the system runs in the cloud ({drift})"
                ),
            ),
            Message::AgreementEnds {
                expires,
                ended,
                validity,
            } => {
                let (nb, en) = if ended {
                    (
                        format!("Avtalen utløp {expires}"),
                        format!("The agreement ended {expires}"),
                    )
                } else {
                    (
                        format!("Avtalen utløper {expires}"),
                        format!("The agreement ends {expires}"),
                    )
                };
                Text::new(
                    format!(
                        "{nb} og systemet driftes lokalt: vurder sky først (ingen skyvurdering de siste {validity} månedene)"
                    ),
                    format!(
                        "{en} and the system runs on premises: assess cloud first (no cloud assessment in the last {validity} months)"
                    ),
                )
            }
        }
    }
}
