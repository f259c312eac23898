//! A county's summary of a register: households grouped by region and, when the register has them,
//! town and village; in each group the households monitored by category, the households eligible for
//! each programme of the registry with the annual amounts, and the cash support in total.
//!
//! A programme added to the registry appears here with no change.

use crate::base::sorted_map::SortedMap;

use crate::base::calendar::format_date;
use crate::base::error::Result;
use crate::base::money::Money;
use crate::estimate::compare::NO_REGION;
use crate::estimate::rested::RegisterBasis;
use crate::estimate::screening::Screening;
use crate::estimate::Estimate;
use crate::programs::monitoring::Category;
use crate::programs::registry::PROGRAMMES;
use crate::register::Place;

/// The counts of one group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tally {
    pub households: u64,
    pub errors: u64,
    /// In monitoring scope, and by category (in the order of [`Category::ALL`]), and those in
    /// scope with no category (registered as monitored without one): the four add up.
    pub monitored: u64,
    pub by_category: [u64; 3],
    pub uncategorised: u64,
    /// Per programme of the registry: households eligible and their annual amount.
    pub programs: Vec<(u64, Money)>,
    pub total_monthly: Money,
    pub total_annual: Money,
}

impl Default for Tally {
    fn default() -> Self {
        Tally {
            households: 0,
            errors: 0,
            monitored: 0,
            by_category: [0; 3],
            uncategorised: 0,
            programs: vec![(0, Money::ZERO); PROGRAMMES.len()],
            total_monthly: Money::ZERO,
            total_annual: Money::ZERO,
        }
    }
}

impl Tally {
    fn add(&mut self, outcome: Option<&Screening>) -> Result<()> {
        self.households = self.households.saturating_add(1);
        let Some(s) = outcome else {
            self.errors = self.errors.saturating_add(1);
            return Ok(());
        };
        self.monitored = self
            .monitored
            .saturating_add(u64::from(s.monitoring.in_scope));
        if s.monitoring.in_scope {
            let i = s
                .monitoring
                .category
                .and_then(|c| Category::ALL.iter().position(|k| *k == c));
            let n = match i.and_then(|i| self.by_category.get_mut(i)) {
                Some(n) => n,
                None => &mut self.uncategorised,
            };
            *n = n.saturating_add(1);
        }
        for ((n, amount), p) in self.programs.iter_mut().zip(PROGRAMMES) {
            if let Some(r) = s.program(p.id).filter(|r| r.eligible) {
                *n = n.saturating_add(1);
                *amount = amount.checked_add(r.annual)?;
            }
        }
        self.total_monthly = self.total_monthly.checked_add(s.total_monthly)?;
        self.total_annual = self.total_annual.checked_add(s.total_annual)?;
        Ok(())
    }

    fn merge(&mut self, o: &Tally) -> Result<()> {
        self.households = self.households.saturating_add(o.households);
        self.errors = self.errors.saturating_add(o.errors);
        self.monitored = self.monitored.saturating_add(o.monitored);
        for (a, b) in self.by_category.iter_mut().zip(o.by_category) {
            *a = a.saturating_add(b);
        }
        self.uncategorised = self.uncategorised.saturating_add(o.uncategorised);
        for ((n, amount), (m, other)) in self.programs.iter_mut().zip(&o.programs) {
            *n = n.saturating_add(*m);
            *amount = amount.checked_add(*other)?;
        }
        self.total_monthly = self.total_monthly.checked_add(o.total_monthly)?;
        self.total_annual = self.total_annual.checked_add(o.total_annual)?;
        Ok(())
    }
}

/// Which levels a register can be grouped by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Levels {
    pub town: bool,
    pub village: bool,
}

/// A group's key: the region, then (when the register has the column) the town and the village;
/// `None` is the group of all below (a region's row before its towns).
type Key = (String, Option<String>, Option<String>);

/// Households added up by place.
#[derive(Clone, Debug, Default)]
pub struct CountySummary {
    levels: Levels,
    total: Tally,
    groups: SortedMap<Key, Tally>,
    /// What the households' figures rested on, over the register.
    basis: RegisterBasis,
}

impl CountySummary {
    pub fn new(levels: Levels) -> Self {
        CountySummary {
            levels,
            ..CountySummary::default()
        }
    }

    /// A household of `place`: its screening row, or `None` for an error.
    pub fn add(&mut self, place: &Place, outcome: Option<&Screening>) -> Result<()> {
        self.total.add(outcome)?;
        let region = place.region.clone();
        self.groups
            .entry_or_default((region.clone(), None, None))?
            .add(outcome)?;
        if self.levels.town {
            self.groups
                .entry_or_default((region.clone(), Some(place.town.clone()), None))?
                .add(outcome)?;
        }
        if self.levels.village {
            let town = self.levels.town.then(|| place.town.clone());
            self.groups
                .entry_or_default((
                    region,
                    town.or(Some(String::new())),
                    Some(place.village.clone()),
                ))?
                .add(outcome)?;
        }
        Ok(())
    }

    pub fn merge(&mut self, o: &CountySummary) -> Result<()> {
        self.total.merge(&o.total)?;
        self.basis.merge(&o.basis);
        for (k, t) in &o.groups {
            self.groups.entry_or_default(k.clone())?.merge(t)?;
        }
        Ok(())
    }

    pub fn total(&self) -> &Tally {
        &self.total
    }

    /// A household's estimate (one [`CountySummary::add`] counted): what its figures rested on.
    pub fn rest_on(&mut self, e: &Estimate) {
        self.basis.add(e);
    }

    /// What the register's figures rested on: the parameters not official or past their update
    /// cycle and the assumptions, each with the parts that used it.
    pub fn basis(&self) -> &RegisterBasis {
        &self.basis
    }

    /// The column names of [`CountySummary::rows`], English or Chinese.
    pub fn header(zh: bool) -> Vec<String> {
        let mut h: Vec<String> = [
            ("level", "层级"),
            ("region", "地区代码"),
            ("region_name", "地区"),
            ("town", "乡镇"),
            ("village", "村"),
            ("households", "读入户数"),
            ("errors", "有误户数"),
            ("monitored", "纳入监测户数"),
            ("unstable", "脱贫不稳定户"),
            ("marginal", "边缘易致贫户"),
            ("sudden_hardship", "突发严重困难户"),
            ("monitored_no_category", "监测类别未登记"),
        ]
        .iter()
        .map(|(en, cn)| if zh { cn } else { en }.to_string())
        .collect();
        for p in PROGRAMMES {
            if zh {
                h.push(format!("{}户数", p.label));
                h.push(format!("{}年额", p.label));
            } else {
                h.push(format!("{}_households", p.column));
                h.push(format!("{}_annual", p.column));
            }
        }
        h.push(
            if zh {
                "现金帮扶月额"
            } else {
                "total_monthly"
            }
            .into(),
        );
        h.push(
            if zh {
                "现金帮扶年额"
            } else {
                "total_annual"
            }
            .into(),
        );
        h
    }

    /// One row per group, the total first, then each region followed by its towns and villages;
    /// `name` gives a region's Chinese name from its code.
    pub fn rows(&self, name: impl Fn(&str) -> Option<String>) -> Vec<Vec<String>> {
        let mut rows = vec![tally_row("total", ["", "", "", ""], &self.total)];
        for ((region, town, village), t) in &self.groups {
            let level = match (town, village) {
                (None, None) => "region",
                (Some(_), None) => "town",
                _ => "village",
            };
            // Rows with no region are named as `compare --report` names them.
            let region_name = match region.as_str() {
                "" => NO_REGION.to_string(),
                code => name(code).unwrap_or_default(),
            };
            rows.push(tally_row(
                level,
                [
                    region,
                    &region_name,
                    town.as_deref().unwrap_or_default(),
                    village.as_deref().unwrap_or_default(),
                ],
                t,
            ));
        }
        rows
    }
    /// The table `zhenxing summary` writes: [`CountySummary::header`] and [`CountySummary::rows`],
    /// levels named in Chinese when `zh` (合计, 县（区）, 乡镇, 村) and cells made safe for
    /// spreadsheets.
    pub fn table(
        &self,
        zh: bool,
        name: impl Fn(&str) -> Option<String>,
    ) -> (Vec<String>, Vec<Vec<String>>) {
        let rows = self
            .rows(name)
            .into_iter()
            .map(|mut r| {
                if let Some(level) = r.first_mut().filter(|_| zh) {
                    *level = match level.as_str() {
                        "total" => "合计",
                        "region" => "县（区）",
                        "town" => "乡镇",
                        _ => "村",
                    }
                    .to_string();
                }
                r.into_iter()
                    .map(|cell| crate::register::output::spreadsheet_safe(&cell).into_owned())
                    .collect()
            })
            .collect();
        (CountySummary::header(zh), rows)
    }
}

/// How wide a printed summary may be, in fixed-width columns (an A4 page, a terminal).
pub const PRINTED_WIDTH: usize = 100;

impl CountySummary {
    /// The summary as a printed page, at most [`PRINTED_WIDTH`] columns wide whatever the number of
    /// programmes: the monitored households of the whole register and each programme's households,
    /// annual amount and what that amount is (cash or not, in the cash total or not), then one line
    /// per region, town and village (indented under each other) with its households, errors,
    /// monitored households and cash support. Each programme by place
    /// is in the CSV, which the last line says.
    pub fn printed(&self, name: impl Fn(&str) -> Option<String>) -> String {
        let t = &self.total;
        let [unstable, marginal, sudden] = t.by_category;
        let mut out = format!(
            "纳入监测 {} 户：脱贫不稳定户 {unstable}，边缘易致贫户 {marginal}，突发严重困难户 {sudden}，监测类别未登记 {}\n\n",
            t.monitored, t.uncategorised
        );
        out.push_str(&self.programme_table());
        let header = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        out.push('\n');
        let rows: Vec<Vec<String>> = self
            .groups
            .iter()
            .map(|((region, town, village), g)| {
                let place = match (town, village) {
                    (None, _) => match name(region) {
                        Some(n) => format!("{n}（{region}）"),
                        None => blank_as(region, NO_REGION).to_string(),
                    },
                    (Some(town), None) => format!("  {}", blank_as(town, "（未填乡镇）")),
                    (Some(town), Some(village)) => {
                        let indent = if town.is_empty() && !self.levels.town {
                            "  "
                        } else {
                            "    "
                        };
                        format!("{indent}{}", blank_as(village, "（未填村）"))
                    }
                };
                vec![
                    place,
                    g.households.to_string(),
                    g.errors.to_string(),
                    g.monitored.to_string(),
                    g.total_monthly.to_fen_string(),
                    g.total_annual.to_fen_string(),
                ]
            })
            .collect();
        out.push_str(&printable(
            &header(&[
                "地区、乡镇、村",
                "读入户数",
                "有误户数",
                "纳入监测户数",
                "现金帮扶月额",
                "现金帮扶年额",
            ]),
            &rows,
        ));
        out.push_str(
            "\n各项目按地区、乡镇、村的户数和年额，监测户按类别：见 CSV（-o 汇总.csv，中文表头加 --headers zh）。\n",
        );
        out.push_str(&basis_printed(&self.basis));
        out
    }

    /// Each programme's households and annual amount over the register, with what the amount is,
    /// and the cash support in total.
    fn programme_table(&self) -> String {
        let t = &self.total;
        let header = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        let mut rows: Vec<Vec<String>> = PROGRAMMES
            .iter()
            .zip(&t.programs)
            .map(|(p, (n, amount))| {
                vec![
                    p.label.to_string(),
                    crate::programs::registry::amount_note(p.id).to_string(),
                    n.to_string(),
                    amount.to_fen_string(),
                ]
            })
            .collect();
        rows.push(vec![
            "现金帮扶合计（每月）".into(),
            String::new(),
            String::new(),
            t.total_monthly.to_fen_string(),
        ]);
        rows.push(vec![
            "现金帮扶合计（全年）".into(),
            String::new(),
            String::new(),
            t.total_annual.to_fen_string(),
        ]);
        printable(
            &header(&["项目（全部）", "说明", "符合户数", "年额（元）"]),
            &rows,
        )
    }
}

/// What a printed report says of what a register's figures rested on: the stale parameters with
/// the date of the value used (the oldest, when households used different ones), the non-official
/// ones, and the assumptions in their words; empty when there is none.
pub fn basis_printed(b: &RegisterBasis) -> String {
    let all = b.all();
    let mut out = String::new();
    if !all.stale.is_empty() {
        let items: Vec<String> = all
            .stale
            .iter()
            .map(|(spec, from)| format!("{}（{} 起）", spec.label, format_date(from)))
            .collect();
        out.push_str(&format!(
            "\n已过更新周期的参数 {} 项，请核对当地现行标准：\n{}",
            items.len(),
            wrapped(&items)
        ));
    }
    if !all.unofficial.is_empty() {
        let items: Vec<String> = all
            .unofficial
            .specs()
            .map(|spec| spec.label.to_string())
            .collect();
        out.push_str(&format!(
            "\n不是官方公布值的参数（示意或推算）{} 项，须按本县规定核对：\n{}",
            items.len(),
            wrapped(&items)
        ));
    }
    let rules: Vec<&str> = all.assumptions.iter().map(|r| r.text).collect();
    if !rules.is_empty() {
        out.push_str(&format!(
            "\n按本计算器的假设计算 {} 项（政策未写明，须按本县做法核对）：\n",
            rules.len()
        ));
        for text in rules {
            out.push_str(&indented(text));
        }
    }
    out
}

/// Items joined by “、” in indented lines at most [`PRINTED_WIDTH`] columns wide.
pub fn wrapped(items: &[String]) -> String {
    const INDENT: &str = "  ";
    let mut out = String::new();
    let mut line = String::from(INDENT);
    for (i, item) in items.iter().enumerate() {
        let last = i.saturating_add(1) == items.len();
        let piece = format!("{item}{}", if last { "。" } else { "、" });
        let width = display_width(&line).saturating_add(display_width(&piece));
        if width > PRINTED_WIDTH && line.len() > INDENT.len() {
            out.push_str(&line);
            out.push('\n');
            line = String::from(INDENT);
        }
        line.push_str(&piece);
    }
    out.push_str(&line);
    out.push('\n');
    out
}

/// A text as an item in indented lines at most [`PRINTED_WIDTH`] columns wide: `  · ` before its
/// first line, a long sentence cut where it reaches the edge. A closing mark (。，、）；：”) never
/// begins a line: when one would pass the edge, it goes to the next line with the marks before it
/// and the character they close after.
pub fn indented(text: &str) -> String {
    const FIRST: &str = "  · ";
    const NEXT: &str = "    ";
    let is_closing = |c: char| "。，、）；：”".contains(c);
    let mut out = String::new();
    let mut line = String::from(FIRST);
    let mut start = FIRST.len();
    let mut width = display_width(FIRST);
    for c in text.chars() {
        let w = display_width(c.encode_utf8(&mut [0; 4]));
        if width.saturating_add(w) > PRINTED_WIDTH {
            let mut carry = String::new();
            if is_closing(c) {
                while line.len() > start {
                    let Some(last) = line.pop() else { break };
                    carry.insert(0, last);
                    if !is_closing(last) {
                        break;
                    }
                }
            }
            if line.len() > start {
                out.push_str(line.trim_end());
                out.push('\n');
                line = String::from(NEXT);
                start = NEXT.len();
                width = display_width(NEXT).saturating_add(display_width(&carry));
            }
            line.push_str(&carry);
        }
        line.push(c);
        width = width.saturating_add(w);
    }
    out.push_str(&line);
    out.push('\n');
    out
}

fn blank_as<'a>(s: &'a str, instead: &'a str) -> &'a str {
    if s.is_empty() {
        instead
    } else {
        s
    }
}

fn tally_row(level: &str, place: [&str; 4], t: &Tally) -> Vec<String> {
    let mut row: Vec<String> = [level]
        .iter()
        .chain(place.iter())
        .map(|s| s.to_string())
        .collect();
    row.extend(
        [t.households, t.errors, t.monitored]
            .iter()
            .chain(t.by_category.iter())
            .chain([t.uncategorised].iter())
            .map(u64::to_string),
    );
    for (n, amount) in &t.programs {
        row.push(n.to_string());
        row.push(amount.to_fen_string());
    }
    row.push(t.total_monthly.to_fen_string());
    row.push(t.total_annual.to_fen_string());
    row
}

/// The display width of text in a fixed-width font (CJK characters take two columns).
pub fn display_width(s: &str) -> usize {
    s.chars()
        .map(|c| if (c as u32) >= 0x1100 { 2usize } else { 1 })
        .fold(0usize, usize::saturating_add)
}

/// Whether a cell is an amount of money as the engine writes it: yuan and two places of fen.
fn is_amount(s: &str) -> bool {
    let digits = s.strip_prefix('-').unwrap_or(s);
    match digits.split_once('.') {
        Some((yuan, fen)) => {
            !yuan.is_empty()
                && fen.len() == 2
                && yuan.bytes().all(|b| b.is_ascii_digit())
                && fen.bytes().all(|b| b.is_ascii_digit())
        }
        None => false,
    }
}

/// An amount as a printed report writes it, thousands separated: `1495846265.16` as
/// `1,495,846,265.16`; anything that is not an amount as it is.
pub fn grouped(amount: &str) -> String {
    if !is_amount(amount) {
        return amount.to_string();
    }
    let (sign, digits) = match amount.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", amount),
    };
    let (yuan, fen) = digits.split_once('.').unwrap_or((digits, ""));
    let mut out = String::with_capacity(amount.len().saturating_mul(2));
    out.push_str(sign);
    for (i, c) in yuan.chars().enumerate() {
        let left = yuan.len().saturating_sub(i);
        if i > 0 && left.checked_rem(3) == Some(0) {
            out.push(',');
        }
        out.push(c);
    }
    out.push('.');
    out.push_str(fen);
    out
}

/// Rows as a printable table: columns padded to their widest cell, numbers aligned right, amounts
/// of money thousands separated ([`grouped`]).
pub fn printable(header: &[String], rows: &[Vec<String>]) -> String {
    lined_up(std::slice::from_ref(&header.to_vec()), rows, false)
}

/// [`printable`] under heads of several lines, each head over a column of numbers aligned right
/// like them (so that a narrow page can take a head in two short lines).
pub fn printable_headed(heads: &[Vec<String>], rows: &[Vec<String>]) -> String {
    lined_up(heads, rows, true)
}

fn lined_up(heads: &[Vec<String>], rows: &[Vec<String>], heads_right: bool) -> String {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|cell| grouped(cell)).collect())
        .collect();
    let mut widths: Vec<usize> = Vec::new();
    for row in heads.iter().chain(&rows) {
        widths.resize(widths.len().max(row.len()), 0);
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(display_width(cell));
        }
    }
    let numeric = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == '-' || c == ',')
    };
    // A column of numbers: its first row's cell is one.
    let numbers: Vec<bool> = (0..widths.len())
        .map(|i| {
            rows.first()
                .and_then(|r| r.get(i))
                .is_some_and(|c| numeric(c))
        })
        .collect();
    let mut out = String::new();
    for (n, row) in heads.iter().chain(&rows).enumerate() {
        let head = n < heads.len();
        let mut line = String::new();
        for (i, (cell, w)) in row.iter().zip(&widths).enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            let pad = " ".repeat(w.saturating_sub(display_width(cell)));
            let right = match head {
                true => heads_right && numbers.get(i) == Some(&true),
                false => numeric(cell),
            };
            if right {
                line.push_str(&pad);
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.push_str(&pad);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_monitored_add_up_by_category() {
        // Three households in scope: one registered 脱贫不稳定户, one registered as monitored with no
        // category, one 一般户 whose income (1000 a year) is under the line (边缘易致贫户).
        let engine = crate::engine::Engine::new().unwrap();
        let mut s = CountySummary::new(Levels::default());
        for text in [
            r#"{"region":"230129","status":"monitored","monitoringCategory":"unstable","members":[{"birthDate":"1970-01-01"}],"income":{"business":"90000"}}"#,
            r#"{"region":"230129","status":"monitored","members":[{"birthDate":"1970-01-01"}],"income":{"business":"90000"}}"#,
            r#"{"region":"230129","members":[{"birthDate":"1970-01-01"}],"income":{"business":"1000"}}"#,
        ] {
            let node = crate::input::parse(text, "h").unwrap();
            let h = engine.read_household(&node, "2023-06-01").unwrap();
            let screening = engine.screen(&h, "2023-06-01").unwrap();
            s.add(&Place::default(), Some(&screening)).unwrap();
        }
        let t = s.total();
        assert_eq!(
            (t.monitored, t.by_category, t.uncategorised),
            (3, [1, 1, 0], 1)
        );
    }

    #[test]
    fn groups_come_in_order_with_subtotals() {
        let mut s = CountySummary::new(Levels {
            town: true,
            village: false,
        });
        let place = |r: &str, t: &str| Place {
            region: r.into(),
            town: t.into(),
            village: String::new(),
        };
        s.add(&place("230129", "延寿镇"), None).unwrap();
        let mut o = CountySummary::new(s.levels);
        o.add(&place("230129", "加信镇"), None).unwrap();
        o.add(&place("230221", "龙江镇"), None).unwrap();
        s.merge(&o).unwrap();
        let rows = s.rows(|c| (c == "230129").then(|| "延寿县".to_string()));
        let keys: Vec<(&str, &str, &str)> = rows
            .iter()
            .map(|r| (r[0].as_str(), r[1].as_str(), r[3].as_str()))
            .collect();
        assert_eq!(
            keys,
            [
                ("total", "", ""),
                ("region", "230129", ""),
                ("town", "230129", "加信镇"),
                ("town", "230129", "延寿镇"),
                ("region", "230221", ""),
                ("town", "230221", "龙江镇")
            ]
        );
        assert_eq!(rows[1][2], "延寿县");
        assert_eq!(rows[0][5], "3");
        assert_eq!(rows[0].len(), CountySummary::header(true).len());
        // Every household read, those in error too, then those in error.
        assert_eq!(CountySummary::header(true)[5..7], ["读入户数", "有误户数"]);
        assert!(printable(&CountySummary::header(true), &rows).contains("延寿县"));
    }

    #[test]
    fn rows_with_no_region_are_named_as_the_comparison_names_them() {
        // A household in error with no region: its row says 未填地区, as `compare --report` does.
        let mut s = CountySummary::new(Levels::default());
        s.add(&Place::default(), None).unwrap();
        let rows = s.rows(|_| None);
        assert_eq!((rows[1][0].as_str(), rows[1][1].as_str()), ("region", ""));
        assert_eq!(rows[1][2], crate::estimate::compare::NO_REGION);
        assert_eq!(NO_REGION, "未填地区");
        assert!(s.printed(|_| None).contains("未填地区"));
    }

    #[test]
    fn a_closing_mark_never_passes_the_edge_nor_begins_a_line() {
        // "  · " is 4 columns and a CJK character 2: 48 characters fill the line to 100, so the
        // closing marks after them would reach 102 and 104; they go down with the 48th, "字".
        let text = format!("{}字），{}", "政".repeat(47), "策".repeat(10));
        let out = indented(&text);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 2, "{out}");
        assert!(
            lines.iter().all(|l| display_width(l) <= PRINTED_WIDTH),
            "{out}"
        );
        assert_eq!(lines[0], format!("  · {}", "政".repeat(47)));
        assert_eq!(lines[1], format!("    字），{}", "策".repeat(10)));
        // Text that fits stays on one line.
        assert_eq!(indented("短句。"), "  · 短句。\n");
    }

    #[test]
    fn amounts_are_printed_with_thousands_separators() {
        assert_eq!(grouped("1495846265.16"), "1,495,846,265.16");
        assert_eq!(grouped("-1234.50"), "-1,234.50");
        assert_eq!(grouped("999.00"), "999.00");
        assert_eq!(grouped("0.00"), "0.00");
        // Codes and counts are not amounts.
        assert_eq!(grouped("230129"), "230129");
        assert_eq!(grouped("1.5"), "1.5");
        let table = printable(
            &["地区".to_string(), "年额".to_string()],
            &[vec!["230129".into(), "1495846265.16".into()]],
        );
        assert_eq!(table, "地区    年额\n230129  1,495,846,265.16\n");
    }
}
