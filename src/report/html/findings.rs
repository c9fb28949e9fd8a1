//! Every finding, grouped by principle and rule, with what each rule checks and how to
//! comply; for several kommuner the built-in rules are explained once, in «Reglene».

use super::parts::{none_text, principle_name, table};
use super::{Kommune, Place, t};
use crate::finding::{Finding, Status};
use crate::report::escape::html;
use crate::text::Lang;

/// A rule's text from the catalogue: plain text with `code` spans. The built-in texts are
/// ours; a kommune's own rule's text comes from prinsipp.toml and is escaped like any other.
fn rule_text(text: &str) -> String {
    let escaped = html(text);
    let mut out = String::with_capacity(escaped.len());
    for (i, part) in escaped.split('`').enumerate() {
        if i % 2 == 1 {
            out.push_str(&format!("<code>{part}</code>"));
        } else {
            out.push_str(part);
        }
    }
    out
}

fn status_text(f: &Finding, lang: Lang) -> String {
    match &f.status {
        Status::Open => t(lang, "åpent", "open").to_string(),
        Status::Baseline => t(lang, "kjent fra baseline", "known from the baseline").to_string(),
        Status::Avvik {
            reference,
            valid_until,
        } => {
            let mut s = t(lang, "godkjent avvik", "approved deviation").to_string();
            if let Some(r) = reference {
                s.push(' ');
                s.push_str(r);
            }
            if let Some(d) = valid_until {
                s.push_str(&format!(" {} {d}", t(lang, "til", "until")));
            }
            s
        }
    }
}

/// What a rule checks, how to comply, and its sources.
fn explanation(
    meta: &crate::katalog::RuleMeta,
    katalog: &crate::katalog::Katalog,
    lang: Lang,
) -> String {
    let mut out = format!(
        "<p><strong>{}</strong> {}</p>\n<p><strong>{}</strong> {}</p>\n",
        t(lang, "Dette kontrolleres:", "What is checked:"),
        rule_text(meta.checks.get(lang)),
        t(lang, "Slik etterlever du:", "How to comply:"),
        rule_text(meta.comply.get(lang)),
    );
    if !meta.sources.is_empty() {
        let sources: Vec<String> = meta
            .sources
            .iter()
            .map(|s| html(&crate::report::rules::source_line(katalog, s)))
            .collect();
        out.push_str(&format!(
            "<p class=\"note\">{} {}</p>\n",
            t(lang, "Kilder:", "Sources:"),
            sources.join("; ")
        ));
    }
    out
}

/// The index of a built-in rule (not a kommune's own, whose text may differ between
/// kommuner), for the shared explanations of a report on several kommuner.
fn builtin_index(k: &Kommune, code: &str) -> Option<usize> {
    if k.report.settings.own_rules.iter().any(|r| r.code == code) {
        return None;
    }
    crate::katalog::Katalog::builtin()
        .rules()
        .position(|r| r.code == code)
}

/// For several kommuner: each built-in rule with a finding anywhere, explained once.
pub fn rules(kommuner: &[Kommune], lang: Lang) -> String {
    let katalog = crate::katalog::Katalog::builtin();
    let mut out = format!(
        "<section aria-labelledby=\"reglene\">\n<h2 id=\"reglene\">{}</h2>\n",
        t(lang, "Reglene", "The rules")
    );
    for (index, meta) in katalog.rules().enumerate() {
        let found = kommuner.iter().any(|k| {
            builtin_index(k, &meta.code).is_some()
                && k.report.findings.iter().any(|f| f.code == meta.code)
        });
        if !found {
            continue;
        }
        out.push_str(&format!(
            "<div class=\"rule\">\n<h3 id=\"regel-{index}\">{} {}</h3>\n{}</div>\n",
            html(&meta.code),
            html(meta.title.get(lang)),
            explanation(meta, katalog, lang)
        ));
    }
    out.push_str("</section>\n");
    out
}

pub fn findings(k: &Kommune, place: &Place, lang: Lang) -> String {
    let r = &k.report;
    let katalog = &r.settings.katalog;
    if r.findings.is_empty() {
        return none_text(lang);
    }
    let mut out = String::new();
    for p in &k.figures.summary.principles {
        let rules: Vec<&str> = p
            .rules
            .iter()
            .filter(|rule| rule.violations + rule.avvik > 0)
            .map(|rule| rule.code.as_str())
            .collect();
        if rules.is_empty() {
            continue;
        }
        out.push_str(&place.heading(
            1,
            "",
            &format!("{} ({})", principle_name(k, p.index, lang), p.label),
        ));
        for code in rules {
            let Some(meta) = katalog.rule(code) else {
                continue;
            };
            out.push_str("<div class=\"rule\">\n");
            out.push_str(&place.heading(2, "", &format!("{code} {}", meta.title.get(lang))));
            match builtin_index(k, code).filter(|_| place.shared_rules) {
                Some(index) => out.push_str(&format!(
                    "<p><a href=\"#regel-{index}\">{}</a></p>\n",
                    t(
                        lang,
                        "Om regelen: hva den kontrollerer og slik etterlever du",
                        "About the rule: what it checks and how to comply"
                    )
                )),
                None => out.push_str(&explanation(meta, katalog, lang)),
            }
            let rows: Vec<Vec<String>> = r
                .findings
                .iter()
                .filter(|f| f.code == code)
                .map(|f| {
                    let severity = f.severity.label(lang);
                    let remark = crate::figures::subjects::note(r.portfolio, &f.subject)
                        .map_or(String::new(), |n| {
                            format!("<span class=\"remark\">{}</span>", html(n))
                        });
                    vec![
                        format!("{}{remark}", html(&f.subject.label())),
                        format!(
                            "<span class=\"{}\">{}</span>",
                            f.severity.name(),
                            html(severity)
                        ),
                        html(f.message.get(lang)),
                        format!(
                            "<code>{}:{}:{}</code>",
                            html(r.file(f)),
                            f.at.line,
                            f.at.column
                        ),
                        html(&status_text(f, lang)),
                    ]
                })
                .collect();
            out.push_str(&table(
                "findings",
                &[
                    t(lang, "Gjelder", "Subject"),
                    t(lang, "Alvorlighet", "Severity"),
                    t(lang, "Funn", "Finding"),
                    t(lang, "Sted", "Location"),
                    t(lang, "Status", "Status"),
                ],
                &rows,
            ));
            out.push_str("</div>\n");
        }
    }
    out
}
