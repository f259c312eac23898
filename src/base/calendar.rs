//! Dates: strict `YYYY-MM-DD` parsing, ages in whole years, day and month arithmetic.
//!
//! The engine never reads the clock: every calculation takes the date it is for (`asOf`).

use chrono::{Datelike, Months, NaiveDate};

use crate::base::error::{ErrorCode, PolicyError, Result};

/// Dates outside this range are refused (`OUT_OF_RANGE`): nothing in the policy reaches them.
pub const EARLIEST_YEAR: i32 = 1900;
pub const LATEST_YEAR: i32 = 2200;

/// Parse `YYYY-MM-DD` exactly: four-digit year, two-digit month and day, a real calendar date.
pub fn parse_date(text: &str, path: &str) -> Result<NaiveDate> {
    let b = text.as_bytes();
    let shape_ok = b.len() == 10
        && b.get(4) == Some(&b'-')
        && b.get(7) == Some(&b'-')
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape_ok {
        return Err(PolicyError::new(
            ErrorCode::InvalidDate,
            path,
            format!(
                "日期“{}”格式有误，应为 YYYY-MM-DD（如 2023-06-01）",
                crate::base::error::excerpt(text)
            ),
        ));
    }
    // The shape is checked above: the fields are plain digits, read as such (at most four: no
    // overflow).
    let field = |range: std::ops::Range<usize>| {
        b.get(range).unwrap_or_default().iter().fold(0u32, |n, d| {
            n.wrapping_mul(10)
                .wrapping_add(u32::from(d.wrapping_sub(b'0')))
        })
    };
    let year = i32::try_from(field(0..4)).unwrap_or(0);
    let date = NaiveDate::from_ymd_opt(year, field(5..7), field(8..10)).ok_or_else(|| {
        PolicyError::new(
            ErrorCode::InvalidDate,
            path,
            format!("日期“{text}”不存在（请检查月份和日）"),
        )
    })?;
    if !(EARLIEST_YEAR..=LATEST_YEAR).contains(&date.year()) {
        return Err(PolicyError::new(
            ErrorCode::OutOfRange,
            path,
            format!("日期“{text}”超出可计算范围（{EARLIEST_YEAR}—{LATEST_YEAR}年）"),
        ));
    }
    Ok(date)
}

/// `YYYY-MM-DD`.
pub fn format_date(d: NaiveDate) -> String {
    let (y, m, day) = (d.year(), d.month(), d.day());
    let Ok(y @ 0..=9999) = u32::try_from(y) else {
        return format!("{y:04}-{m:02}-{day:02}");
    };
    // By hand: `format!` costs far more, and results carry many dates.
    let digit = |n: u32| b'0'.wrapping_add((n % 10) as u8);
    let bytes = [
        digit(y / 1000),
        digit(y / 100),
        digit(y / 10),
        digit(y),
        b'-',
        digit(m / 10),
        digit(m),
        b'-',
        digit(day / 10),
        digit(day),
    ];
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// Whole years completed on `on` (a person born on 29 February turns a year older on 1 March in
/// common years). Zero when `on` is before `birth`.
pub fn age_on(birth: NaiveDate, on: NaiveDate) -> u32 {
    if on < birth {
        return 0;
    }
    let years = on.year().saturating_sub(birth.year());
    let before_birthday = (on.month(), on.day()) < (birth.month(), birth.day());
    u32::try_from(years)
        .unwrap_or(0)
        .saturating_sub(u32::from(before_birthday))
}

/// Days from `a` to `b` (negative when `b` is earlier).
pub fn days_between(a: NaiveDate, b: NaiveDate) -> i64 {
    b.signed_duration_since(a).num_days()
}

/// `d` plus `n` calendar months (the day is clamped to the month's end), or an error past the range.
pub fn add_months(d: NaiveDate, n: u32) -> Result<NaiveDate> {
    d.checked_add_months(Months::new(n))
        .ok_or_else(|| PolicyError::out_of_range("", "日期计算超出范围"))
}

/// The day before `d`.
pub fn day_before(d: NaiveDate) -> Result<NaiveDate> {
    d.pred_opt()
        .ok_or_else(|| PolicyError::out_of_range("", "日期计算超出范围"))
}

/// The day a person born on `birth` turns `years` (周岁 on the birthday; born on 29 February, 1
/// March in common years, as [`age_on`] counts).
pub fn turns(birth: NaiveDate, years: u32) -> Result<NaiveDate> {
    let day = add_months(birth, years.saturating_mul(12))?;
    if age_on(birth, day) < years {
        return day
            .succ_opt()
            .ok_or_else(|| PolicyError::out_of_range("", "日期计算超出范围"));
    }
    Ok(day)
}

/// The months of a monthly payment left from `from` to its last day `end`, a part month counted
/// whole, at most 12: the least n such that `from` plus n months is after `end` (0 when `end` is
/// before `from`). A 6-month period asked on its first day has 6.
pub fn months_left(from: NaiveDate, end: NaiveDate) -> Result<u32> {
    for n in 0..12 {
        if add_months(from, n)? > end {
            return Ok(n);
        }
    }
    Ok(12)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        parse_date(s, "").unwrap()
    }

    /// Every day from 1900 to 2100 (and the extremes chrono allows) as chrono writes it.
    #[test]
    fn format_date_writes_what_chrono_writes() {
        let mut d = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap();
        while d.year() <= 2100 {
            assert_eq!(format_date(d), d.format("%Y-%m-%d").to_string());
            d = d.succ_opt().unwrap();
        }
        for d in [
            NaiveDate::from_ymd_opt(1, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(9999, 12, 31).unwrap(),
        ] {
            assert_eq!(format_date(d), d.format("%Y-%m-%d").to_string());
        }
    }

    /// 周岁 on the birthday; born 29 February: 1 March in common years, 29 February in leap years.
    #[test]
    fn one_turns_an_age_on_the_birthday() {
        assert_eq!(turns(d("2006-06-01"), 18).unwrap(), d("2024-06-01"));
        assert_eq!(turns(d("2008-02-29"), 18).unwrap(), d("2026-03-01"));
        assert_eq!(turns(d("2008-02-29"), 16).unwrap(), d("2024-02-29"));
        assert_eq!(age_on(d("2008-02-29"), d("2025-02-28")), 16);
        assert_eq!(age_on(d("2008-02-29"), d("2025-03-01")), 17);
    }

    /// Months left, a part month whole: a 渐退 from 2024-03-15 to 2024-09-14 asked on 2024-03-15
    /// has 6 (03-15 + 6 months = 09-15, after the end; + 5 = 08-15, not); asked on 2024-06-01, 4
    /// (06-01 + 3 = 09-01 is not after 09-14, + 4 = 10-01 is); an 18th birthday tomorrow (last day
    /// today) leaves 1; an end a year or more away 12; an end passed 0.
    #[test]
    fn months_left_count_a_part_month_whole() {
        let end = d("2024-09-14");
        assert_eq!(months_left(d("2024-03-15"), end).unwrap(), 6);
        assert_eq!(months_left(d("2024-06-01"), end).unwrap(), 4);
        assert_eq!(months_left(d("2024-09-14"), end).unwrap(), 1);
        assert_eq!(months_left(d("2024-09-15"), end).unwrap(), 0);
        assert_eq!(months_left(d("2024-05-31"), d("2024-05-31")).unwrap(), 1);
        assert_eq!(months_left(d("2023-09-14"), end).unwrap(), 12);
        assert_eq!(months_left(d("2023-09-15"), end).unwrap(), 12);
        assert_eq!(months_left(d("2023-09-16"), end).unwrap(), 12);
        assert_eq!(months_left(d("2023-10-15"), end).unwrap(), 11);
    }

    #[test]
    fn parses_only_real_iso_dates() {
        assert_eq!(
            d("2024-02-29"),
            NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()
        );
        let e = parse_date("2023-02-29", "asOf").unwrap_err();
        assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidDate, "asOf"));
        for bad in [
            "2023-2-01",
            "2023/02/01",
            "20230201",
            " 2023-02-01",
            "2023-02-01T00:00",
            "",
            "２０２３-02-01",
        ] {
            assert_eq!(
                parse_date(bad, "x").unwrap_err().code,
                ErrorCode::InvalidDate,
                "{bad}"
            );
        }
        assert_eq!(
            parse_date("1899-12-31", "x").unwrap_err().code,
            ErrorCode::OutOfRange
        );
        assert_eq!(
            parse_date("2201-01-01", "x").unwrap_err().code,
            ErrorCode::OutOfRange
        );
        // Every day of the range reads as the date chrono writes; months and days that do not
        // exist are refused.
        let mut day = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap();
        while day.year() <= 2200 {
            assert_eq!(
                parse_date(&day.format("%Y-%m-%d").to_string(), "x").unwrap(),
                day
            );
            day = day.succ_opt().unwrap();
        }
        for bad in [
            "2023-13-01",
            "2023-00-10",
            "2023-04-31",
            "2023-01-00",
            "2023-01-32",
        ] {
            assert_eq!(
                parse_date(bad, "x").unwrap_err().code,
                ErrorCode::InvalidDate,
                "{bad}"
            );
        }
    }

    #[test]
    fn ages_are_whole_years_completed() {
        assert_eq!(age_on(d("1963-06-01"), d("2023-05-31")), 59);
        assert_eq!(age_on(d("1963-06-01"), d("2023-06-01")), 60);
        assert_eq!(age_on(d("2008-02-29"), d("2026-02-28")), 17);
        assert_eq!(age_on(d("2008-02-29"), d("2026-03-01")), 18);
        assert_eq!(age_on(d("2030-01-01"), d("2023-01-01")), 0);
    }

    #[test]
    fn month_arithmetic_clamps_to_month_end() {
        assert_eq!(add_months(d("2023-08-31"), 6).unwrap(), d("2024-02-29"));
        assert_eq!(days_between(d("2025-12-31"), d("2026-01-01")), 1);
    }
}
