//! `prinsipp report --html`: one self-contained HTML file for the portfolio board and the
//! rådmann: key figures, charts, the compliance matrix, every finding with how to comply,
//! and the deviation register. No network, no script, no external style or font: it
//! opens from a USB stick and prints to a clean A4 PDF. Every string from the input is
//! escaped with `escape::html`; element ids are made from indexes, never from user text.

mod chart;
mod compare;
mod figures;
mod findings;
mod matrix;
mod parts;
mod register;
mod trend;

use super::Report;
use super::escape::html;
use crate::figures::Figures;
use crate::figures::key::Share;
use crate::text::{Lang, Text};
use chart::Bar;

/// One kommune's check and its figures.
pub struct Kommune<'a> {
    pub report: Report<'a>,
    pub figures: Figures,
    /// The trend per tertial, oldest first; the last point is this check.
    pub trend: Vec<crate::figures::trend::Point>,
}

/// Heading levels and ids for one kommune's part of the document.
pub(crate) struct Place {
    /// The level of the kommune's sections (2 alone, 3 under a comparison).
    pub level: usize,
    /// Prefix of every id inside the kommune's part: `k1-`, `k2-`…
    pub id: String,
    /// Several kommuner: the built-in rules are explained once, in a section of their own.
    pub shared_rules: bool,
}

impl Place {
    pub fn heading(&self, depth: usize, id: &str, text: &str) -> String {
        let level = (self.level + depth).min(6);
        if id.is_empty() {
            format!("<h{level}>{}</h{level}>\n", html(text))
        } else {
            format!(
                "<h{level} id=\"{}{id}\">{}</h{level}>\n",
                self.id,
                html(text)
            )
        }
    }
}

pub fn t(lang: Lang, nb: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Nb => nb,
        Lang::En => en,
    }
}

/// The sections of one kommune, in reading order: (id, nb, en).
const SECTIONS: &[(&str, &str, &str)] = &[
    ("nokkeltall", "Nøkkeltall", "Key figures"),
    ("utvikling", "Utvikling per tertial", "Trend per tertial"),
    (
        "matrise",
        "Etterlevelse per prinsipp",
        "Compliance per principle",
    ),
    ("funn", "Alle funn", "Every finding"),
    ("avvik", "Avviksregisteret", "The deviation register"),
];

pub fn render(kommuner: &[Kommune], lang: Lang) -> String {
    let title = match kommuner {
        [one] => format!(
            "{}: {}",
            t(lang, "Porteføljerapport", "Portfolio report"),
            one.report.portfolio.kommune.name
        ),
        many => format!(
            "{}: {} {}",
            t(lang, "Porteføljerapport", "Portfolio report"),
            many.len(),
            t(lang, "kommuner", "kommuner")
        ),
    };
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta name=\"generator\" content=\"prinsipp {}\">\n<title>{}</title>\n<style>\n{}</style>\n</head>\n<body>\n\
<a class=\"skip\" href=\"#innhold\">{}</a>\n<header>\n<h1>{}</h1>\n",
        t(lang, "nb", "en"),
        env!("CARGO_PKG_VERSION"),
        html(&title),
        include_str!("style.css"),
        t(lang, "Hopp til innholdet", "Skip to the content"),
        html(&title),
    );
    if let [one] = kommuner {
        out.push_str(&meta_line(one, lang));
    }
    out.push_str("</header>\n");
    out.push_str(&nav(kommuner, lang));
    out.push_str("<main id=\"innhold\">\n");
    match kommuner {
        [one] => {
            let place = Place {
                level: 2,
                id: String::new(),
                shared_rules: false,
            };
            out.push_str(&kommune(one, &place, lang));
        }
        many => {
            out.push_str(&compare::comparison(many, lang));
            for (i, k) in many.iter().enumerate() {
                let place = Place {
                    level: 3,
                    id: format!("k{}-", i + 1),
                    shared_rules: true,
                };
                out.push_str(&format!(
                    "<div class=\"kommune\" id=\"k{}\">\n<h2>{}</h2>\n{}",
                    i + 1,
                    html(&k.report.portfolio.kommune.name),
                    meta_line(k, lang)
                ));
                out.push_str(&kommune(k, &place, lang));
                out.push_str("</div>\n");
            }
            out.push_str(&findings::rules(many, lang));
        }
    }
    out.push_str(&format!(
        "</main>\n<footer><p>{} prinsipp {}. {}</p></footer>\n</body>\n</html>\n",
        t(lang, "Laget med", "Made with"),
        env!("CARGO_PKG_VERSION"),
        t(
            lang,
            "Hvert tall er definert i docs/rapport.md i prinsipp.",
            "Every figure is defined in prinsipp's docs/rapport.md."
        )
    ));
    out
}

/// «Kommunenummer 3999 · vurdert 2026-06-01 · alle regler»
fn meta_line(k: &Kommune, lang: Lang) -> String {
    let r = &k.report;
    let strategy = r.settings.profile.as_ref().map_or_else(
        || t(lang, "alle regler", "every rule").to_string(),
        |p| format!("{} {}", t(lang, "strategien", "the strategy"), p.name),
    );
    format!(
        "<p class=\"meta\">{} {} · {} {} · {}</p>\n",
        t(lang, "Kommunenummer", "Kommunenummer"),
        html(&r.portfolio.kommune.number),
        t(lang, "vurdert", "evaluated"),
        r.date,
        html(&strategy)
    )
}

fn nav(kommuner: &[Kommune], lang: Lang) -> String {
    let mut items = String::new();
    match kommuner {
        [_] => {
            for (id, nb, en) in SECTIONS {
                items.push_str(&format!(
                    "<li><a href=\"#{id}\">{}</a></li>",
                    t(lang, nb, en)
                ));
            }
        }
        many => {
            items.push_str(&format!(
                "<li><a href=\"#sammenligning\">{}</a></li>",
                t(lang, "Sammenligning", "Comparison")
            ));
            for (i, k) in many.iter().enumerate() {
                items.push_str(&format!(
                    "<li><a href=\"#k{}\">{}</a></li>",
                    i + 1,
                    html(&k.report.portfolio.kommune.name)
                ));
            }
            items.push_str(&format!(
                "<li><a href=\"#reglene\">{}</a></li>",
                t(lang, "Reglene", "The rules")
            ));
        }
    }
    format!(
        "<nav aria-label=\"{}\"><ol>{items}</ol></nav>\n",
        t(lang, "Innhold", "Contents")
    )
}

/// One kommune's sections.
fn kommune(k: &Kommune, place: &Place, lang: Lang) -> String {
    let mut out = String::new();
    for (index, (id, nb, en)) in SECTIONS.iter().enumerate() {
        out.push_str(&format!("<section aria-labelledby=\"{}{id}\">\n", place.id));
        out.push_str(&place.heading(0, id, t(lang, nb, en)));
        out.push_str(&match index {
            0 => key_figures(k, place, lang),
            1 => trend::trend(k, place, lang),
            2 => matrix::matrix(k, lang),
            3 => findings::findings(k, place, lang),
            _ => register::deviations(k, lang),
        });
        out.push_str("</section>\n");
    }
    out
}

/// A figure on a card: the number, and what it counts.
fn card(figure: &str, what: &str) -> String {
    format!(
        "<div class=\"card\"><span class=\"figure\">{}</span><span class=\"what\">{}</span></div>",
        html(figure),
        html(what)
    )
}

fn percent(p: Option<f64>) -> String {
    p.map_or("–".to_string(), |p| format!("{p:.1} %").replace('.', ","))
}

/// The label of a value of a closed list (`None`: not stated).
fn value_label(value: Option<&str>, lang: Lang) -> String {
    let Some(v) = value else {
        return t(lang, "Ikke oppgitt", "Not stated").to_string();
    };
    let label = match v {
        "saas" => ("SaaS", "SaaS"),
        "paas" => ("PaaS", "PaaS"),
        "iaas" => ("IaaS", "IaaS"),
        "privat_sky" => ("Privat sky", "Private cloud"),
        "fellessky" => ("Fellessky", "Community cloud"),
        "egen_drift" => ("Egen drift", "On premises"),
        "planlagt" => ("Planlagt", "Planned"),
        "innfasing" => ("Innfasing", "Being introduced"),
        "aktiv" => ("Aktiv", "Active"),
        "utfasing" => ("Utfasing", "Being phased out"),
        "avviklet" => ("Avviklet", "Decommissioned"),
        "ingen" => ("Ingen", "None"),
        "vanlige" => ("Vanlige", "Ordinary"),
        "saerlige" => ("Særlige kategorier", "Special categories"),
        other => return other.to_string(),
    };
    t(lang, label.0, label.1).to_string()
}

fn share_bars(shares: &[Share], lang: Lang) -> Vec<Bar> {
    shares
        .iter()
        .map(|s| Bar {
            label: value_label(s.value, lang),
            value: s.count,
        })
        .collect()
}

fn key_figures(k: &Kommune, place: &Place, lang: Lang) -> String {
    let f = &k.figures.key;
    let s = &f.systems;
    let c = k.report.counts();
    let violations = c.feil + c.advarsel + c.info + c.baseline;
    let expiring = k
        .figures
        .deviations
        .iter()
        .filter(|d| {
            matches!(
                d.state,
                crate::figures::deviations::DeviationState::Utlopt
                    | crate::figures::deviations::DeviationState::UtloperSnart
            )
        })
        .count();
    let growth = match f.growth.introduced.cmp(&f.growth.phased_out) {
        std::cmp::Ordering::Greater => t(lang, "porteføljen vokser", "the portfolio grows"),
        std::cmp::Ordering::Less => t(lang, "porteføljen krymper", "the portfolio shrinks"),
        std::cmp::Ordering::Equal => t(lang, "like mange inn som ut", "as many in as out"),
    };
    let plans = match f.benefit_plans.complete {
        Some(n) => format!("{n} / {}", f.benefit_plans.projects),
        None => t(lang, "ikke kontrollert", "not checked").to_string(),
    };
    let mut out = String::from("<div class=\"cards\">");
    for (figure, what) in [
        (
            format!("{}", s.in_use),
            Text::new(
                format!("systemer i bruk (av {} i oversikten)", s.total),
                format!("systems in use (of {} in the inventory)", s.total),
            ),
        ),
        (
            percent(s.cloud_percent),
            Text::new(
                format!("i sky ({} av {} systemer i bruk)", s.cloud, s.in_use),
                format!("in the cloud ({} of {} systems in use)", s.cloud, s.in_use),
            ),
        ),
        (
            format!("+{} / −{}", f.growth.introduced, f.growth.phased_out),
            Text::new(
                format!("nye systemer mot utfasinger i åpne prosjekter: {growth}"),
                format!("new systems against phase-outs in open projects: {growth}"),
            ),
        ),
        (
            format!(
                "{} / {}",
                f.national_components.covered, f.national_components.needed
            ),
            Text::new(
                "behov for en nasjonal felleskomponent som er dekket av den",
                "needs for a national component that it covers",
            ),
        ),
        (
            plans,
            Text::new(
                "prosjekter med komplett gevinstplan",
                "projects with a complete benefit plan",
            ),
        ),
        (
            format!("{} / {}", f.benefits.measured, f.benefits.total),
            Text::new(
                format!("gevinster målt ({} forfalt uten måling)", f.benefits.due),
                format!("benefits measured ({} due, never measured)", f.benefits.due),
            ),
        ),
        (
            violations.to_string(),
            Text::new(
                format!("åpne brudd ({} feil, {} advarsler)", c.feil, c.advarsel),
                format!("open breaches ({} errors, {} warnings)", c.feil, c.advarsel),
            ),
        ),
        (
            expiring.to_string(),
            Text::new(
                "avvik som er utløpt eller utløper snart",
                "deviations expired or expiring soon",
            ),
        ),
    ] {
        out.push_str(&card(&figure, what.get(lang)));
    }
    out.push_str("</div>\n");
    let id = |n: &str| format!("{}{n}", place.id);
    let count_col = t(lang, "Antall", "Count");
    out.push_str(&place.heading(1, "", t(lang, "Systemene", "The systems")));
    out.push_str(&chart::bars(
        &id("drift"),
        t(
            lang,
            "Systemer i bruk etter driftsmodell",
            "Systems in use by hosting model",
        ),
        &share_bars(&s.hosting, lang),
        (t(lang, "Driftsmodell", "Hosting model"), count_col),
    ));
    out.push_str(&chart::bars(
        &id("livslop"),
        t(
            lang,
            "Alle systemer etter livsløp",
            "Every system by lifecycle",
        ),
        &share_bars(&s.lifecycle, lang),
        (t(lang, "Livsløp", "Lifecycle"), count_col),
    ));
    out.push_str(&chart::bars(
        &id("personopplysninger"),
        t(
            lang,
            "Systemer i bruk etter personopplysninger",
            "Systems in use by personal data",
        ),
        &share_bars(&s.personal_data, lang),
        (t(lang, "Personopplysninger", "Personal data"), count_col),
    ));
    out.push_str(&chart::bars(
        &id("driftes-av"),
        t(
            lang,
            "Systemer i bruk etter hvem som drifter dem",
            "Systems in use by who operates them",
        ),
        &share_bars(&s.operator, lang),
        (t(lang, "Driftes av", "Operated by"), count_col),
    ));
    out.push_str(&chart::bars(
        &id("eierskap"),
        t(
            lang,
            "Systemer i bruk etter eierskap",
            "Systems in use by ownership",
        ),
        &share_bars(&s.ownership, lang),
        (t(lang, "Eierskap", "Ownership"), count_col),
    ));
    out.push_str(&figures::components(k, place, lang));
    out.push_str(&figures::benefits(k, place, lang));
    out.push_str(&figures::findings_charts(k, place, lang));
    out
}
