//! What each format says about input that could not be read. A run that stops on a load
//! error (exit 2) still writes every output asked for, with the problems where the findings
//! would be: the CI steps that upload a report or comment on a pull request have their
//! file, and a mistyped key shows in the same place as a broken principle. A run of several
//! kommuner adds the problems of those it could not read to the others' results.

use super::escape;
use crate::diagnostic::{Diagnostic, Level};
use crate::text::{Lang, Text};
use serde::Serialize;
use serde_json::{Value, json};

/// The load problems' code: the SARIF rule, the JUnit suite and the GitLab check.
pub const CODE: &str = "INNLESING";

fn title(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => "Inndata kunne ikke leses",
        Lang::En => "The input could not be read",
    }
}

fn explanation(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => {
            "En fil eller et flagg har en feil som gjør at prinsipp ikke kan lese kommunen: ingen regler er kjørt på den før feilen er rettet. Stedet og tipset sier hva som må endres; kjør prinsipp check lokalt for å se det samme."
        }
        Lang::En => {
            "A file or a flag has a mistake that keeps prinsipp from reading the kommune: no rule is run on it until the mistake is fixed. The place and the hint say what to change; run prinsipp check locally to see the same."
        }
    }
}

/// The message with its hint, on one line.
fn text(d: &Diagnostic, lang: Lang) -> String {
    let mut text = d.message.get(lang).to_string();
    if let Some(hint) = &d.hint {
        let label = super::diagnostics::hint_word(lang);
        text.push_str(&format!(" ({label}: {})", hint.get(lang)));
    }
    escape::line(&text)
}

/// Whether the diagnostic names a file (not a flag, not nothing).
fn names_a_file(d: &Diagnostic) -> bool {
    !d.file.is_empty() && !d.file.starts_with("--")
}

fn errors(diags: &[Diagnostic]) -> impl Iterator<Item = &Diagnostic> {
    diags.iter().filter(|d| d.level == Level::Error)
}

/// A diagnostic in `--format json` (`diagnostics`).
#[derive(Serialize)]
pub struct JsonDiagnostic {
    level: &'static str,
    file: Option<String>,
    line: u32,
    column: u32,
    message: String,
    hint: Option<String>,
}

pub fn json_items(diags: &[Diagnostic], lang: Lang) -> Vec<JsonDiagnostic> {
    diags
        .iter()
        .map(|d| JsonDiagnostic {
            // The JSON's words are bokmål whatever `--lang`, as its severities are.
            level: super::diagnostics::level_word(d.level, Lang::Nb),
            file: (!d.file.is_empty()).then(|| d.file.clone()),
            line: d.line,
            column: d.column,
            message: d.message.get(lang).to_string(),
            hint: d.hint.as_ref().map(|h| h.get(lang).to_string()),
        })
        .collect()
}

/// The SARIF rule of load errors, its results (the errors that name a file) and the run's
/// invocation (every problem as a tool execution notification; unsuccessful when there is
/// an error). `artifact` turns a file into an artifact location.
pub fn sarif(
    diags: &[Diagnostic],
    lang: Lang,
    artifact: impl Fn(&str) -> Value,
) -> (Option<Value>, Vec<Value>, Option<Value>) {
    if diags.is_empty() {
        return (None, Vec::new(), None);
    }
    let location = |d: &Diagnostic| {
        json!({
            "physicalLocation": {
                "artifactLocation": artifact(&d.file),
                "region": { "startLine": d.line.max(1), "startColumn": d.column.max(1) },
            }
        })
    };
    let results: Vec<Value> = errors(diags)
        .filter(|d| names_a_file(d))
        .map(|d| {
            json!({
                "ruleId": CODE,
                "level": "error",
                "message": { "text": text(d, lang) },
                "locations": [location(d)],
            })
        })
        .collect();
    let notifications: Vec<Value> = diags
        .iter()
        .map(|d| {
            let mut n = json!({
                "level": match d.level { Level::Error => "error", Level::Warning => "warning" },
                "message": { "text": text(d, lang) },
                "descriptor": { "id": CODE },
            });
            if names_a_file(d) {
                n["locations"] = json!([location(d)]);
            }
            n
        })
        .collect();
    let invocation = json!({
        "executionSuccessful": errors(diags).next().is_none(),
        "toolExecutionNotifications": notifications,
    });
    let rule = (!results.is_empty()).then(|| {
        json!({
            "id": CODE,
            "name": "Innlesing",
            "shortDescription": { "text": title(lang) },
            "fullDescription": { "text": explanation(lang) },
            "help": { "text": explanation(lang), "markdown": explanation(lang) },
            "defaultConfiguration": { "level": "error" },
        })
    });
    (rule, results, Some(invocation))
}

/// The JUnit suite of load errors (each an error test case), with its number of cases;
/// empty when there is no error.
pub fn junit_suite(diags: &[Diagnostic], lang: Lang) -> (String, usize) {
    let errors: Vec<&Diagnostic> = errors(diags).collect();
    if errors.is_empty() {
        return (String::new(), 0);
    }
    let n = errors.len();
    let mut suite = format!(
        "  <testsuite name=\"{}\" tests=\"{n}\" failures=\"0\" errors=\"{n}\" skipped=\"0\">\n",
        escape::xml(&format!("{CODE} {}", title(lang)))
    );
    for d in errors {
        let place = match d.place() {
            p if p.is_empty() => "prinsipp".to_string(),
            p => p,
        };
        // The body starts with the code, never with user text (see `junit`).
        suite.push_str(&format!(
            "    <testcase classname=\"{CODE}\" name=\"{}\">\n      <error message=\"{}\" type=\"feil\">{}</error>\n    </testcase>\n",
            escape::xml(&place),
            escape::xml(d.message.get(lang)),
            escape::xml(&format!("{CODE} {place}: {}", text(d, lang)))
        ));
    }
    suite.push_str("  </testsuite>\n");
    (suite, n)
}

/// GitLab Code Quality issues for the load errors; an error that names no file is placed
/// at `folder` (GitLab needs a path).
pub fn gitlab_issues(diags: &[Diagnostic], lang: Lang, folder: &str) -> Vec<Value> {
    errors(diags)
        .map(|d| {
            let path = if names_a_file(d) { &d.file } else { folder };
            let what = format!("{}:{}:{}", d.line, d.column, d.message.nb);
            json!({
                "type": "issue",
                "description": escape::line(&format!("{CODE} {}: {}", d.place(), text(d, lang))),
                "check_name": CODE,
                "fingerprint": crate::finding::fingerprint(CODE, "fil", &d.file, &what),
                "severity": "blocker",
                "categories": ["Bug Risk"],
                "location": { "path": path, "lines": { "begin": d.line.max(1) } },
            })
        })
        .collect()
}

/// The markdown section «Kunne ikke lese»: every problem with its place and how to fix it;
/// empty when there is no error. Rows are added while they fit in `budget` characters.
pub fn markdown_section(diags: &[Diagnostic], lang: Lang, budget: usize) -> String {
    let count = errors(diags).count();
    if count == 0 {
        return String::new();
    }
    let (head, columns, fix, more) = match lang {
        Lang::Nb => (
            "Kunne ikke lese",
            "| | Sted | Problem | Slik retter du det |\n|---|---|---|---|\n",
            "Ingen regler er kjørt på det som ikke kunne leses. Rett feilene og kjør igjen; `prinsipp check` lokalt viser det samme.",
            "… og {n} til: alle står i loggen og i JSON- og SARIF-rapporten.",
        ),
        Lang::En => (
            "Could not read",
            "| | Location | Problem | How to fix it |\n|---|---|---|---|\n",
            "No rule was run on what could not be read. Fix the errors and run again; `prinsipp check` locally shows the same.",
            "… and {n} more: the log and the JSON and SARIF reports hold them all.",
        ),
    };
    let mut out = format!("\n### {head} ({count})\n\n{fix}\n\n{columns}");
    let mut left = budget.saturating_sub(out.chars().count() + 200);
    let mut shown = 0;
    for d in diags {
        let icon = match d.level {
            Level::Error => "🔴",
            Level::Warning => "🟡",
        };
        let word = super::diagnostics::level_word(d.level, lang);
        let place = d.place();
        let place = if place.is_empty() {
            String::new()
        } else {
            escape::markdown_code(&place)
        };
        let hint = d
            .hint
            .as_ref()
            .map_or(String::new(), |h| escape::markdown_cell(h.get(lang)));
        let row = format!(
            "| {icon} {word} | {place} | {} | {hint} |\n",
            escape::markdown_cell(d.message.get(lang))
        );
        let size = row.chars().count();
        if size > left {
            break;
        }
        left -= size;
        out.push_str(&row);
        shown += 1;
    }
    if shown < diags.len() {
        let rest = (diags.len() - shown).to_string();
        out.push_str(&format!("\n{}\n", more.replace("{n}", &rest)));
    }
    out
}

/// The comment of a run that read nothing: the verdict, then the problems.
pub fn markdown(diags: &[Diagnostic], lang: Lang) -> String {
    let errors = errors(diags).count();
    let head = match lang {
        Lang::Nb => format!("## prinsipp: ❌ {errors} feil i inndata: ingen regler er kjørt\n"),
        Lang::En => {
            format!("## prinsipp: ❌ {errors} error(s) in the input: no rule was run\n")
        }
    };
    let budget = super::markdown::MAX_CHARS.saturating_sub(head.chars().count());
    head + &markdown_section(diags, lang, budget)
}

/// The last line of a run that read nothing.
pub fn stopped(diags: &[Diagnostic]) -> Text {
    let errors = errors(diags).count();
    Text::new(
        format!("{errors} feil i inndata: ingen regler er kjørt. Rett feilene over og kjør igjen."),
        format!(
            "{errors} error(s) in the input: no rule was run. Fix the errors above and run again."
        ),
    )
}

/// The table written to a file for a run that read nothing: the problems as on stderr.
pub fn table(diags: &[Diagnostic], lang: Lang) -> String {
    format!(
        "{}{}\n",
        super::diagnostics::render(diags, &super::Style::plain(lang)),
        stopped(diags).get(lang)
    )
}
