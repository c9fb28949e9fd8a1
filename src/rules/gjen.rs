//! Vi må utnytte de systemene vi har fullt ut (use what we have): GJEN-01.

use super::Checker;
use super::registry::{Principle, Rule, Scope};
use crate::finding::Subject;
use crate::model::*;
use crate::text::{Lang, Text, join_names};

/// A new system that does what an active system already does needs that system assessed
/// first (`vurderte_eksisterende`): extending what we have beats buying. "Does what" means a
/// shared general capability (saksbehandling, arkiv, …); two systems that both log citizens
/// in through ID-porten do not do the same job, and catalogued capabilities are FK's business.
/// The rules of this principle, and what each looks at.
pub const PRINCIPLE: Principle = Principle {
    prefix: "GJEN",
    rules: &[Rule::new("GJEN-01", Scope::Projects(Project::is_open))],
    check,
    last: false,
};

pub fn check(c: &mut Checker) {
    let p = c.portfolio;
    // Active inventory systems by each general capability they provide, in inventory
    // order: one pass here, so each new system costs its overlaps, not the inventory.
    let mut providers: std::collections::HashMap<&str, Vec<usize>> =
        std::collections::HashMap::new();
    for (i, s) in p.systems.iter().enumerate() {
        if s.lifecycle != Some(Livslop::Aktiv) {
            continue;
        }
        for cap in s.capabilities.iter() {
            if c.katalog.components_for(cap).is_none() {
                let list = providers.entry(cap).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
    }
    // Once a project is finished or realising its benefits, the choice is made: asking it
    // to assess the systems it could have reused is noise nobody can act on.
    for project in p.judged_projects().filter(|pr| pr.is_open()) {
        let assessed: std::collections::HashSet<&str> = project
            .assessed_existing
            .iter()
            .filter_map(|a| a.system.as_deref())
            .collect();
        for entry in &project.new_systems {
            let Some(new) = entry.resolve(p) else {
                continue;
            };
            let at = entry
                .inline()
                .map_or(entry.at(), |s| s.spans.key("kapabiliteter"));
            let mut found: Vec<usize> = new
                .capabilities
                .iter()
                .filter_map(|cap| providers.get(cap))
                .flatten()
                .copied()
                .collect();
            found.sort_unstable();
            found.dedup();
            let overlapping: Vec<&str> = found
                .into_iter()
                .map(|i| p.systems[i].id.as_str())
                .filter(|id| *id != new.id && !assessed.contains(id))
                .collect();
            if overlapping.is_empty() {
                continue;
            }
            let message = Message::NotAssessed {
                id: &new.id,
                overlapping: &overlapping,
            };
            let finding = c.emit(
                "GJEN-01",
                Subject::Project(project.id.clone()),
                at,
                format!(
                    "/prosjekt/nye_systemer/{}/kapabiliteter",
                    super::key(&new.id)
                ),
                message,
            );
            finding.system = Some(new.id.clone());
        }
    }
}

/// What the GJEN rule reports: the facts, and their words in both languages.
enum Message<'a> {
    /// GJEN-01: active systems that share a general capability with the new system and
    /// are not in `vurderte_eksisterende`.
    NotAssessed {
        id: &'a str,
        overlapping: &'a [&'a str],
    },
}

impl From<Message<'_>> for Text {
    fn from(m: Message) -> Text {
        match m {
            Message::NotAssessed { id, overlapping } => Text::new(
                format!(
                    "Nytt system {id} gjør det samme som {}, som ikke er vurdert i vurderte_eksisterende",
                    join_names(overlapping, Lang::Nb)
                ),
                format!(
                    "New system {id} does what {} already {}, which vurderte_eksisterende does not assess",
                    join_names(overlapping, Lang::En),
                    if overlapping.len() == 1 { "does" } else { "do" }
                ),
            ),
        }
    }
}
