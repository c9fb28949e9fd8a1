//! Informasjonssikkerhet (risk and vulnerability assessment): SIK-01.

use super::registry::{Int, Principle, Rule, Scope};
use super::{Checker, all_systems};
use crate::model::*;
use crate::text::Text;

/// `[rule.params.maaneder]` of SIK-01.
pub const MAANEDER: Int = Int::new("SIK-01", "maaneder");

/// The rules of this principle, and what each looks at.
pub const PRINCIPLE: Principle = Principle {
    prefix: "SIK",
    rules: &[Rule {
        code: "SIK-01",
        scope: Scope::Systems,
        params: &[MAANEDER.0],
    }],
    check,
    last: false,
};

pub fn check(c: &mut Checker) {
    let months = c.int(MAANEDER);
    let oldest = c.date.add_months(-months);
    for u in all_systems(c.portfolio) {
        let s = u.system;
        if !matches!(
            s.personal_data,
            Some(Personopplysninger::Vanlige | Personopplysninger::Saerlige)
        ) {
            continue;
        }
        let id = &s.id;
        let (nb, en) = match &s.ros {
            None => (
                format!(
                    "{id} har personopplysninger, men ingen risiko- og sårbarhetsvurdering (ros)"
                ),
                format!(
                    "{id} holds personal data but has no risk and vulnerability assessment (ros)"
                ),
            ),
            Some(ros) => match ros.date {
                None => (
                    format!("ROS-vurderingen av {id} har ingen dato, så alderen kan ikke vurderes"),
                    format!("The ros of {id} has no date, so its age cannot be judged"),
                ),
                Some(d) if d < oldest => (
                    format!("ROS-vurderingen av {id} er fra {d}, eldre enn {months} måneder"),
                    format!("The ros of {id} is from {d}, older than {months} months"),
                ),
                Some(_) => continue,
            },
        };
        c.emit_on(
            &u,
            "SIK-01",
            u.at(&["ros", "personopplysninger"]),
            "ros",
            Text::new(nb, en),
        );
    }
}
