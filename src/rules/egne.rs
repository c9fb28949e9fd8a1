//! The kommune's own rules from prinsipp.toml: a condition on a field, then requirements.

use super::{Checker, all_systems};
use crate::finding::Subject;
use crate::model::FieldValue;
use crate::settings::{Condition, OwnRule, Target, Test};
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

impl Condition {
    /// Whether a field's value meets this condition. On a list of names, `er` means
    /// "contains" and `en_av` "contains one of".
    pub fn holds(&self, value: &FieldValue) -> bool {
        match &self.test {
            Test::Present => value.is_present(),
            Test::Absent => !value.is_present(),
            Test::Equals(want) => equals(value, want),
            Test::OneOf(options) => options.iter().any(|want| equals(value, want)),
        }
    }
}

fn equals(value: &FieldValue, want: &toml::Value) -> bool {
    match (value, want) {
        (FieldValue::Text(t), toml::Value::String(w)) => t.trim() == w.trim(),
        (FieldValue::Text(t), other) => t.trim() == other.to_string(),
        (FieldValue::Bool(b), toml::Value::Boolean(w)) => b == w,
        (FieldValue::Number(n), toml::Value::Integer(w)) => *n == *w as f64,
        (FieldValue::Number(n), toml::Value::Float(w)) => n == w,
        (FieldValue::Names(list), toml::Value::String(w)) => list.iter().any(|n| n == w),
        _ => false,
    }
}
