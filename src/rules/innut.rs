//! Ett nytt system inn betyr ett system ut (one in, one out): INNUT-01..05.

use super::registry::{Number, Principle, Rule, Scope, any_project};
use super::{Checker, given};
use crate::finding::Subject;
use crate::model::*;
use crate::text::{Lang, Text, join_names};
use std::collections::{BTreeMap, BTreeSet};

/// `[rule.params.forhold]` of INNUT-01.
pub const FORHOLD: Number = Number::new("INNUT-01", "forhold");

/// The rules of this principle, and what each looks at.
pub const PRINCIPLE: Principle = Principle {
    prefix: "INNUT",
    rules: &[
        Rule {
            code: "INNUT-01",
            scope: Scope::Projects(any_project),
            params: &[FORHOLD.0],
        },
        Rule {
            code: "INNUT-02",
            scope: Scope::Projects(any_project),
            params: &[],
        },
        Rule {
            code: "INNUT-03",
            scope: Scope::Projects(any_project),
            params: &[],
        },
        Rule {
            code: "INNUT-04",
            scope: Scope::Projects(Project::is_open),
            params: &[],
        },
        Rule {
            code: "INNUT-05",
            scope: Scope::Portfolio,
            params: &[],
        },
    ],
    check,
    last: false,
};

pub fn check(c: &mut Checker) {
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
            c.emit("INNUT-01", subject(), at, "/prosjekt/utfaser".into(), Text::new(
                format!("Prosjektet tar inn {}, men har {} i utfaser (krever minst {needed})", new_nb(new), entries_nb(out)),
                format!("The project brings in {}, but has {} in utfaser (at least {needed} required)", new_en(new), entries_en(out)),
            ));
        }

        for (i, entry) in project.retires.iter().enumerate() {
            let item = super::item_key(entry.system.as_deref(), i);
            let path = |field: &str| format!("/prosjekt/utfaser/{item}{field}");
            let system = entry.system.as_deref().and_then(|id| p.system(id));
            match (&entry.system, system) {
                (None, _) => {
                    c.emit("INNUT-02", subject(), entry.spans.at, path("/system"), Text::new(
                        "Utfasingen nevner ikke hvilket system som fases ut (`system` mangler)",
                        "The phase-out does not name the system it retires (`system` is missing)",
                    ));
                }
                (Some(id), None) => {
                    c.emit(
                        "INNUT-02",
                        subject(),
                        entry.spans.at,
                        path("/system"),
                        Text::new(
                            format!(
                                "Systemet {id}, som skal fases ut, finnes ikke i systemoversikten"
                            ),
                            format!("The system {id} to be phased out is not in the inventory"),
                        ),
                    );
                }
                _ => {}
            }

            let mut missing = Vec::new();
            if entry.date.is_none() {
                missing.push("dato");
            }
            if !given(&entry.archive_plan) {
                missing.push("arkivplan");
            }
            if !missing.is_empty() {
                let what = entry.system.as_deref().unwrap_or("?");
                c.emit(
                    "INNUT-03",
                    subject(),
                    entry.spans.at,
                    path(""),
                    Text::new(
                        format!(
                            "Utfasingen av {what} mangler {}",
                            join_names(&missing, Lang::Nb)
                        ),
                        format!(
                            "The phase-out of {what} lacks {}",
                            join_names(&missing, Lang::En)
                        ),
                    ),
                )
                .lacking(&missing);
            }

            if !project.is_open() {
                continue;
            }
            let Some(id) = entry.system.as_deref() else {
                continue;
            };
            let mut nb = Vec::new();
            let mut en = Vec::new();
            if system.is_some_and(|s| s.lifecycle == Some(Livslop::Avviklet)) {
                nb.push(format!("{id} er allerede avviklet"));
                en.push(format!("{id} is already avviklet"));
            }
            let others: Vec<&str> = retiring
                .get(id)
                .map(|v| v.iter().copied().filter(|o| *o != project.id).collect())
                .unwrap_or_default();
            if !others.is_empty() {
                nb.push(format!(
                    "{id} fases også ut av {}",
                    join_names(&others, Lang::Nb)
                ));
                en.push(format!(
                    "{id} is also phased out by {}",
                    join_names(&others, Lang::En)
                ));
            }
            if !nb.is_empty() {
                c.emit(
                    "INNUT-04",
                    subject(),
                    entry.spans.at,
                    path(""),
                    Text::new(
                        format!(
                            "Utfasingen teller ikke som ett system ut: {}",
                            nb.join("; ")
                        ),
                        format!(
                            "The phase-out does not count as one system out: {}",
                            en.join("; ")
                        ),
                    ),
                );
            }
        }
    }

    let open: Vec<&Project> = p
        .projects
        .iter()
        .filter(|pr| pr.is_judged() && pr.is_open())
        .collect();
    let new: usize = open.iter().map(|pr| pr.new_systems.len()).sum();
    let out: BTreeSet<&str> = open
        .iter()
        .flat_map(|pr| pr.retires.iter().filter_map(|r| r.system.as_deref()))
        .collect();
    if new > out.len() {
        let out = out.len();
        c.emit(
            "INNUT-05",
            Subject::Portfolio,
            p.kommune.spans.at,
            "/kommune".into(),
            Text::new(
                format!(
                    "Porteføljen vokser: åpne prosjekter tar inn {}, men faser ut {}",
                    new_nb(new),
                    out_nb(out)
                ),
                format!(
                    "The portfolio grows: open projects bring in {}, but phase out {}",
                    new_en(new),
                    out_en(out)
                ),
            ),
        );
    }
}

/// «1 nytt system», «3 nye systemer».
fn new_nb(n: usize) -> String {
    if n == 1 {
        "1 nytt system".into()
    } else {
        format!("{n} nye systemer")
    }
}
fn new_en(n: usize) -> String {
    if n == 1 {
        "1 new system".into()
    } else {
        format!("{n} new systems")
    }
}
/// «ingen», «bare 1 system», «bare 2 ulike systemer».
fn out_nb(n: usize) -> String {
    match n {
        0 => "ingen".into(),
        1 => "bare 1 system".into(),
        n => format!("bare {n} ulike systemer"),
    }
}
fn out_en(n: usize) -> String {
    match n {
        0 => "none".into(),
        1 => "only 1 system".into(),
        n => format!("only {n} distinct systems"),
    }
}
fn entries_nb(n: usize) -> String {
    match n {
        0 => "ingen oppføringer".into(),
        1 => "bare 1 oppføring".into(),
        n => format!("bare {n} oppføringer"),
    }
}
fn entries_en(n: usize) -> String {
    match n {
        0 => "no entries".into(),
        1 => "only 1 entry".into(),
        n => format!("only {n} entries"),
    }
}
