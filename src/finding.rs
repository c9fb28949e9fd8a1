//! A finding: one subject breaking one rule, at one place.

use crate::model::{Date, Pos};
use crate::text::Text;
use serde::Deserialize;

/// Ordered so that `Feil` is the highest: `--fail-on` compares with `>=`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Advarsel,
    Feil,
}

impl Severity {
    pub const NAMES: &'static [&'static str] = &["feil", "advarsel", "info"];

    pub fn name(self) -> &'static str {
        match self {
            Severity::Feil => "feil",
            Severity::Advarsel => "advarsel",
            Severity::Info => "info",
        }
    }

    pub fn from_name(name: &str) -> Option<Severity> {
        match name {
            "feil" => Some(Severity::Feil),
            "advarsel" => Some(Severity::Advarsel),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }

    pub fn label(self, lang: crate::text::Lang) -> &'static str {
        match (self, lang) {
            (_, crate::text::Lang::Nb) => self.name(),
            (Severity::Feil, _) => "error",
            (Severity::Advarsel, _) => "warning",
            (Severity::Info, _) => "info",
        }
    }
}

/// What a finding is about.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Subject {
    Project(String),
    System(String),
    Portfolio,
    /// An entry of the deviation register, by its `gjelder`.
    Avvik(String),
}

impl Subject {
    /// The kind as shown to users and in JSON: prosjekt, system, portefolje, avvik.
    pub fn kind(&self) -> &'static str {
        match self {
            Subject::Project(_) => "prosjekt",
            Subject::System(_) => "system",
            Subject::Portfolio => "portefolje",
            Subject::Avvik(_) => "avvik",
        }
    }

    pub fn id(&self) -> Option<&str> {
        match self {
            Subject::Project(id) | Subject::System(id) | Subject::Avvik(id) => Some(id),
            Subject::Portfolio => None,
        }
    }

    /// «prosjekt nytt-sak-arkiv», «portefolje».
    pub fn label(&self) -> String {
        match self.id() {
            Some(id) => format!("{} {id}", self.kind()),
            None => self.kind().to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    Open,
    /// Covered by an approved, unexpired deviation: shown, but no longer failing the run.
    Avvik {
        reference: Option<String>,
        valid_until: Option<Date>,
    },
    /// Already in the baseline (`--baseline`): known, shown, not failing the run.
    Baseline,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub code: String,
    pub severity: Severity,
    pub subject: Subject,
    /// For a finding on a project's new system: that system's id (an avvik may name it).
    pub system: Option<String>,
    pub message: Text,
    pub at: Pos,
    /// The logical path: a JSON pointer inside the subject, stable when lines move.
    pub path: String,
    pub status: Status,
    /// The section of the active strategy profile that asks for the rule.
    pub section: Option<String>,
    /// For a finding that lists what is missing: those keys, as written in YAML. The
    /// summary counts subjects per missing key («29 av 34 systemer mangler drift»).
    pub missing: Vec<&'static str>,
    /// What identifies this finding across runs (see [`fingerprint`]); unique within a
    /// run. Set once every finding of the run is known.
    pub fingerprint: String,
}

impl Finding {
    pub fn is_open(&self) -> bool {
        self.status == Status::Open
    }

    /// Records the keys this finding says are missing (see `missing`).
    pub fn lacking(&mut self, keys: &[&'static str]) -> &mut Finding {
        self.missing = keys.to_vec();
        self
    }

    /// Still breaks its rule: open, or known from the baseline (not covered by an avvik).
    pub fn is_violation(&self) -> bool {
        !matches!(self.status, Status::Avvik { .. })
    }

    /// `open`, `avvik` or `baseline`, as in JSON.
    pub fn status_name(&self) -> &'static str {
        match self.status {
            Status::Open => "open",
            Status::Avvik { .. } => "avvik",
            Status::Baseline => "baseline",
        }
    }
}

/// What identifies a finding across runs: rule, subject and logical path, never the line
/// (which moves when the file is edited). SHA-256 of the four, each preceded by its length
/// (so no two tuples give the same bytes), cut to 128 bits, as 32 hex digits: no id or
/// name a pull request writes can be made to match a fingerprint already in a baseline.
pub fn fingerprint(code: &str, kind: &str, id: &str, path: &str) -> String {
    use sha2::{Digest, Sha256};
    let mut hash = Sha256::new();
    for part in [code, kind, id, path] {
        hash.update((part.len() as u64).to_le_bytes());
        hash.update(part.as_bytes());
    }
    hash.finalize()[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_stable_and_ignore_lines() {
        // Fixed value: changing the hash breaks every baseline users have stored (it was
        // changed once, from FNV-1a, with JSON format_version 2).
        assert_eq!(
            fingerprint("SKY-01", "prosjekt", "x", "/prosjekt/nye_systemer/0/drift"),
            fingerprint("SKY-01", "prosjekt", "x", "/prosjekt/nye_systemer/0/drift")
        );
        // Checked against Python's hashlib (length-prefixed fields, 128 bits).
        assert_eq!(
            fingerprint("A", "b", "c", "d"),
            "b938457d1018c1e7a217425fca6e9b88"
        );
        assert_ne!(
            fingerprint("SKY-01", "prosjekt", "x", "/a"),
            fingerprint("SKY-01", "prosjekt", "x", "/b")
        );
        assert_ne!(
            fingerprint("AB", "c", "", ""),
            fingerprint("A", "bc", "", "")
        );
        // A separator inside a field cannot make two identities one.
        assert_ne!(
            fingerprint("A", "b\u{1f}c", "", "d"),
            fingerprint("A", "b", "c", "d")
        );
    }
}
