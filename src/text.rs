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

    /// The same text with every «quoted value» cut (see [`cut_quoted`]).
    pub fn cut_quoted(self) -> Text {
        Text {
            nb: cut_quoted(&self.nb).into_owned(),
            en: cut_quoted(&self.en).into_owned(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Nb => &self.nb,
            Lang::En => &self.en,
        }
    }
}

/// «1 system», «3 systemer»: a count with its noun in the right number.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// An amount of kroner with its thousands grouped by spaces: «4 200 000».
pub fn kroner(amount: u64) -> String {
    let digits = amount.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(' ');
        }
        out.push(ch);
    }
    out
}

/// Joins names for a message: «a, b og c» / "a, b and c"; past ten, «a, … j og 37 til» /
/// "a, … j and 37 more".
pub fn join_names(names: &[&str], lang: Lang) -> String {
    let (and, more) = match lang {
        Lang::Nb => ("og", "til"),
        Lang::En => ("and", "more"),
    };
    join_with(names, and, more)
}

/// Joins alternatives: «a, b eller c» / "a, b or c".
pub fn join_alternatives(names: &[&str], lang: Lang) -> String {
    let (or, more) = match lang {
        Lang::Nb => ("eller", "andre"),
        Lang::En => ("or", "others"),
    };
    join_with(names, or, more)
}

/// How many names a message lists before it counts the rest: a finding stays a line to
/// read, however many systems a portfolio has.
pub const LISTED: usize = 10;

fn join_with(names: &[&str], and: &str, more: &str) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_string(),
        // Counting one name saves nothing: the rest is counted from two on.
        _ if names.len() > LISTED + 1 => format!(
            "{} {and} {} {more}",
            names[..LISTED].join(", "),
            names.len() - LISTED
        ),
        [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
    }
}

/// Characters that change the direction of the text around them: the embeddings,
/// overrides and isolates, and the directional marks.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// What no output a person reads shows as is: control characters (C0, DEL, C1), bidi
/// controls, and the line and paragraph separators.
pub fn is_hidden(c: char) -> bool {
    c.is_control() || is_bidi_control(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

/// The most characters of a value the user wrote that a message repeats.
pub const MAX_SHOWN_CHARS: usize = 80;

/// A value the user wrote, as a message repeats it: cut to `MAX_SHOWN_CHARS` with «…», so
/// a 4 MB value is not echoed whole to a terminal or a CI log.
pub fn shorten(value: &str) -> std::borrow::Cow<'_, str> {
    match value.char_indices().nth(MAX_SHOWN_CHARS) {
        None => std::borrow::Cow::Borrowed(value),
        Some((end, _)) => std::borrow::Cow::Owned(format!("{}…", &value[..end])),
    }
}

/// A message with every «quoted value» in it cut as [`shorten`] cuts one: messages quote
/// what the user wrote in «», so this bounds every message whatever the input.
pub fn cut_quoted(message: &str) -> std::borrow::Cow<'_, str> {
    if !message.contains('«') {
        return std::borrow::Cow::Borrowed(message);
    }
    let mut out = String::with_capacity(message.len().min(1024));
    let mut rest = message;
    while let Some(open) = rest.find('«') {
        let (before, quoted) = rest.split_at(open + '«'.len_utf8());
        out.push_str(before);
        let Some(close) = quoted.find('»') else {
            out.push_str(&shorten(quoted));
            return std::borrow::Cow::Owned(out);
        };
        out.push_str(&shorten(&quoted[..close]));
        rest = &quoted[close..];
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lists_name_ten_and_count_the_rest() {
        let names: Vec<String> = (1..=47).map(|i| format!("s{i}")).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        assert_eq!(
            join_names(&names, Lang::Nb),
            "s1, s2, s3, s4, s5, s6, s7, s8, s9, s10 og 37 til"
        );
        assert_eq!(
            join_alternatives(&names[..12], Lang::En),
            "s1, s2, s3, s4, s5, s6, s7, s8, s9, s10 or 2 others"
        );
        assert_eq!(
            join_names(&names[..11], Lang::Nb),
            "s1, s2, s3, s4, s5, s6, s7, s8, s9, s10 og s11"
        );
        assert_eq!(
            join_names(&names[..10], Lang::En),
            "s1, s2, s3, s4, s5, s6, s7, s8, s9 and s10"
        );
    }

    #[test]
    fn long_values_are_cut() {
        assert_eq!(shorten("kort"), "kort");
        let long = "æ".repeat(MAX_SHOWN_CHARS + 5);
        assert_eq!(shorten(&long), format!("{}…", "æ".repeat(MAX_SHOWN_CHARS)));
        assert_eq!(
            shorten(&"x".repeat(MAX_SHOWN_CHARS)),
            "x".repeat(MAX_SHOWN_CHARS)
        );
    }

    #[test]
    fn quoted_values_are_cut_in_a_message() {
        let long = "y".repeat(5_000);
        let message = format!("Ukjent regel «{long}» og «kort»");
        assert_eq!(
            cut_quoted(&message),
            format!("Ukjent regel «{}…» og «kort»", "y".repeat(MAX_SHOWN_CHARS))
        );
        assert_eq!(cut_quoted("ingen sitat"), "ingen sitat");
    }

    #[test]
    fn amounts_are_grouped() {
        assert_eq!(kroner(4_200_000), "4 200 000");
        assert_eq!(kroner(999), "999");
        assert_eq!(kroner(1000), "1 000");
    }

    #[test]
    fn joins_in_both_languages() {
        assert_eq!(join_names(&["a", "b", "c"], Lang::Nb), "a, b og c");
        assert_eq!(join_names(&["a", "b"], Lang::En), "a and b");
        assert_eq!(join_names(&["a"], Lang::En), "a");
    }
}
