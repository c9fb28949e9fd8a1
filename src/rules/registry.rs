//! One row per rule: its code, what it looks at, and the principle module that checks it.
//! The rule lists, each rule's scope and the check order are derived from these rows; a
//! test holds them equal to the catalogue (rules/*.toml) and the fixtures (tests/rules/).

use super::{Checker, SystemUse, all_systems, new_systems, systems_in_service};
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
    /// Every system of the inventory that is not retired, on its own.
    InventoryInService,
    /// New systems: those of judged projects (their project is the subject) and planned
    /// inventory systems no judged project brings in.
    NewSystems,
    /// Every system, each once (see `rules::all_systems`).
    Systems,
    /// Every system that is not retired, each once (see `rules::systems_in_service`).
    SystemsInService,
    /// Judged projects and every system.
    ProjectsAndSystems,
    /// The judged projects for which the test holds.
    Projects(fn(&Project) -> bool),
    /// The ideas (`fase: ide`), which no other rule judges.
    Ideas,
}

/// A rule: its code (as in rules/*.toml), its scope and its parameters.
pub struct Rule {
    pub code: &'static str,
    pub scope: Scope,
    pub params: &'static [Param],
}

impl Rule {
    /// A rule without parameters.
    pub const fn new(code: &'static str, scope: Scope) -> Rule {
        Rule {
            code,
            scope,
            params: &[],
        }
    }

    /// A rule with parameters.
    pub const fn with(code: &'static str, scope: Scope, params: &'static [Param]) -> Rule {
        Rule {
            code,
            scope,
            params,
        }
    }
}

/// A rule parameter's place in the catalogue (`[rule.params.NAME]`), by code and name.
/// Rules read it through a typed constant (`Int` or `Number`), so a parameter that does
/// not exist is a name the compiler does not know; a test holds the constants equal to
/// the catalogue's parameters and their types.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Param {
    pub code: &'static str,
    pub name: &'static str,
    pub number: bool,
}

/// An integer parameter (months, days).
#[derive(Clone, Copy)]
pub struct Int(pub Param);

/// A number parameter (a share, a ratio); an integer in prinsipp.toml is read as one.
#[derive(Clone, Copy)]
pub struct Number(pub Param);

impl Int {
    pub const fn new(code: &'static str, name: &'static str) -> Int {
        Int(Param {
            code,
            name,
            number: false,
        })
    }

    /// Its value in these settings. Settings hold every catalogued parameter (its default,
    /// or prinsipp.toml's value, checked when read), and a test holds the constants equal
    /// to the catalogue, so the fallback is never taken.
    pub fn get(self, settings: &crate::settings::Settings) -> i64 {
        settings
            .param(self.0.code, self.0.name)
            .and_then(toml::Value::as_integer)
            .unwrap_or_default()
    }
}

impl Number {
    pub const fn new(code: &'static str, name: &'static str) -> Number {
        Number(Param {
            code,
            name,
            number: true,
        })
    }

    /// Its value in these settings (an integer is read as a number).
    pub fn get(self, settings: &crate::settings::Settings) -> f64 {
        let value = settings.param(self.0.code, self.0.name);
        value
            .and_then(|v| v.as_float().or_else(|| v.as_integer().map(|i| i as f64)))
            .unwrap_or_default()
    }
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
            Scope::InventoryInService => p
                .systems
                .iter()
                .filter(|s| s.in_service())
                .map(|s| Subject::System(s.id.clone()))
                .collect(),
            Scope::NewSystems => new_systems(p).iter().map(SystemUse::subject).collect(),
            Scope::Systems => systems(),
            Scope::SystemsInService => systems_in_service(p)
                .iter()
                .map(SystemUse::subject)
                .collect(),
            Scope::ProjectsAndSystems => {
                let mut all = projects(any_project);
                all.extend(systems());
                all
            }
            Scope::Projects(keep) => projects(keep),
            Scope::Ideas => p
                .projects
                .iter()
                .filter(|pr| pr.phase == Some(Fase::Ide))
                .map(|pr| Subject::Project(pr.id.clone()))
                .collect(),
        };
        let mut seen = std::collections::HashSet::new();
        subjects.retain(|s| seen.insert(s.clone()));
        subjects
    }
}
