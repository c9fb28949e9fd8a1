//! Prosjektstyring (what every project must be able to show): PV-01.

use super::registry::{Principle, Rule, Scope, planned};
use super::{Checker, missing};
use crate::finding::Subject;
use crate::model::*;
use crate::text::{Lang, Text, join_names};

/// The rules of this principle, and what each looks at.
pub const PRINCIPLE: Principle = Principle {
    prefix: "PV",
    rules: &[Rule::new("PV-01", Scope::Projects(planned))],
    check,
    last: false,
};

pub fn check(c: &mut Checker) {
    for project in c
        .portfolio
        .judged_projects()
        .filter(|p| p.phase_at_least(Fase::Planlegge))
    {
        let g = project.governance.clone().unwrap_or_default();
        let parts = [
            ("ressurser", &g.resources),
            ("metodikk", &g.method),
            ("plan", &g.plan),
            ("rapportering", &g.reporting),
            ("kommunikasjon", &g.communication),
            ("endringsstyring", &g.change_control),
            ("overforing_til_linje", &g.handover),
        ];
        let missing = missing(&parts);
        if missing.is_empty() {
            continue;
        }
        let at = project.spans.key("styring");
        let message = Message::GovernanceLacks { missing: &missing };
        c.emit(
            "PV-01",
            Subject::Project(project.id.clone()),
            at,
            "/prosjekt/styring".into(),
            message,
        )
        .lacking(&missing);
    }
}

/// What the PV rule reports: the facts, and their words in both languages.
enum Message<'a> {
    /// PV-01.
    GovernanceLacks { missing: &'a [&'static str] },
}

impl From<Message<'_>> for Text {
    fn from(m: Message) -> Text {
        match m {
            Message::GovernanceLacks { missing } => Text::new(
                format!(
                    "Styringen av prosjektet er ikke beskrevet: styring mangler {}",
                    join_names(missing, Lang::Nb)
                ),
                format!(
                    "The project's governance is not described: styring lacks {}",
                    join_names(missing, Lang::En)
                ),
            ),
        }
    }
}
