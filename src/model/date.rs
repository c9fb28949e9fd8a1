//! A calendar date (YYYY-MM-DD) with the little arithmetic the rules need. A date read from
//! the files may be partial (`2023-05`, `2023`) where the source only knows the month or
//! the year: it then stands for the first day of that period, so a rule that asks whether
//! a date has passed or is too old answers yes as early as it could be true, and hides
//! nothing (`latest` gives the period's last day where a rule needs the other end).

use std::fmt;

/// Dates compare by the day they stand for: `2023-05` is `2023-05-01` to every comparison,
/// however it is written.
#[derive(Debug, Clone, Copy)]
pub struct Date {
    year: i32,
    month: u32,
    day: u32,
    precision: Precision,
}

impl Date {
    fn key(self) -> (i32, u32, u32) {
        (self.year, self.month, self.day)
    }
}

impl PartialEq for Date {
    fn eq(&self, other: &Date) -> bool {
        self.key() == other.key()
    }
}

impl Eq for Date {}

impl PartialOrd for Date {
    fn partial_cmp(&self, other: &Date) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Date {
    fn cmp(&self, other: &Date) -> std::cmp::Ordering {
        self.key().cmp(&other.key())
    }
}

impl std::hash::Hash for Date {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.key().hash(state);
    }
}

/// How much of a date its source knew.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Day,
    Month,
    Year,
}

impl Date {
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date {
            year,
            month,
            day,
            precision: Precision::Day,
        })
    }

    /// Parses `YYYY-MM-DD`, or a partial `YYYY-MM` or `YYYY` (a year from 1000 on), as the
    /// files may write it.
    pub fn parse_partial(text: &str) -> Option<Date> {
        let digits = |s: &str| -> Option<u32> {
            (!s.is_empty() && s.bytes().all(|c| c.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        match text.len() {
            10 => Date::parse(text),
            7 if text.as_bytes()[4] == b'-' => {
                let year = digits(text.get(0..4)?)? as i32;
                let month = digits(text.get(5..7)?)?;
                let date = Date::new(year, month, 1).filter(|_| year >= 1000)?;
                Some(Date {
                    precision: Precision::Month,
                    ..date
                })
            }
            4 => {
                let year = digits(text)? as i32;
                let date = Date::new(year, 1, 1).filter(|_| year >= 1000)?;
                Some(Date {
                    precision: Precision::Year,
                    ..date
                })
            }
            _ => None,
        }
    }

    /// What the source knew: the day, only the month, or only the year.
    pub fn precision(self) -> Precision {
        self.precision
    }

    /// The last day the date may stand for: itself when it is a day, else the last day of
    /// its month or year.
    pub fn latest(self) -> Date {
        match self.precision {
            Precision::Day => self,
            Precision::Month => {
                Date::new(self.year, self.month, days_in_month(self.year, self.month))
                    .unwrap_or(self)
            }
            Precision::Year => Date::new(self.year, 12, 31).unwrap_or(self),
        }
    }

    /// Parses exactly `YYYY-MM-DD` with a real calendar day.
    pub fn parse(text: &str) -> Option<Date> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let digits = |r: std::ops::Range<usize>| -> Option<u32> {
            text.get(r.clone())
                .filter(|s| s.bytes().all(|c| c.is_ascii_digit()))
                .and_then(|s| s.parse().ok())
        };
        // Years before 1000 are typing mistakes, not dates of an IT portfolio.
        let year = digits(0..4)? as i32;
        (year >= 1000).then_some(())?;
        Date::new(year, digits(5..7)?, digits(8..10)?)
    }

    /// Today in Norway (Europe/Oslo), from the system clock (only the CLI calls this; rules
    /// get a date): between midnight and 01:00 or 02:00 Norwegian time, UTC is still on
    /// yesterday.
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        Date::in_oslo(secs)
    }

    /// The date in Europe/Oslo at `secs` seconds after 1970-01-01T00:00Z: UTC+1, and UTC+2
    /// from the last Sunday of March to the last Sunday of October, both at 01:00 UTC (the
    /// EU's summer time, which Norway keeps).
    pub fn in_oslo(secs: i64) -> Date {
        let utc_day = Date::from_days(secs.div_euclid(86_400));
        let year = utc_day.year;
        // The last Sunday of a month, as days since 1970 (1970-01-01 was a Thursday).
        let last_sunday = |month: u32| {
            let last = Date::new(year, month, 31).map_or(0, Date::days);
            last - (last + 4).rem_euclid(7)
        };
        let summer_from = last_sunday(3) * 86_400 + 3_600;
        let summer_to = last_sunday(10) * 86_400 + 3_600;
        let offset = if (summer_from..summer_to).contains(&secs) {
            7_200
        } else {
            3_600
        };
        Date::from_days((secs + offset).div_euclid(86_400))
    }

    /// Moves by whole months; the day is clamped to the target month's length
    /// (2026-08-31 plus one month is 2026-09-30).
    /// Saturates at the years 1 and 9999: a huge parameter gives a far date, never a panic.
    pub fn add_months(self, months: i64) -> Date {
        let index = (self.year as i64 * 12 + (self.month as i64 - 1))
            .saturating_add(months)
            .clamp(12, 9999 * 12 + 11);
        let year = index.div_euclid(12) as i32;
        let month = index.rem_euclid(12) as u32 + 1;
        let day = self.day.min(days_in_month(year, month));
        Date {
            year,
            month,
            day,
            precision: Precision::Day,
        }
    }

    /// Saturates at 0001-01-01 and 9999-12-31, like `add_months`.
    pub fn add_days(self, days: i64) -> Date {
        const FIRST: i64 = -719_162; // 0001-01-01
        const LAST: i64 = 2_932_896; // 9999-12-31
        Date::from_days(self.days().saturating_add(days).clamp(FIRST, LAST))
    }

    /// Year, month (1–12) and day (1–31).
    pub fn ymd(self) -> (i32, u32, u32) {
        (self.year, self.month, self.day)
    }

    /// Whole days from `earlier` to this date (negative when this one is earlier).
    pub fn days_since(self, earlier: Date) -> i64 {
        self.days() - earlier.days()
    }

    /// Days since 1970-01-01 (Howard Hinnant's civil-from-days algorithm).
    fn days(self) -> i64 {
        let y = self.year as i64 - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = self.month as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    fn from_days(z: i64) -> Date {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date {
            year,
            month,
            day,
            precision: Precision::Day,
        }
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.precision {
            Precision::Day => write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day),
            Precision::Month => write!(f, "{:04}-{:02}", self.year, self.month),
            Precision::Year => write!(f, "{:04}", self.year),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Seconds since 1970 at a UTC date and hour.
    fn at(date: &str, hour: i64) -> i64 {
        Date::parse(date).unwrap().days() * 86_400 + hour * 3_600
    }

    #[test]
    fn today_is_norwegian_in_winter_and_in_summer() {
        let day = |d: &str, h| Date::in_oslo(at(d, h)).to_string();
        // Winter, UTC+1: 23:30 UTC is 00:30 the next day in Oslo.
        assert_eq!(day("2026-01-14", 22), "2026-01-14");
        assert_eq!(day("2026-01-14", 23), "2026-01-15");
        // Summer, UTC+2: 22:00 UTC is already midnight in Oslo.
        assert_eq!(day("2026-06-30", 21), "2026-06-30");
        assert_eq!(day("2026-06-30", 22), "2026-07-01");
        // Summer time in 2026 runs from 29 March 01:00 UTC to 25 October 01:00 UTC.
        assert_eq!(day("2026-03-28", 22), "2026-03-28");
        assert_eq!(day("2026-03-29", 22), "2026-03-30");
        assert_eq!(day("2026-10-24", 22), "2026-10-25");
        assert_eq!(day("2026-10-25", 22), "2026-10-25");
        // New Year's Eve at 23:00 UTC is 2027 in Oslo.
        assert_eq!(day("2026-12-31", 23), "2027-01-01");
    }

    #[test]
    fn parses_only_real_dates() {
        assert_eq!(Date::parse("2026-02-28").unwrap().to_string(), "2026-02-28");
        assert!(Date::parse("2026-02-29").is_none());
        assert!(Date::parse("2028-02-29").is_some());
        assert!(Date::parse("2026-13-01").is_none());
        assert!(Date::parse("2026-1-01").is_none());
        assert!(Date::parse("26-01-01xx").is_none());
        assert!(Date::parse("2026-01-0a").is_none());
    }

    #[test]
    fn partial_dates_stand_for_the_first_day_of_their_period() {
        let may = Date::parse_partial("2023-05").unwrap();
        assert_eq!(may.to_string(), "2023-05");
        assert_eq!(may.precision(), Precision::Month);
        assert!(may < Date::parse("2023-05-02").unwrap());
        // It is its first day to every comparison: not later, not earlier.
        assert_eq!(may, Date::parse("2023-05-01").unwrap());
        assert!(may <= Date::parse("2023-05-01").unwrap());
        assert!(may >= Date::parse("2023-05-01").unwrap());
        assert!(may > Date::parse("2023-04-30").unwrap());
        assert_eq!(may.latest().to_string(), "2023-05-31");
        let year = Date::parse_partial("2024").unwrap();
        assert_eq!(year.to_string(), "2024");
        assert_eq!(year.latest().to_string(), "2024-12-31");
        assert!(year < Date::parse("2024-01-02").unwrap());
        assert_eq!(year.add_months(1).to_string(), "2024-02-01");
        assert_eq!(
            Date::parse_partial("2023-05-17").unwrap().to_string(),
            "2023-05-17"
        );
        for bad in [
            "2023-13", "2023-5", "999", "0999", "23", "2023-00", "202a", "2023-05-", "",
        ] {
            assert!(Date::parse_partial(bad).is_none(), "{bad}");
        }
        // Strict parsing (the CLI's --dato) takes only whole days.
        assert!(Date::parse("2023-05").is_none());
    }

    #[test]
    fn month_arithmetic_clamps_the_day() {
        let d = Date::parse("2026-08-31").unwrap();
        assert_eq!(d.add_months(1).to_string(), "2026-09-30");
        assert_eq!(d.add_months(-12).to_string(), "2025-08-31");
        assert_eq!(d.add_months(-8).to_string(), "2025-12-31");
        assert_eq!(
            Date::parse("2028-02-29")
                .unwrap()
                .add_months(12)
                .to_string(),
            "2029-02-28"
        );
    }

    #[test]
    fn arithmetic_saturates_instead_of_overflowing() {
        let d = Date::parse("2026-06-01").unwrap();
        assert_eq!(d.add_months(i64::MAX).to_string(), "9999-12-01");
        assert_eq!(d.add_months(i64::MIN).to_string(), "0001-01-01");
        assert_eq!(d.add_days(i64::MAX).to_string(), "9999-12-31");
        assert_eq!(d.add_days(i64::MIN).to_string(), "0001-01-01");
    }

    #[test]
    fn day_arithmetic_round_trips() {
        let d = Date::parse("2026-06-01").unwrap();
        assert_eq!(d.add_days(30).to_string(), "2026-07-01");
        assert_eq!(d.add_days(-1).to_string(), "2026-05-31");
        assert_eq!(Date::parse("1970-01-01").unwrap().days(), 0);
        assert_eq!(Date::from_days(0).to_string(), "1970-01-01");
        assert_eq!(
            Date::parse("2024-12-31").unwrap().add_days(1).to_string(),
            "2025-01-01"
        );
    }
}
