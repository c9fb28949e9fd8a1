//! `prinsipp report`: every kommune folder read and checked as `check` would, then the
//! figures, rendered to the files asked for. The report is for reading, not gating: it
//! exits 0 when written, whatever it found, and 2 when an input could not be read.

mod earlier;

use super::kommuner::{KommuneId, ReadKommune, Settled, duplicate_numbers, read_kommuner};
use super::{
    EXIT_INPUT, EXIT_OK, check_output_paths, deliver, file_or_stdout, input_failed, target_allowed,
    write_all,
};
use crate::cli::{AuditFormat, ReportArgs, ReportOutput};
use crate::diagnostic::{Diagnostic, Level};
use crate::figures::{Figures, trend};
use crate::model::Date;
use crate::report::{self, Report, Style};
use crate::text::Text;
use rayon::prelude::*;
use std::io::Write;
use std::path::Path;

pub fn run(
    args: &ReportArgs,
    style: &Style,
    out: &mut impl Write,
    err: &mut impl Write,
) -> std::io::Result<u8> {
    let mut diags = Vec::new();
    let outputs = outputs(args, &mut diags);
    let options = super::load_options(
        &args.folders,
        args.rot.as_deref(),
        args.max_file_size,
        args.max_files,
        &mut diags,
    );
    let limit = options.max_file_bytes;
    let date = args.dato.unwrap_or_else(Date::today);
    let read = read_kommuner(&args.folders, args.config.as_deref(), &options, &mut diags);
    let progress = progress_bar(read.len(), style);
    // Each kommune on any core; what each found is gathered in the folders' order.
    let read: Vec<KommuneRead> = read
        .into_par_iter()
        .map(|read| {
            let read = check_kommune(read, args, date);
            progress.inc(1);
            read
        })
        .collect();
    let mut inputs = Vec::new();
    let mut checked = Vec::new();
    let mut history = Vec::new();
    for r in read {
        inputs.extend(r.inputs);
        diags.extend(r.diags);
        history.extend(r.history);
        checked.extend(r.checked);
    }
    progress.finish_and_clear();
    let ids: Vec<KommuneId> = checked.iter().map(|(p, _, _)| KommuneId::of(p)).collect();
    diags.extend(duplicate_numbers(ids.iter()).into_iter().map(|(_, d)| d));
    let mut known: Vec<&str> = checked
        .iter()
        .flat_map(|(_, s, _)| {
            s.katalog
                .principles
                .iter()
                .map(|p| p.principle.prefix.as_str())
        })
        .collect();
    known.sort_unstable();
    known.dedup();
    let mut earlier = earlier::read(
        &args.tidligere,
        &options.base,
        limit,
        &known,
        &mut inputs,
        &mut diags,
    );
    earlier.extend(history);
    // A result dated after this check is not earlier: it would take this check's place.
    let today = date.to_string();
    earlier.retain(|e| {
        let keep = e.point.date <= today;
        if !keep {
            diags.push(Diagnostic::warning(
                &e.point.source,
                0,
                0,
                Text::new(
                    format!("Resultatet er fra {}, etter vurderingsdatoen {today}; det er ikke tatt med i utviklingen", e.point.date),
                    format!("The result is from {}, after the evaluation date {today}; it is left out of the trend", e.point.date),
                ),
            ));
        }
        keep
    });
    let outputs: Vec<ReportOutput> = outputs
        .into_iter()
        .filter(|o| target_allowed(o.path.as_deref(), &inputs, &options.base, &mut diags))
        .collect();
    if diags.iter().any(|d| d.level == Level::Error) {
        return input_failed(&diags, style, err);
    }
    let figures: Vec<Figures> = checked
        .iter()
        .map(|(portfolio, settings, findings)| {
            Figures::compute(portfolio, findings, settings, date)
        })
        .collect();
    let now_source = Text::new("denne kontrollen", "this check");
    let now = checked
        .iter()
        .zip(&figures)
        .map(|((portfolio, _, findings), f)| {
            let point = trend::point_now(findings, &f.key, date, now_source.get(style.lang));
            (portfolio.kommune.number.clone(), point)
        })
        .collect();
    let (mut trends, stray) = crate::history::trends(earlier, now);
    for e in stray {
        diags.push(Diagnostic::warning(
            &e.point.source,
            0,
            0,
            Text::new(
                format!("Resultatet gjelder kommunenummer {}, som ingen av kommunene i rapporten har; det er ikke tatt med", e.kommunenummer),
                format!("The result is for kommunenummer {}, which no kommune in the report has; it is left out", e.kommunenummer),
            ),
        ));
    }
    write_all(err, &report::diagnostics::render(&diags, style))?;
    let kommuner: Vec<report::html::Kommune> = checked
        .iter()
        .zip(figures)
        .map(
            |((portfolio, settings, findings), figures)| report::html::Kommune {
                report: Report {
                    portfolio,
                    findings,
                    settings,
                    date,
                    fail_on: Some(crate::finding::Severity::Feil),
                    resolved: None,
                    known: None,
                    diagnostics: &[],
                    lang: style.lang,
                    collapse_above: None,
                },
                figures,
                trend: trends.remove(&portfolio.kommune.number).unwrap_or_default(),
            },
        )
        .collect();
    for output in &outputs {
        let bytes = match output.format {
            AuditFormat::Html => report::html::render(&kommuner, style.lang).into_bytes(),
            AuditFormat::Json => report::audit_json::render(&kommuner, date).into_bytes(),
            AuditFormat::Xlsx => match report::xlsx::render(&kommuner, date, style.lang) {
                Ok(bytes) => bytes,
                Err(e) => {
                    let d = Diagnostic::error(
                        &output
                            .path
                            .as_deref()
                            .unwrap_or(Path::new("-"))
                            .display()
                            .to_string(),
                        0,
                        0,
                        Text::new(
                            format!("Kan ikke lage arbeidsboka: {e}"),
                            format!("Cannot make the workbook: {e}"),
                        ),
                    );
                    write_all(err, &report::diagnostics::render(&[d], style))?;
                    return Ok(EXIT_INPUT);
                }
            },
        };
        let what = Text::new("rapporten", "the report");
        if !deliver(
            output.path.as_deref(),
            &bytes,
            &what,
            &inputs,
            style,
            out,
            err,
        )? {
            return Ok(EXIT_INPUT);
        }
    }
    Ok(EXIT_OK)
}

/// One kommune folder read and checked, with its history when asked for.
struct KommuneRead {
    inputs: Vec<crate::input::Identity>,
    diags: Vec<Diagnostic>,
    history: Vec<crate::history::Earlier>,
    checked: Option<(
        crate::model::Portfolio,
        crate::settings::Settings,
        Vec<crate::finding::Finding>,
    )>,
}

fn check_kommune(read: ReadKommune, args: &ReportArgs, date: Date) -> KommuneRead {
    let Settled {
        path,
        mut diags,
        inputs,
        ready,
    } = read.settle(args.strategi.as_deref());
    let mut history = Vec::new();
    let checked = match ready {
        Some((portfolio, settings)) => {
            if let Some(from) = args.historikk {
                let number = &portfolio.kommune.number;
                history.extend(earlier::months(args, &path, from, date, number, &mut diags));
            }
            let findings = crate::rules::check(&portfolio, &settings, date);
            Some((portfolio, settings, findings))
        }
        _ => None,
    };
    KommuneRead {
        inputs,
        diags,
        history,
        checked,
    }
}

/// A progress bar on stderr while many kommuner are checked: only on a terminal, and not
/// when `CI` is set (a CI log gets no animation).
fn progress_bar(count: usize, style: &Style) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    let wanted = count > 1
        && std::io::stderr().is_terminal()
        && std::env::var_os("CI").is_none_or(|v| v.is_empty());
    if !wanted {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(count as u64);
    let template = Text::new(
        "{bar:40} {pos}/{len} kommuner kontrollert",
        "{bar:40} {pos}/{len} kommuner checked",
    );
    if let Ok(s) = indicatif::ProgressStyle::with_template(template.get(style.lang)) {
        bar.set_style(s);
    }
    bar
}

/// The outputs asked for: `--html FILE` and each `--format`; at least one, at most one to
/// stdout, and an xlsx only to a file.
fn outputs(args: &ReportArgs, diags: &mut Vec<Diagnostic>) -> Vec<ReportOutput> {
    let mut outputs: Vec<ReportOutput> = args
        .html
        .iter()
        .map(|path| ReportOutput {
            format: AuditFormat::Html,
            path: Some(path.clone()),
        })
        .chain(args.outputs.iter().cloned())
        .map(|o| ReportOutput {
            path: file_or_stdout(o.path),
            ..o
        })
        .collect();
    if outputs.is_empty() {
        diags.push(
            Diagnostic::error(
                "--html",
                0,
                0,
                Text::new("Si hvor rapporten skal skrives", "Say where the report goes"),
            )
            .with_hint(Text::new(
                "prinsipp report MAPPE --html rapport.html (eller --format json=rapport.json, --format xlsx=rapport.xlsx)",
                "prinsipp report FOLDER --html report.html (or --format json=report.json, --format xlsx=report.xlsx)",
            )),
        );
    }
    let hint = Text::new(
        "Send de andre til filer: --html rapport.html --format json=rapport.json",
        "Send the others to files: --html report.html --format json=report.json",
    );
    check_output_paths(outputs.iter().map(|o| o.path.as_deref()), hint, diags);
    let workbook_to_stdout = |o: &ReportOutput| o.format == AuditFormat::Xlsx && o.path.is_none();
    if outputs.iter().any(workbook_to_stdout) {
        diags.push(
            Diagnostic::error(
                "--format",
                0,
                0,
                Text::new(
                    "En arbeidsbok skrives til en fil, ikke til standard ut",
                    "A workbook is written to a file, not to standard output",
                ),
            )
            .with_hint(Text::new(
                "--format xlsx=rapport.xlsx",
                "--format xlsx=report.xlsx",
            )),
        );
    }
    outputs.retain(|o| !workbook_to_stdout(o));
    outputs
}
