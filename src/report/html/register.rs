//! The deviation register as the board reads it.

use super::parts::table;
use super::{Kommune, t};
use crate::figures::deviations::DeviationState;
use crate::report::escape::html;
use crate::text::Lang;

pub fn deviations(k: &Kommune, lang: Lang) -> String {
    let list = &k.figures.deviations;
    if list.is_empty() {
        return format!(
            "<p class=\"note\">{}</p>\n",
            t(
                lang,
                "Kommunen har ikke registrert noen avvik (avvik.yaml).",
                "The kommune has registered no deviations (avvik.yaml)."
            )
        );
    }
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|d| {
            let state = match (d.state, d.days_left) {
                (DeviationState::Ugyldig, _) => {
                    t(lang, "ugyldig (AVV-01)", "invalid (AVV-01)").to_string()
                }
                (DeviationState::Utlopt, _) => t(lang, "utløpt", "expired").to_string(),
                (DeviationState::UtloperSnart, Some(days)) => match lang {
                    Lang::Nb => format!("utløper om {days} dager"),
                    Lang::En => format!("expires in {days} days"),
                },
                _ => t(lang, "gyldig", "valid").to_string(),
            };
            let class = match d.state {
                DeviationState::Ugyldig | DeviationState::Utlopt => "brudd",
                DeviationState::UtloperSnart => "avvik",
                DeviationState::Gyldig => "ok",
            };
            let opt = |v: &Option<String>| html(v.as_deref().unwrap_or("–"));
            vec![
                format!("{} · {}", html(&d.rule), html(&d.applies_to)),
                opt(&d.approved_by),
                opt(&d.date),
                opt(&d.valid_until),
                opt(&d.reference),
                format!("<span class=\"{class}\">{}</span>", html(&state)),
                d.covers.to_string(),
                opt(&d.justification),
            ]
        })
        .collect();
    table(
        "deviations",
        &[
            t(lang, "Regel · gjelder", "Rule · applies to"),
            t(lang, "Vedtatt av", "Approved by"),
            t(lang, "Dato", "Date"),
            t(lang, "Gyldig til", "Valid until"),
            t(lang, "Referanse", "Reference"),
            t(lang, "Status", "Status"),
            t(lang, "Dekker funn", "Covers findings"),
            t(lang, "Begrunnelse", "Justification"),
        ],
        &rows,
    )
}
