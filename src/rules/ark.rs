//! Arkivering ved utfasing (archiving when a system goes): ARK-01.

use super::registry::{Principle, Rule, Scope};
use super::{Checker, all_systems, given};
use crate::model::*;
use crate::text::{Lang, Text, join_names};

/// The rules of this principle, and what each looks at.
pub const PRINCIPLE: Principle = Principle {
    prefix: "ARK",
    rules: &[Rule::new("ARK-01", Scope::Systems)],
    check,
    last: false,
};

pub fn check(c: &mut Checker) {
    for u in all_systems(c.portfolio) {
        let s = u.system;
        let Some(archive) = &s.archive else { continue };
        if archive.worth_archiving != Some(true)
            || !matches!(s.lifecycle, Some(Livslop::Utfasing | Livslop::Avviklet))
        {
            continue;
        }
        let mut missing = Vec::new();
        if archive.method.is_none() {
            missing.push("metode");
        }
        if !given(&archive.depot) {
            missing.push("depot");
        }
        if missing.is_empty() {
            continue;
        }
        let message = Message::ArchiveLacks {
            id: &s.id,
            decommissioned: s.lifecycle == Some(Livslop::Avviklet),
            missing: &missing,
        };
        c.emit_on(&u, "ARK-01", u.at(&["arkiv"]), "arkiv", message)
            .lacking(&missing);
    }
}

/// What the ARK rule reports: the facts, and their words in both languages.
enum Message<'a> {
    /// ARK-01: decommissioned already, or being phased out.
    ArchiveLacks {
        id: &'a str,
        decommissioned: bool,
        missing: &'a [&'static str],
    },
}

impl From<Message<'_>> for Text {
    fn from(m: Message) -> Text {
        match m {
            Message::ArchiveLacks {
                id,
                decommissioned,
                missing,
            } => {
                let (phase_nb, phase_en) = if decommissioned {
                    ("er avviklet", "is decommissioned")
                } else {
                    ("fases ut", "is being phased out")
                };
                Text::new(
                    format!(
                        "{id} er arkivverdig og {phase_nb}, men arkiv mangler {}",
                        join_names(missing, Lang::Nb)
                    ),
                    format!(
                        "{id} is worth archiving and {phase_en}, but arkiv lacks {}",
                        join_names(missing, Lang::En)
                    ),
                )
            }
        }
    }
}
