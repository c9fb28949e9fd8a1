//! One row per rule: its code, what it looks at, and the principle module that checks it.
//! The rule lists, each rule's scope and the check order are derived from these rows; a
//! test holds them equal to the catalogue (rules/*.toml) and the fixtures (tests/rules/).

use super::{Checker, SystemUse, all_systems, new_systems};
use crate::finding::Subject;
use crate::model::{Fase, Portfolio, Project};

/// What a rule looks at: the subjects that pass when it finds nothing.
#[derive(Clone, Copy)]
pub enum Scope {
    /// The portfolio as a whole.
    Portfolio,
    /// The entries of the deviation register.
    Register,
    /// Every system of the inventory, on its own.
    Inventory,
    /// New systems: those of judged projects (their project is the subject) and planned
    /// inventory systems no judged project brings in.
    NewSystems,
    /// Every system, each once (see `rules::all_systems`).
    Systems,
    /// Judged projects and every system.
    ProjectsAndSystems,
    /// The judged projects for which the test holds.
    Projects(fn(&Project) -> bool),
}

/// A rule: its code (as in rules/*.toml) and its scope.
pub struct Rule {
    pub code: &'static str,
    pub scope: Scope,
}

/// A principle module: its rules and the function that checks them all.
pub struct Principle {
    pub prefix: &'static str,
    pub rules: &'static [Rule],
    pub check: fn(&mut Checker),
    /// Runs after every other rule, on their findings (the deviation register).
    pub last: bool,
}

/// Every judged project.
pub fn any_project(_: &Project) -> bool {
    true
}

/// Projects from planlegge on.
pub fn planned(p: &Project) -> bool {
    p.phase_at_least(Fase::Planlegge)
}

impl Scope {
    /// The subjects this scope covers in a portfolio, each once, in portfolio order.
    pub fn subjects(self, p: &Portfolio) -> Vec<Subject> {
        let projects = |keep: fn(&Project) -> bool| {
            p.judged_projects()
                .filter(|pr| keep(pr))
                .map(|pr| Subject::Project(pr.id.clone()))
                .collect::<Vec<_>>()
        };
        let systems = || {
            all_systems(p)
                .iter()
                .map(SystemUse::subject)
                .collect::<Vec<_>>()
        };
        let mut subjects = match self {
            Scope::Portfolio => vec![Subject::Portfolio],
            Scope::Register => p
                .avvik
                .iter()
                .map(|a| Subject::Avvik(a.applies_to.clone()))
                .collect(),
            Scope::Inventory => p
                .systems
                .iter()
                .map(|s| Subject::System(s.id.clone()))
                .collect(),
            Scope::NewSystems => new_systems(p).iter().map(SystemUse::subject).collect(),
            Scope::Systems => systems(),
            Scope::ProjectsAndSystems => {
                let mut all = projects(any_project);
                all.extend(systems());
                all
            }
            Scope::Projects(keep) => projects(keep),
        };
        let mut seen = std::collections::HashSet::new();
        subjects.retain(|s| seen.insert(s.clone()));
        subjects
    }
}
