//! `--format json`: the machine-readable result, versioned (docs/json.md). A later run reads
//! it back as a baseline, so fields are only ever added within a format version.

use super::Report;
use super::unread::JsonDiagnostic;
use crate::diagnostic::Diagnostic;
use crate::finding::Status;
use crate::model::GevinstType;
use crate::text::Lang;
use serde::Serialize;

/// Bumped when a field changes meaning or goes away; adding a field does not bump it.
pub const FORMAT_VERSION: u32 = 2;

/// One kommune's result. In a result of several kommuner the run's own fields
/// (`format_version`, `tool`, `dato`, `fail_on`) stand once, above the kommuner.
#[derive(Serialize)]
struct JsonReport<'a> {
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    run: Option<RunFields>,
    kommune: Kommune<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    dato: Option<String>,
    strategi: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fail_on: Option<Option<&'a str>>,
    counts: JsonCounts,
    rules: Vec<JsonRule<'a>>,
    findings: Vec<JsonFinding<'a>>,
    /// With --baseline: findings of the baseline that no longer occur; otherwise null.
    resolved: Option<Vec<JsonResolved<'a>>>,
    gevinster: Vec<JsonBenefit<'a>>,
    /// The portfolio's key figures (docs/rapport.md), so that a later report can draw the
    /// trend from this result.
    key_figures: crate::figures::key::KeyFigures,
    /// How the input was read (warnings); in a result of several kommuner, once for all.
    #[serde(skip_serializing_if = "Option::is_none")]
    diagnostics: Option<Vec<JsonDiagnostic>>,
}

#[derive(Serialize)]
struct RunFields {
    format_version: u32,
    tool: Tool,
}

/// Several kommuner's result: the run's fields, the totals, and each kommune's result.
#[derive(Serialize)]
struct JsonSeveral<'a> {
    format_version: u32,
    tool: Tool,
    dato: String,
    fail_on: Option<&'a str>,
    counts: JsonCounts,
    kommuner: Vec<JsonReport<'a>>,
    /// The run's problems: the warnings, and the errors of kommuner that could not be read.
    diagnostics: Vec<JsonDiagnostic>,
}

/// A run that could not read its input: the run's fields and what went wrong.
#[derive(Serialize)]
struct JsonUnread<'a> {
    format_version: u32,
    tool: Tool,
    dato: String,
    fail_on: Option<&'a str>,
    diagnostics: Vec<JsonDiagnostic>,
}

#[derive(Serialize)]
pub(crate) struct Tool {
    name: &'static str,
    version: &'static str,
}

impl Tool {
    pub(crate) fn prinsipp() -> Tool {
        Tool {
            name: "prinsipp",
            version: env!("CARGO_PKG_VERSION"),
        }
    }
}

#[derive(Serialize)]
struct Kommune<'a> {
    navn: &'a str,
    kommunenummer: &'a str,
}

#[derive(Serialize, Default)]
pub struct JsonCounts {
    feil: usize,
    advarsel: usize,
    info: usize,
    avvik: usize,
    baseline: usize,
    resolved: usize,
    failing: usize,
    systemer: usize,
    prosjekter: usize,
}

#[derive(Serialize)]
struct JsonRule<'a> {
    code: &'a str,
    severity: &'a str,
    principle: &'a str,
    title: &'a str,
    comply: &'a str,
    sources: Vec<String>,
    strategi_avsnitt: Option<String>,
}

#[derive(Serialize)]
pub(crate) struct JsonFinding<'a> {
    fingerprint: String,
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
    /// `open`, `avvik` (an approved deviation covers it) or `baseline` (known from --baseline).
    status: &'a str,
    avvik_ref: Option<&'a str>,
    avvik_gyldig_til: Option<String>,
    strategi_avsnitt: Option<&'a str>,
    /// The subject's `merknad`, as written.
    merknad: Option<&'a str>,
    /// The kommune the finding is in: its name and number from kommune.yaml.
    kommune: &'a str,
    kommunenummer: &'a str,
    /// For a finding on an IKT-samarbeid's shared system or project: the owner kommuner
    /// that use it (by their names in samarbeid.yaml); otherwise null.
    felles_for: Option<Vec<String>>,
}

#[derive(Serialize)]
struct JsonResolved<'a> {
    fingerprint: &'a str,
    code: &'a str,
    subject_kind: &'a str,
    subject_id: Option<&'a str>,
    message: &'a str,
    path: &'a str,
}

#[derive(Serialize)]
struct JsonBenefit<'a> {
    prosjekt: &'a str,
    gevinst: Option<&'a str>,
    maaleenhet: Option<&'a str>,
    nullpunkt: Option<f64>,
    maalverdi: Option<f64>,
    siste_maaling: Option<f64>,
    maaloppnaaelse_prosent: Option<f64>,
}

/// Every finding as `--format json` writes it (the report's JSON holds the same).
pub(crate) fn findings<'a>(r: &Report<'a>) -> Vec<JsonFinding<'a>> {
    let lang = r.lang;
    r.findings
        .iter()
        .map(|f| {
            let (avvik_ref, avvik_gyldig_til) = match &f.status {
                Status::Avvik {
                    reference,
                    valid_until,
                } => (reference.as_deref(), valid_until.map(|d| d.to_string())),
                _ => (None, None),
            };
            JsonFinding {
                fingerprint: f.fingerprint.clone(),
                code: &f.code,
                severity: f.severity.name(),
                subject_kind: f.subject.kind(),
                subject_id: f.subject.id(),
                system: f.system.as_deref(),
                message: f.message.get(lang),
                file: r.file(f),
                line: f.at.line,
                column: f.at.column,
                path: &f.path,
                status: f.status_name(),
                avvik_ref,
                avvik_gyldig_til,
                strategi_avsnitt: f.section.as_deref(),
                merknad: crate::figures::subjects::note(r.portfolio, &f.subject),
                kommune: &r.portfolio.kommune.name,
                kommunenummer: &r.portfolio.kommune.number,
                felles_for: r.shared_with(f),
            }
        })
        .collect()
}

pub fn render(r: &Report) -> String {
    pretty(&kommune_report(r, true))
}

/// One kommune's share of a result of several.
pub fn part(r: &Report) -> super::several::Part {
    let report = kommune_report(r, false);
    let text = serde_json::to_string_pretty(&report).unwrap_or_else(|_| "{}".to_string());
    super::several::Part::Json {
        text,
        counts: report.counts,
    }
}

/// The document of a run that could not read its input (exit 2).
pub fn render_unread(
    diags: &[Diagnostic],
    date: crate::model::Date,
    fail_on: Option<crate::finding::Severity>,
    lang: Lang,
) -> String {
    pretty(&JsonUnread {
        format_version: FORMAT_VERSION,
        tool: Tool::prinsipp(),
        dato: date.to_string(),
        fail_on: fail_on.map(|s| s.name()),
        diagnostics: super::unread::json_items(diags, lang),
    })
}

/// Several kommuners' results as one document: the run's fields, the totals, each
/// kommune's result, and the run's problems (`diags`).
pub fn join_several(
    parts: Vec<super::several::Part>,
    date: crate::model::Date,
    fail_on: Option<crate::finding::Severity>,
    diags: &[Diagnostic],
    lang: Lang,
) -> String {
    let mut counts = JsonCounts::default();
    let mut objects = Vec::new();
    for part in parts {
        if let super::several::Part::Json { text, counts: c } = part {
            counts.add(&c);
            objects.push(text);
        }
    }
    let head = JsonSeveral {
        format_version: FORMAT_VERSION,
        tool: Tool::prinsipp(),
        dato: date.to_string(),
        fail_on: fail_on.map(|s| s.name()),
        counts,
        kommuner: Vec::new(),
        diagnostics: super::unread::json_items(diags, lang),
    };
    let doc = serde_json::to_string_pretty(&head).unwrap_or_else(|_| "{}".to_string());
    let mut text =
        super::escape::json_inert(super::several::splice_array(&doc, "kommuner", &objects, 4));
    text.push('\n');
    text
}

impl JsonCounts {
    fn add(&mut self, o: &JsonCounts) {
        self.feil += o.feil;
        self.advarsel += o.advarsel;
        self.info += o.info;
        self.avvik += o.avvik;
        self.baseline += o.baseline;
        self.resolved += o.resolved;
        self.failing += o.failing;
        self.systemer += o.systemer;
        self.prosjekter += o.prosjekter;
    }
}

fn pretty(value: &impl Serialize) -> String {
    let mut text = super::escape::json_inert(
        serde_json::to_string_pretty(value).unwrap_or_else(|_| "{}".to_string()),
    );
    text.push('\n');
    text
}

/// One kommune's result; `alone`: the whole document, with the run's fields.
fn kommune_report<'a>(r: &Report<'a>, alone: bool) -> JsonReport<'a> {
    let lang = r.lang;
    let c = r.counts();
    let k = &r.settings.katalog;
    let rules = r
        .settings
        .enabled_codes()
        .into_iter()
        .filter_map(|code| {
            let rule = k.rule(code)?;
            Some(JsonRule {
                code: &rule.code,
                severity: r.settings.severity(code).name(),
                principle: k
                    .principle_of(code)
                    .map_or("", |p| p.principle.name.get(lang)),
                title: rule.title.get(lang),
                comply: rule.comply.get(lang),
                sources: rule
                    .sources
                    .iter()
                    .map(|s| format!("{} {}", s.doc, s.section))
                    .collect(),
                strategi_avsnitt: r.settings.section(code),
            })
        })
        .collect();
    let findings = findings(r);
    let resolved = r.resolved.map(|list| {
        list.iter()
            .map(|e| JsonResolved {
                fingerprint: &e.fingerprint,
                code: &e.code,
                subject_kind: &e.subject_kind,
                subject_id: e.subject_id.as_deref(),
                message: &e.message,
                path: &e.path,
            })
            .collect()
    });
    let gevinster = r
        .portfolio
        .judged_projects()
        .flat_map(|p| {
            p.benefit_plan
                .iter()
                .flat_map(move |plan| plan.benefits.iter().map(move |b| (p, b)))
        })
        .filter(|(_, b)| b.kind == Some(GevinstType::Kvantitativ))
        .map(|(p, b)| JsonBenefit {
            prosjekt: &p.id,
            gevinst: b.id.as_deref(),
            maaleenhet: b.unit.as_deref(),
            nullpunkt: b.baseline.as_ref().and_then(|n| n.value),
            maalverdi: b.target,
            siste_maaling: b.last_measurement().and_then(|m| m.value),
            maaloppnaaelse_prosent: b.attainment_percent().map(|p| (p * 10.0).round() / 10.0),
        })
        .collect();
    JsonReport {
        run: alone.then(|| RunFields {
            format_version: FORMAT_VERSION,
            tool: Tool::prinsipp(),
        }),
        kommune: Kommune {
            navn: &r.portfolio.kommune.name,
            kommunenummer: &r.portfolio.kommune.number,
        },
        dato: alone.then(|| r.date.to_string()),
        strategi: r.settings.profile.as_ref().map(|p| p.name.as_str()),
        fail_on: alone.then(|| r.fail_on.map(|s| s.name())),
        counts: JsonCounts {
            feil: c.feil,
            advarsel: c.advarsel,
            info: c.info,
            avvik: c.avvik,
            baseline: c.baseline,
            resolved: c.resolved,
            failing: c.failing,
            systemer: r.portfolio.systems.len(),
            prosjekter: r.portfolio.judged_projects().count(),
        },
        rules,
        findings,
        resolved,
        gevinster,
        key_figures: crate::figures::key::compute(r.portfolio, r.findings, r.settings, r.date),
        diagnostics: alone.then(|| super::unread::json_items(r.diagnostics, lang)),
    }
}
