//! Text shown to people, in bokmål and English.

use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Nb,
    En,
}

/// One message in both languages. Rules and diagnostics build both at once, so switching
/// `--lang` never changes which findings there are.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub nb: String,
    pub en: String,
}

impl Text {
    pub fn new(nb: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            nb: nb.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Nb => &self.nb,
            Lang::En => &self.en,
        }
    }
}

/// Joins names for a message: «a, b og c» / "a, b and c".
pub fn join_names(names: &[&str], lang: Lang) -> String {
    let and = match lang {
        Lang::Nb => "og",
        Lang::En => "and",
    };
    join_with(names, and)
}

/// Joins alternatives: «a, b eller c» / "a, b or c".
pub fn join_alternatives(names: &[&str], lang: Lang) -> String {
    let or = match lang {
        Lang::Nb => "eller",
        Lang::En => "or",
    };
    join_with(names, or)
}

fn join_with(names: &[&str], and: &str) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
    }
}

/// The closest of `candidates` to `word`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let word = word.to_lowercase();
    let limit = (word.chars().count() / 3).clamp(1, 3);
    candidates
        .into_iter()
        .map(|c| (levenshtein(&word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, c)| c)
}

/// Edit distance where swapping two neighbouring letters counts as one edit
/// (optimal string alignment): «drfit» is one edit from «drift».
fn levenshtein(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_misses_only() {
        let names = ["systemeier", "systemforvalter", "drift"];
        assert_eq!(did_you_mean("systemeir", names), Some("systemeier"));
        assert_eq!(did_you_mean("drfit", names), Some("drift"));
        assert_eq!(did_you_mean("budsjett", names), None);
    }

    #[test]
    fn joins_in_both_languages() {
        assert_eq!(join_names(&["a", "b", "c"], Lang::Nb), "a, b og c");
        assert_eq!(join_names(&["a", "b"], Lang::En), "a and b");
        assert_eq!(join_names(&["a"], Lang::En), "a");
    }
}
