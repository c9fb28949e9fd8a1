//! Vi bruker nasjonale felleskomponenter (national shared components): FK-01..03.

use super::registry::{Principle, Rule, Scope, any_project};
use super::{Checker, all_systems};
use crate::finding::Subject;
use crate::katalog::Katalog;
use crate::model::*;
use crate::suggest::Suggester;
use crate::text::{Lang, Text, join_alternatives};

/// The rules of this principle, and what each looks at.
pub const PRINCIPLE: Principle = Principle {
    prefix: "FK",
    rules: &[
        Rule::new("FK-01", Scope::Projects(any_project)),
        Rule::new("FK-02", Scope::Inventory),
        Rule::new("FK-03", Scope::ProjectsAndSystems),
    ],
    check,
    last: false,
};

pub fn check(c: &mut Checker) {
    fk01_needs(c);
    fk02_provided(c);
    fk03_unknown_names(c);
}

/// A project uses a component: it lists it, or one of its new systems lists or integrates
/// with it. (FK-01, and the key figure on national components.)
pub fn project_uses(p: &Portfolio, project: &Project, component: &str) -> bool {
    project.components.contains(component)
        || project
            .new_systems
            .iter()
            .filter_map(|n| n.resolve(p))
            .any(|s| s.uses_component(component))
}

/// A project's catalogued need is met by a component the project uses.
fn fk01_needs(c: &mut Checker) {
    let p = c.portfolio;
    for project in p.judged_projects() {
        for (need, at) in &project.needs.0 {
            let Some(components) = c.katalog.components_for(need) else {
                continue;
            };
            if components.iter().any(|k| project_uses(p, project, k)) {
                continue;
            }
            let list: Vec<&str> = components.iter().map(String::as_str).collect();
            let message = Message::NeedNotMet {
                need,
                components: &list,
            };
            c.emit(
                "FK-01",
                Subject::Project(project.id.clone()),
                *at,
                format!("/prosjekt/behov/{}", super::key(need)),
                message,
            );
        }
    }
}

/// An active system that provides a catalogued capability uses (lists, or integrates with)
/// one of its components.
fn fk02_provided(c: &mut Checker) {
    for system in &c.portfolio.systems {
        if system.lifecycle != Some(Livslop::Aktiv) {
            continue;
        }
        for (capability, at) in &system.capabilities.0 {
            let Some(components) = c.katalog.components_for(capability) else {
                continue;
            };
            if components.iter().any(|k| system.uses_component(k)) {
                continue;
            }
            let list: Vec<&str> = components.iter().map(String::as_str).collect();
            let message = Message::ProvidedWithout {
                capability,
                components: &list,
            };
            c.emit(
                "FK-02",
                Subject::System(system.id.clone()),
                *at,
                format!("/system/kapabiliteter/{}", super::key(capability)),
                message,
            );
        }
    }
}

#[derive(Clone, Copy)]
enum ListKind {
    Capabilities,
    Components,
}

/// A name that is in no list of the catalogue.
struct Unknown<'a> {
    subject: Subject,
    /// The new system the name was written on, when the subject is its project.
    system: Option<String>,
    at: Pos,
    path: String,
    /// What the name should have been.
    what: Kind,
    name: String,
    near: Option<&'a str>,
}

/// The lists a name may be near, each indexed once for the whole rule.
struct Lookups<'a> {
    katalog: &'a Katalog,
    capabilities: Suggester<'a>,
    components: Suggester<'a>,
    standards: Suggester<'a>,
    /// Every system id and component: what an integration may name.
    targets: Suggester<'a>,
}

/// Reports every name of one list that the catalogue does not know.
fn unknown_names<'k>(
    lookups: &mut Lookups<'k>,
    out: &mut Vec<Unknown<'k>>,
    subject: &Subject,
    system: &Option<String>,
    names: &Names,
    path: &str,
    kind: ListKind,
) {
    let k = lookups.katalog;
    for (name, at) in &names.0 {
        let (known, what) = match kind {
            ListKind::Capabilities => (k.is_capability(name), Kind::Capability),
            ListKind::Components => (k.is_component(name), Kind::Component),
        };
        if known {
            continue;
        }
        let near = match kind {
            ListKind::Capabilities => lookups.capabilities.nearest(name),
            ListKind::Components => lookups.components.nearest(name),
        };
        out.push(Unknown {
            subject: subject.clone(),
            system: system.clone(),
            at: *at,
            path: format!("{path}/{}", super::key(name)),
            what,
            name: name.clone(),
            near,
        });
    }
}

/// Names outside the catalogue silently switch FK-01 and FK-02 off, so each one is reported.
fn fk03_unknown_names(c: &mut Checker) {
    let p = c.portfolio;
    let k = c.katalog;
    let mut unknown: Vec<Unknown> = Vec::new();
    let inline_ids: std::collections::HashSet<&str> =
        p.inline_systems().map(|s| s.id.as_str()).collect();
    // Built once: every unknown name is looked up in the same few lists.
    let mut lookups = Lookups {
        katalog: k,
        capabilities: Suggester::new(k.capability_names()),
        components: Suggester::new(k.component_names()),
        standards: Suggester::new(k.standard_names()),
        targets: Suggester::new(
            p.systems
                .iter()
                .map(|s| s.id.as_str())
                .chain(inline_ids.iter().copied())
                .chain(k.component_names()),
        ),
    };

    for project in p.judged_projects() {
        let subject = Subject::Project(project.id.clone());
        unknown_names(
            &mut lookups,
            &mut unknown,
            &subject,
            &None,
            &project.needs,
            "/prosjekt/behov",
            ListKind::Capabilities,
        );
        unknown_names(
            &mut lookups,
            &mut unknown,
            &subject,
            &None,
            &project.components,
            "/prosjekt/felleskomponenter",
            ListKind::Components,
        );
    }
    for su in all_systems(p) {
        let (system, subject, base) = (su.system, su.subject(), su.path(""));
        let on = su.project.map(|_| system.id.clone());
        let start = unknown.len();
        unknown_names(
            &mut lookups,
            &mut unknown,
            &subject,
            &on,
            &system.capabilities,
            &format!("{base}/kapabiliteter"),
            ListKind::Capabilities,
        );
        unknown_names(
            &mut lookups,
            &mut unknown,
            &subject,
            &on,
            &system.components,
            &format!("{base}/felleskomponenter"),
            ListKind::Components,
        );
        for (i, integration) in system.integrations.iter().enumerate() {
            if let Some(standard) = integration
                .standard
                .as_deref()
                .filter(|s| !k.is_standard(s))
            {
                unknown.push(Unknown {
                    subject: subject.clone(),
                    system: on.clone(),
                    at: integration.spans.key("standard"),
                    path: format!(
                        "{base}/integrasjoner/{}/standard",
                        super::item_key(integration.party(), i)
                    ),
                    what: Kind::Standard,
                    name: standard.to_string(),
                    near: lookups.standards.nearest(standard),
                });
            }
            let known =
                |t: &str| p.system(t).is_some() || inline_ids.contains(t) || k.is_component(t);
            if let Some(target) = integration.target.as_deref().filter(|t| !known(t)) {
                unknown.push(Unknown {
                    subject: subject.clone(),
                    system: on.clone(),
                    at: integration.spans.key("mot"),
                    path: format!(
                        "{base}/integrasjoner/{}/mot",
                        super::item_key(integration.party(), i)
                    ),
                    what: Kind::Target,
                    name: target.to_string(),
                    near: lookups.targets.nearest(target),
                });
            }
        }
        // The names of a referenced system are written in the inventory; the finding goes
        // to the project's entry, with the system's path.
        for u in &mut unknown[start..] {
            u.at = su.place(u.at);
        }
    }

    for u in unknown {
        let message = Message::UnknownName {
            name: &u.name,
            what: u.what,
            near: u.near,
        };
        let finding = c.emit("FK-03", u.subject, u.at, u.path, message);
        finding.system = u.system;
    }
}

/// What a name outside the catalogue should have been, for FK-03.
#[derive(Clone, Copy)]
enum Kind {
    Capability,
    Component,
    Standard,
    /// What an integration may name: a system or a shared component.
    Target,
}

/// What the FK rules report: the facts, and their words in both languages.
enum Message<'a> {
    /// FK-01: no component that covers the need is used.
    NeedNotMet {
        need: &'a str,
        components: &'a [&'a str],
    },
    /// FK-02: no component that covers the capability is used.
    ProvidedWithout {
        capability: &'a str,
        components: &'a [&'a str],
    },
    /// FK-03, with the nearest known name if one is near.
    UnknownName {
        name: &'a str,
        what: Kind,
        near: Option<&'a str>,
    },
}

impl From<Message<'_>> for Text {
    fn from(m: Message) -> Text {
        match m {
            Message::NeedNotMet { need, components } => {
                let (it_nb, it_en) = if components.len() == 1 {
                    ("den", "it")
                } else {
                    ("noen av dem", "any of them")
                };
                Text::new(
                    format!(
                        "Behovet {need} dekkes av {}, men verken prosjektet eller de nye systemene bruker {it_nb}",
                        join_alternatives(components, Lang::Nb)
                    ),
                    format!(
                        "The need {need} is covered by {}, but neither the project nor its new systems use {it_en}",
                        join_alternatives(components, Lang::En)
                    ),
                )
            }
            Message::ProvidedWithout {
                capability,
                components,
            } => Text::new(
                format!(
                    "Systemet tilbyr {capability} uten å bruke {}",
                    join_alternatives(components, Lang::Nb)
                ),
                format!(
                    "The system provides {capability} without using {}",
                    join_alternatives(components, Lang::En)
                ),
            ),
            Message::UnknownName { name, what, near } => {
                // Names are free text: a long one is cut, not repeated whole.
                let name = crate::text::shorten(name);
                let (what_nb, what_en) = match what {
                    Kind::Capability => (
                        "en kapabilitet i katalogen",
                        "a capability in the catalogue",
                    ),
                    Kind::Component => (
                        "en felleskomponent i katalogen",
                        "a shared component in the catalogue",
                    ),
                    Kind::Standard => ("en standard i katalogen", "a standard in the catalogue"),
                    Kind::Target => (
                        "et system eller en felleskomponent",
                        "a system or a shared component",
                    ),
                };
                let (hint_nb, hint_en) = match near {
                    Some(near) => (
                        format!("; mente du «{near}»?"),
                        format!("; did you mean «{near}»?"),
                    ),
                    None => (String::new(), String::new()),
                };
                Text::new(
                    format!("«{name}» er ikke {what_nb}{hint_nb}"),
                    format!("«{name}» is not {what_en}{hint_en}"),
                )
            }
        }
    }
}
