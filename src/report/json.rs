//! `--format json`: a list of findings, keys in a fixed order.

use crate::finding::{Finding, Status};
use crate::model::Portfolio;
use crate::text::Lang;
use serde::Serialize;

#[derive(Serialize)]
struct JsonFinding<'a> {
    code: &'a str,
    severity: &'a str,
    subject_kind: &'a str,
    subject_id: Option<&'a str>,
    /// The new system a project finding is about, if any.
    system: Option<&'a str>,
    message: &'a str,
    file: &'a str,
    line: u32,
    column: u32,
    path: &'a str,
    /// `open`, or `avvik` when an approved deviation covers it.
    status: &'a str,
    avvik_ref: Option<&'a str>,
    avvik_gyldig_til: Option<String>,
    /// With a strategy profile: the section of the strategy that asks for the rule.
    strategi_avsnitt: Option<&'a str>,
}

pub fn render(portfolio: &Portfolio, findings: &[Finding], lang: Lang) -> String {
    let list: Vec<JsonFinding> = findings
        .iter()
        .map(|f| {
            let (status, avvik_ref, avvik_gyldig_til) = match &f.status {
                Status::Open => ("open", None, None),
                Status::Avvik {
                    reference,
                    valid_until,
                } => (
                    "avvik",
                    reference.as_deref(),
                    valid_until.map(|d| d.to_string()),
                ),
            };
            JsonFinding {
                code: &f.code,
                severity: f.severity.name(),
                subject_kind: f.subject.kind(),
                subject_id: f.subject.id(),
                system: f.system.as_deref(),
                message: f.message.get(lang),
                file: portfolio.file_name(f.at.file),
                line: f.at.line,
                column: f.at.column,
                path: &f.path,
                status,
                avvik_ref,
                avvik_gyldig_til,
                strategi_avsnitt: f.section.as_deref(),
            }
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&list).unwrap_or_else(|_| "[]".to_string());
    text.push('\n');
    text
}
