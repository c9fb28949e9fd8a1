//! Informasjonssikkerhet (risk and vulnerability assessment): SIK-01.

use super::registry::{Int, Principle, Rule, Scope};
use super::{Checker, given, systems_in_service};
use crate::model::*;
use crate::text::Text;

/// `[rule.params.maaneder]` of SIK-01.
pub const MAANEDER: Int = Int::new("SIK-01", "maaneder");

/// The rules of this principle, and what each looks at.
pub const PRINCIPLE: Principle = Principle {
    prefix: "SIK",
    rules: &[Rule::with("SIK-01", Scope::SystemsInService, &[MAANEDER.0])],
    check,
    last: false,
};

pub fn check(c: &mut Checker) {
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
            Some(ros) => match ros.date {
                // Kept in a register (Draftit): its date is followed up there.
                None if given(&ros.register) => continue,
                None => Message::RosUndated { id },
                Some(date) if date < oldest => Message::RosTooOld { id, date, months },
                Some(_) => continue,
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

/// What the SIK rule reports: the facts, and their words in both languages.
enum Message<'a> {
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
