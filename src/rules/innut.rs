//! Ett nytt system inn betyr ett system ut (one in, one out): INNUT-01..06.

use super::registry::{Number, Principle, Rule, Scope, any_project};
use super::{Checker, given};
use crate::finding::Subject;
use crate::model::*;
use crate::text::{Lang, Text, join_names, plural};
use std::collections::{BTreeMap, BTreeSet};

/// `[rule.params.forhold]` of INNUT-01.
pub const FORHOLD: Number = Number::new("INNUT-01", "forhold");

/// The rules of this principle, and what each looks at.
pub const PRINCIPLE: Principle = Principle {
    prefix: "INNUT",
    rules: &[
        Rule::with("INNUT-01", Scope::Projects(any_project), &[FORHOLD.0]),
        Rule::new("INNUT-02", Scope::Projects(any_project)),
        Rule::new("INNUT-03", Scope::Projects(any_project)),
        Rule::new("INNUT-04", Scope::Projects(Project::is_open)),
        Rule::new("INNUT-05", Scope::Portfolio),
        Rule::new("INNUT-06", Scope::InventoryInService),
    ],
    check,
    last: false,
};

pub fn check(c: &mut Checker) {
    phase_outs(c);
    overdue(c);
}

/// INNUT-06: an inventory system still in use after the date it was to be phased out by:
/// its own `utfases`, or the `utfaser` entry of a judged project. The earliest passed date
/// counts; the finding points where that date is written.
fn overdue(c: &mut Checker) {
    let (p, today) = (c.portfolio, c.date);
    // The passed `utfaser` dates of judged projects, by the system they name: one pass over
    // the projects, not one per system.
    let mut passed: std::collections::HashMap<&str, Vec<(Date, &str, Pos)>> =
        std::collections::HashMap::new();
    for project in p.judged_projects() {
        for r in &project.retires {
            if let (Some(system), Some(date)) = (r.system.as_deref(), r.date.filter(|d| *d < today))
            {
                let entry = (date, project.id.as_str(), r.spans.key("dato"));
                passed.entry(system).or_default().push(entry);
            }
        }
    }
    for system in &p.systems {
        if system.lifecycle == Some(Livslop::Avviklet) {
            continue;
        }
        let own = system
            .retires
            .filter(|d| *d < today)
            .map(|d| (d, None, system.spans.key("utfases")));
        let planned = passed
            .get(system.id.as_str())
            .into_iter()
            .flatten()
            .map(|(date, project, at)| (*date, Some(*project), *at));
        let Some((date, project, at)) = own.into_iter().chain(planned).min_by_key(|(d, ..)| *d)
        else {
            continue;
        };
        let message = Message::Overdue {
            id: &system.id,
            date,
            project,
            lifecycle: system.lifecycle,
        };
        let subject = Subject::System(system.id.clone());
        c.emit("INNUT-06", subject, at, "/system/utfases".into(), message);
    }
}

/// What open projects (judged; konsept, planlegge or gjennomfore) bring in, as entries of
/// `nye_systemer`, against the distinct systems they phase out that exist in the inventory
/// and are still in use: retiring a system that is already avviklet, or is not there, takes
/// nothing out. The count INNUT-05 compares, and the report's growth figure.
pub fn portfolio_in_and_out(p: &Portfolio) -> (usize, BTreeSet<&str>) {
    let open: Vec<&Project> = p
        .projects
        .iter()
        .filter(|pr| pr.is_judged() && pr.is_open())
        .collect();
    let new = open.iter().map(|pr| pr.new_systems.len()).sum();
    let out = open
        .iter()
        .flat_map(|pr| pr.retires.iter().filter_map(|r| r.system.as_deref()))
        .filter(|id| {
            p.system(id)
                .is_some_and(|s| s.lifecycle != Some(Livslop::Avviklet))
        })
        .collect();
    (new, out)
}

/// INNUT-01..05: each project's phase-outs, and the portfolio's.
fn phase_outs(c: &mut Checker) {
    let p = c.portfolio;
    let ratio = c.number(FORHOLD);
    // Which open projects phase out each system, for INNUT-04.
    let mut retiring: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for project in p
        .projects
        .iter()
        .filter(|pr| pr.is_judged() && pr.is_open())
    {
        let names: BTreeSet<&str> = project
            .retires
            .iter()
            .filter_map(|r| r.system.as_deref())
            .collect();
        for name in names {
            retiring.entry(name).or_default().push(&project.id);
        }
    }

    for project in p.judged_projects() {
        let subject = || Subject::Project(project.id.clone());
        let new = project.new_systems.len();
        let needed = (new as f64 * ratio - 1e-9).ceil().max(0.0) as usize;
        if new > 0 && project.retires.len() < needed {
            let out = project.retires.len();
            let at = project
                .spans
                .key_opt("utfaser")
                .unwrap_or_else(|| project.spans.key("nye_systemer"));
            let message = Message::TooFewOut { new, out, needed };
            c.emit(
                "INNUT-01",
                subject(),
                at,
                "/prosjekt/utfaser".into(),
                message,
            );
        }

        for (i, entry) in project.retires.iter().enumerate() {
            let item = super::item_key(entry.system.as_deref(), i);
            let path = |field: &str| format!("/prosjekt/utfaser/{item}{field}");
            let system = entry.system.as_deref().and_then(|id| p.system(id));
            let unknown = match (entry.system.as_deref(), system) {
                (None, _) => Some(Message::NoSystemNamed),
                (Some(id), None) => Some(Message::NotInInventory { id }),
                _ => None,
            };
            if let Some(message) = unknown {
                c.emit(
                    "INNUT-02",
                    subject(),
                    entry.spans.at,
                    path("/system"),
                    message,
                );
            }

            let mut missing = Vec::new();
            if entry.date.is_none() {
                missing.push("dato");
            }
            if !given(&entry.archive_plan) {
                missing.push("arkivplan");
            }
            if !missing.is_empty() {
                let system = entry.system.as_deref().unwrap_or("?");
                let message = Message::PhaseOutLacks {
                    system,
                    missing: &missing,
                };
                c.emit("INNUT-03", subject(), entry.spans.at, path(""), message)
                    .lacking(&missing);
            }

            if !project.is_open() {
                continue;
            }
            let Some(id) = entry.system.as_deref() else {
                continue;
            };
            let decommissioned = system.is_some_and(|s| s.lifecycle == Some(Livslop::Avviklet));
            let others: Vec<&str> = retiring
                .get(id)
                .map(|v| v.iter().copied().filter(|o| *o != project.id).collect())
                .unwrap_or_default();
            if decommissioned || !others.is_empty() {
                let message = Message::NotOneOut {
                    id,
                    decommissioned,
                    others: &others,
                };
                c.emit("INNUT-04", subject(), entry.spans.at, path(""), message);
            }
        }
    }

    let (new, out) = portfolio_in_and_out(p);
    if new > out.len() {
        let message = Message::PortfolioGrows {
            new,
            out: out.len(),
        };
        c.emit(
            "INNUT-05",
            Subject::Portfolio,
            p.kommune.spans.at,
            "/kommune".into(),
            message,
        );
    }
}

/// What the INNUT rules report: the facts, and their words in both languages.
enum Message<'a> {
    /// INNUT-01.
    TooFewOut {
        new: usize,
        out: usize,
        needed: usize,
    },
    /// INNUT-02, without `system`.
    NoSystemNamed,
    /// INNUT-02.
    NotInInventory { id: &'a str },
    /// INNUT-03.
    PhaseOutLacks {
        system: &'a str,
        missing: &'a [&'static str],
    },
    /// INNUT-04: decommissioned already, or phased out by other open projects too.
    NotOneOut {
        id: &'a str,
        decommissioned: bool,
        others: &'a [&'a str],
    },
    /// INNUT-05.
    PortfolioGrows { new: usize, out: usize },
    /// INNUT-06: the date passed, set in the inventory (no project) or by a project.
    Overdue {
        id: &'a str,
        date: Date,
        project: Option<&'a str>,
        lifecycle: Option<Livslop>,
    },
}

impl From<Message<'_>> for Text {
    fn from(m: Message) -> Text {
        match m {
            Message::TooFewOut { new, out, needed } => Text::new(
                format!(
                    "Prosjektet tar inn {}, men har {} i utfaser (krever minst {needed})",
                    new_count(new).nb,
                    entry_count(out).nb
                ),
                format!(
                    "The project brings in {}, but has {} in utfaser (at least {needed} required)",
                    new_count(new).en,
                    entry_count(out).en
                ),
            ),
            Message::NoSystemNamed => Text::new(
                "Utfasingen nevner ikke hvilket system som fases ut (`system` mangler)",
                "The phase-out does not name the system it retires (`system` is missing)",
            ),
            Message::NotInInventory { id } => Text::new(
                format!("Systemet {id}, som skal fases ut, finnes ikke i systemoversikten"),
                format!("The system {id} to be phased out is not in the inventory"),
            ),
            Message::PhaseOutLacks { system, missing } => Text::new(
                format!(
                    "Utfasingen av {system} mangler {}",
                    join_names(missing, Lang::Nb)
                ),
                format!(
                    "The phase-out of {system} lacks {}",
                    join_names(missing, Lang::En)
                ),
            ),
            Message::NotOneOut {
                id,
                decommissioned,
                others,
            } => {
                let mut nb = Vec::new();
                let mut en = Vec::new();
                if decommissioned {
                    nb.push(format!("{id} er allerede avviklet"));
                    en.push(format!("{id} is already avviklet"));
                }
                if !others.is_empty() {
                    nb.push(format!(
                        "{id} fases også ut av {}",
                        join_names(others, Lang::Nb)
                    ));
                    en.push(format!(
                        "{id} is also phased out by {}",
                        join_names(others, Lang::En)
                    ));
                }
                Text::new(
                    format!(
                        "Utfasingen teller ikke som ett system ut: {}",
                        nb.join("; ")
                    ),
                    format!(
                        "The phase-out does not count as one system out: {}",
                        en.join("; ")
                    ),
                )
            }
            Message::Overdue {
                id,
                date,
                project,
                lifecycle,
            } => {
                let (by_nb, by_en) = match project {
                    Some(p) => (
                        format!("etter prosjektet {p}"),
                        format!("by the project {p}"),
                    ),
                    None => (
                        "etter systemoversikten".to_string(),
                        "by the inventory".to_string(),
                    ),
                };
                let (now_nb, now_en) = match lifecycle {
                    Some(l) => (format!("livslop er {l}"), format!("its livslop is {l}")),
                    None => (
                        "livslop er ikke oppgitt".to_string(),
                        "it states no livslop".to_string(),
                    ),
                };
                Text::new(
                    format!("{id} skulle vært faset ut {date} {by_nb}, men {now_nb}"),
                    format!("{id} was to be phased out {date} {by_en}, but {now_en}"),
                )
            }
            Message::PortfolioGrows { new, out } => Text::new(
                format!(
                    "Porteføljen vokser: åpne prosjekter tar inn {}, men faser ut {}",
                    new_count(new).nb,
                    out_count(out).nb
                ),
                format!(
                    "The portfolio grows: open projects bring in {}, but phase out {}",
                    new_count(new).en,
                    out_count(out).en
                ),
            ),
        }
    }
}

/// «1 nytt system», «3 nye systemer»: how many come in.
fn new_count(n: usize) -> Text {
    Text::new(
        plural(n, "nytt system", "nye systemer"),
        plural(n, "new system", "new systems"),
    )
}

/// «ingen», «bare 1 system», «bare 2 ulike systemer»: how few go out.
fn out_count(n: usize) -> Text {
    match n {
        0 => Text::new("ingen", "none"),
        1 => Text::new("bare 1 system", "only 1 system"),
        n => Text::new(
            format!("bare {n} ulike systemer"),
            format!("only {n} distinct systems"),
        ),
    }
}

/// «ingen oppføringer», «bare 1 oppføring», «bare 2 oppføringer».
fn entry_count(n: usize) -> Text {
    match n {
        0 => Text::new("ingen oppføringer", "no entries"),
        n => Text::new(
            format!("bare {}", plural(n, "oppføring", "oppføringer")),
            format!("only {}", plural(n, "entry", "entries")),
        ),
    }
}
