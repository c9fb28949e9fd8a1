//! The compliance matrix: each system and project against each principle, so the reader
//! sees what was checked and passed next to what failed.

use super::subjects::Subjects;
use crate::finding::{Finding, Subject};
use crate::katalog::Principle;
use crate::model::Portfolio;
use crate::settings::Settings;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Cell {
    /// A rule of the principle looked at the subject and found nothing.
    Ok,
    /// At least one finding of the principle on the subject is open (or known from the
    /// baseline): the principle is broken.
    Brudd,
    /// Every finding of the principle on the subject is covered by an approved deviation.
    Avvik,
    /// No enabled rule of the principle looks at this subject.
    IkkeRelevant,
}

impl Cell {
    pub fn name(self) -> &'static str {
        match self {
            Cell::Ok => "ok",
            Cell::Brudd => "brudd",
            Cell::Avvik => "avvik",
            Cell::IkkeRelevant => "ikke_relevant",
        }
    }
}

/// A column: one principle (its prefix and its enabled rules).
#[derive(Debug, Clone, Serialize)]
pub struct Column {
    pub prefix: String,
    /// The prefix, or the rule codes where several principles share it.
    pub label: String,
    pub rules: Vec<String>,
    #[serde(skip)]
    pub index: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Row {
    #[serde(skip)]
    pub subject: Subject,
    /// system, prosjekt or portefolje.
    pub kind: &'static str,
    pub id: Option<String>,
    pub name: Option<String>,
    pub area: Option<String>,
    /// The subject's `merknad`, as written.
    #[serde(rename = "merknad")]
    pub note: Option<String>,
    pub cells: Vec<Cell>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Matrix {
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

/// The principles that have an enabled rule, in the catalogue's order. The deviation
/// register's own rules (AVV) are about register entries, not systems or projects, and
/// are shown in the register instead.
pub fn columns(settings: &Settings) -> Vec<Column> {
    settings
        .katalog
        .principles
        .iter()
        .enumerate()
        .filter(|(_, p)| p.principle.prefix != "AVV")
        .filter_map(|(index, p): (usize, &Principle)| {
            let rules: Vec<String> = p
                .rule
                .iter()
                .map(|r| r.code.clone())
                .filter(|c| settings.is_enabled(c))
                .collect();
            (!rules.is_empty()).then(|| Column {
                prefix: p.principle.prefix.clone(),
                label: super::principle_label(&settings.katalog, index),
                rules,
                index,
            })
        })
        .collect()
}

/// Rows: every inventory system, every judged project, and the portfolio as a whole when
/// a rule looks at it; in that order, each as written.
pub fn compute(
    portfolio: &Portfolio,
    findings: &[Finding],
    settings: &Settings,
    subjects: &Subjects,
) -> Matrix {
    let columns = columns(settings);
    let mut order: Vec<Subject> = portfolio
        .systems
        .iter()
        .map(|s| Subject::System(s.id.clone()))
        .chain(
            portfolio
                .judged_projects()
                .map(|p| Subject::Project(p.id.clone())),
        )
        .collect();
    let portfolio_checked = columns.iter().flat_map(|c| &c.rules).any(|code| {
        subjects
            .checked(code)
            .is_some_and(|s| s.contains(&Subject::Portfolio))
    });
    if portfolio_checked {
        order.push(Subject::Portfolio);
    }
    let mut seen = std::collections::HashSet::new();
    order.retain(|s| seen.insert(s.clone()));
    let mut by_subject: std::collections::HashMap<&Subject, Vec<&Finding>> =
        std::collections::HashMap::new();
    for f in findings {
        by_subject.entry(&f.subject).or_default().push(f);
    }
    let rows = order
        .into_iter()
        .map(|subject| {
            let theirs = by_subject.get(&subject).map_or(&[][..], Vec::as_slice);
            let cells = columns
                .iter()
                .map(|column| cell(&subject, column, theirs, subjects))
                .collect();
            Row {
                kind: subject.kind(),
                id: subject.id().map(str::to_string),
                name: subjects.name(&subject).map(str::to_string),
                area: subjects.area(&subject).map(str::to_string),
                note: subjects.note(&subject).map(str::to_string),
                subject,
                cells,
            }
        })
        .collect();
    Matrix { columns, rows }
}

/// The cell of one subject under one principle, from the subject's own findings.
fn cell(subject: &Subject, column: &Column, theirs: &[&Finding], subjects: &Subjects) -> Cell {
    let mut covered = false;
    for f in theirs.iter().filter(|f| column.rules.contains(&f.code)) {
        if f.is_violation() {
            return Cell::Brudd;
        }
        covered = true;
    }
    if covered {
        return Cell::Avvik;
    }
    let looked = column
        .rules
        .iter()
        .any(|code| subjects.checked(code).is_some_and(|s| s.contains(subject)));
    if looked { Cell::Ok } else { Cell::IkkeRelevant }
}
