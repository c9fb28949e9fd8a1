//! One renderer per output format. Renderers get findings and the portfolio's file names;
//! they know nothing of YAML or of how rules decide.

pub mod audit_json;
pub mod collapse;
pub mod config;
pub mod diagnostics;
pub mod escape;
pub mod github;
pub mod gitlab;
pub mod html;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod rules;
pub mod sarif;
pub mod several;
pub mod summary;
pub mod table;
pub mod unread;
pub mod xlsx;

use crate::baseline::BaselineEntry;
use crate::finding::{Finding, Severity, Status};
use crate::model::{Date, Portfolio};
use crate::settings::Settings;
use crate::text::Lang;

/// Everything a renderer may show about one check.
pub struct Report<'a> {
    pub portfolio: &'a Portfolio,
    pub findings: &'a [Finding],
    pub settings: &'a Settings,
    pub date: Date,
    /// The level at which an open finding fails the run (`None`: never).
    pub fail_on: Option<Severity>,
    /// With `--baseline`: what the baseline held that no longer occurs.
    pub resolved: Option<&'a [BaselineEntry]>,
    /// With `--baseline`: the fingerprints it holds (also of findings now covered by avvik).
    pub known: Option<&'a std::collections::HashSet<String>>,
    pub lang: Lang,
    /// What the user should know about how the input was read (warnings; in a result of
    /// several kommuner, the run's are given once, not per kommune).
    pub diagnostics: &'a [crate::diagnostic::Diagnostic],
    /// `--samle N`: the table and the markdown show the findings of one rule that say the
    /// same as one row when there are more than N (see `collapse`).
    pub collapse_above: Option<usize>,
}

/// How many findings of each kind a report holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub feil: usize,
    pub advarsel: usize,
    pub info: usize,
    pub avvik: usize,
    pub baseline: usize,
    pub resolved: usize,
    pub failing: usize,
}

impl<'a> Report<'a> {
    /// The file a finding points into, from the run's root (see `load::PathBase`).
    pub fn file(&self, f: &Finding) -> &'a str {
        self.portfolio.file_name(f.at.file)
    }

    /// The kommune folder, from the run's root (`.` when it is the root).
    pub fn folder(&self) -> String {
        let kommune = self
            .portfolio
            .file_name(self.portfolio.kommune.spans.at.file);
        match std::path::Path::new(kommune).parent() {
            Some(p) if !p.as_os_str().is_empty() => p.display().to_string(),
            // kommune.yaml at the root.
            _ => ".".to_string(),
        }
    }

    /// For a finding on a shared system or project of an IKT-samarbeid: the owner kommuner
    /// that use it, and so share the finding. `None` for the kommune's own subjects.
    pub fn shared_with(&self, f: &Finding) -> Option<Vec<String>> {
        let p = self.portfolio;
        p.membership.as_ref()?;
        let (file, used_by) = match &f.subject {
            crate::finding::Subject::System(id) => {
                let s = p.system(id)?;
                (s.spans.at.file, &s.used_by)
            }
            crate::finding::Subject::Project(id) => {
                let project = p.project(id)?;
                (project.spans.at.file, &project.used_by)
            }
            _ => return None,
        };
        p.shared_with(file, used_by)
    }

    /// «Felles i Fjellregionen IKT, brukt av nordvik, solbakken» under a shared finding.
    pub fn shared_note(&self, f: &Finding) -> Option<String> {
        let with = self.shared_with(f)?;
        let samarbeid = &self.portfolio.membership.as_ref()?.samarbeid;
        Some(match self.lang {
            Lang::Nb => format!("Felles i {samarbeid}, brukt av {}", with.join(", ")),
            Lang::En => format!("Shared in {samarbeid}, used by {}", with.join(", ")),
        })
    }

    /// An open finding at or above `--fail-on`: what makes the run fail.
    pub fn is_failing(&self, f: &Finding) -> bool {
        f.is_open() && self.fail_on.is_some_and(|t| f.severity >= t)
    }

    pub fn counts(&self) -> Counts {
        let mut c = Counts {
            resolved: self.resolved.map_or(0, |r| r.len()),
            ..Counts::default()
        };
        for f in self.findings {
            match f.status {
                Status::Avvik { .. } => c.avvik += 1,
                Status::Baseline => c.baseline += 1,
                Status::Open => match f.severity {
                    Severity::Feil => c.feil += 1,
                    Severity::Advarsel => c.advarsel += 1,
                    Severity::Info => c.info += 1,
                },
            }
            c.failing += usize::from(self.is_failing(f));
        }
        c
    }

    /// The rule's how-to-comply, first sentence: one line for a reader in a hurry.
    pub fn how_to_comply(&self, code: &str) -> String {
        let text = self
            .settings
            .katalog
            .rule(code)
            .map(|r| r.comply.get(self.lang).to_string())
            .unwrap_or_default();
        first_sentence(&text)
    }
}

/// The text up to and including the first full stop that ends a sentence: one followed by
/// a space and a capital letter, so «per 1. januar» is not cut.
pub fn first_sentence(text: &str) -> String {
    let text = text.trim();
    let end = text
        .match_indices(". ")
        .map(|(i, _)| i)
        .find(|&i| text[i + 2..].chars().next().is_some_and(char::is_uppercase));
    match end {
        Some(end) => text[..=end].to_string(),
        None => text.to_string(),
    }
}

/// How to render for this run.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub lang: Lang,
    /// Colours on standard output (the table).
    pub color: bool,
    /// Colours on standard error (diagnostics): decided for that stream on its own, so
    /// `2>err.log` from a terminal gets no escape codes.
    pub color_err: bool,
    /// stdout is a terminal: draw boxes; otherwise plain text.
    pub tty: bool,
    /// Fit tables to this width; `None` leaves lines unwrapped.
    pub terminal_width: Option<u16>,
}

impl Style {
    pub fn plain(lang: Lang) -> Style {
        Style {
            lang,
            color: false,
            color_err: false,
            tty: false,
            terminal_width: None,
        }
    }
}

/// A rule's text in markdown: the built-in rules' texts are written as markdown; a
/// kommune's own rule's come from prinsipp.toml and are escaped.
pub fn rule_markdown<'t>(
    settings: &Settings,
    code: &str,
    text: &'t str,
) -> std::borrow::Cow<'t, str> {
    if settings.own_rules.iter().any(|r| r.code == code) {
        std::borrow::Cow::Owned(escape::markdown_cell(text))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Word-wraps a paragraph to `width` characters (for explain's prose).
pub fn wrap(text: &str, width: usize) -> String {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        lines.push(line);
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_sentence_does_not_cut_at_ordinals() {
        assert_eq!(
            first_sentence("Hold deg under taket per 1. januar. Neste setning."),
            "Hold deg under taket per 1. januar."
        );
        assert_eq!(first_sentence("Én setning"), "Én setning");
    }
}
