//! What the report's parts share: principle names, tables, and wide regions.

use super::{Kommune, t};
use crate::report::escape::html;
use crate::text::Lang;

pub(super) fn principle_name(k: &Kommune, index: usize, lang: Lang) -> String {
    k.report
        .settings
        .katalog
        .principles
        .get(index)
        .map_or(String::new(), |p| p.principle.name.get(lang).to_string())
}

/// A table with a header row; `cells` are already escaped HTML. The first cell of each row
/// is its header.
pub(super) fn table(class: &str, headers: &[&str], rows: &[Vec<String>]) -> String {
    let head: String = headers
        .iter()
        .map(|h| format!("<th scope=\"col\">{}</th>", html(h)))
        .collect();
    let body: String = rows
        .iter()
        .map(|row| {
            let mut cells = row.iter();
            let first = cells
                .next()
                .map(|c| format!("<th scope=\"row\">{c}</th>"))
                .unwrap_or_default();
            let rest: String = cells.map(|c| format!("<td>{c}</td>")).collect();
            format!("<tr>{first}{rest}</tr>")
        })
        .collect();
    format!(
        "<table class=\"{class}\"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>\n"
    )
}

pub(super) fn none_text(lang: Lang) -> String {
    format!("<p class=\"note\">{}</p>\n", t(lang, "Ingen.", "None."))
}

/// A wide table in a region that scrolls sideways, reachable by keyboard.
pub(super) fn scrolling(label: &str, inner: &str) -> String {
    format!(
        "<div class=\"matrix-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"{}\">{inner}</div>\n",
        html(label)
    )
}

/// The column heads of the key figures the comparison and the trend both show, in the
/// order their cells are written.
pub(super) fn key_figure_heads(lang: Lang) -> [&'static str; 5] {
    [
        t(lang, "Systemer i bruk", "Systems in use"),
        t(lang, "I sky", "In the cloud"),
        t(lang, "Nye / utfasinger", "New / phase-outs"),
        t(
            lang,
            "Felleskomponenter dekket",
            "Shared components covered",
        ),
        t(lang, "Komplette gevinstplaner", "Complete benefit plans"),
    ]
}
