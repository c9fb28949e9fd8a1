//! `--format github`: GitHub Actions workflow commands, so findings show as annotations on
//! the pull request's files.

use super::Report;
use crate::finding::Severity;

/// Data after `::` may not hold `%`, CR or LF.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Property values (file, title) may also not hold `:` or `,`.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// One command per finding that is open or baseline-known (approved deviations are not
/// annotated: they were decided on).
pub fn render(r: &Report) -> String {
    let mut out = String::new();
    for f in r
        .findings
        .iter()
        .filter(|f| f.is_open() || f.status == crate::finding::Status::Baseline)
    {
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
        let mut message = format!("{}: {}", f.subject.label(), f.message.get(r.lang));
        if f.status == crate::finding::Status::Baseline {
            message.push_str(match r.lang {
                crate::text::Lang::Nb => " (kjent fra baseline)",
                crate::text::Lang::En => " (known from the baseline)",
            });
        }
        out.push_str(&format!(
            "::{command} file={},line={},col={},title={}::{}\n",
            escape_property(&r.repo_path(f)),
            f.at.line,
            f.at.column,
            escape_property(&title),
            escape_data(&message)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_commands_are_escaped() {
        assert_eq!(
            escape_data("100% ferdig\r\n::set-output"),
            "100%25 ferdig%0D%0A::set-output"
        );
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
