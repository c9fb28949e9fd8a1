//! Sky er førstevalget (cloud first): SKY-01..03.

use super::{Checker, all_systems, given, new_systems};
use crate::finding::Subject;
use crate::model::*;
use crate::text::Text;

pub fn check(c: &mut Checker) {
    sky01_new_on_premises(c);
    sky02_contradiction(c);
    sky03_agreement_ends(c);
}

/// A new system run on premises (or with no `drift`) needs a written cloud assessment that
/// concludes `ikke_sky` with reasons and a justification.
fn sky01_new_on_premises(c: &mut Checker) {
    for new in new_systems(c.portfolio) {
        let Some(system) = new.system else { continue };
        if system.is_cloud() {
            continue;
        }
        let how = match system.drift {
            Some(_) => ("driftes lokalt", "is run on premises"),
            None => ("har ingen drift oppgitt", "states no drift"),
        };
        let id = new.id;
        let problem = match &system.cloud_assessment {
            None => Some((
                "uten skyvurdering".to_string(),
                "without a cloud assessment".to_string(),
            )),
            Some(a) => match a.conclusion {
                None => Some((
                    "og skyvurderingen mangler konklusjon".into(),
                    "and its cloud assessment has no konklusjon".into(),
                )),
                Some(Konklusjon::IkkeSky) => {
                    let mut missing = Vec::new();
                    if a.reasons.is_empty() {
                        missing.push("grunner");
                    }
                    if !given(&a.justification) {
                        missing.push("begrunnelse");
                    }
                    (!missing.is_empty()).then(|| {
                        let list = missing.join(", ");
                        (
                            format!("og skyvurderingen (ikke_sky) mangler {list}"),
                            format!("and its cloud assessment (ikke_sky) lacks {list}"),
                        )
                    })
                }
                // konklusjon sky while running on premises is SKY-02's business.
                Some(Konklusjon::Sky) => None,
            },
        };
        let Some((nb, en)) = problem else { continue };
        let field = if system.cloud_assessment.is_some() {
            "skyvurdering"
        } else if system.drift.is_some() {
            "drift"
        } else {
            ""
        };
        let (nb, en) = match new.project {
            Some(_) => (
                format!("Nytt system {id} {} {nb}", how.0),
                format!("New system {id} {} {en}", how.1),
            ),
            None => (
                format!("Planlagt system {} {nb}", how.0),
                format!("Planned system {} {en}", how.1),
            ),
        };
        let subject = new.subject();
        let at = new.at(field);
        let path = new.path(field);
        let finding = c.emit("SKY-01", subject, at, path, Text::new(nb, en));
        if new.project.is_some() {
            finding.system = Some(id.to_string());
        }
    }
}

/// The assessment's conclusion and the actual hosting disagree.
fn sky02_contradiction(c: &mut Checker) {
    for (system, subject, base) in all_systems(c.portfolio) {
        let (Some(drift), Some(assessment)) = (system.drift, &system.cloud_assessment) else {
            continue;
        };
        let (nb, en) = match (assessment.conclusion, drift.is_cloud()) {
            (Some(Konklusjon::Sky), false) => (
                format!(
                    "Skyvurderingen for {} konkluderer med sky, men systemet driftes lokalt (egen_drift)",
                    system.id
                ),
                format!(
                    "The cloud assessment of {} concludes sky, but the system runs on premises (egen_drift)",
                    system.id
                ),
            ),
            (Some(Konklusjon::IkkeSky), true) => (
                format!(
                    "Skyvurderingen for {} konkluderer med ikke_sky, men systemet driftes i sky ({drift})",
                    system.id
                ),
                format!(
                    "The cloud assessment of {} concludes ikke_sky, but the system runs in the cloud ({drift})",
                    system.id
                ),
            ),
            _ => continue,
        };
        let is_project = matches!(subject, Subject::Project(_));
        let finding = c.emit(
            "SKY-02",
            subject,
            system.spans.key("skyvurdering"),
            format!("{base}/skyvurdering"),
            Text::new(nb, en),
        );
        if is_project {
            finding.system = Some(system.id.clone());
        }
    }
}

/// An on-premises system whose agreement ends soon (or has ended) is at a cloud decision
/// point, unless a recent cloud assessment exists.
fn sky03_agreement_ends(c: &mut Checker) {
    let notice = c.param_int("SKY-03", "varsel_maaneder");
    let validity = c.param_int("SKY-03", "gyldighet_maaneder");
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
