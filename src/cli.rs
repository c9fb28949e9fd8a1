//! The command line, as clap definitions only. docs/cli.md describes it for users.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

const EXIT_CODES: &str = "Exit codes:
  0  no open finding at or above --fail-on
  1  at least one open finding at or above --fail-on
  2  the input or the configuration could not be read (bad YAML, unknown key, duplicate id, missing folder, bad flag)";

#[derive(Debug, Parser)]
#[command(name = "prinsipp", version, about = "Checks a kommune's IT portfolio and project proposals against the principles of its digitalisation strategy", after_help = EXIT_CODES)]
pub struct Cli {
    /// Language of everything shown to people (default: nb, or en when LANG starts with en)
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,

    /// When to use colours (NO_COLOR is honoured in auto)
    #[arg(long, global = true, value_enum, default_value = "auto")]
    pub color: ColorArg,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a kommune folder (the main job)
    #[command(after_help = EXIT_CODES)]
    Check(CheckArgs),
    /// List every rule: code, severity, title, sources (with --strategi: the sections that ask)
    Rules {
        #[arg(long, value_enum, default_value = "table")]
        format: RulesFormat,
        /// Show one strategy profile: its rules and the section of the strategy that asks for each
        #[arg(long)]
        strategi: Option<String>,
        /// prinsipp.toml to read own rules and settings from (default: ./prinsipp.toml if present)
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// The principle behind a rule, what it checks, how to comply, and its sources
    Explain {
        /// A rule code such as SKY-01
        code: String,
        /// prinsipp.toml to read own rules from (default: ./prinsipp.toml if present)
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// JSON Schema (draft 2020-12) for the YAML files, for editors (yaml-language-server)
    Schema {
        /// kommune | samarbeid | systemer | prosjekter | avvik
        #[arg(value_parser = ["kommune", "samarbeid", "systemer", "prosjekter", "avvik"], required_unless_present = "dir")]
        kind: Option<String>,
        /// Write every schema into this folder instead (KIND.schema.json)
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Import the registers a kommune keeps (sheets, Kartoteket, Prosjektportalen 365) into a
    /// kommune folder; again and again, keeping ids and what people edited
    #[command(after_help = IMPORT_HELP)]
    Import(ImportArgs),
    /// The portfolio report for the board: key figures, charts, the compliance matrix, every
    /// finding and the deviation register, for one kommune or many (docs/rapport.md)
    Report(ReportArgs),
    /// Shell completions for bash, zsh, fish, elvish or powershell, on standard output
    /// (e.g. `prinsipp completions bash > ~/.local/share/bash-completion/completions/prinsipp`)
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// The manual page (roff) on standard output: `prinsipp man > prinsipp.1; man ./prinsipp.1`
    Man,
    /// Write a commented starter kommune folder that passes `prinsipp check`
    Init {
        /// Where to write it (default: .)
        #[arg(default_value = ".")]
        folder: PathBuf,
        /// Overwrite files that already exist
        #[arg(long)]
        force: bool,
    },
}

const IMPORT_HELP: &str = "Sources:
  regneark          any CSV or XLSX inventory, one row per system (headers such as Systemnavn,
                    Leverandør, Systemeier, Driftsmodell, Livsløp, Personopplysninger)
  kartoteket        Kartoteket's JSON API dumps (/api/systemer/, and /api/virksomheter/,
                    /api/leverandorer/, /api/driftsplattformer/, /api/systemintegrasjoner/ to
                    resolve its references) and/or its admin «CSV Eksport» of System
  pp365-prosjekter  Prosjektportalen 365: the portfolio overview's «Eksporter til Excel» or the
                    hub list «Prosjekter» exported to CSV
  pp365-gevinster   Prosjektportalen 365: a project's lists «Gevinstanalyse og
                    gevinstrealiseringsplan», «Måleindikatorer» and «Gevinstoppfølging» as CSV
                    (with --prosjekt), or the Gevinstoversikt's «Eksporter til Excel»; added to
                    the project files
See docs/import.md.";

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// Where the data comes from
    #[arg(value_enum)]
    pub kilde: ImportSource,

    /// The exported files
    #[arg(required = true)]
    pub files: Vec<PathBuf>,

    /// The kommune folder to write into (made if missing)
    #[arg(long, value_name = "FOLDER")]
    pub til: PathBuf,

    /// A column map (TOML): column → field, the sheet's own words, its date form
    #[arg(long, value_name = "FILE")]
    pub kolonner: Option<PathBuf>,

    /// Read CSV files as Windows-1252 when they are not UTF-8
    #[arg(long)]
    pub windows_1252: bool,

    /// Overwrite files a person has edited since the last import
    #[arg(long)]
    pub overskriv: bool,

    /// pp365-gevinster from a project site's lists: the project's id in the kommune folder
    #[arg(long, value_name = "ID")]
    pub prosjekt: Option<String>,

    /// Apply the opt-in heuristics (Kartoteket: a partner platform → fellessky, a public
    /// platform → iaas, an integration carrying personal data → personopplysninger); each
    /// use is reported
    #[arg(long)]
    pub heuristikk: bool,

    /// Check the folder right after the import (as `prinsipp check FOLDER`)
    #[arg(long)]
    pub sjekk: bool,

    /// The import report's format: markdown (default) or json
    #[arg(long, value_enum, default_value = "markdown")]
    pub format: ReportFormat,

    /// For a new folder: the kommune's name, for kommune.yaml
    #[arg(long, value_name = "NAVN", requires = "kommunenummer")]
    pub kommune: Option<String>,

    /// For a new folder: the kommunenummer (four digits), for kommune.yaml
    #[arg(long, value_name = "NNNN", requires = "kommune")]
    pub kommunenummer: Option<String>,

    /// Refuse input files larger than this many MiB
    #[arg(long, value_name = "MIB", default_value_t = crate::load::DEFAULT_MAX_FILE_BYTES / (1024 * 1024))]
    pub max_file_size: u64,

    /// The evaluation date for --sjekk, YYYY-MM-DD (default: today in Norway, Europe/Oslo)
    #[arg(long, value_parser = parse_date)]
    pub dato: Option<crate::model::Date>,
}

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// Kommune folders; a folder without kommune.yaml stands for its subfolders that have one
    #[arg(default_value = ".")]
    pub folders: Vec<PathBuf>,

    /// Write the report as one self-contained HTML file (`-` for stdout)
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,

    /// The report as data, optionally to a file: html | json | xlsx (xlsx needs a file).
    /// Repeatable, e.g. `--html rapport.html --format json=rapport.json`
    #[arg(long = "format", value_name = "FORMAT[=PATH]", value_parser = parse_report_output)]
    pub outputs: Vec<ReportOutput>,

    /// Evaluation date, YYYY-MM-DD (default: today in Norway, Europe/Oslo)
    #[arg(long, value_parser = parse_date)]
    pub dato: Option<crate::model::Date>,

    /// An earlier result (`check --format json` or `report --format json`), or a folder of
    /// them (*.json): the trend per tertial. Repeatable
    #[arg(long, value_name = "FILE")]
    pub tidligere: Vec<PathBuf>,

    /// Where a kommune folder is in a git repository: also check it as it was at the end of
    /// each month from this date, read from the commits (the working tree is not touched)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub historikk: Option<crate::model::Date>,

    /// Check every kommune against one strategy's profile (`alle` for every rule)
    #[arg(long)]
    pub strategi: Option<String>,

    /// Settings file for every kommune (default: each folder's prinsipp.toml if present)
    #[arg(long)]
    pub config: Option<PathBuf>,

    /// The folder paths are shown from in the report (default: the root of the git
    /// repository the first folder is in, else the working directory); it must hold every folder
    #[arg(long, value_name = "DIR")]
    pub rot: Option<PathBuf>,

    /// Refuse YAML files larger than this many MiB
    #[arg(long, value_name = "MIB", default_value_t = crate::load::DEFAULT_MAX_FILE_BYTES / (1024 * 1024))]
    pub max_file_size: u64,

    /// Refuse a kommune folder with more YAML files than this
    #[arg(long, value_name = "N", default_value_t = crate::load::DEFAULT_MAX_FILES)]
    pub max_files: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AuditFormat {
    Html,
    Json,
    Xlsx,
}

/// One `--format NAME[=PATH]` of `report`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportOutput {
    pub format: AuditFormat,
    pub path: Option<PathBuf>,
}

fn parse_report_output(text: &str) -> Result<ReportOutput, String> {
    let (name, path) = split_output(text)?;
    let format = AuditFormat::from_str(name, true)
        .map_err(|_| format!("«{name}» is not a report format; choose html, json or xlsx"))?;
    Ok(ReportOutput { format, path })
}

/// `NAME` or `NAME=PATH`.
fn split_output(text: &str) -> Result<(&str, Option<PathBuf>), String> {
    match text.split_once('=') {
        Some((name, path)) if !path.is_empty() => Ok((name, Some(PathBuf::from(path)))),
        Some((name, _)) => Err(format!("«{name}=» needs a file after the =")),
        None => Ok((text, None)),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportSource {
    Regneark,
    Kartoteket,
    #[value(name = "pp365-prosjekter")]
    Pp365Prosjekter,
    #[value(name = "pp365-gevinster")]
    Pp365Gevinster,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Markdown,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Kommune folders (each holds kommune.yaml); a folder without kommune.yaml stands for
    /// its subfolders that have one. Several kommuner are checked in one run, in parallel
    #[arg(default_value = ".", value_name = "FOLDER")]
    pub folders: Vec<PathBuf>,

    /// Evaluation date, YYYY-MM-DD (default: today in Norway, Europe/Oslo); makes runs reproducible
    #[arg(long, value_parser = parse_date)]
    pub dato: Option<crate::model::Date>,

    /// Exit 1 when an open finding at or above this level remains
    #[arg(long, value_enum, default_value = "feil")]
    pub fail_on: FailOn,

    /// Output format, optionally to a file: table (default) | json | sarif | junit | github |
    /// gitlab | markdown. Repeatable, e.g. `--format table --format sarif=out.sarif`
    #[arg(long = "format", value_name = "FORMAT[=PATH]", value_parser = parse_output)]
    pub outputs: Vec<Output>,

    /// An earlier `--format json` result: only findings not in it are new (and can fail the
    /// run); the rest are shown as known, and those gone are listed as resolved
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// Check against one strategy's profile (overrides prinsipp.toml and kommune.yaml; `alle` for every rule)
    #[arg(long)]
    pub strategi: Option<String>,

    /// Settings file (default: FOLDER/prinsipp.toml if present)
    #[arg(long)]
    pub config: Option<PathBuf>,

    /// Print the effective configuration (rules, severities, parameters, catalogue) and stop
    #[arg(long)]
    pub show_config: bool,

    /// The folder paths are shown from, in the table and every format (default: the root of
    /// the git repository the first folder is in, else the working directory); it must hold
    /// every folder
    #[arg(long, value_name = "DIR")]
    pub rot: Option<PathBuf>,

    /// Read systems from this file or folder instead of systemer/ and systemer.yaml
    #[arg(long)]
    pub systemer: Option<PathBuf>,

    /// Read projects from this file or folder instead of prosjekter/ and prosjekter.yaml
    #[arg(long)]
    pub prosjekter: Option<PathBuf>,

    /// Refuse YAML files larger than this many MiB
    #[arg(long, value_name = "MIB", default_value_t = crate::load::DEFAULT_MAX_FILE_BYTES / (1024 * 1024))]
    pub max_file_size: u64,

    /// Refuse a folder with more YAML files than this
    #[arg(long, value_name = "N", default_value_t = crate::load::DEFAULT_MAX_FILES)]
    pub max_files: usize,

    /// Table and markdown: counts per principle, rule and missing key, per service area and
    /// per owner, worst first, instead of one line per finding
    #[arg(long, visible_alias = "summary")]
    pub oppsummering: bool,

    /// Table and markdown: the findings of one rule that say the same (same severity,
    /// status and missing keys) become one row when there are more than N of them
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub samle: Option<u64>,

    /// Print only findings and errors: no summary line, and nothing at all on a clean run
    #[arg(long, short, conflicts_with = "verbose")]
    pub quiet: bool,

    /// Also print what was read
    #[arg(long, short)]
    pub verbose: bool,
}

fn parse_date(text: &str) -> Result<crate::model::Date, String> {
    crate::model::Date::parse(text)
        .ok_or_else(|| format!("«{text}» er ikke en dato ÅÅÅÅ-MM-DD / is not a date YYYY-MM-DD"))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Nb,
    En,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Feil,
    Advarsel,
    Info,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Table,
    Json,
    Sarif,
    Junit,
    Github,
    Gitlab,
    Markdown,
}

/// One `--format NAME[=PATH]`: where a format goes (stdout when no path).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    pub format: CheckFormat,
    pub path: Option<PathBuf>,
}

fn parse_output(text: &str) -> Result<Output, String> {
    let (name, path) = split_output(text)?;
    let format = CheckFormat::from_str(name, true).map_err(|_| {
        let names: Vec<String> = CheckFormat::value_variants()
            .iter()
            .filter_map(|v| v.to_possible_value())
            .map(|v| v.get_name().to_string())
            .collect();
        format!(
            "«{name}» is not a format; choose one of {}",
            names.join(", ")
        )
    })?;
    Ok(Output { format, path })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    Table,
    Json,
    Markdown,
}
