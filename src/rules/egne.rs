//! The kommune's own rules from prinsipp.toml, applied: each rule to every system or judged
//! project it targets. What an own rule is, how it is read and what its conditions mean
//! are in settings/own_rules.rs.

use super::{Checker, all_systems};
use crate::finding::Subject;
use crate::model::FieldValue;
use crate::settings::{Condition, OwnRule, Target};
use crate::text::Text;

pub fn check(c: &mut Checker) {
    let settings = c.settings;
    for rule in &settings.own_rules {
        match rule.target {
            Target::System => {
                for u in all_systems(c.portfolio) {
                    let failed = failures(rule, |f| u.system.field(f));
                    if let Some(first) = failed.first() {
                        let at = u.at(&[first.field.split('.').next().unwrap_or_default()]);
                        let field = first.field.replace('.', "/");
                        let message = Unmet {
                            id: &u.system.id,
                            failed: &failed,
                        };
                        c.emit_on(&u, &rule.code, at, &field, message);
                    }
                }
            }
            Target::Project => {
                for project in c.portfolio.judged_projects() {
                    let failed = failures(rule, |f| project.field(f));
                    if let Some(first) = failed.first() {
                        let at = project
                            .spans
                            .key(first.field.split('.').next().unwrap_or_default());
                        c.emit(
                            &rule.code,
                            Subject::Project(project.id.clone()),
                            at,
                            format!("/prosjekt/{}", first.field.replace('.', "/")),
                            Unmet {
                                id: &project.id,
                                failed: &failed,
                            },
                        );
                    }
                }
            }
        }
    }
}

/// The requirements that do not hold, when the rule applies at all.
fn failures(rule: &OwnRule, field: impl Fn(&str) -> Option<FieldValue>) -> Vec<&Condition> {
    let holds = |c: &Condition| field(&c.field).is_some_and(|v| c.holds(&v));
    if rule.when.as_ref().is_some_and(|w| !holds(w)) {
        return Vec::new();
    }
    rule.require.iter().filter(|c| !holds(c)).collect()
}

/// What an own rule reports: the subject and the requirements it does not meet.
struct Unmet<'a> {
    id: &'a str,
    failed: &'a [&'a Condition],
}

impl From<Unmet<'_>> for Text {
    fn from(m: Unmet) -> Text {
        let nb: Vec<String> = m.failed.iter().map(|c| c.describe().nb).collect();
        let en: Vec<String> = m.failed.iter().map(|c| c.describe().en).collect();
        Text::new(
            format!("Krav som ikke er oppfylt for {}: {}", m.id, nb.join("; ")),
            format!("Requirements {} does not meet: {}", m.id, en.join("; ")),
        )
    }
}
