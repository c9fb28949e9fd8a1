//! The portfolio in figures, for those who would rather look than read: key figures, the
//! compliance matrix, the summary per principle, area and owner, and the deviation
//! register. Computed from the model and one check's findings; renderers only show them.
//! Each figure's definition is in docs/rapport.md.

pub mod compare;
pub mod deviations;
pub mod key;
pub mod matrix;
pub mod subjects;
pub mod summary;
pub mod trend;

use crate::finding::Finding;
use crate::model::{Date, Portfolio};
use crate::settings::Settings;
use serde::Serialize;

/// How a principle is named in tables and columns: its prefix when no other principle has
/// it (every built-in one), else the codes of its rules: each of a kommune's own rules is a
/// principle of its own, and several may share a prefix (EGEN-01, EGEN-02).
pub fn principle_label(katalog: &crate::katalog::Katalog, index: usize) -> String {
    let Some(p) = katalog.principles.get(index) else {
        return String::new();
    };
    let prefix = &p.principle.prefix;
    let shared = katalog
        .principles
        .iter()
        .filter(|q| &q.principle.prefix == prefix)
        .count()
        > 1;
    if shared {
        let codes: Vec<&str> = p.rule.iter().map(|r| r.code.as_str()).collect();
        codes.join(", ")
    } else {
        prefix.clone()
    }
}

/// Everything the report shows of one kommune.
#[derive(Debug, Clone, Serialize)]
pub struct Figures {
    pub key: key::KeyFigures,
    pub summary: summary::Summary,
    pub matrix: matrix::Matrix,
    pub deviations: Vec<deviations::Deviation>,
}

impl Figures {
    pub fn compute(
        portfolio: &Portfolio,
        findings: &[Finding],
        settings: &Settings,
        date: Date,
    ) -> Figures {
        let subjects = subjects::Subjects::new(portfolio, settings);
        Figures {
            key: key::compute(portfolio, findings, settings, date),
            summary: summary::compute(findings, settings, &subjects),
            matrix: matrix::compute(portfolio, findings, settings, &subjects),
            deviations: deviations::compute(portfolio, findings, settings, date),
        }
    }
}
