//! Registers: households in bulk, as the command-line tool reads and writes them.
//!
//! A CSV register has one row per member; the rows with the same `household_id` form one household,
//! wherever they are in the register ([`gather`]). Household columns may be filled on any of its rows, but where filled more than once
//! they must agree; member columns are read from every row. Columns come in any order, under their
//! English name or their Chinese alias ([`columns::COLUMNS`]); Chinese values are accepted beside the
//! API's (`脱贫户` for `alleviated`, `是` for `true`). Lists (`events`, `unsecured`) are separated by
//! `;` (or `；`, `、`); empty cells mean absent.
//!
//! Nothing is lost without a word: every line of the input ends up in exactly one output row (a
//! household's result, or an error naming its lines), or is counted as blank. A row with the wrong
//! number of cells, an unclosed quote, text that is not in the file's encoding, an empty household
//! id, or household cells that disagree is an error for its household (rows of one id apart from
//! each other that disagree may be two households given one id: the message says so).
//!
//! Output: one row per household, with columns for every programme of the registry
//! ([`output::header`]); a county's summary of those rows, by programme and by township or village,
//! is [`summary`].

pub mod columns;
pub mod gather;
mod header;
mod ids;
pub mod ledger;
pub mod output;
pub mod read;
pub mod summary;
pub mod text;

use crate::input::form::register_value;
use std::borrow::Cow;
use std::io::{self, BufRead};

use crate::base::error::{excerpt, PolicyError, Result};
use crate::base::json::Node;
pub use columns::{column, Column, Target, COLUMNS};
pub use gather::Gather;
pub use header::{header_columns, HeaderColumn};
pub use ids::DuplicateIds;
pub use read::{Encoding, Item, Record, Records, UTF8};

/// Member rows kept per household: one more than the engine accepts, so the engine still says
/// "too many"; rows past it are counted, not kept (memory stays bounded whatever the input).
const MAX_ROWS_KEPT: usize = 31;

/// The header of a CSV register: the column of each position (`None` for an empty header cell,
/// whose cells must then be empty, and for an ignored column), where `household_id` is, and the
/// columns ignored (position and header), whose cells are never read.
#[derive(Clone, Debug)]
pub struct Layout {
    cells: Vec<Option<&'static Column>>,
    id: usize,
    ignored: Vec<(usize, String)>,
}

impl Layout {
    /// The layout of a header row. Unknown columns (a typo must not drop data), a column named
    /// twice (also once in English and once in Chinese) and a missing `household_id` are refused;
    /// identity and phone numbers, which no calculation reads ([`columns::personal`]), are ignored.
    pub fn from_header(header: &[String]) -> Result<Layout> {
        Layout::from_header_with(header, false)
    }

    /// [`Layout::from_header`]; with `ignore_unknown` (the tool's `--ignore-columns`, a page that
    /// shows the columns first), every unknown column is ignored instead of refused.
    pub fn from_header_with(header: &[String], ignore_unknown: bool) -> Result<Layout> {
        let (mut layout, unknown) = Layout::reading(header)?;
        let (ignored, refused): (Vec<HeaderColumn>, Vec<HeaderColumn>) = unknown
            .into_iter()
            .partition(|h| ignore_unknown || h.private);
        if let Some(first) = refused.first() {
            let listed: Vec<String> = refused.iter().map(HeaderColumn::unknown_text).collect();
            return Err(PolicyError::invalid_input(
                first.header.as_str(),
                format!(
                    "{}不是已知的列（列名见 docs/register.md；与测算无关的列，命令行工具加 --ignore-columns、JavaScript 调用时传 unknownColumns: 'ignore' 即忽略）",
                    listed.join("、")
                ),
            ));
        }
        layout.ignored = ignored
            .into_iter()
            .map(|h| (h.index.saturating_sub(1), h.header))
            .collect();
        Ok(layout)
    }

    /// The layout of a header row whose unknown columns are left out, as a page reads a register
    /// it shows first, with the header's columns as read: each known one with its field, each
    /// unknown one with the known column it seems to mean, identity and phone numbers marked.
    pub fn ignoring_unknown(header: &[String]) -> Result<(Layout, Vec<HeaderColumn>)> {
        Ok((
            Layout::from_header_with(header, true)?,
            header_columns(header),
        ))
    }

    /// The columns of a header (known ones, empty cells) and its unknown columns.
    fn reading(header: &[String]) -> Result<(Layout, Vec<HeaderColumn>)> {
        let mut cells: Vec<Option<&'static Column>> = Vec::with_capacity(header.len());
        let mut unknown = Vec::new();
        for (i, name) in header.iter().enumerate() {
            let name = name.trim();
            let c = column(name);
            if let Some(c) = c {
                if let Some(j) = cells.iter().position(|d| *d == Some(c)) {
                    return Err(PolicyError::invalid_input(
                        c.name,
                        format!(
                            "第 {} 列与第 {} 列都是“{}”（{}）：同一列不能出现两次",
                            j.saturating_add(1),
                            i.saturating_add(1),
                            c.name,
                            c.alias
                        ),
                    ));
                }
            } else if !name.is_empty() {
                unknown.push(HeaderColumn::of(i, name));
            }
            cells.push(c);
        }
        let id = cells
            .iter()
            .position(|c| c.is_some_and(|c| c.target == Target::Id))
            .ok_or_else(|| {
                PolicyError::invalid_input("household_id", "缺少 household_id（户编号）列")
            })?;
        let layout = Layout {
            cells,
            id,
            ignored: Vec::new(),
        };
        Ok((layout, unknown))
    }

    /// The columns ignored, each as `第 N 列“header”`, in header order (empty when none).
    pub fn ignored(&self) -> Vec<String> {
        self.ignored
            .iter()
            .map(|(i, name)| format!("第 {} 列“{name}”", i.saturating_add(1)))
            .collect()
    }

    fn is_ignored(&self, position: usize) -> bool {
        self.ignored.iter().any(|(i, _)| *i == position)
    }

    /// Cells every row must have.
    pub fn width(&self) -> usize {
        self.cells.len()
    }

    /// Whether the register has the column `name`.
    pub fn has(&self, name: &str) -> bool {
        self.cells.iter().flatten().any(|c| c.name == name)
    }

    /// The household id of a row: its trimmed `household_id` cell (empty when absent).
    pub fn id_of<'r>(&self, cells: &'r [String]) -> &'r str {
        cells.get(self.id).map_or("", |s| s.trim())
    }

    /// The columns with the cells of a row, non-empty cells only, trimmed.
    fn filled<'a, 'r>(
        &'a self,
        cells: &'r [String],
    ) -> impl Iterator<Item = (&'static Column, &'r str)> + 'a
    where
        'r: 'a,
    {
        self.cells
            .iter()
            .zip(cells)
            .filter_map(|(c, v)| c.map(|c| (c, v.trim())))
            .filter(|(_, v)| !v.is_empty())
    }
}

/// The header of a CSV register, after any blank lines before it (counted in `blank`).
pub fn read_header<R: BufRead>(records: &mut Records<R>, blank: &mut u64) -> Result<Layout> {
    read_header_with(records, blank, Layout::from_header)
}

/// [`read_header`], the header's cells read into a layout by `layout_of` (with every unknown
/// column ignored: `|h| Layout::from_header_with(h, true)`).
pub fn read_header_with<R: BufRead, T>(
    records: &mut Records<R>,
    blank: &mut u64,
    layout_of: impl Fn(&[String]) -> Result<T>,
) -> Result<T>
where
    T: HasLayout,
{
    loop {
        let item = records.next_item().map_err(read::read_problem)?;
        match item {
            None => return Err(PolicyError::invalid_input("", "文件是空的：没有表头")),
            Some(Item::Blank(_)) => *blank = blank.saturating_add(1),
            Some(Item::Record(r)) => {
                if let Some(p) = r.problem {
                    return Err(PolicyError::invalid_input(
                        "",
                        format!("表头（第 {} 行）{p}", r.first_line),
                    ));
                }
                let read = layout_of(&r.cells)?;
                records.width = Some(read.layout().width());
                return Ok(read);
            }
        }
    }
}

/// What a header is read into: a layout, maybe with more.
pub trait HasLayout {
    fn layout(&self) -> &Layout;
}

impl HasLayout for Layout {
    fn layout(&self) -> &Layout {
        self
    }
}

impl<T> HasLayout for (Layout, T) {
    fn layout(&self) -> &Layout {
        &self.0
    }
}

/// One member row of a household.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub line: u64,
    pub cells: Vec<String>,
}

/// A household's rows as read: consecutive rows with one id (joined with its other runs of rows by
/// [`Gather`]), or one row that cannot join any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// The household id (empty for a row without one).
    pub id: String,
    pub first_line: u64,
    pub last_line: u64,
    /// Physical lines of its rows (a quoted cell may span lines; blank lines are not counted).
    pub lines: u64,
    /// Its rows (at most [`MAX_ROWS_KEPT`]).
    pub rows: Vec<Row>,
    /// The first problem of its rows, which makes the household an error.
    pub problem: Option<PolicyError>,
    /// Its rows were not all together in the register (joined by [`Gather`]).
    pub scattered: bool,
}

impl Group {
    fn new(id: String, r: &Record) -> Group {
        Group {
            id,
            first_line: r.first_line,
            last_line: r.last_line,
            lines: 0,
            rows: Vec::new(),
            problem: None,
            scattered: false,
        }
    }

    /// Join a later run of rows of the same household (elsewhere in the register).
    pub fn join(&mut self, other: Group) {
        self.scattered = true;
        self.last_line = self.last_line.max(other.last_line);
        self.lines = self.lines.saturating_add(other.lines);
        if self.problem.is_none() {
            self.problem = other.problem;
        }
        let room = MAX_ROWS_KEPT.saturating_sub(self.rows.len());
        self.rows.extend(other.rows.into_iter().take(room));
        self.check_size();
    }

    /// More member rows than a household may have: an error.
    fn check_size(&mut self) {
        if self.rows.len() >= MAX_ROWS_KEPT {
            self.fail(PolicyError::invalid_input(
                "members",
                format!(
                    "户编号“{}”有 {} 行成员，超过 {} 人",
                    excerpt(&self.id),
                    self.lines,
                    MAX_ROWS_KEPT.saturating_sub(1)
                ),
            ));
        }
    }

    fn add(&mut self, r: Record, problem: Option<String>) {
        self.last_line = r.last_line;
        self.lines = self
            .lines
            .saturating_add(r.last_line.saturating_sub(r.first_line).saturating_add(1));
        if self.problem.is_none() {
            if let Some(p) = problem {
                self.problem = Some(PolicyError::invalid_input("", p).at_line(r.first_line));
            }
        }
        if self.rows.len() < MAX_ROWS_KEPT {
            self.rows.push(Row {
                line: r.first_line,
                cells: r.cells,
            });
        }
    }

    /// Mark the household as an error (the first problem is kept).
    pub fn fail(&mut self, e: PolicyError) {
        if self.problem.is_none() {
            self.problem = Some(e);
        }
    }

    /// The input line of member `index` (for errors the engine reports at `members[i]`).
    pub fn member_line(&self, index: usize) -> Option<u64> {
        self.rows.get(index).map(|r| r.line)
    }
}

/// Groups of a CSV register in input order; counts blank lines.
pub struct Grouper<R> {
    records: Records<R>,
    layout: Layout,
    pending: Option<Record>,
    /// Blank lines met (after the header).
    pub blank: u64,
}

impl<R> Grouper<R> {
    /// The records it groups.
    pub fn into_records(self) -> Records<R> {
        self.records
    }
}

impl<R: BufRead> Grouper<R> {
    /// Groups from `records`, whose header has been read into `layout`.
    pub fn new(records: Records<R>, layout: Layout) -> Self {
        Grouper {
            records,
            layout,
            pending: None,
            blank: 0,
        }
    }

    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    /// Physical lines read so far, including the header.
    pub fn lines_read(&self) -> u64 {
        self.records.lines_read()
    }

    pub fn bytes_read(&self) -> u64 {
        self.records.bytes_read()
    }

    /// Whether the input's last line ended with a line break.
    pub fn terminated(&self) -> bool {
        self.records.terminated()
    }

    fn next_record(&mut self) -> io::Result<Option<Record>> {
        if let Some(r) = self.pending.take() {
            return Ok(Some(r));
        }
        loop {
            match self.records.next_item()? {
                None => return Ok(None),
                Some(Item::Blank(_)) => self.blank = self.blank.saturating_add(1),
                Some(Item::Record(r)) => return Ok(Some(r)),
            }
        }
    }

    /// What is wrong with a row on its own, if anything.
    fn row_problem(&self, r: &Record) -> Option<String> {
        if let Some(p) = &r.problem {
            return Some(p.clone());
        }
        if r.cells.len() != self.layout.width() {
            return Some(format!(
                "有 {} 格，表头有 {} 列（多出或缺少的格无法对应到列；数字中的千位分隔符“,”会多出一格）",
                r.cells.len(),
                self.layout.width()
            ));
        }
        self.layout
            .cells
            .iter()
            .zip(&r.cells)
            .enumerate()
            .find(|(i, (c, v))| c.is_none() && !self.layout.is_ignored(*i) && !v.trim().is_empty())
            .map(|(i, (_, v))| {
                format!(
                    "第 {} 列没有表头，却有值“{}”",
                    i.saturating_add(1),
                    excerpt(v.trim())
                )
            })
    }

    /// The next household's rows; `None` at the end of the input.
    pub fn next_group(&mut self) -> io::Result<Option<Group>> {
        let Some(first) = self.next_record()? else {
            return Ok(None);
        };
        let problem = self.row_problem(&first);
        let id = self.layout.id_of(&first.cells).to_string();
        let mut group = Group::new(id.clone(), &first);
        if id.is_empty() {
            // A row without a household id belongs to no household: an error on its own.
            let problem = problem.unwrap_or_else(|| "户编号（household_id）为空".to_string());
            group.add(first, Some(problem));
            return Ok(Some(group));
        }
        group.add(first, problem);
        while let Some(r) = self.next_record()? {
            if self.layout.id_of(&r.cells) != id {
                self.pending = Some(r);
                break;
            }
            let problem = self.row_problem(&r);
            group.add(r, problem);
        }
        group.check_size();
        Ok(Some(group))
    }
}

/// Where a household is, for summaries.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Place {
    pub region: String,
    pub town: String,
    pub village: String,
}

fn text(v: &str) -> Node<'static> {
    Node::String(Some(Cow::Owned(v.to_string())))
}

/// A yes/no cell; any other value goes on as written, for the engine's reader to refuse at its
/// field with the household's other problems (see [`in_register_terms`]).
fn boolean(v: &str, column: &Column) -> Node<'static> {
    match column.translate(v) {
        "true" => Node::Bool(true),
        "false" => Node::Bool(false),
        _ => text(v),
    }
}

/// A `;`-separated list (also `；` and `、`), each item translated.
fn list(v: &str, column: &Column) -> Vec<Node<'static>> {
    v.split([';', '；', '、'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| text(column.translate(s)))
        .collect()
}

/// A whole-number cell; anything else goes on as written, as [`boolean`]'s do.
fn count(v: &str, column: &Column) -> Node<'static> {
    match column.translate(v).parse::<u32>() {
        Ok(n) => Node::Number(Cow::Owned(n.to_string())),
        Err(_) => text(v),
    }
}

type Members = Vec<(Cow<'static, str>, Node<'static>)>;

fn put(o: &mut Members, key: &'static str, v: Node<'static>) {
    o.push((Cow::Borrowed(key), v));
}

/// The household cells of a group: for each household column, its value and the line it came
/// from. A value given on several rows must be the same on each.
fn household_cells<'g>(
    layout: &Layout,
    group: &'g Group,
) -> Result<Vec<(&'static Column, &'g str, u64)>> {
    let mut found: Vec<(&'static Column, &'g str, u64)> = Vec::new();
    for row in &group.rows {
        for (c, v) in layout.filled(&row.cells) {
            if !c.target.household_level() {
                continue;
            }
            match found.iter().find(|(d, ..)| *d == c) {
                None => found.push((c, v, row.line)),
                Some((_, first, line)) if c.translate(first) != c.translate(v) => {
                    return Err(PolicyError::invalid_input(
                        c.name,
                        format!(
                            "{}“{}”与第 {line} 行的“{}”不同（户级列每户只有一个值，可只填在第一行）{}",
                            c.alias,
                            excerpt(v),
                            excerpt(first),
                            match group.scattered {
                                true => two_households(&group.id),
                                false => String::new(),
                            }
                        ),
                    )
                    .at_line(row.line))
                }
                Some(_) => {}
            }
        }
    }
    Ok(found)
}

/// Where a household is (its region, town and village cells).
pub fn place_of(layout: &Layout, group: &Group) -> Place {
    let mut place = Place::default();
    for row in &group.rows {
        for (c, v) in layout.filled(&row.cells) {
            let slot = match c.name {
                "region" => &mut place.region,
                "town" => &mut place.town,
                "village" => &mut place.village,
                _ => continue,
            };
            if slot.is_empty() {
                *slot = v.to_string();
            }
        }
    }
    place
}

/// What a run says once about the columns it ignored (`Layout::ignored`).
pub fn ignored_note(ignored: &[String]) -> String {
    format!(
        "已忽略 {} 列（与测算无关：未读入，也不写入任何输出）：{}",
        ignored.len(),
        ignored.join("、")
    )
}

/// What to fix when the rows of one id, apart in the register, disagree: they may be two
/// households given one id, which no reading can tell apart.
fn two_households(id: &str) -> String {
    format!(
        "；户编号“{}”的行不相邻，可能是两户用了同一个户编号：请给其中一户改用别的户编号，同一户的户级列填相同的值",
        excerpt(id)
    )
}

/// The household's `ref` cell, when it has one.
pub fn reference_of(layout: &Layout, group: &Group) -> Option<String> {
    group.rows.iter().find_map(|row| {
        layout
            .filled(&row.cells)
            .find(|(c, _)| c.name == "ref")
            .map(|(_, v)| v.to_string())
    })
}

/// One household from its group, as the JSON the API reads. Errors name the column and the line.
pub fn household_from_group(layout: &Layout, group: &Group) -> Result<Node<'static>> {
    if let Some(p) = &group.problem {
        return Err(p.clone());
    }
    let mut h = Members::new();
    let mut income = Members::new();
    for (c, v, _) in household_cells(layout, group)? {
        let api = c.translate(v);
        match c.target {
            Target::Household(key) => put(&mut h, key, text(&register_value(key, &c.api_value(v)))),
            Target::Income(key) => put(&mut income, key, text(&register_value(key, api))),
            Target::HouseholdBool(key) => put(&mut h, key, boolean(v, c)),
            Target::HouseholdCount(key) => put(&mut h, key, count(v, c)),
            Target::Events => put(&mut h, "events", Node::Array(list(v, c))),
            Target::Unsecured => {
                let g: Members = list(v, c)
                    .into_iter()
                    .filter_map(|item| match item {
                        Node::String(Some(k)) => Some((k, Node::Bool(false))),
                        _ => None,
                    })
                    .collect();
                put(&mut h, "guarantees", Node::Object(g));
            }
            Target::HousingAppraisal => {
                let appraisal: Members = vec![("appraisal".into(), text(api))];
                put(&mut h, "housing", Node::Object(appraisal));
            }
            Target::Id
            | Target::Place
            | Target::Member(_)
            | Target::MemberBool(_)
            | Target::Grade => {}
        }
    }
    if !income.is_empty() {
        put(&mut h, "income", Node::Object(income));
    }
    let mut members = Vec::with_capacity(group.rows.len());
    for row in &group.rows {
        members.push(member_from_row(layout, row)?);
    }
    put(&mut h, "members", Node::Array(members));
    Ok(Node::Object(h))
}

fn member_from_row(layout: &Layout, row: &Row) -> Result<Node<'static>> {
    let mut m = Members::new();
    for (c, v) in layout.filled(&row.cells) {
        match c.target {
            Target::Member(key) => put(&mut m, key, text(&register_value(key, &c.api_value(v)))),
            Target::MemberBool(key) => put(&mut m, key, boolean(v, c)),
            Target::Grade => put(&mut m, "disabilityGrade", count(v, c)),
            _ => {}
        }
    }
    Ok(Node::Object(m))
}

/// An error the engine reported, in the register's terms: the line of the member (or the
/// household's first line) before it, and a field the engine names (“birthDate”) as its column
/// (“出生日期”（birth_date）).
pub fn locate(mut e: PolicyError, group: &Group) -> PolicyError {
    e.message = in_register_terms(&e.path, &e.message);
    if let Some(line) = line_of(&e.path, group) {
        e = e.at_line(line);
    }
    // Each problem of several is named the same way (the register's line and column).
    e.problems = std::mem::take(&mut e.problems)
        .into_iter()
        .map(|mut p| {
            p.message = in_register_terms(&p.path, &p.message);
            match line_of(&p.path, group) {
                Some(line) => p.at_line(line),
                None => p,
            }
        })
        .collect();
    e
}

/// The member's index in a path such as `members[2].birthDate`.
fn member_index(path: &str) -> Option<usize> {
    path.strip_prefix("members[")
        .and_then(|rest| rest.split(']').next())
        .and_then(|i| i.parse::<usize>().ok())
}

/// The register line an error about `path` is on: its member's row, or the household's first
/// line for a household field.
fn line_of(path: &str, group: &Group) -> Option<u64> {
    match member_index(path) {
        Some(i) => group.member_line(i),
        None if !path.is_empty() => Some(group.first_line),
        None => None,
    }
}

// The messages are searched byte by byte (`base::bytes`): `str::contains` and `replace` would link the
// standard library's substring search into the module for them alone.
use crate::base::bytes::{contains, replace};

/// `message` about the field `key` with its column instead: “key” becomes “中文”（english）, and a
/// message that does not name the column (a value's error: 金额“两千”不是有效的数字) gets it in front.
pub(crate) fn naming_column(message: &str, key: &str, zh: &str, en: &str) -> String {
    let named = format!("“{key}”");
    if contains(message, &named) {
        replace(message, &named, &format!("“{zh}”（{en}）"), 1)
    } else if !contains(message, zh) {
        format!("“{zh}”（{en}）：{message}")
    } else {
        message.to_string()
    }
}

/// A message about `path` with the register's column rather than the API field.
fn in_register_terms(path: &str, message: &str) -> String {
    let mut message = message.to_string();
    // A list's item (`events[0]`) is its column's.
    let item = path.trim_end_matches(|c: char| c.is_ascii_digit() || c == '[' || c == ']');
    let field = crate::base::bytes::after_last(item, b".]");
    if let Some(c) = columns::column_of_field(field, member_index(path).is_some()) {
        message = naming_column(&message, field, c.alias, c.name);
        // A date in a shape no one reads: the shapes a register may use.
        if contains(&message, "应为 YYYY-MM-DD") {
            message = format!("{message}；花名册中也可写作 1980/3/4 或 1980年3月4日");
        }
        // A yes/no cell the register wrote otherwise: in the register's words.
        message = replace(
            &message,
            "应为 true 或 false",
            "应为 是 或 否（true 或 false）",
            usize::MAX,
        );
        // A wrong value of a column with Chinese values: the values the register may hold.
        if contains(&message, "应为：") {
            if let Some(values) = c.chinese_values() {
                message = format!("{message}（花名册中写作：{values}）");
            }
        }
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::error::{ErrorCode, Problem};

    fn groups(text: &str) -> (Vec<Group>, u64) {
        let mut records = Records::new(text.as_bytes(), UTF8);
        let mut blank = 0;
        let layout = read_header(&mut records, &mut blank).unwrap();
        let mut g = Grouper::new(records, layout);
        let mut out = Vec::new();
        while let Some(x) = g.next_group().unwrap() {
            out.push(x);
        }
        (out, g.blank + blank)
    }

    /// The layout of a header given as one line.
    fn layout(header: &str) -> Layout {
        Layout::from_header(&header.split(',').map(str::to_string).collect::<Vec<_>>()).unwrap()
    }

    fn summary(gs: &[Group]) -> Vec<(&str, u64, u64, bool)> {
        gs.iter()
            .map(|g| {
                (
                    g.id.as_str(),
                    g.first_line,
                    g.last_line,
                    g.problem.is_some(),
                )
            })
            .collect()
    }

    #[test]
    fn rows_with_the_wrong_number_of_cells_are_errors_of_their_household() {
        let (gs, _) = groups(
            "household_id,region,birth_date,wages\nA,230129,1980-01-01,12,000\nB,230129,1980-01-01\nC,230129,1980-01-01,0\n",
        );
        assert_eq!(
            summary(&gs),
            [("A", 2, 2, true), ("B", 3, 3, true), ("C", 4, 4, false)]
        );
        assert!(gs[0]
            .problem
            .as_ref()
            .unwrap()
            .message
            .contains("第 2 行：有 5 格"));
    }

    #[test]
    fn empty_ids_stand_alone_and_blank_lines_are_counted() {
        let (gs, blank) = groups("household_id,region\nA,230129\n,230221\n\n,,\nA,230129\n");
        assert_eq!(
            summary(&gs),
            [("A", 2, 2, false), ("", 3, 3, true), ("A", 6, 6, false)]
        );
        assert_eq!(blank, 2);
    }

    #[test]
    fn headers_are_checked() {
        let h = |s: &str| s.split(',').map(str::to_string).collect::<Vec<_>>();
        assert!(Layout::from_header(&h("household_id,region,region")).is_err());
        assert!(Layout::from_header(&h("户编号,household_id")).is_err());
        assert!(Layout::from_header(&h("household_id,wage")).is_err());
        assert!(Layout::from_header(&h("region")).is_err());
        let l = Layout::from_header(&h("户编号,地区代码,出生日期,工资收入,")).unwrap();
        assert!(l.has("wages") && l.width() == 5);
        // Every unknown column at once, with the known one a header seems to mean.
        let e =
            Layout::from_header(&h("户编号,生活自理能力,本人年工资,家庭经营净收入")).unwrap_err();
        assert_eq!(e.path, "生活自理能力");
        assert_eq!(
            e.message,
            "第 2 列“生活自理能力”（是不是“自理能力”？）、第 3 列“本人年工资”、第 4 列“家庭经营净收入”（是不是“经营净收入”？）不是已知的列（列名见 docs/register.md；与测算无关的列，命令行工具加 --ignore-columns、JavaScript 调用时传 unknownColumns: 'ignore' 即忽略）"
        );
    }

    #[test]
    fn personal_details_are_ignored_and_other_columns_only_when_asked() {
        let h = |s: &str| s.split(',').map(str::to_string).collect::<Vec<_>>();
        // A national-system export: identity and telephone numbers are read as if absent.
        let header = "户编号,身份证号,地区代码,出生日期,联系电话";
        let l = Layout::from_header(&h(header)).unwrap();
        assert_eq!(l.ignored(), ["第 2 列“身份证号”", "第 5 列“联系电话”"]);
        let text = format!("{header}\nA,230129198001011234,230129,1980-01-01,13912345678\n");
        let (gs, _) = groups(&text);
        assert!(gs[0].problem.is_none(), "{:?}", gs[0].problem);
        let node = household_from_group(&l, &gs[0]).unwrap();
        let json = serde_json::to_string(&node).unwrap();
        assert!(
            !json.contains("230129198001011234") && !json.contains("13912345678"),
            "{json}"
        );
        // Any other unknown column stops the run, unless the officer says to ignore it.
        let other = h("户编号,地区代码,出生日期,备注");
        assert!(Layout::from_header(&other).is_err());
        let l = Layout::from_header_with(&other, true).unwrap();
        assert_eq!(l.ignored(), ["第 4 列“备注”"]);
        // An empty header cell still holds nothing.
        let (gs, _) = groups("户编号,地区代码,\nA,230129,x\n");
        assert!(gs[0].problem.is_some());
    }

    #[test]
    fn household_cells_must_agree_and_chinese_values_are_read() {
        let (gs, _) = groups(
            "户编号,地区代码,户类型,出生日期,患重病\nA,230129,脱贫户,1980-01-01,是\nA,230129,,1982-01-01,否\nB,230129,,1980-01-01,\nB,230221,,1981-01-01,\n",
        );
        let layout = layout("household_id,region,status,birth_date,serious_illness");
        let a = household_from_group(&layout, &gs[0]).unwrap();
        assert_eq!(a.get("status").and_then(Node::as_str), Some("alleviated"));
        let members = a.get("members").and_then(Node::as_array).unwrap();
        assert_eq!(members[0].get("seriousIllness"), Some(&Node::Bool(true)));
        let e = household_from_group(&layout, &gs[1]).unwrap_err();
        assert_eq!(e.path, "region");
        assert!(e.message.contains("第 5 行"), "{}", e.message);
    }

    #[test]
    fn an_error_names_its_line_once() {
        let text = "household_id,region,birth_date,serious_illness\nA,230129,1980-01-01,是\nA,230129,1982-01-01,也许\nB,230129,1980-01-01,\nB,230221,1981-01-01,\n";
        let (gs, _) = groups(text);
        let layout = layout("household_id,region,birth_date,serious_illness");
        let once = |e: &PolicyError, line: u64| {
            assert!(
                e.message.starts_with(&format!("第 {line} 行：")),
                "{}",
                e.message
            );
            assert_eq!(e.message.matches("行：").count(), 1, "{}", e.message);
            assert_eq!(e.line, Some(line));
        };
        // A yes/no cell written otherwise goes on as written, for the engine to refuse at its
        // field with the household's other problems; `locate` puts it in the register's words.
        let h = household_from_group(&layout, &gs[0]).unwrap();
        let members = h.get("members").and_then(Node::as_array).unwrap();
        assert_eq!(
            members[1].get("seriousIllness").and_then(Node::as_str),
            Some("也许")
        );
        let refused = PolicyError::invalid_input(
            "members[1].seriousIllness",
            "“seriousIllness”应为 true 或 false",
        );
        let e = locate(refused, &gs[0]);
        once(&e, 3);
        assert_eq!(
            e.message,
            "第 3 行：“患重病”（serious_illness）应为 是 或 否（true 或 false）"
        );
        // The register's own errors (household cells that disagree, on the row that disagrees)
        // keep their line through `locate`.
        let disagree = household_from_group(&layout, &gs[1]).unwrap_err();
        once(&locate(disagree, &gs[1]), 5);
        // The engine's errors get the member's row, and every one of several problems its own.
        let engine = PolicyError::with_problems(
            ErrorCode::InvalidInput,
            vec![
                Problem::new("members[1].birthDate", "日期无效"),
                Problem::new("members[0].birthDate", "日期无效"),
            ],
        );
        let e = locate(engine, &gs[0]);
        once(&e, 3);
        assert!(e.problems[0].message.starts_with("第 3 行："));
        assert!(e.problems[1].message.starts_with("第 2 行："));
        assert_eq!(
            crate::base::error::BatchError::from(e)
                .full_text()
                .matches("行：")
                .count(),
            2
        );
    }
}
