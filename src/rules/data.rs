//! Data som ressurs (datasets described for sharing): DATA-01 (metadata), DATA-02 (in the
//! national data catalogue), DATA-03 (a core system says which data it holds).

use super::registry::{Principle, Rule, Scope};
use super::{Checker, missing, systems_in_service};
use crate::text::{Lang, Text, join_names};

/// The rules of this principle, and what each looks at.
pub const PRINCIPLE: Principle = Principle {
    prefix: "DATA",
    rules: &[
        Rule::new("DATA-01", Scope::SystemsInService),
        Rule::new("DATA-02", Scope::SystemsInService),
        Rule::new("DATA-03", Scope::SystemsInService),
    ],
    check,
    last: false,
};

pub fn check(c: &mut Checker) {
    for u in systems_in_service(c.portfolio) {
        let s = u.system;
        // A core system in use holds the kommune's own data: it says which, so each gets
        // metadata. A new one has none yet.
        if s.core_system == Some(true) && s.datasets.is_empty() && !u.is_new() {
            let at = u.at(&["kjernesystem"]);
            let message = Message::CoreWithoutDatasets { id: &s.id };
            c.emit_on(&u, "DATA-03", at, "datasett", message);
        }
        for (i, dataset) in s.datasets.iter().enumerate() {
            // Keyed by its id, or its place in the list: never by its name, which is free
            // text that may be corrected without the finding becoming new.
            let key = format!("datasett/{}", super::item_key(dataset.id.as_deref(), i));
            let name = dataset.name.as_deref();
            let at = u.place(dataset.spans.at);
            if !super::given(&dataset.catalogue) {
                let message = Message::NotCatalogued {
                    name,
                    number: i + 1,
                    system: &s.id,
                };
                c.emit_on(&u, "DATA-02", at, &format!("{key}/datakatalog"), message);
            }
            let fields = [
                ("opphav", &dataset.origin),
                ("kvalitet", &dataset.quality),
                ("oppdatert", &dataset.updated),
            ];
            let missing = missing(&fields);
            if missing.is_empty() {
                continue;
            }
            let message = Message::DatasetLacks {
                name,
                number: i + 1,
                system: &s.id,
                missing: &missing,
            };
            c.emit_on(&u, "DATA-01", at, &key, message)
                .lacking(&missing);
        }
    }
}

/// What the DATA rules report: the facts, and their words in both languages.
enum Message<'a> {
    /// DATA-03: a core system that lists no dataset.
    CoreWithoutDatasets { id: &'a str },
    /// DATA-02: a dataset not described in the national data catalogue.
    NotCatalogued {
        name: Option<&'a str>,
        number: usize,
        system: &'a str,
    },
    /// DATA-01: the dataset by its name, or by its number in the list when it has none.
    DatasetLacks {
        name: Option<&'a str>,
        number: usize,
        system: &'a str,
        missing: &'a [&'static str],
    },
}

impl From<Message<'_>> for Text {
    fn from(m: Message) -> Text {
        let called = |name: Option<&str>, number: usize| match name {
            Some(name) => name.to_string(),
            None => format!("nr. {number}"),
        };
        match m {
            Message::CoreWithoutDatasets { id } => Text::new(
                format!("Kjernesystemet {id} sier ikke hvilke data det forvalter (datasett)"),
                format!("The core system {id} does not say which data it holds (datasett)"),
            ),
            Message::NotCatalogued {
                name,
                number,
                system,
            } => {
                let name = called(name, number);
                Text::new(
                    format!(
                        "Datasettet {name} i {system} er ikke beskrevet i den nasjonale datakatalogen (datakatalog)"
                    ),
                    format!(
                        "The dataset {name} of {system} is not described in the national data catalogue (datakatalog)"
                    ),
                )
            }
            Message::DatasetLacks {
                name,
                number,
                system,
                missing,
            } => {
                let name = called(name, number);
                Text::new(
                    format!(
                        "Datasettet {name} i {system} mangler {}",
                        join_names(missing, Lang::Nb)
                    ),
                    format!(
                        "The dataset {name} of {system} lacks {}",
                        join_names(missing, Lang::En)
                    ),
                )
            }
        }
    }
}
