//! The deviation register as the board reads it: who approved what, until when, what it
//! covers, and what has expired or expires soon.

use crate::finding::Finding;
use crate::model::{Date, Portfolio};
use crate::settings::Settings;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DeviationState {
    /// AVV-01: not validly documented; it covers nothing.
    Ugyldig,
    /// Its gyldig_til is before the evaluation date; it covers nothing.
    Utlopt,
    /// It expires within AVV-03's number of days.
    UtloperSnart,
    Gyldig,
}

impl DeviationState {
    pub fn name(self) -> &'static str {
        match self {
            DeviationState::Ugyldig => "ugyldig",
            DeviationState::Utlopt => "utlopt",
            DeviationState::UtloperSnart => "utloper_snart",
            DeviationState::Gyldig => "gyldig",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Deviation {
    pub rule: String,
    pub applies_to: String,
    pub approved_by: Option<String>,
    pub date: Option<String>,
    pub valid_until: Option<String>,
    pub reference: Option<String>,
    pub justification: Option<String>,
    pub state: DeviationState,
    /// Days from the evaluation date to gyldig_til (negative once expired).
    pub days_left: Option<i64>,
    /// Findings it covers in this check.
    pub covers: usize,
    #[serde(skip)]
    pub file: crate::model::Pos,
}

/// Every entry of avvik.yaml, in the register's order.
pub fn compute(
    p: &Portfolio,
    findings: &[Finding],
    settings: &Settings,
    date: Date,
) -> Vec<Deviation> {
    let soon = crate::rules::DEVIATION_NOTICE_DAYS.get(settings);
    // A finding is covered by the first valid, unexpired entry that covers it (as the AVV
    // rules apply the register), so two entries never both count one finding.
    let mut claimed = vec![false; findings.len()];
    p.avvik
        .iter()
        .map(|a| {
            // AVV-01 reports an entry at the entry itself: two entries for one rule and
            // subject are told apart by where they are written.
            let invalid = findings
                .iter()
                .any(|f| f.code == "AVV-01" && f.at == a.spans.at);
            let days_left = a.valid_until.map(|d| d.days_since(date));
            let state = match days_left {
                _ if invalid => DeviationState::Ugyldig,
                Some(d) if d < 0 => DeviationState::Utlopt,
                Some(d) if d <= soon => DeviationState::UtloperSnart,
                _ => DeviationState::Gyldig,
            };
            let mut covers = 0;
            if matches!(state, DeviationState::Gyldig | DeviationState::UtloperSnart) {
                for (i, f) in findings.iter().enumerate() {
                    if !claimed[i] && !f.is_violation() && crate::rules::covers(a, f) {
                        claimed[i] = true;
                        covers += 1;
                    }
                }
            }
            Deviation {
                rule: a.rule.clone(),
                applies_to: a.applies_to.clone(),
                approved_by: a.approved_by.clone(),
                date: a.date.map(|d| d.to_string()),
                valid_until: a.valid_until.map(|d| d.to_string()),
                reference: a.reference.clone(),
                justification: a.justification.clone(),
                state,
                days_left,
                covers,
                file: a.spans.at,
            }
        })
        .collect()
}
