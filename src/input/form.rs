//! Form values into a household: what a page's form gives (strings, trimmed or not, full-width
//! digits, empty fields, numbers from `<select>`s, "是"/"否") made into the household the engine
//! reads, leniently and predictably. The engine's own reading stays strict: this is a separate,
//! documented step for forms, and it says what it changed nothing silently (it only normalises).
//!
//! - text is trimmed; full-width ASCII (０-９, Ａ-Ｚ, ．, －, ，) becomes half-width; an empty field
//!   is left out (the engine's default applies), but a `null` member row keeps its place (its
//!   problem, and every later row's, name the row the form shows);
//! - money may carry thousands separators (`12,000`, `1,234.50`) and a trailing 元;
//! - counts (`disabilityGrade`, `stableIncomeMonths`) may be numeric text;
//! - yes/no fields accept true/false, "true"/"false", "是"/"否", "1"/"0", "on".

use std::borrow::Cow;

use crate::base::json::Node;
use crate::base::typed::{half_width, plain_money, typed_date, typed_number};

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

/// A register cell of field `key` as a form would give it: for money, full-width digits, thousands
/// separators and a trailing 元 as the page accepts them; any other field as it is.
pub(crate) fn register_value<'v>(key: &str, v: &'v str) -> Cow<'v, str> {
    if kind_of(key) == Kind::Money {
        Cow::Owned(typed_number(v))
    } else {
        Cow::Borrowed(v)
    }
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
        // A member row is a row of the form: a null one keeps its place (the reader says what is
        // wrong with it), so every later row's problems name the row the officer sees.
        Node::Null if key == "members" => Some(Node::Null),
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
}
