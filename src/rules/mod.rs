//! The rules: pure functions of the portfolio, their parameters and the evaluation date.
//! One module per principle; each has a `check` that emits findings through `Checker`.

mod ark;
mod arkf;
mod avv;
mod data;
mod egne;
mod fk;
mod fond;
mod gev;
mod gjen;
mod hyl;
mod innut;
mod inv;
mod kn;
mod mil;
mod pros;
mod pv;
mod pvn;
mod refs;
pub mod registry;
mod sam;
mod sik;
mod sky;
mod standard;
mod uu;

pub use avv::{DAGER as DEVIATION_NOTICE_DAYS, covers};
pub use fk::project_uses;
pub use innut::portfolio_in_and_out;

use crate::finding::{Finding, Severity, Status, Subject};
use crate::katalog::Katalog;
use crate::model::*;
use crate::settings::Settings;
use crate::text::Text;
use std::borrow::Cow;

/// Everything a rule may look at.
pub struct Checker<'a> {
    pub portfolio: &'a Portfolio,
    pub settings: &'a Settings,
    pub katalog: &'a Katalog,
    pub date: Date,
    findings: Vec<Finding>,
}

/// Every principle module, in the catalogue's order (rules/*.toml); a module's row lists
/// its rules (see `registry`).
pub const PRINCIPLES: &[&registry::Principle] = &[
    &sky::PRINCIPLE,
    &innut::PRINCIPLE,
    &fk::PRINCIPLE,
    &gev::PRINCIPLE,
    &gjen::PRINCIPLE,
    &sam::PRINCIPLE,
    &mil::PRINCIPLE,
    &pros::PRINCIPLE,
    &arkf::PRINCIPLE,
    &pv::PRINCIPLE,
    &kn::PRINCIPLE,
    &fond::PRINCIPLE,
    &pvn::PRINCIPLE,
    &sik::PRINCIPLE,
    &uu::PRINCIPLE,
    &standard::PRINCIPLE,
    &hyl::PRINCIPLE,
    &ark::PRINCIPLE,
    &inv::PRINCIPLE,
    &data::PRINCIPLE,
    &refs::PRINCIPLE,
    &avv::PRINCIPLE,
];

/// The registry row of a built-in rule.
pub fn rule(code: &str) -> Option<&'static registry::Rule> {
    PRINCIPLES
        .iter()
        .flat_map(|p| p.rules.iter())
        .find(|r| r.code == code)
}

/// The catalogue the rules judge a portfolio by: the settings' own, with the kommune's own
/// identity provider (kommune.yaml) as a component that covers staff login.
pub fn katalog_for<'a>(portfolio: &Portfolio, settings: &'a Settings) -> Cow<'a, Katalog> {
    let kommune = &portfolio.kommune;
    match &kommune.identity_provider {
        Some(idp) => Cow::Owned(settings.katalog.with_identity_provider(idp, &kommune.name)),
        None => Cow::Borrowed(&settings.katalog),
    }
}

/// Runs every enabled rule and applies the deviation register. Findings come back sorted
/// by (file, line, column, code, subject) so output is the same for the same input.
pub fn check(portfolio: &Portfolio, settings: &Settings, date: Date) -> Vec<Finding> {
    use rayon::prelude::*;
    let katalog = katalog_for(portfolio, settings);
    let checker = || Checker {
        portfolio,
        settings,
        katalog: &katalog,
        date,
        findings: Vec::new(),
    };
    // A principle whose rules are all off is not run at all. The principles are
    // independent of each other: each runs on its own checker, on any core, and their
    // findings are joined in the catalogue's order (then sorted below).
    let on = |p: &registry::Principle| p.rules.iter().any(|r| settings.is_enabled(r.code));
    let principles: Vec<&&registry::Principle> =
        PRINCIPLES.iter().filter(|p| !p.last && on(p)).collect();
    let found: Vec<Vec<Finding>> = principles
        .par_iter()
        .map(|principle| {
            let mut c = checker();
            (principle.check)(&mut c);
            c.findings
        })
        .collect();
    let mut c = checker();
    c.findings = found.into_iter().flatten().collect();
    egne::check(&mut c);
    // Rules that are off leave no findings, so an avvik for them covers nothing.
    c.findings.retain(|f| settings.is_enabled(&f.code));
    // The register always runs: applying approved deviations is not one of its rules.
    for principle in PRINCIPLES.iter().filter(|p| p.last) {
        (principle.check)(&mut c);
    }
    c.findings.retain(|f| settings.is_enabled(&f.code));
    let mut findings = c.findings;
    for f in &mut findings {
        f.section = settings.section(&f.code);
    }
    findings.sort_by(|a, b| {
        (
            a.at.file,
            a.at.line,
            a.at.column,
            &a.code,
            &a.subject,
            &a.path,
        )
            .cmp(&(
                b.at.file,
                b.at.line,
                b.at.column,
                &b.code,
                &b.subject,
                &b.path,
            ))
    });
    set_fingerprints(&mut findings);
    findings
}

/// Gives every finding its fingerprint, unique within the run: when two findings share
/// rule, subject and path (two integrations from one system to the same target), the
/// second and later, in file order, get `~2`, `~3`… after their path. (`~` followed by
/// a digit other than 0 or 1 never occurs in a path otherwise: `key` escapes `~` as `~0`.)
fn set_fingerprints(findings: &mut [Finding]) {
    let mut seen: std::collections::HashMap<(String, &'static str, String, String), usize> =
        std::collections::HashMap::new();
    for f in findings.iter_mut() {
        let identity = (
            f.code.clone(),
            f.subject.kind(),
            f.subject.id().unwrap_or("").to_string(),
            f.path.clone(),
        );
        let count = seen.entry(identity).or_insert(0);
        *count += 1;
        if *count > 1 {
            f.path = format!("{}~{count}", f.path);
        }
        f.fingerprint = crate::finding::fingerprint(
            &f.code,
            f.subject.kind(),
            f.subject.id().unwrap_or(""),
            &f.path,
        );
    }
}

impl<'a> Checker<'a> {
    /// Records a finding at the rule's severity (as prinsipp.toml may have set it).
    pub fn emit(
        &mut self,
        code: &str,
        subject: Subject,
        at: Pos,
        path: String,
        message: impl Into<Text>,
    ) -> &mut Finding {
        self.emit_graded(false, code, subject, at, path, message.into())
    }

    /// Records a finding of a rule that is milder in an earlier phase or a lighter case
    /// (GEV-01 in konsept, PVN-01 for vanlige): with `mild`, `advarsel` unless
    /// prinsipp.toml set the rule's severity, which then applies to every finding of it.
    pub fn emit_graded(
        &mut self,
        mild: bool,
        code: &str,
        subject: Subject,
        at: Pos,
        path: String,
        message: impl Into<Text>,
    ) -> &mut Finding {
        let severity = self.severity(code, mild);
        self.push(code, severity, subject, at, path, message.into())
    }

    fn severity(&self, code: &str, mild: bool) -> Severity {
        match (mild, self.settings.severity_override(code)) {
            (true, None) => Severity::Advarsel,
            _ => self.settings.severity(code),
        }
    }

    fn push(
        &mut self,
        code: &str,
        severity: Severity,
        subject: Subject,
        at: Pos,
        path: String,
        message: Text,
    ) -> &mut Finding {
        self.findings.push(Finding {
            code: code.to_string(),
            severity,
            subject,
            system: None,
            // Free text the user wrote (a name, a standard) is quoted and cut.
            message: message.cut_quoted(),
            at,
            path,
            status: Status::Open,
            section: None,
            missing: Vec::new(),
            fingerprint: String::new(),
        });
        let last = self.findings.len() - 1;
        &mut self.findings[last]
    }

    /// An integer rule parameter, as these settings have it.
    pub fn int(&self, p: registry::Int) -> i64 {
        p.get(self.settings)
    }

    /// A number rule parameter, as these settings have it.
    pub fn number(&self, p: registry::Number) -> f64 {
        p.get(self.settings)
    }
}

/// A system as a rule judges it: on its own (an inventory system), or as part of the
/// project that brings it in (written inline in `nye_systemer`, or an inventory system the
/// project names with `- system: id`): a new system is judged once, with its project.
pub struct SystemUse<'a> {
    pub system: &'a System,
    /// The judged project that brings it in, and its index in that project's `nye_systemer`.
    pub project: Option<(&'a Project, usize)>,
    /// `- system: id`: the fields live in the inventory; findings point at the project's entry.
    pub is_reference: bool,
    entry_at: Pos,
}

impl<'a> SystemUse<'a> {
    pub fn subject(&self) -> Subject {
        match self.project {
            Some((p, _)) => Subject::Project(p.id.clone()),
            None => Subject::System(self.system.id.clone()),
        }
    }

    /// The logical path of `field` (empty: the system itself).
    pub fn path(&self, field: &str) -> String {
        let base = match self.project {
            Some(_) => format!("/prosjekt/nye_systemer/{}", key(&self.system.id)),
            None => "/system".to_string(),
        };
        if field.is_empty() {
            base
        } else {
            format!("{base}/{field}")
        }
    }

    /// Where a finding points: the first of `keys` that is written, else the system's entry.
    /// For a reference, always the entry in the project file, where the proposal is read.
    pub fn at(&self, keys: &[&str]) -> Pos {
        if self.is_reference {
            return self.entry_at;
        }
        keys.iter()
            .find_map(|k| self.system.spans.key_opt(k))
            .unwrap_or(self.entry_at)
    }

    /// Where a finding on a nested item (a dataset, an integration) points: the item, or
    /// for a reference the project's entry, as `at` does for keys.
    pub fn place(&self, item: Pos) -> Pos {
        if self.is_reference {
            self.entry_at
        } else {
            item
        }
    }

    /// A system no judged project brings in, in planlagt or innfasing, is new on its own.
    pub fn is_new(&self) -> bool {
        self.project.is_some()
            || matches!(
                self.system.lifecycle,
                Some(Livslop::Planlagt | Livslop::Innfasing)
            )
    }
}

/// Every system a rule on "any system" looks at, each once: the new systems of judged
/// projects (subject: the project), then the inventory systems no judged project brings in.
/// A planned system that only an idea names is judged on its own: ideas are not judged.
pub fn all_systems(p: &Portfolio) -> Vec<SystemUse<'_>> {
    let mut out = Vec::new();
    let mut named = std::collections::HashSet::new();
    for project in p.judged_projects() {
        for (index, entry) in project.new_systems.iter().enumerate() {
            let Some(system) = entry.resolve(p) else {
                continue;
            };
            let is_reference = entry.inline().is_none();
            if is_reference {
                named.insert(system.id.as_str());
            }
            out.push(SystemUse {
                system,
                project: Some((project, index)),
                is_reference,
                entry_at: entry.at(),
            });
        }
    }
    for system in &p.systems {
        if !named.contains(system.id.as_str()) {
            out.push(SystemUse {
                system,
                project: None,
                is_reference: false,
                entry_at: system.spans.at,
            });
        }
    }
    out
}

/// The systems of `all_systems` that are not retired (`livslop: avviklet`): a finding on a
/// retired system is one nobody can act on, unless it is about its archive or the data it
/// still holds, which the rules on those look at in `all_systems`.
pub fn systems_in_service(p: &Portfolio) -> Vec<SystemUse<'_>> {
    let mut systems = all_systems(p);
    systems.retain(|u| u.system.in_service());
    systems
}

/// The new systems: those of judged projects, and planned inventory systems on their own.
pub fn new_systems(p: &Portfolio) -> Vec<SystemUse<'_>> {
    all_systems(p)
        .into_iter()
        .filter(SystemUse::is_new)
        .collect()
}

impl Checker<'_> {
    /// A finding on a system: subject and path from how it is judged; a finding on a
    /// project's new system names that system, so an avvik may name it too.
    pub fn emit_on(
        &mut self,
        u: &SystemUse,
        code: &str,
        at: Pos,
        field: &str,
        message: impl Into<Text>,
    ) -> &mut Finding {
        self.emit_graded_on(false, u, code, at, field, message)
    }

    /// As `emit_on`, for a graded rule (see `emit_graded`).
    pub fn emit_graded_on(
        &mut self,
        mild: bool,
        u: &SystemUse,
        code: &str,
        at: Pos,
        field: &str,
        message: impl Into<Text>,
    ) -> &mut Finding {
        let finding = self.emit_graded(mild, code, u.subject(), at, u.path(field), message);
        if u.project.is_some() {
            finding.system = Some(u.system.id.clone());
        }
        finding
    }
}

/// PROS-01 and ARKF-01: a project bringing in new systems needs `key` before it is carried
/// out (an error from gjennomfore on, a warning while it is planned).
pub fn missing_before_new_systems(
    c: &mut Checker,
    code: &str,
    key: &str,
    has: fn(&Project) -> bool,
    message: Text,
) {
    for project in c.portfolio.judged_projects() {
        if project.new_systems.is_empty()
            || has(project)
            || !project.phase_at_least(Fase::Planlegge)
        {
            continue;
        }
        let subject = Subject::Project(project.id.clone());
        let at = project.spans.key("nye_systemer");
        let path = format!("/prosjekt/{key}");
        let mild = !project.phase_at_least(Fase::Gjennomfore);
        c.emit_graded(mild, code, subject, at, path, message.clone());
    }
}

/// An open project that brings in new systems has made an assessment (`key`) and says
/// what came of it; once it runs past gjennomfore the choice is made, and asking is noise.
/// `texts`: what to say when the assessment is missing, and when its konklusjon is.
pub fn open_project_assessed(
    c: &mut Checker,
    code: &str,
    key: &str,
    get: fn(&Project) -> &Option<Assessment>,
    texts: (Text, Text),
) {
    for project in c
        .portfolio
        .judged_projects()
        .filter(|p| p.is_open() && !p.new_systems.is_empty())
    {
        let (message, at) = match get(project) {
            None => (texts.0.clone(), project.spans.key("nye_systemer")),
            Some(a) if !given(&a.conclusion) => (texts.1.clone(), project.spans.key(key)),
            Some(_) => continue,
        };
        let subject = Subject::Project(project.id.clone());
        c.emit(code, subject, at, format!("/prosjekt/{key}"), message);
    }
}

/// What a rule on a document's age reports (a ROS, a DPIA, an access review).
pub enum Stale {
    /// No date, and no register that keeps it.
    Undated,
    /// Dated before the oldest date that still counts.
    Since(Date),
}

/// A dated document's age against `oldest`: `None` when it is recent enough, or undated
/// but kept in a register (Draftit), where its date is followed up.
pub fn stale(date: Option<Date>, register: &Option<String>, oldest: Date) -> Option<Stale> {
    match date {
        None if given(register) => None,
        None => Some(Stale::Undated),
        Some(date) if date < oldest => Some(Stale::Since(date)),
        Some(_) => None,
    }
}

/// The names of the texts that are not given, for a finding that lists what is missing.
pub fn missing<'k>(fields: &[(&'k str, &Option<String>)]) -> Vec<&'k str> {
    fields
        .iter()
        .filter(|(_, v)| !given(v))
        .map(|(k, _)| *k)
        .collect()
}

/// A segment of a logical path, escaped as in a JSON pointer. Paths name list items by what
/// they are (a system's id, a need's name), never by position, so a finding keeps its
/// fingerprint when an item is inserted above it.
pub fn key(name: &str) -> String {
    name.replace('~', "~0").replace('/', "~1")
}

/// A list item's path segment: its name, or `#N` (1-based) when it has none.
pub fn item_key(name: Option<&str>, index: usize) -> String {
    match name {
        Some(name) if !name.trim().is_empty() => key(name.trim()),
        _ => format!("#{}", index + 1),
    }
}

/// A text counts as given when it has more than whitespace.
pub fn given(text: &Option<String>) -> bool {
    text.as_deref().is_some_and(|t| !t.trim().is_empty())
}

/// The subjects a rule looks at, so a test report can list what passed as well as what
/// failed: a built-in rule's scope from its registry row, an own rule's from its target.
pub fn checked_subjects(code: &str, p: &Portfolio, settings: &Settings) -> Vec<Subject> {
    if let Some(rule) = rule(code) {
        return rule.scope.subjects(p);
    }
    match settings
        .own_rules
        .iter()
        .find(|r| r.code == code)
        .map(|r| r.target)
    {
        Some(crate::settings::Target::System) => registry::Scope::Systems.subjects(p),
        Some(_) => registry::Scope::Projects(registry::any_project).subjects(p),
        None => Vec::new(),
    }
}
