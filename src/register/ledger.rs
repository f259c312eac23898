//! A 扶贫项目资产 ledger as a table (二(四)): the command-line tool's `assets LEDGER.csv` and the
//! county page's file, read by one reader.
//!
//! Columns under their English name (any ASCII case) or their Chinese header; values as the API's
//! ids or as the words the results and the county page show (`光伏电站`, `村集体经济组织`, `转让`), as
//! registers read the staff page's words. Records are cut by the registers' strict CSV reader
//! ([`super::read::Records`]): a row with the wrong number of cells or an unclosed quote is that
//! row's error, and the rest go on.

use std::borrow::Cow;
use std::io::BufRead;

use super::read::{Encoding, Item, Records};
use crate::base::error::{excerpt, PolicyError, Problem, Result};
use crate::base::json::Node;
use crate::base::typed::{half_width, typed_number};
use crate::input::county::{
    AssetInput, AssetRow, APPROVALS, ASSET_KINDS, DISPOSAL_TYPES, FUNDING_SOURCES, INCOME_PURPOSES,
    OWNER_LEVELS,
};
use crate::programs::assets::{AssetLedger, LedgerItem, MAX_ASSETS};

/// The columns of a ledger: the English name, the Chinese header (either may be used) and the field
/// of an `Asset` each fills.
pub const COLUMNS: &[(&str, &str, &str)] = &[
    ("id", "资产编号", "id"),
    ("name", "资产名称", "name"),
    ("village", "所在村", "village"),
    ("funding_source", "资金来源", "fundingSource"),
    ("year", "形成年度", "year"),
    ("value", "账面价值", "value"),
    ("kind", "资产类型", "kind"),
    ("owner_level", "产权归属", "ownerLevel"),
    ("annual_income", "年收益", "annualIncome"),
    ("income_uses", "收益用途", "incomeUses"),
    ("disposal_type", "处置方式", "disposal.type"),
    ("disposal_price", "处置价格", "disposal.price"),
    ("disposal_approvals", "已有审批", "disposal.approvals"),
];

/// A ledger's rows in file order, each read or its error (path `[i].field`), and the line of the
/// file each row starts on.
#[derive(Default)]
pub struct LedgerRows {
    pub rows: Vec<AssetRow>,
    pub lines: Vec<u64>,
}

/// Reads a ledger: the header (every column known, or an error listing the columns there are),
/// then one row per record; blank lines are skipped. More than [`MAX_ASSETS`] rows is an error.
pub fn read<R: BufRead>(input: R, encoding: Encoding) -> Result<LedgerRows> {
    let mut records = Records::new(input, encoding);
    let header = read_header(&mut records)?;
    records.width = Some(header.len());
    let mut out = LedgerRows::default();
    while let Some(item) = records.next_item().map_err(super::read::read_problem)? {
        let Item::Record(r) = item else { continue };
        if out.rows.len() >= MAX_ASSETS {
            return Err(PolicyError::out_of_range(
                "",
                format!("一次最多 {MAX_ASSETS} 项资产，请分批"),
            ));
        }
        let at = format!("[{}]", out.rows.len());
        let row = match r.problem {
            Some(p) => AssetRow::from(PolicyError::invalid_input(
                "",
                format!("这一行无法读取：{p}"),
            )),
            None if r.cells.len() != header.len() => AssetRow::from(PolicyError::invalid_input(
                "",
                format!(
                    "这一行有 {} 格，表头有 {} 列（数字中的千位分隔符“,”会多出一格）",
                    r.cells.len(),
                    header.len()
                ),
            )),
            None => match row_node(&header, &r.cells) {
                Ok(n) => AssetInput::read_row(&n).map_err(in_ledger_terms),
                Err(e) => AssetRow::from(in_ledger_terms(e)),
            },
        };
        out.rows.push(row.under(&at));
        out.lines.push(r.first_line);
    }
    Ok(out)
}

/// The header's fields, or an error naming the first unknown column and every known one.
fn read_header<R: BufRead>(records: &mut Records<R>) -> Result<Vec<&'static str>> {
    let cells = loop {
        match records.next_item().map_err(super::read::read_problem)? {
            None => return Err(PolicyError::invalid_input("", "台账是空的：没有表头")),
            Some(Item::Blank(_)) => continue,
            Some(Item::Record(r)) => match r.problem {
                Some(p) => {
                    let message = format!("表头（第 {} 行）{p}", r.first_line);
                    return Err(PolicyError::invalid_input("", message));
                }
                None => break r.cells,
            },
        }
    };
    // A byte search: `contains` of a non-ASCII `char` is the standard library's substring search.
    if cells
        .iter()
        .any(|h| crate::base::bytes::contains(h, "\u{FFFD}"))
    {
        return Err(PolicyError::invalid_input(
            "",
            "表头有无法识别的字符：文件可能是 GBK 编码（Excel 在中文 Windows 上另存的“CSV（逗号分隔）”）。\
             命令行请加 --encoding gbk；JavaScript 中请先用 new TextDecoder('gbk') 解码文件",
        ));
    }
    cells
        .iter()
        .map(|h| {
            let h = h.trim();
            field_of(h).ok_or_else(|| {
                let known: Vec<String> = COLUMNS
                    .iter()
                    .map(|(en, zh, _)| format!("{en}（{zh}）"))
                    .collect();
                let message = format!("未知的列“{}”（可用的列：{}）", excerpt(h), known.join("，"));
                PolicyError::invalid_input("", message)
            })
        })
        .collect()
}

/// The field a header names (English, any ASCII case, or Chinese).
pub fn field_of(header: &str) -> Option<&'static str> {
    COLUMNS
        .iter()
        .find(|(en, zh, _)| en.eq_ignore_ascii_case(header) || *zh == header)
        .map(|(_, _, field)| *field)
}

/// The ids and words of a column with a fixed list of values, in the list's order; `None` for a
/// column of free values.
fn choices(field: &str) -> Option<Vec<(&'static str, &'static str)>> {
    fn pairs<T>(list: &[(&'static str, T, &'static str)]) -> Vec<(&'static str, &'static str)> {
        list.iter().map(|(id, _, label)| (*id, *label)).collect()
    }
    Some(match field {
        "kind" => pairs(ASSET_KINDS),
        "fundingSource" => pairs(FUNDING_SOURCES),
        "ownerLevel" => pairs(OWNER_LEVELS),
        "disposal.type" => pairs(DISPOSAL_TYPES),
        "disposal.approvals" => pairs(APPROVALS),
        "incomeUses" => pairs(INCOME_PURPOSES),
        _ => return None,
    })
}

/// A cell of `field` as the API reads it: a word the results show (`光伏电站`, `村集体经济组织`,
/// `转让`) is read as its id; anything else as written, for the reader to refuse with the values
/// it takes.
fn api_value(field: &str, cell: &str) -> String {
    choices(field)
        .and_then(|c| c.into_iter().find(|(_, label)| *label == cell))
        .map_or_else(|| cell.to_string(), |(id, _)| id.to_string())
}

fn text(s: &str) -> Node<'static> {
    Node::String(Some(Cow::Owned(s.to_string())))
}

/// The items of a list cell (`;`, `；` or `、` between them).
fn items(cell: &str) -> impl Iterator<Item = &str> {
    cell.split([';', '；', '、'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
}

/// `maintenance:6000;publicWelfare:24000` (or `项目运行管护：6000；村级公益事业：24000`) as the
/// `incomeUses` array, or the bad part.
fn income_uses(cell: &str) -> Result<Node<'static>> {
    let mut uses = Vec::new();
    for part in items(cell) {
        let (purpose, amount) = part
            .split_once(':')
            .or_else(|| part.split_once('：'))
            .ok_or_else(|| {
                let message = format!(
                    "收益用途“{}”应写作 用途:金额，如 maintenance:6000 或 项目运行管护:6000",
                    excerpt(part)
                );
                PolicyError::invalid_input("incomeUses", message)
            })?;
        uses.push(Node::Object(vec![
            (
                Cow::Borrowed("purpose"),
                text(&api_value("incomeUses", purpose.trim())),
            ),
            (Cow::Borrowed("amount"), text(&typed_number(amount))),
        ]));
    }
    Ok(Node::Array(uses))
}

/// A record as the JSON object an `Asset` is read from; empty cells are absent.
fn row_node(header: &[&'static str], cells: &[String]) -> Result<Node<'static>> {
    let mut fields: Vec<(Cow<'static, str>, Node<'static>)> = Vec::new();
    let mut disposal: Vec<(Cow<'static, str>, Node<'static>)> = Vec::new();
    for (&field, cell) in header.iter().zip(cells) {
        let cell = cell.trim();
        if cell.is_empty() {
            continue;
        }
        let node = match field {
            "year" => Node::Number(Cow::Owned(
                half_width(cell).trim().trim_end_matches('年').to_string(),
            )),
            "value" | "annualIncome" | "disposal.price" => text(&typed_number(cell)),
            "incomeUses" => income_uses(cell)?,
            "disposal.approvals" => {
                Node::Array(items(cell).map(|a| text(&api_value(field, a))).collect())
            }
            _ => text(&api_value(field, cell)),
        };
        match field.strip_prefix("disposal.") {
            Some(key) => disposal.push((Cow::Borrowed(key), node)),
            None => fields.push((Cow::Borrowed(field), node)),
        }
    }
    if !disposal.is_empty() {
        fields.push((Cow::Borrowed("disposal"), Node::Object(disposal)));
    }
    Ok(Node::Object(fields))
}

/// An error about a row's field in the ledger's words: the column's Chinese header beside the
/// field (`缺少必填字段“资产名称”（name）`), and for a wrong value the words the ledger may hold.
fn in_ledger_terms(mut e: PolicyError) -> PolicyError {
    e.message = message_in_ledger_terms(&e.path, &e.message);
    for p in &mut e.problems {
        p.message = message_in_ledger_terms(&p.path, &p.message);
    }
    e
}

/// A message about `path` with the ledger's column (“形成年度”（year）) rather than the field, and
/// the words the ledger may write for a column of fixed values.
fn message_in_ledger_terms(path: &str, message: &str) -> String {
    let bare: String = path.split('[').next().unwrap_or_default().to_string();
    let column = COLUMNS
        .iter()
        .find(|(_, _, f)| *f == bare || bare.starts_with(&format!("{f}.")));
    let Some(&(en, zh, field)) = column else {
        return message.to_string();
    };
    let key = crate::base::bytes::after_last(field, b".");
    let mut message = super::naming_column(message, key, zh, en);
    if crate::base::bytes::contains(&message, "应为：") {
        if let Some(choices) = choices(field) {
            let words: Vec<&str> = choices.iter().map(|(_, label)| *label).collect();
            // “／” between the words: a word may hold 、 itself (道路、桥梁), and “；” parts problems.
            message = format!("{message}（台账中写作：{}）", words.join("／"));
        }
    }
    message
}

/// A ledger's errors named by the line of the file each row starts on (`第 14 行：…`), those
/// found in reading and those found by the ledger (a repeated id, a year after the date).
pub fn name_lines(ledger: &mut AssetLedger, lines: &[u64]) {
    for (item, line) in ledger.items.iter_mut().zip(lines) {
        if let LedgerItem::Err { error, .. } = item {
            error.name_line(*line);
            // A row is one line: each of its problems is on it.
            for p in &mut error.problems {
                *p = std::mem::replace(p, Problem::new("", "")).at_line(*line);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::read::UTF8;
    use super::*;

    fn rows(csv: &str) -> LedgerRows {
        read(csv.as_bytes(), UTF8).unwrap()
    }

    /// Every Chinese word docs/county.md's tables give a kind, a funding source or an owner is one a
    /// ledger may hold (19 of 24 were not: `道路桥梁` for `道路、桥梁`, `村集体` for
    /// `村集体经济组织`), and each value has one.
    #[test]
    fn the_docs_words_are_the_ledger_s() {
        let doc = include_str!("../../docs/county.md");
        let mut seen = 0;
        for line in doc.lines() {
            let field = match line.split('|').nth(1).map(str::trim) {
                Some("`fundingSource`") => "fundingSource",
                Some("`ownerLevel`") => "ownerLevel",
                Some("经营性资产" | "公益性资产" | "到户类资产") => "kind",
                _ => continue,
            };
            let values = line.trim_end_matches('|').rsplit('|').next().unwrap();
            // `id` “词”、`id` “词” …: each id and the quoted word after it.
            let parts: Vec<&str> = values.split('`').collect();
            for pair in parts[1..].chunks(2) {
                let id = pair[0];
                let word = pair.get(1).map_or("", |w| w.trim().trim_end_matches('、'));
                let word = word.trim_start_matches('“').trim_end_matches('”');
                assert_eq!(api_value(field, word), id, "{field}: “{word}”");
                seen += 1;
            }
        }
        // 17 kinds, 7 funding sources, 4 owners.
        assert_eq!(seen, 28);
    }

    #[test]
    fn chinese_headers_and_words_read_as_the_api_s() {
        let csv = "资产编号,资产名称,资产类型,资金来源,产权归属,账面价值,形成年度,收益用途\n\
                   A1,光伏,光伏电站,财政专项扶贫资金,村集体经济组织,120000,2019年,项目运行管护：6000；村级公益事业：24000\n";
        let l = rows(csv);
        let english = "id,name,kind,funding_source,owner_level,value,year,income_uses\n\
                       A1,光伏,photovoltaic,specialFund,village,120000,2019,maintenance:6000;publicWelfare:24000\n";
        let e = rows(english);
        assert_eq!(l.lines, vec![2]);
        assert_eq!(
            l.rows[0].asset.as_ref().unwrap(),
            e.rows[0].asset.as_ref().unwrap()
        );
    }

    #[test]
    fn a_short_row_is_its_own_error_and_the_rest_go_on() {
        let l = rows(
            "id,name,kind,funding_source,owner_level,value,year\n\nA1,甲\n\
             A2,乙,photovoltaic,specialFund,village,120000,2019\n",
        );
        assert_eq!(l.lines, vec![3, 4]);
        let e = l.rows[0].asset.as_ref().unwrap_err();
        assert_eq!(e.path, "[0]");
        assert!(e.message.contains("有 2 格，表头有 7 列"), "{}", e.message);
        assert!(
            l.rows[1].asset.is_ok(),
            "{:?}",
            l.rows[1].asset.as_ref().err()
        );
    }

    #[test]
    fn numbers_read_as_people_type_them() {
        // "12,000元" is 12000, ２０１９ (full-width) and 2019年 are 2019: as registers read them.
        let typed = rows(
            "id,name,kind,funding_source,owner_level,value,year\n\
             A1,甲,photovoltaic,specialFund,village,\"12,000元\",２０１９\n\
             A2,甲,photovoltaic,specialFund,village,１２０００,2019年\n",
        );
        let plain = rows(
            "id,name,kind,funding_source,owner_level,value,year\n\
             A1,甲,photovoltaic,specialFund,village,12000,2019\n",
        );
        let expected = plain.rows[0].asset.as_ref().unwrap();
        assert_eq!(typed.rows[0].asset.as_ref().unwrap(), expected);
        let second = typed.rows[1].asset.as_ref().unwrap();
        assert_eq!((second.value, second.year), (expected.value, expected.year));
    }

    #[test]
    fn errors_name_the_chinese_column_and_the_words_it_takes() {
        let l = rows(
            "资产编号,资产名称,资产类型,资金来源,产权归属,账面价值,形成年度\n\
             A1,,光伏电站,财政专项扶贫资金,村集体经济组织,1000,2019\n\
             A2,乙,水泥路,财政专项扶贫资金,村集体经济组织,1000,2019\n",
        );
        let missing = l.rows[0].asset.as_ref().unwrap_err();
        assert_eq!(missing.message, "缺少必填字段“资产名称”（name）");
        let wrong = l.rows[1].asset.as_ref().unwrap_err();
        assert!(
            wrong
                .message
                .starts_with("“资产类型”（kind）：取值 \"水泥路\" 无效"),
            "{}",
            wrong.message
        );
        assert!(
            wrong
                .message
                .contains("（台账中写作：种植养殖基地、设施农业／光伏电站／帮扶车间、厂房／"),
            "{}",
            wrong.message
        );
    }

    #[test]
    fn a_header_decoded_in_the_wrong_encoding_says_gbk() {
        // GBK bytes decoded as UTF-8 with replacement (what a page's file.text() gives).
        let e = read("\u{FFFD}ʲ\u{FFFD}\u{FFFD},名称\n".as_bytes(), UTF8)
            .err()
            .unwrap();
        assert!(
            e.message.contains("GBK") && e.message.contains("TextDecoder('gbk')"),
            "{}",
            e.message
        );
    }

    #[test]
    fn an_unknown_column_is_named_with_the_known_ones() {
        let e = read("id,身份证号\n".as_bytes(), UTF8).err().unwrap();
        assert!(e.message.contains("未知的列“身份证号”"), "{}", e.message);
        assert!(e.message.contains("资产编号"), "{}", e.message);
    }
}
