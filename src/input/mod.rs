//! Reading inputs from JSON strictly: every field checked, unknown fields refused (a typo must not
//! drop a figure silently), `null` read as absent, and every error with its code, path and a Chinese
//! message. JavaScript values cross the boundary as JSON text, so both builds read the same thing.

pub mod json;

use rust_decimal::Decimal;
use serde_json::{Map, Value as Json};

use crate::error::{PolicyError, Result};
use crate::money::{parse_plain_decimal, Money};

/// Money as it arrived, already checked (not negative, at most two places, at most 10^10).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MoneyInput(pub Money);

/// Parse JSON text, or `INVALID_INPUT` naming the line and column.
pub fn parse(text: &str, what: &str) -> Result<Json> {
    serde_json::from_str(text).map_err(|e| {
        PolicyError::invalid_input(
            "",
            format!(
                "{what}不是有效的 JSON（第 {} 行第 {} 列附近）",
                e.line(),
                e.column()
            ),
        )
    })
}

/// A JSON object being read, with its path. `null` fields read as absent.
pub struct Obj<'a> {
    map: &'a Map<String, Json>,
    path: String,
}

impl<'a> Obj<'a> {
    /// The object at `path`, refusing fields not in `allowed` (a typo must not be dropped silently).
    pub fn new(json: &'a Json, path: &str, what: &str, allowed: &[&str]) -> Result<Obj<'a>> {
        let Json::Object(map) = json else {
            return Err(PolicyError::invalid_input(path, format!("{what}应为对象")));
        };
        if let Some(key) = map.keys().find(|k| !allowed.contains(&k.as_str())) {
            return Err(PolicyError::invalid_input(
                crate::error::join_path(path, key),
                format!("未知字段“{key}”（字段名区分大小写，请检查拼写）"),
            ));
        }
        Ok(Obj {
            map,
            path: path.to_string(),
        })
    }
    pub fn at(&self, key: &str) -> String {
        crate::error::join_path(&self.path, key)
    }
    pub fn get(&self, key: &str) -> Option<&'a Json> {
        self.map.get(key).filter(|v| !v.is_null())
    }
    pub fn object(&self, key: &str, allowed: &[&str]) -> Result<Option<Obj<'a>>> {
        match self.map.get(key).filter(|v| !v.is_null()) {
            Some(v) => Obj::new(v, &self.at(key), key, allowed).map(Some),
            None => Ok(None),
        }
    }
    pub fn str(&self, key: &str) -> Result<Option<String>> {
        match self.get(key) {
            None => Ok(None),
            Some(Json::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(PolicyError::invalid_input(
                self.at(key),
                format!("“{key}”应为字符串"),
            )),
        }
    }
    pub fn required_str(&self, key: &str) -> Result<String> {
        self.str(key)?
            .ok_or_else(|| PolicyError::invalid_input(self.at(key), format!("缺少必填字段“{key}”")))
    }
    pub fn bool(&self, key: &str) -> Result<Option<bool>> {
        match self.get(key) {
            None => Ok(None),
            Some(Json::Bool(b)) => Ok(Some(*b)),
            Some(_) => Err(PolicyError::invalid_input(
                self.at(key),
                format!("“{key}”应为 true 或 false"),
            )),
        }
    }
    pub fn count(&self, key: &str) -> Result<Option<u32>> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => v
                .as_u64()
                .and_then(|n| u32::try_from(n).ok())
                .map(Some)
                .ok_or_else(|| {
                    PolicyError::invalid_input(self.at(key), format!("“{key}”应为非负整数"))
                }),
        }
    }
    pub fn money(&self, key: &str) -> Result<Option<MoneyInput>> {
        let Some(value) = self.get(key) else {
            return Ok(None);
        };
        // The path is only built for an error: most fields are read without one.
        read_money(value)
            .map(|m| Some(MoneyInput(m)))
            .map_err(|e| e.under(&self.at(key)))
    }
    /// A plain decimal (string or number), not negative, with at most `places` decimal places.
    pub fn decimal(&self, key: &str, places: u32, max: Decimal) -> Result<Option<Decimal>> {
        let Some(value) = self.get(key) else {
            return Ok(None);
        };
        read_decimal(value, places, max)
            .map(Some)
            .map_err(|e| e.under(&self.at(key)))
    }
}

/// A money value (errors with an empty path, placed by the caller).
fn read_money(value: &Json) -> Result<Money> {
    let path = "";
    let d = match value {
        Json::String(s) => parse_plain_decimal(s).ok_or_else(|| {
            PolicyError::invalid_input(
                path,
                format!("金额“{s}”不是有效的数字（应为如 1234.50 的十进制数）"),
            )
        })?,
        Json::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Decimal::from(u),
            (None, Some(i)) => Decimal::from(i),
            // A JS number: the shortest decimal that reads back as it (1234.5 → "1234.5";
            // 0.1 + 0.2 → "0.30000000000000004", refused for its places). serde_json writes it
            // (with ryu, so the module carries no second float formatter), in exponent form when
            // far from 1: 1e21 is out of range, 1e-7 finer than a fen.
            _ => {
                let text = n.to_string();
                match text.split_once('e') {
                    Some((_, exp)) if exp.starts_with('-') => {
                        return Err(PolicyError::invalid_input(
                            path,
                            "金额最多保留两位小数（精确到分）",
                        ))
                    }
                    Some(_) => return Err(PolicyError::out_of_range(path, "金额超出范围")),
                    None => parse_plain_decimal(&text)
                        .ok_or_else(|| PolicyError::out_of_range(path, "金额超出范围"))?,
                }
            }
        },
        _ => {
            return Err(PolicyError::invalid_input(
                path,
                "金额应为十进制字符串或有限数字",
            ))
        }
    };
    Money::check_input(d, path)
}

/// A plain decimal (errors with an empty path, placed by the caller).
fn read_decimal(value: &Json, places: u32, max: Decimal) -> Result<Decimal> {
    let path = "";
    let d = match value {
        Json::String(s) => parse_plain_decimal(s)
            .ok_or_else(|| PolicyError::invalid_input(path, format!("“{s}”不是有效的十进制数")))?,
        Json::Number(n) => parse_plain_decimal(&n.to_string())
            .ok_or_else(|| PolicyError::out_of_range(path, "数值超出范围"))?,
        _ => {
            return Err(PolicyError::invalid_input(
                path,
                "应为十进制字符串或有限数字",
            ))
        }
    };
    if d.is_sign_negative() && !d.is_zero() {
        return Err(PolicyError::out_of_range(path, "不能为负数"));
    }
    if d > max {
        return Err(PolicyError::out_of_range(path, format!("不能超过 {max}")));
    }
    if d.normalize().scale() > places {
        return Err(PolicyError::invalid_input(
            path,
            format!("最多保留 {places} 位小数"),
        ));
    }
    Ok(d.normalize())
}

impl Obj<'_> {
    pub fn required_money(&self, key: &str) -> Result<Money> {
        self.money(key)?
            .map(|m| m.0)
            .ok_or_else(|| PolicyError::invalid_input(self.at(key), format!("缺少必填字段“{key}”")))
    }
    pub fn choice<T: Copy>(&self, key: &str, options: &[(&str, T)]) -> Result<Option<T>> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => one_of(v, "", options)
                .map(Some)
                .map_err(|e| e.under(&self.at(key))),
        }
    }
    pub fn required_choice<T: Copy>(&self, key: &str, options: &[(&str, T)]) -> Result<T> {
        self.choice(key, options)?
            .ok_or_else(|| PolicyError::invalid_input(self.at(key), format!("缺少必填字段“{key}”")))
    }
}

/// One of a fixed set of strings.
pub fn one_of<T: Copy>(v: &Json, path: &str, options: &[(&str, T)]) -> Result<T> {
    let found = v
        .as_str()
        .and_then(|s| options.iter().find(|(n, _)| *n == s));
    found.map(|(_, t)| *t).ok_or_else(|| {
        let names: Vec<&str> = options.iter().map(|(n, _)| *n).collect();
        PolicyError::invalid_input(path, format!("取值 {v} 无效，应为：{}", names.join("、")))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    fn money_of(json: &str) -> Result<Option<MoneyInput>> {
        let v: Json = serde_json::from_str(&format!("{{\"m\":{json}}}")).unwrap();
        Obj::new(&v, "x", "x", &["m"]).unwrap().money("m")
    }

    #[test]
    fn js_numbers_are_read_as_their_shortest_decimal() {
        let fen = |json: &str| money_of(json).unwrap().unwrap().0.to_fen_string();
        assert_eq!(fen("1234.5"), "1234.50");
        assert_eq!(fen("0.07"), "0.07");
        assert_eq!(fen("441"), "441.00");
        let code = |json: &str| {
            let e = money_of(json).unwrap_err();
            assert_eq!(e.path, "x.m");
            e.code
        };
        // 0.1 + 0.2, and a value finer than a fen in exponent form: too many places.
        assert_eq!(code("0.30000000000000004"), ErrorCode::InvalidInput);
        assert_eq!(code("1e-7"), ErrorCode::InvalidInput);
        // Beyond the 10^10 limit, in plain and in exponent form.
        assert_eq!(code("1e15"), ErrorCode::OutOfRange);
        assert_eq!(code("1e21"), ErrorCode::OutOfRange);
        assert_eq!(code("-0.5"), ErrorCode::OutOfRange);
    }
}
