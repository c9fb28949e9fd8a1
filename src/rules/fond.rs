//! Digitaliseringsfondet: FOND-01 (the cap per project), FOND-02 (a decision behind
//! every grant).

use super::Checker;
use super::registry::{Number, Principle, Rule, Scope, any_project};
use crate::finding::Subject;
use crate::text::Text;
use crate::text::kroner;

/// `[rule.params.andel]` of FOND-01.
pub const ANDEL: Number = Number::new("FOND-01", "andel");

/// The rules of this principle, and what each looks at.
pub const PRINCIPLE: Principle = Principle {
    prefix: "FOND",
    rules: &[
        Rule::with("FOND-01", Scope::Projects(any_project), &[ANDEL.0]),
        Rule::new("FOND-02", Scope::Projects(uses_the_fund)),
    ],
    check,
    last: false,
};

pub fn check(c: &mut Checker) {
    let share = c.number(ANDEL);
    let balance = c
        .portfolio
        .kommune
        .fund
        .as_ref()
        .and_then(|f| f.balance_jan_1_nok);
    for project in c.portfolio.judged_projects() {
        let from_fund: Vec<_> = project
            .financing
            .iter()
            .filter(|f| f.source.as_deref().is_some_and(is_the_fund))
            .collect();
        let Some(first) = from_fund.first() else {
            continue;
        };
        // Saturating: absurd amounts must not wrap around to something under the cap.
        let amount: u64 = from_fund
            .iter()
            .filter_map(|f| f.amount_nok)
            .fold(0, u64::saturating_add);
        let subject = Subject::Project(project.id.clone());
        let path = "/prosjekt/finansiering".to_string();
        // FOND-02: the fund is spent by decision; each grant names the case.
        for (i, grant) in project.financing.iter().enumerate() {
            let from_the_fund = grant.source.as_deref().is_some_and(is_the_fund);
            if !from_the_fund || super::given(&grant.decision) {
                continue;
            }
            let message = Message::NoDecision {
                amount: grant.amount_nok,
            };
            // Each grant by its place in the list: a source is free text, not a key.
            let grant_path = format!("{path}/{}/vedtak", super::item_key(None, i));
            c.emit(
                "FOND-02",
                subject.clone(),
                grant.spans.at,
                grant_path,
                message,
            );
        }
        let Some(balance) = balance else {
            let message = Message::NoBalance { amount };
            c.emit("FOND-01", subject, first.spans.at, path, message);
            continue;
        };
        let cap = (balance as f64 * share).floor() as u64;
        if amount > cap {
            let message = Message::OverCap {
                amount,
                share,
                balance,
                cap,
            };
            c.emit("FOND-01", subject, first.spans.at, path, message);
        }
    }
}

/// A project that draws on the fund.
fn uses_the_fund(p: &crate::model::Project) -> bool {
    p.financing
        .iter()
        .any(|f| f.source.as_deref().is_some_and(is_the_fund))
}

/// What the FOND rules report: the facts, and their words in both languages.
enum Message {
    /// FOND-02: a grant from the fund (of `amount`, if given) with no decision named.
    NoDecision { amount: Option<u64> },
    /// FOND-01: money from the fund, but kommune.yaml gives no balance.
    NoBalance { amount: u64 },
    /// FOND-01: more from the fund than `share` of its balance.
    OverCap {
        amount: u64,
        share: f64,
        balance: u64,
        cap: u64,
    },
}

impl From<Message> for Text {
    fn from(m: Message) -> Text {
        match m {
            Message::NoDecision {
                amount: Some(amount),
            } => Text::new(
                format!(
                    "{} kr fra digitaliseringsfondet uten vedtak: finansieringen oppgir ikke vedtaket (vedtak)",
                    kroner(amount)
                ),
                format!(
                    "NOK {} from the digitalisation fund without a decision: the financing names no decision (vedtak)",
                    kroner(amount)
                ),
            ),
            Message::NoDecision { amount: None } => Text::new(
                "Penger fra digitaliseringsfondet uten vedtak: finansieringen oppgir ikke vedtaket (vedtak)",
                "Money from the digitalisation fund without a decision: the financing names no decision (vedtak)",
            ),
            Message::NoBalance { amount } => Text::new(
                format!(
                    "Prosjektet finansieres med {} kr fra digitaliseringsfondet, men kommune.yaml oppgir ikke fondets saldo (digitaliseringsfond.saldo_1_januar_nok), så taket kan ikke kontrolleres",
                    kroner(amount)
                ),
                format!(
                    "The project takes NOK {} from the digitalisation fund, but kommune.yaml gives no fund balance (digitaliseringsfond.saldo_1_januar_nok), so the cap cannot be checked",
                    kroner(amount)
                ),
            ),
            Message::OverCap {
                amount,
                share,
                balance,
                cap,
            } => {
                let percent = share * 100.0;
                Text::new(
                    format!(
                        "Prosjektet tar {} kr fra digitaliseringsfondet; taket er {percent} % av saldoen på {} kr, altså {} kr",
                        kroner(amount),
                        kroner(balance),
                        kroner(cap)
                    ),
                    format!(
                        "The project takes NOK {} from the digitalisation fund; the cap is {percent} % of the balance of NOK {}, that is NOK {}",
                        kroner(amount),
                        kroner(balance),
                        kroner(cap)
                    ),
                )
            }
        }
    }
}

/// Whether a financing source names the digitalisation fund: case, spacing and the
/// definite form do not matter («Digitaliserings fondet», «digitaliseringsfondet»).
fn is_the_fund(source: &str) -> bool {
    let name: String = source
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_lowercase)
        .collect();
    matches!(
        name.as_str(),
        "digitaliseringsfond" | "digitaliseringsfondet"
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_fund_is_known_by_any_spelling_of_its_name() {
        for yes in [
            "digitaliseringsfond",
            " Digitaliseringsfondet ",
            "Digitaliserings fond",
            "DIGITALISERINGS-FONDET",
        ] {
            assert!(super::is_the_fund(yes), "{yes}");
        }
        for no in [
            "fond",
            "investering",
            "digitaliseringsfondets renter",
            "innovasjonsfond",
        ] {
            assert!(!super::is_the_fund(no), "{no}");
        }
    }
}
