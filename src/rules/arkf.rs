//! Arkitekturfunksjonen (the architecture function approves new solutions): ARKF-01 (an
//! approval before new systems), ARKF-02 (by the bodies the kommune names), ARKF-03 (new
//! systems come through a project, not past the portfolio).

use super::registry::{Int, Principle, Rule, Scope, planned};
use super::{Checker, missing_before_new_systems};
use crate::finding::Subject;
use crate::model::*;
use crate::text::{Lang, Text, join_alternatives};

/// `[rule.params.maaneder]` of ARKF-03.
pub const MAANEDER: Int = Int::new("ARKF-03", "maaneder");

/// The rules of this principle, and what each looks at.
pub const PRINCIPLE: Principle = Principle {
    prefix: "ARKF",
    rules: &[
        Rule::new(
            "ARKF-01",
            Scope::Projects(|p| planned(p) && !p.new_systems.is_empty()),
        ),
        Rule::new(
            "ARKF-02",
            Scope::Projects(|p| p.architecture_approval.is_some()),
        ),
        Rule::with("ARKF-03", Scope::InventoryInService, &[MAANEDER.0]),
    ],
    check,
    last: false,
};

pub fn check(c: &mut Checker) {
    missing_before_new_systems(
        c,
        "ARKF-01",
        "arkitekturgodkjenning",
        |p| p.architecture_approval.is_some(),
        Text::new(
            "Prosjektet tar inn nye systemer uten arkitekturgodkjenning",
            "The project brings in new systems without architecture approval (arkitekturgodkjenning)",
        ),
    );
    arkf02_approved_by_the_named(c);
    arkf03_new_systems_come_through_a_project(c);
}

/// Names compared as people write them: case, and spaces around and between words, aside.
fn same_name(a: &str, b: &str) -> bool {
    let words = |s: &str| {
        s.split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    words(a) == words(b)
}

/// ARKF-02: when kommune.yaml names who approves architecture, an approval is theirs.
fn arkf02_approved_by_the_named(c: &mut Checker) {
    let approvers: Vec<&str> = c.portfolio.kommune.architecture_approvers.iter().collect();
    if approvers.is_empty() {
        return;
    }
    for project in c.portfolio.judged_projects() {
        let Some(approval) = &project.architecture_approval else {
            continue;
        };
        let by = approval.by.as_deref().filter(|b| !b.trim().is_empty());
        if by.is_some_and(|b| approvers.iter().any(|a| same_name(a, b))) {
            continue;
        }
        let at = approval
            .spans
            .key_opt("av")
            .unwrap_or_else(|| project.spans.key("arkitekturgodkjenning"));
        let message = Message::NotAnApprover {
            by,
            approvers: &approvers,
        };
        c.emit(
            "ARKF-02",
            Subject::Project(project.id.clone()),
            at,
            "/prosjekt/arkitekturgodkjenning/av".into(),
            message,
        );
    }
}

/// ARKF-03: an inventory system that is planned, being introduced or introduced lately,
/// which no project in the portfolio (ideas too) brings in.
fn arkf03_new_systems_come_through_a_project(c: &mut Checker) {
    let months = c.int(MAANEDER);
    let since = c.date.add_months(-months);
    let p = c.portfolio;
    let in_a_project: std::collections::HashSet<&str> = p
        .projects
        .iter()
        .flat_map(|pr| pr.new_systems.iter().map(NewSystem::id))
        .collect();
    for system in p
        .systems
        .iter()
        .filter(|s| !in_a_project.contains(s.id.as_str()))
    {
        let message = match (system.lifecycle, system.introduced) {
            (Some(Livslop::Planlagt), _) => Message::Planned { id: &system.id },
            (Some(Livslop::Innfasing), _) => Message::BeingIntroduced { id: &system.id },
            // «Introduced 2025» may mean December: the period's last day decides.
            (Some(Livslop::Aktiv), Some(introduced)) if introduced.latest() >= since => {
                Message::IntroducedLately {
                    id: &system.id,
                    introduced,
                    months,
                }
            }
            _ => continue,
        };
        // Recently introduced: the date says so; otherwise the lifecycle does.
        let key = match message {
            Message::IntroducedLately { .. } => "innfort",
            _ => "livslop",
        };
        let at = system.spans.key_opt(key).unwrap_or(system.spans.at);
        c.emit(
            "ARKF-03",
            Subject::System(system.id.clone()),
            at,
            "/system/livslop".into(),
            message,
        );
    }
}

/// What the ARKF rules report beyond ARKF-01: the facts, and their words in both languages.
enum Message<'a> {
    /// ARKF-02: approved by `by` (or by no one named), not one of `approvers`.
    NotAnApprover {
        by: Option<&'a str>,
        approvers: &'a [&'a str],
    },
    /// ARKF-03: a planned system no project brings in.
    Planned { id: &'a str },
    /// ARKF-03: a system being introduced that no project brings in.
    BeingIntroduced { id: &'a str },
    /// ARKF-03: a system introduced within `months` that no project brought in.
    IntroducedLately {
        id: &'a str,
        introduced: Date,
        months: i64,
    },
}

impl From<Message<'_>> for Text {
    fn from(m: Message) -> Text {
        const OUTSIDE: (&str, &str) = (
            "uten at noe prosjekt i porteføljen tar det inn (nye_systemer)",
            "without any project in the portfolio bringing it in (nye_systemer)",
        );
        match m {
            Message::NotAnApprover { by, approvers } => {
                let nb = join_alternatives(approvers, Lang::Nb);
                let en = join_alternatives(approvers, Lang::En);
                match by {
                    Some(by) => Text::new(
                        format!("Arkitekturen er godkjent av {by}, ikke av {nb}"),
                        format!("The architecture was approved by {by}, not by {en}"),
                    ),
                    None => Text::new(
                        format!(
                            "Arkitekturgodkjenningen sier ikke hvem som godkjente (av); det skal være {nb}"
                        ),
                        format!(
                            "The architecture approval does not say who approved it (av); it must be {en}"
                        ),
                    ),
                }
            }
            Message::Planned { id } => Text::new(
                format!("{id} er planlagt {}", OUTSIDE.0),
                format!("{id} is planned {}", OUTSIDE.1),
            ),
            Message::BeingIntroduced { id } => Text::new(
                format!("{id} fases inn {}", OUTSIDE.0),
                format!("{id} is being introduced {}", OUTSIDE.1),
            ),
            Message::IntroducedLately {
                id,
                introduced,
                months,
            } => Text::new(
                format!(
                    "{id} ble tatt i bruk {introduced}, innen de siste {months} månedene, {}",
                    OUTSIDE.0
                ),
                format!(
                    "{id} was introduced {introduced}, within the last {months} months, {}",
                    OUTSIDE.1
                ),
            ),
        }
    }
}
