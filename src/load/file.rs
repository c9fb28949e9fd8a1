//! One file's bytes → entities: UTF-8, YAML with positions, the typed readers. Knows
//! nothing of folders or disks, so the fuzzer and property tests can feed it directly.

use super::read::{MAX_PROBLEMS, Reader};
use super::yaml::{self, Node, Value, YamlError, YamlErrorKind};
use super::{entities, shape};
use crate::diagnostic::Diagnostic;
use crate::model::*;
use crate::text::{Text, shorten};

/// What a file holds, by where it lies in the folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Kommune,
    /// samarbeid.yaml at the top of an IKT-samarbeid's folder.
    Samarbeid,
    Systems,
    Projects,
    Avvik,
}

#[derive(Default, Clone)]
pub(super) struct FileResult {
    pub(super) diags: Vec<Diagnostic>,
    pub(super) kommune: Option<Kommune>,
    pub(super) samarbeid: Option<Samarbeid>,
    pub(super) systems: Vec<System>,
    pub(super) projects: Vec<Project>,
    pub(super) avvik: Vec<Avvik>,
}

/// Reads one file's bytes into entities, with every problem as a diagnostic.
pub(super) fn parse_source(bytes: &[u8], kind: FileKind, file: FileId, shown: &str) -> FileResult {
    let mut result = FileResult::default();
    let error = |line, column, message: Text, hint: Option<Text>| {
        let mut d = Diagnostic::error(shown, line, column, message);
        d.hint = hint.map(Text::cut_quoted);
        FileResult {
            diags: vec![d],
            ..FileResult::default()
        }
    };
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            // Lines as YAML counts them, as every other place is given: CR LF, a lone CR
            // and LF each end a line.
            let good = String::from_utf8_lossy(&bytes[..err.valid_up_to()]);
            let (mut line, mut column, mut after_cr) = (1u32, 1u32, false);
            for c in good.chars() {
                match c {
                    '\n' if after_cr => {}
                    '\n' | '\r' => {
                        line += 1;
                        column = 1;
                    }
                    _ => column += 1,
                }
                after_cr = c == '\r';
            }
            let hint = Text::new(
                "Lagre fila som UTF-8 (ikke Latin-1/Windows-1252)",
                "Save the file as UTF-8 (not Latin-1/Windows-1252)",
            );
            return error(
                line,
                column,
                Text::new("Fila er ikke gyldig UTF-8", "The file is not valid UTF-8"),
                Some(hint),
            );
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let parsed = match yaml::parse(text) {
        Ok(parsed) => parsed,
        Err(err) => {
            let (line, column, message, hint) = yaml_error_text(&err, text);
            return error(line, column, message, hint);
        }
    };
    // Duplicate keys past the limit are only counted (see `MAX_PROBLEMS`).
    let mut skipped = parsed.problems.len().saturating_sub(MAX_PROBLEMS);
    for problem in parsed.problems.iter().take(MAX_PROBLEMS) {
        let (line, column, message, hint) = yaml_error_text(problem, text);
        let mut d = Diagnostic::error(shown, line, column, message);
        d.hint = hint.map(Text::cut_quoted);
        result.diags.push(d);
    }
    let root = match parsed.root {
        Some(root) => root,
        None => {
            if kind == FileKind::Samarbeid {
                return error(
                    1,
                    1,
                    Text::new("samarbeid.yaml er tom", "samarbeid.yaml is empty"),
                    Some(Text::new(
                        "Skriv `samarbeid:` med navn og kommuner",
                        "Write `samarbeid:` with navn and kommuner",
                    )),
                );
            }
            if kind == FileKind::Kommune {
                return error(
                    1,
                    1,
                    Text::new("kommune.yaml er tom", "kommune.yaml is empty"),
                    Some(Text::new(
                        "Skriv `kommune:` med navn og kommunenummer",
                        "Write `kommune:` with navn and kommunenummer",
                    )),
                );
            }
            result.diags.push(Diagnostic::warning(
                shown,
                0,
                0,
                Text::new(
                    "Fila er tom; ingenting er lest fra den",
                    "The file is empty; nothing was read from it",
                ),
            ));
            return result;
        }
    };
    let mut reader = Reader::new(file, shown);
    match kind {
        FileKind::Kommune => result.kommune = entities::kommune(&mut reader, &root),
        FileKind::Samarbeid => result.samarbeid = entities::samarbeid(&mut reader, &root),
        FileKind::Systems => {
            result.systems = read_list(
                &mut reader,
                &root,
                &shape::SYSTEM_FILE,
                "systemer",
                None,
                entities::system,
            )
        }
        FileKind::Projects => {
            result.projects = read_list(
                &mut reader,
                &root,
                &shape::PROJECT_FILE,
                "prosjekter",
                Some("prosjekt"),
                entities::project,
            )
        }
        FileKind::Avvik => {
            result.avvik = read_list(
                &mut reader,
                &root,
                &shape::AVVIK_FILE,
                "avvik",
                None,
                entities::avvik,
            )
        }
    }
    // Fields are read in model order; report them in the order they stand in the file.
    reader.diags.sort_by_key(|d| (d.line, d.column));
    result.diags.append(&mut reader.diags);
    // Enough to act on: a file with thousands of problems (a wrong file, or a hostile one)
    // must not flood the terminal or the CI log.
    skipped += reader.skipped + result.diags.len().saturating_sub(MAX_PROBLEMS);
    result.diags.truncate(MAX_PROBLEMS);
    if skipped > 0 {
        let more = skipped;
        result.diags.push(Diagnostic::error(
            shown,
            0,
            0,
            Text::new(
                format!("… og {more} feil til i denne fila"),
                format!("… and {more} more errors in this file"),
            ),
        ));
    }
    result
}

/// A file holds `<list_key>:` with a list; for projects also `<single_key>:` with one entry;
/// for systems (no single key) a system may stand alone at the top level.
fn read_list<T>(
    r: &mut Reader,
    root: &Node,
    file_shape: &shape::Shape,
    list_key: &'static str,
    single_key: Option<&'static str>,
    read: fn(&mut Reader, &Node) -> Option<T>,
) -> Vec<T> {
    let Value::Map(entries) = &root.value else {
        let hint = Text::new(
            format!("Start fila med `{list_key}:` og en liste under"),
            format!("Start the file with `{list_key}:` and a list under it"),
        );
        r.error(
            root.line,
            root.column,
            Text::new(
                "Fila må være en mapping øverst",
                "The file must hold a mapping at the top",
            ),
            Some(hint),
        );
        return Vec::new();
    };
    let has = |k: &str| entries.iter().any(|e| e.key == k);
    let wrapped = has(list_key) || single_key.is_some_and(has);
    if !wrapped {
        // `system:` or `systemr:` at the top is a misspelt wrapper, not a system.
        let misspelt = match entries.as_slice() {
            [only] if matches!(only.value.value, Value::Seq(_) | Value::Map(_)) => {
                crate::suggest::did_you_mean(&only.key, std::iter::once(list_key).chain(single_key))
                    .map(|near| (only, near))
            }
            _ => None,
        };
        if let Some((entry, near)) = misspelt {
            r.error(
                entry.line,
                entry.column,
                Text::new(
                    format!("Ukjent felt `{}` øverst i fila", entry.key),
                    format!("Unknown key `{}` at the top of the file", entry.key),
                ),
                Some(Text::new(
                    format!("Mente du `{near}:`?"),
                    format!("Did you mean `{near}:`?"),
                )),
            );
            return Vec::new();
        }
        if single_key.is_none() {
            return read(r, root).into_iter().collect();
        }
        let single = single_key.unwrap_or(list_key);
        let hint = Text::new(
            format!("Start fila med `{single}:` (ett) eller `{list_key}:` (en liste)"),
            format!("Start the file with `{single}:` (one) or `{list_key}:` (a list)"),
        );
        r.error(
            root.line,
            root.column,
            Text::new(
                format!("Fila mangler `{single}:` eller `{list_key}:` øverst"),
                format!("The file lacks `{single}:` or `{list_key}:` at the top"),
            ),
            Some(hint),
        );
        return Vec::new();
    }
    let Some(fields) = r.map(root, list_key, file_shape) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Some(key) = single_key {
        match fields.get(key) {
            Some(node) if matches!(node.value, Value::Seq(_)) => r.error(
                node.line,
                node.column,
                Text::new(
                    format!("`{key}:` holder én oppføring, ikke en liste"),
                    format!("`{key}:` holds one entry, not a list"),
                ),
                Some(Text::new(
                    format!("Bruk `{list_key}:` for en liste"),
                    format!("Use `{list_key}:` for a list"),
                )),
            ),
            Some(node) => out.extend(read(r, node)),
            None => {}
        }
    }
    out.extend(r.list(&fields, list_key, read));
    out
}

/// The message and hint for a YAML problem, and where to show it.
fn yaml_error_text(err: &YamlError, text: &str) -> (u32, u32, Text, Option<Text>) {
    // A tab in the indentation confuses the parser, which then reports a later place:
    // point at the tab itself.
    if matches!(err.kind, YamlErrorKind::Syntax(_)) {
        if let Some((line, column)) = first_indenting_tab(text, err.line + 1) {
            let message = Text::new("Tabulator i innrykket", "A tab in the indentation");
            let hint = Text::new(
                "YAML tillater bare mellomrom til innrykk; bytt tabulatoren med mellomrom",
                "YAML allows only spaces for indentation; replace the tab with spaces",
            );
            return (line, column, message, Some(hint));
        }
    }
    let (message, hint) = match &err.kind {
        YamlErrorKind::Syntax(info) => {
            // «tab» as a word: «unprintable» is no tab.
            let about_tabs = info
                .split(|c: char| !c.is_ascii_alphabetic())
                .any(|w| w == "tab" || w == "tabs");
            let hint = if about_tabs {
                Text::new(
                    "Bruk mellomrom, ikke tabulator, til innrykk",
                    "Indent with spaces, not tabs",
                )
            } else {
                Text::new(
                    "Sjekk innrykk, kolon og anførselstegn på denne linja og linja før",
                    "Check indentation, colons and quotes on this line and the one before",
                )
            };
            (
                Text::new(
                    format!("Ugyldig YAML: {info}"),
                    format!("Invalid YAML: {info}"),
                ),
                Some(hint),
            )
        }
        YamlErrorKind::TooDeep => (
            Text::new(
                format!("For dyp nesting (mer enn {} nivåer)", yaml::MAX_DEPTH),
                format!("Nesting too deep (more than {} levels)", yaml::MAX_DEPTH),
            ),
            Some(Text::new(
                "Ingen del av formatet trenger så mange nivåer; sjekk at klammer og innrykk er lukket riktig",
                "No part of the format needs that many levels; check that brackets and indentation close properly",
            )),
        ),
        YamlErrorKind::AliasBudget => (
            Text::new(
                "YAML-aliasene (*navn) ville gjort fila mange ganger større enn den er; fila avvises",
                "The YAML aliases (*name) would make the file many times larger than it is; the file is refused",
            ),
            Some(Text::new(
                "Skriv verdiene ut i stedet for å bruke ankre og aliaser",
                "Write the values out instead of using anchors and aliases",
            )),
        ),
        YamlErrorKind::UnknownAlias => (
            Text::new(
                "Alias til et anker som ikke finnes",
                "Alias to an anchor that does not exist",
            ),
            None,
        ),
        YamlErrorKind::ComplexKey => (
            Text::new("Nøkler må være enkel tekst", "Keys must be plain text"),
            None,
        ),
        YamlErrorKind::DuplicateKey { key, first_line } => (
            {
                let key = shorten(key);
                Text::new(
                    format!(
                        "Nøkkelen `{key}` står to ganger i samme mapping (første gang på linje {first_line})"
                    ),
                    format!(
                        "The key `{key}` appears twice in one mapping (first on line {first_line})"
                    ),
                )
            },
            Some(Text::new(
                "Fjern eller slå sammen den ene",
                "Remove or merge one of them",
            )),
        ),
        YamlErrorKind::Tag(tag) => (
            Text::new(
                format!(
                    "YAML-taggen `{}` er ikke en del av formatet; fila avvises",
                    shorten(tag)
                ),
                format!(
                    "The YAML tag `{}` is not part of the format; the file is refused",
                    shorten(tag)
                ),
            ),
            Some(Text::new(
                "Fjern taggen: prinsipp leser bare vanlige verdier (tekst, tall, datoer, lister, mappinger)",
                "Remove the tag: prinsipp reads plain values only (text, numbers, dates, lists, mappings)",
            )),
        ),
        YamlErrorKind::SeveralDocuments => (
            Text::new(
                "Fila har flere YAML-dokumenter (---)",
                "The file holds several YAML documents (---)",
            ),
            Some(Text::new(
                "Legg hvert dokument i en egen fil",
                "Put each document in a file of its own",
            )),
        ),
    };
    let (line, column) = clamp_to_text(text, err.line, err.column);
    (line, column, message, hint)
}

/// The parser reports the end of a file without a final newline as the line after it,
/// and after an unprintable character it may report a column past the end of its line:
/// point at a place that exists instead, the end of that line (or of the last one).
/// Lines are counted as everywhere else: CR LF, a lone CR and LF each end one.
fn clamp_to_text(text: &str, line: u32, column: u32) -> (u32, u32) {
    let lines: Vec<&str> = text
        .split("\r\n")
        .flat_map(|l| l.split(['\r', '\n']))
        .collect();
    match lines.get(line.max(1) as usize - 1) {
        Some(l) => (line.max(1), column.clamp(1, l.chars().count() as u32 + 1)),
        None => {
            let last = lines.last().map_or(0, |l| l.chars().count());
            (lines.len() as u32, last as u32 + 1)
        }
    }
}

/// The first tab in the leading whitespace of a line up to `last_line` (the parser often
/// reports the line before the tab).
fn first_indenting_tab(text: &str, last_line: u32) -> Option<(u32, u32)> {
    text.lines()
        .take(last_line as usize)
        .enumerate()
        .find_map(|(i, line)| {
            let indent: String = line
                .chars()
                .take_while(|c| *c == ' ' || *c == '\t')
                .collect();
            indent.find('\t').map(|col| (i as u32 + 1, col as u32 + 1))
        })
}
