//! Several kommuner side by side: key figures, and a ranking per principle.

use super::parts::{key_figure_heads, scrolling, table};
use super::{Kommune, percent, t};
use crate::report::escape::html;
use crate::text::Lang;

/// Several kommuner side by side: the key figures, and a ranking per principle (fewest
/// open breaches per checked subject first), each name linking to its section.
pub fn comparison(kommuner: &[Kommune], lang: Lang) -> String {
    let mut out = format!(
        "<section aria-labelledby=\"sammenligning\">\n<h2 id=\"sammenligning\">{}</h2>\n",
        t(lang, "Sammenligning", "Comparison")
    );
    let rows: Vec<Vec<String>> = kommuner
        .iter()
        .enumerate()
        .map(|(i, k)| {
            let f = &k.figures.key;
            let c = k.report.counts();
            vec![
                format!(
                    "<a href=\"#k{}\">{}</a>",
                    i + 1,
                    html(&k.report.portfolio.kommune.name)
                ),
                f.systems.in_use.to_string(),
                percent(f.systems.cloud_percent),
                format!("+{} / −{}", f.growth.introduced, f.growth.phased_out),
                percent(f.national_components.covered_percent),
                f.benefit_plans.complete.map_or("–".to_string(), |n| {
                    format!("{n} / {}", f.benefit_plans.projects)
                }),
                (c.feil + c.advarsel + c.info + c.baseline).to_string(),
            ]
        })
        .collect();
    let mut heads = vec![t(lang, "Kommune", "Kommune")];
    heads.extend(key_figure_heads(lang));
    heads.push(t(lang, "Åpne brudd", "Open breaches"));
    out.push_str(&table("comparison", &heads, &rows));
    out.push_str(&ranking(kommuner, lang));
    out.push_str("</section>\n");
    out
}

/// Per principle, each kommune's share of checked subjects in breach and its rank.
fn ranking(kommuner: &[Kommune], lang: Lang) -> String {
    let figures: Vec<&crate::figures::Figures> = kommuner.iter().map(|k| &k.figures).collect();
    let rankings = crate::figures::compare::rankings(&figures);
    let mut out = format!(
        "<h3>{}</h3>\n<p>{}</p>\n",
        t(lang, "Rangering per prinsipp", "Ranking per principle"),
        t(
            lang,
            "Andelen av de kontrollerte systemene og prosjektene som har brudd på prinsippet, og plassen blant kommunene (1. er lavest andel). «–»: prinsippet hadde ingenting å kontrollere i kommunen.",
            "The share of the systems and projects checked that breach the principle, and the place among the kommuner (1. is the smallest share). «–»: the principle had nothing to check in the kommune."
        )
    );
    let mut headers = vec![t(lang, "Kommune", "Kommune").to_string()];
    headers.extend(rankings.iter().map(|r| r.principle.clone()));
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    let rows: Vec<Vec<String>> = kommuner
        .iter()
        .enumerate()
        .map(|(i, k)| {
            let mut row = vec![format!(
                "<a href=\"#k{}\">{}</a>",
                i + 1,
                html(&k.report.portfolio.kommune.name)
            )];
            for r in &rankings {
                row.push(
                    r.placings
                        .iter()
                        .find(|p| p.kommune == i)
                        .map_or("–".to_string(), |p| {
                            format!("{} ({}.)", percent(Some(p.share_percent)), p.rank)
                        }),
                );
            }
            row
        })
        .collect();
    out.push_str(&scrolling(
        t(
            lang,
            "Rangeringen (kan rulles sidelengs)",
            "The ranking (scrolls sideways)",
        ),
        &table("ranking", &headers, &rows),
    ));
    out
}
