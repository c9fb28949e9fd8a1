//! `--format gitlab`: a GitLab Code Quality report (a JSON array of issues).

use super::Report;
use super::escape;
use crate::diagnostic::Diagnostic;
use crate::finding::{Severity, Status};
use crate::text::Lang;
use serde_json::json;

/// Open and baseline-known findings; approved deviations were decided on and are left out.
pub fn render(r: &Report) -> String {
    array(issues(r, None))
}

/// One kommune's issues in a report of several: each names its kommune, and its
/// fingerprint holds the kommunenummer, so that one finding in two kommuner is two issues.
pub fn part(r: &Report) -> super::several::Part {
    let issues = issues(r, Some(&r.portfolio.kommune))
        .iter()
        .map(|i| serde_json::to_string_pretty(i).unwrap_or_default())
        .collect();
    super::several::Part::Gitlab(issues)
}

/// The report of a run that could not read its input (exit 2): an issue per load error
/// (one that names no file is placed at `folder`).
pub fn render_unread(diags: &[Diagnostic], lang: Lang, folder: &str) -> String {
    array(super::unread::gitlab_issues(diags, lang, folder))
}

/// Several kommuners' issues as one report, after an issue per load error of the kommuner
/// that could not be read (`diags`).
pub fn join_several(
    parts: Vec<super::several::Part>,
    diags: &[Diagnostic],
    lang: Lang,
    folder: &str,
) -> String {
    let load = super::unread::gitlab_issues(diags, lang, folder);
    let load = load
        .iter()
        .map(|i| serde_json::to_string_pretty(i).unwrap_or_default());
    let issues: Vec<String> = load
        .chain(parts.into_iter().flat_map(|p| match p {
            super::several::Part::Gitlab(issues) => issues,
            _ => Vec::new(),
        }))
        .collect();
    let mut text = escape::json_inert(super::several::array(&issues, 2));
    text.push('\n');
    text
}

fn array(issues: Vec<serde_json::Value>) -> String {
    let mut text = escape::json_inert(
        serde_json::to_string_pretty(&issues).unwrap_or_else(|_| "[]".to_string()),
    );
    text.push('\n');
    text
}

fn issues(r: &Report, kommune: Option<&crate::model::Kommune>) -> Vec<serde_json::Value> {
    r
        .findings
        .iter()
        .filter(|f| !matches!(f.status, Status::Avvik { .. }))
        .map(|f| {
            let severity = match f.severity {
                Severity::Feil => "major",
                Severity::Advarsel => "minor",
                Severity::Info => "info",
            };
            let (prefix, fingerprint) = match kommune {
                None => (String::new(), f.fingerprint.clone()),
                Some(k) => (format!("{} ({}): ", k.name, k.number), format!("{}-{}", k.number, f.fingerprint)),
            };
            json!({
                "type": "issue",
                "description": escape::line(&format!("{prefix}{} {}: {}", f.code, f.subject.label(), f.message.get(r.lang))),
                "check_name": f.code,
                "fingerprint": fingerprint,
                "severity": severity,
                "categories": ["Style"],
                "location": { "path": r.file(f), "lines": { "begin": f.at.line.max(1) } },
            })
        })
        .collect()
}
