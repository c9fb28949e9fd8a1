//! The trend per tertial: how the key figures and the open breaches per principle developed,
//! from earlier results (and this check). A tertial is a third of a year (T1 January–April,
//! T2 May–August, T3 September–December), the period Norwegian kommuner report by; of
//! several results in one tertial the latest counts.

use super::key::KeyFigures;
use crate::finding::Finding;
use crate::model::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The key figures a trend follows: the subset an earlier result is sure to hold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrendFigures {
    pub systems_in_use: usize,
    pub cloud_percent: Option<f64>,
    pub introduced: usize,
    pub phased_out: usize,
    pub components_covered_percent: Option<f64>,
    pub projects: usize,
    pub complete_benefit_plans: Option<usize>,
    pub benefits: usize,
    pub benefits_measured: usize,
}

impl TrendFigures {
    pub fn of(k: &KeyFigures) -> TrendFigures {
        TrendFigures {
            systems_in_use: k.systems.in_use,
            cloud_percent: k.systems.cloud_percent,
            introduced: k.growth.introduced,
            phased_out: k.growth.phased_out,
            components_covered_percent: k.national_components.covered_percent,
            projects: k.benefit_plans.projects,
            complete_benefit_plans: k.benefit_plans.complete,
            benefits: k.benefits.total,
            benefits_measured: k.benefits.measured,
        }
    }
}

/// One result: when, from where, its open breaches, and its figures when it holds them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Point {
    /// «2026-T2».
    pub tertial: String,
    pub date: String,
    /// The file or commit it was read from; «denne kontrollen» for this check.
    pub source: String,
    /// Findings that are open or known from the baseline.
    pub breaches: usize,
    /// The same, per principle prefix.
    pub by_principle: BTreeMap<String, usize>,
    /// Null for an earlier result written before results held key figures.
    pub figures: Option<TrendFigures>,
}

/// «2026-T2».
pub fn tertial(date: Date) -> String {
    let (year, month, _) = date.ymd();
    format!("{year:04}-T{}", (month - 1) / 4 + 1)
}

/// The prefix of a rule code: «SKY» of «SKY-01».
pub fn prefix(code: &str) -> &str {
    code.split_once('-').map_or(code, |(p, _)| p)
}

/// This check as a point of the trend.
pub fn point_now(findings: &[Finding], key: &KeyFigures, date: Date, source: &str) -> Point {
    let mut by_principle = BTreeMap::new();
    for f in findings.iter().filter(|f| f.is_violation()) {
        *by_principle.entry(prefix(&f.code).to_string()).or_insert(0) += 1;
    }
    Point {
        tertial: tertial(date),
        date: date.to_string(),
        source: source.to_string(),
        breaches: by_principle.values().sum(),
        by_principle,
        figures: Some(TrendFigures::of(key)),
    }
}

/// One point per tertial, oldest first: of several in one tertial the latest by date (and,
/// on the same date, the last given) counts.
pub fn per_tertial(points: Vec<Point>) -> Vec<Point> {
    let mut by_tertial: BTreeMap<String, Point> = BTreeMap::new();
    for p in points {
        match by_tertial.get(&p.tertial) {
            Some(kept) if kept.date > p.date => {}
            _ => {
                by_tertial.insert(p.tertial.clone(), p);
            }
        }
    }
    by_tertial.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(date: &str, source: &str) -> Point {
        Point {
            tertial: tertial(Date::parse(date).unwrap()),
            date: date.into(),
            source: source.into(),
            breaches: 0,
            by_principle: BTreeMap::new(),
            figures: None,
        }
    }

    #[test]
    fn tertials_are_thirds_of_the_year() {
        let t = |d: &str| tertial(Date::parse(d).unwrap());
        assert_eq!(t("2026-01-01"), "2026-T1");
        assert_eq!(t("2026-04-30"), "2026-T1");
        assert_eq!(t("2026-05-01"), "2026-T2");
        assert_eq!(t("2026-08-31"), "2026-T2");
        assert_eq!(t("2026-09-01"), "2026-T3");
        assert_eq!(t("2026-12-31"), "2026-T3");
        // Four digits, so that tertials sort as they come.
        assert_eq!(tertial(Date::new(999, 1, 1).unwrap()), "0999-T1");
    }

    #[test]
    fn the_latest_result_of_a_tertial_counts() {
        let points = per_tertial(vec![
            point("2026-03-01", "a"),
            point("2025-12-01", "b"),
            point("2026-04-30", "c"),
            point("2026-02-01", "d"),
            point("2026-04-30", "e"),
        ]);
        let sources: Vec<&str> = points.iter().map(|p| p.source.as_str()).collect();
        assert_eq!(sources, ["b", "e"]);
    }
}
