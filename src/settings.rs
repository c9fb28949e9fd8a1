//! The effective settings of a run: which rules are on, at which severity, with which
//! parameters, against which catalogue and strategy profile. Built from the built-in data
//! in rules/, the chosen strategy and prinsipp.toml; every mistake becomes a diagnostic.

use crate::config::{ConditionConfig, Config, OwnRuleConfig};
use crate::diagnostic::Diagnostic;
use crate::finding::Severity;
use crate::katalog::{
    Capability, Component, Katalog, Principle, PrincipleMeta, Profile, RuleMeta, Standard,
};
use crate::load::shape::{Shape, Ty};
use crate::model::{PROJECT_FIELDS, Pos, SYSTEM_FIELDS};
use crate::suggest::did_you_mean;
use crate::text::Text;
use std::collections::{BTreeMap, BTreeSet};
use toml::Spanned;

/// Codes that every profile includes: references and the deviation register are the
/// machinery, not a principle of one strategy.
pub const ALWAYS: &[&str] = &["REF-01", "AVV-01", "AVV-02", "AVV-03", "AVV-04"];

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

    /// A severity set in prinsipp.toml for this code (directly or by its prefix).
    pub fn severity_override(&self, code: &str) -> Option<Severity> {
        self.severities.get(code).copied()
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
                            .chain(ALWAYS.iter().map(|c| c.to_string()))
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

/// The most entries any list in prinsipp.toml may hold (codes in `kun`/`av`/`paa`, names
/// in the catalogue, own rules, the values of a condition), and the most capabilities all
/// components together may cover. A hand-written file needs far fewer; the bound keeps
/// the checks that compare entries with each other cheap whatever the file holds.
pub const MAX_LIST: usize = 1_000;

/// Whether every list is within `MAX_LIST`; the first entry past it is reported for each.
fn within_limits(config: &Config, b: &mut Builder) -> bool {
    let mut ok = true;
    let mut check = |over: Option<std::ops::Range<usize>>, what: (&str, &str), b: &mut Builder| {
        if let Some(span) = over {
            ok = false;
            let (line, column) = crate::config::line_column(b.text, span.start);
            b.errors.push(
                Diagnostic::error(
                    b.file,
                    line,
                    column,
                    Text::new(
                        format!(
                            "For mange {} (høyst {MAX_LIST}); innstillingene er ikke lest videre",
                            what.0
                        ),
                        format!(
                            "Too many {} (at most {MAX_LIST}); the settings were not read further",
                            what.1
                        ),
                    ),
                )
                .with_hint(Text::new(
                    "Del opp, eller sjekk at fila er den du mente",
                    "Split it up, or check that the file is the one you meant",
                )),
            );
        }
    };
    let past = |list: &[Spanned<String>]| list.get(MAX_LIST).map(|v| v.span());
    let r = &config.regler;
    check(past(&r.kun), ("koder i `kun`", "codes in `kun`"), b);
    check(past(&r.av), ("koder i `av`", "codes in `av`"), b);
    check(past(&r.paa), ("koder i `paa`", "codes in `paa`"), b);
    check(
        config.alvorlighet.keys().nth(MAX_LIST).map(|k| k.span()),
        ("regler i `alvorlighet`", "rules in `alvorlighet`"),
        b,
    );
    check(
        config.parametere.keys().nth(MAX_LIST).map(|k| k.span()),
        ("regler i `parametere`", "rules in `parametere`"),
        b,
    );
    let k = &config.katalog;
    check(past(&k.kapabiliteter), ("kapabiliteter", "capabilities"), b);
    check(past(&k.standarder), ("standarder", "standards"), b);
    check(
        k.felleskomponent.get(MAX_LIST).map(|c| c.id.span()),
        ("felleskomponenter", "components"),
        b,
    );
    let covered: Vec<&Spanned<String>> = k.felleskomponent.iter().flat_map(|c| &c.dekker).collect();
    check(
        covered.get(MAX_LIST).map(|v| v.span()),
        ("kapabiliteter i `dekker`", "capabilities in `dekker`"),
        b,
    );
    check(
        config.egen_regel.get(MAX_LIST).map(|r| r.kode.span()),
        ("egne regler", "own rules"),
        b,
    );
    for rule in &config.egen_regel {
        for condition in rule.hvis.iter().chain(&rule.krav) {
            let values = condition
                .en_av
                .as_ref()
                .filter(|v| v.get_ref().len() > MAX_LIST);
            check(
                values.map(|v| v.span()),
                ("verdier i `en_av`", "values in `en_av`"),
                b,
            );
        }
        check(
            rule.krav.get(MAX_LIST).map(|c| c.felt.span()),
            ("krav", "requirements"),
            b,
        );
    }
    ok
}

/// A name the catalogue may hold: lower-case a–z, digits and hyphens, like the ids.
fn catalogue_name(name: &Spanned<String>, what: (&str, &str), b: &mut Builder) -> bool {
    let id = name.get_ref();
    let ok = !id.is_empty()
        && id
            .bytes()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-');
    if !ok {
        b.error(
            name,
            Text::new(
                format!(
                    "Ugyldig {}navn «{id}»: bruk a–z, sifre og bindestrek",
                    what.0
                ),
                format!(
                    "Invalid {} name «{id}»: use a–z, digits and hyphens",
                    what.1
                ),
            ),
            None,
        );
    }
    ok
}

fn extend_catalogue(k: &mut Katalog, config: &Config, b: &mut Builder) {
    let ext = &config.katalog;
    for cap in ext
        .kapabiliteter
        .iter()
        .filter(|c| catalogue_name(c, ("kapabilitets", "capability"), b))
    {
        if !k.is_capability(cap.get_ref()) {
            k.general_capabilities.push(cap.get_ref().clone());
        }
    }
    for std in ext
        .standarder
        .iter()
        .filter(|s| catalogue_name(s, ("standard", "standard"), b))
    {
        if !k.is_standard(std.get_ref()) {
            k.standards.push(Standard {
                id: std.get_ref().clone(),
                name: std.get_ref().clone(),
                flagged: false,
            });
        }
    }
    let mut declared: Vec<&str> = Vec::new();
    for comp in &ext.felleskomponent {
        if !catalogue_name(&comp.id, ("komponent", "component"), b) {
            continue;
        }
        let id = comp.id.get_ref().clone();
        if declared.contains(&id.as_str()) || k.is_component(&id) {
            b.error(
                &comp.id,
                Text::new(
                    format!("Felleskomponenten «{id}» finnes allerede i katalogen"),
                    format!("The component «{id}» is already in the catalogue"),
                ),
                Some(Text::new(
                    "Gi den nye komponenten en egen id, eller fjern denne",
                    "Give the new component an id of its own, or remove this one",
                )),
            );
            continue;
        }
        declared.push(comp.id.get_ref());
        k.components.push(Component {
            id: id.clone(),
            name: comp.navn.clone().unwrap_or_else(|| id.clone()),
            provider: comp.leverandor.clone().unwrap_or_default(),
        });
        for cap_name in &comp.dekker {
            if !catalogue_name(cap_name, ("kapabilitets", "capability"), b) {
                continue;
            }
            let cap = cap_name.get_ref();
            // A new capability one letter from a known one is a typo, not a new capability.
            if !k.is_capability(cap) {
                if let Some(near) = did_you_mean(cap, k.capability_names()) {
                    let near = near.to_string();
                    b.error(
                        cap_name,
                        Text::new(format!("«{cap}» er ikke en kjent kapabilitet"), format!("«{cap}» is not a known capability")),
                        Some(Text::new(format!("Mente du {near}? En ny kapabilitet skrives også i katalog.kapabiliteter"), format!("Did you mean {near}? A new capability is also listed in katalog.kapabiliteter"))),
                    );
                    continue;
                }
            }
            k.general_capabilities.retain(|g| g != cap);
            match k.capabilities.iter_mut().find(|c| &c.id == cap) {
                Some(existing) if !existing.components.contains(&id) => {
                    existing.components.push(id.clone())
                }
                Some(_) => {}
                None => k.capabilities.push(Capability {
                    id: cap.clone(),
                    components: vec![id.clone()],
                }),
            }
        }
    }
}

/// Checks one own rule and turns it into a rule the engine runs and a principle the
/// catalogue lists (so `rules`, `explain` and avvik treat it like a built-in one).
/// `earlier` holds the codes of the own rules before it.
fn own_rule(
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
        Some(Target::Project) => (PROJECT_FIELDS, &crate::load::shape::PROJECT),
        _ => (SYSTEM_FIELDS, &crate::load::shape::SYSTEM),
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
    fields: &[&str],
    shape: &Shape,
    b: &mut Builder,
) -> Option<Condition> {
    let field = c.felt.get_ref().trim().to_string();
    let mut ok = true;
    if !fields.contains(&field.as_str()) {
        let near = did_you_mean(&field, fields.iter().copied())
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
