//! `check --oppsummering`: the findings as counts, per principle (then per rule and per
//! missing key), per service area and per owner, worst first; as text for the terminal or
//! as markdown for a pull request or a wiki.

use super::escape::{line, markdown_cell};
use super::{Report, Style};
use crate::figures::subjects::Tally;
use crate::figures::summary::{GroupSummary, PrincipleSummary, RuleSummary, Summary};
use crate::settings::Settings;
use crate::text::{Lang, Text, join_names, plural};

/// The most rows of the area and owner lists shown; the rest are counted.
const MAX_GROUP_ROWS: usize = 20;

/// «29 av 34 systemer og 2 av 9 prosjekter»: the part that is bad of what was checked, for
/// each kind of subject that was checked.
pub fn share(bad: Tally, all: Tally, lang: Lang) -> String {
    let kinds = [
        (
            bad.systems,
            all.systems,
            ("system", "systemer"),
            ("system", "systems"),
        ),
        (
            bad.projects,
            all.projects,
            ("prosjekt", "prosjekter"),
            ("project", "projects"),
        ),
        (
            bad.portfolio,
            all.portfolio,
            ("portefølje", "porteføljer"),
            ("portfolio", "portfolios"),
        ),
        (
            bad.deviations,
            all.deviations,
            ("avvik", "avvik"),
            ("deviation", "deviations"),
        ),
    ];
    // A kind with nothing bad is left out when another kind has something bad: «1 av 31
    // systemer», not «1 av 31 systemer og 0 av 8 prosjekter».
    let any_bad = bad.total() > 0;
    let parts: Vec<String> = kinds
        .iter()
        .filter(|(b, all, ..)| *all > 0 && (*b > 0 || !any_bad))
        .map(|(bad, all, nb, en)| match lang {
            Lang::Nb => format!("{bad} av {}", plural(*all, nb.0, nb.1)),
            Lang::En => format!("{bad} of {}", plural(*all, en.0, en.1)),
        })
        .collect();
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    join_names(&parts, lang)
}

/// «12 systemer, 2 prosjekter»: how many subjects, by kind («0» for none).
pub(super) fn count(t: Tally, lang: Lang) -> String {
    let words = match lang {
        Lang::Nb => [
            ("system", "systemer"),
            ("prosjekt", "prosjekter"),
            ("portefølje", "porteføljer"),
            ("avvik", "avvik"),
        ],
        Lang::En => [
            ("system", "systems"),
            ("project", "projects"),
            ("portfolio", "portfolios"),
            ("deviation", "deviations"),
        ],
    };
    let parts: Vec<String> = [t.systems, t.projects, t.portfolio, t.deviations]
        .iter()
        .zip(words)
        .filter(|(n, _)| **n > 0)
        .map(|(n, (one, many))| plural(*n, one, many))
        .collect();
    if parts.is_empty() {
        return "0".to_string();
    }
    parts.join(", ")
}

fn principle_name(settings: &Settings, p: &PrincipleSummary, lang: Lang) -> String {
    let name = settings
        .katalog
        .principles
        .get(p.index)
        .map_or("", |q| q.principle.name.get(lang));
    format!("{name} ({})", p.label)
}

fn rule_title<'s>(settings: &'s Settings, code: &str, lang: Lang) -> &'s str {
    settings
        .katalog
        .rule(code)
        .map_or("", |r| r.title.get(lang))
}

/// The headline of one principle: «29 av 34 systemer med brudd (31 funn, 1 godkjent avvik)».
fn principle_line(p: &PrincipleSummary, lang: Lang) -> String {
    let findings = match lang {
        Lang::Nb => plural(p.violations, "funn", "funn"),
        Lang::En => plural(p.violations, "finding", "findings"),
    };
    let avvik = match p.avvik {
        0 => String::new(),
        n => format!(", {}", approved(n, lang)),
    };
    match lang {
        Lang::Nb => format!(
            "{} med brudd ({findings}{avvik})",
            share(p.violating, p.checked, lang)
        ),
        Lang::En => format!(
            "{} in breach ({findings}{avvik})",
            share(p.violating, p.checked, lang)
        ),
    }
}

/// «4 systemer kontrollert».
fn checked_line(t: Tally, lang: Lang) -> String {
    // The portfolio is «porteføljen», not «1 portefølje», here.
    let entities = Tally {
        portfolio: 0,
        deviations: 0,
        ..t
    };
    let mut all = count(entities, lang);
    let (portfolio, deviations) = match lang {
        Lang::Nb => (("porteføljen", ""), ("avvik", "avvik")),
        Lang::En => (("the portfolio", ""), ("deviation", "deviations")),
    };
    if t.portfolio > 0 {
        all = if t.systems + t.projects > 0 {
            format!("{all}, {}", portfolio.0)
        } else {
            portfolio.0.to_string()
        };
    }
    if t.deviations > 0 {
        let d = plural(t.deviations, deviations.0, deviations.1);
        all = if t.systems + t.projects + t.portfolio > 0 {
            format!("{all}, {d}")
        } else {
            d
        };
    }
    match lang {
        Lang::Nb => format!("{all} kontrollert"),
        Lang::En => format!("{all} checked"),
    }
}

/// «1 godkjent avvik».
fn approved(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Nb => plural(n, "godkjent avvik", "godkjente avvik"),
        Lang::En => plural(n, "approved deviation", "approved deviations"),
    }
}

/// «SKY-01 Nytt system driftes lokalt uten skyvurdering: 1 av 8 prosjekter (1 godkjent avvik)».
fn rule_line(
    r: &RuleSummary,
    settings: &Settings,
    lang: Lang,
    escape: fn(&str) -> String,
) -> String {
    let avvik = match r.avvik {
        0 => String::new(),
        n => format!(" ({})", approved(n, lang)),
    };
    format!(
        "{}: {}{avvik}",
        escape(rule_title(settings, &r.code, lang)),
        share(r.violating, r.checked, lang)
    )
}

/// «29 av 34 systemer mangler drift og livslop».
fn missing_line(keys: &[&str], bad: Tally, all: Tally, lang: Lang) -> String {
    let verb = match lang {
        Lang::Nb => "mangler",
        Lang::En => "lack",
    };
    format!(
        "{} {verb} {}",
        share(bad, all, lang),
        join_names(keys, lang)
    )
}

struct Heads {
    title: Text,
    principles: Text,
    passed: Text,
    idle: Text,
    areas: Text,
    owners: Text,
    area: Text,
    owner: Text,
    checked: Text,
    breach: Text,
    findings: Text,
    unstated: Text,
    more: Text,
}

fn heads() -> Heads {
    Heads {
        title: Text::new("Oppsummering", "Summary"),
        principles: Text::new("Per prinsipp, verst først", "Per principle, worst first"),
        passed: Text::new("Uten brudd", "No breaches"),
        idle: Text::new("Ingenting å kontrollere", "Nothing to check"),
        areas: Text::new(
            "Per tjenesteområde, verst først",
            "Per service area, worst first",
        ),
        owners: Text::new(
            "Per eier (systemeier eller prosjekteier), verst først",
            "Per owner (system owner or project owner), worst first",
        ),
        area: Text::new("Tjenesteområde", "Service area"),
        owner: Text::new("Eier", "Owner"),
        checked: Text::new("Kontrollert", "Checked"),
        breach: Text::new("Med brudd", "In breach"),
        findings: Text::new("Funn", "Findings"),
        unstated: Text::new("(ikke oppgitt)", "(not stated)"),
        more: Text::new(
            "… og {n} til: `prinsipp report --format json` har hele listen.",
            "… and {n} more: `prinsipp report --format json` has the whole list.",
        ),
    }
}

/// «Fjordvik kommune (3999), 2026-06-01»: whose portfolio, checked when.
fn scope(r: &Report) -> String {
    let k = &r.portfolio.kommune;
    format!("{} ({}), {}", k.name, k.number, r.date)
}

/// The closing line, as under the findings table.
fn closing(r: &Report) -> String {
    super::table::summary(
        r.portfolio,
        r.findings,
        r.lang,
        r.settings.profile.as_ref().map(|p| p.name.as_str()),
    )
}

/// How one output marks up the principle lines: `{name}`, `{code}` and `{line}` are
/// filled in; `escape` makes user text safe for it.
struct Markup {
    escape: fn(&str) -> String,
    principle: &'static str,
    rule: &'static str,
    missing: &'static str,
    passed_head: &'static str,
    passed: &'static str,
}

const TEXT: Markup = Markup {
    escape: line,
    principle: "\n{name}: {line}\n",
    rule: "  {code} {line}\n",
    missing: "      {line}\n",
    passed_head: "\n{line}\n",
    passed: "  {name}: {line}\n",
};

const MARKDOWN: Markup = Markup {
    escape: markdown_cell,
    principle: "- **{name}**: {line}\n",
    rule: "  - `{code}` {line}\n",
    missing: "    - {line}\n",
    passed_head: "\n{line}:\n\n",
    passed: "- **{name}**: {line}\n",
};

fn fill(template: &str, name: &str, code: &str, line: &str) -> String {
    template
        .replace("{name}", name)
        .replace("{code}", code)
        .replace("{line}", line)
}

/// The principles with a breach or deviation (each rule, each missing set), then those
/// without, then those with nothing to check.
fn principles(summary: &Summary, settings: &Settings, lang: Lang, m: &Markup) -> String {
    let h = heads();
    let mut out = String::new();
    let name = |p: &PrincipleSummary| (m.escape)(&principle_name(settings, p, lang));
    let (bad, passed): (Vec<_>, Vec<_>) = summary
        .principles
        .iter()
        .partition(|p| p.violations > 0 || p.avvik > 0);
    for p in &bad {
        out.push_str(&fill(m.principle, &name(p), "", &principle_line(p, lang)));
        for r in p.rules.iter().filter(|r| r.violations > 0 || r.avvik > 0) {
            let line = rule_line(r, settings, lang, m.escape);
            out.push_str(&fill(m.rule, "", &r.code, &line));
            for missing in &r.missing {
                let line = missing_line(&missing.keys, missing.violating, r.checked, lang);
                out.push_str(&fill(m.missing, "", "", &line));
            }
        }
    }
    let (passed, idle): (Vec<&PrincipleSummary>, Vec<_>) =
        passed.into_iter().partition(|p| p.checked.total() > 0);
    if !passed.is_empty() {
        out.push_str(&fill(m.passed_head, "", "", h.passed.get(lang)));
        for p in &passed {
            out.push_str(&fill(
                m.passed,
                &name(p),
                "",
                &checked_line(p.checked, lang),
            ));
        }
    }
    if !idle.is_empty() {
        let prefixes: Vec<String> = idle.iter().map(|p| (m.escape)(&p.label)).collect();
        let prefixes: Vec<&str> = prefixes.iter().map(String::as_str).collect();
        out.push_str(&format!(
            "\n{}: {}\n",
            h.idle.get(lang),
            join_names(&prefixes, lang)
        ));
    }
    out
}

/// The summary as text for the terminal (tables fitted to it) or a log.
pub fn text(summary: &Summary, r: &Report, style: &Style) -> String {
    let lang = style.lang;
    let settings = r.settings;
    let scope = scope(r);
    let h = heads();
    let mut out = format!(
        "{}: {}\n\n{}\n",
        h.title.get(lang),
        line(&scope),
        h.principles.get(lang)
    );
    out.push_str(&principles(summary, settings, lang, &TEXT));
    for (head, column, groups) in [
        (&h.areas, &h.area, &summary.areas),
        (&h.owners, &h.owner, &summary.owners),
    ] {
        if groups.is_empty() {
            continue;
        }
        out.push_str(&format!("\n{}\n", head.get(lang)));
        let mut table = super::table::new_table(
            style,
            &[
                column.get(lang),
                h.checked.get(lang),
                h.breach.get(lang),
                h.findings.get(lang),
            ],
        );
        for g in groups.iter().take(MAX_GROUP_ROWS) {
            table.add_row(group_row(g, &h, lang, line));
        }
        out.push_str(&super::table::trim_lines(&table.to_string()));
        out.push('\n');
        if groups.len() > MAX_GROUP_ROWS {
            let more = (groups.len() - MAX_GROUP_ROWS).to_string();
            out.push_str(&h.more.get(lang).replace("{n}", &more));
            out.push('\n');
        }
    }
    out.push_str(&format!("\n{}\n", closing(r)));
    out
}

fn group_row(g: &GroupSummary, h: &Heads, lang: Lang, escape: fn(&str) -> String) -> Vec<String> {
    vec![
        g.name
            .as_deref()
            .map_or_else(|| h.unstated.get(lang).to_string(), escape),
        count(g.checked, lang),
        count(g.violating, lang),
        g.violations.to_string(),
    ]
}

/// The summary as markdown: the same content, for a pull-request comment or a wiki page.
pub fn markdown(summary: &Summary, r: &Report) -> String {
    let (lang, settings, scope) = (r.lang, r.settings, scope(r));
    let h = heads();
    let mut out = format!(
        "## {}: {}\n\n### {}\n\n",
        h.title.get(lang),
        markdown_cell(&scope),
        h.principles.get(lang)
    );
    out.push_str(&principles(summary, settings, lang, &MARKDOWN));
    for (head, column, groups) in [
        (&h.areas, &h.area, &summary.areas),
        (&h.owners, &h.owner, &summary.owners),
    ] {
        if groups.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "\n### {}\n\n| {} | {} | {} | {} |\n|---|---|---|---:|\n",
            head.get(lang),
            column.get(lang),
            h.checked.get(lang),
            h.breach.get(lang),
            h.findings.get(lang)
        ));
        for g in groups.iter().take(MAX_GROUP_ROWS) {
            out.push_str(&format!(
                "| {} |\n",
                group_row(g, &h, lang, markdown_cell).join(" | ")
            ));
        }
        if groups.len() > MAX_GROUP_ROWS {
            let more = (groups.len() - MAX_GROUP_ROWS).to_string();
            out.push_str(&format!("\n{}\n", h.more.get(lang).replace("{n}", &more)));
        }
    }
    out.push_str(&format!("\n{}\n", markdown_cell(&closing(r))));
    out
}
