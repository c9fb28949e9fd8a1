//! The kommune's own rules (`[[egen_regel]]` in prinsipp.toml): what they are, and how
//! they are read and checked against the data model's fields. rules/egne.rs applies them.

use super::Builder;
use crate::config::{ConditionConfig, OwnRuleConfig};
use crate::diagnostic::Diagnostic;
use crate::format::{Shape, Ty};
use crate::katalog::{Katalog, Principle, PrincipleMeta, RuleMeta};
use crate::model::FieldValue;
use crate::suggest::did_you_mean;
use crate::text::Text;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    System,
    Project,
}

#[derive(Debug, Clone)]
pub struct OwnRule {
    pub code: String,
    pub target: Target,
    pub when: Option<Condition>,
    pub require: Vec<Condition>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Condition {
    pub field: String,
    pub test: Test,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Test {
    Equals(toml::Value),
    OneOf(Vec<toml::Value>),
    Present,
    Absent,
}

/// Checks one own rule and turns it into a rule the engine runs and a principle the
/// catalogue lists (so `rules`, `explain` and avvik treat it like a built-in one).
/// `earlier` holds the codes of the own rules before it.
pub(super) fn own_rule(
    rule: &OwnRuleConfig,
    k: &Katalog,
    earlier: &[String],
    b: &mut Builder,
) -> Option<(OwnRule, Principle)> {
    let code = rule.kode.get_ref().trim().to_string();
    let mut ok = true;
    let well_formed = code.split_once('-').is_some_and(|(p, n)| {
        !p.is_empty()
            && p.bytes().all(|c| c.is_ascii_uppercase())
            && !n.is_empty()
            && n.bytes().all(|c| c.is_ascii_digit())
    });
    if !well_formed {
        b.error(
            &rule.kode,
            Text::new(
                format!("Ugyldig regelkode «{code}»"),
                format!("Invalid rule code «{code}»"),
            ),
            Some(Text::new(
                "Skriv koden som STORE BOKSTAVER, bindestrek og sifre, f.eks. EGEN-01",
                "Write the code as CAPITALS, a hyphen and digits, e.g. EGEN-01",
            )),
        );
        ok = false;
    } else if k.rule(&code).is_some() || earlier.contains(&code) {
        b.error(&rule.kode, Text::new(format!("Regelkoden {code} er allerede i bruk"), format!("The rule code {code} is already taken")), Some({
            let free = (1..).map(|n| format!("EGEN-{n:02}")).find(|c| k.rule(c).is_none() && !earlier.contains(c)).unwrap_or_default();
            Text::new(format!("Egne regler trenger en kode som ingen innebygd eller annen egen regel har, f.eks. {free}"), format!("Own rules need a code no built-in or other own rule has, e.g. {free}"))
        }));
        ok = false;
    }
    let severity = b.severity(&rule.alvorlighet);
    let target = match rule.gjelder.get_ref().as_str() {
        "system" => Some(Target::System),
        "prosjekt" => Some(Target::Project),
        other => {
            let near = did_you_mean(other, ["system", "prosjekt"])
                .map(|n| Text::new(format!("Mente du {n}?"), format!("Did you mean {n}?")));
            b.error(
                &rule.gjelder,
                Text::new(
                    format!("Ugyldig gjelder «{other}»; tillatt: system, prosjekt"),
                    format!("Invalid gjelder «{other}»; allowed: system, prosjekt"),
                ),
                near,
            );
            None
        }
    };
    let (fields, shape) = match target {
        Some(Target::Project) => (project_fields(), &crate::format::PROJECT),
        _ => (system_fields(), &crate::format::SYSTEM),
    };
    let when = rule.hvis.as_ref().map(|c| condition(c, fields, shape, b));
    let require: Vec<Option<Condition>> = rule
        .krav
        .iter()
        .map(|c| condition(c, fields, shape, b))
        .collect();
    if rule.krav.is_empty() {
        b.error(
            &rule.kode,
            Text::new(
                format!("{code} har ingen krav"),
                format!("{code} has no krav"),
            ),
            Some(Text::new(
                "Skriv minst ett krav, f.eks. krav = [{ felt = \"ros\", finnes = true }]",
                "Write at least one requirement, e.g. krav = [{ felt = \"ros\", finnes = true }]",
            )),
        );
        ok = false;
    }
    let (Some(severity), Some(target), true) = (severity, target, ok) else {
        return None;
    };
    let when = match when {
        Some(Some(c)) => Some(c),
        Some(None) => return None,
        None => None,
    };
    let require: Vec<Condition> = require.into_iter().collect::<Option<_>>()?;

    let title = Text::new(
        rule.tittel.clone(),
        rule.title.clone().unwrap_or_else(|| rule.tittel.clone()),
    );
    let explanation = Text::new(
        rule.forklaring.clone(),
        rule.explanation
            .clone()
            .unwrap_or_else(|| rule.forklaring.clone()),
    );
    let checks = describe(target, when.as_ref(), &require);
    let meta = RuleMeta {
        code: code.clone(),
        severity,
        title: title.clone(),
        checks,
        comply: explanation.clone(),
        example: String::new(),
        sources: Vec::new(),
        params: BTreeMap::new(),
    };
    let prefix = code
        .split_once('-')
        .map_or(code.as_str(), |(p, _)| p)
        .to_string();
    let principle = Principle {
        principle: PrincipleMeta {
            prefix,
            name: Text::new(
                format!("Kommunens egen regel: {}", title.nb),
                format!("The kommune's own rule: {}", title.en),
            ),
            summary: explanation,
            sources: Vec::new(),
        },
        rule: vec![meta],
    };
    Some((
        OwnRule {
            code,
            target,
            when,
            require,
        },
        principle,
    ))
}

fn condition(
    c: &ConditionConfig,
    fields: &[String],
    shape: &Shape,
    b: &mut Builder,
) -> Option<Condition> {
    let field = c.felt.get_ref().trim().to_string();
    let mut ok = true;
    if !fields.contains(&field) {
        let near = did_you_mean(&field, fields.iter().map(String::as_str))
            .map(|n| (format!("Mente du `{n}`? "), format!("Did you mean `{n}`? ")))
            .unwrap_or_default();
        b.error(
            &c.felt,
            Text::new(
                format!("Ukjent felt «{field}»"),
                format!("Unknown field «{field}»"),
            ),
            Some(Text::new(
                format!("{}Felt som kan brukes: {}", near.0, fields.join(", ")),
                format!("{}Fields that can be used: {}", near.1, fields.join(", ")),
            )),
        );
        ok = false;
    }
    let tests: Vec<Test> = [
        c.er.as_ref().map(|v| Test::Equals(v.get_ref().clone())),
        c.en_av.as_ref().map(|v| Test::OneOf(v.get_ref().clone())),
        c.finnes.as_ref().map(|v| {
            if *v.get_ref() {
                Test::Present
            } else {
                Test::Absent
            }
        }),
        c.mangler.as_ref().map(|v| {
            if *v.get_ref() {
                Test::Absent
            } else {
                Test::Present
            }
        }),
    ]
    .into_iter()
    .flatten()
    .collect();
    if tests.len() != 1 {
        b.error(
            &c.felt,
            Text::new(
                format!("Betingelsen på «{field}» må ha nøyaktig én av er, en_av, finnes, mangler"),
                format!(
                    "The condition on «{field}» needs exactly one of er, en_av, finnes, mangler"
                ),
            ),
            Some(Text::new(
                "For eksempel { felt = \"drift\", en_av = [\"saas\", \"paas\"] }",
                "For example { felt = \"drift\", en_av = [\"saas\", \"paas\"] }",
            )),
        );
        ok = false;
    }
    if ok {
        ok = values_fit(c, &field, shape, b);
    }
    (ok).then(|| Condition {
        field,
        test: tests.into_iter().next().unwrap_or(Test::Present),
    })
}

/// The values of `er` and `en_av` must be values the field can have: a condition that can
/// never hold (`drift = "sky"`) would silently pass or fail every system.
fn values_fit(c: &ConditionConfig, field: &str, shape: &Shape, b: &mut Builder) -> bool {
    let Some(declared) = shape.resolve(field) else {
        return true;
    };
    let values: Vec<(&toml::Value, std::ops::Range<usize>)> = match (&c.er, &c.en_av) {
        (Some(v), _) => vec![(v.get_ref(), v.span())],
        (_, Some(list)) => list.get_ref().iter().map(|v| (v, list.span())).collect(),
        _ => return true,
    };
    let mut ok = true;
    for (value, span) in values {
        let problem: Option<(String, String, Option<Text>)> = match declared.ty {
            Ty::Enum(names) | Ty::EnumList(names) => match value.as_str() {
                Some(v) if names.contains(&v) => None,
                _ => {
                    let shown = show_value(value);
                    let near = did_you_mean(&shown, names.iter().copied())
                        .map(|n| Text::new(format!("Mente du {n}?"), format!("Did you mean {n}?")));
                    Some((
                        format!(
                            "«{shown}» er ikke en verdi {field} kan ha; tillatt: {}",
                            names.join(", ")
                        ),
                        format!(
                            "«{shown}» is not a value {field} can have; allowed: {}",
                            names.join(", ")
                        ),
                        near,
                    ))
                }
            },
            Ty::Bool if !value.is_bool() => Some((
                format!("{field} er true eller false, ikke {value}"),
                format!("{field} is true or false, not {value}"),
                None,
            )),
            Ty::Whole | Ty::Number if !(value.is_integer() || value.is_float()) => Some((
                format!("{field} er et tall, ikke {value}"),
                format!("{field} is a number, not {value}"),
                None,
            )),
            Ty::Date if value.as_str().and_then(crate::model::Date::parse).is_none() => Some((
                format!("{field} er en dato (\"ÅÅÅÅ-MM-DD\"), ikke {value}"),
                format!("{field} is a date (\"YYYY-MM-DD\"), not {value}"),
                None,
            )),
            Ty::Object(_) | Ty::List(_) | Ty::NewSystem => Some((
                format!(
                    "{field} er en samling felt; bruk finnes eller mangler, eller et felt under den (f.eks. {field}.dato)"
                ),
                format!(
                    "{field} holds keys; use finnes or mangler, or a key under it (e.g. {field}.dato)"
                ),
                None,
            )),
            _ => None,
        };
        if let Some((nb, en, hint)) = problem {
            let (line, column) = crate::config::line_column(b.text, span.start);
            let mut d = Diagnostic::error(b.file, line, column, Text::new(nb, en));
            d.hint = hint.map(Text::cut_quoted);
            b.errors.push(d);
            ok = false;
        }
    }
    ok
}

/// What an own rule checks, in words, for `rules` and `explain`.
fn describe(target: Target, when: Option<&Condition>, require: &[Condition]) -> Text {
    let (what_nb, what_en) = match target {
        Target::System => ("systemer", "systems"),
        Target::Project => (
            "prosjekter (fra fase konsept)",
            "projects (from phase konsept)",
        ),
    };
    let reqs_nb: Vec<String> = require.iter().map(|c| c.describe().nb).collect();
    let reqs_en: Vec<String> = require.iter().map(|c| c.describe().en).collect();
    let (when_nb, when_en) = match when {
        Some(c) => (
            format!(" der {}", c.describe().nb),
            format!(" where {}", c.describe().en),
        ),
        None => (String::new(), String::new()),
    };
    Text::new(
        format!(
            "Gjelder {what_nb}{when_nb}. Funn når ikke alle kravene holder: {}.",
            reqs_nb.join("; ")
        ),
        format!(
            "Applies to {what_en}{when_en}. A finding when not every requirement holds: {}.",
            reqs_en.join("; ")
        ),
    )
}

pub fn show_value(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

impl Condition {
    pub fn describe(&self) -> Text {
        let f = &self.field;
        match &self.test {
            Test::Equals(v) => Text::new(
                format!("{f} er {}", show_value(v)),
                format!("{f} is {}", show_value(v)),
            ),
            Test::OneOf(vs) => {
                let list: Vec<String> = vs.iter().map(show_value).collect();
                Text::new(
                    format!("{f} er én av {}", list.join(", ")),
                    format!("{f} is one of {}", list.join(", ")),
                )
            }
            Test::Present => Text::new(format!("{f} finnes"), format!("{f} is present")),
            Test::Absent => Text::new(format!("{f} mangler"), format!("{f} is absent")),
        }
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

/// The field paths an own rule may name: every key of the format's shape, and the keys of a
/// mapping under it (`ros.dato`), in the format's order, that the model gives a value for.
/// Derived, so a key's name is written in the shape table and the model's accessor only.
fn own_rule_fields(shape: &Shape, knows: &dyn Fn(&str) -> bool) -> Vec<String> {
    fn walk(shape: &Shape, prefix: &str, knows: &dyn Fn(&str) -> bool, out: &mut Vec<String>) {
        for field in shape.fields {
            let path = format!("{prefix}{}", field.key);
            if knows(&path) {
                out.push(path.clone());
            }
            if let Ty::Object(inner) = field.ty {
                walk(inner, &format!("{path}."), knows, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(shape, "", knows, &mut out);
    out
}

/// The fields an own rule on systems may name.
pub fn system_fields() -> &'static [String] {
    static FIELDS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    FIELDS.get_or_init(|| {
        let system = crate::model::System::default();
        own_rule_fields(&crate::format::SYSTEM, &|p| system.field(p).is_some())
    })
}

/// The fields an own rule on projects may name.
pub fn project_fields() -> &'static [String] {
    static FIELDS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    FIELDS.get_or_init(|| {
        let project = crate::model::Project::default();
        own_rule_fields(&crate::format::PROJECT, &|p| project.field(p).is_some())
    })
}

#[cfg(test)]
mod tests {
    use crate::format::{PROJECT, SYSTEM};

    /// Every key of the format is a field an own rule may name (the model has an accessor
    /// for each), and every nested path is one of the format's.
    #[test]
    fn own_rules_may_name_every_key_of_the_format() {
        for (shape, fields) in [
            (&SYSTEM, super::system_fields()),
            (&PROJECT, super::project_fields()),
        ] {
            let top: Vec<&str> = fields
                .iter()
                .map(String::as_str)
                .filter(|p| !p.contains('.'))
                .collect();
            assert_eq!(top, shape.keys().collect::<Vec<_>>(), "{}", shape.name);
            assert!(fields.iter().all(|p| shape.resolve(p).is_some()));
        }
        assert!(super::system_fields().iter().any(|p| p == "ros.dato"));
        assert!(
            super::project_fields()
                .iter()
                .any(|p| p == "gevinstplan.gevinstansvarlig")
        );
    }
}
