//! A household of the command-line tool's JSON Lines read straight from its text into a
//! [`HouseholdInput`], without building the JSON tree ([`crate::base::json::Node`]) and reading it
//! through [`super::Obj`]: the tree, its reading and its drop were about a fifth of the tool's
//! instructions a household.
//!
//! Only the plain case is read here: every field known and given once, each value of its kind and
//! accepted as the strict reader accepts it, strings without escapes, the text valid JSON. Anything
//! else (an escape, an unknown or repeated field, a value the reader refuses, a syntax error) gives
//! `None`, and the caller reads the line through the tree, which finds every problem and says
//! where. So a line read here is read as [`HouseholdInput::read`] reads it (a test holds the two
//! equal over generated and altered lines), and every error is the strict reader's own.

use std::borrow::Cow;

use super::household::{
    Event, GuaranteesInput, HouseholdInput, HousingInput, IncomeInput, MemberInput, APPRAISALS,
    AREAS, CAPACITIES, CARES, CATEGORIES, DISABILITY_TYPES, EVENTS, SCHOOLING, STATUSES,
};
use super::{read_money, MoneyInput};
use crate::base::json::{number_end, stops, Node};
use crate::base::money::Money;

/// The household on a line (surrounding JSON whitespace allowed) read into `h`, or `false` when
/// it is anything but the plain case (see the module's text; `h` is then any household). `h` is
/// the caller's, kept from line to line: a household moved out of a function is copied, and its
/// members' vector and their birth dates' strings would be allocated again.
pub fn read_into(text: &str, h: &mut HouseholdInput) -> bool {
    let members = std::mem::take(&mut h.members);
    *h = HouseholdInput {
        members,
        ..HouseholdInput::default()
    };
    let mut at = Cursor {
        text,
        bytes: text.as_bytes(),
        pos: 0,
    };
    at.space();
    if at.household(h).is_none() {
        return false;
    }
    at.space();
    let category_allowed = match h.monitoring_category {
        Some(_) => h.status.is_some_and(|s| s.monitored()),
        None => true,
    };
    at.pos == at.bytes.len() && category_allowed
}

/// [`read_into`] as the tool reads, into one household kept from line to line by each test's
/// thread (so that what the line before left there is read over), and a copy of it (tests).
#[cfg(test)]
fn read(text: &str) -> Option<HouseholdInput> {
    thread_local! {
        static KEPT: std::cell::RefCell<HouseholdInput> = Default::default();
    }
    KEPT.with(|kept| {
        let mut h = kept.borrow_mut();
        read_into(text, &mut h).then(|| h.clone())
    })
}

/// Where the reading is in the line.
struct Cursor<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

/// Each field's bit among those of its object: a field seen twice is left to the strict reader.
fn once(seen: &mut u32, bit: u32) -> Option<()> {
    let first = *seen & bit == 0;
    *seen |= bit;
    first.then_some(())
}

impl<'a> Cursor<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn bump(&mut self) {
        self.pos = self.pos.saturating_add(1);
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.bump();
        }
    }

    /// The byte `b` (after any space), taken.
    fn eat(&mut self, b: u8) -> Option<()> {
        self.space();
        (self.peek() == Some(b)).then(|| self.bump())
    }

    /// The literal `word` here, taken.
    fn word(&mut self, word: &str) -> bool {
        let end = self.pos.saturating_add(word.len());
        let found = self.bytes.get(self.pos..end) == Some(word.as_bytes());
        if found {
            self.pos = end;
        }
        found
    }

    /// A string without escapes or control characters, its quotes taken.
    fn string(&mut self) -> Option<&'a str> {
        if self.peek() != Some(b'"') {
            return None;
        }
        let start = self.pos.saturating_add(1);
        let rest = self.bytes.get(start..)?;
        let run = rest.iter().position(|b| stops(*b))?;
        let end = start.saturating_add(run);
        if rest.get(run) != Some(&b'"') {
            return None;
        }
        self.pos = end.saturating_add(1);
        self.text.get(start..end)
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, the JSON number, as text.
    fn number(&mut self) -> Option<&'a str> {
        let start = self.pos;
        self.pos = number_end(self.bytes, start).ok()?;
        self.text.get(start..self.pos)
    }

    /// `null` (absent, as the strict reader reads it) or the value `read` takes.
    fn or_null<T>(&mut self, read: impl FnOnce(&mut Self) -> Option<T>) -> Option<Option<T>> {
        self.space();
        match self.word("null") {
            true => Some(None),
            false => read(self).map(Some),
        }
    }

    /// An object, each member's value read by `member` from its key; `{}` reads none.
    fn object(&mut self, mut member: impl FnMut(&mut Self, &'a str) -> Option<()>) -> Option<()> {
        self.eat(b'{')?;
        self.space();
        if self.peek() == Some(b'}') {
            self.bump();
            return Some(());
        }
        loop {
            self.space();
            let key = self.string()?;
            self.eat(b':')?;
            member(self, key)?;
            self.space();
            match self.peek() {
                Some(b',') => self.bump(),
                Some(b'}') => {
                    self.bump();
                    return Some(());
                }
                _ => return None,
            }
        }
    }

    /// An array, each item read by `item`; `[]` reads none.
    fn array(&mut self, mut item: impl FnMut(&mut Self) -> Option<()>) -> Option<()> {
        self.eat(b'[')?;
        self.space();
        if self.peek() == Some(b']') {
            self.bump();
            return Some(());
        }
        loop {
            self.space();
            item(self)?;
            self.space();
            match self.peek() {
                Some(b',') => self.bump(),
                Some(b']') => {
                    self.bump();
                    return Some(());
                }
                _ => return None,
            }
        }
    }

    fn text(&mut self) -> Option<Option<String>> {
        self.or_null(|at| at.string().map(str::to_string))
    }

    fn bool(&mut self) -> Option<Option<bool>> {
        // One word or the other, in turn: both tried at once took `truefalse` as `true`.
        self.or_null(|at| match at.word("true") {
            true => Some(true),
            false => at.word("false").then_some(false),
        })
    }

    /// A whole number as the strict reader's `count` reads it.
    fn count(&mut self) -> Option<Option<u32>> {
        self.or_null(|at| {
            let digits = at.number()?;
            Node::Number(Cow::Borrowed(digits))
                .as_u64()
                .and_then(|n| u32::try_from(n).ok())
        })
    }

    /// Money: whole yuan by [`whole_yuan`], any other by the strict reader's own reading of a
    /// string or a number.
    fn money(&mut self) -> Option<Option<MoneyInput>> {
        self.or_null(|at| {
            let (text, quoted) = match at.peek() {
                Some(b'"') => (at.string()?, true),
                _ => (at.number()?, false),
            };
            if let Some(m) = whole_yuan(text) {
                return Some(MoneyInput(m));
            }
            let node = match quoted {
                true => Node::String(Some(Cow::Borrowed(text))),
                false => Node::Number(Cow::Borrowed(text)),
            };
            read_money(&node).ok().map(MoneyInput)
        })
    }

    /// One of `options`, by its name.
    fn choice<T: Copy>(&mut self, options: &[(&str, T)]) -> Option<Option<T>> {
        self.or_null(|at| {
            let name = at.string()?;
            options.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
        })
    }
}

/// Money of 1 to 10 digits (whole yuan, under the limit of 10^10), read as the strict reader reads
/// it (a decimal of scale 0, not negative) without its general steps.
fn whole_yuan(text: &str) -> Option<Money> {
    if text.is_empty() || text.len() > 10 {
        return None;
    }
    let mut yuan = 0i64;
    for b in text.bytes() {
        if !b.is_ascii_digit() {
            return None;
        }
        yuan = yuan
            .wrapping_mul(10)
            .wrapping_add(i64::from(b.wrapping_sub(b'0')));
    }
    Some(Money::yuan(yuan))
}

/// `value` into `slot`, and the field's bit.
fn put<T>(slot: &mut T, value: T, bit: u32) -> u32 {
    *slot = value;
    bit
}

impl Cursor<'_> {
    /// The household object into `h`, its `region` and `members` given.
    fn household(&mut self, h: &mut HouseholdInput) -> Option<()> {
        let mut seen = 0u32;
        self.object(|at, key| once(&mut seen, at.household_field(h, key)?))?;
        // `region` and `members`, which the strict reader requires.
        (seen & 0b10_0010 == 0b10_0010).then_some(())
    }

    /// The value of the household's field `key` into `h`, and the field's bit.
    fn household_field(&mut self, h: &mut HouseholdInput, key: &str) -> Option<u32> {
        Some(match key {
            "ref" => put(&mut h.reference, self.reference()?, 1),
            "region" => put(&mut h.region, self.text()??, 1 << 1),
            "area" => put(&mut h.area, self.choice(AREAS)?, 1 << 2),
            "status" => put(&mut h.status, self.choice(STATUSES)?, 1 << 3),
            "monitoringCategory" => {
                put(&mut h.monitoring_category, self.choice(CATEGORIES)?, 1 << 4)
            }
            "members" => {
                let mut read = 0;
                self.array(|at| at.member(&mut h.members, &mut read))?;
                h.members.truncate(read);
                1 << 5
            }
            "income" => put(&mut h.income, self.income()?, 1 << 6),
            "lastYearIncome" => put(&mut h.last_year_income, self.money()?, 1 << 7),
            "rigidSpending" => put(&mut h.rigid_spending, self.money()?, 1 << 8),
            "assetTestPassed" => put(&mut h.asset_test_passed, self.bool()?, 1 << 9),
            "guarantees" => put(&mut h.guarantees, self.guarantees()?, 1 << 10),
            "events" => put(&mut h.events, self.events()?, 1 << 11),
            "stableIncomeMonths" => put(&mut h.stable_income_months, self.count()?, 1 << 12),
            "onDibao" => put(&mut h.on_dibao, self.bool()?, 1 << 13),
            "dibaoMonthly" => put(&mut h.dibao_monthly, self.money()?, 1 << 14),
            "incomeChangeDate" => put(&mut h.income_change_date, self.text()?, 1 << 15),
            "housing" => put(&mut h.housing, self.housing()?, 1 << 16),
            _ => return None,
        })
    }

    /// `ref`: a string of at most 200 characters.
    fn reference(&mut self) -> Option<Option<String>> {
        self.text()
            .filter(|r| r.as_ref().is_none_or(|r| r.chars().count() <= 200))
    }

    /// Member `read` of `members`, built where it is kept (moved, it would be copied), in the
    /// previous line's member there when there is one, whose birth date's string it reuses; its
    /// `birthDate` given.
    fn member(&mut self, members: &mut Vec<MemberInput>, read: &mut usize) -> Option<()> {
        if *read == members.len() {
            members.push(MemberInput::default());
        }
        let m = members.get_mut(*read)?;
        *read = read.saturating_add(1);
        let mut birth_date = std::mem::take(&mut m.birth_date);
        birth_date.clear();
        *m = MemberInput {
            birth_date,
            ..MemberInput::default()
        };
        let mut seen = 0u32;
        self.object(|at, key| once(&mut seen, at.member_field(m, key)?))?;
        // `birthDate`, which the strict reader requires.
        (seen & 0b10 != 0).then_some(())
    }

    /// The value of the member's field `key` into `m`, and the field's bit.
    fn member_field(&mut self, m: &mut MemberInput, key: &str) -> Option<u32> {
        Some(match key {
            "id" => put(&mut m.id, self.text()?, 1),
            "birthDate" => {
                self.space();
                m.birth_date.push_str(self.string()?);
                1 << 1
            }
            "disabilityGrade" => put(&mut m.disability_grade, self.grade()?, 1 << 2),
            "seriousIllness" => put(&mut m.serious_illness, self.bool()?, 1 << 3),
            "laborCapacity" => put(&mut m.labor_capacity, self.choice(CAPACITIES)?, 1 << 4),
            "selfCare" => put(&mut m.self_care, self.choice(CAPACITIES)?, 1 << 5),
            "hasSupporter" => put(&mut m.has_supporter, self.bool()?, 1 << 6),
            "wages" => put(&mut m.wages, self.money()?, 1 << 7),
            "workRegion" => put(&mut m.work_region, self.text()?, 1 << 8),
            "workMinimumWage" => put(&mut m.work_minimum_wage, self.money()?, 1 << 9),
            "schooling" => put(&mut m.schooling, self.choice(SCHOOLING)?, 1 << 10),
            "boarding" => put(&mut m.boarding, self.bool()?, 1 << 11),
            "insured" => put(&mut m.insured, self.bool()?, 1 << 12),
            "care" => put(&mut m.care, self.choice(CARES)?, 1 << 13),
            "disabilityType" => put(
                &mut m.disability_type,
                self.choice(DISABILITY_TYPES)?,
                1 << 14,
            ),
            "healthExemptFromSchool" => {
                put(&mut m.health_exempt_from_school, self.bool()?, 1 << 15)
            }
            _ => return None,
        })
    }

    /// `disabilityGrade`: 1 to 4.
    fn grade(&mut self) -> Option<Option<u8>> {
        match self.count()? {
            Some(g @ 1..=4) => u8::try_from(g).ok().map(Some),
            Some(_) => None,
            None => Some(None),
        }
    }

    /// `income` (`null` for none).
    fn income(&mut self) -> Option<Option<IncomeInput>> {
        self.or_null(|at| {
            let mut i = IncomeInput::default();
            let mut seen = 0u32;
            at.object(|at, key| {
                let (bit, field) = match key {
                    "business" => (1, &mut i.business),
                    "property" => (1 << 1, &mut i.property),
                    "transfer" => (1 << 2, &mut i.transfer),
                    "other" => (1 << 3, &mut i.other),
                    "exempt" => (1 << 4, &mut i.exempt),
                    _ => return None,
                };
                once(&mut seen, bit)?;
                *field = at.money()?;
                Some(())
            })?;
            Some(i)
        })
    }

    /// `guarantees` (`null` for none).
    fn guarantees(&mut self) -> Option<Option<GuaranteesInput>> {
        self.or_null(|at| {
            let mut g = GuaranteesInput::default();
            let mut seen = 0u32;
            at.object(|at, key| {
                let (bit, field) = match key {
                    "food" => (1, &mut g.food),
                    "clothing" => (1 << 1, &mut g.clothing),
                    "education" => (1 << 2, &mut g.education),
                    "medical" => (1 << 3, &mut g.medical),
                    "housing" => (1 << 4, &mut g.housing),
                    "water" => (1 << 5, &mut g.water),
                    _ => return None,
                };
                once(&mut seen, bit)?;
                *field = at.bool()?;
                Some(())
            })?;
            Some(g)
        })
    }

    /// `housing` (`null` for none).
    fn housing(&mut self) -> Option<Option<HousingInput>> {
        self.or_null(|at| {
            let mut h = HousingInput::default();
            let mut seen = 0u32;
            at.object(|at, key| match key {
                "appraisal" => {
                    once(&mut seen, 1)?;
                    h.appraisal = at.choice(APPRAISALS)?;
                    Some(())
                }
                _ => None,
            })?;
            Some(h)
        })
    }

    /// `events` (`null` for none), each one of [`EVENTS`].
    fn events(&mut self) -> Option<Option<Vec<Event>>> {
        self.or_null(|at| {
            let mut events = Vec::new();
            at.array(|at| at.choice(EVENTS)?.map(|e| events.push(e)))?;
            Some(events)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the strict reader makes of a line, as text to compare (`None`: an error).
    fn strict(text: &str) -> Option<String> {
        let node = crate::input::parse(text, "该行").ok()?;
        HouseholdInput::read(&node).ok().map(|h| format!("{h:?}"))
    }

    /// A line read here is read as the strict reader reads it; one it refuses is not read here.
    fn agrees(text: &str) -> bool {
        let plain = read(text).map(|h| format!("{h:?}"));
        if plain.is_some() {
            assert_eq!(plain, strict(text), "{text}");
        }
        plain.is_some()
    }

    /// The households of the golden cases, as JSON lines.
    fn case_households() -> Vec<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
        let mut lines = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            let case: serde_json::Value = serde_json::from_str(&text).unwrap();
            let Some(args) = case.get("args").and_then(|a| a.as_array()) else {
                continue;
            };
            for arg in args {
                if arg.get("members").is_some() {
                    lines.push(serde_json::to_string(arg).unwrap());
                }
            }
        }
        lines.sort();
        lines
    }

    /// Every golden case's household that the strict reader reads, compact or spread over lines,
    /// is read here, and read alike.
    #[test]
    fn reads_the_golden_households_as_the_strict_reader() {
        let lines = case_households();
        assert!(lines.len() > 200, "{}", lines.len());
        let mut read_here = 0;
        for line in &lines {
            let pretty = serde_json::to_string_pretty(
                &serde_json::from_str::<serde_json::Value>(line).unwrap(),
            )
            .unwrap();
            for text in [line.as_str(), pretty.as_str()] {
                let plain = agrees(text);
                // Only escapes (a key or a value the strict reader decodes) are left to it.
                if strict(text).is_some() && !text.contains('\\') {
                    assert!(plain, "{text}");
                }
                read_here += usize::from(plain);
            }
        }
        assert!(read_here > 400, "{read_here}");
    }

    /// The golden households altered at random (a byte taken out, a token put in): whatever is
    /// read here is read alike by the strict reader, which refuses what is not read here or reads
    /// it through the tree.
    #[test]
    fn altered_lines_are_read_alike_or_left_to_the_strict_reader() {
        const TOKENS: &[&str] = &[
            "\"",
            "\\",
            ",",
            "}",
            "]",
            "{",
            "[",
            ":",
            "null",
            "1",
            "-",
            ".5",
            "e5",
            "E-1",
            " ",
            "\"x\"",
            "{}",
            "[]",
            "true",
            "false",
            "\\u0041",
            "\n",
            "0",
            "00",
            "\u{3000}",
            "王",
            "\"region\":\"230129\",",
            "\"wages\":\"1\",",
            "\"ref\":null,",
            "\"status\":\"general\",",
            "\"monitoringCategory\":\"marginal\",",
            "\"disabilityGrade\":",
            "\"events\":",
            "\"illness\"",
            "\"x\":1,",
            "1e3",
            "12.345",
            "-0",
            "9999999999",
            "10000000000",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let (mut read_here, mut tried) = (0, 0);
        for line in case_households() {
            for _ in 0..40 {
                let mut text = line.clone();
                for _ in 0..=next(2) {
                    let mut at = next(text.len() + 1);
                    while !text.is_char_boundary(at) {
                        at -= 1;
                    }
                    match next(3) {
                        0 if at < text.len() => {
                            let end = (at + 1..=text.len())
                                .find(|e| text.is_char_boundary(*e))
                                .unwrap();
                            text.replace_range(at..end, "");
                        }
                        _ => text.insert_str(at, TOKENS[next(TOKENS.len())]),
                    }
                }
                tried += 1;
                read_here += usize::from(agrees(&text));
            }
        }
        // The alterations leave many lines plain (a space, a value of the same kind).
        assert!(tried > 8000 && read_here > 1000, "{read_here} of {tried}");
    }

    #[test]
    fn edge_cases_are_read_alike_or_left_to_the_strict_reader() {
        let h = |rest: &str| {
            format!(r#"{{"region":"230129","members":[{{"birthDate":"1980-01-01"{rest}}}]}}"#)
        };
        let long_ref = |n: usize| {
            format!(
                r#"{{"ref":"{}","region":"230129","members":[]}}"#,
                "王".repeat(n)
            )
        };
        for (text, plain) in [
            (h(""), true),
            (h(r#","wages":"1234.50""#), true),
            (h(r#","wages":1234.5"#), true),
            (h(r#","wages":"0010""#), true),
            (h(r#","wages":9999999999"#), true),
            (h(r#","wages":"10000000000""#), true),
            (h(r#","wages":"10000000001""#), false),
            (h(r#","wages":1e3"#), true),
            (h(r#","wages":"-0""#), true),
            (h(r#","wages":-0"#), true),
            (h(r#","wages":"1.234""#), false),
            (h(r#","wages":null"#), true),
            (h(r#","disabilityGrade":4"#), true),
            (h(r#","disabilityGrade":5"#), false),
            (h(r#","disabilityGrade":0"#), false),
            (h(r#","disabilityGrade":"2""#), false),
            (h(r#","disabilityGrade":2.0"#), false),
            (h(r#","id":"a\"b""#), false),
            (h(r#","boarding":true,"boarding":false"#), false),
            (h(r#","boarding":truefalse"#), false),
            (h(r#","boarding":falsetrue"#), false),
            (h(r#","boarding":null,"boarding":false"#), false),
            (h(r#","Boarding":true"#), false),
            (long_ref(200), true),
            (long_ref(201), false),
            (r#"{"region":"230129","members":[],"monitoringCategory":"marginal"}"#.into(), false),
            (r#"{"region":"230129","members":[],"status":"monitored","monitoringCategory":"marginal"}"#.into(), true),
            (r#"{"region":"230129","members":[],"events":["illness",null]}"#.into(), false),
            (r#"{"region":"230129","members":[],"events":["illness","accident"]}"#.into(), true),
            (r#"{"region":"230129","members":[],"income":{},"guarantees":{"water":false},"housing":{"appraisal":"C"}}"#.into(), true),
            (r#"{"region":230129,"members":[]}"#.into(), false),
            (r#"{"region":"230129"}"#.into(), false),
            (r#"{"region":"230129","members":null}"#.into(), false),
            (r#" {"region":"230129","members":[]} "#.into(), true),
            (r#"{"region":"230129","members":[]} x"#.into(), false),
            (r#"{"region":"230129","members":[],}"#.into(), false),
        ] {
            assert_eq!(agrees(&text), plain, "{text}");
        }
    }

    /// Whole yuan read here to the same decimal (mantissa, scale and sign) as the strict reader.
    #[test]
    fn whole_yuan_are_the_strict_readers_decimals() {
        let mut n = 1u64;
        for digits in 1..=10 {
            for text in [
                n.to_string(),
                format!("{:0>digits$}", n % 7),
                "9".repeat(digits),
            ] {
                let node = Node::String(Some(Cow::Borrowed(&text)));
                let strict = read_money(&node).unwrap().decimal();
                let here = whole_yuan(&text).unwrap().decimal();
                assert_eq!(here.serialize(), strict.serialize(), "{text}");
            }
            n = n * 10 + 7;
        }
        assert_eq!(whole_yuan("10000000000"), None);
        assert_eq!(whole_yuan(""), None);
        assert_eq!(whole_yuan("1.5"), None);
    }
}
