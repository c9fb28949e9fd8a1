//! The JSON Schemas for editors: generated from the format's shape table, shipped under
//! schema/, and checked both ways against the real loader.

mod common;
use common::{kommune, prinsipp, repo};
use prinsipp::load::shape::{self, Shape, Ty};
use serde_json::{Value, json};

fn schema(kind: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(repo(&format!("schema/{kind}.schema.json"))).unwrap();
    jsonschema::draft202012::new(&serde_json::from_str::<Value>(&text).unwrap()).unwrap()
}

/// The kind of schema a YAML file of a kommune folder answers to.
fn kind_of(path: &std::path::Path, folder: &std::path::Path) -> Option<&'static str> {
    let rel = path
        .strip_prefix(folder)
        .ok()?
        .to_string_lossy()
        .replace('\\', "/");
    // An IKT-samarbeid's owners have kommune folders inside its folder.
    let inside = match rel.split_once('/') {
        Some((_, rest)) if !rel.starts_with("systemer/") && !rel.starts_with("prosjekter/") => rest,
        _ => rel.as_str(),
    };
    match inside {
        "samarbeid.yaml" => Some("samarbeid"),
        "kommune.yaml" => Some("kommune"),
        "avvik.yaml" => Some("avvik"),
        r if r.starts_with("systemer") => Some("systemer"),
        r if r.starts_with("prosjekter") => Some("prosjekter"),
        _ => None,
    }
}

fn yaml_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            yaml_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            out.push(path);
        }
    }
}

#[test]
fn the_shipped_schemas_are_what_the_binary_prints() {
    for kind in prinsipp::schema::KINDS {
        let run = prinsipp(&["schema", kind]);
        assert_eq!(run.code, 0);
        let shipped = std::fs::read_to_string(repo(&format!("schema/{kind}.schema.json")))
            .unwrap_or_default();
        assert!(
            shipped == run.stdout,
            "schema/{kind}.schema.json is stale: run `cargo run -- schema --dir schema`"
        );
    }
}

#[test]
fn every_example_and_fixture_file_validates() {
    let mut folders = vec![
        repo("examples/eksempel-kommune"),
        repo("examples/ryddig-kommune"),
        repo("examples/ikt-samarbeid"),
    ];
    for entry in std::fs::read_dir(repo("tests/rules")).unwrap().flatten() {
        for side in ["fails", "passes"] {
            folders.push(entry.path().join(side).to_string_lossy().into_owned());
        }
    }
    let validators: Vec<(&str, jsonschema::Validator)> = prinsipp::schema::KINDS
        .iter()
        .map(|k| (*k, schema(k)))
        .collect();
    let mut checked = 0;
    let mut problems = Vec::new();
    for folder in folders {
        let folder = std::path::PathBuf::from(folder);
        let mut files = Vec::new();
        yaml_files(&folder, &mut files);
        for file in files {
            let Some(kind) = kind_of(&file, &folder) else {
                continue;
            };
            let text = std::fs::read_to_string(&file).unwrap();
            let value: Value =
                yaml_serde::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            let validator = &validators.iter().find(|(k, _)| *k == kind).unwrap().1;
            for error in validator.iter_errors(&value) {
                problems.push(format!(
                    "{}: {error} at {}",
                    file.display(),
                    error.instance_path()
                ));
            }
            checked += 1;
        }
    }
    assert!(checked > 150, "{checked}");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A sample value of every declared type, with every key of every nested shape.
fn sample(t: Ty) -> Value {
    match t {
        Ty::Text => json!("tekst"),
        Ty::Id | Ty::Ref => json!("id-1"),
        Ty::Kommunenummer => json!("3999"),
        Ty::Bool => json!(true),
        Ty::Whole => json!(5),
        Ty::Number => json!(1.5),
        Ty::Date => json!("2026-01-01"),
        Ty::Enum(names) => json!(names[0]),
        Ty::EnumList(names) => json!([names[0]]),
        Ty::Names => json!(["saksbehandling"]),
        Ty::Object(s) => full(s),
        Ty::List(s) => json!([full(s)]),
        Ty::NewSystem => json!([{ "system": "id-1" }, full(&shape::SYSTEM)]),
    }
}

fn full(s: &Shape) -> Value {
    let mut o = serde_json::Map::new();
    for f in s.fields {
        o.insert(f.key.to_string(), sample(f.ty));
    }
    if s.name == "system" {
        o.insert("id".into(), json!("inline-system"));
    }
    Value::Object(o)
}

/// Every key of the shape table, with a value of its declared type, is read by the loader
/// without a complaint, and the same document passes the schema: neither can drift.
#[test]
fn every_key_of_every_shape_is_read_by_the_loader_and_accepted_by_the_schema() {
    let mut inventory_system = full(&shape::SYSTEM);
    inventory_system["id"] = json!("id-1");
    let systems = json!({ "systemer": [inventory_system] });
    let project = json!({ "prosjekt": full(&shape::PROJECT) });
    let avvik = json!({ "avvik": [full(&shape::AVVIK)] });
    let kommune_doc = json!({ "kommune": full(&shape::KOMMUNE) });
    // `brukes_av` names owners of a samarbeid: the sample's names are its owners.
    let samarbeid_doc = json!({ "samarbeid": full(&shape::SAMARBEID) });
    for (kind, doc) in [
        ("kommune", &kommune_doc),
        ("samarbeid", &samarbeid_doc),
        ("systemer", &systems),
        ("prosjekter", &project),
        ("avvik", &avvik),
    ] {
        let errors: Vec<String> = schema(kind)
            .iter_errors(doc)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{kind}: {errors:?}");
    }
    // JSON is YAML: the loader reads the same documents.
    let s = |v: &Value| serde_json::to_string_pretty(v).unwrap();
    let member = samarbeid_doc["samarbeid"]["kommuner"][0].as_str().unwrap();
    let dir = kommune(
        "every-key",
        &[
            ("samarbeid.yaml", s(&samarbeid_doc).as_bytes()),
            (
                &format!("{member}/kommune.yaml"),
                s(&kommune_doc).as_bytes(),
            ),
            ("systemer/s.yaml", s(&systems).as_bytes()),
            ("prosjekter/p.yaml", s(&project).as_bytes()),
            ("avvik.yaml", s(&avvik).as_bytes()),
        ],
    );
    let options = prinsipp::load::LoadOptions::default();
    let root = prinsipp::input::Folder::open(&dir).unwrap();
    let shared = prinsipp::load::load_shared(&root, &dir, &options);
    let own = prinsipp::input::Folder::open(&dir.join(member)).unwrap();
    let loaded = prinsipp::load::load_member(&shared, member, &own, &dir.join(member), &options);
    let errors: Vec<String> = shared
        .diagnostics
        .iter()
        .chain(&loaded.diagnostics)
        .map(|d| format!("{}: {}", d.place(), d.message.en))
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    let portfolio = loaded.portfolio.unwrap();
    assert_eq!(portfolio.systems.len(), 1);
    assert_eq!(portfolio.projects[0].new_systems.len(), 2);
}

#[test]
fn the_schema_rejects_what_the_loader_rejects() {
    let validator = schema("systemer");
    let bad = [
        json!({ "systemer": [{ "id": "a", "navn": "A", "drift": "skyen" }] }),
        json!({ "systemer": [{ "id": "a", "navn": "A", "systemeir": "x" }] }),
        json!({ "systemer": [{ "id": "Stor", "navn": "A" }] }),
        json!({ "systemer": [{ "navn": "A" }] }),
        json!({ "systemer": [{ "id": "a", "navn": "A", "kjernesystem": "ja" }] }),
    ];
    for doc in bad {
        assert!(!validator.is_valid(&doc), "{doc}");
    }
}

/// The schema of an optional key's value, without what lets it be written empty.
fn value_schema(property: &Value) -> &Value {
    match (property.get("anyOf"), property.get("else")) {
        (Some(any), _) => &any[0],
        (None, Some(other)) => other,
        _ => property,
    }
}

/// Editors offer the catalogue's names where a file names capabilities, components and
/// standards (as suggestions: other names are findings, not broken files), and say in
/// Norwegian what a date, an id and a kommunenummer look like.
#[test]
fn the_schemas_suggest_catalogue_names_and_explain_patterns_in_norwegian() {
    let systems: Value = serde_json::from_str(
        &std::fs::read_to_string(repo("schema/systemer.schema.json")).unwrap(),
    )
    .unwrap();
    let system = &systems["$defs"]["system"]["properties"];
    let examples = |v: &Value| -> Vec<String> {
        let v = &v["examples"];
        v.as_array()
            .unwrap()
            .iter()
            .map(|e| e.as_str().unwrap().to_string())
            .collect()
    };
    assert!(
        examples(&value_schema(&system["kapabiliteter"])["items"])
            .contains(&"saksbehandling".to_string())
    );
    assert!(
        examples(&value_schema(&system["felleskomponenter"])["items"])
            .contains(&"id-porten".to_string())
    );
    let integration = &systems["$defs"]["integrasjon"]["properties"];
    assert!(examples(value_schema(&integration["standard"])).contains(&"noark5".to_string()));
    let projects: Value = serde_json::from_str(
        &std::fs::read_to_string(repo("schema/prosjekter.schema.json")).unwrap(),
    )
    .unwrap();
    let project = &projects["$defs"]["prosjekt"]["properties"];
    assert!(
        examples(&value_schema(&project["behov"])["items"]).contains(&"saksbehandling".to_string())
    );
    assert!(
        value_schema(&system["innfort"])["patternErrorMessage"]
            .as_str()
            .unwrap()
            .starts_with("Skriv datoen som ÅÅÅÅ-MM-DD")
    );
    assert!(
        system["id"]["patternErrorMessage"]
            .as_str()
            .unwrap()
            .starts_with("En id har bare små bokstaver")
    );
    // Suggestions only: a name outside the catalogue still validates.
    let doc = json!({ "systemer": [{ "id": "a", "navn": "A", "kapabiliteter": ["noe-eget"] }] });
    assert!(schema("systemer").is_valid(&doc));
}

/// Every value of a fixed list has its own description, shown beside it in the editor.
#[test]
fn every_value_of_a_fixed_list_is_described() {
    for kind in prinsipp::schema::KINDS {
        let text = std::fs::read_to_string(repo(&format!("schema/{kind}.schema.json"))).unwrap();
        let doc: Value = serde_json::from_str(&text).unwrap();
        let mut stack = vec![&doc];
        while let Some(v) = stack.pop() {
            if let Some(values) = v.get("enum").and_then(Value::as_array) {
                let docs = v["markdownEnumDescriptions"].as_array().unwrap();
                // A value outside the list is explained in Norwegian, with what is allowed.
                let allowed: Vec<&str> = values.iter().filter_map(Value::as_str).collect();
                assert_eq!(
                    v["errorMessage"],
                    format!("Ugyldig verdi; tillatt: {}", allowed.join(", ")).as_str(),
                    "{kind}"
                );
                let named: Vec<&Value> = values.iter().filter(|x| !x.is_null()).collect();
                assert_eq!(docs.len(), named.len(), "{kind}: {values:?}");
                for (value, doc) in named.iter().zip(docs) {
                    assert!(
                        !doc.as_str().unwrap().is_empty(),
                        "{kind}: {value} has no description"
                    );
                }
            }
            match v {
                Value::Object(o) => stack.extend(o.values()),
                Value::Array(a) => stack.extend(a.iter()),
                _ => {}
            }
        }
    }
    let systems: Value = serde_json::from_str(
        &std::fs::read_to_string(repo("schema/systemer.schema.json")).unwrap(),
    )
    .unwrap();
    let drift = value_schema(&systems["$defs"]["system"]["properties"]["drift"]);
    assert_eq!(drift["enum"][0], "saas");
    assert!(
        drift["markdownEnumDescriptions"][0]
            .as_str()
            .unwrap()
            .starts_with("Programvare som tjeneste")
    );
}

/// A case of the corpus: the file's place in the kommune folder, its text, and whether
/// prinsipp refuses it for its shape (exit 2, an error in that file).
struct Case {
    path: &'static str,
    text: &'static str,
    refused: bool,
}

const fn case(path: &'static str, text: &'static str, refused: bool) -> Case {
    Case {
        path,
        text,
        refused,
    }
}

const S: &str = "systemer/a.yaml";
const P: &str = "prosjekter/p.yaml";

/// Files a person gets wrong, and files that only look wrong. Each is run through prinsipp
/// and through the shipped schema; they must agree, so an editor marks what prinsipp will
/// refuse and nothing else.
const CORPUS: &[Case] = &[
    // A day that does not exist; leap years counted as the loader counts them.
    case(
        S,
        "systemer:\n  - id: a\n    navn: A\n    innfort: 2026-02-30\n",
        true,
    ),
    case(
        S,
        "systemer:\n  - id: a\n    navn: A\n    innfort: 2026-04-31\n",
        true,
    ),
    case(
        S,
        "systemer:\n  - id: a\n    navn: A\n    innfort: 2100-02-29\n",
        true,
    ),
    case(
        S,
        "systemer:\n  - id: a\n    navn: A\n    innfort: 2026-13\n",
        true,
    ),
    case(
        S,
        "systemer:\n  - id: a\n    navn: A\n    innfort: 2024-02-29\n",
        false,
    ),
    case(
        S,
        "systemer:\n  - id: a\n    navn: A\n    innfort: 2000-02-29\n",
        false,
    ),
    case(
        S,
        "systemer:\n  - id: a\n    navn: A\n    innfort: 2026-12\n",
        false,
    ),
    case(
        S,
        "systemer:\n  - id: a\n    navn: A\n    innfort: 2026\n",
        false,
    ),
    // An id written as a number is its digits; one with capitals is not an id.
    case(S, "systemer:\n  - id: 42\n    navn: A\n", false),
    case(S, "systemer:\n  - id: Stor\n    navn: A\n", true),
    case(S, "systemer:\n  - navn: A\n", true),
    // An empty file is read as nothing (a warning); an empty value as absent.
    case(S, "", false),
    case(P, "", false),
    case("avvik.yaml", "", false),
    case(
        S,
        "systemer:\n  - id: a\n    navn: A\n    beskrivelse:\n    drift:\n",
        false,
    ),
    case(S, "systemer: []\n", false),
    // Wrong values, keys and types, in both forms of a systems file.
    case(
        S,
        "systemer:\n  - id: a\n    navn: A\n    drift: skyen\n",
        true,
    ),
    case(
        S,
        "systemer:\n  - id: a\n    navn: A\n    systemeir: Kari\n",
        true,
    ),
    case(
        S,
        "systemer:\n  - id: a\n    navn: A\n    kjernesystem: ja\n",
        true,
    ),
    case(S, "id: a\nnavn: A\ndrift: skyen\n", true),
    case(S, "id: a\nnavn: A\ndrift: saas\n", false),
    case(
        P,
        "prosjekt:\n  id: p\n  navn: P\n  prosjekteier: Eier\n  fase: ide\n  nye_systemer:\n    - system: a\n    - id: b\n      navn: B\n      drfit: saas\n",
        true,
    ),
    case(
        P,
        "prosjekt:\n  id: p\n  navn: P\n  prosjekteier: Eier\n  fase: ide\n  nye_systemer:\n    - system: a\n    - id: b\n      navn: B\n      drift: saas\n",
        false,
    ),
    case(
        P,
        "prosjekt:\n  id: p\n  navn: P\n  prosjekteier: Eier\n  fase: skisse\n",
        true,
    ),
    // avvik.yaml: a list under `avvik:`, or one deviation; an empty mapping is neither.
    case(
        "avvik.yaml",
        "regel: SKY-03\ngjelder: a\nbegrunnelse: B\nvedtatt_av: Styret\ndato: 2026-02-10\ngyldig_til: 2027-06-30\nref: \"26/1\"\n",
        false,
    ),
    case(
        "avvik.yaml",
        "avvik:\n  - regel: SKY-03\n    gjelder: a\n    begrunnelse: B\n    vedtatt_av: Styret\n    dato: 2026-02-10\n    gyldig_til: 2027-06-30\n    ref: \"26/1\"\n",
        false,
    ),
    case("avvik.yaml", "{}\n", true),
    // An id written as a number no longer than an id may be.
    case(
        S,
        "systemer:\n  - id: 10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000\n    navn: A\n",
        true,
    ),
    // kommune.yaml: never empty, its number in quotes.
    case("kommune.yaml", "", true),
    case(
        "kommune.yaml",
        "kommune:\n  navn: T\n  kommunenummer: 3999\n",
        true,
    ),
    case(
        "kommune.yaml",
        "kommune:\n  navn: T\n  kommunenummer: \"3999\"\n",
        false,
    ),
];

#[test]
fn the_cli_and_the_schema_agree_on_a_corpus_of_files() {
    let mut disagreements = Vec::new();
    for (i, c) in CORPUS.iter().enumerate() {
        let mut files: Vec<(&str, &[u8])> = vec![(c.path, c.text.as_bytes())];
        if c.path != "kommune.yaml" {
            files.push(("kommune.yaml", common::KOMMUNE));
        }
        let dir = kommune(&format!("corpus-{i}"), &files);
        let run = prinsipp(&["check", dir.to_str().unwrap(), "--fail-on", "never"]);
        let refused = run.code == 2 && run.stderr.contains(&format!("feil: {}", c.path));
        assert!(run.code == 2 || run.code == 0, "{}: {}", c.path, run.stderr);
        assert_eq!(
            refused, c.refused,
            "prinsipp on case {i} ({}):\n{}\n{}",
            c.path, c.text, run.stderr
        );
        let kind = kind_of(&dir.join(c.path), &dir).unwrap();
        let value: Value = if c.text.trim().is_empty() {
            Value::Null
        } else {
            yaml_serde::from_str(c.text).unwrap()
        };
        let valid = schema(kind).is_valid(&value);
        if valid == refused {
            disagreements.push(format!(
                "case {i} ({}): prinsipp {}, the schema {}:\n{}",
                c.path,
                if refused { "refuses" } else { "reads" },
                if valid { "accepts" } else { "rejects" },
                c.text
            ));
        }
    }
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
}

/// A validator's errors point at the mistake, not at the other form of the file.
#[test]
fn schema_errors_point_at_the_mistake() {
    let validator = schema("systemer");
    let doc = json!({ "systemer": [{ "id": "a", "navn": "A", "drift": "skyen" }] });
    let paths: Vec<String> = validator
        .iter_errors(&doc)
        .map(|e| e.instance_path().to_string())
        .collect();
    assert_eq!(paths, ["/systemer/0/drift"]);
    let one = json!({ "id": "a", "navn": "A", "drift": "skyen" });
    let paths: Vec<String> = validator
        .iter_errors(&one)
        .map(|e| e.instance_path().to_string())
        .collect();
    assert_eq!(paths, ["/drift"]);
}

/// No schema offers `null`: an editor completes every `type`, `enum` and `const` it finds,
/// and an empty value is written by leaving it out. Only a condition (`if`) may name it.
#[test]
fn no_schema_offers_null() {
    for kind in prinsipp::schema::KINDS {
        let text = std::fs::read_to_string(repo(&format!("schema/{kind}.schema.json"))).unwrap();
        let doc: Value = serde_json::from_str(&text).unwrap();
        let mut stack = vec![("", &doc)];
        while let Some((key, v)) = stack.pop() {
            if key == "if" {
                continue;
            }
            let offered = match key {
                "type" => v == "null" || v.as_array().is_some_and(|a| a.contains(&json!("null"))),
                "enum" => v.as_array().is_some_and(|a| a.contains(&Value::Null)),
                "const" => v.is_null(),
                _ => false,
            };
            assert!(!offered, "{kind}: {key} {v}");
            match v {
                Value::Object(o) => stack.extend(o.iter().map(|(k, v)| (k.as_str(), v))),
                Value::Array(a) => stack.extend(a.iter().map(|v| ("", v))),
                _ => {}
            }
        }
    }
}
