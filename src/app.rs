//! The commands: read, check, render, and the exit code. The only place besides `load`
//! that touches the outside world (stdout, stderr, the clock, the environment).

use crate::cli::{CheckArgs, CheckFormat, Cli, ColorArg, Command, FailOn, LangArg, RulesFormat};
use crate::finding::Severity;
use crate::katalog::Katalog;
use crate::load::{self, Level, LoadOptions};
use crate::model::Date;
use crate::report::{self, Style};
use crate::text::{Lang, Text, did_you_mean};
use std::io::{IsTerminal, Write};

pub const EXIT_OK: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_INPUT: u8 = 2;

pub fn run(cli: &Cli) -> u8 {
    let lang = language(cli.lang);
    let style = Style {
        lang,
        color: use_color(cli.color),
        tty: std::io::stdout().is_terminal(),
        terminal_width: terminal_width(),
    };
    let katalog = Katalog::builtin();
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    let result = match &cli.command {
        Command::Check(args) => check(args, katalog, &style, &mut out, &mut err),
        Command::Rules { format } => {
            let text = match format {
                RulesFormat::Table => report::rules::table(katalog, &style),
                RulesFormat::Json => report::rules::json(katalog, lang),
            };
            write_all(&mut out, &text).map(|_| EXIT_OK)
        }
        Command::Explain { code } => explain(code, katalog, &style, &mut out, &mut err),
    };
    // A closed pipe (`prinsipp check | head`) is not an error worth a message.
    result.unwrap_or(EXIT_OK)
}

fn write_all(out: &mut impl Write, text: &str) -> std::io::Result<()> {
    out.write_all(text.as_bytes())?;
    out.flush()
}

fn check(
    args: &CheckArgs,
    katalog: &Katalog,
    style: &Style,
    out: &mut impl Write,
    err: &mut impl Write,
) -> std::io::Result<u8> {
    let options = LoadOptions {
        systems: args.systemer.clone(),
        projects: args.prosjekter.clone(),
        ..LoadOptions::default()
    };
    let loaded = load::load_folder(&args.folder, &options);
    let errors = loaded
        .diagnostics
        .iter()
        .filter(|d| d.level == Level::Error)
        .count();
    write_all(
        err,
        &report::diagnostics::render(&loaded.diagnostics, style),
    )?;
    let Some(portfolio) = loaded.portfolio else {
        let message = Text::new(
            format!(
                "{errors} feil i inndata: ingen regler er kjørt. Rett feilene over og kjør igjen."
            ),
            format!(
                "{errors} error(s) in the input: no rule was run. Fix the errors above and run again."
            ),
        );
        write_all(err, &format!("{}\n", message.get(style.lang)))?;
        return Ok(EXIT_INPUT);
    };
    let date = args.dato.unwrap_or_else(Date::today);
    if args.verbose {
        let line = Text::new(
            format!(
                "Leste {} filer fra {}; vurderingsdato {date}",
                portfolio.files.len(),
                args.folder.display()
            ),
            format!(
                "Read {} files from {}; evaluation date {date}",
                portfolio.files.len(),
                args.folder.display()
            ),
        );
        write_all(err, &format!("{}\n", line.get(style.lang)))?;
    }
    let findings = crate::rules::check(&portfolio, katalog, date);
    let text = match args.format {
        CheckFormat::Table => report::table::render(&portfolio, &findings, style, args.quiet),
        CheckFormat::Json => report::json::render(&portfolio, &findings, style.lang),
    };
    write_all(out, &text)?;
    let threshold = match args.fail_on {
        FailOn::Feil => Some(Severity::Feil),
        FailOn::Advarsel => Some(Severity::Advarsel),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    };
    let failing =
        threshold.is_some_and(|t| findings.iter().any(|f| f.is_open() && f.severity >= t));
    Ok(if failing { EXIT_FINDINGS } else { EXIT_OK })
}

fn explain(
    code: &str,
    katalog: &Katalog,
    style: &Style,
    out: &mut impl Write,
    err: &mut impl Write,
) -> std::io::Result<u8> {
    let wanted = code.trim().to_uppercase();
    if katalog.rule(&wanted).is_some() {
        write_all(out, &report::rules::explain(katalog, &wanted, style))?;
        return Ok(EXIT_OK);
    }
    let codes: Vec<String> = katalog.rules().map(|r| r.code.to_lowercase()).collect();
    let hint = match did_you_mean(&wanted, codes.iter().map(String::as_str)).map(str::to_uppercase)
    {
        Some(near) => Text::new(
            format!("Mente du {near}? `prinsipp rules` viser alle reglene."),
            format!("Did you mean {near}? `prinsipp rules` lists every rule."),
        ),
        None => Text::new(
            "`prinsipp rules` viser alle reglene.",
            "`prinsipp rules` lists every rule.",
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

fn use_color(arg: ColorArg) -> bool {
    match arg {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    }
}

/// The width to fit the table to: COLUMNS when set, else the terminal's (comfy-table asks
/// the terminal), else none: lines in logs and pipes are not wrapped.
fn terminal_width() -> Option<u16> {
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|w: &u16| *w >= 40);
    columns.or_else(|| {
        std::io::stdout()
            .is_terminal()
            .then(|| comfy_table::Table::new().width())
            .flatten()
    })
}
