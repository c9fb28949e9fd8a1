//! `--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF consumers.
//! Approved deviations are suppressions (shown as dismissed), not dropped; with a baseline,
//! results carry `baselineState`.

use super::Report;
use super::escape;
use crate::diagnostic::Diagnostic;
use crate::finding::{Severity, Status};
use crate::text::Lang;
use serde_json::{Value, json};

/// Where the rule documentation (docs/regler.md) is published, set in one place: the
/// build's `PRINSIPP_DOCS_URL`, e.g. the file in the project's repository at the revision
/// built. A rule's anchor there is its code in lower case. Without it, the rules carry
/// their full help text and no link: a link that does not resolve is worse than none.
pub const DOCS_URL: Option<&str> = option_env!("PRINSIPP_DOCS_URL");

/// A rule's help link under the documentation's address, if there is one.
pub fn help_uri(base: Option<&str>, code: &str) -> Option<String> {
    base.filter(|b| !b.is_empty())
        .map(|b| format!("{b}#{}", code.to_lowercase()))
}

/// The base the results' file paths are relative to: the run's root (see
/// `load::PathBase`), given in `originalUriBaseIds` so that a consumer can find the files
/// wherever the run was started.
const ROOT: &str = "%SRCROOT%";

/// Where a file is: relative to [`ROOT`], or, outside it, an absolute `file:` URI.
fn artifact(file: &str, root: &str) -> Value {
    if file.starts_with('/') {
        json!({ "uri": format!("file://{}", escape::uri_path(file)) })
    } else if root.is_empty() {
        json!({ "uri": escape::uri_path(file) })
    } else {
        json!({ "uri": escape::uri_path(file), "uriBaseId": ROOT })
    }
}

/// The root as a `file:` URI ending in `/`.
fn root_uri(root: &str) -> String {
    let path = root.trim_end_matches('/');
    if path.is_empty() {
        return "file:///".to_string();
    }
    let lead = if path.starts_with('/') { "" } else { "/" };
    format!("file://{lead}{}/", escape::uri_path(path))
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Feil => "error",
        Severity::Advarsel => "warning",
        Severity::Info => "note",
    }
}

pub fn render(r: &Report) -> String {
    let codes = r.settings.enabled_codes();
    let rules = codes.iter().filter_map(|code| rule(r, code)).collect();
    let results = r
        .findings
        .iter()
        .map(|f| result(r, f, codes.iter().position(|c| *c == f.code)))
        .collect();
    document(rules, results, &r.portfolio.root, r.diagnostics, r.lang)
}

/// The document of a run that could not read its input (exit 2): the load errors as
/// results of the rule `INNLESING`, every problem as a tool execution notification.
pub fn render_unread(diags: &[Diagnostic], root: &str, lang: Lang) -> String {
    document_with(Vec::new(), &[], root, diags, lang)
}

/// One kommune's share of a run of several: the rules it ran and its results, each with
/// its kommune in `properties`. Results name their rule by `ruleId` only: the joined rule
/// list is not known while a kommune is rendered (`ruleIndex` is optional in SARIF).
pub fn part(r: &Report) -> super::several::Part {
    let codes = r.settings.enabled_codes();
    let rules = codes
        .iter()
        .filter_map(|code| Some((code.to_string(), rule(r, code)?)))
        .collect();
    let k = &r.portfolio.kommune;
    let results = r
        .findings
        .iter()
        .map(|f| {
            let mut result = result(r, f, None);
            result["properties"] = json!({
                "kommune": escape::line(&k.name),
                "kommunenummer": escape::line(&k.number),
            });
            serde_json::to_string_pretty(&result).unwrap_or_default()
        })
        .collect();
    super::several::Part::Sarif { rules, results }
}

/// Several kommuner in one SARIF run: every rule any of them ran (described as the first
/// kommune that runs it has it), every result with its kommune in `properties`, and the
/// run's problems (`diags`; the load errors of kommuner that could not be read).
pub fn join_several(
    parts: Vec<super::several::Part>,
    diags: &[Diagnostic],
    root: &str,
    lang: Lang,
) -> String {
    let mut codes: Vec<String> = Vec::new();
    let mut rules = Vec::new();
    let mut results = Vec::new();
    for part in parts {
        let super::several::Part::Sarif {
            rules: r,
            results: res,
            ..
        } = part
        else {
            continue;
        };
        for (code, rule) in r {
            if !codes.contains(&code) {
                codes.push(code);
                rules.push(rule);
            }
        }
        results.extend(res);
    }
    document_with(rules, &results, root, diags, lang)
}

fn rule(r: &Report, code: &str) -> Option<Value> {
    let lang = r.lang;
    let k = &r.settings.katalog;
    k.rule(code).map(|rule| {
        let principle = k
            .principle_of(&rule.code)
            .map_or("", |p| p.principle.name.get(lang));
        let sources: Vec<String> = rule
            .sources
            .iter()
            .map(|s| format!("{} {}", s.doc, s.section))
            .collect();
        let help = escape::lines(&format!(
            "{}\n\n{}",
            rule.checks.get(lang),
            rule.comply.get(lang)
        ));
        let md = |text: &str| super::rule_markdown(r.settings, &rule.code, text).into_owned();
        let markdown = format!(
            "**{}**\n\n{}\n\n{}\n\n```yaml\n{}\n```\n\n{}",
            md(principle),
            md(rule.checks.get(lang)),
            md(rule.comply.get(lang)),
            rule.example.trim_end(),
            sources.join("; ")
        );
        let mut value = json!({
            "id": rule.code,
            "name": rule.code.replace('-', ""),
            "shortDescription": { "text": escape::line(rule.title.get(lang)) },
            "fullDescription": { "text": escape::lines(rule.checks.get(lang)) },
            "help": { "text": help, "markdown": markdown },
            "defaultConfiguration": { "level": level(r.settings.severity(&rule.code)) },
            "properties": { "tags": [escape::line(principle)], "sources": sources },
        });
        // The kommune's own rules are documented in its prinsipp.toml, not at the address.
        let builtin = crate::rules::rule(&rule.code).is_some();
        if let Some(uri) = help_uri(DOCS_URL, &rule.code).filter(|_| builtin) {
            value["helpUri"] = json!(uri);
        }
        value
    })
}

fn result(r: &Report, f: &crate::finding::Finding, rule_index: Option<usize>) -> Value {
    let lang = r.lang;
    let mut result = json!({
        "ruleId": f.code,
        "level": level(f.severity),
        "message": { "text": escape::line(f.message.get(lang)) },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": artifact(r.file(f), &r.portfolio.root),
                "region": { "startLine": f.at.line.max(1), "startColumn": f.at.column.max(1) },
            },
            "logicalLocations": [{
                "fullyQualifiedName": format!("{}{}", f.subject.label().replace(' ', "/"), f.path),
                "kind": f.subject.kind(),
            }],
        }],
        "partialFingerprints": { "prinsipp/v2": f.fingerprint.clone() },
    });
    if let Some(index) = rule_index {
        result["ruleIndex"] = json!(index);
    }
    if let Status::Avvik {
        reference,
        valid_until,
    } = &f.status
    {
        let (approved, to) = match lang {
            crate::text::Lang::Nb => ("Godkjent avvik", "til"),
            crate::text::Lang::En => ("Approved deviation", "until"),
        };
        let until = valid_until
            .map(|d| format!(" {to} {d}"))
            .unwrap_or_default();
        let reference = escape::line(reference.as_deref().unwrap_or(""));
        let justification = format!("{approved} {reference}{until}");
        result["suppressions"] = json!([{ "kind": "external", "status": "accepted", "justification": justification.trim() }]);
    }
    if let Some(known) = r.known {
        result["baselineState"] = json!(if known.contains(&f.fingerprint) {
            "unchanged"
        } else {
            "new"
        });
    }
    result
}

fn document(
    rules: Vec<Value>,
    results: Vec<Value>,
    root: &str,
    diags: &[Diagnostic],
    lang: Lang,
) -> String {
    let results: Vec<String> = results
        .iter()
        .map(|r| serde_json::to_string_pretty(r).unwrap_or_default())
        .collect();
    document_with(rules, &results, root, diags, lang)
}

/// The SARIF document with `results` (each pretty at the top level) spliced in; `root` is
/// the folder the results' paths start from; `diags`, how the input was read, come first
/// as results of the load rule and as the invocation's notifications.
fn document_with(
    mut rules: Vec<Value>,
    results: &[String],
    root: &str,
    diags: &[Diagnostic],
    lang: Lang,
) -> String {
    let (load_rule, load_results, invocation) =
        super::unread::sarif(diags, lang, |file| artifact(file, root));
    rules.extend(load_rule);
    let mut all: Vec<String> = load_results
        .iter()
        .map(|r| serde_json::to_string_pretty(r).unwrap_or_default())
        .collect();
    all.extend_from_slice(results);
    let results = &all;
    let none: Vec<Value> = Vec::new();
    let sarif = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "prinsipp",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "results": none,
            "columnKind": "unicodeCodePoints",
        }],
    });
    let mut sarif = sarif;
    if let Some(invocation) = invocation {
        sarif["runs"][0]["invocations"] = json!([invocation]);
    }
    if !root.is_empty() {
        sarif["runs"][0]["originalUriBaseIds"] = json!({ ROOT: { "uri": root_uri(root) } });
    }
    if let Some(base) = DOCS_URL.filter(|b| !b.is_empty()) {
        sarif["runs"][0]["tool"]["driver"]["informationUri"] = json!(base);
    }
    let doc = serde_json::to_string_pretty(&sarif).unwrap_or_else(|_| "{}".to_string());
    let mut text = escape::json_inert(super::several::splice_array(&doc, "results", results, 8));
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::{artifact, help_uri, root_uri};
    use serde_json::json;

    #[test]
    fn paths_are_relative_to_the_root_which_is_a_file_uri() {
        assert_eq!(root_uri("/repo"), "file:///repo/");
        assert_eq!(root_uri("/"), "file:///");
        assert_eq!(
            root_uri("/srv/kommune data/æ"),
            "file:///srv/kommune%20data/%C3%A6/"
        );
        assert_eq!(
            artifact("kommune/prosjekter/x y.yaml", "/repo"),
            json!({ "uri": "kommune/prosjekter/x%20y.yaml", "uriBaseId": "%SRCROOT%" })
        );
        // Outside the root: an absolute URI, no base.
        assert_eq!(
            artifact("/tmp/k/kommune.yaml", "/repo"),
            json!({ "uri": "file:///tmp/k/kommune.yaml" })
        );
    }

    #[test]
    fn help_links_come_from_one_base_or_not_at_all() {
        let base = "https://example.org/prinsipp/blob/abc123/docs/regler.md";
        assert_eq!(
            help_uri(Some(base), "SKY-01").as_deref(),
            Some("https://example.org/prinsipp/blob/abc123/docs/regler.md#sky-01")
        );
        assert_eq!(help_uri(None, "SKY-01"), None);
        assert_eq!(help_uri(Some(""), "SKY-01"), None);
    }
}
