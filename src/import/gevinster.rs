//! `pp365-gevinster`: the benefit lists read by `benefits`, added to the project files a
//! `pp365-prosjekter` import wrote (or a person did: then only with `--overskriv`). The
//! rest of each project file is kept as it is; `gevinstplan` is replaced, keeping a
//! `gevinstansvarlig` the project export gave. A later `pp365-prosjekter` import keeps the
//! benefits in turn (`with_earlier_benefits`), so the two can run in either order.

use super::Job;
use super::benefits::{self, ListKind, Plan};
use super::doc::{self, Doc, Value};
use super::folder::Planned;
use super::record::IdMap;
use super::report::{ImportReport, Place, Section};
use super::table::Table;
use super::values::{fold, slug};
use crate::diagnostic::Diagnostic;
use crate::text::Text;
use std::collections::BTreeMap;

pub fn plan(
    job: &Job,
    tables: &[&Table],
    ids: &IdMap,
    report: &mut ImportReport,
) -> Result<Vec<Planned>, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let mut lists: BTreeMap<u8, Vec<&Table>> = BTreeMap::new();
    let mut plans: BTreeMap<String, (Plan, Place)> = BTreeMap::new();
    // Projects more than one title of the Gevinstoversikt leads to.
    let mut clashed: std::collections::BTreeSet<String> = Default::default();
    for table in tables {
        match benefits::kind_of_table(table) {
            Some(ListKind::Benefits) => lists.entry(0).or_default().push(table),
            Some(ListKind::Indicators) => lists.entry(1).or_default().push(table),
            Some(ListKind::FollowUp) => lists.entry(2).or_default().push(table),
            Some(ListKind::Overview) => {
                for (title, (plan, first_row)) in benefits::overview(table, report) {
                    let place = Place { file: table.place(), row: first_row, column: 0 };
                    match project_of(&title, job, ids) {
                        // Two titles that lead to one project: whose benefits are they?
                        Some(id) if plans.contains_key(&id) || clashed.contains(&id) => {
                            plans.remove(&id);
                            clashed.insert(id.clone());
                            report.note(
                                Section::SkippedRow,
                                place,
                                Text::new(
                                    format!("«{title}» fører til prosjektet {id}, som også andre rader fører til; gevinstene kan ikke skilles sikkert, og ingen av dem er skrevet for {id}"),
                                    format!("«{title}» leads to the project {id}, as other rows also do; the benefits cannot be told apart with certainty, and none of them was written for {id}"),
                                ),
                            );
                        }
                        Some(id) => {
                            plans.insert(id, (plan, place));
                        }
                        None => report.note(
                            Section::SkippedRow,
                            place,
                            Text::new(
                                format!("Fant ingen prosjektfil for «{title}»; gevinstene er ikke skrevet (importer pp365-prosjekter først)"),
                                format!("Found no project file for «{title}»; its benefits were not written (import pp365-prosjekter first)"),
                            ),
                        ),
                    }
                }
            }
            Some(ListKind::OverviewMeasurements) => report.note(
                Section::Other,
                Place { file: table.place(), row: table.header_row, column: 0 },
                Text::new(
                    "Arket «Målinger» er ikke lest: Prosjektportalen skriver datoene i det slik at dag og måned kan bytte plass",
                    "The sheet «Målinger» was not read: Prosjektportalen writes its dates so that day and month may change places",
                ),
            ),
            None => errors.push(*benefits::not_a_list(table)),
        }
    }
    if !lists.is_empty() {
        match &job.project {
            None => errors.push(
                Diagnostic::error(
                    &lists.values().flatten().next().map(|t| t.place()).unwrap_or_default(),
                    0,
                    0,
                    Text::new(
                        "Listene fra et prosjektområde har ingen prosjektkolonne: si hvilket prosjekt de hører til med --prosjekt ID",
                        "The lists of a project site have no project column: say which project they belong to with --prosjekt ID",
                    ),
                )
                .with_hint(Text::new(
                    "ID er prosjektets id i kommunemappa, f.eks. prosjekter/nytt-sak-og-arkivsystem.yaml → nytt-sak-og-arkivsystem",
                    "ID is the project's id in the kommune folder, e.g. prosjekter/nytt-sak-og-arkivsystem.yaml → nytt-sak-og-arkivsystem",
                )),
            ),
            Some(id) => {
                let mut plan = Plan::default();
                // Benefits first, then their indicators, then the measurements.
                for (kind, tables) in &lists {
                    for table in tables {
                        match kind {
                            0 => plan.read_benefits(table, report),
                            1 => plan.read_indicators(table, report),
                            _ => plan.read_follow_up(table, report),
                        }
                    }
                }
                let place = Place { file: lists.values().flatten().next().map(|t| t.place()).unwrap_or_default(), row: 0, column: 0 };
                if plans.contains_key(id) || clashed.contains(id) {
                    report.note(
                        Section::Other,
                        place.clone(),
                        Text::new(
                            format!("Listene fra prosjektområdet erstatter Gevinstoversiktens rader for {id}"),
                            format!("The project site's lists replace the Gevinstoversikt's rows for {id}"),
                        ),
                    );
                }
                plans.insert(id.clone(), (plan, place));
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut planned = Vec::new();
    for (id, (plan, place)) in plans {
        match project_file(job, &id) {
            Ok((doc, provenance)) => {
                let gevinstplan = plan.render(&id, report);
                planned.push(merge(doc, gevinstplan, &id, provenance, &job.files));
            }
            Err(text) => {
                if job.project.as_deref() == Some(id.as_str()) {
                    errors.push(Diagnostic::error(&place.file, 0, 0, text));
                } else {
                    report.note(Section::SkippedRow, place, text);
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(planned)
    } else {
        Err(errors)
    }
}

/// The project a Gevinstoversikt row's «Prosjekt» (its title) belongs to: by the id map of
/// the projects import, else by the id its title makes — when that project file exists.
fn project_of(title: &str, job: &Job, ids: &IdMap) -> Option<String> {
    let by_map = ids
        .known
        .get(&("pp365".to_string(), format!("navn:{}", fold(title))))
        .cloned();
    [by_map, slug(title)]
        .into_iter()
        .flatten()
        // Opened as every input is (no link followed): a project file to add to.
        .find(|id| {
            let path = job.folder.join(format!("prosjekter/{id}.yaml"));
            matches!(crate::input::open(&path), Ok(crate::input::Opened::File(_)))
        })
        .or_else(|| {
            // A project imported with its number is keyed by number: find it by its name.
            ids.known
                .iter()
                .filter(|((source, _), _)| source == "pp365")
                .map(|(_, id)| id)
                .find(|id| {
                    project_file(job, id).is_ok_and(|(doc, _)| {
                        project_name(&doc).is_some_and(|n| fold(&n) == fold(title))
                    })
                })
                .cloned()
        })
}

fn project_name(doc: &Doc) -> Option<String> {
    match doc.get("prosjekt")? {
        Value::Map(p) => match p.get("navn")? {
            Value::Text(t) => Some(t.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// The project's file as a document, and where it came from (its first comment line).
fn project_file(job: &Job, id: &str) -> Result<(Doc, String), Text> {
    let path = job.folder.join(format!("prosjekter/{id}.yaml"));
    let missing = || {
        Text::new(
            format!(
                "Prosjektet {id} har ingen fil i {}; gevinstene er ikke skrevet (importer pp365-prosjekter først)",
                path.display()
            ),
            format!(
                "The project {id} has no file in {}; its benefits were not written (import pp365-prosjekter first)",
                path.display()
            ),
        )
    };
    let (bytes, _) = crate::input::read_file(&path, job.max_file_bytes).map_err(|_| missing())?;
    let text = String::from_utf8(bytes).map_err(|_| missing())?;
    let doc = crate::load::parse_yaml(&text)
        .and_then(|node| doc::from_yaml(&node))
        .filter(|d| matches!(d.get("prosjekt"), Some(Value::Map(_))))
        .ok_or_else(|| {
            Text::new(
                format!(
                    "{} holder ikke ett prosjekt (`prosjekt:`); gevinstene er ikke skrevet",
                    path.display()
                ),
                format!(
                    "{} does not hold one project (`prosjekt:`); its benefits were not written",
                    path.display()
                ),
            )
        })?;
    let provenance = text
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("# Importert av prinsipp fra "))
        .map(|l| l.trim_end_matches('.').to_string())
        .unwrap_or_else(|| format!("prosjekter/{id}.yaml"));
    Ok((doc, provenance))
}

/// What the first comment line says the benefits came from.
const BENEFITS_FROM: &str = "; gevinster fra ";

const PLAN_ORDER: &[&str] = &["gevinstansvarlig", "sist_oppdatert", "gevinster"];

/// A project as the projects export gives it, with the benefits an earlier
/// `pp365-gevinster` import wrote into its file: the export has none, and they are not
/// its to drop. Its `gevinstansvarlig` stays the export's.
pub fn with_earlier_benefits(
    job: &Job,
    id: &str,
    mut project: Doc,
    provenance: String,
) -> (Doc, String) {
    let Ok((earlier, earlier_provenance)) = project_file(job, id) else {
        return (project, provenance);
    };
    let Some((_, sources)) = earlier_provenance.split_once(BENEFITS_FROM) else {
        return (project, provenance);
    };
    let Some(Value::Map(old)) = earlier.get("prosjekt").and_then(|p| match p {
        Value::Map(p) => p.get("gevinstplan"),
        _ => None,
    }) else {
        return (project, provenance);
    };
    let mut plan = match project.remove("gevinstplan") {
        Some(Value::Map(plan)) => plan,
        _ => Doc::default(),
    };
    for key in ["sist_oppdatert", "gevinster"] {
        if let Some(value) = old.get(key) {
            plan.set(key, value.clone());
        }
    }
    plan.sort_by(PLAN_ORDER);
    project.set("gevinstplan", Value::Map(plan));
    let order: Vec<&str> = crate::load::shape::PROJECT.keys().collect();
    project.sort_by(&order);
    (project, format!("{provenance}{BENEFITS_FROM}{sources}"))
}

/// The project file with `gevinstplan` replaced.
fn merge(
    mut doc: Doc,
    mut plan: Doc,
    id: &str,
    provenance: String,
    files: &[std::path::PathBuf],
) -> Planned {
    if let Some(Value::Map(project)) = doc
        .entries
        .iter_mut()
        .find(|(k, _)| k == "prosjekt")
        .map(|(_, v)| v)
    {
        if let Some(Value::Map(old)) = project.get("gevinstplan") {
            if let Some(responsible) = old.get("gevinstansvarlig") {
                plan.set("gevinstansvarlig", responsible.clone());
            }
        }
        plan.sort_by(PLAN_ORDER);
        project.set("gevinstplan", Value::Map(plan));
        let order: Vec<&str> = crate::load::shape::PROJECT.keys().collect();
        project.sort_by(&order);
    }
    let sources: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    let provenance = match provenance.split_once(BENEFITS_FROM) {
        Some((project, _)) => project.to_string(),
        None => provenance,
    };
    Planned {
        path: format!("prosjekter/{id}.yaml"),
        source: "pp365".to_string(),
        body: doc.render(0),
        provenance: format!("{provenance}{BENEFITS_FROM}{}", sources.join(", ")),
    }
}
