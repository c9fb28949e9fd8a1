//! The user's column map (`--kolonner map.toml`): which column is which field, what a
//! sheet's own words mean, and the date form it uses, when the defaults do not fit.
//!
//! ```toml
//! ark = "Systemer"              # the sheet to read (default: every sheet)
//! datoformat = "DD/MM/YYYY"     # also read dates in this form
//! [kolonner]
//! "Navn på løsning" = "navn"    # column → field, dotted for nested (`avtale.utloper`)
//! "Intern merknad" = ""         # leave the column out
//! [verdier.drift]
//! "Azure" = "iaas"              # the sheet's word → the format's value
//! ```

use super::columns::{Field, Kind};
use super::values::fold;
use crate::diagnostic::Diagnostic;
use crate::model::Date;
use crate::text::Text;
use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct MapFile {
    ark: Option<String>,
    datoformat: Option<Spanned<String>>,
    #[serde(default)]
    kolonner: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    verdier: BTreeMap<Spanned<String>, BTreeMap<String, Spanned<String>>>,
}

/// The date forms a column map may name; day-first ones are read anyway.
const DATE_FORMS: &[&str] = &["DD.MM.YYYY", "YYYY-MM-DD", "DD/MM/YYYY", "MM/DD/YYYY"];

/// A column map, checked against the fields of the source it is used with.
#[derive(Debug, Default, Clone)]
pub struct ColumnMap {
    pub sheet: Option<String>,
    /// Folded header → field path ("" = leave the column out).
    columns: BTreeMap<String, String>,
    /// Field path → (folded word → value).
    values: BTreeMap<String, BTreeMap<String, String>>,
    date_form: Option<String>,
}

impl ColumnMap {
    /// Parses `text` (the file `shown`), checking every field and value against `fields`;
    /// every problem is reported, each at its line and column.
    pub fn parse(text: &str, shown: &str, fields: &[Field]) -> Result<ColumnMap, Vec<Diagnostic>> {
        let at = |offset: usize, nb: String, en: String| {
            let (line, column) = crate::config::line_column(text, offset);
            Diagnostic::error(shown, line, column, Text::new(nb, en))
        };
        let file: MapFile = toml::from_str(text).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            vec![at(
                offset,
                format!("Kolonnekartet kan ikke leses: {}", e.message()),
                format!("The column map cannot be read: {}", e.message()),
            )]
        })?;
        let mut errors = Vec::new();
        let paths: Vec<&str> = fields.iter().map(|f| f.path).collect();
        let mut map = ColumnMap {
            sheet: file.ark,
            ..ColumnMap::default()
        };
        if let Some(form) = &file.datoformat {
            if DATE_FORMS.contains(&form.get_ref().as_str()) {
                map.date_form = Some(form.get_ref().clone());
            } else {
                errors.push(at(
                    form.span().start,
                    format!(
                        "Ukjent datoformat «{}»; tillatt: {}",
                        form.get_ref(),
                        DATE_FORMS.join(", ")
                    ),
                    format!(
                        "Unknown date format «{}»; allowed: {}",
                        form.get_ref(),
                        DATE_FORMS.join(", ")
                    ),
                ));
            }
        }
        for (header, path) in &file.kolonner {
            let p = path.get_ref().trim();
            if !p.is_empty() && !paths.contains(&p) {
                errors.push(unknown_field(&at, path, &paths));
                continue;
            }
            map.columns.insert(fold(header), p.to_string());
        }
        for (path, words) in &file.verdier {
            let Some(field) = fields.iter().find(|f| f.path == path.get_ref()) else {
                errors.push(unknown_field(&at, path, &paths));
                continue;
            };
            let Kind::Choice(table) = field.kind else {
                errors.push(at(
                    path.span().start,
                    format!(
                        "`{}` har ingen fast liste av verdier å kartlegge til",
                        field.path
                    ),
                    format!("`{}` has no closed list of values to map to", field.path),
                ));
                continue;
            };
            let allowed: Vec<&str> = {
                let mut v: Vec<&str> = table.iter().map(|(_, value)| *value).collect();
                v.sort_unstable();
                v.dedup();
                v
            };
            let entry = map.values.entry(field.path.to_string()).or_default();
            for (word, value) in words {
                if allowed.contains(&value.get_ref().as_str()) {
                    entry.insert(fold(word), value.get_ref().clone());
                } else {
                    errors.push(at(
                        value.span().start,
                        format!(
                            "«{}» er ikke en verdi av `{}`; tillatt: {}",
                            value.get_ref(),
                            field.path,
                            allowed.join(", ")
                        ),
                        format!(
                            "«{}» is not a value of `{}`; allowed: {}",
                            value.get_ref(),
                            field.path,
                            allowed.join(", ")
                        ),
                    ));
                }
            }
        }
        if errors.is_empty() {
            Ok(map)
        } else {
            Err(errors)
        }
    }

    /// The field the user named for this (folded) header.
    pub fn column(&self, header: &str) -> Option<&str> {
        self.columns.get(header).map(String::as_str)
    }

    /// The user's value for this (folded) word of `path`.
    pub fn value(&self, path: &str, word: &str) -> Option<&str> {
        self.values.get(path)?.get(word).map(String::as_str)
    }

    /// A date in the user's form (`DD/MM/YYYY`, `MM/DD/YYYY`), when one is set.
    pub fn date(&self, text: &str) -> Option<Date> {
        let form = self.date_form.as_deref()?;
        let parts: Vec<&str> = text.trim().split('/').collect();
        let [a, b, year] = parts.as_slice() else {
            return None;
        };
        let n = |s: &str| s.parse::<u32>().ok().filter(|_| (1..=2).contains(&s.len()));
        let year: i32 = year.parse().ok().filter(|_| year.len() == 4)?;
        match form {
            "DD/MM/YYYY" => Date::new(year, n(b)?, n(a)?),
            "MM/DD/YYYY" => Date::new(year, n(a)?, n(b)?),
            _ => None,
        }
    }
}

fn unknown_field(
    at: &impl Fn(usize, String, String) -> Diagnostic,
    path: &Spanned<String>,
    paths: &[&str],
) -> Diagnostic {
    let near = crate::suggest::did_you_mean(path.get_ref(), paths.iter().copied())
        .map(|n| (format!(" Mente du `{n}`?"), format!(" Did you mean `{n}`?")))
        .unwrap_or_default();
    at(
        path.span().start,
        format!(
            "Ukjent felt «{}».{} Felt som kan brukes: {}",
            path.get_ref(),
            near.0,
            paths.join(", ")
        ),
        format!(
            "Unknown field «{}».{} Fields that can be used: {}",
            path.get_ref(),
            near.1,
            paths.join(", ")
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::columns::SYSTEM;

    #[test]
    fn a_map_names_columns_values_and_a_date_form() {
        let map = ColumnMap::parse(
            "ark = \"Systemer\"\ndatoformat = \"MM/DD/YYYY\"\n[kolonner]\n\"Navn på løsning\" = \"navn\"\n\"Merknad\" = \"\"\n[verdier.drift]\n\"Azure\" = \"iaas\"\n",
            "map.toml",
            SYSTEM,
        )
        .unwrap();
        assert_eq!(map.sheet.as_deref(), Some("Systemer"));
        assert_eq!(map.column("navn paa losning"), Some("navn"));
        assert_eq!(map.column("merknad"), Some(""));
        assert_eq!(map.value("drift", "azure"), Some("iaas"));
        assert_eq!(
            map.date("1/15/2028").map(|d| d.to_string()).as_deref(),
            Some("2028-01-15")
        );
    }

    #[test]
    fn every_mistake_is_placed() {
        let errors = ColumnMap::parse(
            "datoformat = \"D/M\"\n[kolonner]\n\"A\" = \"nanv\"\n[verdier.drift]\n\"Azure\" = \"sky\"\n",
            "map.toml",
            SYSTEM,
        )
        .unwrap_err();
        let shown: Vec<String> = errors
            .iter()
            .map(|d| format!("{}: {}", d.place(), d.message.nb))
            .collect();
        assert_eq!(shown.len(), 3, "{shown:?}");
        assert!(
            shown[0].starts_with("map.toml:1:14: Ukjent datoformat «D/M»"),
            "{shown:?}"
        );
        assert!(
            shown[1].starts_with("map.toml:3:7: Ukjent felt «nanv». Mente du `navn`?"),
            "{shown:?}"
        );
        assert!(
            shown[2].starts_with("map.toml:5:11: «sky» er ikke en verdi av `drift`"),
            "{shown:?}"
        );
    }
}
