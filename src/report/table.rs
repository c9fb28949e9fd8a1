//! The default output: one row per finding, then a one-line summary.

use super::Style;
use super::escape::line;
use crate::finding::{Finding, Severity, Status};
use crate::model::Portfolio;
use crate::text::{Lang, plural};
use comfy_table::{Cell, Color, ContentArrangement, Table, presets};

/// The table and summary line; with a baseline, also what the change introduces and resolves.
pub fn render(r: &super::Report, style: &Style, quiet: bool) -> String {
    let mut out = String::new();
    if !r.findings.is_empty() {
        out.push_str(&table(r, style));
        out.push('\n');
    }
    // Quiet means quiet: a clean run prints nothing at all.
    if !quiet {
        if r.resolved.is_some() {
            let c = r.counts();
            let new = c.feil + c.advarsel + c.info;
            out.push_str(&match style.lang {
                Lang::Nb => format!(
                    "Denne endringen introduserer {} og løser {}.\n",
                    if new == 1 {
                        "1 nytt funn".to_string()
                    } else {
                        format!("{new} nye funn")
                    },
                    c.resolved
                ),
                Lang::En => format!(
                    "This change introduces {new} new finding{} and resolves {}.\n",
                    if new == 1 { "" } else { "s" },
                    c.resolved
                ),
            });
        }
        out.push_str(&summary(
            r.portfolio,
            r.findings,
            style.lang,
            r.settings.profile.as_ref().map(|p| p.name.as_str()),
        ));
        out.push('\n');
    }
    out
}

const NARROW: u16 = 120;

fn table(r: &super::Report, style: &Style) -> String {
    let (portfolio, findings, lang) = (r.portfolio, r.findings, style.lang);
    let collapse_above = r.collapse_above;
    // Below this width the place goes under the message instead of in a column of its own,
    // so neither is squeezed into a sliver.
    let narrow = style.terminal_width.is_some_and(|w| w < NARROW);
    let mut header = match lang {
        Lang::Nb => vec!["Alvorlighet", "Regel", "Gjelder", "Funn", "Sted"],
        Lang::En => vec!["Severity", "Rule", "Subject", "Finding", "Location"],
    };
    if narrow {
        header.pop();
    }
    let mut table = new_table(style, &header);
    let all: Vec<&Finding> = findings.iter().collect();
    for item in super::collapse::items(&all, collapse_above) {
        let (f, group) = match item {
            super::collapse::Item::One(f) => (f, None),
            super::collapse::Item::Many(group) => (group[0], Some(group)),
        };
        let mut message = match &group {
            None => line(f.message.get(lang)),
            Some(group) => line(&super::collapse::message(group, lang)),
        };
        if let Status::Avvik {
            reference,
            valid_until,
        } = &f.status
        {
            message.push_str(&avvik_note(reference.as_deref(), *valid_until, lang));
        }
        if f.status == Status::Baseline {
            message.push_str(match lang {
                Lang::Nb => " (kjent fra baseline)",
                Lang::En => " (known from the baseline)",
            });
        }
        if let Some(section) = &f.section {
            let label = match lang {
                Lang::Nb => "Strategien",
                Lang::En => "Strategy",
            };
            message.push_str(&format!("\n{label}: {section}"));
        }
        if let Some(note) = r.shared_note(f) {
            message.push('\n');
            message.push_str(&line(&note));
        }
        let severity = Cell::new(f.severity.label(lang));
        let severity = match (f.is_open(), f.severity) {
            (false, _) => severity.fg(Color::Green),
            (true, Severity::Feil) => severity.fg(Color::Red),
            (true, Severity::Advarsel) => severity.fg(Color::Yellow),
            (true, Severity::Info) => severity.fg(Color::Blue),
        };
        let mut place = line(&format!(
            "{}:{}:{}",
            portfolio.file_name(f.at.file),
            f.at.line,
            f.at.column
        ));
        let mut subject = line(&f.subject.label());
        if let Some(group) = &group {
            place = super::collapse::place(&place, group, lang);
            subject = super::collapse::subjects(group, lang);
        }
        let mut row = vec![severity, Cell::new(&f.code), Cell::new(subject)];
        if narrow {
            row.push(Cell::new(format!("{message}\n→ {place}")));
        } else {
            row.extend([Cell::new(message), Cell::new(place)]);
        }
        table.add_row(row);
    }
    // Severity, code and place never wrap; the message takes what is left.
    use comfy_table::{ColumnConstraint::*, Width::Fixed};
    let subject = if narrow {
        Boundaries {
            lower: Fixed(12),
            upper: Fixed(22),
        }
    } else {
        LowerBoundary(Fixed(10))
    };
    // When the place stands under the message, the message column is at least as wide as
    // the longest place, so a path is never split — unless the terminal is too narrow to
    // leave the subject its share.
    let longest_place = findings
        .iter()
        .map(|f| portfolio.file_name(f.at.file).chars().count() + 12)
        .max()
        .unwrap_or(0);
    let room = style
        .terminal_width
        .map_or(usize::MAX, |w| (w as usize).saturating_sub(48));
    // Never wider than MESSAGE_WIDTH: a long message wraps in its cell instead of padding
    // every other row to its width.
    let message = Boundaries {
        lower: Fixed(longest_place.min(60).min(room) as u16),
        upper: Fixed(MESSAGE_WIDTH),
    };
    for (index, constraint) in [
        (0, ContentWidth),
        (1, ContentWidth),
        (2, subject),
        (3, message),
        (4, ContentWidth),
    ] {
        if let Some(column) = table.column_mut(index) {
            column.set_constraint(constraint);
        }
    }
    trim_lines(&table.to_string())
}

/// The widest a message column gets; longer messages wrap within it.
const MESSAGE_WIDTH: u16 = 200;

/// A table in this run's style: boxes on a terminal, plain columns elsewhere, fitted to
/// the width when one is known.
pub fn new_table(style: &Style, header: &[&str]) -> Table {
    let mut table = Table::new();
    table.load_style(if style.tty {
        presets::UTF8_FULL_CONDENSED
    } else {
        plain_style()
    });
    if style.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    match style.terminal_width {
        Some(width) => table
            .set_width(width)
            .set_content_arrangement(ContentArrangement::Dynamic),
        None => table.set_content_arrangement(ContentArrangement::Disabled),
    };
    table.set_header(header.to_vec());
    table
}

/// Columns separated by `|`, a line under the header, nothing between rows: readable in CI
/// logs and easy to grep.
pub fn plain_style() -> comfy_table::TableStyle {
    use comfy_table::{ContentLineStyle, LineStyle, TableStyle};
    TableStyle::new()
        .header_lines(ContentLineStyle::none().junction('|'))
        .header_separator(LineStyle::none().fill('-').junction('+'))
        .content_lines(ContentLineStyle::none().junction('|'))
}

/// comfy-table pads the last column; trailing spaces only make diffs noisy.
pub fn trim_lines(text: &str) -> String {
    text.lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
}

/// « (godkjent avvik 26/0042 til 2027-01-20)»
fn avvik_note(reference: Option<&str>, until: Option<crate::model::Date>, lang: Lang) -> String {
    let reference = reference
        .map(|r| format!(" {}", line(r)))
        .unwrap_or_default();
    let until = until.map(|d| match lang {
        Lang::Nb => format!(" til {d}"),
        Lang::En => format!(" until {d}"),
    });
    match lang {
        Lang::Nb => format!(" (godkjent avvik{reference}{})", until.unwrap_or_default()),
        Lang::En => format!(
            " (approved deviation{reference}{})",
            until.unwrap_or_default()
        ),
    }
}

/// What a summary line counts.
#[derive(Debug, Clone, Copy, Default)]
pub struct Tally {
    errors: usize,
    warnings: usize,
    infos: usize,
    waived: usize,
    known: usize,
    systems: usize,
    projects: usize,
    ideas: usize,
}

impl Tally {
    pub fn of(portfolio: &Portfolio, findings: &[Finding]) -> Tally {
        let mut t = Tally::default();
        for f in findings {
            match (&f.status, f.severity) {
                (Status::Avvik { .. }, _) => t.waived += 1,
                (Status::Baseline, _) => t.known += 1,
                (Status::Open, Severity::Feil) => t.errors += 1,
                (Status::Open, Severity::Advarsel) => t.warnings += 1,
                (Status::Open, Severity::Info) => t.infos += 1,
            }
        }
        t.projects = portfolio.judged_projects().count();
        t.ideas = portfolio.projects.len() - t.projects;
        t.systems = portfolio.systems.len();
        t
    }

    pub fn plus(self, o: Tally) -> Tally {
        Tally {
            errors: self.errors + o.errors,
            warnings: self.warnings + o.warnings,
            infos: self.infos + o.infos,
            waived: self.waived + o.waived,
            known: self.known + o.known,
            systems: self.systems + o.systems,
            projects: self.projects + o.projects,
            ideas: self.ideas + o.ideas,
        }
    }

    fn any(&self) -> bool {
        self.errors + self.warnings + self.infos + self.waived + self.known > 0
    }
}

/// «3 feil, 5 advarsler, 1 godkjent avvik — 12 systemer, 4 prosjekter kontrollert»
pub fn summary(
    portfolio: &Portfolio,
    findings: &[Finding],
    lang: Lang,
    strategy: Option<&str>,
) -> String {
    summary_line(Tally::of(portfolio, findings), lang, strategy)
}

/// Above each kommune's table when several are checked: its name, number and folder.
pub fn kommune_heading(r: &super::Report, style: &Style) -> String {
    let k = &r.portfolio.kommune;
    // An owner of a samarbeid: the samarbeid, then the owner's own folder.
    let place = match &r.portfolio.membership {
        Some(m) => format!("{}, {}", m.samarbeid, r.folder()),
        None => r.folder(),
    };
    let head = line(&format!("{} ({}) — {place}", k.name, k.number));
    let rule = "─".repeat(head.chars().count());
    if style.color {
        format!("\x1b[1m{head}\x1b[0m\n{rule}")
    } else {
        format!("{head}\n{rule}")
    }
}

/// Below the kommuner's tables: the sum over all `n` of them.
pub fn total_line(tally: Tally, n: usize, lang: Lang) -> String {
    let head = match lang {
        Lang::Nb => format!("Totalt for {}", plural(n, "kommune", "kommuner")),
        Lang::En => format!("In total for {}", plural(n, "kommune", "kommuner")),
    };
    format!("{head}: {}\n", summary_line(tally, lang, None))
}

fn summary_line(t: Tally, lang: Lang, strategy: Option<&str>) -> String {
    let Tally {
        errors,
        warnings,
        infos,
        waived,
        known,
        systems,
        projects,
        ideas,
    } = t;
    let mut counts = Vec::new();
    match lang {
        Lang::Nb => {
            counts.push(plural(errors, "feil", "feil"));
            counts.push(plural(warnings, "advarsel", "advarsler"));
            if infos > 0 {
                counts.push(plural(infos, "info", "info"));
            }
            if waived > 0 {
                counts.push(plural(waived, "godkjent avvik", "godkjente avvik"));
            }
            if known > 0 {
                counts.push(plural(known, "kjent fra baseline", "kjente fra baseline"));
            }
        }
        Lang::En => {
            counts.push(plural(errors, "error", "errors"));
            counts.push(plural(warnings, "warning", "warnings"));
            if infos > 0 {
                counts.push(plural(infos, "info", "infos"));
            }
            if waived > 0 {
                counts.push(plural(waived, "approved deviation", "approved deviations"));
            }
            if known > 0 {
                counts.push(plural(
                    known,
                    "known from the baseline",
                    "known from the baseline",
                ));
            }
        }
    }
    let scope = match lang {
        Lang::Nb => {
            let idea = if ideas > 0 {
                format!(" ({} ikke vurdert)", plural(ideas, "idé", "idéer"))
            } else {
                String::new()
            };
            let against = strategy
                .map(|s| format!(" mot strategien {s}"))
                .unwrap_or_default();
            format!(
                "{}, {}{idea} kontrollert{against}",
                plural(systems, "system", "systemer"),
                plural(projects, "prosjekt", "prosjekter")
            )
        }
        Lang::En => {
            let idea = if ideas > 0 {
                format!(" ({} not judged)", plural(ideas, "idea", "ideas"))
            } else {
                String::new()
            };
            let against = strategy
                .map(|s| format!(" against the strategy {s}"))
                .unwrap_or_default();
            format!(
                "{}, {}{idea} checked{against}",
                plural(systems, "system", "systems"),
                plural(projects, "project", "projects")
            )
        }
    };
    if !t.any() {
        return match lang {
            Lang::Nb => format!("Ingen funn — {scope}"),
            Lang::En => format!("No findings — {scope}"),
        };
    }
    format!("{} — {scope}", counts.join(", "))
}
