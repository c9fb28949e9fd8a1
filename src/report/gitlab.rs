//! `--format gitlab`: a GitLab Code Quality report (a JSON array of issues).

use super::Report;
use super::escape;
use crate::finding::{Severity, Status};
use serde_json::json;

/// Open and baseline-known findings; approved deviations were decided on and are left out.
pub fn render(r: &Report) -> String {
    let issues: Vec<serde_json::Value> = r
        .findings
        .iter()
        .filter(|f| !matches!(f.status, Status::Avvik { .. }))
        .map(|f| {
            let severity = match f.severity {
                Severity::Feil => "major",
                Severity::Advarsel => "minor",
                Severity::Info => "info",
            };
            json!({
                "type": "issue",
                "description": escape::line(&format!("{} {}: {}", f.code, f.subject.label(), f.message.get(r.lang))),
                "check_name": f.code,
                "fingerprint": f.fingerprint.clone(),
                "severity": severity,
                "categories": ["Style"],
                "location": { "path": r.repo_path(f), "lines": { "begin": f.at.line.max(1) } },
            })
        })
        .collect();
    let mut text = escape::json_inert(
        serde_json::to_string_pretty(&issues).unwrap_or_else(|_| "[]".to_string()),
    );
    text.push('\n');
    text
}
