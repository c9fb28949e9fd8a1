//! `prinsipp schema`: JSON Schema (draft 2020-12) for the YAML files, rendered from the
//! format's shape table (load/shape.rs), the same table the readers take their keys from.
//! Editors use it through yaml-language-server for completion and checks as you type.

use crate::format::{self as shape, Shape, Ty};
use crate::load::MAX_ID_CHARS;
use serde_json::{Map, Value, json};

/// The kinds of file, each with its own schema file under schema/.
pub const KINDS: &[&str] = &["kommune", "samarbeid", "systemer", "prosjekter", "avvik"];

/// The schema for one kind of file, or `None` for an unknown kind.
pub fn render(kind: &str) -> Option<String> {
    let (title, root) = match kind {
        "kommune" => ("kommune.yaml", object(&shape::KOMMUNE_FILE)),
        "samarbeid" => (
            "samarbeid.yaml: et IKT-samarbeid og eierkommunene",
            object(&shape::SAMARBEID_FILE),
        ),
        // The key `systemer` decides which of the two a file is, so that a mistake is
        // reported where it is, not as a mismatch with the other form.
        "systemer" => (
            "systemer/*.yaml: en liste under systemer:, eller ett system",
            may_be_empty(json!({
                "if": { "type": "object", "required": ["systemer"] },
                "then": object(&shape::SYSTEM_FILE),
                "else": reference(&shape::SYSTEM),
            })),
        ),
        "prosjekter" => ("prosjekter/*.yaml: prosjekt: eller prosjekter:", {
            let mut o = object(&shape::PROJECT_FILE);
            o["minProperties"] = json!(1);
            may_be_empty(o)
        }),
        // As a systems file: a list under `avvik:`, or one deviation.
        "avvik" => (
            "avvik.yaml: registeret over godkjente avvik",
            may_be_empty(json!({
                "if": { "type": "object", "required": ["avvik"] },
                "then": object(&shape::AVVIK_FILE),
                "else": reference(&shape::AVVIK),
            })),
        ),
        _ => return None,
    };
    let mut schema = Map::new();
    schema.insert(
        "$schema".into(),
        json!("https://json-schema.org/draft/2020-12/schema"),
    );
    schema.insert("title".into(), json!(format!("prinsipp: {title}")));
    if let Value::Object(root) = root {
        schema.extend(root);
    }
    let defs: Map<String, Value> = shape::ALL
        .iter()
        .map(|s| (s.name.to_string(), object(s)))
        .collect();
    schema.insert("$defs".into(), Value::Object(defs));
    let mut text = serde_json::to_string_pretty(&Value::Object(schema)).unwrap_or_default();
    text.push('\n');
    Some(text)
}

/// A file of systems, projects or deviations may be empty: the loader warns and reads
/// nothing from it.
fn may_be_empty(root: Value) -> Value {
    json!({ "if": { "type": "null" }, "then": {}, "else": root })
}

/// Only a value written empty (`beskrivelse:`), which the loader reads as absent. It has
/// no `type`, `enum` or `const`: an editor offers those as completions, and `null` is no
/// value anyone should write.
fn empty() -> Value {
    json!({ "not": { "type": ["string", "number", "boolean", "array", "object"] } })
}

fn reference(shape: &Shape) -> Value {
    json!({ "$ref": format!("#/$defs/{}", shape.name) })
}

/// A mapping: its keys, which are required, and nothing else.
fn object(shape: &Shape) -> Value {
    let properties: Map<String, Value> = shape
        .fields
        .iter()
        .map(|f| {
            let mut t = ty(f.ty);
            suggest_catalogue_names(f.key, &mut t);
            // An optional key written with no value (`beskrivelse:`) is read as absent. A
            // list or mapping decides on the value's type first (`if`), so that a mistake
            // inside it is reported where it is; a single value offers its choices through
            // `anyOf`, which editors complete from.
            if !f.required {
                t = match f.ty {
                    Ty::Object(_) | Ty::List(_) | Ty::EnumList(_) | Ty::Names | Ty::NewSystem => {
                        json!({ "if": { "type": "null" }, "then": {}, "else": t })
                    }
                    _ => json!({ "anyOf": [t, empty()] }),
                };
            }
            t["description"] = json!(f.doc);
            (f.key.to_string(), t)
        })
        .collect();
    let required: Vec<&str> = shape
        .fields
        .iter()
        .filter(|f| f.required)
        .map(|f| f.key)
        .collect();
    let mut o = json!({
        "type": "object",
        "properties": properties,
        "additionalProperties": false,
        "errorMessage": format!("Her skal {} stå, med nøkler og verdier på linjene under", shape.what.0),
    });
    if !required.is_empty() {
        o["required"] = json!(required);
    }
    o
}

/// Names from the built-in catalogue, offered by editors as completions (`examples`) for
/// the keys that name capabilities, components and standards. They are suggestions, not a
/// closed list: a name outside the catalogue is a finding (FK-03), not a broken file.
fn suggest_catalogue_names(key: &str, t: &mut Value) {
    let k = crate::katalog::Katalog::builtin();
    let names: Vec<&str> = match key {
        "kapabiliteter" | "behov" => {
            let mut names: Vec<&str> = k.capability_names().collect();
            names.sort_unstable();
            names.dedup();
            names
        }
        "felleskomponenter" => k.component_names().collect(),
        "standard" => k.standard_names().collect(),
        _ => return,
    };
    match t.get_mut("items") {
        Some(items) => items["examples"] = json!(names),
        None => t["examples"] = json!(names),
    }
}

/// What each value of a fixed list means, so that an editor shows it beside the value
/// rather than the field's own description (`markdownEnumDescriptions` for VS Code's YAML
/// extension, `enumDescriptions` for other clients), in the order of `names`.
fn describe_values(t: &mut Value, names: &[&str]) {
    let docs: Vec<&str> = names.iter().map(|n| value_doc(n)).collect();
    t["enumDescriptions"] = json!(docs);
    t["markdownEnumDescriptions"] = json!(docs);
}

/// The meaning of one value of the format's fixed lists.
fn value_doc(value: &str) -> &'static str {
    match value {
        // drift
        "saas" => "Programvare som tjeneste: leverandøren drifter alt i sin sky",
        "paas" => "Plattform som tjeneste: kommunen drifter applikasjonen på en skyplattform",
        "iaas" => "Infrastruktur som tjeneste: kommunens servere i en leverandørs sky",
        "privat_sky" => "En privat sky driftet for kommunen (eller samarbeidet) alene",
        "fellessky" => "En sky delt med andre offentlige virksomheter",
        "egen_drift" => "Lokalt, på kommunens egne servere",
        // livslop
        "planlagt" => "Besluttet eller planlagt, ikke tatt i bruk",
        "innfasing" => "Tas i bruk nå",
        "aktiv" => "I vanlig bruk",
        "utfasing" => "Skal fases ut, men er fortsatt i bruk",
        "avviklet" => "Ikke lenger i bruk",
        "ukjent" => "Ingen vet hvor systemet er i livsløpet (INV-01)",
        // driftes_av
        "kommunen" => "Kommunens egen IT",
        "ikt_samarbeid" => "Et interkommunalt IKT-samarbeid",
        "leverandor" => "Leverandøren",
        // eierskap
        "egen" => "Kommunen eier løsningen alene",
        "delt" => "Eid sammen med andre",
        "interkommunal" => "Eid av et interkommunalt samarbeid",
        "nasjonal" => "En nasjonal løsning",
        // programvaretype
        "hyllevare" => "Standard programvare slik leverandøren leverer den",
        "tilpasset_hyllevare" => "Standard programvare med tilpasninger for kommunen",
        "egenutviklet" => "Utviklet av eller for kommunen selv",
        "skreddersom" => "Skreddersydd av en leverandør for kommunen",
        // personopplysninger
        "ingen" => "Behandler ingen personopplysninger",
        "vanlige" => "Vanlige personopplysninger (navn, adresse, fødselsnummer …)",
        "saerlige" => "Særlige kategorier (helse, etnisitet, religion …; GDPR art. 9)",
        // skyvurdering: konklusjon, grunner
        "sky" => "Vurderingen konkluderer med sky",
        "ikke_sky" => "Vurderingen konkluderer med lokal drift",
        "sikkerhet" => "Sikkerhet",
        "responstid" => "Responstid og tilgjengelighet",
        "kostnad" => "Kostnad",
        "juridisk" => "Juridiske krav",
        "funksjonell" => "Funksjonelle behov",
        "leverandoravhengighet" => "Avhengighet av én leverandør",
        "annet" => "Annet (si hva i begrunnelsen)",
        // hoy_risiko
        "barn" => "Behandler opplysninger om barn",
        "stor_skala" => "Behandling i stor skala",
        "ny_teknologi" => "Ny teknologi",
        "overvaking" => "Systematisk overvåking",
        // dpia.type
        "full" => "En full vurdering av personvernkonsekvenser (DPIA)",
        "forvurdering" => "En forvurdering av om en DPIA trengs",
        // arkiv.metode
        "deponering" => "Deponeres hos et arkivdepot (IKA)",
        "avlevering" => "Avleveres til arkivdepot",
        "migrering" => "Migreres til det nye systemet",
        "kassasjon" => "Slettes etter kassasjonsvedtak",
        // fase
        "ide" => "En idé: ikke vurdert mot prinsippene ennå",
        "konsept" => "Konseptfasen: behov, alternativer og gevinstpotensial",
        "planlegge" => "Planleggingsfasen: løsning, plan og gevinstplan",
        "gjennomfore" => "Gjennomføringsfasen: løsningen anskaffes og tas i bruk",
        "avslutte" => "Avslutningsfasen: overlevering til linjen",
        "realisere" => "Gevinstrealiseringsfasen: gevinstene hentes ut og måles",
        // gevinst: kategori, type
        "tid" => "Spart tid",
        "kvalitet" => "Bedre kvalitet",
        "kvantitativ" => "Kan måles med tall (nullpunkt, målverdi)",
        "kvalitativ" => "Beskrives og vurderes, måles ikke med tall",
        _ => "",
    }
}

/// A year, a month or a day that exists: 30 days in April, June, September and November,
/// 28 in February and 29 in a leap year (every fourth year, but of the hundreds only those
/// that 400 divides), as the loader counts them.
const DATE_PATTERN: &str = concat!(
    "^(?:[1-9][0-9]{3}(?:-(?:0[1-9]|1[0-2]))?",
    "|[1-9][0-9]{3}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])",
    "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)",
    "|02-(?:0[1-9]|1[0-9]|2[0-8]))",
    "|(?:[1-9][0-9](?:0[48]|[2468][048]|[13579][26])|(?:[2468][048]|[13579][26])00)-02-29)$",
);

/// What is wrong when a value has the wrong type or is not one of a list, in Norwegian:
/// the language server shows `errorMessage` instead of its own English.
fn ty(t: Ty) -> Value {
    const ID: &str = "En id har bare små bokstaver a–z, sifre og bindestrek, f.eks. nytt-sak-arkiv";
    const DATE: &str =
        "Skriv datoen som ÅÅÅÅ-MM-DD (eller bare ÅÅÅÅ-MM eller ÅÅÅÅ), f.eks. 2026-06-01";
    const NUMBER: &str = "Kommunenummeret er fire sifre i anførselstegn, f.eks. \"0301\"";
    const LIST: &str =
        "Skriv en liste: hvert element på en linje som begynner med «- », eller [a, b]";
    match t {
        // Free text: numbers and booleans written plain are read as text.
        Ty::Text => json!({
            "type": ["string", "number", "boolean"],
            "errorMessage": "Her skal det stå tekst",
        }),
        // A plain number is read as its digits (`id: 42`), as long as an id may be.
        Ty::Id => json!({
            "type": ["string", "integer"],
            "exclusiveMinimum": -1e99,
            "exclusiveMaximum": 1e100,
            "pattern": "^[a-z0-9-]+$",
            "maxLength": MAX_ID_CHARS,
            "patternErrorMessage": ID,
            "errorMessage": ID,
        }),
        Ty::Ref => json!({
            "type": ["string", "number", "boolean"],
            "maxLength": MAX_ID_CHARS,
            "errorMessage": "Her skal det stå en id",
        }),
        Ty::Kommunenummer => json!({
            "type": "string",
            "pattern": "^[0-9]{4}$",
            "patternErrorMessage": NUMBER,
            "errorMessage": NUMBER,
        }),
        Ty::Bool => json!({ "type": "boolean", "errorMessage": "Skriv true eller false" }),
        Ty::Whole => json!({
            "type": "integer",
            "minimum": 0,
            "errorMessage": "Skriv et helt tall, 0 eller større",
        }),
        Ty::Number => json!({ "type": "number", "errorMessage": "Skriv et tall" }),
        Ty::Date => {
            // A day, or only the month or the year (a year is also written as a number).
            json!({
                "type": ["string", "integer"],
                "pattern": DATE_PATTERN,
                "minimum": 1000,
                "maximum": 9999,
                "patternErrorMessage": DATE,
                "errorMessage": DATE,
            })
        }
        Ty::Enum(names) => one_of(names),
        Ty::EnumList(names) => {
            json!({ "type": "array", "items": one_of(names), "errorMessage": LIST })
        }
        Ty::Names => json!({
            "type": "array",
            "items": { "type": ["string", "number", "boolean"], "errorMessage": "Her skal det stå et navn" },
            "errorMessage": LIST,
        }),
        Ty::Object(s) => reference(s),
        Ty::List(s) => json!({ "type": "array", "items": reference(s), "errorMessage": LIST }),
        Ty::NewSystem => {
            // `system:` makes an entry a reference to the inventory; anything else is a
            // system written in place. Errors then point into the one that is meant.
            json!({ "type": "array", "errorMessage": LIST, "items": {
                "if": { "type": "object", "required": ["system"] },
                "then": reference(&shape::NEW_SYSTEM_REF),
                "else": reference(&shape::SYSTEM),
            } })
        }
    }
}

/// One of a fixed list of values, each described, and what is allowed when it is not.
fn one_of(names: &[&str]) -> Value {
    let mut t = json!({
        "enum": names,
        "errorMessage": format!("Ugyldig verdi; tillatt: {}", names.join(", ")),
    });
    describe_values(&mut t, names);
    t
}
