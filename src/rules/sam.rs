//! Vi samarbeider med andre kommuner (we work with other municipalities): SAM-01.

use super::registry::{Principle, Rule, Scope};
use super::{Checker, given};
use crate::finding::Subject;
use crate::text::Text;

/// The rules of this principle, and what each looks at.
pub const PRINCIPLE: Principle = Principle {
    prefix: "SAM",
    rules: &[Rule::new(
        "SAM-01",
        Scope::Projects(|p| p.is_open() && !p.new_systems.is_empty()),
    )],
    check,
    last: false,
};

/// An open project that brings in new systems says whether working with other kommuner was
/// considered, and what came of it. Once the project runs past gjennomfore the choice is
/// made, and asking is noise.
pub fn check(c: &mut Checker) {
    for project in c
        .portfolio
        .judged_projects()
        .filter(|p| p.is_open() && !p.new_systems.is_empty())
    {
        let (message, at) = match &project.cooperation {
            None => (Message::NotConsidered, project.spans.key("nye_systemer")),
            Some(assessment) if !given(&assessment.conclusion) => (
                Message::NoConclusion,
                project.spans.key("samarbeidsvurdering"),
            ),
            Some(_) => continue,
        };
        c.emit(
            "SAM-01",
            Subject::Project(project.id.clone()),
            at,
            "/prosjekt/samarbeidsvurdering".into(),
            message,
        );
    }
}

/// What the SAM rule reports, in both languages.
enum Message {
    /// SAM-01: no samarbeidsvurdering at all.
    NotConsidered,
    /// SAM-01: a samarbeidsvurdering that does not say what came of it.
    NoConclusion,
}

impl From<Message> for Text {
    fn from(m: Message) -> Text {
        match m {
            Message::NotConsidered => Text::new(
                "Prosjektet tar inn nye systemer uten å ha vurdert samarbeid med andre kommuner (samarbeidsvurdering)",
                "The project brings in new systems without having considered working with other municipalities (samarbeidsvurdering)",
            ),
            Message::NoConclusion => Text::new(
                "Samarbeidsvurderingen sier ikke hva den konkluderte med (konklusjon)",
                "The cooperation assessment does not say what it concluded (konklusjon)",
            ),
        }
    }
}
