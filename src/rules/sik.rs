//! Informasjonssikkerhet: SIK-01 (risk and vulnerability assessment), SIK-02 (access
//! reviews of systems with special categories of personal data).

use super::registry::{Int, Principle, Rule, Scope};
use super::{Checker, Stale, stale, systems_in_service};
use crate::model::*;
use crate::text::Text;

/// `[rule.params.maaneder]` of SIK-01.
pub const MAANEDER: Int = Int::new("SIK-01", "maaneder");
/// `[rule.params.maaneder]` of SIK-02.
pub const TILGANG_MAANEDER: Int = Int::new("SIK-02", "maaneder");

/// The rules of this principle, and what each looks at.
pub const PRINCIPLE: Principle = Principle {
    prefix: "SIK",
    rules: &[
        Rule::with("SIK-01", Scope::SystemsInService, &[MAANEDER.0]),
        Rule::with("SIK-02", Scope::InventoryInService, &[TILGANG_MAANEDER.0]),
    ],
    check,
    last: false,
};

pub fn check(c: &mut Checker) {
    sik02_access_reviews(c);
    let months = c.int(MAANEDER);
    let oldest = c.date.add_months(-months);
    for u in systems_in_service(c.portfolio) {
        let s = u.system;
        if !matches!(
            s.personal_data,
            Some(Personopplysninger::Vanlige | Personopplysninger::Saerlige)
        ) {
            continue;
        }
        let id = &s.id;
        let message = match &s.ros {
            None => Message::NoRos { id },
            Some(ros) => match stale(ros.date, &ros.register, oldest) {
                None => continue,
                Some(Stale::Undated) => Message::RosUndated { id },
                Some(Stale::Since(date)) => Message::RosTooOld { id, date, months },
            },
        };
        c.emit_on(
            &u,
            "SIK-01",
            u.at(&["ros", "personopplysninger"]),
            "ros",
            message,
        );
    }
}

/// SIK-02: who has access to special categories of personal data is reviewed at a set
/// interval. Systems already in use only: a new one has had no users to review.
fn sik02_access_reviews(c: &mut Checker) {
    let months = c.int(TILGANG_MAANEDER);
    let oldest = c.date.add_months(-months);
    for s in c.portfolio.systems.iter().filter(|s| {
        s.in_service()
            && matches!(
                s.lifecycle,
                Some(Livslop::Aktiv | Livslop::Utfasing | Livslop::Ukjent) | None
            )
            && s.personal_data == Some(Personopplysninger::Saerlige)
    }) {
        let id = &s.id;
        let message = match &s.access_review {
            None => Message::NoAccessReview { id },
            Some(review) => match stale(review.date, &review.register, oldest) {
                None => continue,
                Some(Stale::Undated) => Message::AccessReviewUndated { id },
                Some(Stale::Since(date)) => Message::AccessReviewTooOld { id, date, months },
            },
        };
        let at = s
            .spans
            .key_opt("tilgangsrevisjon")
            .or_else(|| s.spans.key_opt("personopplysninger"))
            .unwrap_or(s.spans.at);
        c.emit(
            "SIK-02",
            crate::finding::Subject::System(id.clone()),
            at,
            "/system/tilgangsrevisjon".into(),
            message,
        );
    }
}

/// What the SIK rules report: the facts, and their words in both languages.
enum Message<'a> {
    /// SIK-02: special categories and no access review.
    NoAccessReview { id: &'a str },
    /// SIK-02: an access review without a date.
    AccessReviewUndated { id: &'a str },
    /// SIK-02: an access review older than `months`.
    AccessReviewTooOld {
        id: &'a str,
        date: Date,
        months: i64,
    },
    /// SIK-01: personal data and no ROS.
    NoRos { id: &'a str },
    /// SIK-01: a ROS without a date.
    RosUndated { id: &'a str },
    /// SIK-01: a ROS older than `months`.
    RosTooOld {
        id: &'a str,
        date: Date,
        months: i64,
    },
}

impl From<Message<'_>> for Text {
    fn from(m: Message) -> Text {
        match m {
            Message::NoAccessReview { id } => Text::new(
                format!(
                    "{id} har særlige kategorier personopplysninger, men ingen gjennomgang av tilgangene (tilgangsrevisjon)"
                ),
                format!(
                    "{id} holds special categories of personal data but has no review of who has access (tilgangsrevisjon)"
                ),
            ),
            Message::AccessReviewUndated { id } => Text::new(
                format!("Tilgangsrevisjonen av {id} har ingen dato, så alderen kan ikke vurderes"),
                format!("The access review of {id} has no date, so its age cannot be judged"),
            ),
            Message::AccessReviewTooOld { id, date, months } => Text::new(
                format!(
                    "Tilgangene i {id} ble sist gjennomgått {date}, for mer enn {months} måneder siden"
                ),
                format!("Access to {id} was last reviewed {date}, more than {months} months ago"),
            ),
            Message::NoRos { id } => Text::new(
                format!(
                    "{id} har personopplysninger, men ingen risiko- og sårbarhetsvurdering (ros)"
                ),
                format!(
                    "{id} holds personal data but has no risk and vulnerability assessment (ros)"
                ),
            ),
            Message::RosUndated { id } => Text::new(
                format!("ROS-vurderingen av {id} har ingen dato, så alderen kan ikke vurderes"),
                format!("The ros of {id} has no date, so its age cannot be judged"),
            ),
            Message::RosTooOld { id, date, months } => Text::new(
                format!("ROS-vurderingen av {id} er fra {date}, eldre enn {months} måneder"),
                format!("The ros of {id} is from {date}, older than {months} months"),
            ),
        }
    }
}
