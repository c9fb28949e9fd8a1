//! `prinsipp report --format json`: the report's figures, matrix and findings as data, for
//! those who build their own dashboards (docs/rapport.md describes every field). Like the
//! check's JSON it is versioned: fields are only added within a version.

use super::html::Kommune;
use crate::figures::Figures;
use crate::model::Date;
use serde::Serialize;

/// Bumped when a field changes meaning or goes away.
pub const REPORT_FORMAT_VERSION: u32 = 1;

#[derive(Serialize)]
struct JsonAudit<'a> {
    report_format_version: u32,
    tool: super::json::Tool,
    dato: String,
    kommuner: Vec<JsonKommune<'a>>,
    /// Per principle, the kommuner ranked by their share of checked subjects in breach
    /// (`kommune` is the index in `kommuner`); empty for one kommune.
    ranking: Vec<crate::figures::compare::Ranking>,
}

#[derive(Serialize)]
struct JsonKommune<'a> {
    navn: &'a str,
    kommunenummer: &'a str,
    strategi: Option<&'a str>,
    /// The principles in the matrix's and summary's terms: prefix and name.
    principles: Vec<JsonPrinciple<'a>>,
    figures: &'a Figures,
    /// The trend per tertial, oldest first; the last point is this check.
    trend: &'a [crate::figures::trend::Point],
    findings: Vec<super::json::JsonFinding<'a>>,
}

#[derive(Serialize)]
struct JsonPrinciple<'a> {
    prefix: &'a str,
    /// What the summary, the matrix and the ranking call it: the prefix, or the rule codes
    /// where a kommune's own rules share a prefix.
    label: String,
    name: &'a str,
}

pub fn render(kommuner: &[Kommune], date: Date) -> String {
    let figures: Vec<&Figures> = kommuner.iter().map(|k| &k.figures).collect();
    let ranking = if kommuner.len() > 1 {
        crate::figures::compare::rankings(&figures)
    } else {
        Vec::new()
    };
    let audit = JsonAudit {
        ranking,
        report_format_version: REPORT_FORMAT_VERSION,
        tool: super::json::Tool::prinsipp(),
        dato: date.to_string(),
        kommuner: kommuner
            .iter()
            .map(|k| {
                let r = &k.report;
                JsonKommune {
                    navn: &r.portfolio.kommune.name,
                    kommunenummer: &r.portfolio.kommune.number,
                    strategi: r.settings.profile.as_ref().map(|p| p.name.as_str()),
                    principles: r
                        .settings
                        .katalog
                        .principles
                        .iter()
                        .enumerate()
                        .map(|(i, p)| JsonPrinciple {
                            prefix: &p.principle.prefix,
                            label: crate::figures::principle_label(&r.settings.katalog, i),
                            name: p.principle.name.get(r.lang),
                        })
                        .collect(),
                    figures: &k.figures,
                    trend: &k.trend,
                    findings: super::json::findings(r),
                }
            })
            .collect(),
    };
    let mut text = super::escape::json_inert(
        serde_json::to_string_pretty(&audit).unwrap_or_else(|_| "{}".to_string()),
    );
    text.push('\n');
    text
}
