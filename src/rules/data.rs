//! Data som ressurs (datasets described for sharing): DATA-01.

use super::registry::{Principle, Rule, Scope};
use super::{Checker, missing, systems_in_service};
use crate::text::{Lang, Text, join_names};

/// The rules of this principle, and what each looks at.
pub const PRINCIPLE: Principle = Principle {
    prefix: "DATA",
    rules: &[Rule::new("DATA-01", Scope::SystemsInService)],
    check,
    last: false,
};

pub fn check(c: &mut Checker) {
    for u in systems_in_service(c.portfolio) {
        let s = u.system;
        for (i, dataset) in s.datasets.iter().enumerate() {
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
                name: dataset.name.as_deref(),
                number: i + 1,
                system: &s.id,
                missing: &missing,
            };
            let at = u.place(dataset.spans.at);
            c.emit_on(
                &u,
                "DATA-01",
                at,
                // Keyed by its id, or its place in the list: never by its name, which is
                // free text that may be corrected without the finding becoming new.
                &format!("datasett/{}", super::item_key(dataset.id.as_deref(), i)),
                message,
            )
            .lacking(&missing);
        }
    }
}

/// What the DATA rule reports: the facts, and their words in both languages.
enum Message<'a> {
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
        match m {
            Message::DatasetLacks {
                name,
                number,
                system,
                missing,
            } => {
                let name = match name {
                    Some(name) => name.to_string(),
                    None => format!("nr. {number}"),
                };
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
