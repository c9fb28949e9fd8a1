//! Sky er førstevalget (cloud first): SKY-01..03.

use super::registry::{Int, Principle, Rule, Scope};
use super::{Checker, all_systems, given, new_systems};
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
        Rule {
            code: "SKY-01",
            scope: Scope::NewSystems,
            params: &[],
        },
        Rule {
            code: "SKY-02",
            scope: Scope::Systems,
            params: &[],
        },
        Rule {
            code: "SKY-03",
            scope: Scope::Inventory,
            params: &[VARSEL_MAANEDER.0, GYLDIGHET_MAANEDER.0],
        },
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
        let detail = match &s.cloud_assessment {
            None => None,
            Some(a) => match a.conclusion {
                None => Some((
                    "mangler konklusjon".to_string(),
                    "has no konklusjon".to_string(),
                )),
                Some(Konklusjon::IkkeSky) => {
                    let mut missing = Vec::new();
                    if a.reasons.is_empty() {
                        missing.push("grunner");
                    }
                    if !given(&a.justification) {
                        missing.push("begrunnelse");
                    }
                    if missing.is_empty() {
                        continue;
                    }
                    Some((
                        format!("(ikke_sky) mangler {}", join_names(&missing, Lang::Nb)),
                        format!("(ikke_sky) lacks {}", join_names(&missing, Lang::En)),
                    ))
                }
                // konklusjon sky while running on premises is SKY-02's business.
                Some(Konklusjon::Sky) => continue,
            },
        };
        let id = &s.id;
        let (who_nb, who_en) = match u.project {
            Some(_) => (format!("Nytt system {id}"), format!("New system {id}")),
            None => (
                format!("Planlagt system {id}"),
                format!("Planned system {id}"),
            ),
        };
        let (nb, en) = match (s.drift.is_some(), detail) {
            (true, None) => (
                format!("{who_nb} driftes lokalt uten skyvurdering"),
                format!("{who_en} is run on premises without a cloud assessment"),
            ),
            (false, None) => (
                format!("{who_nb} mangler både drift og skyvurdering"),
                format!("{who_en} states neither drift nor a cloud assessment"),
            ),
            (true, Some((d_nb, d_en))) => (
                format!("{who_nb} driftes lokalt, men skyvurderingen {d_nb}"),
                format!("{who_en} is run on premises, but its cloud assessment {d_en}"),
            ),
            (false, Some((d_nb, d_en))) => (
                format!("{who_nb} har ingen drift oppgitt, og skyvurderingen {d_nb}"),
                format!("{who_en} states no drift, and its cloud assessment {d_en}"),
            ),
        };
        let field = if s.cloud_assessment.is_some() {
            "skyvurdering"
        } else if s.drift.is_some() {
            "drift"
        } else {
            ""
        };
        c.emit_on(&u, "SKY-01", u.at(&[field]), field, Text::new(nb, en));
    }
}

/// The assessment's conclusion and the actual hosting disagree.
fn sky02_contradiction(c: &mut Checker) {
    for u in all_systems(c.portfolio) {
        let s = u.system;
        let (Some(drift), Some(assessment)) = (s.drift, &s.cloud_assessment) else {
            continue;
        };
        let id = &s.id;
        let (nb, en) = match (assessment.conclusion, drift.is_cloud()) {
            (Some(Konklusjon::Sky), false) => (
                format!(
                    "Skyvurderingen for {id} konkluderer med sky, men systemet driftes lokalt (egen_drift)"
                ),
                format!(
                    "The cloud assessment of {id} concludes sky, but the system runs on premises (egen_drift)"
                ),
            ),
            (Some(Konklusjon::IkkeSky), true) => (
                format!(
                    "Skyvurderingen for {id} konkluderer med ikke_sky, men systemet driftes i sky ({drift})"
                ),
                format!(
                    "The cloud assessment of {id} concludes ikke_sky, but the system runs in the cloud ({drift})"
                ),
            ),
            _ => continue,
        };
        c.emit_on(
            &u,
            "SKY-02",
            u.at(&["skyvurdering"]),
            "skyvurdering",
            Text::new(nb, en),
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
        let (nb, en) = if expires < c.date {
            (
                format!("Avtalen utløp {expires} og systemet driftes lokalt: vurder sky først"),
                format!(
                    "The agreement ended {expires} and the system runs on premises: assess cloud first"
                ),
            )
        } else {
            (
                format!("Avtalen utløper {expires} og systemet driftes lokalt: vurder sky først"),
                format!(
                    "The agreement ends {expires} and the system runs on premises: assess cloud first"
                ),
            )
        };
        let (nb, en) = (
            format!("{nb} (ingen skyvurdering de siste {validity} månedene)"),
            format!("{en} (no cloud assessment in the last {validity} months)"),
        );
        c.emit(
            "SKY-03",
            Subject::System(system.id.clone()),
            agreement.spans.key("utloper"),
            "/system/avtale/utloper".into(),
            Text::new(nb, en),
        );
    }
}
