//! A generic inventory sheet (`regneark`): one row per system, columns matched to fields
//! by their headers (or the user's column map), values read through the tables of words
//! sheets use. What cannot be read with certainty is left out and reported.

use super::columns::{self, Field, Kind};
use super::doc::{Doc, Value};
use super::mapfile::ColumnMap;
use super::record::{IdMap, Record, RecordKind};
use super::report::{ImportReport, Place, Section};
use super::table::{Cell, Row, Table};
use super::values;
use crate::diagnostic::Diagnostic;
use crate::katalog::Katalog;
use crate::text::Text;

/// Which field each column holds; `None` for a column with no place in the format.
pub(super) struct Columns<'f> {
    pub(super) fields: Vec<Option<&'f Field>>,
}

impl Columns<'_> {
    /// The column of `path` and this row's cell in it.
    pub(super) fn cell<'r>(&self, row: &'r Row, path: &str) -> Option<(usize, &'r Cell)> {
        self.fields
            .iter()
            .position(|f| f.is_some_and(|f| f.path == path))
            .map(|i| (i, row.get(i)))
    }
}

pub(super) fn match_columns<'f>(
    table: &Table,
    fields: &'f [Field],
    map: &ColumnMap,
    report: &mut ImportReport,
) -> Columns<'f> {
    let mut taken: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for (i, header) in table.header.iter().enumerate() {
        let place = Place {
            file: table.place(),
            row: table.header_row,
            column: i + 1,
        };
        let folded = values::fold(header);
        let shown = crate::text::shorten(header);
        let chosen = match map.column(&folded) {
            // The user's map wins; an empty field name means «leave this column out».
            Some("") => None,
            Some(path) => fields.iter().find(|f| f.path == path),
            None => fields
                .iter()
                .find(|f| f.headers.iter().any(|h| values::fold(h) == folded)),
        };
        match chosen {
            Some(field) if taken.contains(&field.path) => {
                report.note(
                    Section::UnmappedColumn,
                    place,
                    Text::new(
                        format!(
                            "«{shown}» er en kolonne til for {}; den første gjelder",
                            field.path
                        ),
                        format!(
                            "«{shown}» is another column for {}; the first one counts",
                            field.path
                        ),
                    ),
                );
                out.push(None);
            }
            Some(field) => {
                taken.push(field.path);
                out.push(Some(field));
            }
            None if header.trim().is_empty() => {
                let empty = table.rows.iter().all(|r| r.get(i).is_empty());
                if !empty {
                    report.note(
                        Section::UnmappedColumn,
                        place,
                        Text::new(
                            "Kolonnen har ingen overskrift; verdiene i den er ikke lest",
                            "The column has no header; its values were not read",
                        ),
                    );
                }
                out.push(None);
            }
            None => {
                report.note(
                    Section::UnmappedColumn,
                    place,
                    Text::new(
                        format!("«{shown}» har ingen plass i formatet; kolonnen er ikke lest"),
                        format!("«{shown}» has no place in the format; the column was not read"),
                    ),
                );
                out.push(None);
            }
        }
    }
    Columns { fields: out }
}

/// The systems of one sheet. Integrations are resolved against every system the import
/// reads, so `records` gets all sheets' systems before `resolve_targets` runs.
pub fn systems(
    table: &Table,
    map: &ColumnMap,
    ids: &mut IdMap,
    report: &mut ImportReport,
    records: &mut Vec<(Record, Vec<(String, Place)>)>,
) -> Result<(), Box<Diagnostic>> {
    let columns = match_columns(table, columns::SYSTEM, map, report);
    if !columns
        .fields
        .iter()
        .any(|f| f.is_some_and(|f| f.path == "navn"))
    {
        let found: Vec<&str> = columns.fields.iter().flatten().map(|f| f.path).collect();
        let found = if found.is_empty() {
            (
                "ingen kjente kolonner".to_string(),
                "no known column".to_string(),
            )
        } else {
            (found.join(", "), found.join(", "))
        };
        return Err(Box::new(
            Diagnostic::error(
                &table.place(),
                table.header_row as u32,
                0,
                Text::new(
                    format!("Arket ser ikke ut som en systemoversikt: ingen kolonne for systemets navn. Fant: {}", found.0),
                    format!("The sheet does not look like a system inventory: no column for the system's name. Found: {}", found.1),
                ),
            )
            .with_hint(Text::new(
                "Navnet står under en overskrift som «Systemnavn», «Navn» eller «System»; ellers gi kolonnen i --kolonner",
                "The name goes under a header such as «Systemnavn», «Navn» or «System»; or name the column in --kolonner",
            )),
        ));
    }
    for row in &table.rows {
        report.rows += 1;
        if let Some(record) = system(table, row, &columns, map, ids, report) {
            records.push(record);
        }
    }
    beyond_header(table, report);
    Ok(())
}

/// Reports each row with values right of the last header: they belong to no column, so
/// they are not read.
pub(super) fn beyond_header(table: &Table, report: &mut ImportReport) {
    for row in &table.rows {
        if row.cells.len() > table.header.len()
            && row.cells[table.header.len()..]
                .iter()
                .any(|c| !c.is_empty())
        {
            report.note(
                Section::UnreadValue,
                Place {
                    file: table.place(),
                    row: row.number,
                    column: table.header.len() + 1,
                },
                Text::new(
                    "Raden har verdier til høyre for siste overskrift; de er ikke lest",
                    "The row has values right of the last header; they were not read",
                ),
            );
        }
    }
}

fn system(
    table: &Table,
    row: &Row,
    columns: &Columns,
    map: &ColumnMap,
    ids: &mut IdMap,
    report: &mut ImportReport,
) -> Option<(Record, Vec<(String, Place)>)> {
    let place = |column: usize| Place {
        file: table.place(),
        row: row.number,
        column,
    };
    let cell_of = |path: &str| {
        columns
            .fields
            .iter()
            .position(|f| f.is_some_and(|f| f.path == path))
            .map(|i| (i, row.get(i)))
    };
    let name = cell_of("navn").map(|(_, c)| c.text()).unwrap_or_default();
    if name.is_empty() {
        report.note(
            Section::SkippedRow,
            place(0),
            Text::new(
                "Raden har ikke noe navn; den er hoppet over",
                "The row has no name; it was skipped",
            ),
        );
        return None;
    }
    let given_id = cell_of("id")
        .map(|(_, c)| c.text())
        .filter(|t| !t.is_empty());
    let key = match &given_id {
        Some(id) => format!("id:{id}"),
        None => format!("navn:{}", values::fold(&name)),
    };
    let wanted = given_id
        .as_deref()
        .and_then(values::slug)
        .or_else(|| values::slug(&name));
    let Some(wanted) = wanted else {
        let shown = crate::text::shorten(&name);
        report.note(
            Section::SkippedRow,
            place(0),
            Text::new(
                format!("Kan ikke lage en id av «{shown}»; raden er hoppet over"),
                format!("Cannot make an id from «{shown}»; the row was skipped"),
            ),
        );
        return None;
    };
    if let Some(given) = given_id.as_deref().filter(|g| *g != wanted) {
        let (column, _) = cell_of("id").unwrap_or((0, &Cell::Empty));
        let given = crate::text::shorten(given);
        report.note(
            Section::IdChange,
            place(column + 1),
            Text::new(
                format!(
                    "Id-en «{given}» er skrevet om til «{wanted}» (bare a–z, sifre og bindestrek)"
                ),
                format!(
                    "The id «{given}» was rewritten as «{wanted}» (only a–z, digits and hyphens)"
                ),
            ),
        );
    }
    let id = ids.assign(
        RecordKind::System,
        "regneark",
        &key,
        &wanted,
        &place(0),
        report,
    );
    let mut doc = Doc::default();
    let mut targets = Vec::new();
    for (i, field) in columns.fields.iter().enumerate() {
        let Some(field) = field else { continue };
        let cell = row.get(i);
        if cell.is_empty() || matches!(field.path, "id") {
            continue;
        }
        let at = place(i + 1);
        match read_value(field, cell, map, &at, report) {
            Some(Read::Value(value)) => doc.set_path(field.path, value),
            Some(Read::Targets(names)) => {
                targets.extend(names.into_iter().map(|n| (n, at.clone())))
            }
            None => {}
        }
    }
    let order: Vec<&str> = columns::SYSTEM
        .iter()
        .map(|f| f.path.split('.').next().unwrap_or(""))
        .collect();
    doc.sort_by(&order);
    let record = Record {
        kind: RecordKind::System,
        key,
        id,
        doc,
        provenance: format!("{}, rad {}", table.source(), row.number),
        place: place(0),
    };
    Some((record, targets))
}

pub(super) enum Read {
    Value(Value),
    Targets(Vec<String>),
}

/// One cell as the field's value, or `None` (reported) when it cannot be read with
/// certainty.
pub(super) fn read_value(
    field: &Field,
    cell: &Cell,
    map: &ColumnMap,
    at: &Place,
    report: &mut ImportReport,
) -> Option<Read> {
    let raw = cell.text();
    let shown = crate::text::shorten(&raw);
    let unread = |report: &mut ImportReport, nb: String, en: String| {
        report.note(Section::UnreadValue, at.clone(), Text::new(nb, en));
        None
    };
    match field.kind {
        Kind::Text => Some(Read::Value(Value::Text(raw))),
        Kind::Choice(table) => {
            let chosen = map
                .value(field.path, &values::fold(&raw))
                .or_else(|| columns::choose(table, &raw));
            match chosen {
                Some(value) => Some(Read::Value(Value::Word(value.to_string()))),
                None => unread(
                    report,
                    format!(
                        "«{shown}» passer ikke til noen verdi av {}; feltet er utelatt",
                        field.path
                    ),
                    format!(
                        "«{shown}» fits no value of {}; the field is left out",
                        field.path
                    ),
                ),
            }
        }
        Kind::Date => {
            let date = match cell {
                Cell::Text(_) => cell.date().or_else(|| map.date(&raw)),
                _ => cell.date(),
            };
            match date {
                Some(d) => Some(Read::Value(Value::Date(d))),
                None => unread(
                    report,
                    format!(
                        "«{shown}» er ikke en dato som kan leses sikkert ({}); feltet er utelatt",
                        field.path
                    ),
                    format!(
                        "«{shown}» is not a date that can be read with certainty ({}); the field is left out",
                        field.path
                    ),
                ),
            }
        }
        Kind::YesNo => {
            let value = match cell {
                Cell::Bool(b) => Some(*b),
                _ => values::yes_no(&raw),
            };
            match value {
                Some(b) => Some(Read::Value(Value::Bool(b))),
                None => unread(
                    report,
                    format!(
                        "«{shown}» er verken ja eller nei ({}); feltet er utelatt",
                        field.path
                    ),
                    format!(
                        "«{shown}» is neither yes nor no ({}); the field is left out",
                        field.path
                    ),
                ),
            }
        }
        Kind::Names => {
            let k = Katalog::builtin();
            let mut known = Vec::new();
            for name in columns::split_names(&raw) {
                let word = values::fold(&name).replace(' ', "-");
                let ok = match field.path {
                    "felleskomponenter" => k.is_component(&word),
                    _ => k.is_capability(&word),
                };
                if ok {
                    known.push(Value::Word(word));
                } else {
                    let name = crate::text::shorten(&name);
                    report.note(
                        Section::UnreadValue,
                        at.clone(),
                        Text::new(
                            format!(
                                "«{name}» er ikke et navn i katalogen ({}); det er utelatt",
                                field.path
                            ),
                            format!(
                                "«{name}» is not a name in the catalogue ({}); it is left out",
                                field.path
                            ),
                        ),
                    );
                }
            }
            (!known.is_empty()).then_some(Read::Value(Value::List(known)))
        }
        Kind::Targets => Some(Read::Targets(columns::split_names(&raw))),
        Kind::Whole => match cell {
            Cell::Number(n) | Cell::Number1904(n) if *n >= 0.0 && n.abs() < values::MAX_NUMBER => {
                Some(Read::Value(Value::Number(n.floor())))
            }
            _ => match values::number(&raw) {
                Some(n) if n >= 0.0 => Some(Read::Value(Value::Number(n.floor()))),
                _ => unread(
                    report,
                    format!(
                        "«{shown}» er ikke et beløp som kan leses ({}); feltet er utelatt",
                        field.path
                    ),
                    format!(
                        "«{shown}» is not an amount that can be read ({}); the field is left out",
                        field.path
                    ),
                ),
            },
        },
        Kind::Term(_) | Kind::TermText => {
            let labels = columns::term_labels(&raw);
            let Some(first) = labels.first() else {
                return unread(
                    report,
                    format!(
                        "«{shown}» har ingen verdi som kan leses ({}); feltet er utelatt",
                        field.path
                    ),
                    format!(
                        "«{shown}» holds no value that can be read ({}); the field is left out",
                        field.path
                    ),
                );
            };
            if labels.len() > 1 {
                let all = crate::text::shorten(&labels.join(", ")).into_owned();
                report.note(
                    Section::Other,
                    at.clone(),
                    Text::new(
                        format!(
                            "Flere verdier for {} ({all}); den første er skrevet",
                            field.path,
                        ),
                        format!(
                            "Several values for {} ({all}); the first was written",
                            field.path,
                        ),
                    ),
                );
            }
            let shown = crate::text::shorten(first);
            match field.kind {
                Kind::Term(table) => match map
                    .value(field.path, &values::fold(first))
                    .or_else(|| columns::choose(table, first))
                {
                    Some(value) => Some(Read::Value(Value::Word(value.to_string()))),
                    None => unread(
                        report,
                        format!(
                            "«{shown}» passer ikke til noen verdi av {}; feltet er utelatt",
                            field.path
                        ),
                        format!(
                            "«{shown}» fits no value of {}; the field is left out",
                            field.path
                        ),
                    ),
                },
                _ => Some(Read::Value(Value::Text(first.clone()))),
            }
        }
        Kind::Control => None,
    }
}

/// Integrations name other systems by name or id: each becomes `mot: <id>` when exactly
/// one system of the import answers to it, or a national component; anything else is
/// reported and left out.
pub fn resolve_targets(records: &mut [(Record, Vec<(String, Place)>)], report: &mut ImportReport) {
    let mut by_name: std::collections::HashMap<String, Vec<String>> =
        std::collections::HashMap::new();
    for (record, _) in records.iter() {
        by_name
            .entry(values::fold(&record.id))
            .or_default()
            .push(record.id.clone());
        if let Some(Value::Text(name)) = record.doc.get("navn") {
            let ids = by_name.entry(values::fold(name)).or_default();
            // Only this record could have put its id there, just now.
            if ids.last() != Some(&record.id) {
                ids.push(record.id.clone());
            }
        }
    }
    let k = Katalog::builtin();
    for (record, targets) in records.iter_mut() {
        let mut items = Vec::new();
        for (name, at) in targets.drain(..) {
            let folded = values::fold(&name);
            let shown = crate::text::shorten(&name);
            let component = folded.replace(' ', "-");
            let target = match by_name.get(&folded).map(Vec::as_slice) {
                Some([one]) => Some(one.clone()),
                Some(_) => {
                    report.note(
                        Section::UnreadValue,
                        at.clone(),
                        Text::new(
                            format!(
                                "«{shown}» passer til flere systemer; integrasjonen er utelatt"
                            ),
                            format!("«{shown}» fits several systems; the integration is left out"),
                        ),
                    );
                    None
                }
                None if k.is_component(&component) => Some(component),
                None => {
                    report.note(
                        Section::UnreadValue,
                        at.clone(),
                        Text::new(
                            format!("«{shown}» er verken et system i importen eller en felleskomponent; integrasjonen er utelatt"),
                            format!("«{shown}» is neither a system of the import nor a shared component; the integration is left out"),
                        ),
                    );
                    None
                }
            };
            if target.as_deref() == Some(record.id.as_str()) {
                report.note(
                    Section::UnreadValue,
                    at.clone(),
                    Text::new(
                        format!("«{shown}» er systemet selv; et system kan ikke integrere med seg selv, så integrasjonen er utelatt"),
                        format!("«{shown}» is the system itself; a system cannot integrate with itself, so the integration is left out"),
                    ),
                );
                continue;
            }
            if let Some(target) = target {
                let mut item = Doc::default();
                item.set("mot", Value::Word(target));
                if !items.contains(&item) {
                    items.push(item);
                }
            }
        }
        if !items.is_empty() {
            record.doc.set("integrasjoner", Value::Items(items));
            let order: Vec<&str> = columns::SYSTEM
                .iter()
                .map(|f| f.path.split('.').next().unwrap_or(""))
                .collect();
            record.doc.sort_by(&order);
        }
    }
}
