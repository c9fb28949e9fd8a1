//! The summary: findings grouped by principle, then by rule and by what is missing, as
//! counts over the subjects each rule checked; and the same per service area and owner.
//! «29 av 34 systemer mangler drift» instead of 29 lines that say so one at a time.

use super::subjects::{Subjects, Tally};
use crate::finding::{Finding, Subject};
use crate::settings::Settings;
use serde::Serialize;
use std::collections::{BTreeSet, HashSet};

#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// Worst first: most subjects in breach, then most findings, then catalogue order.
    pub principles: Vec<PrincipleSummary>,
    /// Per tjenesteområde (null: not stated), worst first.
    pub areas: Vec<GroupSummary>,
    /// Per owner: a system's systemeier, a project's prosjekteier (null: not stated).
    pub owners: Vec<GroupSummary>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PrincipleSummary {
    pub prefix: String,
    /// The prefix, or the rule codes where several principles share it (`principle_label`).
    pub label: String,
    /// The principle's place in the catalogue (the kommune's own rules come last).
    #[serde(skip)]
    pub index: usize,
    /// Subjects any of its rules looked at.
    pub checked: Tally,
    /// Of those, subjects with at least one violation (open or known from the baseline).
    pub violating: Tally,
    /// Findings that are violations.
    pub violations: usize,
    /// Findings covered by an approved deviation.
    pub avvik: usize,
    pub rules: Vec<RuleSummary>,
    #[serde(skip)]
    order: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct RuleSummary {
    pub code: String,
    pub checked: Tally,
    pub violating: Tally,
    pub violations: usize,
    pub avvik: usize,
    /// For rules that list what is missing: per key, the subjects that lack it, most first.
    pub missing: Vec<MissingSummary>,
    #[serde(skip)]
    order: usize,
}

/// Keys that exactly the same subjects lack, so one line can say «29 av 34 systemer
/// mangler drift, livslop og systemeier».
#[derive(Debug, Clone, Serialize)]
pub struct MissingSummary {
    pub keys: Vec<&'static str>,
    pub violating: Tally,
}

#[derive(Debug, Clone, Serialize)]
pub struct GroupSummary {
    pub name: Option<String>,
    /// Systems and projects of the group that some rule looked at.
    pub checked: Tally,
    pub violating: Tally,
    pub violations: usize,
}

pub fn compute(findings: &[Finding], settings: &Settings, subjects: &Subjects) -> Summary {
    let mut principles: Vec<PrincipleSummary> = settings
        .katalog
        .principles
        .iter()
        .enumerate()
        .filter_map(|(order, p)| {
            let mut rules: Vec<RuleSummary> = p
                .rule
                .iter()
                .enumerate()
                .filter(|(_, r)| settings.is_enabled(&r.code))
                .map(|(order, r)| rule(&r.code, order, findings, subjects))
                .collect();
            if rules.is_empty() {
                return None;
            }
            rules.sort_by_key(|r| {
                (
                    std::cmp::Reverse((r.violating.total(), r.violations)),
                    r.order,
                )
            });
            let codes: Vec<&str> = rules.iter().map(|r| r.code.as_str()).collect();
            let mine = || findings.iter().filter(|f| codes.contains(&f.code.as_str()));
            let checked: HashSet<&Subject> = codes
                .iter()
                .filter_map(|c| subjects.checked(c))
                .flatten()
                .chain(mine().map(|f| &f.subject))
                .collect();
            let violating: HashSet<&Subject> = mine()
                .filter(|f| f.is_violation())
                .map(|f| &f.subject)
                .collect();
            Some(PrincipleSummary {
                prefix: p.principle.prefix.clone(),
                label: super::principle_label(&settings.katalog, order),
                index: order,
                checked: Tally::of(checked),
                violating: Tally::of(violating),
                violations: mine().filter(|f| f.is_violation()).count(),
                avvik: mine().filter(|f| !f.is_violation()).count(),
                rules,
                order,
            })
        })
        .collect();
    principles.sort_by_key(|p| {
        (
            std::cmp::Reverse((p.violating.total(), p.violations)),
            p.order,
        )
    });
    Summary {
        principles,
        areas: groups(findings, subjects, |s| subjects.area(s)),
        owners: groups(findings, subjects, |s| subjects.owner(s)),
    }
}

fn rule(code: &str, order: usize, findings: &[Finding], subjects: &Subjects) -> RuleSummary {
    let mine: Vec<&Finding> = findings.iter().filter(|f| f.code == code).collect();
    let checked: HashSet<&Subject> = subjects
        .checked(code)
        .into_iter()
        .flatten()
        .chain(mine.iter().map(|f| &f.subject))
        .collect();
    let violations: Vec<&&Finding> = mine.iter().filter(|f| f.is_violation()).collect();
    // Keys in the order the rule lists them (first seen), each with who lacks it.
    let mut keys: Vec<(&'static str, BTreeSet<&Subject>)> = Vec::new();
    for f in &violations {
        for key in &f.missing {
            match keys.iter_mut().find(|(k, _)| k == key) {
                Some((_, lacking)) => {
                    lacking.insert(&f.subject);
                }
                None => keys.push((key, BTreeSet::from([&f.subject]))),
            }
        }
    }
    let mut missing: Vec<(Vec<&'static str>, BTreeSet<&Subject>)> = Vec::new();
    for (key, lacking) in keys {
        match missing.iter_mut().find(|(_, same)| *same == lacking) {
            Some((group, _)) => group.push(key),
            None => missing.push((vec![key], lacking)),
        }
    }
    // Most first; ties in the order the rule lists its keys (the sort is stable).
    missing.sort_by_key(|(_, lacking)| std::cmp::Reverse(lacking.len()));
    let missing = missing
        .into_iter()
        .map(|(keys, lacking)| MissingSummary {
            keys,
            violating: Tally::of(lacking),
        })
        .collect();
    RuleSummary {
        code: code.to_string(),
        checked: Tally::of(checked),
        violating: Tally::of(
            violations
                .iter()
                .map(|f| &f.subject)
                .collect::<HashSet<_>>(),
        ),
        violations: violations.len(),
        avvik: mine.len() - violations.len(),
        missing,
        order,
    }
}

/// Systems and projects grouped by `key` (area or owner), worst first; the group of those
/// that state none comes last among equals.
fn groups<'a>(
    findings: &[Finding],
    subjects: &Subjects<'a>,
    key: impl Fn(&Subject) -> Option<&'a str>,
) -> Vec<GroupSummary> {
    use std::collections::BTreeMap;
    let is_entity = |s: &Subject| matches!(s, Subject::System(_) | Subject::Project(_));
    let mut checked: BTreeMap<Option<&str>, HashSet<&Subject>> = BTreeMap::new();
    for subject in subjects.all_checked().filter(|s| is_entity(s)) {
        checked.entry(key(subject)).or_default().insert(subject);
    }
    let mut violating: BTreeMap<Option<&str>, (HashSet<&Subject>, usize)> = BTreeMap::new();
    for f in findings
        .iter()
        .filter(|f| f.is_violation() && is_entity(&f.subject))
    {
        let group = key(&f.subject);
        checked.entry(group).or_default().insert(&f.subject);
        let entry = violating.entry(group).or_default();
        entry.0.insert(&f.subject);
        entry.1 += 1;
    }
    let mut out: Vec<GroupSummary> = checked
        .into_iter()
        .map(|(name, subjects)| {
            let (bad, count) = violating.remove(&name).unwrap_or_default();
            GroupSummary {
                name: name.map(str::to_string),
                checked: Tally::of(subjects),
                violating: Tally::of(bad),
                violations: count,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        (b.violations, b.violating.total())
            .cmp(&(a.violations, a.violating.total()))
            .then_with(|| a.name.is_none().cmp(&b.name.is_none()))
            .then_with(|| a.name.cmp(&b.name))
    });
    out
}
