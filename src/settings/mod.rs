//! The effective settings of a run: which rules are on, at which severity, with which
//! parameters, against which catalogue and strategy profile. Built from the built-in data
//! in rules/, the chosen strategy and prinsipp.toml; every mistake becomes a diagnostic.
//! prinsipp.toml's limits are checked in `limits`, its catalogue additions in
//! `catalogue`, and the kommune's own rules are read in `own_rules`.

mod catalogue;
mod limits;
mod own_rules;
pub use own_rules::{project_fields, system_fields};

use catalogue::extend_catalogue;
pub use limits::MAX_LIST;
use limits::within_limits;
use own_rules::own_rule;
pub use own_rules::{Condition, OwnRule, Target, Test, show_value};

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::finding::Severity;
use crate::katalog::{Katalog, Profile, RuleMeta};
use crate::model::Pos;
use crate::suggest::did_you_mean;
use crate::text::Text;
use std::collections::{BTreeMap, BTreeSet};
use toml::Spanned;

/// Codes that every profile includes: references and the deviation register are the
/// machinery, not a principle of one strategy.
pub const ALWAYS: &[&str] = &["REF-01", "AVV-01", "AVV-02", "AVV-03", "AVV-04"];

/// The legal layer: duties that come from law, not from a strategy, so every profile
/// includes them; only `[regler] av` (or `kun`) in prinsipp.toml turns them off. Each cites
/// its law among its sources: GDPR art. 35 (DPIA), art. 28 (data processing agreement)
/// and art. 6 (legal basis), forskrift om universell utforming (accessibility statement), arkivlova
/// (archiving when a system is retired).
pub const LEGAL: &[&str] = &["PVN-01", "PVN-02", "PVN-03", "PVN-05", "UU-01", "ARK-01"];

#[derive(Debug, Clone)]
pub struct Settings {
    /// The catalogue with prinsipp.toml's extensions, and own rules as principles.
    pub katalog: Katalog,
    pub profile: Option<Profile>,
    enabled: BTreeSet<String>,
    severities: BTreeMap<String, Severity>,
    params: BTreeMap<String, BTreeMap<String, toml::Value>>,
    pub own_rules: Vec<OwnRule>,
}

/// Where the chosen strategy was named, for an error about an unknown one.
pub enum StrategySource<'a> {
    Flag,
    Kommune(&'a str, Pos),
    Config,
}

/// Where prinsipp.toml came from: its text (for places) and the name shown to users.
pub struct ConfigFile<'a> {
    pub config: &'a Config,
    pub text: &'a str,
    pub display: &'a str,
}

impl Settings {
    /// Every built-in rule at its default severity and parameters.
    pub fn builtin() -> Settings {
        let katalog = Katalog::builtin().clone();
        let enabled = katalog.rules().map(|r| r.code.clone()).collect();
        let params = katalog
            .rules()
            .map(|r| {
                (
                    r.code.clone(),
                    r.params
                        .iter()
                        .map(|(k, p)| (k.clone(), p.default.clone()))
                        .collect(),
                )
            })
            .collect();
        Settings {
            katalog,
            profile: None,
            enabled,
            severities: BTreeMap::new(),
            params,
            own_rules: Vec::new(),
        }
    }

    /// Keeps only these codes on (tests run one rule's fixture with just that rule).
    pub fn only(mut self, codes: &[&str]) -> Settings {
        self.enabled.retain(|c| codes.contains(&c.as_str()));
        self
    }

    pub fn is_enabled(&self, code: &str) -> bool {
        self.enabled.contains(code)
    }

    /// The enabled codes in the catalogue's order.
    pub fn enabled_codes(&self) -> Vec<&str> {
        self.katalog
            .rules()
            .map(|r| r.code.as_str())
            .filter(|c| self.is_enabled(c))
            .collect()
    }

    /// A severity set for every finding of this code: by prinsipp.toml (directly or by its
    /// prefix), else by the strategy profile, where its document only recommends («bør»)
    /// what the rule checks.
    pub fn severity_override(&self, code: &str) -> Option<Severity> {
        self.severities.get(code).copied().or_else(|| {
            let profile = self.profile.as_ref()?;
            profile.rule.iter().find(|r| r.code == code)?.severity
        })
    }

    /// The severity a finding of `code` gets, unless the rule grades it.
    pub fn severity(&self, code: &str) -> Severity {
        self.severity_override(code)
            .or_else(|| self.katalog.rule(code).map(|r| r.severity))
            .unwrap_or(Severity::Feil)
    }

    pub fn param(&self, code: &str, name: &str) -> Option<&toml::Value> {
        self.params.get(code)?.get(name)
    }

    pub fn params(&self) -> &BTreeMap<String, BTreeMap<String, toml::Value>> {
        &self.params
    }

    /// «NIT §10.1.1 …» when a profile is active and asks for this rule.
    pub fn section(&self, code: &str) -> Option<String> {
        let profile = self.profile.as_ref()?;
        profile
            .section(code)
            .map(|s| format!("{} {s}", profile.doc))
    }

    /// Combines the built-in data with a strategy (flag, prinsipp.toml or kommune.yaml, in
    /// that order) and prinsipp.toml. All problems are returned together.
    pub fn build(
        config: Option<&ConfigFile>,
        flag_strategy: Option<&str>,
        kommune_strategy: Option<(&str, Pos, &str)>,
    ) -> Result<Settings, Vec<Diagnostic>> {
        let mut s = Settings::builtin();
        let mut errors = Vec::new();
        let mut b = Builder {
            file: config.map_or("prinsipp.toml", |c| c.display),
            text: config.map_or("", |c| c.text),
            errors: &mut errors,
        };

        let strategy = match (
            flag_strategy,
            config.and_then(|c| c.config.strategi.as_ref()),
            kommune_strategy,
        ) {
            (Some(name), _, _) => Some((name.to_string(), StrategySource::Flag)),
            (None, Some(name), _) => Some((name.get_ref().clone(), StrategySource::Config)),
            (None, None, Some((name, pos, file))) => {
                Some((name.to_string(), StrategySource::Kommune(file, pos)))
            }
            _ => None,
        };
        if let Some((name, source)) = strategy {
            if name != "alle" {
                match s.katalog.profile(&name).cloned() {
                    Some(profile) => {
                        s.enabled = profile
                            .rule
                            .iter()
                            .map(|r| r.code.clone())
                            .chain(ALWAYS.iter().chain(LEGAL).map(|c| c.to_string()))
                            .collect();
                        s.profile = Some(profile);
                    }
                    None => {
                        let span = config
                            .and_then(|c| c.config.strategi.as_ref())
                            .map(|v| v.span());
                        b.unknown_strategy(&name, &source, span, &s.katalog);
                    }
                }
            }
        }

        if let Some(config) = config
            .map(|c| c.config)
            .filter(|c| within_limits(c, &mut b))
        {
            extend_catalogue(&mut s.katalog, config, &mut b);
            // Codes of earlier own rules, valid or not, so a repeated code is always reported.
            let mut declared: Vec<String> = Vec::new();
            for rule in &config.egen_regel {
                let result = own_rule(rule, &s.katalog, &declared, &mut b);
                declared.push(rule.kode.get_ref().trim().to_string());
                if let Some((own, principle)) = result {
                    s.enabled.insert(own.code.clone());
                    s.katalog.principles.push(principle);
                    s.own_rules.push(own);
                }
            }
            if !config.regler.kun.is_empty() {
                let only: Vec<String> = config
                    .regler
                    .kun
                    .iter()
                    .flat_map(|item| b.codes(item, &s.katalog))
                    .collect();
                s.enabled.retain(|c| only.contains(c));
            }
            for item in &config.regler.paa {
                for code in b.codes(item, &s.katalog) {
                    s.enabled.insert(code);
                }
            }
            for item in &config.regler.av {
                for code in b.codes(item, &s.katalog) {
                    s.enabled.remove(&code);
                }
            }
            // A prefix applies first; a code overrides its prefix.
            let mut by_specificity: Vec<_> = config.alvorlighet.iter().collect();
            by_specificity.sort_by_key(|(k, _)| k.get_ref().contains('-'));
            for (key, value) in by_specificity {
                let Some(severity) = b.severity(value) else {
                    continue;
                };
                for code in b.codes(key, &s.katalog) {
                    s.severities.insert(code, severity);
                }
            }
            for (code, values) in &config.parametere {
                let Some(rule) = b.rule(code, &s.katalog) else {
                    continue;
                };
                for (name, value) in values {
                    if let Some(v) = b.param(rule, name, value) {
                        s.params
                            .entry(rule.code.clone())
                            .or_default()
                            .insert(name.get_ref().clone(), v);
                    }
                }
            }
        }
        if errors.is_empty() {
            Ok(s)
        } else {
            errors.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
            Err(errors)
        }
    }
}

struct Builder<'a> {
    file: &'a str,
    text: &'a str,
    errors: &'a mut Vec<Diagnostic>,
}

impl Builder<'_> {
    fn error<T>(&mut self, value: &Spanned<T>, message: Text, hint: Option<Text>) {
        let (line, column) = crate::config::line_column(self.text, value.span().start);
        let mut d = Diagnostic::error(self.file, line, column, message);
        d.hint = hint.map(Text::cut_quoted);
        self.errors.push(d);
    }

    fn unknown_strategy(
        &mut self,
        name: &str,
        source: &StrategySource,
        span: Option<std::ops::Range<usize>>,
        katalog: &Katalog,
    ) {
        let known: Vec<&str> = katalog.profiles.iter().map(|p| p.name.as_str()).collect();
        let list = known.join(", ");
        // `nittedal` or `ror-ikt` names the only profile it starts.
        let by_prefix: Vec<&str> = known
            .iter()
            .copied()
            .filter(|k| k.starts_with(name))
            .collect();
        let near = (if by_prefix.len() == 1 {
            Some(by_prefix[0])
        } else {
            did_you_mean(name, known.iter().copied())
        })
        .map(|n| (format!("Mente du {n}? "), format!("Did you mean {n}? ")))
        .unwrap_or_default();
        let message = Text::new(
            format!("Ukjent strategi «{name}»"),
            format!("Unknown strategy «{name}»"),
        );
        let hint = Text::new(
            format!("{}Kjente strategier: {list} (eller alle)", near.0),
            format!("{}Known strategies: {list} (or alle)", near.1),
        );
        let d = match source {
            StrategySource::Flag => Diagnostic::error("--strategi", 0, 0, message),
            StrategySource::Kommune(file, pos) => {
                Diagnostic::error(file, pos.line, pos.column, message)
            }
            StrategySource::Config => {
                let (line, column) = span
                    .map(|s| crate::config::line_column(self.text, s.start))
                    .unwrap_or((0, 0));
                Diagnostic::error(self.file, line, column, message)
            }
        };
        self.errors.push(d.with_hint(hint));
    }

    /// The codes a code or principle prefix names (`GEV` → GEV-01..06); reports unknown ones.
    fn codes(&mut self, item: &Spanned<String>, katalog: &Katalog) -> Vec<String> {
        let name = item.get_ref().trim().to_uppercase();
        if katalog.rule(&name).is_some() {
            return vec![name];
        }
        let by_prefix: Vec<String> = katalog
            .rules()
            .filter(|r| r.code.split_once('-').is_some_and(|(p, _)| p == name))
            .map(|r| r.code.clone())
            .collect();
        if !by_prefix.is_empty() {
            return by_prefix;
        }
        let mut candidates: Vec<String> = katalog.rules().map(|r| r.code.to_lowercase()).collect();
        candidates.extend(
            katalog
                .principles
                .iter()
                .map(|p| p.principle.prefix.to_lowercase()),
        );
        let near =
            did_you_mean(&name, candidates.iter().map(String::as_str)).map(str::to_uppercase);
        let hint = match near {
            Some(n) => Text::new(
                format!("Mente du {n}? `prinsipp rules` viser alle kodene"),
                format!("Did you mean {n}? `prinsipp rules` lists every code"),
            ),
            None => Text::new(
                "`prinsipp rules` viser alle kodene",
                "`prinsipp rules` lists every code",
            ),
        };
        self.error(
            item,
            Text::new(
                format!("Ukjent regel eller prinsipp «{}»", item.get_ref()),
                format!("Unknown rule or principle «{}»", item.get_ref()),
            ),
            Some(hint),
        );
        Vec::new()
    }

    fn rule<'k>(&mut self, code: &Spanned<String>, katalog: &'k Katalog) -> Option<&'k RuleMeta> {
        let found = katalog.rule(&code.get_ref().trim().to_uppercase());
        if found.is_none() {
            self.codes(code, katalog);
        }
        found
    }

    fn severity(&mut self, value: &Spanned<String>) -> Option<Severity> {
        let found = Severity::from_name(value.get_ref());
        if found.is_none() {
            let near = did_you_mean(value.get_ref(), Severity::NAMES.iter().copied());
            let hint =
                near.map(|n| Text::new(format!("Mente du {n}?"), format!("Did you mean {n}?")));
            self.error(
                value,
                Text::new(
                    format!(
                        "Ugyldig alvorlighet «{}»; tillatt: feil, advarsel, info",
                        value.get_ref()
                    ),
                    format!(
                        "Invalid severity «{}»; allowed: feil, advarsel, info",
                        value.get_ref()
                    ),
                ),
                hint,
            );
        }
        found
    }

    /// A parameter value of the same kind as its default (an integer may stand for a number).
    fn param(
        &mut self,
        rule: &RuleMeta,
        name: &Spanned<String>,
        value: &Spanned<toml::Value>,
    ) -> Option<toml::Value> {
        let Some(param) = rule.params.get(name.get_ref()) else {
            let known: Vec<&str> = rule.params.keys().map(String::as_str).collect();
            let near = did_you_mean(name.get_ref(), known.iter().copied())
                .map(|n| (format!("Mente du {n}? "), format!("Did you mean {n}? ")))
                .unwrap_or_default();
            let (list_nb, list_en) = if known.is_empty() {
                ("ingen".to_string(), "none".to_string())
            } else {
                (known.join(", "), known.join(", "))
            };
            self.error(
                name,
                Text::new(
                    format!("{} har ingen parameter «{}»", rule.code, name.get_ref()),
                    format!("{} has no parameter «{}»", rule.code, name.get_ref()),
                ),
                Some(Text::new(
                    format!("{}Parametere for {}: {list_nb}", near.0, rule.code),
                    format!("{}Parameters of {}: {list_en}", near.1, rule.code),
                )),
            );
            return None;
        };
        let v = value.get_ref();
        let ok = match &param.default {
            toml::Value::Integer(_) => v.as_integer().filter(|n| *n >= 0).map(toml::Value::Integer),
            toml::Value::Float(_) => v
                .as_float()
                .or_else(|| v.as_integer().map(|i| i as f64))
                .filter(|f| *f >= 0.0 && f.is_finite())
                .map(toml::Value::Float),
            other => {
                (std::mem::discriminant(other) == std::mem::discriminant(v)).then(|| v.clone())
            }
        };
        let too_large = param
            .max
            .zip(
                ok.as_ref()
                    .and_then(|v| v.as_float().or_else(|| v.as_integer().map(|i| i as f64))),
            )
            .filter(|(max, v)| v > max);
        if let Some((max, _)) = too_large {
            self.error(
                value,
                Text::new(
                    format!(
                        "{}.{} kan ikke være større enn {max}",
                        rule.code,
                        name.get_ref()
                    ),
                    format!(
                        "{}.{} cannot be larger than {max}",
                        rule.code,
                        name.get_ref()
                    ),
                ),
                Some(Text::new(
                    format!("Standardverdien er {}", param.default),
                    format!("The default is {}", param.default),
                )),
            );
            return None;
        }
        if ok.is_none() {
            let (nb, en) = match &param.default {
                toml::Value::Integer(_) => ("et heltall ≥ 0", "a whole number ≥ 0"),
                toml::Value::Float(_) => ("et tall ≥ 0", "a number ≥ 0"),
                _ => ("samme type som standardverdien", "the type of the default"),
            };
            self.error(
                value,
                Text::new(
                    format!("{}.{} må være {nb}, ikke {v}", rule.code, name.get_ref()),
                    format!("{}.{} must be {en}, not {v}", rule.code, name.get_ref()),
                ),
                Some(Text::new(
                    format!("Standardverdien er {}", param.default),
                    format!("The default is {}", param.default),
                )),
            );
        }
        ok
    }
}
