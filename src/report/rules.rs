//! `prinsipp rules` and `prinsipp explain`: the rule metadata from rules/ (and the
//! kommune's own rules), rendered as a table, JSON, markdown or one rule's full story.

use super::{Style, rule_markdown};
use crate::katalog::{Katalog, Profile, RuleMeta, SourceRef};
use crate::settings::Settings;
use crate::text::Lang;
use serde::Serialize;

pub fn source_line(katalog: &Katalog, s: &SourceRef) -> String {
    match katalog.document(&s.doc) {
        Some(d) => format!("{} {} ({}, {})", s.doc, s.section, d.publisher, d.title),
        None => format!("{} {}", s.doc, s.section),
    }
}

fn short_sources(rule: &RuleMeta, lang: Lang) -> String {
    if rule.sources.is_empty() {
        return match lang {
            Lang::Nb => "prinsipp.toml (egen regel)".into(),
            Lang::En => "prinsipp.toml (own rule)".into(),
        };
    }
    rule.sources
        .iter()
        .map(|s| format!("{} {}", s.doc, s.section))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Every rule with its effective severity; rules that are off say so.
pub fn table(settings: &Settings, style: &Style) -> String {
    let lang = style.lang;
    let header = match lang {
        Lang::Nb => ["Regel", "Alvorlighet", "Tittel", "Kilder"],
        Lang::En => ["Rule", "Severity", "Title", "Sources"],
    };
    let mut table = super::table::new_table(style, &header);
    for rule in settings.katalog.rules() {
        let mut severity = settings.severity(&rule.code).label(lang).to_string();
        if !settings.is_enabled(&rule.code) {
            severity = match lang {
                Lang::Nb => "(av)".into(),
                Lang::En => "(off)".into(),
            };
        }
        table.add_row(vec![
            rule.code.clone(),
            severity,
            super::escape::line(rule.title.get(lang)),
            short_sources(rule, lang),
        ]);
    }
    format!("{}\n", super::table::trim_lines(&table.to_string()))
}

/// One strategy's profile: the rules it asks for and the section that asks.
pub fn profile_table(settings: &Settings, profile: &Profile, style: &Style) -> String {
    let lang = style.lang;
    let header = match lang {
        Lang::Nb => ["Regel", "Alvorlighet", "Tittel", "Avsnitt i strategien"],
        Lang::En => ["Rule", "Severity", "Title", "Section of the strategy"],
    };
    let mut table = super::table::new_table(style, &header);
    for code in settings.enabled_codes() {
        let Some(rule) = settings.katalog.rule(code) else {
            continue;
        };
        let own = settings.own_rules.iter().any(|r| r.code == code);
        let section = match (profile.section(code), own, lang) {
            (Some(s), _, _) => s.to_string(),
            (None, true, Lang::Nb) => "(kommunens egen regel)".into(),
            (None, true, Lang::En) => "(the kommune's own rule)".into(),
            (None, false, _) if crate::settings::LEGAL.contains(&code) => {
                let law = rule
                    .sources
                    .iter()
                    .find(|s| matches!(s.doc.as_str(), "GDPR" | "UU" | "ARKIV"))
                    .map(|s| format!("{} {}", s.doc, s.section))
                    .unwrap_or_default();
                match lang {
                    Lang::Nb => format!("(lovkrav: {law})"),
                    Lang::En => format!("(legal duty: {law})"),
                }
            }
            (None, false, _) if !crate::settings::ALWAYS.contains(&code) => match lang {
                Lang::Nb => "(slått på i prinsipp.toml)".into(),
                Lang::En => "(turned on in prinsipp.toml)".into(),
            },
            (None, false, Lang::Nb) => "(alltid med)".into(),
            (None, false, Lang::En) => "(always checked)".into(),
        };
        table.add_row(vec![
            rule.code.clone(),
            settings.severity(code).label(lang).to_string(),
            super::escape::line(rule.title.get(lang)),
            section,
        ]);
    }
    let heading = format!("{} — {}\n", profile.name, profile.title.get(lang));
    format!(
        "{heading}{}\n",
        super::table::trim_lines(&table.to_string())
    )
}

#[derive(Serialize)]
struct JsonRule<'a> {
    code: &'a str,
    severity: &'a str,
    enabled: bool,
    principle: &'a str,
    title: &'a str,
    checks: &'a str,
    comply: &'a str,
    sources: Vec<JsonSource<'a>>,
    params: Vec<JsonParam<'a>>,
    /// The section of the active strategy profile that asks for the rule.
    section: Option<String>,
}

#[derive(Serialize)]
struct JsonSource<'a> {
    doc: &'a str,
    section: &'a str,
}

#[derive(Serialize)]
struct JsonParam<'a> {
    name: &'a str,
    value: &'a toml::Value,
    default: &'a toml::Value,
    doc: &'a str,
}

pub fn json(settings: &Settings, lang: Lang) -> String {
    let mut list = Vec::new();
    for principle in &settings.katalog.principles {
        for rule in &principle.rule {
            list.push(JsonRule {
                code: &rule.code,
                severity: settings.severity(&rule.code).name(),
                enabled: settings.is_enabled(&rule.code),
                principle: principle.principle.name.get(lang),
                title: rule.title.get(lang),
                checks: rule.checks.get(lang),
                comply: rule.comply.get(lang),
                sources: rule
                    .sources
                    .iter()
                    .map(|s| JsonSource {
                        doc: &s.doc,
                        section: &s.section,
                    })
                    .collect(),
                params: rule
                    .params
                    .iter()
                    .map(|(name, p)| JsonParam {
                        name,
                        value: settings.param(&rule.code, name).unwrap_or(&p.default),
                        default: &p.default,
                        doc: p.doc.get(lang),
                    })
                    .collect(),
                section: settings.section(&rule.code),
            });
        }
    }
    let mut text = super::escape::json_inert(
        serde_json::to_string_pretty(&list).unwrap_or_else(|_| "[]".to_string()),
    );
    text.push('\n');
    text
}

/// docs/regler.md: every principle and rule, then the strategy profiles. Generated, so
/// the documentation is always what the binary checks.
pub fn markdown(settings: &Settings, lang: Lang) -> String {
    let k = &settings.katalog;
    let (title, intro, profiles_head) = match lang {
        Lang::Nb => (
            "# Reglene i prinsipp",
            "Generert av `prinsipp rules --format markdown`; ikke rediger for hånd. `prinsipp explain KODE` viser det samme for én regel.",
            "## Strategiprofiler",
        ),
        Lang::En => (
            "# The rules of prinsipp",
            "Generated by `prinsipp rules --format markdown --lang en`; do not edit by hand. `prinsipp explain CODE` shows the same for one rule.",
            "## Strategy profiles",
        ),
    };
    let mut out = format!("{title}\n\n{intro}\n\n");
    out.push_str(&match lang {
        Lang::Nb => "| Regel | Alvorlighet | Tittel |\n|---|---|---|\n".to_string(),
        Lang::En => "| Rule | Severity | Title |\n|---|---|---|\n".to_string(),
    });
    for rule in k.rules() {
        out.push_str(&format!(
            "| [{code}](#{anchor}) | {} | {} |\n",
            settings.severity(&rule.code).label(lang),
            rule_markdown(settings, &rule.code, rule.title.get(lang)),
            code = rule.code,
            anchor = rule.code.to_lowercase()
        ));
    }
    out.push('\n');
    for principle in &k.principles {
        // A kommune's own rule is a principle of its own, named from prinsipp.toml.
        let first = principle.rule.first().map_or("", |r| r.code.as_str());
        out.push_str(&format!(
            "## {}\n\n{}\n\n",
            rule_markdown(settings, first, principle.principle.name.get(lang)),
            rule_markdown(settings, first, principle.principle.summary.get(lang))
        ));
        for rule in &principle.rule {
            out.push_str(&format!("### {}\n\n", rule.code));
            out.push_str(&explain_body(settings, rule, lang, "####"));
        }
    }
    out.push_str(&format!("{profiles_head}\n\n"));
    for profile in &k.profiles {
        out.push_str(&format!(
            "### {}\n\n{}\n\n",
            profile.name,
            profile.title.get(lang)
        ));
        out.push_str(&match lang {
            Lang::Nb => "| Regel | Avsnitt |\n|---|---|\n".to_string(),
            Lang::En => "| Rule | Section |\n|---|---|\n".to_string(),
        });
        for r in &profile.rule {
            out.push_str(&format!(
                "| {} | {} |\n",
                r.code,
                r.section.replace('|', "\\|")
            ));
        }
        out.push('\n');
    }
    out.trim_end().to_string() + "\n"
}

/// The headings of a rule's story; the first one differs between `explain` and the docs.
fn headings(lang: Lang, first: (&'static str, &'static str)) -> [&'static str; 6] {
    match lang {
        Lang::Nb => [
            first.0,
            "Hva som sjekkes",
            "Slik følger du regelen",
            "Eksempel",
            "Parametere (kan endres i prinsipp.toml)",
            "Kilder",
        ],
        Lang::En => [
            first.1,
            "What is checked",
            "How to comply",
            "Example",
            "Parameters (can be changed in prinsipp.toml)",
            "Sources",
        ],
    }
}

/// The parts of one rule's story after its heading.
fn explain_body<'a>(settings: &Settings, rule: &'a RuleMeta, lang: Lang, head: &str) -> String {
    let k = &settings.katalog;
    let heads = headings(lang, ("Alvorlighet", "Severity"));
    let text = |t: &'a crate::text::Text| rule_markdown(settings, &rule.code, t.get(lang));
    let mut out = format!(
        "**{}** — {}: {}\n\n",
        text(&rule.title),
        heads[0],
        settings.severity(&rule.code).label(lang)
    );
    out.push_str(&format!(
        "{head} {}\n\n{}\n\n",
        heads[1],
        text(&rule.checks)
    ));
    out.push_str(&format!(
        "{head} {}\n\n{}\n\n",
        heads[2],
        text(&rule.comply)
    ));
    if !rule.example.trim().is_empty() {
        out.push_str(&format!(
            "{head} {}\n\n```yaml\n{}\n```\n\n",
            heads[3],
            rule.example.trim_end()
        ));
    }
    if !rule.params.is_empty() {
        out.push_str(&format!("{head} {}\n\n", heads[4]));
        for (name, p) in &rule.params {
            out.push_str(&format!(
                "- `{name}` = {} — {}\n",
                p.default,
                p.doc.get(lang)
            ));
        }
        out.push('\n');
    }
    if !rule.sources.is_empty() {
        out.push_str(&format!("{head} {}\n\n", heads[5]));
        for s in &rule.sources {
            out.push_str(&format!("- {}\n", source_line(k, s)));
        }
        out.push('\n');
    }
    out
}

/// The whole story of one rule, for a person deciding how to comply.
/// The severity shown is the one this run uses (prinsipp.toml may have changed it).
pub fn explain(settings: &Settings, code: &str, style: &Style) -> String {
    let katalog = &settings.katalog;
    let lang = style.lang;
    let (Some(rule), Some(principle)) = (katalog.rule(code), katalog.principle_of(code)) else {
        return String::new();
    };
    let heads = headings(lang, ("Prinsipp", "Principle"));
    let width = style
        .terminal_width
        .map_or(88, |w| (w as usize).clamp(40, 100));
    let wrap = |text: &str| super::wrap(text, width);
    let mut out = format!(
        "{} — {} ({})\n\n",
        rule.code,
        rule.title.get(lang),
        settings.severity(&rule.code).label(lang)
    );
    out.push_str(&format!(
        "{}: {}\n{}\n\n",
        heads[0],
        principle.principle.name.get(lang),
        wrap(principle.principle.summary.get(lang))
    ));
    out.push_str(&format!(
        "{}:\n{}\n\n",
        heads[1],
        wrap(rule.checks.get(lang))
    ));
    out.push_str(&format!(
        "{}:\n{}\n\n",
        heads[2],
        wrap(rule.comply.get(lang))
    ));
    if !rule.example.trim().is_empty() {
        out.push_str(&format!("{}:\n", heads[3]));
        for line in rule.example.trim_end().lines() {
            out.push_str(&format!("    {line}\n"));
        }
        out.push('\n');
    }
    if !rule.params.is_empty() {
        out.push_str(&format!("{}:\n", heads[4]));
        for (name, p) in &rule.params {
            out.push_str(&format!("  {name} = {} — {}\n", p.default, p.doc.get(lang)));
        }
        out.push('\n');
    }
    out.push_str(&format!("{}:\n", heads[5]));
    if rule.sources.is_empty() {
        out.push_str(match lang {
            Lang::Nb => "  Kommunens egen regel i prinsipp.toml\n",
            Lang::En => "  The kommune's own rule in prinsipp.toml\n",
        });
    }
    for s in &rule.sources {
        out.push_str(&format!("  {}\n", source_line(katalog, s)));
    }
    // A kommune's own rule's words come from prinsipp.toml: nothing hidden reaches the terminal.
    super::escape::lines(&out)
}
