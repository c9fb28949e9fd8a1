//! Prosjektportalen 365 (design/import.md §1): projects from the portfolio overview's
//! «Eksporter til Excel» or the hub list «Prosjekter» exported to CSV. Headers are the
//! display names, in Norwegian or English as the installation is. Closed projects,
//! programmes and parent projects are left out (they would count benefits twice), and a
//! project without an owner is not written: `prosjekteier` is required.

use super::columns::{Field, Kind};
use super::doc::Doc;
use super::mapfile::ColumnMap;
use super::record::{IdMap, Record, RecordKind};
use super::report::{ImportReport, Place, Section};
use super::sheet::{self, Read};
use super::table::Table;
use super::values;
use crate::diagnostic::Diagnostic;
use crate::text::Text;

/// PP365's phases (term set «Fase», nb and en labels) and the words generic project sheets
/// use. «Flere faser» and the construction phases fit none and are left out.
pub const FASE: &[(&str, &str)] = &[
    ("idé", "ide"),
    ("ide", "ide"),
    ("idea", "ide"),
    ("forslag", "ide"),
    ("konsept", "konsept"),
    ("starting up", "konsept"),
    ("forprosjekt", "konsept"),
    ("konseptfase", "konsept"),
    ("utredning", "konsept"),
    ("planlegge", "planlegge"),
    ("initiating", "planlegge"),
    ("planlegging", "planlegge"),
    ("gjennomføre", "gjennomfore"),
    ("gjennomfore", "gjennomfore"),
    ("directing", "gjennomfore"),
    ("gjennomføring", "gjennomfore"),
    ("pågår", "gjennomfore"),
    ("avslutte", "avslutte"),
    ("closing", "avslutte"),
    ("avslutning", "avslutte"),
    ("realisere", "realisere"),
    ("benefits realization", "realisere"),
    ("gevinstrealisering", "realisere"),
    ("realisering", "realisere"),
];

/// The columns of a PP365 project export. Paths starting with `@` are read to decide, not
/// written.
pub static PROJECT: &[Field] = &[
    Field {
        path: "navn",
        headers: &[
            "tittel",
            "title",
            "prosjektnavn",
            "prosjekt",
            "prosjektets navn",
        ],
        kind: Kind::Text,
    },
    Field {
        path: "@nummer",
        headers: &["prosjektnummer", "project number"],
        kind: Kind::Control,
    },
    Field {
        path: "prosjekteier",
        headers: &[
            "prosjekteier",
            "project owner",
            "programeier",
            "program owner",
            "eier",
            "oppdragsgiver",
        ],
        kind: Kind::Text,
    },
    Field {
        path: "prosjektleder",
        headers: &[
            "prosjektleder",
            "project manager",
            "programleder",
            "program manager",
        ],
        kind: Kind::Text,
    },
    Field {
        path: "tjenesteomraade",
        headers: &["tjenesteområde", "service area"],
        kind: Kind::TermText,
    },
    Field {
        path: "fase",
        headers: &["fase", "phase", "gtprojectphasetext"],
        kind: Kind::Term(FASE),
    },
    Field {
        path: "budsjett_nok",
        headers: &[
            "totalbudsjett for prosjektet",
            "total budget for the project",
            "budsjett",
        ],
        kind: Kind::Whole,
    },
    Field {
        path: "gevinstplan.gevinstansvarlig",
        headers: &["gevinstansvarlig", "gains responsible"],
        kind: Kind::Text,
    },
    Field {
        path: "@status",
        headers: &[
            "prosjektstatus",
            "project status",
            "programstatus",
            "program status",
        ],
        kind: Kind::Control,
    },
    Field {
        path: "@program",
        headers: &["program", "er program"],
        kind: Kind::Control,
    },
    Field {
        path: "@overordnet",
        headers: &["overordnet", "overordnet prosjekt", "parent project"],
        kind: Kind::Control,
    },
];

/// The projects of one sheet.
pub fn projects(
    table: &Table,
    map: &ColumnMap,
    ids: &mut IdMap,
    report: &mut ImportReport,
    records: &mut Vec<Record>,
) -> Result<(), Box<Diagnostic>> {
    let columns = sheet::match_columns(table, PROJECT, map, report);
    let has = |path: &str| {
        columns
            .fields
            .iter()
            .any(|f| f.is_some_and(|f| f.path == path))
    };
    if !has("navn") || !has("prosjekteier") {
        let found: Vec<&str> = columns.fields.iter().flatten().map(|f| f.path).collect();
        let missing: Vec<&str> = ["navn", "prosjekteier"]
            .into_iter()
            .filter(|p| !has(p))
            .collect();
        return Err(Box::new(
            Diagnostic::error(
                &table.place(),
                table.header_row as u32,
                0,
                Text::new(
                    format!(
                        "Arket ser ikke ut som en prosjektliste fra Prosjektportalen: mangler {}; fant {}",
                        missing.join(" og "),
                        if found.is_empty() { "ingen kjente kolonner".to_string() } else { found.join(", ") }
                    ),
                    format!(
                        "The sheet does not look like a project list from Prosjektportalen: lacks {}; found {}",
                        missing.join(" and "),
                        if found.is_empty() { "no known column".to_string() } else { found.join(", ") }
                    ),
                ),
            )
            .with_hint(Text::new(
                "Eksporter visningen «Alle prosjekter» (Tittel, Prosjekteier, Fase …), eller gi kolonnene i --kolonner",
                "Export the view «Alle prosjekter» (Tittel, Prosjekteier, Fase …), or name the columns with --kolonner",
            )),
        ));
    }
    for row in &table.rows {
        report.rows += 1;
        let place = |column: usize| Place {
            file: table.place(),
            row: row.number,
            column,
        };
        let text = |path: &str| {
            columns
                .cell(row, path)
                .map(|(_, c)| c.text())
                .unwrap_or_default()
        };
        let name = text("navn");
        let shown = crate::text::shorten(&name);
        let skip = |report: &mut ImportReport, nb: String, en: String| {
            report.note(Section::SkippedRow, place(0), Text::new(nb, en));
        };
        if name.is_empty() {
            skip(
                report,
                "Raden har ingen tittel; den er hoppet over".into(),
                "The row has no title; it was skipped".into(),
            );
            continue;
        }
        let status = values::fold(&text("@status"));
        if status == "avsluttet" || status == "closed" {
            skip(
                report,
                format!("«{shown}» er avsluttet; avsluttede prosjekter er ikke tatt med"),
                format!("«{shown}» is closed; closed projects are left out"),
            );
            continue;
        }
        if values::yes_no(&text("@program")) == Some(true)
            || values::yes_no(&text("@overordnet")) == Some(true)
        {
            skip(
                report,
                format!(
                    "«{shown}» er et program eller et overordnet prosjekt; det er ikke tatt med (gevinstene ville telt to ganger)"
                ),
                format!(
                    "«{shown}» is a programme or a parent project; it was left out (its benefits would count twice)"
                ),
            );
            continue;
        }
        if text("prosjekteier").is_empty() {
            skip(
                report,
                format!(
                    "«{shown}» har ingen prosjekteier, som formatet krever; prosjektet er ikke skrevet"
                ),
                format!(
                    "«{shown}» has no project owner, which the format requires; the project was not written"
                ),
            );
            continue;
        }
        let number = text("@nummer");
        let key = if number.is_empty() {
            format!("navn:{}", values::fold(&name))
        } else {
            format!("nummer:{number}")
        };
        let Some(wanted) = values::slug(&name) else {
            skip(
                report,
                format!("Kan ikke lage en id av «{shown}»; raden er hoppet over"),
                format!("Cannot make an id from «{shown}»; the row was skipped"),
            );
            continue;
        };
        let id = ids.assign(
            RecordKind::Project,
            "pp365",
            &key,
            &wanted,
            &place(0),
            report,
        );
        let mut doc = Doc::default();
        for (i, field) in columns.fields.iter().enumerate() {
            let Some(field) = field else { continue };
            let cell = row.get(i);
            if cell.is_empty() || field.path.starts_with('@') {
                continue;
            }
            if let Some(Read::Value(value)) =
                sheet::read_value(field, cell, map, &place(i + 1), report)
            {
                doc.set_path(field.path, value);
            }
        }
        let order: Vec<&str> = crate::load::shape::PROJECT.keys().collect();
        doc.sort_by(&order);
        records.push(Record {
            kind: RecordKind::Project,
            key,
            id,
            doc,
            provenance: format!("{}, rad {}", table.source(), row.number),
            place: place(0),
        });
    }
    sheet::beyond_header(table, report);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phases_in_both_languages() {
        assert_eq!(
            super::super::columns::choose(FASE, "Gjennomføre"),
            Some("gjennomfore")
        );
        assert_eq!(
            super::super::columns::choose(FASE, "Benefits realization"),
            Some("realisere")
        );
        assert_eq!(super::super::columns::choose(FASE, "Flere faser"), None);
        for (_, value) in FASE {
            assert!(crate::model::Fase::NAMES.contains(value), "{value}");
        }
    }

    #[test]
    fn every_field_is_a_key_of_a_project() {
        for field in PROJECT.iter().filter(|f| !f.path.starts_with('@')) {
            assert!(
                crate::load::shape::PROJECT.resolve(field.path).is_some(),
                "{}",
                field.path
            );
        }
    }
}
