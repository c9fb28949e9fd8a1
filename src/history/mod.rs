//! Earlier results for the report's trend: `--tidligere FILE` (a `check --format json` or
//! `report --format json` result, or a folder of them), read within the size limit and
//! parsed into points of the trend, each with the kommunenummer it belongs to; and
//! `--historikk` (git.rs): earlier commits of the kommune folder, read without touching the
//! working tree.

pub mod git;

use crate::diagnostic::Diagnostic;
use crate::figures::trend::{Point, TrendFigures, per_tertial, prefix, tertial};
use crate::model::Date;
use crate::text::{Text, shorten};
use serde::Deserialize;
use std::collections::BTreeMap;

/// One kommune's earlier result.
pub struct Earlier {
    pub kommunenummer: String,
    pub point: Point,
}

#[derive(Deserialize)]
struct CheckResult {
    kommune: KommuneJson,
    dato: String,
    findings: Vec<FindingJson>,
    #[serde(default)]
    key_figures: Option<KeyJson>,
}

#[derive(Deserialize)]
struct ReportResult {
    dato: String,
    kommuner: Vec<ReportKommune>,
}

#[derive(Deserialize)]
struct ReportKommune {
    kommunenummer: String,
    figures: ReportFigures,
    findings: Vec<FindingJson>,
}

#[derive(Deserialize)]
struct ReportFigures {
    key: KeyJson,
}

#[derive(Deserialize)]
struct KommuneJson {
    kommunenummer: String,
}

#[derive(Deserialize)]
struct FindingJson {
    code: String,
    status: String,
}

/// The parts of `key_figures` a trend follows.
#[derive(Deserialize)]
struct KeyJson {
    systems: SystemsJson,
    growth: GrowthJson,
    national_components: ComponentsJson,
    benefit_plans: PlansJson,
    benefits: BenefitsJson,
}

#[derive(Deserialize)]
struct SystemsJson {
    in_use: usize,
    cloud_percent: Option<f64>,
}

#[derive(Deserialize)]
struct GrowthJson {
    introduced: usize,
    phased_out: usize,
}

#[derive(Deserialize)]
struct ComponentsJson {
    covered_percent: Option<f64>,
}

#[derive(Deserialize)]
struct PlansJson {
    projects: usize,
    complete: Option<usize>,
}

#[derive(Deserialize)]
struct BenefitsJson {
    total: usize,
    measured: usize,
}

impl KeyJson {
    fn figures(&self) -> TrendFigures {
        TrendFigures {
            systems_in_use: self.systems.in_use,
            cloud_percent: self.systems.cloud_percent,
            introduced: self.growth.introduced,
            phased_out: self.growth.phased_out,
            components_covered_percent: self.national_components.covered_percent,
            projects: self.benefit_plans.projects,
            complete_benefit_plans: self.benefit_plans.complete,
            benefits: self.benefits.total,
            benefits_measured: self.benefits.measured,
        }
    }
}

/// `known`: the principle prefixes the report has; breaches of other codes count in the
/// total only (a made-up code must not become a column).
fn point(
    date: Date,
    source: &str,
    findings: &[FindingJson],
    key: Option<&KeyJson>,
    known: &[&str],
) -> Point {
    let mut by_principle = BTreeMap::new();
    // `open` and `baseline` are breaches; `avvik` is covered by an approved deviation.
    let breaches: Vec<&FindingJson> = findings.iter().filter(|f| f.status != "avvik").collect();
    for f in &breaches {
        let prefix = prefix(&f.code);
        if known.contains(&prefix) {
            *by_principle.entry(prefix.to_string()).or_insert(0) += 1;
        }
    }
    Point {
        tertial: tertial(date),
        date: date.to_string(),
        source: source.to_string(),
        breaches: breaches.len(),
        by_principle,
        figures: key.map(KeyJson::figures),
    }
}

/// The points of one earlier result (one per kommune it holds); `shown` names it.
pub fn parse(bytes: &[u8], shown: &str, known: &[&str]) -> Result<Vec<Earlier>, Box<Diagnostic>> {
    let hint = Text::new(
        "Et tidligere resultat er en fil fra prinsipp check --format json=FIL eller prinsipp report --format json=FIL",
        "An earlier result is a file from prinsipp check --format json=FILE or prinsipp report --format json=FILE",
    );
    let fail = |line: usize, column: usize, nb: String, en: String| {
        Box::new(
            Diagnostic::error(shown, line as u32, column as u32, Text::new(nb, en))
                .with_hint(hint.clone()),
        )
    };
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| {
        let why = shorten(&e.to_string()).into_owned();
        fail(
            e.line(),
            e.column(),
            format!("Ugyldig JSON: {why}"),
            format!("Invalid JSON: {why}"),
        )
    })?;
    let date = |text: &str| {
        Date::parse(text).ok_or_else(|| {
            fail(
                0,
                0,
                format!("`dato` er ikke en dato ÅÅÅÅ-MM-DD: «{}»", shorten(text)),
                format!("`dato` is not a date YYYY-MM-DD: «{}»", shorten(text)),
            )
        })
    };
    // Read again from the bytes for the shape, so that a mistake has its line and column.
    let shape = |e: serde_json::Error| {
        let why = shorten(&e.to_string()).into_owned();
        fail(
            e.line(),
            e.column(),
            format!("Ikke et resultat fra prinsipp: {why}"),
            format!("Not a result of prinsipp: {why}"),
        )
    };
    if value.get("report_format_version").is_some() {
        drop(value);
        let result: ReportResult = serde_json::from_slice(bytes).map_err(shape)?;
        let date = date(&result.dato)?;
        return Ok(result
            .kommuner
            .iter()
            .map(|k| Earlier {
                kommunenummer: k.kommunenummer.clone(),
                point: point(date, shown, &k.findings, Some(&k.figures.key), known),
            })
            .collect());
    }
    drop(value);
    let result: CheckResult = serde_json::from_slice(bytes).map_err(shape)?;
    let date = date(&result.dato)?;
    Ok(vec![Earlier {
        kommunenummer: result.kommune.kommunenummer.clone(),
        point: point(
            date,
            shown,
            &result.findings,
            result.key_figures.as_ref(),
            known,
        ),
    }])
}

/// Each kommune's trend: its earlier points and this check's, one per tertial.
pub fn trends(
    earlier: Vec<Earlier>,
    now: Vec<(String, Point)>,
) -> (BTreeMap<String, Vec<Point>>, Vec<Earlier>) {
    let known: Vec<String> = now.iter().map(|(n, _)| n.clone()).collect();
    let (mine, stray): (Vec<Earlier>, Vec<Earlier>) = earlier
        .into_iter()
        .partition(|e| known.contains(&e.kommunenummer));
    let mut points: BTreeMap<String, Vec<Point>> = BTreeMap::new();
    for e in mine {
        points.entry(e.kommunenummer).or_default().push(e.point);
    }
    for (number, p) in now {
        points.entry(number).or_default().push(p);
    }
    let trends = points
        .into_iter()
        .map(|(number, points)| (number, per_tertial(points)))
        .collect();
    (trends, stray)
}
