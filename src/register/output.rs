//! The output rows of a register: one per household, columns for every programme of the registry.
//!
//! Cells that echo what the register held (household ids, references, error messages) are made safe
//! for spreadsheets: one starting with `=`, `+`, `-`, `@`, a tab or a carriage return would be read
//! by Excel as a formula, so it gets a leading `'` (OWASP's advice for CSV injection). Figures the
//! engine wrote are left as they are.

use std::borrow::Cow;

use crate::batch::BatchError;
use crate::programs::registry::PROGRAMMES;
use crate::screening::Screening;

/// The language of column names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    En,
    Zh,
}

/// A cell that a spreadsheet will not read as a formula.
pub fn spreadsheet_safe(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Fixed columns before the programmes: (English, Chinese).
const LEADING: &[(&str, &str)] = &[
    ("household", "户编号"),
    ("ref", "参考编号"),
    ("line", "起始行"),
    ("last_line", "结束行"),
    ("region", "地区代码"),
    ("town", "乡镇"),
    ("village", "村"),
    ("ok", "成功"),
    ("error_code", "错误代码"),
    ("error_path", "错误位置"),
    ("error_message", "错误说明"),
    ("monitoring_in_scope", "纳入监测范围"),
    ("monitoring_category", "监测类别"),
    ("monitoring_track", "帮扶路径"),
];

const TRAILING: &[(&str, &str)] = &[
    ("total_monthly", "现金帮扶月额"),
    ("total_annual", "现金帮扶年额"),
    ("alerts", "需关注事项"),
    ("unofficial_parameters", "非正式参数个数"),
    ("stale_parameters", "过期参数个数"),
];

/// The three columns of a programme, `(suffix, Chinese suffix)`.
pub const PROGRAMME_SUFFIXES: [(&str, &str); 3] = [
    ("eligible", "符合"),
    ("monthly", "月额"),
    ("annual", "年额"),
];

/// A programme column's name: `dibao_eligible` or `最低生活保障符合`.
pub fn programme_column(p: &crate::programs::registry::Programme, i: usize, lang: Lang) -> String {
    let (en, zh) = PROGRAMME_SUFFIXES.get(i).copied().unwrap_or(("", ""));
    match lang {
        Lang::En => format!("{}_{en}", p.column),
        Lang::Zh => format!("{}{zh}", p.label),
    }
}

/// A yes/no cell: `true`/`false`, or 是/否 in a Chinese table.
pub fn yes_no(value: bool, lang: Lang) -> String {
    match (lang, value) {
        (Lang::En, v) => v.to_string(),
        (Lang::Zh, true) => "是".to_string(),
        (Lang::Zh, false) => "否".to_string(),
    }
}

/// A column's name, or a value's cell: English (the API's id) or Chinese.
fn name(pair: &(&str, &str), lang: Lang) -> String {
    match lang {
        Lang::En => pair.0.to_string(),
        Lang::Zh => pair.1.to_string(),
    }
}

/// The columns of the output rows: identity, error, monitoring, then each programme of the
/// registry (`<column>_eligible`, `<column>_monthly`, `<column>_annual`), then the totals.
pub fn header(lang: Lang) -> Vec<String> {
    let mut h: Vec<String> = LEADING.iter().map(|p| name(p, lang)).collect();
    for p in PROGRAMMES {
        for i in 0..PROGRAMME_SUFFIXES.len() {
            h.push(programme_column(p, i, lang));
        }
    }
    h.extend(TRAILING.iter().map(|p| name(p, lang)));
    h
}

/// Which input a row is about.
#[derive(Clone, Copy, Debug)]
pub struct Identity<'a> {
    /// The CSV household id (empty for JSON Lines).
    pub household: &'a str,
    pub reference: Option<&'a str>,
    pub line: u64,
    pub last_line: u64,
    /// Where the household is, as the input gives it (a register's region, town and village
    /// columns; a JSON household's region), for the estimate's rows.
    pub place: Option<&'a super::Place>,
}

/// The cells every output row starts with: household id, ref, first and last line, then
/// `extra` (made safe for spreadsheets like the rest), then ok and the error's code, path and
/// message (empty when there is none).
pub fn lead_cells(
    id: &Identity<'_>,
    extra: &[&str],
    error: Option<&BatchError>,
    lang: Lang,
) -> Vec<String> {
    let safe = |s: &str| spreadsheet_safe(s).into_owned();
    let mut row = vec![
        safe(id.household),
        safe(id.reference.unwrap_or_default()),
        id.line.to_string(),
        id.last_line.to_string(),
    ];
    row.extend(extra.iter().map(|s| safe(s)));
    match error {
        Some(e) => row.extend([
            yes_no(false, lang),
            safe(&e.code),
            safe(&e.path),
            safe(&e.full_text()),
        ]),
        None => row.extend([
            yes_no(true, lang),
            String::new(),
            String::new(),
            String::new(),
        ]),
    }
    row
}

/// One output row, in the order of [`header`]: in a Chinese table (`lang` Zh) yes/no cells are
/// 是/否 and categories, tracks and alerts their Chinese labels; figures are the same.
pub fn row(id: &Identity<'_>, outcome: Result<&Screening, &BatchError>, lang: Lang) -> Vec<String> {
    let place = id.place.cloned().unwrap_or_default();
    let mut row = lead_cells(
        id,
        &[&place.region, &place.town, &place.village],
        outcome.err(),
        lang,
    );
    match outcome {
        Err(_) => row.resize(header(Lang::En).len(), String::new()),
        Ok(s) => {
            row.push(yes_no(s.monitoring.in_scope, lang));
            row.push(
                s.monitoring
                    .category
                    .map(|c| name(&(c.as_str(), c.label()), lang))
                    .unwrap_or_default(),
            );
            row.push(
                s.monitoring
                    .track
                    .map(|t| name(&(t.as_str(), t.label()), lang))
                    .unwrap_or_default(),
            );
            for p in PROGRAMMES {
                match s.program(p.id) {
                    Some(r) => {
                        row.push(yes_no(r.eligible, lang));
                        row.push(r.monthly.map(|m| m.to_fen_string()).unwrap_or_default());
                        row.push(r.annual.to_fen_string());
                    }
                    None => row.extend([String::new(), String::new(), String::new()]),
                }
            }
            row.push(s.total_monthly.to_fen_string());
            row.push(s.total_annual.to_fen_string());
            let alerts: Vec<String> = s
                .alerts
                .iter()
                .map(|id| {
                    let label = crate::alerts::ALERTS
                        .iter()
                        .find(|(a, ..)| a == id)
                        .map_or(*id, |(_, label, _)| *label);
                    name(&(id, label), lang)
                })
                .collect();
            row.push(alerts.join(";"));
            row.push(s.unofficial.len().to_string());
            row.push(s.stale.len().to_string());
        }
    }
    row
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_escaped() {
        for s in ["=1+2", "+86", "-3", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(spreadsheet_safe(s), format!("'{s}"));
        }
        assert_eq!(spreadsheet_safe("H-1"), "H-1");
    }

    #[test]
    fn headers_have_the_same_width_in_both_languages() {
        assert_eq!(header(Lang::En).len(), header(Lang::Zh).len());
        assert!(header(Lang::Zh).contains(&"最低生活保障年额".to_string()));
    }
}
