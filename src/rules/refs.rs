//! References between ids: REF-01. (`utfaser` references are INNUT-02's.)

use super::Checker;
use super::registry::{Principle, Rule, Scope, any_project};
use crate::finding::Subject;
use crate::model::*;
use crate::text::Text;

/// The rules of this principle, and what each looks at.
pub const PRINCIPLE: Principle = Principle {
    prefix: "REF",
    rules: &[Rule::new("REF-01", Scope::Projects(any_project))],
    check,
    last: false,
};

pub fn check(c: &mut Checker) {
    let p = c.portfolio;
    for project in p.judged_projects() {
        for entry in &project.new_systems {
            if let NewSystem::Reference { id, spans } = entry {
                if p.system(id).is_none() {
                    let message = Message::UnknownNewSystem { id };
                    let finding = c.emit(
                        "REF-01",
                        Subject::Project(project.id.clone()),
                        spans.at,
                        format!("/prosjekt/nye_systemer/{}/system", super::key(id)),
                        message,
                    );
                    finding.system = Some(id.clone());
                }
            }
        }
        for (i, entry) in project.assessed_existing.iter().enumerate() {
            let message = match entry.system.as_deref() {
                Some(id) if p.system(id).is_some() => continue,
                Some(id) => Message::UnknownAssessed { id },
                None => Message::AssessedNamesNone,
            };
            c.emit(
                "REF-01",
                Subject::Project(project.id.clone()),
                entry.spans.at,
                format!(
                    "/prosjekt/vurderte_eksisterende/{}/system",
                    super::item_key(entry.system.as_deref(), i)
                ),
                message,
            );
        }
    }
}

/// What the REF rule reports: the facts, and their words in both languages.
enum Message<'a> {
    /// REF-01: a `nye_systemer` reference to an id not in the inventory.
    UnknownNewSystem { id: &'a str },
    /// REF-01: a `vurderte_eksisterende` entry naming an id not in the inventory.
    UnknownAssessed { id: &'a str },
    /// REF-01: a `vurderte_eksisterende` entry without `system`.
    AssessedNamesNone,
}

impl From<Message<'_>> for Text {
    fn from(m: Message) -> Text {
        match m {
            Message::UnknownNewSystem { id } => Text::new(
                format!("nye_systemer viser til {id}, som ikke finnes i systemoversikten"),
                format!("nye_systemer refers to {id}, which is not in the inventory"),
            ),
            Message::UnknownAssessed { id } => Text::new(
                format!("vurderte_eksisterende viser til {id}, som ikke finnes i systemoversikten"),
                format!("vurderte_eksisterende refers to {id}, which is not in the inventory"),
            ),
            Message::AssessedNamesNone => Text::new(
                "vurderte_eksisterende-oppføringen nevner ikke noe system",
                "The vurderte_eksisterende entry names no system",
            ),
        }
    }
}
