//! Kartoteket, Oslo kommune's system inventory (design/import.md §3): the JSON API's
//! endpoint dumps (`/api/systemer/`, and to resolve its references `/api/virksomheter/`,
//! `/api/leverandorer/`, `/api/driftsplattformer/`, `/api/systemintegrasjoner/`), and the
//! admin «CSV Eksport» of System, whose headers are the internal field names. Given both,
//! they are joined on Kartoteket's id: the API gives names and integrations, the CSV the
//! dates. Each file is recognised by what it holds, not by its name.

use super::doc::{Doc, Value};
use super::record::{IdMap, Record, RecordKind};
use super::report::{ImportReport, Place, Section};
use super::table::Table;
use super::values;
use crate::diagnostic::Diagnostic;
use crate::text::Text;
use serde_json::Value as Json;
use std::collections::{BTreeMap, HashMap};

/// A platform (`Driftsmodell`) as far as hosting goes.
#[derive(Debug, Clone, Default)]
struct Platform {
    name: String,
    saas: bool,
    partner: bool,
    class: String,
}

#[derive(Debug, Clone)]
struct Integration {
    from: i64,
    to: i64,
    kind: String,
    personal_data: bool,
    place: Place,
}

/// One system as the sources tell it, before it becomes a record.
#[derive(Debug, Clone, Default)]
struct System {
    place: Option<Place>,
    provenance: Vec<String>,
    fields: BTreeMap<&'static str, (Value, Place)>,
    owner_ref: Option<(i64, Place)>,
    steward_ref: Option<(i64, Place)>,
    supplier_refs: Vec<(i64, Place)>,
    platform_ref: Option<(i64, Place)>,
    /// The platform by name, from the CSV export (which has no platform ids).
    platform_name: Option<(String, Place)>,
    saas: bool,
    national: bool,
}

/// Everything read from Kartoteket's files, joined on its ids.
#[derive(Debug, Default)]
pub struct Kartoteket {
    systems: BTreeMap<i64, System>,
    organisations: HashMap<i64, String>,
    suppliers: HashMap<i64, String>,
    platforms: HashMap<i64, Platform>,
    integrations: Vec<Integration>,
}

fn id_of(reference: &Json) -> Option<i64> {
    reference.get("id").and_then(Json::as_i64)
}

fn text_of(value: Option<&Json>) -> Option<String> {
    value
        .and_then(Json::as_str)
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
}

/// An organisation as the CSV export writes it, «Dokumentsenteret (DOK)»: the name without
/// its abbreviation, as the API gives it.
fn organisation_name(text: &str) -> String {
    let abbreviation = |inner: &str| {
        !inner.is_empty()
            && inner.len() <= 12
            && inner
                .chars()
                .all(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    match text
        .trim()
        .strip_suffix(')')
        .and_then(|t| t.rsplit_once(" ("))
    {
        Some((name, inner)) if abbreviation(inner) && !name.trim().is_empty() => {
            name.trim().to_string()
        }
        _ => text.trim().to_string(),
    }
}

/// Livsløpstatus as Kartoteket writes it («3 👌 Moderne og modent», or the code 3): by
/// its digit, which must be the whole value or stand before whitespace. 0 (not assessed)
/// and 8 (unknown) are not a lifecycle; anything else («Moderne», «2024-01-01», «10») is
/// not Kartoteket's status and is not read.
fn lifecycle(text: &str) -> Result<&'static str, Text> {
    let text = text.trim();
    let shown = crate::text::shorten(text);
    let mut chars = text.chars();
    let digit = chars.next();
    let alone = chars.next().is_none_or(char::is_whitespace);
    match digit {
        Some('1') if alone => Ok("planlagt"),
        Some('2' | '3' | '4') if alone => Ok("aktiv"),
        Some('5') if alone => Ok("utfasing"),
        Some('6' | '7') if alone => Ok("avviklet"),
        Some(d @ ('0' | '8')) if alone => {
            let (nb, en) = if d == '0' {
                ("ikke vurdert", "not assessed")
            } else {
                ("ukjent", "unknown")
            };
            Err(Text::new(
                format!(
                    "«{shown}» sier ikke hvilket livsløp ({d} er {nb} i Kartoteket); livslop er utelatt"
                ),
                format!(
                    "«{shown}» does not say which lifecycle ({d} is {en} in Kartoteket); livslop is left out"
                ),
            ))
        }
        _ => Err(Text::new(
            format!(
                "«{shown}» er ikke en livsløpstatus fra Kartoteket (ett siffer 0–8, alene eller foran teksten); den er utelatt"
            ),
            format!(
                "«{shown}» is not a lifecycle status of Kartoteket (one digit 0–8, alone or before the text); it is left out"
            ),
        )),
    }
}

impl Kartoteket {
    /// One JSON endpoint dump: `{"data": [...]}` (the API's wrapper) or a bare list.
    pub fn read_json(
        &mut self,
        bytes: &[u8],
        file: &str,
        report: &mut ImportReport,
    ) -> Result<(), Box<Diagnostic>> {
        let json: Json = serde_json::from_slice(bytes).map_err(|e| {
            Box::new(Diagnostic::error(
                file,
                e.line() as u32,
                e.column() as u32,
                Text::new(
                    format!("Ikke gyldig JSON: {}", crate::text::shorten(&e.to_string())),
                    format!("Not valid JSON: {}", crate::text::shorten(&e.to_string())),
                ),
            ))
        })?;
        let items = json.get("data").unwrap_or(&json).as_array().ok_or_else(|| {
            Box::new(
                Diagnostic::error(
                    file,
                    0,
                    0,
                    Text::new(
                        "Fila er ikke et svar fra Kartotekets API: ventet `data` med en liste",
                        "The file is not a response of Kartoteket's API: expected `data` with a list",
                    ),
                )
                .with_hint(Text::new(
                    "Lagre svaret fra f.eks. /api/systemer/ som det er",
                    "Save the response of e.g. /api/systemer/ as it is",
                )),
            )
        })?;
        for (i, item) in items.iter().enumerate() {
            let place = Place {
                file: file.to_string(),
                row: i + 1,
                column: 0,
            };
            let class = item.get("class").and_then(Json::as_str).unwrap_or("");
            let Some(id) = item.get("id").and_then(Json::as_i64) else {
                report.note(
                    Section::SkippedRow,
                    place,
                    Text::new(
                        "Oppføringen har ingen id; den er hoppet over",
                        "The entry has no id; it was skipped",
                    ),
                );
                continue;
            };
            match class {
                "System" => {
                    report.rows += 1;
                    self.system_json(id, item, place, report)
                }
                "Virksomhet" => {
                    if let Some(name) = text_of(item.get("virksomhetsnavn")) {
                        self.organisations.insert(id, name);
                    }
                }
                "Leverandor" => {
                    if let Some(name) = text_of(item.get("navn")) {
                        self.suppliers.insert(id, name);
                    }
                }
                "Driftsmodell" => {
                    let flag = |k: &str| item.get(k).and_then(Json::as_bool).unwrap_or(false);
                    self.platforms.insert(
                        id,
                        Platform {
                            name: text_of(item.get("navn")).unwrap_or_default(),
                            saas: flag("bool_er_saas"),
                            partner: flag("bool_samarbeidspartner"),
                            class: text_of(
                                item.get("plattformklassifisering")
                                    .and_then(|p| p.get("navn")),
                            )
                            .unwrap_or_default(),
                        },
                    );
                }
                "SystemIntegration" => {
                    if let (Some(from), Some(to)) = (
                        item.get("system_kilde").and_then(id_of),
                        item.get("system_destinasjon").and_then(id_of),
                    ) {
                        self.integrations.push(Integration {
                            from,
                            to,
                            kind: text_of(item.get("integrasjonstype").and_then(|t| t.get("navn")))
                                .unwrap_or_default(),
                            personal_data: item
                                .get("bool_personopplysninger")
                                .and_then(Json::as_bool)
                                .unwrap_or(false),
                            place,
                        });
                    }
                }
                other => {
                    let other = crate::text::shorten(other);
                    report.note(
                        Section::Other,
                        place,
                        Text::new(
                            format!(
                                "Oppføringer av klassen «{other}» brukes ikke; fila er hoppet over"
                            ),
                            format!(
                                "Entries of class «{other}» are not used; the file was skipped"
                            ),
                        ),
                    );
                    return Ok(());
                }
            }
        }
        Ok(())
    }

    fn system_json(&mut self, id: i64, item: &Json, place: Place, report: &mut ImportReport) {
        let system = self.systems.entry(id).or_default();
        system.provenance.push(format!(
            "{}, oppføring {} (Kartoteket-id {id})",
            place.file, place.row
        ));
        system.place.get_or_insert(place.clone());
        let mut set = |key: &'static str, value: Value| {
            system.fields.insert(key, (value, place.clone()));
        };
        if let Some(name) = text_of(item.get("navn")) {
            set("navn", Value::Text(name));
        }
        if let Some(text) = text_of(item.get("beskrivelse")) {
            set("beskrivelse", Value::Text(text));
        }
        // The label as a string, or the bare code as a number.
        let status = match item.get("livslop_status") {
            None | Some(Json::Null) => None,
            Some(Json::Number(n)) => Some(n.to_string()),
            Some(Json::String(t)) if t.trim().is_empty() => None,
            Some(Json::String(t)) => Some(t.clone()),
            Some(other) => Some(other.to_string()),
        };
        if let Some(status) = status {
            match lifecycle(&status) {
                Ok(state) => set("livslop", Value::Word(state.to_string())),
                Err(why) => report.note(Section::UnreadValue, place.clone(), why),
            }
        }
        if item.get("bool_egenutviklet").and_then(Json::as_bool) == Some(true) {
            set("programvaretype", Value::Word("egenutviklet".into()));
        }
        system.saas = item.get("bool_saas").and_then(Json::as_bool) == Some(true);
        system.national = text_of(item.get("eierskapsmodell"))
            .is_some_and(|m| values::fold(&m).contains("nasjonal felleskomponent"));
        system.owner_ref = item
            .get("systemeier_virksomhet")
            .and_then(id_of)
            .map(|i| (i, place.clone()));
        system.steward_ref = item
            .get("systemforvalter_virksomhet")
            .and_then(id_of)
            .map(|i| (i, place.clone()));
        system.platform_ref = item
            .get("driftsplattform")
            .and_then(id_of)
            .map(|i| (i, place.clone()));
        system.supplier_refs = item
            .get("systemleverandor")
            .and_then(Json::as_array)
            .map(|list| {
                list.iter()
                    .filter_map(id_of)
                    .map(|i| (i, place.clone()))
                    .collect()
            })
            .unwrap_or_default();
    }

    /// The admin «CSV Eksport» of System: internal field names as headers, raw codes as
    /// values, `None` for nothing. Joined to the API's systems on `id`.
    pub fn read_admin_csv(
        &mut self,
        table: &Table,
        report: &mut ImportReport,
    ) -> Result<(), Box<Diagnostic>> {
        let column = |name: &str| table.header.iter().position(|h| h.trim() == name);
        if column("id").is_none() || column("systemnavn").is_none() {
            let found: Vec<_> = table
                .header
                .iter()
                .take(12)
                .map(|h| crate::text::shorten(h))
                .collect();
            return Err(Box::new(Diagnostic::error(
                &table.place(),
                table.header_row as u32,
                0,
                Text::new(
                    format!(
                        "Ikke Kartotekets CSV-eksport: ventet kolonnene id og systemnavn; fant {}",
                        found.join(", ")
                    ),
                    format!(
                        "Not Kartoteket's CSV export: expected the columns id and systemnavn; found {}",
                        found.join(", ")
                    ),
                ),
            )));
        }
        let known = [
            "id",
            "systemnavn",
            "systembeskrivelse",
            "systemeier",
            "systemforvalter",
            "livslop_status",
            "programvarekategori",
            "er_egenutviklet",
            "driftsmodell_foreignkey",
            "dato_etablert",
            "dato_end_of_life",
            "dato_sist_ros",
            "url_risikovurdering",
            "er_arkiv",
        ];
        // Kartoteket has many more fields; those with no place in prinsipp are one note.
        let unused: Vec<_> = table
            .header
            .iter()
            .filter(|h| !known.contains(&h.trim()))
            .map(|h| crate::text::shorten(h))
            .collect();
        if !unused.is_empty() {
            report.note(
                Section::UnmappedColumn,
                Place {
                    file: table.place(),
                    row: table.header_row,
                    column: 0,
                },
                match unused.len() {
                    1 => Text::new(
                        format!(
                            "Kolonnen {} har ingen plass i formatet og er ikke lest",
                            unused[0]
                        ),
                        format!(
                            "The column {} has no place in the format and was not read",
                            unused[0]
                        ),
                    ),
                    n => Text::new(
                        format!(
                            "{n} kolonner har ingen plass i formatet og er ikke lest: {}",
                            unused.join(", ")
                        ),
                        format!(
                            "{n} columns have no place in the format and were not read: {}",
                            unused.join(", ")
                        ),
                    ),
                },
            );
        }
        for row in &table.rows {
            report.rows += 1;
            let cell = |name: &str| {
                column(name)
                    .map(|c| row.get(c).text())
                    .filter(|t| !t.is_empty() && t != "None")
            };
            let at = |name: &str| Place {
                file: table.place(),
                row: row.number,
                column: column(name).map_or(0, |c| c + 1),
            };
            let Some(id) = cell("id").and_then(|t| t.parse::<i64>().ok()) else {
                report.note(
                    Section::SkippedRow,
                    at("id"),
                    Text::new(
                        "Raden har ingen id; den er hoppet over",
                        "The row has no id; it was skipped",
                    ),
                );
                continue;
            };
            let system = self.systems.entry(id).or_default();
            system.provenance.push(format!(
                "{}, rad {} (Kartoteket-id {id})",
                table.source(),
                row.number
            ));
            system.place.get_or_insert(at("id"));
            let mut set = |key: &'static str, value: Value, place: Place| {
                // The API's value, where there is one, is the resolved one: keep it.
                system.fields.entry(key).or_insert((value, place));
            };
            for (field, key) in [
                ("systemnavn", "navn"),
                ("systembeskrivelse", "beskrivelse"),
                ("url_risikovurdering", "ros.ref"),
            ] {
                if let Some(text) = cell(field) {
                    set(key, Value::Text(text), at(field));
                }
            }
            for field in ["systemeier", "systemforvalter"] {
                if let Some(text) = cell(field) {
                    set(field, Value::Text(organisation_name(&text)), at(field));
                }
            }
            if let Some(status) = cell("livslop_status") {
                match lifecycle(&status) {
                    Ok(state) => set(
                        "livslop",
                        Value::Word(state.to_string()),
                        at("livslop_status"),
                    ),
                    Err(why) => report.note(Section::UnreadValue, at("livslop_status"), why),
                }
            }
            let software = match cell("programvarekategori").as_deref() {
                Some("1") => Some("hyllevare"),
                Some("2") => Some("tilpasset_hyllevare"),
                Some("3") => Some("egenutviklet"),
                Some("4") => Some("skreddersom"),
                _ if cell("er_egenutviklet").as_deref() == Some("True") => Some("egenutviklet"),
                _ => None,
            };
            if let Some(kind) = software {
                set(
                    "programvaretype",
                    Value::Word(kind.to_string()),
                    at("programvarekategori"),
                );
            }
            for (field, key) in [
                ("dato_etablert", "innfort"),
                ("dato_end_of_life", "utfases"),
                ("dato_sist_ros", "ros.dato"),
            ] {
                let Some(raw) = cell(field) else { continue };
                match values::date(&raw) {
                    Some(date) => set(key, Value::Date(date), at(field)),
                    None => {
                        let raw = crate::text::shorten(&raw);
                        report.note(
                            Section::UnreadValue,
                            at(field),
                            Text::new(
                                format!("«{raw}» er ikke en dato ({key}); feltet er utelatt"),
                                format!("«{raw}» is not a date ({key}); the field is left out"),
                            ),
                        )
                    }
                }
            }
            if cell("er_arkiv").as_deref() == Some("True") {
                set("arkiv.arkivverdig", Value::Bool(true), at("er_arkiv"));
                report.note(
                    Section::Other,
                    at("er_arkiv"),
                    Text::new(
                        "er_arkiv (et arkivsystem) er lest som arkivverdig: sjekk at dataene skal bevares",
                        "er_arkiv (an archive system) was read as arkivverdig: check that the data are to be kept",
                    ),
                );
            }
            if let Some(platform) = cell("driftsmodell_foreignkey") {
                system
                    .platform_name
                    .get_or_insert((platform, at("driftsmodell_foreignkey")));
            }
        }
        super::sheet::beyond_header(table, report);
        Ok(())
    }

    /// The systems as records, in Kartoteket's id order.
    pub fn records(
        self,
        drift_map: &dyn Fn(&str) -> Option<String>,
        heuristics: bool,
        ids: &mut IdMap,
        report: &mut ImportReport,
    ) -> Vec<Record> {
        let mut by_kt: BTreeMap<i64, String> = BTreeMap::new();
        let mut records = Vec::new();
        for (kt_id, system) in &self.systems {
            let place = system.place.clone().unwrap_or(Place {
                file: String::new(),
                row: 0,
                column: 0,
            });
            let Some((Value::Text(name), _)) = system.fields.get("navn") else {
                report.note(
                    Section::SkippedRow,
                    place,
                    Text::new(
                        format!("Systemet med Kartoteket-id {kt_id} har ikke noe navn; det er hoppet over"),
                        format!("The system with Kartoteket id {kt_id} has no name; it was skipped"),
                    ),
                );
                continue;
            };
            let shown = crate::text::shorten(name);
            let Some(wanted) = values::slug(name) else {
                report.note(
                    Section::SkippedRow,
                    place,
                    Text::new(
                        format!("Kan ikke lage en id av «{shown}» (Kartoteket-id {kt_id}); systemet er hoppet over"),
                        format!("Cannot make an id from «{shown}» (Kartoteket id {kt_id}); the system was skipped"),
                    ),
                );
                continue;
            };
            let id = ids.assign(
                RecordKind::System,
                "kartoteket",
                &kt_id.to_string(),
                &wanted,
                &place,
                report,
            );
            by_kt.insert(*kt_id, id.clone());
            let mut doc = Doc::default();
            for (key, (value, _)) in &system.fields {
                doc.set_path(key, value.clone());
            }
            self.organisation(&mut doc, "systemeier", &system.owner_ref, report);
            self.organisation(&mut doc, "systemforvalter", &system.steward_ref, report);
            self.supplier(&mut doc, &system.supplier_refs, report);
            if doc.get("drift").is_none() {
                self.hosting(&mut doc, system, drift_map, heuristics, report);
            }
            if system.national {
                report.note(
                    Section::Other,
                    place.clone(),
                    Text::new(
                        format!("«{shown}» er en nasjonal felleskomponent i Kartoteket, ikke et system kommunen eier; sjekk om den hører hjemme i systemoversikten"),
                        format!("«{shown}» is a national shared component in Kartoteket, not a system the kommune owns; check whether it belongs in the inventory"),
                    ),
                );
            }
            records.push(Record {
                kind: RecordKind::System,
                key: kt_id.to_string(),
                id,
                doc,
                provenance: system.provenance.join("; "),
                place,
            });
        }
        self.integrate(&mut records, &by_kt, heuristics, report);
        let order: Vec<&str> = super::columns::SYSTEM
            .iter()
            .map(|f| f.path.split('.').next().unwrap_or(""))
            .collect();
        for record in &mut records {
            record.doc.sort_by(&order);
        }
        records
    }

    fn organisation(
        &self,
        doc: &mut Doc,
        key: &str,
        reference: &Option<(i64, Place)>,
        report: &mut ImportReport,
    ) {
        let Some((id, at)) = reference else { return };
        match self.organisations.get(id) {
            Some(name) => doc.set(key, Value::Text(name.clone())),
            None if doc.get(key).is_none() => report.note(
                Section::UnreadValue,
                at.clone(),
                Text::new(
                    format!("{key} viser til virksomhet {id}, som ikke er i noen av filene (ta med /api/virksomheter/); feltet er utelatt"),
                    format!("{key} refers to organisation {id}, which is in none of the files (add /api/virksomheter/); the field is left out"),
                ),
            ),
            None => {}
        }
    }

    fn supplier(&self, doc: &mut Doc, references: &[(i64, Place)], report: &mut ImportReport) {
        let names: Vec<&String> = references
            .iter()
            .filter_map(|(id, _)| self.suppliers.get(id))
            .collect();
        if let Some((first, _)) = references.first() {
            match self.suppliers.get(first) {
                Some(name) => doc.set("leverandor", Value::Text(name.clone())),
                None => report.note(
                    Section::UnreadValue,
                    references[0].1.clone(),
                    Text::new(
                        format!("leverandor viser til leverandør {first}, som ikke er i noen av filene (ta med /api/leverandorer/); feltet er utelatt"),
                        format!("leverandor refers to supplier {first}, which is in none of the files (add /api/leverandorer/); the field is left out"),
                    ),
                ),
            }
        }
        if names.len() > 1 {
            let all: Vec<_> = names.iter().map(|n| crate::text::shorten(n)).collect();
            report.note(
                Section::Other,
                references[0].1.clone(),
                Text::new(
                    format!(
                        "Flere leverandører ({}); den første er skrevet",
                        all.join(", ")
                    ),
                    format!(
                        "Several suppliers ({}); the first was written",
                        all.join(", ")
                    ),
                ),
            );
        }
    }

    /// `drift` from the platform: the user's map by platform name first, then SaaS; with
    /// `heuristics`, a partner platform → fellessky and a public data centre or cloud →
    /// iaas, each reported. A private data centre is never guessed: the kommune's own
    /// (egen_drift) and a supplier's (privat_sky) look the same here.
    fn hosting(
        &self,
        doc: &mut Doc,
        system: &System,
        drift_map: &dyn Fn(&str) -> Option<String>,
        heuristics: bool,
        report: &mut ImportReport,
    ) {
        let platform = system
            .platform_ref
            .as_ref()
            .and_then(|(id, at)| self.platforms.get(id).map(|p| (p, at)));
        if let Some(drift) = platform.and_then(|(p, _)| drift_map(&p.name)) {
            doc.set("drift", Value::Word(drift));
            return;
        }
        if system.saas || platform.is_some_and(|(p, _)| p.saas) {
            doc.set("drift", Value::Word("saas".into()));
            return;
        }
        let Some((p, at)) = platform else {
            if let Some((name, at)) = &system.platform_name {
                let name_shown = crate::text::shorten(name);
                match drift_map(name) {
                    Some(drift) => doc.set("drift", Value::Word(drift)),
                    None => report.note(
                        Section::UnreadValue,
                        at.clone(),
                        Text::new(
                            format!("Driftsplattformen «{name_shown}» sier ikke hvilken drift; feltet er utelatt (gi den i [verdier.drift] i --kolonner)"),
                            format!("The platform «{name_shown}» does not say which hosting; the field is left out (give it in [verdier.drift] with --kolonner)"),
                        ),
                    ),
                }
            } else if let Some((id, at)) = &system.platform_ref {
                report.note(
                    Section::UnreadValue,
                    at.clone(),
                    Text::new(
                        format!("driftsplattform viser til plattform {id}, som ikke er i noen av filene (ta med /api/driftsplattformer/); drift er utelatt"),
                        format!("driftsplattform refers to platform {id}, which is in none of the files (add /api/driftsplattformer/); drift is left out"),
                    ),
                );
            }
            return;
        };
        let class = values::fold(&p.class);
        let (p_name, p_class) = (
            crate::text::shorten(&p.name),
            crate::text::shorten(&p.class),
        );
        let guess = if !heuristics {
            None
        } else if p.partner {
            Some((
                "fellessky",
                "samarbeidspartnerens plattform",
                "a partner's platform",
            ))
        } else if class.contains("offentlig") {
            Some((
                "iaas",
                "offentlig plattform (kan være paas)",
                "public platform (could be paas)",
            ))
        } else {
            None
        };
        match guess {
            Some((drift, nb, en)) => {
                doc.set("drift", Value::Word(drift.into()));
                report.note(
                    Section::Heuristic,
                    at.clone(),
                    Text::new(
                        format!("drift: {drift} for plattformen «{p_name}» ({nb})"),
                        format!("drift: {drift} for the platform «{p_name}» ({en})"),
                    ),
                );
            }
            None => report.note(
                Section::UnreadValue,
                at.clone(),
                Text::new(
                    format!("Plattformen «{p_name}» ({p_class}) sier ikke sikkert hvilken drift; feltet er utelatt"),
                    format!("The platform «{p_name}» ({p_class}) does not say for certain which hosting; the field is left out"),
                ),
            ),
        }
    }

    /// Information transfers become `integrasjoner`; other kinds of dependency
    /// (federated login, publishing, a component of the system) are counted in the report.
    fn integrate(
        &self,
        records: &mut [Record],
        by_kt: &BTreeMap<i64, String>,
        heuristics: bool,
        report: &mut ImportReport,
    ) {
        let mut other_kinds: BTreeMap<String, (usize, Place)> = BTreeMap::new();
        let mut targets: BTreeMap<String, Vec<String>> = BTreeMap::new();
        // The first integration of each system that carries personal data.
        let mut personal: std::collections::HashMap<String, Place> = Default::default();
        for i in &self.integrations {
            if !values::fold(&i.kind).contains("informasjonsoverf") {
                other_kinds
                    .entry(i.kind.clone())
                    .or_insert((0, i.place.clone()))
                    .0 += 1;
                continue;
            }
            let (Some(from), Some(to)) = (by_kt.get(&i.from), by_kt.get(&i.to)) else {
                report.note(
                    Section::UnreadValue,
                    i.place.clone(),
                    Text::new(
                        format!("Integrasjonen mellom Kartoteket-id {} og {} nevner et system som ikke er importert; den er utelatt", i.from, i.to),
                        format!("The integration between Kartoteket ids {} and {} names a system that was not imported; it is left out", i.from, i.to),
                    ),
                );
                continue;
            };
            if from == to {
                report.note(
                    Section::UnreadValue,
                    i.place.clone(),
                    Text::new(
                        format!("Integrasjonen går fra Kartoteket-id {} til seg selv; et system kan ikke integrere med seg selv, så integrasjonen er utelatt", i.from),
                        format!("The integration goes from Kartoteket id {} to itself; a system cannot integrate with itself, so the integration is left out", i.from),
                    ),
                );
                continue;
            }
            let list = targets.entry(from.clone()).or_default();
            if !list.contains(to) {
                list.push(to.clone());
            }
            if i.personal_data {
                personal
                    .entry(from.clone())
                    .or_insert_with(|| i.place.clone());
            }
        }
        for (kind, (n, first)) in other_kinds {
            let kind = crate::text::shorten(&kind);
            report.note(
                Section::Other,
                first,
                match n {
                    1 => Text::new(
                        format!("1 avhengighet av typen «{kind}» er ikke en integrasjon i prinsipps forstand og er ikke tatt med"),
                        format!("1 dependency of the kind «{kind}» is not an integration in prinsipp's sense and was left out"),
                    ),
                    n => Text::new(
                        format!("{n} avhengigheter av typen «{kind}» er ikke integrasjoner i prinsipps forstand og er ikke tatt med"),
                        format!("{n} dependencies of the kind «{kind}» are not integrations in prinsipp's sense and were left out"),
                    ),
                },
            );
        }
        for record in records.iter_mut() {
            if let Some(list) = targets.get(&record.id) {
                let items = list
                    .iter()
                    .map(|t| {
                        let mut item = Doc::default();
                        item.set("mot", Value::Word(t.clone()));
                        item
                    })
                    .collect();
                record.doc.set("integrasjoner", Value::Items(items));
            }
            if heuristics && record.doc.get("personopplysninger").is_none() {
                if let Some(at) = personal.get(&record.id) {
                    record
                        .doc
                        .set("personopplysninger", Value::Word("vanlige".into()));
                    report.note(
                        Section::Heuristic,
                        at.clone(),
                        Text::new(
                            "personopplysninger: vanlige, fordi en integrasjon fra systemet overfører personopplysninger",
                            "personopplysninger: vanlige, because an integration from the system transfers personal data",
                        ),
                    );
                }
            }
        }
    }
}
