//! Prosjektstyring (what every project must be able to show): PV-01..03.

use super::registry::{Principle, Rule, Scope, planned};
use super::{Checker, missing};
use crate::finding::Subject;
use crate::model::*;
use crate::text::{Lang, Text, join_names, kroner};

/// The rules of this principle, and what each looks at.
pub const PRINCIPLE: Principle = Principle {
    prefix: "PV",
    rules: &[
        Rule::new("PV-01", Scope::Projects(planned)),
        Rule::new("PV-02", Scope::Projects(planned)),
        Rule::new(
            "PV-03",
            Scope::Projects(|p| {
                planned(p)
                    && p.governance
                        .as_ref()
                        .is_some_and(|g| super::given(&g.method))
            }),
        ),
    ],
    check,
    last: false,
};

pub fn check(c: &mut Checker) {
    pv01_governance(c);
    pv02_financing(c);
    pv03_prosjektveiviseren(c);
}

/// PV-03: the method a project names is Prosjektveiviseren (with whatever it adds, such as
/// agile delivery). A missing method is PV-01's finding.
fn pv03_prosjektveiviseren(c: &mut Checker) {
    for project in c.portfolio.judged_projects().filter(|p| planned(p)) {
        let Some(g) = &project.governance else {
            continue;
        };
        let Some(method) = g.method.as_deref().filter(|m| !m.trim().is_empty()) else {
            continue;
        };
        // «Prosjektveiviseren», «prosjekt-veiviser», «Digdirs prosjektveiviser»: letters only.
        let letters: String = method
            .chars()
            .filter(|c| c.is_alphabetic())
            .flat_map(char::to_lowercase)
            .collect();
        if letters.contains("prosjektveiviser") {
            continue;
        }
        let at = g
            .spans
            .key_opt("metodikk")
            .unwrap_or_else(|| project.spans.key("styring"));
        c.emit(
            "PV-03",
            Subject::Project(project.id.clone()),
            at,
            "/prosjekt/styring/metodikk".into(),
            Message::NotProsjektveiviseren { method },
        );
    }
}

/// PV-02: a planned project's financing covers its budget. Only what can be added up
/// counts: an entry without an amount leaves the sum unknown, and then nothing is said.
fn pv02_financing(c: &mut Checker) {
    for project in c.portfolio.judged_projects().filter(|p| planned(p)) {
        let Some(budget) = project.budget_nok else {
            continue;
        };
        let amounts: Option<Vec<u64>> = project.financing.iter().map(|f| f.amount_nok).collect();
        let Some(amounts) = amounts else {
            continue;
        };
        let financed = amounts.iter().fold(0u64, |sum, a| sum.saturating_add(*a));
        if financed >= budget {
            continue;
        }
        let message = Message::NotFinanced {
            budget,
            financed,
            listed: !amounts.is_empty(),
        };
        let at = project
            .spans
            .key_opt("finansiering")
            .unwrap_or_else(|| project.spans.key("budsjett_nok"));
        let subject = Subject::Project(project.id.clone());
        c.emit(
            "PV-02",
            subject,
            at,
            "/prosjekt/finansiering".into(),
            message,
        );
    }
}

/// PV-01: what every project must be able to show about how it is governed.
fn pv01_governance(c: &mut Checker) {
    for project in c
        .portfolio
        .judged_projects()
        .filter(|p| p.phase_at_least(Fase::Planlegge))
    {
        let g = project.governance.clone().unwrap_or_default();
        let parts = [
            ("ressurser", &g.resources),
            ("metodikk", &g.method),
            ("organisering", &g.organisation),
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
    /// PV-03: the project's method, which does not name Prosjektveiviseren.
    NotProsjektveiviseren { method: &'a str },
    /// PV-02: `listed` is false when no financing is written at all.
    NotFinanced {
        budget: u64,
        financed: u64,
        listed: bool,
    },
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
            Message::NotProsjektveiviseren { method } => Text::new(
                format!("Prosjektet styres etter «{method}», ikke etter Prosjektveiviseren"),
                format!("The project is run by «{method}», not by Prosjektveiviseren"),
            ),
            Message::NotFinanced {
                budget,
                listed: false,
                ..
            } => Text::new(
                format!(
                    "Budsjettet er {} kr, men ingen finansiering er ført opp",
                    kroner(budget)
                ),
                format!(
                    "The budget is NOK {}, but no financing is listed",
                    kroner(budget)
                ),
            ),
            Message::NotFinanced {
                budget, financed, ..
            } => Text::new(
                format!(
                    "Finansieringen ({} kr) dekker ikke budsjettet ({} kr): {} kr mangler",
                    kroner(financed),
                    kroner(budget),
                    kroner(budget - financed)
                ),
                format!(
                    "The financing (NOK {}) does not cover the budget (NOK {}): NOK {} is missing",
                    kroner(financed),
                    kroner(budget),
                    kroner(budget - financed)
                ),
            ),
        }
    }
}
