//! The commands: read, check, render, and the exit code. The only place besides `load`
//! and `init` that touches the outside world (stdout, stderr, the clock, the environment).

use crate::baseline::Baseline;
use crate::cli::{CheckArgs, Cli, ColorArg, Command, FailOn, LangArg, RulesFormat};
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::input;
use crate::load;
use crate::report::{self, Style};
use crate::settings::{ConfigFile, Settings};
use crate::suggest::did_you_mean;
use crate::text::{Lang, Text};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

mod audit;
mod check;
mod kommuner;

use check::check;

pub const EXIT_OK: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_INPUT: u8 = 2;

pub fn run(cli: &Cli) -> u8 {
    let style = Style {
        lang: language(cli.lang),
        color: use_color(cli.color, std::io::stdout().is_terminal()),
        color_err: use_color(cli.color, std::io::stderr().is_terminal()),
        tty: std::io::stdout().is_terminal(),
        terminal_width: terminal_width(),
    };
    // Not locked for the whole run: the report's progress bar draws on stderr from the
    // threads that check the kommuner.
    let mut out = std::io::stdout();
    let mut err = std::io::stderr();
    run_with(cli, &style, &mut out, &mut err)
}

/// Runs a command with the given style, writing what would go to standard output and
/// standard error to `out` and `err` (the fuzzer's entry: the whole run, files included).
pub fn run_with(cli: &Cli, style: &Style, out: &mut impl Write, err: &mut impl Write) -> u8 {
    let result = match &cli.command {
        Command::Check(args) => check(args, style, out, err),
        Command::Rules {
            format,
            strategi,
            config,
        } => rules(
            *format,
            strategi.as_deref(),
            config.as_deref(),
            style,
            out,
            err,
        ),
        Command::Explain { code, config } => explain(code, config.as_deref(), style, out, err),
        Command::Init { folder, force } => init(folder, *force, style, out, err),
        Command::Import(args) => import(args, style, out, err),
        Command::Report(args) => audit::run(args, style, out, err),
        Command::Schema { kind, dir } => schema(kind.as_deref(), dir.as_deref(), style, out, err),
        Command::Completions { shell } => completions(*shell, out),
        Command::Man => man(out),
    };
    // A closed pipe (`prinsipp check | head`) is not an error worth a message.
    result.unwrap_or(EXIT_OK)
}

/// `prinsipp completions SHELL`: generated from the clap definitions.
fn completions(shell: clap_complete::Shell, out: &mut impl Write) -> std::io::Result<u8> {
    let mut command = <Cli as clap::CommandFactory>::command();
    clap_complete::generate(shell, &mut command, "prinsipp", out);
    out.flush()?;
    Ok(EXIT_OK)
}

/// `prinsipp man`: the manual page, generated from the clap definitions.
fn man(out: &mut impl Write) -> std::io::Result<u8> {
    let command = <Cli as clap::CommandFactory>::command();
    clap_mangen::Man::new(command).render(out)?;
    out.flush()?;
    Ok(EXIT_OK)
}

fn write_all(out: &mut impl Write, text: &str) -> std::io::Result<()> {
    out.write_all(text.as_bytes())?;
    out.flush()
}

/// prinsipp.toml as read: the file's text and its parsed form, or the problems in it.
#[derive(Clone)]
struct LoadedConfig {
    display: String,
    text: String,
    config: Option<Config>,
}

/// Where prinsipp.toml is read from.
enum ConfigSource<'a> {
    /// `--config FILE`.
    Flag(&'a Path),
    /// `prinsipp.toml` in the kommune folder, read through the folder's handle.
    InFolder(&'a input::Folder, &'a Path),
    /// `./prinsipp.toml` (for `rules` and `explain`).
    WorkingDirectory,
}

/// Reads prinsipp.toml from `source`; `None` when there is none where it is optional. The
/// file read is added to `inputs`.
fn read_config(
    source: ConfigSource,
    limit: u64,
    base: &load::PathBase,
    inputs: &mut Vec<input::Identity>,
    diags: &mut Vec<Diagnostic>,
) -> Option<LoadedConfig> {
    let (display, read) = match source {
        ConfigSource::Flag(path) => (base.show(path), input::read_file(path, limit)),
        ConfigSource::WorkingDirectory => match input::read_file(Path::new("prinsipp.toml"), limit)
        {
            Err(input::Problem::Missing) => return None,
            read => ("prinsipp.toml".to_string(), read),
        },
        ConfigSource::InFolder(folder, path) => {
            let display = base.show(&path.join("prinsipp.toml"));
            let read = match folder.open_entry("prinsipp.toml") {
                Ok(None) => return None,
                Ok(Some(input::Opened::File(file))) => file.read(limit),
                Ok(Some(input::Opened::Folder(_))) => Err(input::Problem::Not {
                    wanted: input::Kind::File,
                    found: input::Kind::Folder,
                }),
                Err(problem) => Err(problem),
            };
            (display, read)
        }
    };
    let failed = |diags: &mut Vec<Diagnostic>, d: Diagnostic| {
        diags.push(d);
        Some(LoadedConfig {
            display: display.clone(),
            text: String::new(),
            config: None,
        })
    };
    let text = match read {
        Ok((bytes, identity)) => {
            inputs.push(identity);
            match String::from_utf8(bytes) {
                Ok(text) => text,
                Err(_) => {
                    let d = Diagnostic::error(
                        &display,
                        0,
                        0,
                        Text::new(
                            "Innstillingene er ikke gyldig UTF-8",
                            "The settings are not valid UTF-8",
                        ),
                    )
                    .with_hint(Text::new("Lagre fila som UTF-8", "Save the file as UTF-8"));
                    return failed(diags, d);
                }
            }
        }
        Err(problem) => return failed(diags, problem.diagnostic(&display)),
    };
    let config = match crate::config::parse(&text, &display) {
        Ok(config) => Some(config),
        Err(errors) => {
            diags.extend(errors);
            None
        }
    };
    Some(LoadedConfig {
        display,
        text,
        config,
    })
}

/// Opens a kommune folder and reads its settings (`--config FILE`, else FOLDER/prinsipp.toml
/// when it exists); what cannot be opened or read is in `diags`, what was read in `inputs`.
fn open_kommune(
    path: &Path,
    config: Option<&Path>,
    options: &load::LoadOptions,
    inputs: &mut Vec<input::Identity>,
    diags: &mut Vec<Diagnostic>,
) -> (Option<input::Folder>, Option<LoadedConfig>) {
    let (limit, base) = (options.max_file_bytes, &options.base);
    let folder = load::open_folder(path, base)
        .map_err(|d| diags.push(*d))
        .ok();
    let source = match (config, &folder) {
        (Some(config), _) => Some(ConfigSource::Flag(config)),
        (None, Some(folder)) => Some(ConfigSource::InFolder(folder, path)),
        (None, None) => None,
    };
    let config = source.and_then(|source| read_config(source, limit, base, inputs, diags));
    (folder, config)
}

/// The settings for one kommune: the flag's strategy, else prinsipp.toml's, else the one
/// kommune.yaml names.
fn kommune_settings(
    config: Option<&LoadedConfig>,
    strategy: Option<&str>,
    portfolio: Option<&crate::model::Portfolio>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Settings> {
    let kommune_strategy = portfolio.and_then(|p| {
        let name = p.kommune.strategy.as_deref()?;
        Some((
            name,
            p.kommune.spans.key("strategi"),
            p.file_name(p.kommune.spans.at.file),
        ))
    });
    settings(config, strategy, kommune_strategy, diags)
}

/// Reads `--baseline FILE` within the size limit; the file read is added to `inputs`.
fn read_baseline(
    path: &Path,
    base: &load::PathBase,
    limit: u64,
    inputs: &mut Vec<input::Identity>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Baseline> {
    let shown = base.show(path);
    let parsed = match input::read_file(path, limit) {
        Ok((bytes, identity)) => {
            inputs.push(identity);
            Baseline::parse(&bytes, &shown)
        }
        // The first pull request has no baseline: the target branch has no result yet.
        // Then every finding is new: nothing is hidden, and the run goes on.
        Err(input::Problem::Missing) => {
            diags.push(
                Diagnostic::warning(
                    &shown,
                    0,
                    0,
                    Text::new(
                        format!("Fant ikke baselinen {shown}: alle funn regnes som nye"),
                        format!("The baseline {shown} was not found: every finding counts as new"),
                    ),
                )
                .with_hint(Text::new(
                    "Første gang finnes det ingen baseline; den lages med --format json=FIL på målgrenen",
                    "The first time there is none; it is made with --format json=FILE on the target branch",
                )),
            );
            return None;
        }
        Err(problem) => Err(Box::new(problem.diagnostic(&shown).with_hint(Text::new(
            "En baseline er resultatet av en tidligere kjøring med --format json=FIL",
            "A baseline is the output of an earlier run with --format json=FILE",
        )))),
    };
    parsed.map_err(|d| diags.push(*d)).ok()
}

/// The settings for this run, or None when the config has errors (already in `diags`).
fn settings(
    config: Option<&LoadedConfig>,
    strategy: Option<&str>,
    kommune: Option<(&str, crate::model::Pos, &str)>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Settings> {
    if config.is_some_and(|c| c.config.is_none()) {
        return None;
    }
    let file = config.and_then(|c| {
        c.config.as_ref().map(|config| ConfigFile {
            config,
            text: &c.text,
            display: &c.display,
        })
    });
    match Settings::build(file.as_ref(), strategy, kommune) {
        Ok(s) => Some(s),
        Err(errors) => {
            diags.extend(errors);
            None
        }
    }
}

/// What a run over `folders` loads with: the limits (`max_file_size` in MiB) and where its
/// paths are shown from (see `load::PathBase`); a bad `--rot` is a diagnostic.
fn load_options(
    folders: &[PathBuf],
    rot: Option<&Path>,
    max_file_size: u64,
    max_files: usize,
    diags: &mut Vec<Diagnostic>,
) -> load::LoadOptions {
    let base = load::PathBase::for_run(folders, rot).unwrap_or_else(|errors| {
        diags.extend(errors);
        load::PathBase::default()
    });
    load::LoadOptions {
        max_file_bytes: max_file_size.saturating_mul(1024 * 1024),
        max_files,
        base,
        ..load::LoadOptions::default()
    }
}

fn input_failed(diags: &[Diagnostic], style: &Style, err: &mut impl Write) -> std::io::Result<u8> {
    write_all(err, &report::diagnostics::render(diags, style))?;
    let message = report::unread::stopped(diags);
    write_all(err, &format!("{}\n", message.get(style.lang)))?;
    Ok(EXIT_INPUT)
}

/// Whether an output may be written there (stdout always may); a refusal is a diagnostic.
fn target_allowed(
    path: Option<&Path>,
    inputs: &[input::Identity],
    base: &load::PathBase,
    diags: &mut Vec<Diagnostic>,
) -> bool {
    let Some(path) = path else { return true };
    match crate::files::check_target(path, inputs) {
        Ok(()) => true,
        Err(e) => {
            let mut refused = output_refused(path, &Text::new("rapporten", "the report"), &e);
            refused.file = base.show(path);
            diags.push(refused);
            false
        }
    }
}

/// `-` and /dev/stdout are standard output (`None`), as for most tools.
fn file_or_stdout(path: Option<PathBuf>) -> Option<PathBuf> {
    path.filter(|p| p.as_os_str() != "-" && p.as_path() != Path::new("/dev/stdout"))
}

/// No two outputs to one file, and at most one to standard output (`None`); `hint` says
/// how to send the others to files.
fn check_output_paths<'p>(
    paths: impl Iterator<Item = Option<&'p Path>>,
    hint: Text,
    diags: &mut Vec<Diagnostic>,
) {
    let mut seen: Vec<PathBuf> = Vec::new();
    let mut to_stdout = 0;
    for path in paths {
        let Some(path) = path else {
            to_stdout += 1;
            continue;
        };
        let normal: PathBuf = path
            .components()
            .filter(|c| !matches!(c, std::path::Component::CurDir))
            .collect();
        if seen.contains(&normal) {
            let shown = path.display().to_string();
            diags.push(Diagnostic::error(
                "--format",
                0,
                0,
                Text::new(
                    format!("To formater skal skrives til samme fil ({shown})"),
                    format!("Two formats would be written to the same file ({shown})"),
                ),
            ));
        }
        seen.push(normal);
    }
    if to_stdout > 1 {
        diags.push(
            Diagnostic::error(
                "--format",
                0,
                0,
                Text::new(
                    "Bare ett format kan skrives til standard ut",
                    "Only one format can go to standard output",
                ),
            )
            .with_hint(hint),
        );
    }
}

/// Settings for `rules` and `explain`: built-in rules plus ./prinsipp.toml (or --config).
fn command_settings(
    config: Option<&Path>,
    strategy: Option<&str>,
    style: &Style,
    err: &mut impl Write,
) -> std::io::Result<Option<Settings>> {
    let mut diags = Vec::new();
    let source = match config {
        Some(path) => ConfigSource::Flag(path),
        None => ConfigSource::WorkingDirectory,
    };
    let config = read_config(
        source,
        crate::load::DEFAULT_MAX_FILE_BYTES,
        &load::PathBase::default(),
        &mut Vec::new(),
        &mut diags,
    );
    let settings = settings(config.as_ref(), strategy, None, &mut diags);
    if settings.is_none() {
        write_all(err, &report::diagnostics::render(&diags, style))?;
    }
    Ok(settings)
}

fn rules(
    format: RulesFormat,
    strategy: Option<&str>,
    config: Option<&Path>,
    style: &Style,
    out: &mut impl Write,
    err: &mut impl Write,
) -> std::io::Result<u8> {
    let Some(settings) = command_settings(config, strategy, style, err)? else {
        return Ok(EXIT_INPUT);
    };
    let text = match (format, &settings.profile) {
        (RulesFormat::Table, Some(profile)) => {
            report::rules::profile_table(&settings, profile, style)
        }
        (RulesFormat::Table, None) => report::rules::table(&settings, style),
        (RulesFormat::Json, _) => report::rules::json(&settings, style.lang),
        (RulesFormat::Markdown, _) => report::rules::markdown(&settings, style.lang),
    };
    write_all(out, &text)?;
    Ok(EXIT_OK)
}

fn explain(
    code: &str,
    config: Option<&Path>,
    style: &Style,
    out: &mut impl Write,
    err: &mut impl Write,
) -> std::io::Result<u8> {
    let Some(settings) = command_settings(config, None, style, err)? else {
        return Ok(EXIT_INPUT);
    };
    let wanted = code.trim().to_uppercase();
    if settings.katalog.rule(&wanted).is_some() {
        write_all(out, &report::rules::explain(&settings, &wanted, style))?;
        return Ok(EXIT_OK);
    }
    let codes: Vec<String> = settings
        .katalog
        .rules()
        .map(|r| r.code.to_lowercase())
        .collect();
    let hint = match did_you_mean(&wanted, codes.iter().map(String::as_str)).map(str::to_uppercase)
    {
        Some(near) => Text::new(
            format!("Mente du {near}? `prinsipp rules` viser alle reglene."),
            format!("Did you mean {near}? `prinsipp rules` lists every rule."),
        ),
        None => Text::new(
            "`prinsipp rules` viser alle reglene; kommunens egne regler leses fra ./prinsipp.toml eller --config FIL.",
            "`prinsipp rules` lists every rule; the kommune's own rules are read from ./prinsipp.toml or --config FILE.",
        ),
    };
    let message = Text::new(
        format!("Ukjent regel «{code}». {}", hint.nb),
        format!("Unknown rule «{code}». {}", hint.en),
    );
    write_all(
        err,
        &format!(
            "{}: {}\n",
            report::diagnostics::error_word(style.lang),
            message.get(style.lang)
        ),
    )?;
    Ok(EXIT_INPUT)
}

fn init(
    folder: &Path,
    force: bool,
    style: &Style,
    out: &mut impl Write,
    err: &mut impl Write,
) -> std::io::Result<u8> {
    match crate::init::write(folder, force) {
        Ok(written) => {
            let list: Vec<String> = written
                .iter()
                .map(|p| format!("  {}", p.display()))
                .collect();
            let text = Text::new(
                format!(
                    "Skrev en startmappe i {}:\n{}\nKjør `prinsipp check {}` for å kontrollere den.\n",
                    folder.display(),
                    list.join("\n"),
                    folder.display()
                ),
                format!(
                    "Wrote a starter folder in {}:\n{}\nRun `prinsipp check {}` to check it.\n",
                    folder.display(),
                    list.join("\n"),
                    folder.display()
                ),
            );
            write_all(out, text.get(style.lang))?;
            Ok(EXIT_OK)
        }
        Err(diags) => {
            write_all(err, &report::diagnostics::render(&diags, style))?;
            Ok(EXIT_INPUT)
        }
    }
}

fn schema(
    kind: Option<&str>,
    dir: Option<&Path>,
    style: &Style,
    out: &mut impl Write,
    err: &mut impl Write,
) -> std::io::Result<u8> {
    if let Some(dir) = dir {
        for kind in crate::schema::KINDS {
            let path = dir.join(format!("{kind}.schema.json"));
            let text = crate::schema::render(kind).unwrap_or_default();
            if !write_file(
                &path,
                &text,
                &Text::new("skjemaet", "the schema"),
                &[],
                style,
                err,
            )? {
                return Ok(EXIT_INPUT);
            }
        }
        return Ok(EXIT_OK);
    }
    write_all(
        out,
        &kind.and_then(crate::schema::render).unwrap_or_default(),
    )?;
    Ok(EXIT_OK)
}

/// `prinsipp import`: the report to stderr (and beside the files), then with `--sjekk` the
/// check of the folder as `prinsipp check` would run it.
fn import(
    args: &crate::cli::ImportArgs,
    style: &Style,
    out: &mut impl Write,
    err: &mut impl Write,
) -> std::io::Result<u8> {
    let job = crate::import::Job {
        source: match args.kilde {
            crate::cli::ImportSource::Regneark => crate::import::Source::Sheet,
            crate::cli::ImportSource::Kartoteket => crate::import::Source::Kartoteket,
            crate::cli::ImportSource::Pp365Prosjekter => crate::import::Source::Pp365Projects,
            crate::cli::ImportSource::Pp365Gevinster => crate::import::Source::Pp365Benefits,
        },
        files: args.files.clone(),
        folder: args.til.clone(),
        columns: args.kolonner.clone(),
        encoding: if args.windows_1252 {
            crate::import::table::Encoding::Windows1252
        } else {
            crate::import::table::Encoding::Utf8
        },
        overwrite: args.overskriv,
        heuristics: args.heuristikk,
        project: args.prosjekt.clone(),
        kommune: args.kommune.clone().zip(args.kommunenummer.clone()),
        max_file_bytes: args.max_file_size.saturating_mul(1024 * 1024),
        json_report: args.format == crate::cli::ReportFormat::Json,
        lang: style.lang,
    };
    let outcome = crate::import::run(&job);
    if !outcome.errors.is_empty() {
        write_all(err, &report::diagnostics::render(&outcome.errors, style))?;
        let message = Text::new(
            format!("{} feil: ingenting er importert.", outcome.errors.len()),
            format!("{} error(s): nothing was imported.", outcome.errors.len()),
        );
        write_all(err, &format!("{}\n", message.get(style.lang)))?;
        return Ok(EXIT_INPUT);
    }
    let text = if job.json_report {
        outcome.report.json(style.lang)
    } else {
        outcome.report.text(style.lang)
    };
    write_all(err, &text)?;
    if !args.sjekk {
        return Ok(EXIT_OK);
    }
    let check_args = CheckArgs {
        folders: vec![args.til.clone()],
        dato: args.dato,
        fail_on: FailOn::Feil,
        outputs: Vec::new(),
        baseline: None,
        strategi: None,
        config: None,
        show_config: false,
        systemer: None,
        prosjekter: None,
        rot: None,
        max_file_size: args.max_file_size,
        max_files: crate::load::DEFAULT_MAX_FILES,
        oppsummering: false,
        samle: None,
        quiet: false,
        verbose: false,
    };
    check(&check_args, style, out, err)
}

/// Writes an output where it was asked for: standard output (`None`), or the file the user
/// named through `write_file`; `false` when the file could not be written (already said).
fn deliver(
    path: Option<&Path>,
    text: impl AsRef<[u8]>,
    what: &Text,
    inputs: &[input::Identity],
    style: &Style,
    out: &mut impl Write,
    err: &mut impl Write,
) -> std::io::Result<bool> {
    match path {
        None => {
            out.write_all(text.as_ref())?;
            out.flush()?;
            Ok(true)
        }
        Some(path) => write_file(path, text, what, inputs, style, err),
    }
}

/// Writes an output file the user named; a failure is reported (what could not be written,
/// and why) and answered with `false`. No file in `inputs` is ever replaced.
fn write_file(
    path: &Path,
    text: impl AsRef<[u8]>,
    what: &Text,
    inputs: &[input::Identity],
    style: &Style,
    err: &mut impl Write,
) -> std::io::Result<bool> {
    let Err(e) = crate::files::write_output(path, text, inputs) else {
        return Ok(true);
    };
    write_all(
        err,
        &report::diagnostics::render(&[output_refused(path, what, &e)], style),
    )?;
    Ok(false)
}

/// «Kan ikke skrive rapporten: det er en av filene …», at the output's path.
fn output_refused(path: &Path, what: &Text, e: &crate::files::WriteError) -> Diagnostic {
    let shown = path.display().to_string();
    let why = e.message();
    Diagnostic::error(
        &shown,
        0,
        0,
        Text::new(
            format!("Kan ikke skrive {}: {}", what.nb, why.nb),
            format!("Cannot write {}: {}", what.en, why.en),
        ),
    )
}

/// --lang wins; otherwise English when LANG (or LC_ALL) asks for it, else bokmål.
fn language(arg: Option<LangArg>) -> Lang {
    match arg {
        Some(LangArg::Nb) => Lang::Nb,
        Some(LangArg::En) => Lang::En,
        None => {
            let env = std::env::var("LC_ALL")
                .ok()
                .filter(|v| !v.is_empty())
                .or_else(|| std::env::var("LANG").ok())
                .unwrap_or_default();
            if env.starts_with("en") {
                Lang::En
            } else {
                Lang::Nb
            }
        }
    }
}

/// Colours for a stream: `--color` when given; in `auto`, CLICOLOR_FORCE or FORCE_COLOR
/// (set, not `0`) turn them on, NO_COLOR (set) turns them off, and otherwise a terminal
/// gets them.
fn use_color(arg: ColorArg, terminal: bool) -> bool {
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty() && v != "0");
    match arg {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto if set("CLICOLOR_FORCE") || set("FORCE_COLOR") => true,
        ColorArg::Auto => std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && terminal,
    }
}

/// The width to fit the table to: COLUMNS when set, else the terminal's (comfy-table asks
/// the terminal), else none: lines in logs and pipes are not wrapped.
fn terminal_width() -> Option<u16> {
    let columns = std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok());
    let width = columns.or_else(|| {
        std::io::stdout()
            .is_terminal()
            .then(|| comfy_table::Table::new().width())
            .flatten()
    });
    // A terminal that reports no sensible size (0 columns) gets unwrapped lines.
    width.filter(|w| *w >= 40)
}
