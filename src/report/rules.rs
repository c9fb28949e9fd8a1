//! `prinsipp rules` and `prinsipp explain`: the rule metadata from rules/, rendered.

use super::Style;
use crate::katalog::{Katalog, SourceRef};
use crate::text::Lang;
use comfy_table::{ContentArrangement, Table, presets};
use serde::Serialize;

fn source_line(katalog: &Katalog, s: &SourceRef) -> String {
    match katalog.document(&s.doc) {
        Some(d) => format!("{} {} ({}, {})", s.doc, s.section, d.publisher, d.title),
        None => format!("{} {}", s.doc, s.section),
    }
}

pub fn table(katalog: &Katalog, style: &Style) -> String {
    let lang = style.lang;
    let mut table = Table::new();
    table.load_style(if style.tty {
        presets::UTF8_FULL_CONDENSED
    } else {
        super::table::plain_style()
    });
    table.force_no_tty();
    match style.terminal_width {
        Some(width) => table
            .set_width(width)
            .set_content_arrangement(ContentArrangement::Dynamic),
        None => table.set_content_arrangement(ContentArrangement::Disabled),
    };
    table.set_header(match lang {
        Lang::Nb => ["Regel", "Alvorlighet", "Tittel", "Kilder"],
        Lang::En => ["Rule", "Severity", "Title", "Sources"],
    });
    for rule in katalog.rules() {
        let sources: Vec<String> = rule
            .sources
            .iter()
            .map(|s| format!("{} {}", s.doc, s.section))
            .collect();
        table.add_row(vec![
            rule.code.clone(),
            rule.severity.label(lang).to_string(),
            rule.title.get(lang).to_string(),
            sources.join("; "),
        ]);
    }
    format!("{}\n", super::table::trim_lines(&table.to_string()))
}

#[derive(Serialize)]
struct JsonRule<'a> {
    code: &'a str,
    severity: &'a str,
    principle: &'a str,
    title: &'a str,
    checks: &'a str,
    comply: &'a str,
    sources: Vec<JsonSource<'a>>,
    params: Vec<JsonParam<'a>>,
}

#[derive(Serialize)]
struct JsonSource<'a> {
    doc: &'a str,
    section: &'a str,
}

#[derive(Serialize)]
struct JsonParam<'a> {
    name: &'a str,
    default: &'a toml::Value,
    doc: &'a str,
}

pub fn json(katalog: &Katalog, lang: Lang) -> String {
    let mut list = Vec::new();
    for principle in &katalog.principles {
        for rule in &principle.rule {
            list.push(JsonRule {
                code: &rule.code,
                severity: rule.severity.name(),
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
                        default: &p.default,
                        doc: p.doc.get(lang),
                    })
                    .collect(),
            });
        }
    }
    let mut text = serde_json::to_string_pretty(&list).unwrap_or_else(|_| "[]".to_string());
    text.push('\n');
    text
}

/// The whole story of one rule, for a person deciding how to comply.
pub fn explain(katalog: &Katalog, code: &str, style: &Style) -> String {
    let lang = style.lang;
    let (Some(rule), Some(principle)) = (katalog.rule(code), katalog.principle_of(code)) else {
        return String::new();
    };
    let heads = match lang {
        Lang::Nb => [
            "Prinsipp",
            "Hva som sjekkes",
            "Slik følger du regelen",
            "Eksempel",
            "Parametere (kan endres i prinsipp.toml)",
            "Kilder",
        ],
        Lang::En => [
            "Principle",
            "What is checked",
            "How to comply",
            "Example",
            "Parameters (can be changed in prinsipp.toml)",
            "Sources",
        ],
    };
    let mut out = format!(
        "{} — {} ({})\n\n",
        rule.code,
        rule.title.get(lang),
        rule.severity.label(lang)
    );
    out.push_str(&format!(
        "{}: {}\n{}\n\n",
        heads[0],
        principle.principle.name.get(lang),
        principle.principle.summary.get(lang)
    ));
    out.push_str(&format!("{}:\n{}\n\n", heads[1], rule.checks.get(lang)));
    out.push_str(&format!("{}:\n{}\n\n", heads[2], rule.comply.get(lang)));
    out.push_str(&format!("{}:\n", heads[3]));
    for line in rule.example.trim_end().lines() {
        out.push_str(&format!("    {line}\n"));
    }
    out.push('\n');
    if !rule.params.is_empty() {
        out.push_str(&format!("{}:\n", heads[4]));
        for (name, p) in &rule.params {
            out.push_str(&format!("  {name} = {} — {}\n", p.default, p.doc.get(lang)));
        }
        out.push('\n');
    }
    out.push_str(&format!("{}:\n", heads[5]));
    for s in &rule.sources {
        out.push_str(&format!("  {}\n", source_line(katalog, s)));
    }
    out
}
