//! Arkivering ved utfasing (archiving when a system goes): ARK-01.

use super::registry::{Principle, Rule, Scope};
use super::{Checker, all_systems, given};
use crate::model::*;
use crate::text::{Lang, Text, join_names};

/// The rules of this principle, and what each looks at.
pub const PRINCIPLE: Principle = Principle {
    prefix: "ARK",
    rules: &[Rule {
        code: "ARK-01",
        scope: Scope::Systems,
        params: &[],
    }],
    check,
    last: false,
};

pub fn check(c: &mut Checker) {
    for u in all_systems(c.portfolio) {
        let s = u.system;
        let Some(archive) = &s.archive else { continue };
        if archive.worth_archiving != Some(true)
            || !matches!(s.lifecycle, Some(Livslop::Utfasing | Livslop::Avviklet))
        {
            continue;
        }
        let mut missing = Vec::new();
        if archive.method.is_none() {
            missing.push("metode");
        }
        if !given(&archive.depot) {
            missing.push("depot");
        }
        if missing.is_empty() {
            continue;
        }
        let id = &s.id;
        let (phase_nb, phase_en) = match s.lifecycle {
            Some(Livslop::Avviklet) => ("er avviklet", "is decommissioned"),
            _ => ("fases ut", "is being phased out"),
        };
        c.emit_on(
            &u,
            "ARK-01",
            u.at(&["arkiv"]),
            "arkiv",
            Text::new(
                format!(
                    "{id} er arkivverdig og {phase_nb}, men arkiv mangler {}",
                    join_names(&missing, Lang::Nb)
                ),
                format!(
                    "{id} is worth archiving and {phase_en}, but arkiv lacks {}",
                    join_names(&missing, Lang::En)
                ),
            ),
        )
        .lacking(&missing);
    }
}
