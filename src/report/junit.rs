//! `--format junit`: one test suite per rule and one test case per subject it checked, so a
//! CI test view shows what was checked, not only what failed. A finding that fails the run
//! is a failure, one per test case: a subject with several failing findings of one rule has
//! a case for each, so the failures are as many as the table's failing findings. An
//! approved, baseline-known or below-threshold finding is noted in system-out.

use super::Report;
use super::escape::xml;
use crate::diagnostic::Diagnostic;
use crate::finding::{Finding, Subject};
use crate::text::Lang;

struct Case<'a> {
    subject: Subject,
    findings: Vec<&'a Finding>,
}

/// A test case as written: its name and the findings it reports.
struct Written<'a> {
    name: String,
    findings: Vec<&'a Finding>,
}

/// The test cases of one rule: one per subject checked, except that a subject with several
/// failing findings of the rule gets one case per finding (named by the finding's path),
/// so that the CI's count of failures is the table's count of findings.
fn written<'a>(cases: Vec<Case<'a>>, r: &Report) -> Vec<Written<'a>> {
    let mut out = Vec::with_capacity(cases.len());
    for case in cases {
        let label = case.subject.label();
        let (failing, other): (Vec<&Finding>, Vec<&Finding>) =
            case.findings.iter().partition(|f| r.is_failing(f));
        if failing.len() <= 1 {
            out.push(Written {
                name: label,
                findings: case.findings,
            });
            continue;
        }
        for (i, f) in failing.into_iter().enumerate() {
            let mut findings = vec![f];
            if i == 0 {
                findings.extend(other.iter().copied());
            }
            out.push(Written {
                name: format!("{label} {}", f.path),
                findings,
            });
        }
    }
    out
}

pub fn render(r: &Report) -> String {
    let (suites, tests, failures) = suites(r, "");
    document(&suites, tests, failures, &[], r.lang)
}

/// The document of a run that could not read its input (exit 2): one error test case per
/// load error.
pub fn render_unread(diags: &[Diagnostic], lang: Lang) -> String {
    document("", 0, 0, diags, lang)
}

/// One kommune's share of a result of several: its suites, their names led by the kommune.
pub fn part(r: &Report) -> super::several::Part {
    let k = &r.portfolio.kommune;
    let (text, tests, failures) = suites(r, &format!("{} ({}): ", k.name, k.number));
    super::several::Part::Junit {
        text,
        tests,
        failures,
    }
}

/// Several kommuners' suites in one document, with the totals over all; the load errors of
/// kommuner that could not be read (`diags`) are error test cases.
pub fn join_several(parts: Vec<super::several::Part>, diags: &[Diagnostic], lang: Lang) -> String {
    let (mut all, mut tests, mut failures) = (String::new(), 0, 0);
    for part in parts {
        if let super::several::Part::Junit {
            text,
            tests: t,
            failures: f,
        } = part
        {
            all.push_str(&text);
            tests += t;
            failures += f;
        }
    }
    document(&all, tests, failures, diags, lang)
}

/// The document: the load errors' suite (if any) first, then `suites`.
fn document(
    suites: &str,
    tests: usize,
    failures: usize,
    diags: &[Diagnostic],
    lang: Lang,
) -> String {
    let (load, errors) = super::unread::junit_suite(diags, lang);
    let tests = tests + errors;
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"prinsipp\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\">\n{load}{suites}</testsuites>\n"
    )
}

/// One suite per rule, named `{prefix}{code} {title}`; with the number of test cases and
/// of failures.
fn suites(r: &Report, prefix: &str) -> (String, usize, usize) {
    let lang = r.lang;
    let mut suites = String::new();
    let (mut total_tests, mut total_failures) = (0, 0);
    for code in r.settings.enabled_codes() {
        let mut cases: Vec<Case> = crate::rules::checked_subjects(code, r.portfolio, r.settings)
            .into_iter()
            .map(|subject| Case {
                subject,
                findings: Vec::new(),
            })
            .collect();
        // By subject, so that a rule with many findings in a large folder stays linear.
        let mut by_subject: std::collections::HashMap<Subject, usize> = cases
            .iter()
            .enumerate()
            .map(|(i, c)| (c.subject.clone(), i))
            .collect();
        for f in r.findings.iter().filter(|f| f.code == code) {
            match by_subject.get(&f.subject) {
                Some(&i) => cases[i].findings.push(f),
                None => {
                    by_subject.insert(f.subject.clone(), cases.len());
                    cases.push(Case {
                        subject: f.subject.clone(),
                        findings: vec![f],
                    });
                }
            }
        }
        let cases = written(cases, r);
        let failures = cases
            .iter()
            .filter(|c| c.findings.iter().any(|f| r.is_failing(f)))
            .count();
        total_tests += cases.len();
        total_failures += failures;
        let title = r
            .settings
            .katalog
            .rule(code)
            .map_or("", |rule| rule.title.get(lang));
        suites.push_str(&format!("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failures}\" errors=\"0\" skipped=\"0\">\n", xml(&format!("{prefix}{code} {title}")), cases.len()));
        for case in &cases {
            suites.push_str(&format!(
                "    <testcase classname=\"{}\" name=\"{}\"",
                xml(code),
                xml(&case.name)
            ));
            if case.findings.is_empty() {
                suites.push_str("/>\n");
                continue;
            }
            suites.push_str(">\n");
            let (failing, other): (Vec<&&Finding>, Vec<&&Finding>) =
                case.findings.iter().partition(|f| r.is_failing(f));
            // One <failure> per test case (strict JUnit readers accept no more): a case has
            // at most one failing finding (see `written`).
            if let Some(first) = failing.first() {
                let lines: Vec<String> = failing
                    .iter()
                    // Each line starts with the rule's code, never with user text: a log
                    // that prints the file cannot mistake a line for a CI command.
                    .map(|f| {
                        format!(
                            "{} {}:{}:{}: {}",
                            f.code,
                            r.file(f),
                            f.at.line,
                            f.at.column,
                            f.message.get(lang)
                        )
                    })
                    .collect();
                suites.push_str(&format!(
                    "      <failure message=\"{}\" type=\"{}\">{}</failure>\n",
                    xml(first.message.get(lang)),
                    first.severity.name(),
                    xml(&lines.join("\n"))
                ));
            }
            if !other.is_empty() {
                let notes: Vec<String> = other
                    .iter()
                    .map(|f| {
                        format!(
                            "{} {}:{}: {} [{}]",
                            f.code,
                            r.file(f),
                            f.at.line,
                            f.message.get(lang),
                            status_note(f, lang)
                        )
                    })
                    .collect();
                suites.push_str(&format!(
                    "      <system-out>{}</system-out>\n",
                    xml(&notes.join("\n"))
                ));
            }
            suites.push_str("    </testcase>\n");
        }
        suites.push_str("  </testsuite>\n");
    }
    (suites, total_tests, total_failures)
}

fn status_note(f: &Finding, lang: Lang) -> String {
    match (f.status_name(), lang) {
        ("avvik", Lang::Nb) => "godkjent avvik".into(),
        ("avvik", Lang::En) => "approved deviation".into(),
        ("baseline", Lang::Nb) => "kjent fra baseline".into(),
        ("baseline", Lang::En) => "known from the baseline".into(),
        (_, Lang::Nb) => format!("{} under --fail-on", f.severity.name()),
        (_, Lang::En) => format!("{} below --fail-on", f.severity.label(Lang::En)),
    }
}
