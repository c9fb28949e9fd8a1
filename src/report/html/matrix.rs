//! The compliance matrix: every system and project against every principle.

use super::parts::{principle_name, scrolling};
use super::{Kommune, t};
use crate::figures::matrix::Cell;
use crate::report::escape::html;
use crate::text::Lang;

fn cell_html(cell: Cell, lang: Lang) -> String {
    let (class, text, long) = match cell {
        Cell::Ok => ("ok", "ok", t(lang, "ok", "ok")),
        Cell::Brudd => (
            "brudd",
            t(lang, "brudd", "breach"),
            t(lang, "brudd", "breach"),
        ),
        Cell::Avvik => (
            "avvik",
            "avvik",
            t(lang, "godkjent avvik", "approved deviation"),
        ),
        Cell::IkkeRelevant => ("ir", "–", t(lang, "ikke relevant", "not relevant")),
    };
    // The legend above the table says what «–» and «avvik» stand for; a cell repeats it
    // only in its title, so a matrix of thousands of cells stays small.
    if text == long {
        format!("<td class=\"{class}\">{text}</td>")
    } else if cell == Cell::IkkeRelevant {
        "<td class=\"ir\">–</td>".to_string()
    } else {
        format!(
            "<td class=\"{class}\"><span aria-hidden=\"true\">{text}</span><span class=\"sr\">{long}</span></td>"
        )
    }
}

pub fn matrix(k: &Kommune, lang: Lang) -> String {
    let m = &k.figures.matrix;
    let mut out = format!(
        "<p class=\"legend\">{} <span class=\"ok\">ok</span> {} <span class=\"brudd\">{}</span> {} <span class=\"avvik\">avvik</span> {} <span class=\"ir\">–</span> {}</p>\n",
        t(
            lang,
            "Hver celle sier hvordan systemet eller prosjektet står mot prinsippet:",
            "Each cell tells how the system or project stands against the principle:"
        ),
        t(lang, "kontrollert uten funn,", "checked, nothing found,"),
        t(lang, "brudd", "breach"),
        t(lang, "minst ett åpent funn,", "at least one open finding,"),
        t(
            lang,
            "alle funn dekket av godkjent avvik,",
            "every finding covered by an approved deviation,"
        ),
        t(
            lang,
            "ingen regel for prinsippet gjelder her.",
            "no rule of the principle applies here."
        ),
    );
    let mut head = format!(
        "<th scope=\"col\">{}</th>",
        t(lang, "System eller prosjekt", "System or project")
    );
    for column in &m.columns {
        head.push_str(&format!(
            "<th scope=\"col\"><abbr title=\"{}\">{}</abbr></th>",
            html(&principle_name(k, column.index, lang)),
            html(&column.label)
        ));
    }
    let mut body = String::new();
    for row in &m.rows {
        let kind = match row.kind {
            "system" => t(lang, "system", "system"),
            "prosjekt" => t(lang, "prosjekt", "project"),
            _ => t(lang, "porteføljen", "the portfolio"),
        };
        let name = match (&row.name, &row.id) {
            (Some(name), Some(id)) if name != id => format!(
                "{} <span class=\"note\">({kind} {})</span>",
                html(name),
                html(id)
            ),
            (_, Some(id)) => format!("{} <span class=\"note\">({kind})</span>", html(id)),
            _ => kind.to_string(),
        };
        let remark = row.note.as_deref().map_or(String::new(), |n| {
            format!("<span class=\"remark\">{}</span>", html(n))
        });
        body.push_str(&format!("<tr><th scope=\"row\">{name}{remark}</th>"));
        for cell in &row.cells {
            body.push_str(&cell_html(*cell, lang));
        }
        body.push_str("</tr>");
    }
    out.push_str(&scrolling(
        t(
            lang,
            "Etterlevelsesmatrisen (kan rulles sidelengs)",
            "The compliance matrix (scrolls sideways)",
        ),
        &format!(
            "<table class=\"matrix\"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        ),
    ));
    out
}
