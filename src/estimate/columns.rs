//! Screening rows as columns (`screenColumns` in the package): for each household, whether it was
//! read and computed, its reference, its monitoring verdict, each programme's eligibility and
//! amounts, and the totals, one list per figure. Money is whole fen (exact in a `Float64Array`
//! below 2^53 fen), 0 where a programme is not eligible or the household is an error.
//!
//! Filled a household at a time from its screening row (the very row `screenMany` gives), in input
//! order; a caller that hands the columns out a chunk at a time clears them between chunks, and
//! error indexes keep counting from the first household.

use crate::base::error::BatchError;
use crate::base::error::PolicyError;
use crate::base::money::Money;
use crate::estimate::screening::Screening;
use crate::programs::monitoring::Category;
use crate::programs::registry::PROGRAMMES;

/// 2^53: the integers a `Float64Array` holds exactly are those of magnitude up to this.
const EXACT_FEN: i64 = 1 << 53;

/// One programme's columns.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProgrammeColumns {
    /// The programme's id ('dibao', …).
    pub program: &'static str,
    /// 1 where eligible.
    pub eligible: Vec<u8>,
    /// Money per month (低保, 特困 and the other monthly programmes).
    pub monthly_fen: Vec<f64>,
    /// Money per year, as a screening row's `annual`: cash, on the household's behalf or earned.
    pub annual_fen: Vec<f64>,
    /// The part of the year's cash paid once (临时救助).
    pub one_off_fen: Vec<f64>,
    /// Paid on the household's behalf or given in kind in the year.
    pub on_behalf_fen: Vec<f64>,
}

/// A household that could not be read or computed: where it is, and why.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ColumnError {
    /// The household's position in the input, from 0.
    pub index: usize,
    pub code: String,
    pub path: String,
    /// Every problem of the household in one text ([`BatchError::full_text`]).
    pub message: String,
}

/// The columns of the households screened so far (since the last [`ScreenColumns::clear`]).
#[derive(Clone, Debug, PartialEq)]
pub struct ScreenColumns {
    /// The index of the first household held.
    pub start: usize,
    /// 1 where the household was read and computed.
    pub ok: Vec<u8>,
    /// The household's `ref` (or, in a CSV register, its household id when it has no `ref`).
    pub refs: Vec<Option<String>>,
    pub errors: Vec<ColumnError>,
    /// 1 where the household is in the monitoring's scope.
    pub in_scope: Vec<u8>,
    /// 0 none, 1 unstable, 2 marginal, 3 suddenHardship.
    pub category: Vec<u8>,
    /// Every household programme, in the registry's order.
    pub programs: Vec<ProgrammeColumns>,
    /// Monthly and annual cash support (`totalMonthly`, `totalAnnual`).
    pub total_monthly_fen: Vec<f64>,
    pub total_annual_fen: Vec<f64>,
    /// What the households computed rested on (`basis` of `screenColumns`): each household's bits
    /// added into a fixed set of parts, nothing allocated per household.
    pub basis: crate::estimate::rested::RegisterBasis,
}

impl Default for ScreenColumns {
    fn default() -> Self {
        ScreenColumns {
            start: 0,
            ok: Vec::new(),
            refs: Vec::new(),
            errors: Vec::new(),
            in_scope: Vec::new(),
            category: Vec::new(),
            programs: PROGRAMMES
                .iter()
                .map(|p| ProgrammeColumns {
                    program: p.id,
                    ..ProgrammeColumns::default()
                })
                .collect(),
            total_monthly_fen: Vec::new(),
            total_annual_fen: Vec::new(),
            basis: Default::default(),
        }
    }
}

/// A household's figures as they go into the columns.
struct Figures {
    in_scope: u8,
    category: u8,
    /// Per programme: eligible, then monthly, annual, one-off and on-behalf fen.
    programs: Vec<(u8, [f64; 4])>,
    totals: [f64; 2],
}

/// Whole fen as a double, exact: amounts past 2^53 fen are refused rather than rounded.
fn fen(m: Money) -> Result<f64, PolicyError> {
    match m.to_fen() {
        Some(f) if f.checked_abs().is_some_and(|a| a <= EXACT_FEN) => Ok(f as f64),
        _ => Err(PolicyError::out_of_range(
            "",
            format!("金额 {m} 元超出按分精确表示的范围（2^53 分）"),
        )),
    }
}

fn category_code(c: Option<Category>) -> u8 {
    match c {
        None => 0,
        Some(Category::Unstable) => 1,
        Some(Category::Marginal) => 2,
        Some(Category::SuddenHardship) => 3,
    }
}

impl Figures {
    fn of(s: &Screening) -> Result<Figures, PolicyError> {
        let mut programs = Vec::with_capacity(PROGRAMMES.len());
        for (i, p) in PROGRAMMES.iter().enumerate() {
            // Rows list the programmes in the registry's order; found by id all the same.
            let row = s
                .programs
                .get(i)
                .filter(|r| r.program == p.id)
                .or_else(|| s.program(p.id));
            programs.push(match row {
                Some(r) => (
                    u8::from(r.eligible),
                    [
                        fen(r.monthly.unwrap_or_default())?,
                        fen(r.annual)?,
                        fen(r.one_off)?,
                        fen(r.on_behalf)?,
                    ],
                ),
                None => (0, [0.0; 4]),
            });
        }
        Ok(Figures {
            in_scope: u8::from(s.monitoring.in_scope),
            category: category_code(s.monitoring.category),
            programs,
            totals: [fen(s.total_monthly)?, fen(s.total_annual)?],
        })
    }

    /// The figures of a household that is an error: all zero.
    fn none() -> Figures {
        Figures {
            in_scope: 0,
            category: 0,
            programs: vec![(0, [0.0; 4]); PROGRAMMES.len()],
            totals: [0.0; 2],
        }
    }
}

impl ScreenColumns {
    pub fn new() -> Self {
        ScreenColumns::default()
    }

    /// Households held.
    pub fn len(&self) -> usize {
        self.ok.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ok.is_empty()
    }

    /// The next household: its screening row, or its error; `reference` is its `ref` (or id).
    pub fn push(&mut self, outcome: Result<&Screening, BatchError>, reference: Option<String>) {
        let (figures, error) = match outcome.map(Figures::of) {
            Ok(Ok(f)) => (f, None),
            Ok(Err(e)) => (Figures::none(), Some(BatchError::from(e))),
            Err(e) => (Figures::none(), Some(e)),
        };
        if let Some(e) = error {
            self.errors.push(ColumnError {
                index: self.start.saturating_add(self.len()),
                message: e.full_text(),
                code: e.code,
                path: e.path,
            });
            self.ok.push(0);
        } else {
            self.ok.push(1);
        }
        self.refs.push(reference);
        self.in_scope.push(figures.in_scope);
        self.category.push(figures.category);
        for (p, (eligible, [monthly, annual, one_off, on_behalf])) in
            self.programs.iter_mut().zip(figures.programs)
        {
            p.eligible.push(eligible);
            p.monthly_fen.push(monthly);
            p.annual_fen.push(annual);
            p.one_off_fen.push(one_off);
            p.on_behalf_fen.push(on_behalf);
        }
        let [monthly, annual] = figures.totals;
        self.total_monthly_fen.push(monthly);
        self.total_annual_fen.push(annual);
    }

    /// Let go of the households held (handed out): the next one pushed keeps its index.
    pub fn clear(&mut self) {
        self.start = self.start.saturating_add(self.len());
        self.ok.clear();
        self.refs.clear();
        self.errors.clear();
        self.in_scope.clear();
        self.category.clear();
        for p in &mut self.programs {
            p.eligible.clear();
            p.monthly_fen.clear();
            p.annual_fen.clear();
            p.one_off_fen.clear();
            p.on_behalf_fen.clear();
        }
        self.total_monthly_fen.clear();
        self.total_annual_fen.clear();
        self.basis = Default::default();
    }

    /// A household's estimate (one pushed as computed): what its figures rested on.
    pub fn rest_on(&mut self, e: &crate::estimate::Estimate) {
        self.basis.add(e);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Engine;

    const AS_OF: &str = "2023-06-01";

    fn screening(engine: &Engine, json: &str) -> Screening {
        let node = crate::input::parse(json, "").unwrap();
        let h = engine.read_household(&node, AS_OF).unwrap();
        engine.screen(&h, AS_OF).unwrap()
    }

    fn column<'c>(c: &'c ScreenColumns, id: &str) -> &'c ProgrammeColumns {
        c.programs.iter().find(|p| p.program == id).unwrap()
    }

    #[test]
    fn a_household_on_dibao_fills_its_row_in_fen() {
        let engine = Engine::new().unwrap();
        // tests/cases/dibao-basic-with-minor.json and pension-dibao-household.json: 延寿县, rural,
        // 2023-06-01, standard 441. 补差 (441 − 6000 ÷ 12 ÷ 3) × 3 = 823.00, the child's 加发
        // 0.20 × 441 = 88.20: 911.20 a month, 10934.40 a year. 养老保险代缴 for the two adults,
        // 200 × 50% each: 200.00 a year paid on the household's behalf.
        let s = screening(
            &engine,
            r#"{"ref":"A","region":"230129","members":[{"birthDate":"1983-01-01"},{"birthDate":"1985-01-01"},{"birthDate":"2013-01-01"}],"income":{"business":"6000"}}"#,
        );
        let mut c = ScreenColumns::new();
        c.push(Ok(&s), s.reference.clone());
        let dibao = column(&c, "dibao");
        assert_eq!(dibao.eligible, [1]);
        assert_eq!(dibao.monthly_fen, [91_120.0]);
        assert_eq!(dibao.annual_fen, [1_093_440.0]);
        assert_eq!((dibao.one_off_fen[0], dibao.on_behalf_fen[0]), (0.0, 0.0));
        let pension = column(&c, "pension");
        assert_eq!(pension.eligible, [1]);
        assert_eq!(
            (pension.annual_fen[0], pension.on_behalf_fen[0]),
            (20_000.0, 20_000.0)
        );
        // Every programme and total is the screening row's, in fen.
        for p in &c.programs {
            let r = s.program(p.program).unwrap();
            assert_eq!(p.eligible[0], u8::from(r.eligible), "{}", p.program);
            assert_eq!(p.annual_fen[0], fen(r.annual).unwrap(), "{}", p.program);
            assert_eq!(
                p.on_behalf_fen[0],
                fen(r.on_behalf).unwrap(),
                "{}",
                p.program
            );
        }
        assert_eq!(c.total_monthly_fen, [fen(s.total_monthly).unwrap()]);
        assert_eq!(c.total_annual_fen, [fen(s.total_annual).unwrap()]);
        assert_eq!(c.refs, [Some("A".to_string())]);
        assert_eq!((c.ok.as_slice(), c.errors.len()), (&[1u8][..], 0));
    }

    #[test]
    fn a_child_alone_who_joins_dibao_within_the_year_has_a_year_but_no_month() {
        let engine = Engine::new().unwrap();
        // tests/cases/dibao-orphan-alone-joins-within-year.json a year earlier: an orphan alone,
        // 18 on 2023-06-02. The allowance (哈尔滨 2023, 2383) for 1 month; 低保 none on the date,
        // then 441 × 1 for the 11 months after: 4851.00, eligible with 0 a month.
        let s = screening(
            &engine,
            r#"{"region":"230129","area":"rural","members":[{"birthDate":"2005-06-02","care":"orphanDispersed"}],"income":{}}"#,
        );
        let mut c = ScreenColumns::new();
        c.push(Ok(&s), None);
        let dibao = column(&c, "dibao");
        assert_eq!(dibao.eligible, [1]);
        assert_eq!(dibao.monthly_fen, [0.0]);
        assert_eq!(dibao.annual_fen, [485_100.0]);
        // 2383.00 a month in the totals; 2383.00 + 4851.00 = 7234.00 in the year.
        assert_eq!(c.total_monthly_fen, [238_300.0]);
        assert_eq!(c.total_annual_fen, [723_400.0]);
    }

    #[test]
    fn temporary_assistance_is_paid_once() {
        let engine = Engine::new().unwrap();
        // tests/cases/temporary-general-capped.json: a gap of 5876, capped at 441 × 2 × 3 = 2646.00,
        // paid once.
        let s = screening(
            &engine,
            r#"{"region":"230129","members":[{"birthDate":"1980-01-01","wages":"30000"},{"birthDate":"1982-01-01"},{"birthDate":"2010-01-01"}],"rigidSpending":"20000","events":["illness"]}"#,
        );
        let mut c = ScreenColumns::new();
        c.push(Ok(&s), None);
        let t = column(&c, "temporary");
        assert_eq!(
            (t.eligible[0], t.one_off_fen[0], t.monthly_fen[0]),
            (1, 264_600.0, 0.0)
        );
        assert_eq!(c.refs, [None]);
    }

    #[test]
    fn errors_keep_their_index_across_chunks_and_zero_their_row() {
        let engine = Engine::new().unwrap();
        let good = screening(
            &engine,
            r#"{"region":"230129","members":[{"birthDate":"1958-01-01"}]}"#,
        );
        let bad = || {
            BatchError::from(PolicyError::invalid_input(
                "members[0].birthDate",
                "日期无效",
            ))
        };
        let mut c = ScreenColumns::new();
        c.push(Ok(&good), None);
        c.push(Err(bad()), Some("B".into()));
        assert_eq!(c.errors[0].index, 1);
        c.clear();
        assert!(c.is_empty() && c.errors.is_empty() && column(&c, "dibao").eligible.is_empty());
        c.push(Ok(&good), None);
        c.push(Err(bad()), None);
        // The fourth household of the input: index 3, though the second of this chunk.
        assert_eq!(c.errors[0].index, 3);
        assert_eq!(c.errors[0].path, "members[0].birthDate");
        assert_eq!(c.ok, [1, 0]);
        assert_eq!(c.category[1], 0);
        assert!(c
            .programs
            .iter()
            .all(|p| p.eligible[1] == 0 && p.annual_fen[1] == 0.0 && p.monthly_fen[1] == 0.0));
        assert_eq!(c.total_annual_fen[1], 0.0);
    }

    #[test]
    fn categories_are_numbered_and_past_2_pow_53_fen_is_an_error() {
        assert_eq!(category_code(None), 0);
        assert_eq!(category_code(Some(Category::Unstable)), 1);
        assert_eq!(category_code(Some(Category::Marginal)), 2);
        assert_eq!(category_code(Some(Category::SuddenHardship)), 3);
        // 2^53 fen = 90071992547409.92 yuan: exact; one fen more is refused, not rounded.
        let at = Money::from_decimal("90071992547409.92".parse().unwrap());
        assert_eq!(fen(at).unwrap(), 9_007_199_254_740_992.0);
        let past = Money::from_decimal("90071992547409.93".parse().unwrap());
        assert_eq!(fen(past).unwrap_err().code.as_str(), "OUT_OF_RANGE");
    }
}
