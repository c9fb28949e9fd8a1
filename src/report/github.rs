//! `--format github`: GitHub Actions workflow commands, so findings show as annotations on
//! the pull request's files.

use super::Report;
use super::escape::{workflow_data as escape_data, workflow_property as escape_property};
use crate::finding::Severity;

/// One command per open finding: approved deviations were decided on, and findings known
/// from the baseline would crowd out the new ones (GitHub shows only a few per step).
pub fn render(r: &Report) -> String {
    commands(r, "")
}

/// The commands of one kommune among several: each message names the kommune.
pub fn render_in_run(r: &Report) -> String {
    let k = &r.portfolio.kommune;
    commands(r, &format!("{} ({}): ", k.name, k.number))
}

fn commands(r: &Report, prefix: &str) -> String {
    let mut out = String::new();
    for f in r.findings.iter().filter(|f| f.is_open()) {
        let command = match f.severity {
            Severity::Feil => "error",
            Severity::Advarsel => "warning",
            Severity::Info => "notice",
        };
        let title = format!(
            "{} {}",
            f.code,
            r.settings
                .katalog
                .rule(&f.code)
                .map_or("", |rule| rule.title.get(r.lang))
        );
        let message = format!("{prefix}{}: {}", f.subject.label(), f.message.get(r.lang));
        out.push_str(&format!(
            "::{command} file={},line={},col={},title={}::{}\n",
            escape_property(r.file(f)),
            f.at.line,
            f.at.column,
            escape_property(&title),
            escape_data(&message)
        ));
    }
    out
}

/// Load problems as workflow commands, so a broken file in a pull request is annotated too.
pub fn render_diagnostics(
    diags: &[crate::diagnostic::Diagnostic],
    lang: crate::text::Lang,
) -> String {
    let mut out = String::new();
    for d in diags {
        let command = match d.level {
            crate::diagnostic::Level::Error => "error",
            crate::diagnostic::Level::Warning => "warning",
        };
        let mut props = Vec::new();
        if !d.file.is_empty() && !d.file.starts_with("--") {
            props.push(format!("file={}", escape_property(&d.file)));
        }
        if d.line > 0 {
            props.push(format!("line={},col={}", d.line, d.column.max(1)));
        }
        props.push("title=prinsipp".to_string());
        let mut message = d.message.get(lang).to_string();
        if let Some(hint) = &d.hint {
            message.push_str(&format!(" ({})", hint.get(lang)));
        }
        out.push_str(&format!(
            "::{command} {}::{}\n",
            props.join(","),
            escape_data(&message)
        ));
    }
    out
}
