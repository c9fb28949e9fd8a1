//! Prosjektportalen 365's benefits (design/import.md §2) become each project's
//! `gevinstplan`: one prinsipp benefit per measurement indicator, as PP365's own
//! «Gevinstoversikt» counts them.
//!
//! Two routes. The project site's three lists exported to CSV («Gevinstanalyse og
//! gevinstrealiseringsplan», «Måleindikatorer», «Gevinstoppfølging»), for one project at a
//! time (`--prosjekt ID`): the only route with benefits that have no indicator, exact
//! measurement dates and «Endret». Or the hub's Gevinstoversikt «Eksporter til Excel»: all
//! projects, but without benefits that have no indicator, and with measurement dates that
//! PP365 writes unreliably, so its measurements are not imported.
//!
//! Lists are joined by their ID columns when the export has them, else by title within the
//! project; a title that fits more than one item cannot be joined with certainty, and is
//! reported instead.

use super::doc::{Doc, Value};
use super::report::{ImportReport, Place, Section};
use super::table::{Cell, Row, Table};
use super::values::fold;
use crate::diagnostic::Diagnostic;
use crate::model::Date;
use crate::text::Text;
use std::collections::BTreeMap;

/// The columns of the three lists and the overview, by their display names (nb, en).
fn column(table: &Table, names: &[&str]) -> Option<usize> {
    table
        .header
        .iter()
        .position(|h| names.iter().any(|n| fold(h) == fold(n)))
}

const ID: &[&str] = &["id"];
const BENEFIT: &[&str] = &["gevinst", "benefit"];
const BENEFIT_ID: &[&str] = &["gevinst-id", "gevinst:id", "benefit id", "benefit:id"];
const TITLE: &[&str] = &["tittel", "title"];
const KIND: &[&str] = &["gevinsttype", "gains type", "benefit type"];
const RESPONSIBLE: &[&str] = &["gevinstansvarlig", "gains responsible"];
const OWNER: &[&str] = &["gevinsteier", "gains owner"];
const DUE: &[&str] = &["realiseringstidspunkt", "realization time"];
const START: &[&str] = &["startverdi", "start value"];
const TARGET: &[&str] = &["ønsket verdi", "desired value"];
const UNIT: &[&str] = &["måleenhet", "measurement unit"];
const INDICATOR: &[&str] = &[
    "målindikator",
    "måleindikator",
    "measure indicator",
    "measurement indicator",
];
const INDICATOR_ID: &[&str] = &["målindikator-id", "målindikator:id", "measure indicator id"];
const MEASURED_AT: &[&str] = &["dato for måling", "measurement date"];
const MEASURED: &[&str] = &["målt verdi", "measurement value", "measured value"];
const MODIFIED: &[&str] = &["endret", "modified"];
const PROJECT: &[&str] = &["prosjekt", "project"];
const OVERVIEW_INDICATOR: &[&str] = &["måleindikator", "measurement indicator"];

/// Gevinsttype → (kategori, type).
fn kind_of(raw: &str) -> Option<(&'static str, &'static str)> {
    match fold(raw).as_str() {
        "direkte" | "directly" | "direct" => Some(("kostnad", "kvantitativ")),
        "indirekte" | "indirectly" | "indirect" => Some(("tid", "kvantitativ")),
        "kvalitativ" | "qualitative" => Some(("kvalitet", "kvalitativ")),
        _ => None,
    }
}

/// Måleenhet → maaleenhet.
fn unit_of(raw: &str) -> Option<&'static str> {
    match fold(raw).as_str() {
        "antall" | "number" => Some("antall"),
        "kroner" => Some("kroner"),
        "prosent" | "percentage" => Some("prosent"),
        "timer" | "hours" => Some("timer"),
        _ => None,
    }
}

#[derive(Debug, Clone, Default)]
struct Benefit {
    id: Option<String>,
    title: String,
    kind: Option<(&'static str, &'static str)>,
    responsible: Option<String>,
    owner: Option<String>,
    due: Option<Date>,
    modified: Option<Date>,
    place: Option<Place>,
}

#[derive(Debug, Clone, Default)]
struct Indicator {
    id: Option<String>,
    title: String,
    /// The benefit, by its position in the project's list.
    benefit: usize,
    start: Option<f64>,
    target: Option<f64>,
    unit: Option<&'static str>,
    modified: Option<Date>,
}

#[derive(Debug, Clone)]
struct Measurement {
    date: Date,
    value: f64,
    modified: Option<Date>,
}

/// One project's benefits as read.
#[derive(Debug, Default)]
pub struct Plan {
    benefits: Vec<Benefit>,
    indicators: Vec<Indicator>,
    measurements: BTreeMap<usize, Vec<Measurement>>,
    /// From the overview, whose measurement sheet is not imported.
    from_overview: bool,
    /// A `realiseres` came from the overview, which may write it a day early.
    due_from_overview: bool,
    benefit_index: Index,
    indicator_index: Index,
}

/// Items by their ID and by their title (folded), so that every join is a lookup: lists
/// of a hundred thousand rows join in time linear in their rows.
#[derive(Debug, Default)]
struct Index {
    by_id: std::collections::HashMap<String, Vec<usize>>,
    by_title: std::collections::HashMap<String, Vec<usize>>,
}

impl Index {
    fn add(&mut self, at: usize, id: Option<&str>, title: &str) {
        if let Some(id) = id {
            self.by_id.entry(id.to_string()).or_default().push(at);
        }
        self.by_title.entry(fold(title)).or_default().push(at);
    }

    /// The one item with this ID, else the one with this title; else how many have the
    /// title (0: none, 2 or more: it cannot be told which).
    fn find(&self, id: Option<&str>, title: &str) -> Result<usize, usize> {
        if let Some([one]) = id.and_then(|id| self.by_id.get(id)).map(Vec::as_slice) {
            return Ok(*one);
        }
        match self.by_title.get(&fold(title)).map(Vec::as_slice) {
            Some([one]) => Ok(*one),
            other => Err(other.map_or(0, <[usize]>::len)),
        }
    }
}

fn text(row: &Row, column: Option<usize>) -> Option<String> {
    column.map(|c| row.get(c).text()).filter(|t| !t.is_empty())
}

/// Where a cell of a row is, for the report (column 0: the row as a whole).
fn at(place: &Place, column: Option<usize>) -> Place {
    Place {
        column: column.map_or(0, |c| c + 1),
        ..place.clone()
    }
}

/// Reports every column of `table` that is none of `read` (a column with no header too:
/// its values are not read either).
/// Where each of `wanted` stands in the header (by any of its names), after noting every
/// column that none of them reads.
fn read_columns<const N: usize>(
    table: &Table,
    wanted: [&[&str]; N],
    report: &mut ImportReport,
) -> [Option<usize>; N] {
    report_unread_columns(table, &wanted, report);
    wanted.map(|names| column(table, names))
}

fn report_unread_columns(table: &Table, read: &[&[&str]], report: &mut ImportReport) {
    for (i, header) in table.header.iter().enumerate() {
        if read
            .iter()
            .any(|names| names.iter().any(|n| fold(n) == fold(header)))
        {
            continue;
        }
        let shown = crate::text::shorten(header);
        report.note(
            Section::UnmappedColumn,
            Place {
                file: table.place(),
                row: table.header_row,
                column: i + 1,
            },
            Text::new(
                format!("«{shown}» har ingen plass i formatet; kolonnen er ikke lest"),
                format!("«{shown}» has no place in the format; the column was not read"),
            ),
        );
    }
}

/// Every item has an id, and no two the same.
fn unique<'a>(ids: impl Iterator<Item = Option<&'a str>>) -> bool {
    let mut seen = std::collections::HashSet::new();
    ids.into_iter()
        .all(|id| id.is_some_and(|id| seen.insert(id)))
}

/// The cell in `column` read by `read`; a cell that is filled but cannot be read is
/// reported (`message` gets its text, shortened) and left out.
fn read_cell<T>(
    row: &Row,
    column: Option<usize>,
    place: &Place,
    report: &mut ImportReport,
    read: impl Fn(&Cell) -> Option<T>,
    message: impl Fn(&str) -> (String, String),
) -> Option<T> {
    let cell = row.get(column?);
    let value = read(cell);
    if value.is_none() && !cell.is_empty() {
        let raw = cell.text();
        let (nb, en) = message(&crate::text::shorten(&raw));
        report.note(Section::UnreadValue, at(place, column), Text::new(nb, en));
    }
    value
}

/// A SharePoint item ID: a whole number. Anything else is not used (the benefits are then
/// numbered by row), since it becomes part of a benefit's id.
fn item_id(
    row: &Row,
    column: Option<usize>,
    place: &Place,
    report: &mut ImportReport,
) -> Option<String> {
    let whole = |c: &Cell| {
        let text = c.text();
        (!text.is_empty() && text.len() <= 9 && text.bytes().all(|b| b.is_ascii_digit()))
            .then_some(text)
    };
    read_cell(row, column, place, report, whole, |raw| {
        (
            format!("«{raw}» er ikke en ID fra SharePoint (et heltall); den er ikke brukt"),
            format!("«{raw}» is not a SharePoint ID (a whole number); it is not used"),
        )
    })
}

fn date(
    row: &Row,
    column: Option<usize>,
    place: &Place,
    field: &str,
    report: &mut ImportReport,
) -> Option<Date> {
    read_cell(row, column, place, report, Cell::date, |raw| {
        (
            format!("«{raw}» er ikke en dato som kan leses sikkert ({field}); feltet er utelatt"),
            format!(
                "«{raw}» is not a date that can be read with certainty ({field}); the field is left out"
            ),
        )
    })
}

fn number(
    row: &Row,
    column: Option<usize>,
    place: &Place,
    field: &str,
    report: &mut ImportReport,
) -> Option<f64> {
    read_cell(row, column, place, report, Cell::number, |raw| {
        (
            format!("«{raw}» er ikke et tall ({field}); feltet er utelatt"),
            format!("«{raw}» is not a number ({field}); the field is left out"),
        )
    })
}

/// Gevinsttype as (kategori, type).
fn benefit_kind(
    row: &Row,
    column: Option<usize>,
    place: &Place,
    report: &mut ImportReport,
) -> Option<(&'static str, &'static str)> {
    read_cell(
        row,
        column,
        place,
        report,
        |c| kind_of(&c.text()),
        |raw| {
            (
                format!(
                    "«{raw}» er ikke en gevinsttype (Direkte, Indirekte, Kvalitativ); kategori og type er utelatt"
                ),
                format!(
                    "«{raw}» is not a benefit type (Direkte, Indirekte, Kvalitativ); kategori and type are left out"
                ),
            )
        },
    )
}

fn unit(
    row: &Row,
    column: Option<usize>,
    place: &Place,
    report: &mut ImportReport,
) -> Option<&'static str> {
    read_cell(
        row,
        column,
        place,
        report,
        |c| unit_of(&c.text()),
        |raw| {
            (
                format!("«{raw}» er ikke en måleenhet fra Prosjektportalen; feltet er utelatt"),
                format!("«{raw}» is not a unit from Prosjektportalen; the field is left out"),
            )
        },
    )
}

/// Which of the three lists a CSV export is, by its headers.
pub enum ListKind {
    Benefits,
    Indicators,
    FollowUp,
    Overview,
    /// The Gevinstoversikt's sheet «Målinger»: dates not to be trusted.
    OverviewMeasurements,
}

pub fn kind_of_table(table: &Table) -> Option<ListKind> {
    let has = |names: &[&str]| column(table, names).is_some();
    if has(MEASURED) && has(&["måling", "measurement"]) && !has(INDICATOR) {
        Some(ListKind::OverviewMeasurements)
    } else if has(MEASURED) && has(INDICATOR) && !has(PROJECT) {
        Some(ListKind::FollowUp)
    } else if has(PROJECT) && has(START) {
        Some(ListKind::Overview)
    } else if has(START) && has(BENEFIT) {
        Some(ListKind::Indicators)
    } else if has(BENEFIT) && (has(KIND) || has(DUE) || has(OWNER)) {
        Some(ListKind::Benefits)
    } else {
        None
    }
}

/// The message for a file that is none of the lists.
pub fn not_a_list(table: &Table) -> Box<Diagnostic> {
    let found: Vec<&str> = table.header.iter().map(String::as_str).take(10).collect();
    Box::new(
        Diagnostic::error(
            &table.place(),
            table.header_row as u32,
            0,
            Text::new(
                format!("Ikke en av gevinstlistene fra Prosjektportalen: ventet kolonner som Gevinst og Gevinsttype, Startverdi og Ønsket verdi, eller Målindikator og Målt verdi; fant {}", found.join(", ")),
                format!("Not one of Prosjektportalen's benefit lists: expected columns such as Gevinst and Gevinsttype, Startverdi and Ønsket verdi, or Målindikator and Målt verdi; found {}", found.join(", ")),
            ),
        )
        .with_hint(Text::new(
            "Eksporter listene «Gevinstanalyse og gevinstrealiseringsplan», «Måleindikatorer» og «Gevinstoppfølging» til CSV, eller Gevinstoversikten til Excel",
            "Export the lists «Gevinstanalyse og gevinstrealiseringsplan», «Måleindikatorer» and «Gevinstoppfølging» to CSV, or the Gevinstoversikt to Excel",
        )),
    )
}

impl Plan {
    /// «Gevinstanalyse og gevinstrealiseringsplan».
    pub fn read_benefits(&mut self, table: &Table, report: &mut ImportReport) {
        let [id, title, kind, responsible, owner, due, modified] = read_columns(
            table,
            [ID, BENEFIT, KIND, RESPONSIBLE, OWNER, DUE, MODIFIED],
            report,
        );
        for row in &table.rows {
            report.rows += 1;
            let place = Place {
                file: table.place(),
                row: row.number,
                column: 0,
            };
            let Some(name) = text(row, title) else {
                report.note(
                    Section::SkippedRow,
                    place,
                    Text::new(
                        "Gevinsten har ingen tittel; raden er hoppet over",
                        "The benefit has no title; the row was skipped",
                    ),
                );
                continue;
            };
            let benefit_kind = benefit_kind(row, kind, &place, report);
            self.push_benefit(Benefit {
                id: item_id(row, id, &place, report),
                title: name,
                kind: benefit_kind,
                responsible: text(row, responsible),
                owner: text(row, owner),
                due: date(row, due, &place, "realiseres", report),
                modified: date(row, modified, &place, "sist_oppdatert", report),
                place: Some(place),
            });
        }
    }

    /// The benefit an indicator or overview row names: by its id when the export has one,
    /// else by title, when exactly one benefit has it.
    fn benefit_for(&self, id: Option<&str>, title: &str) -> Result<usize, usize> {
        self.benefit_index.find(id, title)
    }

    fn push_benefit(&mut self, benefit: Benefit) -> usize {
        let at = self.benefits.len();
        self.benefit_index
            .add(at, benefit.id.as_deref(), &benefit.title);
        self.benefits.push(benefit);
        at
    }

    fn push_indicator(&mut self, indicator: Indicator) {
        let at = self.indicators.len();
        self.indicator_index
            .add(at, indicator.id.as_deref(), &indicator.title);
        self.indicators.push(indicator);
    }

    /// «Måleindikatorer».
    pub fn read_indicators(&mut self, table: &Table, report: &mut ImportReport) {
        let [
            id,
            title,
            benefit,
            benefit_id,
            start,
            target,
            unit_column,
            modified,
        ] = read_columns(
            table,
            [
                ID, TITLE, BENEFIT, BENEFIT_ID, START, TARGET, UNIT, MODIFIED,
            ],
            report,
        );
        for row in &table.rows {
            report.rows += 1;
            let place = Place {
                file: table.place(),
                row: row.number,
                column: 0,
            };
            let name = text(row, title).unwrap_or_default();
            let Some(benefit_name) = text(row, benefit) else {
                report.note(Section::SkippedRow, place, Text::new(format!("Måleindikatoren «{name}» viser ikke til noen gevinst; den er hoppet over"), format!("The indicator «{name}» refers to no benefit; it was skipped")));
                continue;
            };
            let benefit = match self.benefit_for(text(row, benefit_id).as_deref(), &benefit_name) {
                Ok(i) => i,
                Err(n) => {
                    report.note(
                        Section::SkippedRow,
                        place,
                        if n == 0 {
                            Text::new(format!("Måleindikatoren «{name}» viser til gevinsten «{benefit_name}», som ikke er i gevinstlista; den er hoppet over"), format!("The indicator «{name}» refers to the benefit «{benefit_name}», which is not in the list of benefits; it was skipped"))
                        } else {
                            Text::new(format!("Måleindikatoren «{name}» viser til «{benefit_name}», som {n} gevinster heter; den kan ikke kobles sikkert (ta med ID-kolonnene) og er hoppet over"), format!("The indicator «{name}» refers to «{benefit_name}», the title of {n} benefits; it cannot be joined with certainty (add the ID columns) and was skipped"))
                        },
                    );
                    continue;
                }
            };
            let read_unit = unit(row, unit_column, &place, report);
            self.push_indicator(Indicator {
                id: item_id(row, id, &place, report),
                title: name,
                benefit,
                start: number(row, start, &place, "nullpunkt.verdi", report),
                target: number(row, target, &place, "maalverdi", report),
                unit: read_unit,
                modified: date(row, modified, &place, "sist_oppdatert", report),
            });
        }
    }

    /// «Gevinstoppfølging».
    pub fn read_follow_up(&mut self, table: &Table, report: &mut ImportReport) {
        let [indicator, indicator_id, measured_at, value, modified] = read_columns(
            table,
            [INDICATOR, INDICATOR_ID, MEASURED_AT, MEASURED, MODIFIED],
            report,
        );
        for row in &table.rows {
            report.rows += 1;
            let place = Place {
                file: table.place(),
                row: row.number,
                column: 0,
            };
            let name = text(row, indicator).unwrap_or_default();
            let target = match self
                .indicator_index
                .find(text(row, indicator_id).as_deref(), &name)
            {
                Ok(target) => target,
                Err(n) => {
                    report.note(
                        Section::SkippedRow,
                        place,
                        if n == 0 {
                            Text::new(format!("Målingen viser til måleindikatoren «{name}», som ikke er i lista over indikatorer; den er hoppet over"), format!("The measurement refers to the indicator «{name}», which is not in the list of indicators; it was skipped"))
                        } else {
                            Text::new(format!("Målingen viser til «{name}», som {n} indikatorer heter; den kan ikke kobles sikkert (ta med ID-kolonnene) og er hoppet over"), format!("The measurement refers to «{name}», the title of {n} indicators; it cannot be joined with certainty (add the ID columns) and was skipped"))
                        },
                    );
                    continue;
                }
            };
            let cell = |column: Option<usize>| column.map_or(&Cell::Empty, |c| row.get(c));
            match (cell(measured_at).date(), cell(value).number()) {
                (Some(when), Some(value)) => self.measurements.entry(target).or_default().push(Measurement {
                    date: when,
                    value,
                    modified: date(row, modified, &place, "sist_oppdatert", report),
                }),
                _ => report.note(
                    Section::SkippedRow,
                    place,
                    Text::new(
                        format!("Målingen av «{name}» mangler dato eller verdi (eller de kan ikke leses); den er hoppet over"),
                        format!("The measurement of «{name}» lacks a date or a value (or they cannot be read); it was skipped"),
                    ),
                ),
            }
        }
    }

    /// The Gevinstoversikt's first sheet, rows of one project: a benefit per indicator.
    fn read_overview_rows(&mut self, table: &Table, rows: &[&Row], report: &mut ImportReport) {
        self.from_overview = true;
        let c = |names| column(table, names);
        let (title, indicator, kind, responsible, owner, due, start, target, unit_column) = (
            c(TITLE),
            c(OVERVIEW_INDICATOR),
            c(KIND),
            c(RESPONSIBLE),
            c(OWNER),
            c(DUE),
            c(START),
            c(TARGET),
            c(UNIT),
        );
        for row in rows {
            let place = Place {
                file: table.place(),
                row: row.number,
                column: 0,
            };
            let Some(name) = text(row, title) else {
                report.note(
                    Section::SkippedRow,
                    place,
                    Text::new(
                        "Raden har ingen gevinst (Tittel); den er hoppet over",
                        "The row has no benefit (Tittel); it was skipped",
                    ),
                );
                continue;
            };
            let benefit = match self.benefit_for(None, &name) {
                Ok(i) => i,
                Err(_) => {
                    let due = date(row, due, &place, "realiseres", report);
                    if due.is_some() {
                        self.due_from_overview = true;
                    }
                    self.push_benefit(Benefit {
                        id: None,
                        title: name.clone(),
                        kind: benefit_kind(row, kind, &place, report),
                        responsible: text(row, responsible),
                        owner: text(row, owner),
                        due,
                        modified: None,
                        place: Some(place.clone()),
                    })
                }
            };
            self.push_indicator(Indicator {
                id: None,
                title: text(row, indicator).unwrap_or_default(),
                benefit,
                start: number(row, start, &place, "nullpunkt.verdi", report),
                target: number(row, target, &place, "maalverdi", report),
                unit: unit(row, unit_column, &place, report),
                modified: None,
            });
        }
    }

    /// The plan as `gevinstplan`'s `gevinster` (and `gevinstansvarlig` when every benefit
    /// names the same one, `sist_oppdatert` when the exports carry «Endret»).
    pub fn render(&self, project: &str, report: &mut ImportReport) -> Doc {
        let mut plan = Doc::default();
        let responsible: Vec<&String> = self
            .benefits
            .iter()
            .filter_map(|b| b.responsible.as_ref())
            .collect();
        if let Some(first) = responsible.first() {
            if responsible.iter().all(|r| fold(r) == fold(first))
                && responsible.len() == self.benefits.len()
            {
                plan.set("gevinstansvarlig", Value::Text((*first).clone()));
            } else {
                report.note(
                    Section::Other,
                    self.benefits[0].place.clone().unwrap_or_else(|| Place { file: project.into(), row: 0, column: 0 }),
                    Text::new(
                        format!("Gevinstene i {project} har ulike gevinstansvarlige; gevinstansvarlig er utelatt (GEV-04 spør etter den)"),
                        format!("The benefits of {project} have different benefit-responsible managers; gevinstansvarlig is left out (GEV-04 asks for it)"),
                    ),
                );
            }
        }
        let modified = self
            .benefits
            .iter()
            .filter_map(|b| b.modified)
            .chain(self.indicators.iter().filter_map(|i| i.modified))
            .chain(
                self.measurements
                    .values()
                    .flatten()
                    .filter_map(|m| m.modified),
            )
            .max();
        if let Some(date) = modified {
            plan.set("sist_oppdatert", Value::Date(date));
        }
        let mut items = Vec::new();
        // Ids from SharePoint when every benefit has its own, else by row.
        let numbered_by_row = !unique(self.benefits.iter().map(|b| b.id.as_deref()));
        let mut of_benefit: Vec<Vec<(usize, &Indicator)>> = vec![Vec::new(); self.benefits.len()];
        for (i, indicator) in self.indicators.iter().enumerate() {
            of_benefit[indicator.benefit].push((i, indicator));
        }
        for ((b_index, benefit), indicators) in self.benefits.iter().enumerate().zip(of_benefit) {
            let base = match &benefit.id {
                Some(id) if !numbered_by_row => format!("G{id}"),
                _ => format!("G{}", b_index + 1),
            };
            if indicators.is_empty() {
                items.push(self.item(&base, benefit, None, &[]));
                continue;
            }
            let indicators_have_ids = unique(indicators.iter().map(|(_, i)| i.id.as_deref()));
            for (n, (i_index, indicator)) in indicators.iter().enumerate() {
                let id = match (&indicator.id, indicators.len()) {
                    (_, 1) => base.clone(),
                    (Some(iid), _) if !numbered_by_row && indicators_have_ids => {
                        format!("{base}-{iid}")
                    }
                    _ => format!("{base}-{}", n + 1),
                };
                let measurements = self
                    .measurements
                    .get(i_index)
                    .map(Vec::as_slice)
                    .unwrap_or(&[]);
                items.push(self.item(&id, benefit, Some(indicator), measurements));
            }
        }
        if numbered_by_row && !self.benefits.is_empty() {
            report.note(
                Section::IdChange,
                self.benefits[0].place.clone().unwrap_or_else(|| Place { file: project.into(), row: 0, column: 0 }),
                Text::new(
                    format!("Gevinstene i {project} har ikke hver sin ID; de er nummerert G1, G2 … i radenes rekkefølge"),
                    format!("The benefits of {project} do not each have an ID; they are numbered G1, G2 … in row order"),
                ),
            );
        }
        if self.from_overview {
            report.note(
                Section::Other,
                self.benefits.first().and_then(|b| b.place.clone()).unwrap_or_else(|| Place { file: project.into(), row: 0, column: 0 }),
                Text::new(
                    format!("{project}: Gevinstoversikten har ikke gevinster uten måleindikator, og datoene i arket «Målinger» er upålitelige; målinger er ikke tatt med (eksporter listene til CSV for dem)"),
                    format!("{project}: the Gevinstoversikt has no benefits without an indicator, and the dates in its sheet «Målinger» are unreliable; measurements were not imported (export the lists to CSV for them)"),
                ),
            );
        }
        if self.due_from_overview {
            report.note(
                Section::Other,
                self.benefits.first().and_then(|b| b.place.clone()).unwrap_or_else(|| Place { file: project.into(), row: 0, column: 0 }),
                Text::new(
                    format!("{project}: Gevinstoversikten kan skrive Realiseringstidspunkt én dag for tidlig (datoen går gjennom UTC); realiseres er tatt med som eksportert, men bør sjekkes mot prosjektområdet"),
                    format!("{project}: the Gevinstoversikt may write Realiseringstidspunkt one day early (the date passes through UTC); realiseres is taken as exported, but should be checked against the project site"),
                ),
            );
        }
        plan.set("gevinster", Value::Items(items));
        plan
    }

    fn item(
        &self,
        id: &str,
        benefit: &Benefit,
        indicator: Option<&Indicator>,
        measurements: &[Measurement],
    ) -> Doc {
        let mut item = Doc::default();
        item.set("id", Value::Word(id.to_string()));
        item.set("beskrivelse", Value::Text(benefit.title.clone()));
        if let Some((kategori, kind)) = benefit.kind {
            item.set("kategori", Value::Word(kategori.into()));
            item.set("type", Value::Word(kind.into()));
        }
        let mut sorted: Vec<&Measurement> = measurements.iter().collect();
        sorted.sort_by_key(|m| m.date);
        if let Some(indicator) = indicator {
            if !indicator.title.is_empty() {
                item.set("indikator", Value::Text(indicator.title.clone()));
            }
            if let Some(unit) = indicator.unit {
                item.set("maaleenhet", Value::Word(unit.into()));
            }
            if let Some(start) = indicator.start {
                // PP365 has no date for the baseline: the first measurement is it when it
                // has the start value; otherwise the date stays absent (GEV-02 asks for it).
                item.set_path("nullpunkt.verdi", Value::Number(start));
                if let Some(first) = sorted.first().filter(|m| m.value == start) {
                    item.set_path("nullpunkt.dato", Value::Date(first.date));
                    sorted.remove(0);
                }
            }
            if let Some(target) = indicator.target {
                item.set("maalverdi", Value::Number(target));
            }
        }
        if let Some(due) = benefit.due {
            item.set("realiseres", Value::Date(due));
        }
        if let Some(owner) = &benefit.owner {
            item.set("gevinsteier", Value::Text(owner.clone()));
        }
        if !sorted.is_empty() {
            let rows = sorted
                .iter()
                .map(|m| {
                    let mut d = Doc::default();
                    d.set("dato", Value::Date(m.date));
                    d.set("verdi", Value::Number(m.value));
                    d
                })
                .collect();
            item.set("maalinger", Value::Items(rows));
        }
        item
    }
}

/// The Gevinstoversikt's first sheet: the rows of each project (by its title in the column
/// «Prosjekt»), with the number of its first row.
pub fn overview(table: &Table, report: &mut ImportReport) -> BTreeMap<String, (Plan, usize)> {
    let project = column(table, PROJECT);
    report_unread_columns(
        table,
        &[
            PROJECT,
            TITLE,
            OVERVIEW_INDICATOR,
            KIND,
            RESPONSIBLE,
            OWNER,
            DUE,
            START,
            TARGET,
            UNIT,
        ],
        report,
    );
    // By the title as folded (as the id map keys projects), shown as first written.
    let mut by_project: BTreeMap<String, (String, Vec<&Row>)> = BTreeMap::new();
    for row in &table.rows {
        report.rows += 1;
        match text(row, project) {
            Some(title) => by_project
                .entry(fold(&title))
                .or_insert_with(|| (title, Vec::new()))
                .1
                .push(row),
            None => report.note(
                Section::SkippedRow,
                Place {
                    file: table.place(),
                    row: row.number,
                    column: 0,
                },
                Text::new(
                    "Raden nevner ikke noe prosjekt; den er hoppet over",
                    "The row names no project; it was skipped",
                ),
            ),
        }
    }
    by_project
        .into_iter()
        .map(|(_, (title, rows))| {
            let mut plan = Plan::default();
            plan.read_overview_rows(table, &rows, report);
            let first = rows.first().map_or(0, |r| r.number);
            (title, (plan, first))
        })
        .collect()
}
