//! Orden i eget hus (a complete, current system inventory): INV-01..02.

use super::Checker;
use super::registry::{Principle, Rule, Scope};
use crate::finding::Subject;
use crate::model::{Date, Livslop};
use crate::text::{Lang, Text, join_names};

/// The rules of this principle, and what each looks at.
pub const PRINCIPLE: Principle = Principle {
    prefix: "INV",
    rules: &[
        Rule::new("INV-01", Scope::InventoryInService),
        Rule::new("INV-02", Scope::InventoryInService),
    ],
    check,
    last: false,
};

pub fn check(c: &mut Checker) {
    inv01_basic_facts(c);
    inv02_agreement_expired(c);
}

/// INV-02: a system still in use (not planned, not decommissioned) whose agreement has
/// ended: it runs without a contract, or the inventory is out of date.
fn inv02_agreement_expired(c: &mut Checker) {
    for system in &c.portfolio.systems {
        let in_use = !matches!(
            system.lifecycle,
            Some(Livslop::Avviklet | Livslop::Planlagt)
        );
        let Some(agreement) = system.agreement.as_ref().filter(|_| in_use) else {
            continue;
        };
        let Some(expired) = agreement.expires.filter(|d| *d < c.date) else {
            continue;
        };
        let message = Message::AgreementExpired {
            id: &system.id,
            expired,
        };
        let at = agreement.spans.key("utloper");
        let subject = Subject::System(system.id.clone());
        c.emit(
            "INV-02",
            subject,
            at,
            "/system/avtale/utloper".into(),
            message,
        );
    }
}

/// INV-01: the facts every inventory entry needs.
fn inv01_basic_facts(c: &mut Checker) {
    for system in c.portfolio.systems.iter().filter(|s| s.in_service()) {
        let mut missing = Vec::new();
        if !super::given(&system.owner) {
            missing.push("systemeier");
        }
        if system.drift.is_none() {
            missing.push("drift");
        }
        // `ukjent` says honestly that the inventory does not know: still a gap to close.
        if matches!(system.lifecycle, None | Some(Livslop::Ukjent)) {
            missing.push("livslop");
        }
        if system.software_type.is_none() {
            missing.push("programvaretype");
        }
        if system.personal_data.is_none() {
            missing.push("personopplysninger");
        }
        if missing.is_empty() {
            continue;
        }
        let message = Message::InventoryLacks {
            id: &system.id,
            missing: &missing,
        };
        c.emit(
            "INV-01",
            Subject::System(system.id.clone()),
            system.spans.at,
            "/system".into(),
            message,
        )
        .lacking(&missing);
    }
}

/// What the INV rule reports: the facts, and their words in both languages.
enum Message<'a> {
    /// INV-01.
    InventoryLacks {
        id: &'a str,
        missing: &'a [&'static str],
    },
    /// INV-02.
    AgreementExpired { id: &'a str, expired: Date },
}

impl From<Message<'_>> for Text {
    fn from(m: Message) -> Text {
        match m {
            Message::InventoryLacks { id, missing } => Text::new(
                format!(
                    "Systemoversikten mangler {} for {id}",
                    join_names(missing, Lang::Nb)
                ),
                format!(
                    "The inventory lacks {} for {id}",
                    join_names(missing, Lang::En)
                ),
            ),
            Message::AgreementExpired { id, expired } => Text::new(
                format!("Avtalen for {id} utløp {expired}, men systemet er fortsatt i bruk"),
                format!("The agreement for {id} ended {expired}, but the system is still in use"),
            ),
        }
    }
}
