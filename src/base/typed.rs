//! Values as people type them: full-width digits, thousands separators, a trailing 元, dates
//! written `1980/3/4` or `1980年3月4日`. Each is made into the plain form the strict readers take,
//! or left as it is for them to refuse (nothing is guessed).

use crate::base::money::parse_plain_decimal;

/// Full-width ASCII to half-width, the ideographic space to a space.
pub(crate) fn half_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{FF01}'..='\u{FF5E}' => {
                char::from_u32(u32::from(c).saturating_sub(0xFEE0)).unwrap_or(c)
            }
            _ => c,
        })
        .collect()
}

/// `12,000` and `1,234.50` without their separators (only well-formed groups of three), and a
/// trailing 元 dropped from what is then a plain number; anything else as it is, 元 and all, so
/// that the engine's message quotes what was typed (“3千元”, not “3千”).
pub(crate) fn plain_money(s: &str) -> String {
    let s = s.trim();
    let bare = s.trim_end_matches('元').trim();
    let plain = ungrouped(bare);
    if bare.len() != s.len() && parse_plain_decimal(&plain).is_none() {
        return s.to_string();
    }
    plain
}

/// `12,000` and `1,234.50` without their separators; anything else as it is.
fn ungrouped(s: &str) -> String {
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    let groups: Vec<&str> = int.split(',').collect();
    let grouped = groups.len() > 1
        && groups.first().is_some_and(|g| (1..=3).contains(&g.len()))
        && groups.iter().skip(1).all(|g| g.len() == 3)
        && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()));
    if !grouped {
        return s.to_string();
    }
    let joined = groups.concat();
    match frac {
        Some(f) => format!("{joined}.{f}"),
        None => joined,
    }
}

/// A number as an officer types it (full-width digits, thousands separators, a trailing 元) in the
/// plain form the strict readers take; what is not clearly a number is left for them to refuse.
pub(crate) fn typed_number(v: &str) -> String {
    plain_money(half_width(v).trim())
}

/// A date as people write it (`1980/3/4`, `1980-3-4`, `1980.3.4`, `1980年3月4日`, full-width
/// digits) as `1980-03-04`; `None` when it is not clearly a date of that shape (the strict reader
/// then judges it as written, and checks the calendar).
pub fn typed_date(v: &str) -> Option<String> {
    let v = half_width(v);
    let v = v.trim();
    let (y, m, d) = match v.strip_suffix('日') {
        Some(rest) => {
            let (y, rest) = rest.split_once('年')?;
            let (m, d) = rest.split_once('月')?;
            (y, m, d)
        }
        None => {
            // Bytes, not chars: `str::contains` of a char not known when compiling goes through
            // the standard library's substring search, which nothing else here needs.
            let sep = [b'/', b'-', b'.']
                .into_iter()
                .find(|s| v.as_bytes().contains(s))?;
            let mut parts = v.split(char::from(sep));
            let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
            if parts.next().is_some() {
                return None;
            }
            (y, m, d)
        }
    };
    let digits = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    if !digits(y, 4..=4) || !digits(m, 1..=2) || !digits(d, 1..=2) {
        return None;
    }
    Some(format!("{y}-{m:0>2}-{d:0>2}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_not_clearly_money_is_left_for_the_engine_to_refuse() {
        for odd in ["12,00", "1,2345", "12.000,5", "abc"] {
            assert_eq!(plain_money(odd), odd);
        }
    }

    #[test]
    fn a_trailing_yuan_is_dropped_only_from_a_number() {
        for (typed, plain) in [
            ("3000元", "3000"),
            ("3,000元", "3000"),
            ("1,234.50 元", "1234.50"),
        ] {
            assert_eq!(plain_money(typed), plain);
        }
        // Not a number: kept whole, so that the message quotes the officer's own words.
        for odd in ["3千元", "两千元", "12,00元"] {
            assert_eq!(plain_money(odd), odd);
        }
    }

    #[test]
    fn a_date_is_split_at_its_first_kind_of_separator() {
        for (typed, iso) in [
            ("1980/3/4", Some("1980-03-04")),
            ("1980-3-4", Some("1980-03-04")),
            ("1980.3.4", Some("1980-03-04")),
            ("１９８０．３．４", Some("1980-03-04")),
            // '/' is looked for first, then '-', then '.': a mix is not a date of one shape.
            ("1980/3-4", None),
            ("1980-3.4", None),
            ("1980 3 4", None),
        ] {
            assert_eq!(typed_date(typed).as_deref(), iso, "{typed}");
        }
    }
}
