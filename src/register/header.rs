//! A register's header as read, column by column: the field each known column feeds (with its
//! Chinese name, as docs/register.md lists them), and for each unknown one the known column it
//! seems to mean. Columns of identity numbers and phone numbers are marked: a page that reads a
//! register leaves every unknown column out, and says so of these in particular.

use serde::Serialize;
use tsify::Tsify;

use super::columns::{column, COLUMNS};
use crate::base::bytes::contains;

/// One column of a register's header.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct HeaderColumn {
    /// Its place, from 1 (as a spreadsheet counts columns).
    pub index: usize,
    /// The header cell as written (trimmed).
    pub header: String,
    /// The column's English name (`birth_date`), when it is a known column.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub name: Option<&'static str>,
    /// Its Chinese name (`出生日期`), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub alias: Option<&'static str>,
    /// `household` (one value per household) or `member` (one per row), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "'household' | 'member'")]
    pub level: Option<&'static str>,
    /// For an unknown column, the Chinese name of the known column it seems to mean.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub suggestion: Option<&'static str>,
    /// An unknown column of what no calculation reads about a person (身份证号、联系电话、住址 …).
    pub private: bool,
}

impl HeaderColumn {
    /// The column at `i` (from 0) headed `header`.
    pub fn of(i: usize, header: &str) -> HeaderColumn {
        let header = header.trim();
        let known = column(header);
        HeaderColumn {
            index: i.saturating_add(1),
            header: header.to_string(),
            name: known.map(|c| c.name),
            alias: known.map(|c| c.alias),
            level: known.map(|c| {
                if c.target.household_level() {
                    "household"
                } else {
                    "member"
                }
            }),
            suggestion: match known {
                Some(_) => None,
                None => COLUMNS
                    .iter()
                    .find(|c| {
                        !header.is_empty()
                            && (contains(header, c.alias) || contains(c.alias, header))
                    })
                    .map(|c| c.alias),
            },
            private: super::columns::personal(header),
        }
    }

    /// How an error names an unknown column: `第 2 列“生活自理能力”（是不是“自理能力”？）`.
    pub fn unknown_text(&self) -> String {
        match self.suggestion {
            Some(s) => format!(
                "第 {} 列“{}”（是不是“{s}”？）",
                self.index,
                crate::base::error::excerpt(&self.header)
            ),
            None => format!(
                "第 {} 列“{}”",
                self.index,
                crate::base::error::excerpt(&self.header)
            ),
        }
    }
}

/// Every column of a header, as read.
pub fn header_columns(header: &[String]) -> Vec<HeaderColumn> {
    header
        .iter()
        .enumerate()
        .map(|(i, h)| HeaderColumn::of(i, h))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_unknown_and_private_columns() {
        let header: Vec<String> = [
            "户编号",
            "Birth_Date",
            "身份证号码",
            "联系电话",
            "生活自理能力",
            "备注",
            "",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let cols = header_columns(&header);
        type Seen<'a> = (
            usize,
            Option<&'a str>,
            Option<&'a str>,
            Option<&'a str>,
            bool,
        );
        let seen: Vec<Seen> = cols
            .iter()
            .map(|c| (c.index, c.alias, c.level, c.suggestion, c.private))
            .collect();
        assert_eq!(
            seen,
            [
                (1, Some("户编号"), Some("household"), None, false),
                (2, Some("出生日期"), Some("member"), None, false),
                (3, None, None, None, true),
                (4, None, None, None, true),
                (5, None, None, Some("自理能力"), false),
                (6, None, None, None, false),
                (7, None, None, None, false),
            ]
        );
        assert_eq!(
            cols[4].unknown_text(),
            "第 5 列“生活自理能力”（是不是“自理能力”？）"
        );
    }
}
