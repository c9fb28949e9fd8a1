//! The key figures' sections after the cards: national components, benefits, and the
//! open breaches per principle and per service area.

use super::chart::{self, Bar};
use super::parts::{none_text, principle_name, table};
use super::{Kommune, Place, percent, t};
use crate::report::escape::html;
use crate::text::Lang;

pub fn components(k: &Kommune, place: &Place, lang: Lang) -> String {
    let c = &k.figures.key.national_components;
    let mut out = place.heading(
        1,
        "",
        t(
            lang,
            "Nasjonale felleskomponenter",
            "National shared components",
        ),
    );
    out.push_str(&format!(
        "<p>{}</p>\n",
        match lang {
            Lang::Nb => format!(
                "Der et aktivt system tilbyr, eller et prosjekt trenger, en kapabilitet som en nasjonal felleskomponent dekker, bruker {} av {} den ({}).",
                c.covered, c.needed, percent(c.covered_percent)
            ),
            Lang::En => format!(
                "Where an active system provides, or a project needs, a capability a national component covers, {} of {} use it ({}).",
                c.covered, c.needed, percent(c.covered_percent)
            ),
        }
    ));
    if c.capabilities.is_empty() {
        return out;
    }
    let rows: Vec<Vec<String>> = c
        .capabilities
        .iter()
        .map(|cap| {
            vec![
                html(&cap.capability),
                html(&cap.components.join(", ")),
                cap.needed.to_string(),
                cap.covered.to_string(),
            ]
        })
        .collect();
    out.push_str(&table(
        "components",
        &[
            t(lang, "Kapabilitet", "Capability"),
            t(lang, "Felleskomponent", "Shared component"),
            t(lang, "Trengs", "Needed"),
            t(lang, "Dekket", "Covered"),
        ],
        &rows,
    ));
    out
}

pub fn benefits(k: &Kommune, place: &Place, lang: Lang) -> String {
    let b = &k.figures.key.benefits;
    let mut out = place.heading(1, "", t(lang, "Gevinster", "Benefits"));
    out.push_str(&chart::bars(
        &format!("{}gevinster", place.id),
        t(lang, "Gevinster etter status", "Benefits by status"),
        &[
            Bar {
                label: t(lang, "Målt", "Measured").into(),
                value: b.measured,
            },
            Bar {
                label: t(lang, "Forfalt, ikke målt", "Due, not measured").into(),
                value: b.due,
            },
            Bar {
                label: t(lang, "Planlagt", "Planned").into(),
                value: b.planned,
            },
            Bar {
                label: t(lang, "Uten realiseringsdato", "No realisation date").into(),
                value: b.undated,
            },
        ],
        (t(lang, "Status", "Status"), t(lang, "Antall", "Count")),
    ));
    if b.attainment.is_empty() {
        return out;
    }
    out.push_str(&place.heading(2, "", t(lang, "Måloppnåelse", "Goal attainment")));
    let number = |v: f64| {
        let text = format!("{v}");
        match lang {
            Lang::Nb => text.replace('.', ","),
            Lang::En => text,
        }
    };
    let rows: Vec<Vec<String>> = b
        .attainment
        .iter()
        .map(|a| {
            vec![
                format!(
                    "{} {}",
                    html(&a.project),
                    html(a.benefit.as_deref().unwrap_or(""))
                ),
                html(a.indicator.as_deref().unwrap_or("")),
                html(a.unit.as_deref().unwrap_or("")),
                number(a.baseline),
                number(a.target),
                format!(
                    "{} ({})",
                    number(a.last),
                    a.last_date.as_deref().unwrap_or("–")
                ),
                percent(Some(a.percent)),
            ]
        })
        .collect();
    out.push_str(&table(
        "attainment",
        &[
            t(lang, "Prosjekt og gevinst", "Project and benefit"),
            t(lang, "Indikator", "Indicator"),
            t(lang, "Enhet", "Unit"),
            t(lang, "Nullpunkt", "Baseline"),
            t(lang, "Mål", "Target"),
            t(lang, "Siste måling", "Last measurement"),
            t(lang, "Måloppnåelse", "Attainment"),
        ],
        &rows,
    ));
    out
}

pub fn findings_charts(k: &Kommune, place: &Place, lang: Lang) -> String {
    let s = &k.figures.summary;
    let mut out = place.heading(1, "", t(lang, "Åpne brudd", "Open breaches"));
    let principles: Vec<Bar> = s
        .principles
        .iter()
        .filter(|p| p.violations > 0)
        .map(|p| Bar {
            label: format!("{} ({})", principle_name(k, p.index, lang), p.label),
            value: p.violations,
        })
        .collect();
    let count = t(lang, "Åpne brudd", "Open breaches");
    if principles.is_empty() {
        out.push_str(&none_text(lang));
        return out;
    }
    out.push_str(&chart::bars(
        &format!("{}brudd-prinsipp", place.id),
        t(
            lang,
            "Åpne brudd per prinsipp",
            "Open breaches per principle",
        ),
        &principles,
        (t(lang, "Prinsipp", "Principle"), count),
    ));
    let areas: Vec<Bar> = s
        .areas
        .iter()
        .filter(|a| a.violations > 0)
        .map(|a| Bar {
            label: a
                .name
                .clone()
                .unwrap_or_else(|| t(lang, "(ikke oppgitt)", "(not stated)").into()),
            value: a.violations,
        })
        .collect();
    if !areas.is_empty() {
        out.push_str(&chart::bars(
            &format!("{}brudd-omraade", place.id),
            t(
                lang,
                "Åpne brudd per tjenesteområde",
                "Open breaches per service area",
            ),
            &areas,
            (t(lang, "Tjenesteområde", "Service area"), count),
        ));
    }
    out
}
