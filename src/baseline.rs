//! `--baseline FILE`: an earlier `--format json` result. Findings whose fingerprint is in it
//! are known (shown, not failing); fingerprints in it that no longer occur are resolved.
//! Fingerprints are rule + subject + logical path, so edits that move lines change nothing.

use crate::diagnostic::Diagnostic;
use crate::finding::{Finding, Status};
use crate::text::{Text, shorten};
use serde::Deserialize;
use std::collections::HashSet;

/// The JSON format versions this build reads as a baseline. Version 1 had 64-bit FNV
/// fingerprints, which a crafted id could match: its findings cannot be compared.
const READABLE_VERSIONS: &[u32] = &[2];

#[derive(Debug, Clone, Deserialize)]
struct BaselineFile {
    format_version: u32,
    #[serde(default)]
    strategi: Option<String>,
    /// One kommune's result: its findings.
    findings: Option<Vec<BaselineEntry>>,
    /// Several kommuners' result: each one's findings.
    kommuner: Option<Vec<BaselineKommune>>,
    /// A run's problems; alone, without findings, the result of a run that read nothing.
    #[serde(default)]
    diagnostics: Option<Vec<serde::de::IgnoredAny>>,
}

#[derive(Debug, Clone, Deserialize)]
struct BaselineKommune {
    kommune: KommuneNumber,
    #[serde(default)]
    strategi: Option<String>,
    findings: Vec<BaselineEntry>,
}

#[derive(Debug, Clone, Deserialize)]
struct KommuneNumber {
    kommunenummer: String,
}

/// What a baseline remembers of a finding (enough to say what was resolved).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct BaselineEntry {
    pub fingerprint: String,
    pub code: String,
    pub subject_kind: String,
    pub subject_id: Option<String>,
    pub message: String,
    pub file: String,
    pub line: u32,
    pub path: String,
    /// The kommune the finding is in (absent in results made before several kommuner could
    /// be checked at once: such a finding is taken to be in any kommune).
    #[serde(default)]
    pub kommunenummer: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Baseline {
    entries: Vec<BaselineEntry>,
    /// The strategy profile the baseline was checked against (`None`: every rule).
    pub strategy: Option<String>,
    /// For a result of several kommuner: each kommune's number and strategy profile.
    kommuner: Option<Vec<(String, Option<String>)>>,
}

impl Baseline {
    /// Reads a baseline from its bytes (read by `crate::input`, within the size limit);
    /// `shown` names it in diagnostics.
    pub fn parse(bytes: &[u8], shown: &str) -> Result<Baseline, Box<Diagnostic>> {
        let fail = |nb: String, en: String| {
            Diagnostic::error(shown, 0, 0, Text::new(nb, en)).with_hint(Text::new(
                "En baseline er resultatet av en tidligere kjøring med --format json=FIL",
                "A baseline is the output of an earlier run with --format json=FILE",
            ))
        };
        let file: BaselineFile = serde_json::from_slice(bytes).map_err(|e| {
            let (line, column) = (e.line() as u32, e.column() as u32);
            // serde_json quotes the offending value: cut it.
            let e = shorten(&e.to_string()).into_owned();
            let mut d = fail(
                format!("Ugyldig baseline: {e}"),
                format!("Invalid baseline: {e}"),
            );
            d.line = line;
            d.column = column;
            Box::new(d)
        })?;
        if file.format_version == 1 {
            return Err(Box::new(
                Diagnostic::error(
                    shown,
                    0,
                    0,
                    Text::new(
                        "Baselinen er laget av en eldre prinsipp (format_version 1), med fingeravtrykk som ikke kan sammenlignes med dagens",
                        "The baseline was made by an older prinsipp (format_version 1), with fingerprints that cannot be compared with today's",
                    ),
                )
                .with_hint(Text::new(
                    "Lag den på nytt med denne versjonen: prinsipp check MAPPE --fail-on never --format json=FIL",
                    "Make it again with this version: prinsipp check FOLDER --fail-on never --format json=FILE",
                )),
            ));
        }
        if !READABLE_VERSIONS.contains(&file.format_version) {
            return Err(Box::new(fail(
                format!(
                    "Baseline har format_version {}; denne versjonen av prinsipp leser {READABLE_VERSIONS:?}",
                    file.format_version
                ),
                format!(
                    "The baseline has format_version {}; this version of prinsipp reads {READABLE_VERSIONS:?}",
                    file.format_version
                ),
            )));
        }
        match (file.findings, file.kommuner) {
            (Some(entries), None) => Ok(Baseline {
                strategy: file.strategi,
                entries,
                kommuner: None,
            }),
            (None, Some(list)) => {
                let mut entries = Vec::new();
                let mut kommuner = Vec::new();
                for k in list {
                    let number = k.kommune.kommunenummer;
                    entries.extend(k.findings.into_iter().map(|mut e| {
                        e.kommunenummer.get_or_insert_with(|| number.clone());
                        e
                    }));
                    kommuner.push((number, k.strategi));
                }
                Ok(Baseline {
                    strategy: None,
                    entries,
                    kommuner: Some(kommuner),
                })
            }
            (None, None) if file.diagnostics.is_some() => Err(Box::new(
                Diagnostic::error(
                    shown,
                    0,
                    0,
                    Text::new(
                        "Baselinen er resultatet av en kjøring som ikke kunne lese inndata (exit 2): den har ingen funn å sammenligne med",
                        "The baseline is the result of a run that could not read its input (exit 2): it has no findings to compare with",
                    ),
                )
                .with_hint(Text::new(
                    "Rett feilene den lister under `diagnostics` på målgrenen, eller lag baselinen fra en commit der kontrollen kunne kjøres",
                    "Fix the errors it lists under `diagnostics` on the target branch, or make the baseline from a commit the check could run on",
                )),
            )),
            _ => Err(Box::new(fail(
                "Ugyldig baseline: den skal ha enten `findings` (én kommune) eller `kommuner` (flere)".to_string(),
                "Invalid baseline: it must have either `findings` (one kommune) or `kommuner` (several)".to_string(),
            ))),
        }
    }

    /// What the baseline knows of one kommune: its findings and the strategy it was
    /// checked against. `None` when the baseline is of several kommuner and not this one.
    pub fn for_kommune(&self, number: &str) -> Option<Baseline> {
        let strategy = match &self.kommuner {
            None => self.strategy.clone(),
            Some(list) => list.iter().find(|(n, _)| n == number)?.1.clone(),
        };
        let entries = self
            .entries
            .iter()
            .filter(|e| e.kommunenummer.as_deref().is_none_or(|n| n == number))
            .cloned()
            .collect();
        Some(Baseline {
            entries,
            strategy,
            kommuner: None,
        })
    }

    /// Every fingerprint the baseline holds.
    pub fn fingerprints(&self) -> HashSet<String> {
        self.entries.iter().map(|e| e.fingerprint.clone()).collect()
    }

    /// Marks the open findings the baseline knows; returns what it held that is gone now,
    /// among the rules `ran` (a rule not run this time resolves nothing).
    pub fn apply(
        &self,
        findings: &mut [Finding],
        ran: impl Fn(&str) -> bool,
    ) -> Vec<BaselineEntry> {
        let known: HashSet<&str> = self
            .entries
            .iter()
            .map(|e| e.fingerprint.as_str())
            .collect();
        let mut present = HashSet::new();
        for f in findings.iter_mut() {
            let fingerprint = f.fingerprint.clone();
            if f.is_open() && known.contains(fingerprint.as_str()) {
                f.status = Status::Baseline;
            }
            present.insert(fingerprint);
        }
        let mut seen = HashSet::new();
        self.entries
            .iter()
            .filter(|e| {
                ran(&e.code)
                    && !present.contains(&e.fingerprint)
                    && seen.insert(e.fingerprint.clone())
            })
            .cloned()
            .collect()
    }
}
