//! The rules: pure functions of the portfolio, their parameters and the evaluation date.
//! One module per principle; each has a `check` that emits findings through `Checker`.

mod avv;
mod fk;
mod gev;
mod innut;
mod refs;
mod sky;

use crate::finding::{Finding, Severity, Status, Subject};
use crate::katalog::Katalog;
use crate::model::*;
use crate::text::Text;

/// Everything a rule may look at.
pub struct Checker<'a> {
    pub portfolio: &'a Portfolio,
    pub katalog: &'a Katalog,
    pub date: Date,
    findings: Vec<Finding>,
}

/// Runs every rule and applies the deviation register. Findings come back sorted by
/// (file, line, column, code, subject) so output is the same for the same input.
pub fn check(portfolio: &Portfolio, katalog: &Katalog, date: Date) -> Vec<Finding> {
    let mut c = Checker {
        portfolio,
        katalog,
        date,
        findings: Vec::new(),
    };
    sky::check(&mut c);
    innut::check(&mut c);
    fk::check(&mut c);
    gev::check(&mut c);
    refs::check(&mut c);
    avv::check(&mut c);
    let mut findings = c.findings;
    findings.sort_by(|a, b| {
        (
            a.at.file,
            a.at.line,
            a.at.column,
            a.code,
            &a.subject,
            &a.path,
        )
            .cmp(&(
                b.at.file,
                b.at.line,
                b.at.column,
                b.code,
                &b.subject,
                &b.path,
            ))
    });
    findings
}

impl<'a> Checker<'a> {
    /// Records a finding at the rule's own severity.
    pub fn emit(
        &mut self,
        code: &'static str,
        subject: Subject,
        at: Pos,
        path: String,
        message: Text,
    ) -> &mut Finding {
        let severity = self
            .katalog
            .rule(code)
            .map_or(Severity::Feil, |r| r.severity);
        self.findings.push(Finding {
            code,
            severity,
            subject,
            system: None,
            message,
            at,
            path,
            status: Status::Open,
        });
        let last = self.findings.len() - 1;
        &mut self.findings[last]
    }

    /// An integer rule parameter.
    pub fn param_int(&self, code: &str, name: &str) -> i64 {
        self.katalog
            .param(code, name)
            .and_then(toml::Value::as_integer)
            .unwrap_or_else(|| panic!("rules/: {code} has no integer parameter {name}"))
    }

    /// A number rule parameter (integers are accepted as numbers).
    pub fn param_float(&self, code: &str, name: &str) -> f64 {
        let value = self.katalog.param(code, name);
        value
            .and_then(|v| v.as_float().or_else(|| v.as_integer().map(|i| i as f64)))
            .unwrap_or_else(|| panic!("rules/: {code} has no number parameter {name}"))
    }
}

/// A new system as the rules see it: where it was named, and the system itself when known.
pub struct NewSystemUse<'a> {
    /// The project that brings it in; `None` for a planned inventory system no project names.
    pub project: Option<&'a Project>,
    /// Its index in the project's `nye_systemer`.
    pub index: usize,
    /// The system's fields: written inline, or the inventory entry a reference names.
    pub system: Option<&'a System>,
    /// True for `- system: id`: the fields live in the inventory, the entry in the project.
    pub is_reference: bool,
    pub entry_at: Pos,
    pub id: &'a str,
}

impl<'a> NewSystemUse<'a> {
    pub fn subject(&self) -> Subject {
        match self.project {
            Some(p) => Subject::Project(p.id.clone()),
            None => Subject::System(self.id.to_string()),
        }
    }

    /// The logical path of `field` of this new system (empty `field`: the entry itself).
    pub fn path(&self, field: &str) -> String {
        let base = match self.project {
            Some(_) => format!("/prosjekt/nye_systemer/{}", self.index),
            None => "/system".to_string(),
        };
        if field.is_empty() {
            base
        } else {
            format!("{base}/{field}")
        }
    }

    /// Where a finding on `field` points: the key when the fields are written here,
    /// the project's entry when they live in the inventory.
    pub fn at(&self, field: &str) -> Pos {
        match (self.is_reference, self.system) {
            (false, Some(system)) => system.spans.key(field),
            _ => self.entry_at,
        }
    }
}

/// Every new system: the `nye_systemer` of judged projects, then the inventory systems in
/// planlagt/innfasing that no project names (those are judged on their own).
pub fn new_systems(p: &Portfolio) -> Vec<NewSystemUse<'_>> {
    let mut out = Vec::new();
    for project in p.judged_projects() {
        for (index, entry) in project.new_systems.iter().enumerate() {
            let (system, is_reference) = match entry {
                NewSystem::Inline(s) => (Some(s.as_ref()), false),
                NewSystem::Reference { id, .. } => (p.system(id), true),
            };
            out.push(NewSystemUse {
                project: Some(project),
                index,
                system,
                is_reference,
                entry_at: entry.at(),
                id: entry.id(),
            });
        }
    }
    let named = |id: &str| {
        p.projects
            .iter()
            .any(|pr| pr.new_systems.iter().any(|n| n.id() == id))
    };
    for system in &p.systems {
        if matches!(
            system.lifecycle,
            Some(Livslop::Planlagt | Livslop::Innfasing)
        ) && !named(&system.id)
        {
            out.push(NewSystemUse {
                project: None,
                index: 0,
                system: Some(system),
                is_reference: false,
                entry_at: system.spans.at,
                id: &system.id,
            });
        }
    }
    out
}

/// Every system a rule on "any system" looks at: the inventory (subject system) and the
/// inline new systems of judged projects (subject project, path under nye_systemer).
pub fn all_systems(p: &Portfolio) -> Vec<(&System, Subject, String)> {
    let mut out: Vec<_> = p
        .systems
        .iter()
        .map(|s| (s, Subject::System(s.id.clone()), "/system".to_string()))
        .collect();
    for project in p.judged_projects() {
        for (index, entry) in project.new_systems.iter().enumerate() {
            if let NewSystem::Inline(s) = entry {
                out.push((
                    s.as_ref(),
                    Subject::Project(project.id.clone()),
                    format!("/prosjekt/nye_systemer/{index}"),
                ));
            }
        }
    }
    out
}

/// A text counts as given when it has more than whitespace.
pub fn given(text: &Option<String>) -> bool {
    text.as_deref().is_some_and(|t| !t.trim().is_empty())
}
