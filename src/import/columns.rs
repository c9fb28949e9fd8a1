//! Which column of a sheet holds which field of prinsipp's format, and how its values are
//! read: the headers Norwegian inventories use (design/import.md §5), the words they use
//! for each value, and the user's own column map (`--kolonner map.toml`).

use super::values::fold;

/// How a column's values become a field.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    /// Free text, as written.
    Text,
    /// One value of a closed list, through a table of the words sheets use.
    Choice(&'static [(&'static str, &'static str)]),
    Date,
    YesNo,
    /// Names separated by `;`, `,` or line breaks (capabilities, components).
    Names,
    /// Systems this one integrates with, by name or id (`integrasjoner[].mot`).
    Targets,
    /// A whole number of kroner (`1 200 000`, `kr 4,2`… rounded down).
    Whole,
    /// A SharePoint taxonomy value (`Planlegge`, `Planlegge|GUID`, `-1;#Planlegge|GUID`,
    /// several separated by `;`): the first label, through the table. Only a GUID is
    /// dropped after `|`.
    Term(&'static [(&'static str, &'static str)]),
    /// A taxonomy value kept as text: the first label.
    TermText,
    /// Not a field: a column the importer reads to decide (a project's number, status).
    Control,
}

/// A field of a system and the headers that name it, first match wins.
#[derive(Debug)]
pub struct Field {
    /// The key in prinsipp's format; dots for nested keys (`avtale.utloper`).
    pub path: &'static str,
    pub headers: &'static [&'static str],
    pub kind: Kind,
}

/// Words for `drift`. Vague ones («sky», «Azure», «leverandørdrift», «ASP», «hostet») are
/// left out on purpose: they would decide between saas, paas, iaas and privat_sky.
pub const DRIFT: &[(&str, &str)] = &[
    ("saas", "saas"),
    ("software as a service", "saas"),
    ("skytjeneste (saas)", "saas"),
    ("paas", "paas"),
    ("iaas", "iaas"),
    ("privat sky", "privat_sky"),
    ("privat_sky", "privat_sky"),
    ("private cloud", "privat_sky"),
    ("fellessky", "fellessky"),
    ("felles sky", "fellessky"),
    ("community cloud", "fellessky"),
    ("egen drift", "egen_drift"),
    ("egen_drift", "egen_drift"),
    ("lokal drift", "egen_drift"),
    ("lokalt", "egen_drift"),
    ("on-prem", "egen_drift"),
    ("on-premise", "egen_drift"),
    ("on-premises", "egen_drift"),
    ("on premise", "egen_drift"),
    ("on premises", "egen_drift"),
    ("eget datasenter", "egen_drift"),
    ("internt", "egen_drift"),
    ("drift hos ikt", "egen_drift"),
];

pub const LIVSLOP: &[(&str, &str)] = &[
    ("planlagt", "planlagt"),
    ("under anskaffelse", "planlagt"),
    ("anskaffelse", "planlagt"),
    ("innfasing", "innfasing"),
    ("innføring", "innfasing"),
    ("under innføring", "innfasing"),
    ("implementering", "innfasing"),
    ("pilot", "innfasing"),
    ("aktiv", "aktiv"),
    ("i bruk", "aktiv"),
    ("i drift", "aktiv"),
    ("produksjon", "aktiv"),
    ("utfasing", "utfasing"),
    ("under utfasing", "utfasing"),
    ("skal fases ut", "utfasing"),
    ("bør byttes ut", "utfasing"),
    ("eol", "utfasing"),
    ("avviklet", "avviklet"),
    ("avslutta", "avviklet"),
    ("avsluttet", "avviklet"),
    ("ute av bruk", "avviklet"),
    ("faset ut", "avviklet"),
    ("historisk", "avviklet"),
    ("ukjent", "ukjent"),
    ("vet ikke", "ukjent"),
    ("unknown", "ukjent"),
];

pub const DRIFTES_AV: &[(&str, &str)] = &[
    ("kommunen", "kommunen"),
    ("egen it", "kommunen"),
    ("egen it-avdeling", "kommunen"),
    ("intern", "kommunen"),
    ("ikt-samarbeid", "ikt_samarbeid"),
    ("ikt-samarbeidet", "ikt_samarbeid"),
    ("interkommunalt", "ikt_samarbeid"),
    ("vertskommune", "ikt_samarbeid"),
    ("leverandør", "leverandor"),
    ("leverandor", "leverandor"),
    ("ekstern", "leverandor"),
];

pub const EIERSKAP: &[(&str, &str)] = &[
    ("egen", "egen"),
    ("kommunal", "egen"),
    ("kommunens egen", "egen"),
    ("delt", "delt"),
    ("felles", "delt"),
    ("interkommunal", "interkommunal"),
    ("interkommunalt", "interkommunal"),
    ("nasjonal", "nasjonal"),
    ("statlig", "nasjonal"),
];

pub const PROGRAMVARETYPE: &[(&str, &str)] = &[
    ("hyllevare", "hyllevare"),
    ("standardsystem", "hyllevare"),
    ("standardprogramvare", "hyllevare"),
    ("cots", "hyllevare"),
    ("tilpasset hyllevare", "tilpasset_hyllevare"),
    ("tilpasset_hyllevare", "tilpasset_hyllevare"),
    ("konfigurert hyllevare", "tilpasset_hyllevare"),
    ("egenutviklet", "egenutviklet"),
    ("egenutvikling", "egenutviklet"),
    ("internt utviklet", "egenutviklet"),
    ("skreddersøm", "skreddersom"),
    ("skreddersom", "skreddersom"),
    ("skreddersydd", "skreddersom"),
    ("spesialutviklet", "skreddersom"),
];

/// «sensitiv» is left out on purpose: in arkivplan.no it is an information-security class,
/// not GDPR art. 9.
pub const PERSONOPPLYSNINGER: &[(&str, &str)] = &[
    ("nei", "ingen"),
    ("ingen", "ingen"),
    ("no", "ingen"),
    ("ja", "vanlige"),
    ("vanlige", "vanlige"),
    ("alminnelige", "vanlige"),
    ("yes", "vanlige"),
    ("særlige", "saerlige"),
    ("saerlige", "saerlige"),
    ("særlige kategorier", "saerlige"),
    ("art. 9", "saerlige"),
    ("art 9", "saerlige"),
    ("helseopplysninger", "saerlige"),
];

pub const ARKIVMETODE: &[(&str, &str)] = &[
    ("deponering", "deponering"),
    ("avlevering", "avlevering"),
    ("migrering", "migrering"),
    ("kassasjon", "kassasjon"),
];

/// The fields of a system in a generic sheet, in the order datamodell.md lists them.
pub static SYSTEM: &[Field] = &[
    Field {
        path: "id",
        headers: &["id", "system-id", "systemid", "kortnavn"],
        kind: Kind::Text,
    },
    Field {
        path: "navn",
        headers: &[
            "navn",
            "systemnavn",
            "system",
            "namn",
            "applikasjon",
            "name",
        ],
        kind: Kind::Text,
    },
    Field {
        path: "beskrivelse",
        headers: &[
            "beskrivelse",
            "systembeskrivelse",
            "innhold/funksjon",
            "innhald/funksjon",
            "formål",
            "funksjon",
            "description",
        ],
        kind: Kind::Text,
    },
    Field {
        path: "merknad",
        headers: &[
            "merknad",
            "merknader",
            "kommentar",
            "kommentarer",
            "notat",
            "comment",
        ],
        kind: Kind::Text,
    },
    Field {
        path: "driftes_av",
        headers: &["driftes av", "driftsansvar", "driftsansvarlig"],
        kind: Kind::Choice(DRIFTES_AV),
    },
    Field {
        path: "eierskap",
        headers: &["eierskap", "eierform"],
        kind: Kind::Choice(EIERSKAP),
    },
    Field {
        path: "leverandor",
        headers: &[
            "leverandør",
            "programvareleverandør",
            "systemleverandør",
            "produsent",
            "vendor",
            "supplier",
        ],
        kind: Kind::Text,
    },
    Field {
        path: "tjenesteomraade",
        headers: &[
            "tjenesteområde",
            "tenesteområde",
            "sektor",
            "kommunalområde",
            "virksomhetsområde",
            "fagområde",
        ],
        kind: Kind::Text,
    },
    Field {
        path: "kapabiliteter",
        headers: &["kapabiliteter", "funksjonsområde", "kategori"],
        kind: Kind::Names,
    },
    Field {
        path: "systemeier",
        headers: &[
            "systemeier",
            "organisatorisk systemeier",
            "eier",
            "system owner",
        ],
        kind: Kind::Text,
    },
    Field {
        path: "systemforvalter",
        headers: &[
            "systemforvalter",
            "forvalter",
            "systemansvarlig",
            "systemansvar",
            "organisatorisk systemforvalter",
            "hovedforvalter",
        ],
        kind: Kind::Text,
    },
    Field {
        path: "programvaretype",
        headers: &[
            "programvaretype",
            "programvarekategori",
            "type programvare",
            "software type",
        ],
        kind: Kind::Choice(PROGRAMVARETYPE),
    },
    Field {
        path: "kjernesystem",
        headers: &["kjernesystem", "kritisk system"],
        kind: Kind::YesNo,
    },
    Field {
        path: "drift",
        headers: &[
            "drift",
            "driftsform",
            "driftsmodell",
            "driftsplattform",
            "hosting",
            "driftsmiljø",
        ],
        kind: Kind::Choice(DRIFT),
    },
    Field {
        path: "livslop",
        headers: &[
            "livsløp",
            "livsløpstatus",
            "livsløpsstatus",
            "status",
            "i bruk",
            "lifecycle",
        ],
        kind: Kind::Choice(LIVSLOP),
    },
    Field {
        path: "innfort",
        headers: &[
            "innført",
            "tatt i bruk",
            "dato tatt i bruk",
            "i bruk fra",
            "dato etablert",
        ],
        kind: Kind::Date,
    },
    Field {
        path: "utfases",
        headers: &[
            "utfases",
            "utfasing",
            "avsluttet",
            "avslutta",
            "end of life",
            "dato utfasing",
        ],
        kind: Kind::Date,
    },
    Field {
        path: "avtale.utloper",
        headers: &[
            "avtale utløper",
            "avtaleslutt",
            "kontrakt utløper",
            "utløpsdato avtale",
            "fornyingsdato",
        ],
        kind: Kind::Date,
    },
    Field {
        path: "felleskomponenter",
        headers: &["felleskomponenter", "nasjonale komponenter"],
        kind: Kind::Names,
    },
    Field {
        path: "integrasjoner",
        headers: &[
            "integrasjoner",
            "relasjoner",
            "relasjoner til andre system",
            "integrerer mot",
        ],
        kind: Kind::Targets,
    },
    Field {
        path: "personopplysninger",
        headers: &[
            "personopplysninger",
            "personopplysningar",
            "persondata",
            "gdpr",
        ],
        kind: Kind::Choice(PERSONOPPLYSNINGER),
    },
    Field {
        path: "dpia.dato",
        headers: &["dpia", "dpia dato", "personvernkonsekvensvurdering"],
        kind: Kind::Date,
    },
    Field {
        path: "dpia.ref",
        headers: &["dpia ref"],
        kind: Kind::Text,
    },
    Field {
        path: "databehandleravtale.ref",
        headers: &["databehandleravtale", "dba"],
        kind: Kind::Text,
    },
    Field {
        path: "ros.dato",
        headers: &["ros", "ros dato", "risikovurdering", "dato sist ros"],
        kind: Kind::Date,
    },
    Field {
        path: "publikumsrettet",
        headers: &["publikumsrettet", "innbyggerrettet", "innbyggertjeneste"],
        kind: Kind::YesNo,
    },
    Field {
        path: "tilgjengelighetserklaering",
        headers: &["tilgjengelighetserklæring", "uu-erklæring"],
        kind: Kind::Text,
    },
    Field {
        path: "arkiv.arkivverdig",
        headers: &["arkivverdig"],
        kind: Kind::YesNo,
    },
    Field {
        path: "arkiv.metode",
        headers: &["arkivmetode", "bevaring"],
        kind: Kind::Choice(ARKIVMETODE),
    },
    Field {
        path: "arkiv.depot",
        headers: &["depot", "arkivdepot"],
        kind: Kind::Text,
    },
];

/// The value a word stands for in `table`, compared folded.
pub fn choose(table: &[(&str, &'static str)], raw: &str) -> Option<&'static str> {
    let raw = fold(raw);
    table
        .iter()
        .find(|(word, _)| fold(word) == raw)
        .map(|(_, value)| *value)
}

/// The labels of a SharePoint taxonomy or lookup value: `-1;#Label|GUID;#2;#Other|GUID`,
/// `1;#Label;#2;#Other` or `Label1;Label2` → [Label1, Label2]. What follows the last `|`
/// is dropped only when it is a GUID (`Helse | Omsorg` stays whole); a value with no label
/// (`-1;#`, `|GUID`) gives no label at all, for the caller to report.
pub fn term_labels(raw: &str) -> Vec<String> {
    let values: Vec<&str> = if raw.contains(";#") {
        let parts: Vec<&str> = raw.split(";#").collect();
        // `id;#value;#id;#value`: every other part is a lookup id.
        let paired = parts.len() % 2 == 0 && parts.iter().step_by(2).all(|p| is_lookup_id(p));
        if paired {
            parts.into_iter().skip(1).step_by(2).collect()
        } else {
            raw.split(';')
                .map(|p| p.trim().trim_start_matches('#'))
                .filter(|p| !is_lookup_id(p))
                .collect()
        }
    } else {
        raw.split(';').collect()
    };
    values
        .into_iter()
        .map(term_label)
        .filter(|label| !label.is_empty())
        .map(str::to_string)
        .collect()
}

/// A SharePoint lookup id: a whole number, `-1` for a taxonomy term.
fn is_lookup_id(text: &str) -> bool {
    let text = text.trim();
    let digits = text.strip_prefix('-').unwrap_or(text);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// One taxonomy value's label: `Label|GUID` → `Label`; anything else as it is, trimmed.
fn term_label(value: &str) -> &str {
    match value.rsplit_once('|') {
        Some((label, guid)) if is_guid(guid.trim()) => label.trim(),
        _ => value.trim(),
    }
}

/// A GUID as SharePoint writes one: 8-4-4-4-12 hex digits.
fn is_guid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Names in one cell: split on `;`, `,` and line breaks, trimmed, empty ones dropped.
pub fn split_names(raw: &str) -> Vec<String> {
    raw.split([';', ',', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_map_to_values_and_vague_ones_do_not() {
        assert_eq!(choose(DRIFT, "On-Prem"), Some("egen_drift"));
        assert_eq!(choose(DRIFT, "SaaS"), Some("saas"));
        assert_eq!(choose(DRIFT, "Sky"), None);
        assert_eq!(choose(DRIFT, "Azure"), None);
        assert_eq!(choose(LIVSLOP, "I bruk"), Some("aktiv"));
        assert_eq!(
            choose(PERSONOPPLYSNINGER, "Særlige kategorier"),
            Some("saerlige")
        );
        assert_eq!(choose(PERSONOPPLYSNINGER, "Sensitiv"), None);
    }

    #[test]
    fn every_choice_value_is_in_the_format() {
        use crate::model::*;
        for (table, names) in [
            (DRIFT, Drift::NAMES),
            (LIVSLOP, Livslop::NAMES),
            (PROGRAMVARETYPE, Programvaretype::NAMES),
            (PERSONOPPLYSNINGER, Personopplysninger::NAMES),
            (ARKIVMETODE, ArkivMetode::NAMES),
            (DRIFTES_AV, DriftesAv::NAMES),
            (EIERSKAP, Eierskap::NAMES),
        ] {
            for (_, value) in table {
                assert!(names.contains(value), "{value}");
            }
        }
    }

    #[test]
    fn every_field_is_a_key_of_a_system() {
        for field in SYSTEM {
            assert!(
                crate::load::shape::SYSTEM.resolve(field.path).is_some(),
                "{}",
                field.path
            );
        }
    }

    #[test]
    fn taxonomy_values_give_their_labels() {
        const GUID: &str = "cda4f1e1-8a3e-4f0b-9c5e-2f1d3c4b5a69";
        assert_eq!(term_labels("Planlegge"), ["Planlegge"]);
        assert_eq!(term_labels(&format!("Planlegge|{GUID}")), ["Planlegge"]);
        assert_eq!(term_labels(&format!("-1;#Planlegge|{GUID}")), ["Planlegge"]);
        assert_eq!(
            term_labels("Helse og velferd;Skole og oppvekst"),
            ["Helse og velferd", "Skole og oppvekst"]
        );
        assert_eq!(
            term_labels(&format!(
                "3;#Helse|{GUID};#7;#Skole|{}",
                GUID.to_uppercase()
            )),
            ["Helse", "Skole"]
        );
        // A lookup value that ends in digits keeps them.
        assert_eq!(term_labels("1;#Fase 2;#2;#Annet"), ["Fase 2", "Annet"]);
    }

    #[test]
    fn only_a_guid_is_dropped_after_a_bar() {
        assert_eq!(term_labels("Helse | Omsorg"), ["Helse | Omsorg"]);
        assert_eq!(
            term_labels("-1;#Planlegge|cda4f1e1"),
            ["Planlegge|cda4f1e1"]
        );
        assert_eq!(term_labels("|abc"), ["|abc"]);
        assert!(term_labels("-1;#").is_empty());
        assert!(term_labels("|cda4f1e1-8a3e-4f0b-9c5e-2f1d3c4b5a69").is_empty());
        assert!(term_labels(" ; ").is_empty());
    }

    #[test]
    fn names_split_on_the_usual_separators() {
        assert_eq!(split_names("a; b,c\nd ;"), ["a", "b", "c", "d"]);
    }
}
