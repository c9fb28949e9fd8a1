//! Reading the values kommuner write in sheets: headers matched loosely, dates and numbers
//! in the forms Norwegian sheets use, yes/no, and ids made from names. Each reader says
//! `None` when a value cannot be read with certainty: the importer then leaves the field
//! absent and reports the raw text, so no guess hides a finding.

use crate::model::Date;

/// A header or a value as compared: trimmed, non-breaking spaces as spaces, runs of white
/// space as one, lower case, æ/ø/å as ae/o/aa (so «Livsløp», «livslop» and «LIVSLØP» are
/// one header).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.trim().chars().flat_map(char::to_lowercase) {
        match c {
            c if c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}' => space = true,
            _ => {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                match c {
                    'æ' => out.push_str("ae"),
                    'ø' | 'ö' => out.push('o'),
                    'å' => out.push_str("aa"),
                    'ä' => out.push('a'),
                    'é' | 'è' | 'ê' => out.push('e'),
                    c => out.push(c),
                }
            }
        }
    }
    out
}

/// An id from a name: lower case, æ/ø/å folded, every other run of characters outside
/// `a-z0-9` as one `-`, no `-` at either end, at most 100 characters (cut at a `-` where
/// possible). `None` when nothing is left.
pub fn slug(name: &str) -> Option<String> {
    let folded = fold(name);
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.len() > crate::load::MAX_ID_CHARS {
        out.truncate(crate::load::MAX_ID_CHARS);
        if let Some(cut) = out
            .rfind('-')
            .filter(|&i| i > crate::load::MAX_ID_CHARS / 2)
        {
            out.truncate(cut);
        }
        while out.ends_with('-') {
            out.pop();
        }
    }
    (!out.is_empty()).then_some(out)
}

/// A date written as `YYYY-MM-DD`, an ISO date and time (the date is taken), `DD.MM.YYYY`
/// or `D.M.YYYY`; or partial, where the sheet knows only the month or the year: `YYYY-MM`,
/// `MM.YYYY`, `YYYY`. Anything else — `M/D/YYYY`, «Vår 2023», a date that does not exist —
/// is `None`: a month-first date cannot be told from a day-first one, and a season is no
/// date.
pub fn date(text: &str) -> Option<Date> {
    let text = text.trim();
    if let Some(date) = Date::parse_partial(text) {
        return Some(date);
    }
    // 2026-03-01T00:00:00, 2026-03-01 10:00
    if let Some(date) = text.get(..10).and_then(Date::parse) {
        if text[10..].starts_with(['T', ' ']) {
            return Some(date);
        }
    }
    let parts: Vec<&str> = text.split('.').collect();
    if let [day, month, year] = parts.as_slice() {
        let number = |s: &str, max_len: usize| -> Option<u32> {
            (!s.is_empty() && s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        if year.len() == 4 {
            return Date::new(number(year, 4)? as i32, number(month, 2)?, number(day, 2)?);
        }
    }
    // 05.2023, 5.2023
    if let [month, year] = parts.as_slice() {
        let digits = |s: &str, lens: std::ops::RangeInclusive<usize>| {
            lens.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
        };
        if digits(month, 1..=2) && digits(year, 4..=4) {
            let month: u32 = month.parse().ok()?;
            return Date::parse_partial(&format!("{year}-{month:02}"));
        }
    }
    None
}

/// An Excel serial date (days since 1899-12-30 in the 1900 system, since 1904-01-01 in
/// the 1904 system); the time of day is dropped. Serials before 1900-03-01 are `None`
/// (Excel counts a 29 February 1900 that never was).
pub fn excel_date(serial: f64, is_1904: bool) -> Option<Date> {
    if !serial.is_finite() || !(61.0..3_000_000.0).contains(&serial) {
        return None;
    }
    let base = if is_1904 {
        Date::new(1904, 1, 1)?
    } else {
        Date::new(1899, 12, 30)?
    };
    Some(base.add_days(serial.floor() as i64))
}

/// A number as Norwegian sheets write it: `1 234 567,50`, `1.234.567,50`, `12,5 %`,
/// `kr 4 200 000`, `4200000 NOK`, or with a decimal point (`1234.5`). Thousands may be
/// grouped with spaces, non-breaking spaces or dots; `None` when the grouping does not
/// hold (`1.23.4`) or anything else is left.
pub fn number(text: &str) -> Option<f64> {
    let mut t = fold(text);
    for unit in ["nok", "kr.", "kr", "%", ",-", ".-"] {
        t = t.replace(unit, "");
    }
    let t: String = t
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\'')
        .collect();
    let (negative, t) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.as_str()),
    };
    if t.is_empty()
        || !t
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        return None;
    }
    let (whole, decimals) = match (t.rfind(','), t.rfind('.')) {
        // Both: the last one is the decimal separator, the other groups thousands.
        (Some(c), Some(d)) => {
            let at = c.max(d);
            let grouping = if at == c { '.' } else { ',' };
            (ungroup(&t[..at], grouping)?, &t[at + 1..])
        }
        (Some(c), None) if t.matches(',').count() == 1 => (t[..c].to_string(), &t[c + 1..]),
        (Some(_), None) => (ungroup(t, ',')?, ""),
        // A single dot before exactly three digits groups thousands (Norwegian `1.234`);
        // otherwise it is a decimal point.
        (None, Some(d)) if t.matches('.').count() == 1 && t.len() - d - 1 != 3 => {
            (t[..d].to_string(), &t[d + 1..])
        }
        (None, Some(_)) => (ungroup(t, '.')?, ""),
        (None, None) => (t.to_string(), ""),
    };
    if whole.is_empty() || !decimals.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let value: f64 = format!(
        "{whole}.{}",
        if decimals.is_empty() { "0" } else { decimals }
    )
    .parse()
    .ok()?;
    in_range(if negative { -value } else { value })
}

/// Larger than any amount or count a kommune writes (a thousand billion): a value beyond
/// it is a mistake or an attack, not a number to write.
pub const MAX_NUMBER: f64 = 1e15;

/// `n` when it is a number that can be written back exactly enough: finite, within
/// `MAX_NUMBER`.
pub fn in_range(n: f64) -> Option<f64> {
    (n.is_finite() && n.abs() < MAX_NUMBER).then_some(n)
}

/// `1.234.567` → `1234567` when every group after the first has three digits.
fn ungroup(text: &str, separator: char) -> Option<String> {
    let mut groups = text.split(separator);
    let first = groups.next()?;
    if first.is_empty() || first.len() > 3 {
        return None;
    }
    let mut out = first.to_string();
    for group in groups {
        if group.len() != 3 {
            return None;
        }
        out.push_str(group);
    }
    Some(out)
}

/// Yes or no as sheets write it (`ja`, `x`, `✓`, `true`, `1` / `nei`, `false`, `0`); `None`
/// for anything else, the empty cell included.
pub fn yes_no(text: &str) -> Option<bool> {
    match fold(text).as_str() {
        "ja" | "j" | "x" | "✓" | "✔" | "true" | "sann" | "1" | "yes" | "y" => Some(true),
        "nei" | "n" | "false" | "usann" | "0" | "no" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_fold_to_one_form() {
        assert_eq!(fold("  Livsløp\u{a0}status "), "livslop status");
        assert_eq!(fold("SYSTEMEIER"), "systemeier");
        assert_eq!(fold("Tjeneste-\n  område"), "tjeneste- omraade");
        assert_eq!(fold("Leverandør"), "leverandor");
    }

    #[test]
    fn ids_are_slugs_of_names() {
        assert_eq!(
            slug("Visma Flyt Skole").as_deref(),
            Some("visma-flyt-skole")
        );
        assert_eq!(slug("Gerica (PLO)").as_deref(), Some("gerica-plo"));
        assert_eq!(
            slug("Sak/arkiv – Elements").as_deref(),
            Some("sak-arkiv-elements")
        );
        assert_eq!(slug("Økonomi og lønn").as_deref(), Some("okonomi-og-lonn"));
        assert_eq!(slug(" -- ").as_deref(), None);
        let long = slug(&"ord ".repeat(60)).unwrap();
        assert!(long.len() <= 100 && !long.ends_with('-'), "{long}");
    }

    #[test]
    fn dates_in_the_forms_sheets_use() {
        let d = |s: &str| date(s).map(|d| d.to_string());
        assert_eq!(d("2028-01-15").as_deref(), Some("2028-01-15"));
        assert_eq!(d("15.01.2028").as_deref(), Some("2028-01-15"));
        assert_eq!(d("15.1.2028").as_deref(), Some("2028-01-15"));
        assert_eq!(d("5.1.2028").as_deref(), Some("2028-01-05"));
        assert_eq!(d("2028-01-15T23:00:00Z").as_deref(), Some("2028-01-15"));
        assert_eq!(d("1/15/2028"), None);
        assert_eq!(d("Vår 2023"), None);
        assert_eq!(d("31.02.2028"), None);
        // Partial: only the year or the month is known.
        assert_eq!(d("2023").as_deref(), Some("2023"));
        assert_eq!(d("2023-05").as_deref(), Some("2023-05"));
        assert_eq!(d("05.2023").as_deref(), Some("2023-05"));
        assert_eq!(d("5.2023").as_deref(), Some("2023-05"));
        assert_eq!(d("13.2023"), None);
        assert_eq!(d("5.23"), None);
        assert_eq!(d("17.2023-05"), None);
        assert_eq!(d("+5.2023"), None);
        assert_eq!(
            excel_date(46_402.0, false)
                .map(|d| d.to_string())
                .as_deref(),
            Some("2027-01-15")
        );
        assert_eq!(
            excel_date(44_940.0, true).map(|d| d.to_string()).as_deref(),
            Some("2027-01-15")
        );
        assert_eq!(excel_date(12.0, false), None);
    }

    #[test]
    fn numbers_in_the_forms_sheets_use() {
        assert_eq!(number("1 234 567,50"), Some(1_234_567.5));
        assert_eq!(number("1\u{a0}234\u{a0}567"), Some(1_234_567.0));
        assert_eq!(number("1.234.567,50"), Some(1_234_567.5));
        assert_eq!(number("1,234,567.50"), Some(1_234_567.5));
        assert_eq!(number("kr 4 200 000"), Some(4_200_000.0));
        assert_eq!(number("4200000 NOK"), Some(4_200_000.0));
        assert_eq!(number("12,5 %"), Some(12.5));
        assert_eq!(number("1.234"), Some(1234.0));
        assert_eq!(number("1.5"), Some(1.5));
        assert_eq!(number("-40"), Some(-40.0));
        assert_eq!(number("1.23.4"), None);
        assert_eq!(number("ca. 40"), None);
        assert_eq!(number(""), None);
        // Too large to be an amount, or to write back (400 digits would be infinite).
        assert_eq!(number("999 999 999 999 999"), Some(999_999_999_999_999.0));
        assert_eq!(number("1 000 000 000 000 000"), None);
        assert_eq!(number(&"9".repeat(400)), None);
    }

    #[test]
    fn yes_and_no() {
        assert_eq!(yes_no("Ja"), Some(true));
        assert_eq!(yes_no(" x "), Some(true));
        assert_eq!(yes_no("NEI"), Some(false));
        assert_eq!(yes_no(""), None);
        assert_eq!(yes_no("kanskje"), None);
    }
}
