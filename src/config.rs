//! prinsipp.toml: a kommune's rule selection, severities, parameters, catalogue extensions
//! and its own rules. Parsed with positions so every mistake is reported at its line.

use crate::diagnostic::Diagnostic;
use crate::suggest::did_you_mean;
use crate::text::Text;
use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

/// The file as written, every value with its place.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub strategi: Option<Spanned<String>>,
    #[serde(default)]
    pub regler: Selection,
    #[serde(default)]
    pub alvorlighet: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    pub parametere: BTreeMap<Spanned<String>, BTreeMap<Spanned<String>, Spanned<toml::Value>>>,
    #[serde(default)]
    pub katalog: CatalogueExtension,
    #[serde(default)]
    pub egen_regel: Vec<OwnRuleConfig>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Selection {
    /// Only these codes or principle prefixes (a CI job that gates one principle).
    #[serde(default)]
    pub kun: Vec<Spanned<String>>,
    /// Codes or principle prefixes to turn off.
    #[serde(default)]
    pub av: Vec<Spanned<String>>,
    /// Codes or prefixes to turn on (rules a strategy profile leaves out).
    #[serde(default)]
    pub paa: Vec<Spanned<String>>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogueExtension {
    /// General capabilities no component covers.
    #[serde(default)]
    pub kapabiliteter: Vec<Spanned<String>>,
    #[serde(default)]
    pub standarder: Vec<Spanned<String>>,
    #[serde(default)]
    pub felleskomponent: Vec<ComponentConfig>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComponentConfig {
    pub id: Spanned<String>,
    pub navn: Option<String>,
    pub leverandor: Option<String>,
    /// Capabilities it covers; new names become catalogued capabilities.
    #[serde(default)]
    pub dekker: Vec<Spanned<String>>,
}

/// A kommune's own rule: for every system or project (optionally only those where a field
/// meets a condition), some fields must be present or have given values.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OwnRuleConfig {
    pub kode: Spanned<String>,
    pub alvorlighet: Spanned<String>,
    pub tittel: String,
    pub title: Option<String>,
    pub forklaring: String,
    pub explanation: Option<String>,
    pub gjelder: Spanned<String>,
    pub hvis: Option<ConditionConfig>,
    pub krav: Vec<ConditionConfig>,
}

/// `{ felt = "drift", er = "saas" }`, `en_av = [..]`, `finnes = true` or `mangler = true`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConditionConfig {
    pub felt: Spanned<String>,
    pub er: Option<Spanned<toml::Value>>,
    pub en_av: Option<Spanned<Vec<toml::Value>>>,
    pub finnes: Option<Spanned<bool>>,
    pub mangler: Option<Spanned<bool>>,
}

/// Reads prinsipp.toml. Syntax errors, unknown keys and wrong types come back as
/// diagnostics at their place; meaning (unknown codes, parameters) is checked by `settings`.
pub fn parse(text: &str, file: &str) -> Result<Config, Vec<Diagnostic>> {
    // First every syntax error and every unknown key in the file, so one run shows them all;
    // serde would stop at the first.
    let (table, syntax) = toml::de::DeTable::parse_recoverable(text);
    let mut problems: Vec<Diagnostic> = syntax
        .iter()
        .map(|err| toml_error(text, file, err))
        .collect();
    if problems.is_empty() {
        unknown_keys(table.get_ref(), ROOT, text, file, &mut problems);
    }
    if !problems.is_empty() {
        problems.sort_by_key(|d| (d.line, d.column));
        return Err(problems);
    }
    toml::from_str::<Config>(text).map_err(|err| vec![toml_error(text, file, &err)])
}

/// The keys each table of prinsipp.toml may have; `None` for tables whose keys are names
/// (rule codes in [alvorlighet], parameters), checked later against the rules.
struct Keys {
    name: &'static str,
    keys: Option<&'static [(&'static str, Option<&'static Keys>)]>,
}

const CONDITION: Keys = Keys {
    name: "betingelse",
    keys: Some(&[
        ("felt", None),
        ("er", None),
        ("en_av", None),
        ("finnes", None),
        ("mangler", None),
    ]),
};
const OWN_RULE: Keys = Keys {
    name: "egen_regel",
    keys: Some(&[
        ("kode", None),
        ("alvorlighet", None),
        ("tittel", None),
        ("title", None),
        ("forklaring", None),
        ("explanation", None),
        ("gjelder", None),
        ("hvis", Some(&CONDITION)),
        ("krav", Some(&CONDITION)),
    ]),
};
const COMPONENT: Keys = Keys {
    name: "felleskomponent",
    keys: Some(&[
        ("id", None),
        ("navn", None),
        ("leverandor", None),
        ("dekker", None),
    ]),
};
const KATALOG: Keys = Keys {
    name: "katalog",
    keys: Some(&[
        ("kapabiliteter", None),
        ("standarder", None),
        ("felleskomponent", Some(&COMPONENT)),
    ]),
};
const REGLER: Keys = Keys {
    name: "regler",
    keys: Some(&[("kun", None), ("paa", None), ("av", None)]),
};
const NAMES: Keys = Keys {
    name: "",
    keys: None,
};
const ROOT: &Keys = &Keys {
    name: "prinsipp.toml",
    keys: Some(&[
        ("strategi", None),
        ("regler", Some(&REGLER)),
        ("alvorlighet", Some(&NAMES)),
        ("parametere", Some(&NAMES)),
        ("katalog", Some(&KATALOG)),
        ("egen_regel", Some(&OWN_RULE)),
    ]),
};

fn unknown_keys(
    table: &toml::de::DeTable,
    keys: &Keys,
    text: &str,
    file: &str,
    out: &mut Vec<Diagnostic>,
) {
    let Some(allowed) = keys.keys else { return };
    for (key, value) in table {
        let name = key.get_ref().as_ref();
        let Some((_, inner)) = allowed.iter().find(|(k, _)| *k == name) else {
            let names: Vec<&str> = allowed.iter().map(|(k, _)| *k).collect();
            let (line, column) = line_column(text, key.span().start);
            let list = names.join(", ");
            let hint = match did_you_mean(name, names.iter().copied()) {
                Some(near) => Text::new(
                    format!("Mente du `{near}`? Tillatt i {}: {list}", keys.name),
                    format!("Did you mean `{near}`? Allowed in {}: {list}", keys.name),
                ),
                None => Text::new(
                    format!("Tillatt i {}: {list}", keys.name),
                    format!("Allowed in {}: {list}", keys.name),
                ),
            };
            out.push(
                Diagnostic::error(
                    file,
                    line,
                    column,
                    Text::new(
                        format!("Ugyldig prinsipp.toml: ukjent felt `{name}`"),
                        format!("Invalid prinsipp.toml: unknown key `{name}`"),
                    ),
                )
                .with_hint(hint),
            );
            continue;
        };
        let Some(inner) = inner else { continue };
        match value.get_ref() {
            toml::de::DeValue::Table(t) => unknown_keys(t, inner, text, file, out),
            toml::de::DeValue::Array(items) => {
                for item in items {
                    if let toml::de::DeValue::Table(t) = item.get_ref() {
                        unknown_keys(t, inner, text, file, out);
                    }
                }
            }
            _ => {}
        }
    }
}

fn toml_error(text: &str, file: &str, err: &toml::de::Error) -> Diagnostic {
    let (line, column) = err
        .span()
        .map(|s| line_column(text, s.start))
        .unwrap_or((0, 0));
    let message = err.message().trim();
    let mut d = Diagnostic::error(
        file,
        line,
        column,
        Text::new(
            format!("Ugyldig prinsipp.toml: {}", norwegian(message)),
            format!("Invalid prinsipp.toml: {message}"),
        ),
    );
    d.hint = unknown_key_hint(message).map(Text::cut_quoted);
    d
}

/// serde says «unknown field `x`, expected one of `a`, `b`»: suggest the nearest.
fn unknown_key_hint(message: &str) -> Option<Text> {
    let rest = message.strip_prefix("unknown field `")?;
    let (word, expected) = rest.split_once('`')?;
    let allowed: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    let list = allowed.join(", ");
    Some(match did_you_mean(word, allowed.iter().copied()) {
        Some(near) => Text::new(
            format!("Mente du `{near}`? Tillatt her: {list}"),
            format!("Did you mean `{near}`? Allowed here: {list}"),
        ),
        None => Text::new(
            format!("Tillatt her: {list}"),
            format!("Allowed here: {list}"),
        ),
    })
}

/// The common serde messages in bokmål; anything else is shown as the parser wrote it.
fn norwegian(message: &str) -> String {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        if let Some((word, _)) = rest.split_once('`') {
            return format!("ukjent felt `{word}`");
        }
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        if let Some((word, _)) = rest.split_once('`') {
            return format!("feltet `{word}` mangler");
        }
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            return format!(
                "feil type: fant {}, ventet {}",
                kind_nb(found),
                kind_nb(expected)
            );
        }
    }
    match message {
        "duplicate key" => "nøkkelen står to ganger".into(),
        m if m.starts_with("unclosed table") => "tabellnavnet mangler `]`".into(),
        m if m.contains("u64 value was too large") || m.contains("too large") => {
            "tallet er for stort".into()
        }
        m if m.starts_with("invalid value") => format!("ugyldig verdi ({m})"),
        m => format!("ugyldig TOML ({m})"),
    }
}

/// serde's words for values, in bokmål: «string "x"» → «tekst "x"», «a sequence» → «en liste».
fn kind_nb(words: &str) -> String {
    words
        .replacen("a sequence", "en liste", 1)
        .replacen("sequence", "liste", 1)
        .replacen("a string", "tekst", 1)
        .replacen("string ", "tekst ", 1)
        .replacen("a boolean", "true eller false", 1)
        .replacen("boolean ", "sannhetsverdi ", 1)
        .replacen("integer ", "heltall ", 1)
        .replacen("floating point ", "desimaltall ", 1)
        .replacen("a map", "en tabell", 1)
        .replacen("map", "tabell", 1)
        .replacen("struct ", "tabell ", 1)
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (u32, u32) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() as u32 + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32 + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_are_placed_and_get_a_suggestion() {
        let text = "[regler]\nax = [\"GEV-03\"]\n";
        let errors = parse(text, "prinsipp.toml").unwrap_err();
        assert_eq!((errors[0].line, errors[0].column), (2, 1));
        assert_eq!(
            errors[0].message.nb,
            "Ugyldig prinsipp.toml: ukjent felt `ax`"
        );
        assert!(
            errors[0]
                .hint
                .as_ref()
                .unwrap()
                .nb
                .starts_with("Mente du `av`?")
        );
    }

    #[test]
    fn wrong_types_are_placed() {
        let errors = parse("[regler]\nav = [3]\n", "prinsipp.toml").unwrap_err();
        assert_eq!((errors[0].line, errors[0].column), (2, 7));
        assert_eq!(
            errors[0].message.nb,
            "Ugyldig prinsipp.toml: feil type: fant heltall `3`, ventet tekst"
        );
    }

    #[test]
    fn a_full_config_is_read() {
        let text = r#"
strategi = "nittedal-2019"
[regler]
av = ["HYL-01", "GEV"]
paa = ["UU-01"]
[alvorlighet]
SKY-03 = "feil"
[parametere.FOND-01]
andel = 0.15
[katalog]
kapabiliteter = ["gravemelding"]
standarder = ["sosi"]
[[katalog.felleskomponent]]
id = "fiks-gravemelding"
navn = "Fiks Gravemelding"
dekker = ["gravemelding"]
[[egen_regel]]
kode = "ROS-01"
alvorlighet = "feil"
tittel = "Publikumsrettede systemer skal ha ROS"
forklaring = "Systemer innbyggerne bruker skal ha en risikovurdering."
gjelder = "system"
hvis = { felt = "publikumsrettet", er = true }
krav = [{ felt = "ros", finnes = true }]
"#;
        let config = parse(text, "prinsipp.toml").unwrap();
        assert_eq!(config.strategi.unwrap().into_inner(), "nittedal-2019");
        assert_eq!(config.regler.av.len(), 2);
        assert_eq!(config.egen_regel[0].krav[0].felt.get_ref(), "ros");
        assert_eq!(
            config.katalog.felleskomponent[0].dekker[0].get_ref(),
            "gravemelding"
        );
    }
}
