//! `prinsipp check`: one kommune folder, or several (a parent folder stands for its kommune
//! subfolders), each read and checked on its own, in parallel, and rendered as one result
//! with one exit code.

use super::kommuner::{
    KommuneId, ReadKommune, Settled, duplicate_numbers, kommune_units, read_unit,
};
use super::{
    EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, check_output_paths, deliver, file_or_stdout, input_failed,
    read_baseline, target_allowed, write_all,
};
use crate::baseline::{Baseline, BaselineEntry};
use crate::cli::{CheckArgs, CheckFormat, FailOn, Output};
use crate::diagnostic::{Diagnostic, Level};
use crate::finding::{Finding, Severity};
use crate::input;
use crate::load::LoadOptions;
use crate::model::{Date, Portfolio};
use crate::report::{self, Report, Style};
use crate::settings::Settings;
use crate::text::Text;
use rayon::prelude::*;
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

/// One kommune folder as read: its problems, the files it read, and, when it could be
/// read, what was found.
struct KommuneRun {
    path: PathBuf,
    diags: Vec<Diagnostic>,
    inputs: Vec<input::Identity>,
    checked: Option<Checked>,
}

/// A kommune that could be read, its settings and (unless only the settings are asked for)
/// its findings, with the baseline applied.
struct Checked {
    portfolio: Portfolio,
    settings: Settings,
    findings: Vec<Finding>,
    resolved: Option<Vec<BaselineEntry>>,
    known: Option<HashSet<String>>,
}

pub(super) fn check(
    args: &CheckArgs,
    style: &Style,
    out: &mut impl Write,
    err: &mut impl Write,
) -> std::io::Result<u8> {
    let mut diags = Vec::new();
    let outputs = outputs(args, &mut diags);
    let options = LoadOptions {
        systems: args.systemer.clone(),
        projects: args.prosjekter.clone(),
        ..super::load_options(
            &args.folders,
            args.rot.as_deref(),
            args.max_file_size,
            args.max_files,
            &mut diags,
        )
    };
    // Every file this run reads: no output may replace one of them.
    let mut inputs = Vec::new();
    let baseline = args.baseline.as_deref().and_then(|path| {
        read_baseline(
            path,
            &options.base,
            options.max_file_bytes,
            &mut inputs,
            &mut diags,
        )
    });
    let (units, several) = kommune_units(&args.folders, &options.base, &mut diags);
    let date = args.dato.unwrap_or_else(Date::today);
    let config = args.config.as_deref();
    if !several {
        let read = units
            .iter()
            .flat_map(|unit| read_unit(unit, config, &options))
            .next()
            .expect("one folder named");
        let run = check_kommune(read, args, baseline.as_ref(), date);
        inputs.extend(run.inputs.iter().cloned());
        let outputs = checked_outputs(outputs, &inputs, &options.base, &mut diags);
        let context = Run {
            outputs: &outputs,
            inputs: &inputs,
            base: &options.base,
            date,
        };
        return check_one(args, run, diags, &context, style, out, err);
    }
    refuse_single_kommune_flags(args, &mut diags);
    let formats: Vec<CheckFormat> = outputs.iter().map(|o| o.format).collect();
    // Each kommune is read, checked and rendered on any core, and its portfolio dropped
    // before the next: the run holds the outputs, not every portfolio.
    let mut done: Vec<Done> = units
        .par_iter()
        .map(|unit| {
            read_unit(unit, config, &options)
                .into_iter()
                .map(|read| {
                    let run = check_kommune(read, args, baseline.as_ref(), date);
                    Done::of(run, &formats, args, date, style)
                })
                .collect::<Vec<Done>>()
        })
        .collect::<Vec<Vec<Done>>>()
        .into_iter()
        .flatten()
        .collect();
    let ids: Vec<&KommuneId> = done.iter().filter_map(|d| d.id.as_ref()).collect();
    let duplicates = duplicate_numbers(ids.into_iter());
    for (index, d) in duplicates {
        let kommune = done
            .iter_mut()
            .filter(|k| k.id.is_some())
            .nth(index)
            .expect("the index counts the kommuner that were read");
        kommune.diags.push(d);
        kommune.parts = None;
    }
    for d in &done {
        inputs.extend(d.inputs.iter().cloned());
    }
    // Before anything is written: no output may replace an input or anything not a file.
    let outputs = checked_outputs(outputs, &inputs, &options.base, &mut diags);
    let context = Run {
        outputs: &outputs,
        inputs: &inputs,
        base: &options.base,
        date,
    };
    check_several(args, done, diags, &context, style, out, err)
}

/// One kommune of several, once checked: its share of each output rendered (`None` when
/// it could not be read), its problems.
struct Done {
    path: PathBuf,
    diags: Vec<Diagnostic>,
    inputs: Vec<input::Identity>,
    id: Option<KommuneId>,
    parts: Option<Vec<report::several::Part>>,
    failing: bool,
    read_line: Option<Text>,
}

impl Done {
    fn of(
        run: KommuneRun,
        formats: &[CheckFormat],
        args: &CheckArgs,
        date: Date,
        style: &Style,
    ) -> Done {
        let mut done = Done {
            path: run.path,
            diags: run.diags,
            inputs: run.inputs,
            id: None,
            parts: None,
            failing: false,
            read_line: None,
        };
        if let Some(c) = &run.checked {
            let r = report(c, args, date, style, &[]);
            done.id = Some(KommuneId::of(&c.portfolio));
            done.failing = failing(&r);
            done.read_line = Some(read_line(c, &done.path, date));
            done.parts = Some(formats.iter().map(|f| part(*f, &r, args, style)).collect());
        }
        done
    }
}

/// Builds one kommune's settings and runs the rules (unless only the settings are asked
/// for).
fn check_kommune(
    read: ReadKommune,
    args: &CheckArgs,
    baseline: Option<&Baseline>,
    date: Date,
) -> KommuneRun {
    let Settled {
        path,
        mut diags,
        inputs,
        ready,
    } = read.settle(args.strategi.as_deref());
    let checked = match ready {
        Some((portfolio, settings)) => {
            let mut findings = if args.show_config {
                Vec::new()
            } else {
                crate::rules::check(&portfolio, &settings, date)
            };
            let baseline = baseline.and_then(|b| b.for_kommune(&portfolio.kommune.number));
            if let Some(d) = baseline
                .as_ref()
                .and_then(|b| strategy_changed(b, &settings))
            {
                diags.push(d);
            }
            let known = baseline.as_ref().map(Baseline::fingerprints);
            let resolved =
                baseline.map(|b| b.apply(&mut findings, |code| settings.is_enabled(code)));
            Some(Checked {
                portfolio,
                settings,
                findings,
                resolved,
                known,
            })
        }
        _ => None,
    };
    KommuneRun {
        path,
        diags,
        inputs,
        checked,
    }
}

/// A baseline made against another strategy profile: findings of rules not run now are
/// not counted as resolved, and the user should know.
fn strategy_changed(baseline: &Baseline, settings: &Settings) -> Option<Diagnostic> {
    let now = settings.profile.as_ref().map(|p| p.name.clone());
    if baseline.strategy == now {
        return None;
    }
    let name = |s: &Option<String>| s.clone().unwrap_or_else(|| "alle".to_string());
    Some(Diagnostic::warning(
        "--baseline",
        0,
        0,
        Text::new(
            format!(
                "Baselinen ble laget mot strategien {}, denne kontrollen mot {}: funn fra regler som ikke kjøres nå, regnes ikke som løst",
                name(&baseline.strategy),
                name(&now)
            ),
            format!(
                "The baseline was checked against strategy {}, this check against {}: findings of rules not run now do not count as resolved",
                name(&baseline.strategy),
                name(&now)
            ),
        ),
    ))
}

/// Flags that name one kommune's files or print one kommune's settings make no sense for
/// several.
fn refuse_single_kommune_flags(args: &CheckArgs, diags: &mut Vec<Diagnostic>) {
    let flags = [
        ("--systemer", args.systemer.is_some()),
        ("--prosjekter", args.prosjekter.is_some()),
        ("--show-config", args.show_config),
    ];
    for (flag, _) in flags.iter().filter(|(_, given)| *given) {
        diags.push(
            Diagnostic::error(
                flag,
                0,
                0,
                Text::new(
                    format!("{flag} gjelder én kommune, men kjøringen har flere"),
                    format!("{flag} is for one kommune, but the run has several"),
                ),
            )
            .with_hint(Text::new(
                "Gi én kommunemappe når du bruker flagget",
                "Name one kommune folder when you use the flag",
            )),
        );
    }
}

fn fail_on(args: &CheckArgs) -> Option<Severity> {
    match args.fail_on {
        FailOn::Feil => Some(Severity::Feil),
        FailOn::Advarsel => Some(Severity::Advarsel),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    }
}

fn report<'a>(
    c: &'a Checked,
    args: &CheckArgs,
    date: Date,
    style: &Style,
    diagnostics: &'a [Diagnostic],
) -> Report<'a> {
    Report {
        portfolio: &c.portfolio,
        findings: &c.findings,
        settings: &c.settings,
        date,
        fail_on: fail_on(args),
        resolved: c.resolved.as_deref(),
        known: c.known.as_ref(),
        lang: style.lang,
        diagnostics,
        collapse_above: args.samle.map(|n| usize::try_from(n).unwrap_or(usize::MAX)),
    }
}

/// «Leste 12 filer fra FOLDER; vurderingsdato …; strategi: …» for `--verbose`.
fn read_line(c: &Checked, path: &Path, date: Date) -> Text {
    let profile = c
        .settings
        .profile
        .as_ref()
        .map_or("alle regler".to_string(), |p| p.name.clone());
    let files = c.portfolio.files.len();
    let path = path.display();
    Text::new(
        format!("Leste {files} filer fra {path}; vurderingsdato {date}; strategi: {profile}\n"),
        format!("Read {files} files from {path}; evaluation date {date}; strategy: {profile}\n"),
    )
}

/// What every kommune of a run shares once it is read: the outputs that may be written,
/// the files read (no output may replace one), where paths are shown from, the date.
struct Run<'a> {
    outputs: &'a [Output],
    inputs: &'a [input::Identity],
    base: &'a crate::load::PathBase,
    date: Date,
}

fn check_one(
    args: &CheckArgs,
    run: KommuneRun,
    mut diags: Vec<Diagnostic>,
    context: &Run,
    style: &Style,
    out: &mut impl Write,
    err: &mut impl Write,
) -> std::io::Result<u8> {
    let Run {
        outputs,
        inputs,
        date,
        ..
    } = *context;
    diags.extend(run.diags);
    let checked = match run.checked {
        Some(checked) if !diags.iter().any(|d| d.level == Level::Error) => checked,
        _ => {
            let folder = context.base.show(&run.path);
            write_unread(args, context, &diags, &folder, style, out, err)?;
            return input_failed(&diags, style, err);
        }
    };
    write_all(err, &report::diagnostics::render(&diags, style))?;
    if args.show_config {
        write_all(out, &report::config::render(&checked.settings))?;
        return Ok(EXIT_OK);
    }
    if args.verbose {
        let line = read_line(&checked, &run.path, date);
        write_all(err, line.get(style.lang))?;
    }
    let report = report(&checked, args, date, style, &diags);
    let texts = outputs
        .iter()
        .map(|o| (o, render_one(o.format, &report, args, style)));
    if !deliver_each(texts, inputs, style, out, err)? {
        return Ok(EXIT_INPUT);
    }
    Ok(if failing(&report) {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    })
}

fn check_several(
    args: &CheckArgs,
    done: Vec<Done>,
    diags: Vec<Diagnostic>,
    context: &Run,
    style: &Style,
    out: &mut impl Write,
    err: &mut impl Write,
) -> std::io::Result<u8> {
    let Run {
        outputs,
        inputs,
        base,
        date,
    } = *context;
    let folder = done.first().map_or(String::new(), |d| base.show(&d.path));
    // A problem of the run itself (a flag, the baseline, an output) stops every kommune.
    if diags.iter().any(|d| d.level == Level::Error) {
        let all = unique(
            diags
                .iter()
                .chain(done.iter().flat_map(|d| d.diags.iter()))
                .cloned(),
        );
        write_unread(args, context, &all, &folder, style, out, err)?;
        return input_failed(&all, style, err);
    }
    write_all(err, &report::diagnostics::render(&diags, style))?;
    let mut unread = Vec::new();
    let mut load_problems = Vec::new();
    // Everything said of the run, once: a problem of a shared file or `--config` is one
    // problem however many kommuner met it.
    let every: Vec<Diagnostic> = unique(
        diags
            .iter()
            .chain(done.iter().flat_map(|d| d.diags.iter()))
            .cloned(),
    );
    for d in &done {
        write_all(err, &report::diagnostics::render(&d.diags, style))?;
        if d.parts.is_none() {
            unread.push(base.show(&d.path));
            load_problems.extend(d.diags.iter().cloned());
        }
    }
    if args.verbose {
        for line in done.iter().filter_map(|d| d.read_line.as_ref()) {
            write_all(err, line.get(style.lang))?;
        }
    }
    let all = done.len();
    let failing = done.iter().any(|d| d.failing && d.parts.is_some());
    // Each output's parts, in the kommuner's order.
    let mut by_output: Vec<Vec<report::several::Part>> =
        outputs.iter().map(|_| Vec::new()).collect();
    for d in done {
        for (i, part) in d.parts.into_iter().flatten().enumerate() {
            by_output[i].push(part);
        }
    }
    let load_problems = unique(load_problems.into_iter());
    let joined = Joined {
        every: &every,
        problems: &load_problems,
        folder: &folder,
        root: base.root(),
    };
    let texts = outputs.iter().zip(by_output).map(|(output, parts)| {
        let text = join(output.format, parts, args, date, style, &joined);
        (output, text)
    });
    if !deliver_each(texts, inputs, style, out, err)? {
        return Ok(EXIT_INPUT);
    }
    if !unread.is_empty() {
        let n = unread.len();
        let message = Text::new(
            format!(
                "Kunne ikke lese {n} av {all} kommuner ({}); de andre er kontrollert. Rett feilene over og kjør igjen.",
                unread.join(", ")
            ),
            format!(
                "Could not read {n} of {all} kommuner ({}); the others were checked. Fix the errors above and run again.",
                unread.join(", ")
            ),
        );
        write_all(err, &format!("{}\n", message.get(style.lang)))?;
        return Ok(EXIT_INPUT);
    }
    Ok(if failing { EXIT_FINDINGS } else { EXIT_OK })
}

/// The diagnostics in their order, each said once.
fn unique(diags: impl Iterator<Item = Diagnostic>) -> Vec<Diagnostic> {
    let mut seen = HashSet::new();
    diags
        .filter(|d| {
            seen.insert((
                d.level,
                d.file.clone(),
                d.line,
                d.column,
                d.message.nb.clone(),
            ))
        })
        .collect()
}

/// Whether the kommune has an open finding at or above `--fail-on`.
fn failing(r: &Report) -> bool {
    r.findings.iter().any(|f| r.is_failing(f))
}

/// Writes each output's text to its file or stdout (markdown with its marker); `false`
/// when one could not be written (said on stderr). An output that cannot be written does
/// not keep the others from being written.
fn deliver_each<'o>(
    texts: impl Iterator<Item = (&'o Output, String)>,
    inputs: &[input::Identity],
    style: &Style,
    out: &mut impl Write,
    err: &mut impl Write,
) -> std::io::Result<bool> {
    let what = Text::new("rapporten", "the report");
    let mut written = true;
    for (output, text) in texts {
        let text = with_marker(output.format, text);
        written &= deliver(
            output.path.as_deref(),
            &text,
            &what,
            inputs,
            style,
            out,
            err,
        )?;
    }
    Ok(written)
}

/// Markdown starts with a hidden marker, so that a workflow finds its own earlier comment.
fn with_marker(format: CheckFormat, text: String) -> String {
    if format == CheckFormat::Markdown {
        format!("{}\n{text}", report::markdown::MARKER)
    } else {
        text
    }
}

/// One kommune's result in one format (with `--oppsummering`, the summary in its place).
fn render_one(format: CheckFormat, r: &Report, args: &CheckArgs, style: &Style) -> String {
    let summary = || crate::figures::Figures::compute(r.portfolio, r.findings, r.settings, r.date);
    match format {
        CheckFormat::Table if args.oppsummering => {
            report::summary::text(&summary().summary, r, style)
        }
        CheckFormat::Markdown if args.oppsummering => {
            report::summary::markdown(&summary().summary, r)
        }
        CheckFormat::Table => report::table::render(r, style, args.quiet),
        CheckFormat::Json => report::json::render(r),
        CheckFormat::Sarif => report::sarif::render(r),
        CheckFormat::Junit => report::junit::render(r),
        CheckFormat::Github => report::github::render(r),
        CheckFormat::Gitlab => report::gitlab::render(r),
        CheckFormat::Markdown => report::markdown::render(r),
    }
}

/// One kommune's share of an output of several: the table and markdown a section headed
/// by the kommune; the machine formats every finding with its kommune.
fn part(format: CheckFormat, r: &Report, args: &CheckArgs, style: &Style) -> report::several::Part {
    use report::several::{Part, section};
    match format {
        // Quiet: a kommune without findings has nothing to say.
        CheckFormat::Table if args.quiet && r.findings.is_empty() => section(r, String::new()),
        CheckFormat::Table => {
            let heading = report::table::kommune_heading(r, style);
            section(
                r,
                format!("{heading}\n{}\n", render_one(format, r, args, style)),
            )
        }
        CheckFormat::Markdown => {
            let body = render_one(format, r, args, style);
            section(r, report::markdown::as_kommune_section(&body, r))
        }
        CheckFormat::Json => report::json::part(r),
        CheckFormat::Sarif => report::sarif::part(r),
        CheckFormat::Junit => report::junit::part(r),
        CheckFormat::Github => Part::Text(report::github::render_in_run(r)),
        CheckFormat::Gitlab => report::gitlab::part(r),
    }
}

/// What the joined outputs of several kommuner add to the kommuners' parts: everything said
/// of the run (JSON's `diagnostics`, SARIF's notifications), the load problems of the
/// kommuner that could not be read (the other formats), placed at `folder` where they name
/// no file, with paths from `root`.
struct Joined<'a> {
    every: &'a [Diagnostic],
    problems: &'a [Diagnostic],
    folder: &'a str,
    root: String,
}

/// The kommuners' shares of one output joined into the output.
fn join(
    format: CheckFormat,
    parts: Vec<report::several::Part>,
    args: &CheckArgs,
    date: Date,
    style: &Style,
    joined: &Joined,
) -> String {
    use report::several::Part;
    let (problems, lang) = (joined.problems, style.lang);
    match format {
        CheckFormat::Table => report::several::join_sections(parts, false, args.quiet, style, &[]),
        CheckFormat::Markdown => {
            report::several::join_sections(parts, true, false, style, problems)
        }
        CheckFormat::Json => {
            report::json::join_several(parts, date, fail_on(args), joined.every, lang)
        }
        CheckFormat::Sarif => report::sarif::join_several(parts, joined.every, &joined.root, lang),
        CheckFormat::Junit => report::junit::join_several(parts, problems, lang),
        CheckFormat::Github => {
            let mut text: String = parts
                .into_iter()
                .map(|p| match p {
                    Part::Text(text) => text,
                    _ => String::new(),
                })
                .collect();
            text.push_str(&report::github::render_diagnostics(problems, lang));
            text
        }
        CheckFormat::Gitlab => report::gitlab::join_several(parts, problems, lang, joined.folder),
    }
}

/// A run that could not read its input (exit 2) still writes every output asked for, each
/// with the problems where the findings would be (see `report::unread`); the table on
/// standard output is left out, as standard error has them. When the `--format` flags are
/// themselves wrong, nothing is written.
fn write_unread(
    args: &CheckArgs,
    context: &Run,
    diags: &[Diagnostic],
    folder: &str,
    style: &Style,
    out: &mut impl Write,
    err: &mut impl Write,
) -> std::io::Result<()> {
    if diags.iter().any(|d| d.file == "--format") {
        return Ok(());
    }
    let lang = style.lang;
    let texts = context.outputs.iter().filter_map(|output| {
        let text = match output.format {
            CheckFormat::Table if output.path.is_none() => return None,
            CheckFormat::Table => report::unread::table(diags, lang),
            CheckFormat::Json => {
                report::json::render_unread(diags, context.date, fail_on(args), lang)
            }
            CheckFormat::Sarif => report::sarif::render_unread(diags, &context.base.root(), lang),
            CheckFormat::Junit => report::junit::render_unread(diags, lang),
            CheckFormat::Github => report::github::render_diagnostics(diags, lang),
            CheckFormat::Gitlab => report::gitlab::render_unread(diags, lang, folder),
            CheckFormat::Markdown => report::unread::markdown(diags, lang),
        };
        Some((output, text))
    });
    // The run exits 2 already: an output that cannot be written is said on stderr.
    deliver_each(texts, context.inputs, style, out, err)?;
    Ok(())
}

/// The outputs whose targets may be written; each refused one is a diagnostic.
fn checked_outputs(
    outputs: Vec<Output>,
    inputs: &[input::Identity],
    base: &crate::load::PathBase,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Output> {
    outputs
        .into_iter()
        .filter(|o| target_allowed(o.path.as_deref(), inputs, base, diags))
        .collect()
}

/// The outputs asked for (the table on stdout when none); at most one may use stdout.
fn outputs(args: &CheckArgs, diags: &mut Vec<Diagnostic>) -> Vec<Output> {
    let outputs = if args.outputs.is_empty() {
        vec![Output {
            format: CheckFormat::Table,
            path: None,
        }]
    } else {
        args.outputs.clone()
    };
    let outputs: Vec<Output> = outputs
        .into_iter()
        .map(|o| Output {
            path: file_or_stdout(o.path),
            ..o
        })
        .collect();
    let hint = Text::new(
        "Send de andre til filer: --format table --format sarif=prinsipp.sarif",
        "Send the others to files: --format table --format sarif=prinsipp.sarif",
    );
    check_output_paths(outputs.iter().map(|o| o.path.as_deref()), hint, diags);
    outputs
}
