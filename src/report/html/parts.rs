//! The report's sections after the key-figure cards: national components, benefits,
//! findings per principle and area, the matrix, every finding, the register, and the
//! comparison of several kommuner.

use super::chart::{self, Bar};
use super::{Kommune, Place, percent, t};
use crate::figures::deviations::DeviationState;
use crate::figures::matrix::Cell;
use crate::finding::{Finding, Status};
use crate::report::escape::html;
use crate::text::Lang;

fn principle_name(k: &Kommune, index: usize, lang: Lang) -> String {
    k.report
        .settings
        .katalog
        .principles
        .get(index)
        .map_or(String::new(), |p| p.principle.name.get(lang).to_string())
}

/// A table with a header row; `cells` are already escaped HTML. The first cell of each row
/// is its header.
fn table(class: &str, headers: &[&str], rows: &[Vec<String>]) -> String {
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

fn none_text(lang: Lang) -> String {
    format!("<p class=\"note\">{}</p>\n", t(lang, "Ingen.", "None."))
}

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
        body.push_str(&format!("<tr><th scope=\"row\">{name}</th>"));
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
                    vec![
                        html(&f.subject.label()),
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

pub fn deviations(k: &Kommune, lang: Lang) -> String {
    let list = &k.figures.deviations;
    if list.is_empty() {
        return format!(
            "<p class=\"note\">{}</p>\n",
            t(
                lang,
                "Kommunen har ikke registrert noen avvik (avvik.yaml).",
                "The kommune has registered no deviations (avvik.yaml)."
            )
        );
    }
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|d| {
            let state = match (d.state, d.days_left) {
                (DeviationState::Ugyldig, _) => {
                    t(lang, "ugyldig (AVV-01)", "invalid (AVV-01)").to_string()
                }
                (DeviationState::Utlopt, _) => t(lang, "utløpt", "expired").to_string(),
                (DeviationState::UtloperSnart, Some(days)) => match lang {
                    Lang::Nb => format!("utløper om {days} dager"),
                    Lang::En => format!("expires in {days} days"),
                },
                _ => t(lang, "gyldig", "valid").to_string(),
            };
            let class = match d.state {
                DeviationState::Ugyldig | DeviationState::Utlopt => "brudd",
                DeviationState::UtloperSnart => "avvik",
                DeviationState::Gyldig => "ok",
            };
            let opt = |v: &Option<String>| html(v.as_deref().unwrap_or("–"));
            vec![
                format!("{} · {}", html(&d.rule), html(&d.applies_to)),
                opt(&d.approved_by),
                opt(&d.date),
                opt(&d.valid_until),
                opt(&d.reference),
                format!("<span class=\"{class}\">{}</span>", html(&state)),
                d.covers.to_string(),
                opt(&d.justification),
            ]
        })
        .collect();
    table(
        "deviations",
        &[
            t(lang, "Regel · gjelder", "Rule · applies to"),
            t(lang, "Vedtatt av", "Approved by"),
            t(lang, "Dato", "Date"),
            t(lang, "Gyldig til", "Valid until"),
            t(lang, "Referanse", "Reference"),
            t(lang, "Status", "Status"),
            t(lang, "Dekker funn", "Covers findings"),
            t(lang, "Begrunnelse", "Justification"),
        ],
        &rows,
    )
}

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
    out.push_str(&table(
        "comparison",
        &[
            t(lang, "Kommune", "Kommune"),
            t(lang, "Systemer i bruk", "Systems in use"),
            t(lang, "I sky", "In the cloud"),
            t(lang, "Nye / utfasinger", "New / phase-outs"),
            t(
                lang,
                "Felleskomponenter dekket",
                "Shared components covered",
            ),
            t(lang, "Komplette gevinstplaner", "Complete benefit plans"),
            t(lang, "Åpne brudd", "Open breaches"),
        ],
        &rows,
    ));
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
        t(lang, "Systemer i bruk", "Systems in use"),
        t(lang, "I sky", "In the cloud"),
        t(lang, "Nye / utfasinger", "New / phase-outs"),
        t(
            lang,
            "Felleskomponenter dekket",
            "Shared components covered",
        ),
        t(lang, "Komplette gevinstplaner", "Complete benefit plans"),
        t(lang, "Gevinster målt", "Benefits measured"),
        t(lang, "Åpne brudd", "Open breaches"),
    ];
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

/// A wide table in a region that scrolls sideways, reachable by keyboard.
fn scrolling(label: &str, inner: &str) -> String {
    format!(
        "<div class=\"matrix-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"{}\">{inner}</div>\n",
        html(label)
    )
}
