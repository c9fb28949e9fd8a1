//! Several kommuner in one result, rendered kommune by kommune: each kommune's share of an
//! output is rendered while its portfolio is at hand, and the portfolio is then dropped;
//! the shares are joined once every kommune is done. A run over the whole country holds the
//! output, not every portfolio.

use super::{Report, Style};
use serde_json::Value;

/// One kommune's share of one output.
pub enum Part {
    /// The table or markdown section, and what the total line sums.
    Section {
        text: String,
        tally: super::table::Tally,
        failing: usize,
    },
    /// The kommune's JSON object (pretty, at the top level) and its counts.
    Json {
        text: String,
        counts: super::json::JsonCounts,
    },
    /// The rules the kommune ran (by code) and its results, each pretty at the top level.
    Sarif {
        rules: Vec<(String, Value)>,
        results: Vec<String>,
    },
    /// The kommune's test suites, with their test cases and failures.
    Junit {
        text: String,
        tests: usize,
        failures: usize,
    },
    /// Text that is simply joined (GitHub's workflow commands).
    Text(String),
    /// The kommune's GitLab issues, each pretty at the top level.
    Gitlab(Vec<String>),
}

/// Replaces the empty array at `"key": []` in a pretty JSON document with `items` (each
/// pretty at the top level), as serde_json would have printed them `depth` spaces in.
pub(crate) fn splice_array(doc: &str, key: &str, items: &[String], depth: usize) -> String {
    let empty = format!("\"{key}\": []");
    match doc.find(&empty) {
        Some(at) => format!(
            "{}\"{key}\": {}{}",
            &doc[..at],
            array(items, depth),
            &doc[at + empty.len()..]
        ),
        None => doc.to_string(),
    }
}

/// A pretty JSON array of `items` (each pretty at the top level), its items `depth` spaces
/// in and its closing bracket two less.
pub(crate) fn array(items: &[String], depth: usize) -> String {
    if items.is_empty() {
        return "[]".to_string();
    }
    let pad = " ".repeat(depth);
    let mut out = String::from("[\n");
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(",\n");
        }
        for (j, line) in item.lines().enumerate() {
            if j > 0 {
                out.push('\n');
            }
            out.push_str(&pad);
            out.push_str(line);
        }
    }
    out.push('\n');
    out.push_str(&" ".repeat(depth.saturating_sub(2)));
    out.push(']');
    out
}

/// The table's total line and the markdown's verdict, from the kommuner's sections; `quiet`
/// leaves out the total line.
pub fn join_sections(
    parts: Vec<Part>,
    markdown: bool,
    quiet: bool,
    style: &Style,
    problems: &[crate::diagnostic::Diagnostic],
) -> String {
    let mut tally = super::table::Tally::default();
    let (mut failing, mut n) = (0, 0);
    let mut sections = Vec::new();
    for part in parts {
        if let Part::Section {
            text,
            tally: t,
            failing: f,
        } = part
        {
            tally = tally.plus(t);
            failing += f;
            n += 1;
            sections.push(text);
        }
    }
    let total = super::table::total_line(tally, n, style.lang);
    if markdown {
        let unread = problems
            .iter()
            .filter(|d| d.level == crate::diagnostic::Level::Error)
            .count();
        let mut head = super::markdown::several_head(failing, unread, &total, style.lang);
        // The kommuner that could not be read first: they are what must be fixed first.
        let budget = super::markdown::MAX_CHARS / 4;
        head.push_str(&super::unread::markdown_section(
            problems, style.lang, budget,
        ));
        head.clone() + &within_budget(&head, sections, style)
    } else if quiet {
        sections.concat()
    } else {
        sections.concat() + &total
    }
}

/// The share of a kommune for a section output: `text` rendered by the caller.
pub fn section(r: &Report, text: String) -> Part {
    Part::Section {
        text,
        tally: super::table::Tally::of(r.portfolio, r.findings),
        failing: r.counts().failing,
    }
}

/// The kommuners' markdown sections that fit in one comment after `head`, then a line for
/// those left out: a comment has a size limit (see `markdown::MAX_CHARS`).
fn within_budget(head: &str, sections: Vec<String>, style: &Style) -> String {
    let mut budget = super::markdown::MAX_CHARS.saturating_sub(head.chars().count() + 400);
    let all = sections.len();
    let mut kept = Vec::new();
    for section in sections {
        let size = section.chars().count() + 1;
        if size > budget {
            break;
        }
        budget -= size;
        kept.push(section);
    }
    let mut text = kept.join("\n");
    if kept.len() < all {
        let n = all - kept.len();
        text.push_str(&match style.lang {
            crate::text::Lang::Nb => format!(
                "\n… og {n} kommuner til: hele resultatet står i JSON- og SARIF-rapporten.\n"
            ),
            crate::text::Lang::En => format!(
                "\n… and {n} more kommuner: the JSON and SARIF reports hold the whole result.\n"
            ),
        });
    }
    text
}
