//! `check --samle N`: in the table and the markdown, the findings of one rule that say the
//! same (same status, same missing keys) become one row when there are more than N of them:
//! «INV-01 · 29 systemer · mangler drift og systemeier (29 funn samlet)».

use crate::finding::{Finding, Subject};
use crate::text::{Lang, join_names};

/// A row: one finding, or many that say the same.
pub enum Item<'a> {
    One(&'a Finding),
    Many(Vec<&'a Finding>),
}

/// The rows for `findings`, in their order (a group stands where its first finding stood).
pub fn items<'a>(findings: &[&'a Finding], above: Option<usize>) -> Vec<Item<'a>> {
    let Some(above) = above else {
        return findings.iter().map(|f| Item::One(f)).collect();
    };
    // Findings say the same when they lack the same keys, or, for a rule that lists no
    // keys, when their messages are the same.
    type Key<'k> = (
        &'k str,
        crate::finding::Severity,
        &'static str,
        &'k [&'static str],
        &'k str,
    );
    let key = |f: &'a Finding| -> Key<'a> {
        let message = if f.missing.is_empty() {
            f.message.nb.as_str()
        } else {
            ""
        };
        (
            f.code.as_str(),
            f.severity,
            f.status_name(),
            f.missing.as_slice(),
            message,
        )
    };
    let mut groups: std::collections::HashMap<Key, Vec<&Finding>> =
        std::collections::HashMap::new();
    for f in findings {
        groups.entry(key(f)).or_default().push(f);
    }
    let mut out = Vec::new();
    for f in findings {
        let k = key(f);
        match groups.get(&k) {
            Some(group) if group.len() > above => {
                if std::ptr::eq(group[0], *f) {
                    out.push(Item::Many(group.clone()));
                }
            }
            _ => out.push(Item::One(f)),
        }
    }
    out
}

/// «29 systemer, 2 prosjekter»: the distinct subjects of a group.
pub fn subjects(group: &[&Finding], lang: Lang) -> String {
    let distinct: std::collections::HashSet<&Subject> = group.iter().map(|f| &f.subject).collect();
    super::summary::count(crate::figures::subjects::Tally::of(distinct), lang)
}

/// «mangler drift og systemeier (29 funn samlet)», or the message they share.
pub fn message(group: &[&Finding], lang: Lang) -> String {
    let missing = &group[0].missing;
    let what = if missing.is_empty() {
        group[0].message.get(lang).to_string()
    } else {
        let verb = match lang {
            Lang::Nb => "mangler",
            Lang::En => "lack",
        };
        format!("{verb} {}", join_names(missing, lang))
    };
    match lang {
        Lang::Nb => format!("{what} ({} funn samlet)", group.len()),
        Lang::En => format!("{what} ({} findings collapsed)", group.len()),
    }
}

/// «systemer/a.yaml:3:5 og 28 til».
pub fn place(first: &str, group: &[&Finding], lang: Lang) -> String {
    let more = group.len() - 1;
    match lang {
        Lang::Nb => format!("{first} og {more} til"),
        Lang::En => format!("{first} and {more} more"),
    }
}
