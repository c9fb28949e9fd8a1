//! The trend per tertial: lines and the followed figures in a table.

use super::chart;
use super::parts::{key_figure_heads, scrolling, table};
use super::{Kommune, Place, percent, t};
use crate::report::escape::html;
use crate::text::Lang;

/// The trend per tertial: open breaches and the cloud share as lines, and every followed
/// figure in a table.
pub fn trend(k: &Kommune, place: &Place, lang: Lang) -> String {
    let points = &k.trend;
    let mut out = String::new();
    if points.len() < 2 {
        out.push_str(&format!(
            "<p class=\"note\">{}</p>\n",
            t(
                lang,
                "Rapporten har bare denne kontrollen. Gi tidligere resultater med --tidligere FIL (fra prinsipp check --format json=FIL) for å se utviklingen per tertial.",
                "The report has only this check. Give earlier results with --tidligere FILE (from prinsipp check --format json=FILE) to see the trend per tertial."
            )
        ));
    }
    let steps: Vec<String> = points.iter().map(|p| p.tertial.clone()).collect();
    if points.len() >= 2 {
        let breaches: Vec<Option<f64>> = points.iter().map(|p| Some(p.breaches as f64)).collect();
        out.push_str(&chart::line(
            &format!("{}trend-brudd", place.id),
            t(lang, "Åpne brudd per tertial", "Open breaches per tertial"),
            &steps,
            &breaches,
            None,
            (
                t(lang, "Tertial", "Tertial"),
                t(lang, "Åpne brudd", "Open breaches"),
            ),
        ));
        let cloud: Vec<Option<f64>> = points
            .iter()
            .map(|p| p.figures.as_ref().and_then(|f| f.cloud_percent))
            .collect();
        out.push_str(&chart::line(
            &format!("{}trend-sky", place.id),
            t(
                lang,
                "Andel systemer i sky per tertial (%)",
                "Share of systems in the cloud per tertial (%)",
            ),
            &steps,
            &cloud,
            Some(100.0),
            (
                t(lang, "Tertial", "Tertial"),
                t(lang, "I sky (%)", "In the cloud (%)"),
            ),
        ));
    }
    let prefixes: std::collections::BTreeSet<&str> = points
        .iter()
        .flat_map(|p| p.by_principle.keys().map(String::as_str))
        .collect();
    let dash = || "–".to_string();
    let rows: Vec<Vec<String>> = points
        .iter()
        .map(|p| {
            let f = p.figures.as_ref();
            let mut row = vec![
                html(&p.tertial),
                html(&p.date),
                html(&p.source),
                f.map_or_else(dash, |f| f.systems_in_use.to_string()),
                f.map_or_else(dash, |f| percent(f.cloud_percent)),
                f.map_or_else(dash, |f| format!("+{} / −{}", f.introduced, f.phased_out)),
                f.map_or_else(dash, |f| percent(f.components_covered_percent)),
                f.map_or_else(dash, |f| {
                    f.complete_benefit_plans
                        .map_or_else(dash, |c| format!("{c} / {}", f.projects))
                }),
                f.map_or_else(dash, |f| {
                    format!("{} / {}", f.benefits_measured, f.benefits)
                }),
                p.breaches.to_string(),
            ];
            row.extend(prefixes.iter().map(|prefix| {
                p.by_principle
                    .get(*prefix)
                    .copied()
                    .unwrap_or(0)
                    .to_string()
            }));
            row
        })
        .collect();
    let mut headers = vec![
        t(lang, "Tertial", "Tertial"),
        t(lang, "Dato", "Date"),
        t(lang, "Kilde", "Source"),
    ];
    headers.extend(key_figure_heads(lang));
    headers.extend([
        t(lang, "Gevinster målt", "Benefits measured"),
        t(lang, "Åpne brudd", "Open breaches"),
    ]);
    headers.extend(prefixes.iter().copied());
    out.push_str(&scrolling(
        t(
            lang,
            "Utviklingen i tall (kan rulles sidelengs)",
            "The trend in numbers (scrolls sideways)",
        ),
        &table("trend", &headers, &rows),
    ));
    out
}
