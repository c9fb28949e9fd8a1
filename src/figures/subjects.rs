//! What the figures need to know of a finding's subject: its name, service area and owner,
//! and which rules looked at it.

use crate::finding::Subject;
use crate::model::{Portfolio, Project};
use crate::settings::Settings;
use std::collections::{HashMap, HashSet};

/// The subjects of one check, looked up by id, and the subjects each enabled rule checked.
pub struct Subjects<'a> {
    portfolio: &'a Portfolio,
    projects: HashMap<&'a str, &'a Project>,
    /// Enabled rule code → the subjects it looked at (see `rules::checked_subjects`).
    checked: HashMap<String, HashSet<Subject>>,
}

impl<'a> Subjects<'a> {
    pub fn new(portfolio: &'a Portfolio, settings: &Settings) -> Subjects<'a> {
        let mut projects = HashMap::new();
        for p in &portfolio.projects {
            projects.entry(p.id.as_str()).or_insert(p);
        }
        let checked = settings
            .enabled_codes()
            .into_iter()
            .map(|code| {
                let subjects = crate::rules::checked_subjects(code, portfolio, settings);
                (code.to_string(), subjects.into_iter().collect())
            })
            .collect();
        Subjects {
            portfolio,
            projects,
            checked,
        }
    }

    /// The subjects `code` looked at (empty for a rule that is off).
    pub fn checked(&self, code: &str) -> Option<&HashSet<Subject>> {
        self.checked.get(code)
    }

    /// Every subject some enabled rule looked at.
    pub fn all_checked(&self) -> impl Iterator<Item = &Subject> {
        self.checked.values().flatten()
    }

    /// The tjenesteområde of a system or project, as written.
    pub fn area(&self, subject: &Subject) -> Option<&'a str> {
        match subject {
            Subject::System(id) => self.portfolio.system(id)?.service_area.as_deref(),
            Subject::Project(id) => self.projects.get(id.as_str())?.service_area.as_deref(),
            Subject::Portfolio | Subject::Avvik(_) => None,
        }
        .map(str::trim)
        .filter(|a| !a.is_empty())
    }

    /// Who owns it: the systemeier of a system, the prosjekteier of a project.
    pub fn owner(&self, subject: &Subject) -> Option<&'a str> {
        match subject {
            Subject::System(id) => self.portfolio.system(id)?.owner.as_deref(),
            Subject::Project(id) => self.projects.get(id.as_str())?.owner.as_deref(),
            Subject::Portfolio | Subject::Avvik(_) => None,
        }
        .map(str::trim)
        .filter(|o| !o.is_empty())
    }

    /// Its `merknad`, as written.
    pub fn note(&self, subject: &Subject) -> Option<&'a str> {
        note(self.portfolio, subject)
    }

    /// Its name as written (`navn`), if it has one.
    pub fn name(&self, subject: &Subject) -> Option<&'a str> {
        match subject {
            Subject::System(id) => Some(self.portfolio.system(id)?.name.as_str()),
            Subject::Project(id) => Some(self.projects.get(id.as_str())?.name.as_str()),
            Subject::Portfolio | Subject::Avvik(_) => None,
        }
    }
}

/// The `merknad` of a system or project, as written (the first project of an id, as
/// everywhere else); none for the portfolio and register entries, or when blank.
pub fn note<'a>(portfolio: &'a Portfolio, subject: &Subject) -> Option<&'a str> {
    match subject {
        Subject::System(id) => portfolio.system(id)?.note.as_deref(),
        Subject::Project(id) => portfolio.project(id)?.note.as_deref(),
        Subject::Portfolio | Subject::Avvik(_) => None,
    }
    .filter(|n| !n.trim().is_empty())
}

/// How many subjects of each kind: «12 systemer og 3 prosjekter».
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Tally {
    pub systems: usize,
    pub projects: usize,
    /// The portfolio as a whole (INNUT-05).
    pub portfolio: usize,
    /// Entries of the deviation register (the AVV rules).
    pub deviations: usize,
}

impl Tally {
    pub fn of<'s>(subjects: impl IntoIterator<Item = &'s Subject>) -> Tally {
        let mut t = Tally::default();
        for s in subjects {
            match s {
                Subject::System(_) => t.systems += 1,
                Subject::Project(_) => t.projects += 1,
                Subject::Portfolio => t.portfolio += 1,
                Subject::Avvik(_) => t.deviations += 1,
            }
        }
        t
    }

    pub fn total(self) -> usize {
        self.systems + self.projects + self.portfolio + self.deviations
    }
}
