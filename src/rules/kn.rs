//! Kost/nytte for enheten og kommunen (cost and benefit, for the unit and the whole): KN-01.

use super::registry::{Principle, Rule, Scope, any_project};
use super::{Checker, missing};
use crate::finding::Subject;
use crate::text::{Lang, Text, join_names};

/// The rules of this principle, and what each looks at.
pub const PRINCIPLE: Principle = Principle {
    prefix: "KN",
    rules: &[Rule::new("KN-01", Scope::Projects(any_project))],
    check,
    last: false,
};

pub fn check(c: &mut Checker) {
    for project in c.portfolio.judged_projects() {
        let cb = project.cost_benefit.clone().unwrap_or_default();
        let missing = missing(&[("enheten", &cb.unit), ("kommunen", &cb.kommune)]);
        if missing.is_empty() {
            continue;
        }
        let message = Message::NotAssessedFor { missing: &missing };
        c.emit(
            "KN-01",
            Subject::Project(project.id.clone()),
            project.spans.key("kost_nytte"),
            "/prosjekt/kost_nytte".into(),
            message,
        )
        .lacking(&missing);
    }
}

/// What the KN rule reports: the facts, and their words in both languages.
enum Message<'a> {
    /// KN-01: the sides (`enheten`, `kommunen`) with no cost and benefit assessed.
    NotAssessedFor { missing: &'a [&'static str] },
}

impl From<Message<'_>> for Text {
    fn from(m: Message) -> Text {
        match m {
            Message::NotAssessedFor { missing } => Text::new(
                format!(
                    "Kost/nytte er ikke vurdert for {}",
                    join_names(missing, Lang::Nb)
                ),
                format!(
                    "Cost and benefit are not assessed for {}",
                    join_names(missing, Lang::En)
                ),
            ),
        }
    }
}
