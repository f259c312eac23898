//! Form values into a household: what a page's form gives (strings, trimmed or not, full-width
//! digits, empty fields, numbers from `<select>`s, "是"/"否") made into the household the engine
//! reads, leniently and predictably. The engine's own reading stays strict: this is a separate,
//! documented step for forms, and it says what it changed nothing silently (it only normalises).
//!
//! - text is trimmed; full-width ASCII (０-９, Ａ-Ｚ, ．, －, ，) becomes half-width; an empty field
//!   is left out (the engine's default applies);
//! - money may carry thousands separators (`12,000`, `1,234.50`) and a trailing 元;
//! - counts (`disabilityGrade`, `stableIncomeMonths`) may be numeric text;
//! - yes/no fields accept true/false, "true"/"false", "是"/"否", "1"/"0", "on".

use std::borrow::Cow;

use crate::base::json::Node;

/// What kind of value a field holds, for normalising.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Money,
    Date,
    Count,
    YesNo,
}

fn kind_of(key: &str) -> Kind {
    match key {
        "lastYearIncome" | "rigidSpending" | "dibaoMonthly" | "business" | "property"
        | "transfer" | "other" | "exempt" | "wages" => Kind::Money,
        "stableIncomeMonths" | "disabilityGrade" => Kind::Count,
        "birthDate" | "incomeChangeDate" => Kind::Date,
        "assetTestPassed"
        | "onDibao"
        | "seriousIllness"
        | "hasSupporter"
        | "boarding"
        | "food"
        | "clothing"
        | "education"
        | "medical"
        | "housing"
        | "water"
        | "insured"
        | "healthExemptFromSchool" => Kind::YesNo,
        _ => Kind::Text,
    }
}

/// Full-width ASCII to half-width, the ideographic space to a space.
fn half_width(s: &str) -> String {
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
/// trailing 元 dropped; anything else as it is, for the engine to judge.
fn plain_money(s: &str) -> String {
    let s = s.trim_end_matches('元').trim();
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

/// A register cell of field `key` as a form would give it: for money, full-width digits, thousands
/// separators and a trailing 元 as the page accepts them; any other field as it is.
pub(crate) fn register_value<'v>(key: &str, v: &'v str) -> Cow<'v, str> {
    if kind_of(key) == Kind::Money {
        Cow::Owned(typed_number(v))
    } else {
        Cow::Borrowed(v)
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
pub(crate) fn typed_date(v: &str) -> Option<String> {
    let v = half_width(v);
    let v = v.trim();
    let (y, m, d) = match v.strip_suffix('日') {
        Some(rest) => {
            let (y, rest) = rest.split_once('年')?;
            let (m, d) = rest.split_once('月')?;
            (y, m, d)
        }
        None => {
            let sep = ['/', '-', '.'].into_iter().find(|s| v.contains(*s))?;
            let mut parts = v.split(sep);
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

fn yes_no(s: &str) -> Option<bool> {
    match s {
        "true" | "是" | "1" | "on" | "yes" => Some(true),
        "false" | "否" | "0" | "off" | "no" => Some(false),
        _ => None,
    }
}

/// One value of field `key`, normalised; `None` when it is empty (to be left out).
fn value<'a>(key: &str, v: &Node<'a>) -> Option<Node<'a>> {
    match v {
        Node::Null => None,
        Node::String(Some(s)) => {
            let text = half_width(s);
            let text = text.trim();
            if text.is_empty() {
                return None;
            }
            Some(match kind_of(key) {
                Kind::Money => Node::String(Some(Cow::Owned(plain_money(text)))),
                Kind::Date => Node::String(Some(Cow::Owned(
                    typed_date(text).unwrap_or_else(|| text.to_string()),
                ))),
                Kind::Count if text.bytes().all(|b| b.is_ascii_digit()) => {
                    Node::Number(Cow::Owned(text.to_string()))
                }
                Kind::YesNo => match yes_no(text) {
                    Some(b) => Node::Bool(b),
                    None => Node::String(Some(Cow::Owned(text.to_string()))),
                },
                _ => Node::String(Some(Cow::Owned(text.to_string()))),
            })
        }
        Node::Array(items) => Some(Node::Array(
            items.iter().filter_map(|i| value(key, i)).collect(),
        )),
        Node::Object(members) => Some(Node::Object(
            members
                .iter()
                .filter_map(|(k, v)| value(k, v).map(|v| (k.clone(), v)))
                .collect(),
        )),
        other => Some(other.clone()),
    }
}

/// The household a form's values describe (its `Node`, ready for the strict reader).
pub fn normalise<'a>(values: &Node<'a>) -> Node<'a> {
    value("", values).unwrap_or(Node::Null)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::json::parse;

    #[test]
    fn form_values_become_a_household() {
        let raw = parse(
            r#"{"region":" 230129 ","status":"","income":{"business":"１２，０００","other":"3,000元"},
                "assetTestPassed":"否","stableIncomeMonths":"６",
                "members":[{"id":" 父亲 ","birthDate":"１９８０-01-01","wages":"12,000.50","disabilityGrade":"2","boarding":"on","schooling":""}]}"#,
        )
        .unwrap();
        let h = normalise(&raw);
        assert_eq!(h.get("region").unwrap().as_str(), Some("230129"));
        assert!(h.get("status").is_none());
        let income = h.get("income").unwrap();
        assert_eq!(income.get("business").unwrap().as_str(), Some("12000"));
        assert_eq!(income.get("other").unwrap().as_str(), Some("3000"));
        assert_eq!(h.get("assetTestPassed"), Some(&Node::Bool(false)));
        assert_eq!(h.get("stableIncomeMonths"), Some(&Node::Number("6".into())));
        let m = &h.get("members").unwrap().as_array().unwrap()[0];
        assert_eq!(m.get("id").unwrap().as_str(), Some("父亲"));
        assert_eq!(m.get("birthDate").unwrap().as_str(), Some("1980-01-01"));
        // Dates as people write them, as a register's cells are read.
        for (typed, iso) in [
            ("1958/1/1", "1958-01-01"),
            ("1958年1月1日", "1958-01-01"),
            ("1958-1-1", "1958-01-01"),
        ] {
            let text = format!(r#"{{"members":[{{"birthDate":"{typed}"}}]}}"#);
            let raw = parse(&text).unwrap();
            let h = normalise(&raw);
            let m = &h.get("members").unwrap().as_array().unwrap()[0];
            assert_eq!(m.get("birthDate").unwrap().as_str(), Some(iso), "{typed}");
        }
        assert_eq!(m.get("wages").unwrap().as_str(), Some("12000.50"));
        assert_eq!(m.get("disabilityGrade"), Some(&Node::Number("2".into())));
        assert_eq!(m.get("boarding"), Some(&Node::Bool(true)));
        assert!(m.get("schooling").is_none());
    }

    #[test]
    fn what_is_not_clearly_money_is_left_for_the_engine_to_refuse() {
        for odd in ["12,00", "1,2345", "12.000,5", "abc"] {
            assert_eq!(plain_money(odd), odd);
        }
    }
}
