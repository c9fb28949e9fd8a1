//! `--format markdown`: a pull-request comment a project manager can act on: a verdict,
//! what is new, what was known, what was resolved, and for each finding how to comply.

use super::Report;
use super::escape::{markdown_cell as cell, markdown_code as code};
use crate::finding::{Finding, Severity, Status};
use crate::text::Lang;

struct Words {
    new_head: &'static str,
    open_head: &'static str,
    more: &'static str,
    known_head: &'static str,
    waived_head: &'static str,
    resolved_head: &'static str,
    columns: &'static str,
    resolved_columns: &'static str,
}

const NB: Words = Words {
    new_head: "Nye funn",
    open_head: "Funn",
    more: "… og {n} til: hele listen står i JSON- og SARIF-rapporten.",
    known_head: "Kjente funn (fra baseline)",
    waived_head: "Godkjente avvik",
    resolved_head: "Løst siden baseline",
    columns: "| | Regel | Gjelder | Funn | Sted | Slik retter du det |\n|---|---|---|---|---|---|\n",
    resolved_columns: "| Regel | Gjelder | Var |\n|---|---|---|\n",
};

const EN: Words = Words {
    new_head: "New findings",
    open_head: "Findings",
    more: "… and {n} more: the JSON and SARIF reports hold the whole list.",
    known_head: "Known findings (from the baseline)",
    waived_head: "Approved deviations",
    resolved_head: "Resolved since the baseline",
    columns: "| | Rule | Subject | Finding | Location | How to comply |\n|---|---|---|---|---|---|\n",
    resolved_columns: "| Rule | Subject | Was |\n|---|---|---|\n",
};

fn icon(f: &Finding) -> &'static str {
    match f.severity {
        Severity::Feil => "🔴",
        Severity::Advarsel => "🟡",
        Severity::Info => "🔵",
    }
}

pub fn render(r: &Report) -> String {
    let lang = r.lang;
    let w = match lang {
        Lang::Nb => &NB,
        Lang::En => &EN,
    };
    let c = r.counts();
    let new: Vec<&Finding> = r.findings.iter().filter(|f| f.is_open()).collect();
    let known: Vec<&Finding> = r
        .findings
        .iter()
        .filter(|f| f.status == Status::Baseline)
        .collect();
    let waived: Vec<&Finding> = r
        .findings
        .iter()
        .filter(|f| matches!(f.status, Status::Avvik { .. }))
        .collect();

    let mut out = String::from("## prinsipp: ");
    out.push_str(&match (c.failing, lang) {
        (0, Lang::Nb) => "✅ ingen funn som stopper endringen\n\n".to_string(),
        (0, Lang::En) => "✅ no finding that blocks the change\n\n".to_string(),
        (n, Lang::Nb) => format!(
            "❌ {n} funn må rettes eller godkjennes som avvik

"
        ),
        (n, Lang::En) => format!(
            "❌ {n} finding{} to fix or approve as a deviation\n\n",
            if n == 1 { "" } else { "s" }
        ),
    });
    let scope = super::table::summary(
        r.portfolio,
        r.findings,
        lang,
        r.settings.profile.as_ref().map(|p| p.name.as_str()),
    );
    if r.resolved.is_some() {
        out.push_str(&match lang {
            Lang::Nb => format!(
                "Denne endringen introduserer **{}** og løser **{}**. ",
                if new.len() == 1 {
                    "1 nytt funn".to_string()
                } else {
                    format!("{} nye funn", new.len())
                },
                c.resolved
            ),
            Lang::En => format!(
                "This change introduces **{} new finding{}** and resolves **{}**. ",
                new.len(),
                if new.len() == 1 { "" } else { "s" },
                c.resolved
            ),
        });
    }
    out.push_str(&format!("{}.\n", scope.trim_end_matches('.')));

    let open_head = if r.resolved.is_some() {
        w.new_head
    } else {
        w.open_head
    };
    // A comment has a size limit (GitHub: 65,536 characters): rows are added while they
    // fit, what needs action first.
    let mut budget = MAX_CHARS.saturating_sub(out.chars().count());
    section(&mut out, r, open_head, &new, w, true, &mut budget);
    section(&mut out, r, w.known_head, &known, w, false, &mut budget);
    section(&mut out, r, w.waived_head, &waived, w, false, &mut budget);
    if let Some(resolved) = r.resolved.filter(|list| !list.is_empty()) {
        out.push_str(&format!(
            "\n### {} ({})\n\n{}",
            w.resolved_head,
            resolved.len(),
            w.resolved_columns
        ));
        let mut shown = 0;
        for e in resolved {
            let subject = match &e.subject_id {
                Some(id) => format!("{} {id}", e.subject_kind),
                None => e.subject_kind.clone(),
            };
            let row = format!(
                "| {} | {} | {} |\n",
                cell(&e.code),
                cell(&subject),
                cell(&e.message)
            );
            let size = row.chars().count();
            if size + RESERVE > budget {
                break;
            }
            budget -= size;
            out.push_str(&row);
            shown += 1;
        }
        if resolved.len() > shown {
            let rest = (resolved.len() - shown).to_string();
            out.push_str(&format!("\n{}\n", w.more.replace("{n}", &rest)));
        }
    }
    out
}

/// One kommune's comment as a section of a result of several: its heading names the
/// kommune instead of the tool.
pub fn as_kommune_section(body: &str, r: &Report) -> String {
    let k = &r.portfolio.kommune;
    let name = cell(&format!("{} ({})", k.name, k.number));
    match body.strip_prefix("## prinsipp: ") {
        Some(rest) => format!("## {name}: {rest}"),
        None => format!("## {name}\n\n{body}"),
    }
}

/// Above the kommuners' sections: the verdict over all of them (`failing` findings; the
/// table's total line); `unread` errors kept some kommuner from being checked at all.
pub fn several_head(failing: usize, unread: usize, total: &str, lang: Lang) -> String {
    let verdict = match (failing, lang) {
        _ if unread > 0 => match lang {
            Lang::Nb => format!("❌ {unread} feil i inndata: ikke alle kommunene er kontrollert"),
            Lang::En => {
                format!("❌ {unread} error(s) in the input: not every kommune was checked")
            }
        },
        (0, Lang::Nb) => "✅ ingen funn som stopper endringen".to_string(),
        (0, Lang::En) => "✅ no finding that blocks the change".to_string(),
        (n, Lang::Nb) => format!("❌ {n} funn må rettes eller godkjennes som avvik"),
        (n, Lang::En) => format!(
            "❌ {n} finding{} to fix or approve as a deviation",
            if n == 1 { "" } else { "s" }
        ),
    };
    format!(
        "# prinsipp: {verdict}\n\n{}.\n\n",
        total.trim_end().trim_end_matches('.')
    )
}

/// A table of findings; sections other than the new findings fold away.
/// A comment's size, in characters, that the markdown keeps within: GitHub takes 65,536;
/// the rest is room for the lines around the rows.
pub const MAX_CHARS: usize = 60_000;

/// What a row may not eat into: the section's closing lines and the «… og N til» line.
const RESERVE: usize = 400;

/// The first line of the markdown: a hidden marker, so that a workflow can find its own
/// earlier comment and update it instead of adding another.
pub const MARKER: &str = "<!-- prinsipp -->";

fn section(
    out: &mut String,
    r: &Report,
    head: &str,
    findings: &[&Finding],
    w: &Words,
    open: bool,
    budget: &mut usize,
) {
    if findings.is_empty() {
        return;
    }
    if open {
        out.push_str(&format!("\n### {head} ({})\n\n", findings.len()));
    } else {
        out.push_str(&format!(
            "\n<details><summary>{head} ({})</summary>\n\n",
            findings.len()
        ));
    }
    out.push_str(w.columns);
    // A comment has a size limit (GitHub: 65,536 characters): what needs action comes first
    // and in full up to a point; known and approved findings are kept short.
    let limit = if open { MAX_OPEN_ROWS } else { MAX_OTHER_ROWS };
    let items = super::collapse::items(findings, r.collapse_above);
    let rows = items.len();
    let mut shown = 0;
    for item in items.into_iter().take(limit) {
        let (f, group) = match item {
            super::collapse::Item::One(f) => (f, None),
            super::collapse::Item::Many(group) => (group[0], Some(group)),
        };
        let mut message = match &group {
            None => f.message.get(r.lang).to_string(),
            Some(group) => super::collapse::message(group, r.lang),
        };
        if let Status::Avvik {
            reference: Some(reference),
            ..
        } = &f.status
        {
            message.push_str(&format!(" ({reference})"));
        }
        let mut place = code(&format!("{}:{}", r.file(f), f.at.line));
        let mut subject = f.subject.label();
        if let Some(group) = &group {
            place = super::collapse::place(&place, group, r.lang);
            subject = super::collapse::subjects(group, r.lang);
        }
        let row = format!(
            "| {} {} | {} | {} | {} | {} | {} |\n",
            icon(f),
            f.severity.label(r.lang),
            f.code,
            cell(&subject),
            cell(&message),
            place,
            cell(&r.how_to_comply(&f.code)),
        );
        let size = row.chars().count();
        if size + RESERVE > *budget {
            break;
        }
        *budget -= size;
        out.push_str(&row);
        shown += 1;
    }
    if rows > shown {
        out.push_str(&format!(
            "\n{}\n",
            w.more.replace("{n}", &(rows - shown).to_string())
        ));
    }
    if !open {
        out.push_str("\n</details>\n");
    }
}

const MAX_OPEN_ROWS: usize = 100;
const MAX_OTHER_ROWS: usize = 25;
