//! Money and rates over `rust_decimal`: exact, checked, and rounded by one rule.
//!
//! The rule (ARCHITECTURE.md): amounts are kept exact while they are computed and rounded once, at the
//! end of each amount, to the fen (0.01 yuan), half up (away from zero). [`Money::round_fen`] is the only
//! place that rounds; a minimum the text sets (“不低于”) takes its up form, [`Money::round_fen_up`]. Every operation is checked: overflow is a [`PolicyError`], never a panic.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Serialize, Serializer};
use std::fmt;

use crate::base::error::{PolicyError, Result};

/// The largest amount accepted as input: 10^10 yuan.
pub const MAX_INPUT_YUAN: i64 = 10_000_000_000;

/// An amount of yuan. Exact until [`Money::round_fen`] is applied.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(Decimal);

/// A rate or multiple (`0.30` = 30 %, `1.5` = one and a half times).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Rate(Decimal);

impl Money {
    pub const ZERO: Money = Money(Decimal::ZERO);

    pub fn from_decimal(d: Decimal) -> Money {
        Money(d)
    }
    pub fn yuan(whole: i64) -> Money {
        Money(Decimal::from(whole))
    }
    pub fn decimal(self) -> Decimal {
        self.0
    }
    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }
    pub fn is_negative(self) -> bool {
        self.0.is_sign_negative() && !self.0.is_zero()
    }

    /// Parse an input amount: a plain decimal string (`"1234.5"`), not negative, at most two decimal
    /// places, at most [`MAX_INPUT_YUAN`]. No spaces, signs, exponents or thousands separators.
    pub fn parse_input(text: &str, path: &str) -> Result<Money> {
        let d = parse_plain_decimal(text).ok_or_else(|| {
            PolicyError::invalid_input(
                path,
                format!(
                    "金额“{}”不是有效的数字（应为如 1234.50 的十进制数）",
                    crate::base::error::excerpt(text)
                ),
            )
        })?;
        Money::check_input(d, path)
    }

    /// The range and precision checks shared by every way money comes in.
    pub fn check_input(d: Decimal, path: &str) -> Result<Money> {
        if d.is_sign_negative() && !d.is_zero() {
            return Err(PolicyError::out_of_range(path, "金额不能为负数"));
        }
        // A mantissa up to the limit is within it at any scale (most amounts: no comparison).
        let limit = i128::from(MAX_INPUT_YUAN);
        if d.mantissa() > limit && d > Decimal::from(MAX_INPUT_YUAN) {
            return Err(PolicyError::out_of_range(path, "金额超过上限（100亿元）"));
        }
        if d.normalize().scale() > 2 {
            return Err(PolicyError::invalid_input(
                path,
                "金额最多保留两位小数（精确到分）",
            ));
        }
        Ok(Money(d.normalize()))
    }

    /// Inlined natively: an estimate's totals add many programmes' zeros, which then cost a test
    /// each (the same value without the decimal addition: amounts are compared and written by
    /// value, never by scale). Not in WebAssembly, whose bytes count more than these instructions.
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub fn checked_add(self, other: Money) -> Result<Money> {
        if other.0.is_zero() {
            return Ok(self);
        }
        if self.0.is_zero() {
            return Ok(other);
        }
        self.add_decimal(other)
    }
    /// The decimal addition of two amounts, neither zero.
    fn add_decimal(self, other: Money) -> Result<Money> {
        decimal_add(self.0, other.0)
            .map(Money)
            .ok_or_else(PolicyError::overflow)
    }
    /// In the module, the addition of `-other`: rust_decimal's subtraction is its addition's code
    /// again, inlined (about 1,600 bytes). Of two zeros, `other`, as the subtraction gives it.
    /// Natively the subtraction itself (the addition cost the command-line tool about 210
    /// instructions a household).
    #[cfg(target_arch = "wasm32")]
    pub fn checked_sub(self, other: Money) -> Result<Money> {
        self.minus_by_adding(other)
    }
    #[cfg(not(target_arch = "wasm32"))]
    pub fn checked_sub(self, other: Money) -> Result<Money> {
        self.0
            .checked_sub(other.0)
            .map(Money)
            .ok_or_else(PolicyError::overflow)
    }
    /// `self − other` as the module computes it: `self + (−other)`, the same decimal.
    #[cfg_attr(not(any(test, target_arch = "wasm32")), allow(dead_code))]
    fn minus_by_adding(self, other: Money) -> Result<Money> {
        if other.0.is_zero() {
            return Ok(if self.0.is_zero() { other } else { self });
        }
        let mut negated = other.0;
        negated.set_sign_negative(other.0.is_sign_positive());
        self.checked_add(Money(negated))
    }
    pub fn checked_mul(self, factor: Decimal) -> Result<Money> {
        decimal_mul(self.0, factor)
            .map(Money)
            .ok_or_else(PolicyError::overflow)
    }
    pub fn times(self, rate: Rate) -> Result<Money> {
        self.checked_mul(rate.0)
    }
    /// Division by a count (members, months). Dividing by zero is an error, not a panic.
    pub fn checked_div(self, divisor: Decimal) -> Result<Money> {
        if divisor.is_zero() {
            return Err(PolicyError::out_of_range("", "计算中出现除以零"));
        }
        self.0
            .checked_div(divisor)
            .map(Money)
            .ok_or_else(PolicyError::overflow)
    }
    pub fn max(self, other: Money) -> Money {
        if other.0 > self.0 {
            other
        } else {
            self
        }
    }
    pub fn min(self, other: Money) -> Money {
        if other.0 < self.0 {
            other
        } else {
            self
        }
    }
    /// Sum of amounts, checked.
    pub fn sum<I: IntoIterator<Item = Money>>(items: I) -> Result<Money> {
        items.into_iter().try_fold(Money::ZERO, Money::checked_add)
    }

    /// THE rounding rule: to the fen, half up (away from zero).
    pub fn round_fen(self) -> Money {
        #[cfg(not(target_arch = "wasm32"))]
        {
            // Two places or fewer (most amounts): the amount as it is, as rust_decimal returns
            // it, without the call.
            if self.0.scale() <= 2 {
                return self;
            }
            if let Some(rounded) = self.round_fen_at_once() {
                return rounded;
            }
        }
        Money(
            self.0
                .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero),
        )
    }

    /// [`Money::round_fen`] of an amount of more than two places (a quotient's 20-odd) by one
    /// division of its mantissa by the power of ten it drops, and its remainder against the half:
    /// rust_decimal divides the mantissa by ten nine places at a time, twice, and builds the half by
    /// as many multiplications as places, about 200 instructions for a quotient's. The same
    /// mantissa, sign and scale (`rounds_to_the_fen_as_rust_decimal_does`). In the native tool, not
    /// in the module, whose bytes count more than these instructions. `None`: two places or fewer,
    /// or zero, left to rust_decimal.
    #[cfg(not(target_arch = "wasm32"))]
    fn round_fen_at_once(self) -> Option<Money> {
        let dropped = self.0.scale().checked_sub(2).filter(|d| *d > 0)?;
        if self.0.is_zero() {
            return None;
        }
        let by = 10u128.checked_pow(dropped)?;
        let magnitude = self.0.mantissa().unsigned_abs();
        let (quotient, remainder) = (magnitude.checked_div(by)?, magnitude.checked_rem(by)?);
        // The half of a power of ten, which is even: a remainder of it or more rounds away from zero.
        let rounded = match remainder >= by / 2 {
            true => quotient.checked_add(1)?,
            false => quotient,
        };
        let lo = u32::try_from(rounded & 0xFFFF_FFFF).ok()?;
        let mid = u32::try_from((rounded >> 32) & 0xFFFF_FFFF).ok()?;
        let hi = u32::try_from(rounded >> 64).ok()?;
        Some(Money(Decimal::from_parts(
            lo,
            mid,
            hi,
            self.0.is_sign_negative(),
            2,
        )))
    }

    /// The one rounding rule's up form, for a minimum (“不低于”): to the fen, up, so that the amount
    /// shown is never below the product (1234567.89 × 15% = 185185.1835 → 185185.19).
    pub fn round_fen_up(self) -> Result<Money> {
        self.round_up_to(Money(Decimal::new(1, 2)))
    }

    /// Rounded up to a whole multiple of `unit`: how a locality publishes a standard that must be "not
    /// lower than" a product (Harbin: 1.3 × 441 = 573.30 → 574 with a unit of one yuan). A unit of
    /// zero leaves the amount as it is.
    pub fn round_up_to(self, unit: Money) -> Result<Money> {
        if !unit.0.is_sign_positive() || unit.0.is_zero() {
            return Ok(self);
        }
        let units = self
            .0
            .checked_div(unit.0)
            .and_then(ceil)
            .ok_or_else(PolicyError::overflow)?;
        decimal_mul(units, unit.0)
            .map(Money)
            .ok_or_else(PolicyError::overflow)
    }

    /// The amount in whole fen, after rounding to the fen (`1234.50` → 123450); `None` past 64 bits.
    pub fn to_fen(self) -> Option<i64> {
        let mut d = self.round_fen().0;
        d.rescale(2);
        // The rescale keeps two places unless the integer part is past 26 digits.
        (d.scale() == 2)
            .then(|| i64::try_from(d.mantissa()).ok())
            .flatten()
    }

    /// The amount as a sentence saying it is below `line` shows it: to the fen, or, where the fen
    /// rounds it up to the line it is below (441.00 for 440.9996), cut to the first place that
    /// shows it below, with … when cut, so that “低于” never stands between two equal figures.
    pub fn said_below(self, line: Money) -> String {
        let shown = self.round_fen();
        if shown < line {
            return shown.to_string();
        }
        (3..=12)
            .map(|places| {
                self.0
                    .round_dp_with_strategy(places, RoundingStrategy::ToZero)
            })
            .find(|cut| *cut < line.0)
            .map_or_else(
                || shown.to_string(),
                |cut| format!("{cut}{}", if cut == self.0 { "" } else { "…" }),
            )
    }

    /// Two decimal places, after rounding to the fen: `"1234.50"`.
    pub fn to_fen_string(self) -> String {
        self.fen_text().as_str().to_string()
    }

    /// The text [`Money::fen_text`] writes, at the end of `out`, for an amount of two places or
    /// fewer whose hundredths fit 64 bits (every amount of a register row); `false`, with nothing
    /// written, for any other. Digits two at a time into a buffer of their own length, with no
    /// buffer of the longest amount set and copied, and no call to copy them.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn write_fen(self, out: &mut Vec<u8>) -> bool {
        let d = self.0;
        let Some(mut n) = u64::try_from(d.mantissa().unsigned_abs())
            .ok()
            .filter(|_| d.scale() <= 2)
            .zip(10u64.checked_pow(2u32.saturating_sub(d.scale())))
            .and_then(|(n, by)| n.checked_mul(by))
        else {
            return false;
        };
        const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
            2021222324252627282930313233343536373839\
            4041424344454647484950515253545556575859\
            6061626364656667686970717273747576777879\
            8081828384858687888990919293949596979899";
        let pair = |k: u64| {
            let at = usize::try_from(k.wrapping_mul(2)).unwrap_or(0);
            [
                PAIRS.get(at).copied().unwrap_or(b'0'),
                PAIRS.get(at.wrapping_add(1)).copied().unwrap_or(b'0'),
            ]
        };
        // `-`, up to 18 integer digits, the point and two places, written from the last.
        let mut buf = [0u8; 24];
        let mut at = buf.len();
        let mut put = |bytes: &[u8]| {
            for b in bytes.iter().rev() {
                at = at.wrapping_sub(1);
                if let Some(slot) = buf.get_mut(at) {
                    *slot = *b;
                }
            }
        };
        let negative = d.is_sign_negative() && n != 0;
        let [tens, units] = pair(n % 100);
        put(&[b'.', tens, units]);
        n /= 100;
        while n >= 100 {
            put(&pair(n % 100));
            n /= 100;
        }
        match pair(n) {
            [b'0', units] => put(&[units]),
            both => put(&both),
        }
        if negative {
            put(b"-");
        }
        out.extend_from_slice(buf.get(at..).unwrap_or_default());
        true
    }

    /// The same text, written into a small buffer (no allocation: results carry many amounts).
    pub fn fen_text(self) -> FenText {
        let mut text = FenText {
            buf: [0; FEN_TEXT_LEN],
            start: FEN_TEXT_LEN,
        };
        // Most amounts of a register row are zero, and most others already to the fen.
        if self.is_zero() {
            text.push_str_front("0.00");
            return text;
        }
        let mut d = if self.0.scale() <= 2 {
            self.0
        } else {
            self.round_fen().0
        };
        // Hundredths straight from a mantissa of 64 bits and up to two places (most amounts):
        // the digits `rescale(2)` would leave, without it. In the native tool, not in the
        // module, whose bytes count more than these instructions.
        #[cfg(not(target_arch = "wasm32"))]
        let hundredths = u64::try_from(d.mantissa().unsigned_abs())
            .ok()
            .zip(10u64.checked_pow(2u32.saturating_sub(d.scale())))
            .and_then(|(n, by)| n.checked_mul(by));
        #[cfg(not(target_arch = "wasm32"))]
        if let Some(n) = hundredths.filter(|_| d.scale() <= 2) {
            text.push_digits(n, |n| ((n % 10) as u8, n / 10));
            if d.is_sign_negative() && n != 0 {
                text.push_front(b'-');
            }
            return text;
        }
        d.rescale(2);
        if d.scale() != 2 {
            // Only beyond 26 integer digits, far past any amount the engine accepts or makes.
            text.push_str_front(&d.to_string());
            return text;
        }
        // Digits from the last: two places, the point, then at least one integer digit. Every
        // amount the engine handles fits 64 bits, whose division is many times cheaper than 128's.
        let n = d.mantissa().unsigned_abs();
        match u64::try_from(n) {
            Ok(n) => text.push_digits(n, |n| ((n % 10) as u8, n / 10)),
            Err(_) => text.push_digits(n, |n| ((n % 10) as u8, n / 10)),
        }
        if d.is_sign_negative() && !d.is_zero() {
            text.push_front(b'-');
        }
        text
    }
}

const FEN_TEXT_LEN: usize = 48;

/// An amount as text, two decimal places: see [`Money::fen_text`].
pub struct FenText {
    buf: [u8; FEN_TEXT_LEN],
    start: usize,
}

impl FenText {
    /// `n` hundredths as digits: two places, the point, then at least one integer digit.
    fn push_digits<N: Copy + Default + PartialEq>(
        &mut self,
        mut n: N,
        split: impl Fn(N) -> (u8, N),
    ) {
        for place in 0..FEN_TEXT_LEN {
            if place >= 3 && n == N::default() {
                break;
            }
            if place == 2 {
                self.push_front(b'.');
            }
            let (digit, rest) = split(n);
            self.push_front(b'0'.wrapping_add(digit));
            n = rest;
        }
    }
    fn push_front(&mut self, b: u8) {
        if let Some(start) = self.start.checked_sub(1) {
            if let Some(slot) = self.buf.get_mut(start) {
                *slot = b;
                self.start = start;
            }
        }
    }
    fn push_str_front(&mut self, s: &str) {
        s.bytes().rev().for_each(|b| self.push_front(b));
    }
    /// The text's bytes (ASCII).
    pub fn as_bytes(&self) -> &[u8] {
        self.buf.get(self.start..).unwrap_or_default()
    }
    pub fn as_str(&self) -> &str {
        self.buf
            .get(self.start..)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or("")
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.fen_text().as_str())
    }
}

/// Money crosses the boundary as a two-place decimal string.
impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.fen_text().as_str())
    }
}

impl Rate {
    pub fn from_decimal(d: Decimal) -> Rate {
        Rate(d)
    }
    pub fn decimal(self) -> Decimal {
        self.0
    }
    /// A share or growth `part ÷ whole`, rounded by the same rule as money (half up) to four places
    /// (0.0001: a hundredth of a percentage point), for showing. Comparisons are made on the exact
    /// figures, never on this. Dividing by zero is an error.
    pub fn ratio(part: Decimal, whole: Decimal) -> Result<Rate> {
        if whole.is_zero() {
            return Err(PolicyError::out_of_range("", "计算中出现除以零"));
        }
        part.checked_div(whole)
            .map(|r| Rate(r.round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero)))
            .ok_or_else(PolicyError::overflow)
    }
    /// As a percentage for people: 0.3 → "30%", 0.125 → "12.5%".
    pub fn percent(self) -> String {
        match decimal_mul(self.0, Decimal::ONE_HUNDRED) {
            Some(p) => format!("{}%", p.normalize()),
            None => format!("{}", self.0.normalize()),
        }
    }
}

impl fmt::Display for Rate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.normalize())
    }
}

impl Serialize for Rate {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

/// `a + b`, checked. rust_decimal's `checked_add` is `inline(always)`: each call is the whole
/// addition again (about 1,500 bytes in the module), so the module calls this one copy; natively
/// it is inlined as before.
#[cfg_attr(target_arch = "wasm32", inline(never))]
#[cfg_attr(not(target_arch = "wasm32"), inline)]
pub fn decimal_add(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_add(b)
}

/// `Decimal::ceil`; in the module its `+ 1` goes through [`decimal_add`] (`ceil`'s own is the
/// addition inlined again, with a panic on overflow: `None` here). Natively `ceil` itself (the
/// other way cost the command-line tool about 60 instructions a household).
#[cfg(target_arch = "wasm32")]
pub fn ceil(d: Decimal) -> Option<Decimal> {
    ceil_by_adding(d)
}
#[cfg(not(target_arch = "wasm32"))]
pub fn ceil(d: Decimal) -> Option<Decimal> {
    Some(d.ceil())
}

/// `Decimal::ceil` as the module computes it.
#[cfg_attr(not(any(test, target_arch = "wasm32")), allow(dead_code))]
fn ceil_by_adding(d: Decimal) -> Option<Decimal> {
    let whole = d.trunc();
    match d.is_sign_positive() && d != whole {
        true => decimal_add(whole, Decimal::ONE),
        false => Some(whole),
    }
}

/// `a × b`, checked: one copy of rust_decimal's multiplication in the module, as [`decimal_add`].
#[cfg_attr(target_arch = "wasm32", inline(never))]
#[cfg_attr(not(target_arch = "wasm32"), inline)]
pub fn decimal_mul(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_mul(b)
}

/// Strictly a plain decimal: optional `-`, digits, optionally `.` and digits. Nothing else.
pub fn parse_plain_decimal(text: &str) -> Option<Decimal> {
    let (negative, body) = match text.as_bytes().split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, text.as_bytes()),
    };
    if body.len() > 40 {
        return None;
    }
    // One pass: the digits (as a `u64`, exact while there are at most 18 of them) and how many
    // come before the point.
    let mut mantissa = 0u64;
    let mut digits = 0usize;
    let mut point = None;
    for &b in body {
        match b {
            b'0'..=b'9' => {
                mantissa = mantissa
                    .wrapping_mul(10)
                    .wrapping_add(u64::from(b.wrapping_sub(b'0')));
                digits = digits.saturating_add(1);
            }
            b'.' if point.is_none() => point = Some(digits),
            _ => return None,
        }
    }
    let places = match point {
        None if digits > 0 => 0,
        Some(before) if before > 0 && before < digits => digits.saturating_sub(before),
        _ => return None,
    };
    let scale = u32::try_from(places).ok()?;
    if digits <= 18 {
        // What `from_str` gives: this mantissa, scale and sign (a `-0` keeps its sign).
        let lo = u32::try_from(mantissa & 0xFFFF_FFFF).ok()?;
        let mid = u32::try_from(mantissa >> 32).ok()?;
        return Some(Decimal::from_parts(lo, mid, 0, negative, scale));
    }
    long_plain_decimal(text, scale)
}

/// A plain decimal of more than 18 digits (rare: kept out of the common path), read again into
/// 128 bits, exactly or not at all.
#[cold]
#[inline(never)]
fn long_plain_decimal(text: &str, scale: u32) -> Option<Decimal> {
    let (negative, mantissa, _) = digits_of(text.as_bytes())?;
    exact_decimal(negative, mantissa, i64::from(scale))
}

/// A JSON number with an exponent (`1e21`, `-1.5E-7`, what `JSON.stringify` writes for numbers far
/// from 1) read exactly, or `None`: the value `digits × 10^(exponent − places)` with the digits and
/// places as written, refused where it needs more than 28 places or 96 bits, or where the exponent
/// is beyond ±28 (`0e29` too, as `Decimal::from_scientific` refuses it). The text is a JSON number
/// (the reader has checked its shape); `from_scientific` would read it the same, but for a base that
/// it rounds (more than 28 places or 96 bits as written), which is refused here.
pub fn parse_scientific_decimal(text: &str) -> Option<Decimal> {
    let bytes = text.as_bytes();
    let at = bytes.iter().position(|b| matches!(b, b'e' | b'E'))?;
    let (base, exponent) = bytes.split_at(at);
    let (minus, written) = match exponent.get(1..)? {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        rest => (false, rest),
    };
    let mut exp = 0u32;
    for &b in written {
        if !b.is_ascii_digit() {
            return None;
        }
        exp = exp
            .saturating_mul(10)
            .saturating_add(u32::from(b.wrapping_sub(b'0')));
    }
    if written.is_empty() || exp > Decimal::MAX_SCALE {
        return None;
    }
    let (negative, mantissa, places) = digits_of(base)?;
    let exp = i64::from(exp);
    let scale = match minus {
        true => i64::from(places).checked_add(exp)?,
        false => i64::from(places).checked_sub(exp)?,
    };
    exact_decimal(negative, mantissa, scale)
}

/// `-`? digits (`.` digits)?: the sign, the digits as one integer (`None` beyond 128 bits) and how
/// many follow the point.
fn digits_of(text: &[u8]) -> Option<(bool, u128, u32)> {
    let (negative, body) = match text.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, text),
    };
    let mut mantissa = 0u128;
    let mut digits = 0u32;
    let mut point = None;
    for &b in body {
        match b {
            b'0'..=b'9' => {
                mantissa = mantissa
                    .checked_mul(10)?
                    .checked_add(u128::from(b.wrapping_sub(b'0')))?;
                digits = digits.checked_add(1)?;
            }
            b'.' if point.is_none() => point = Some(digits),
            _ => return None,
        }
    }
    let places = match point {
        None if digits > 0 => 0,
        Some(before) if before > 0 && before < digits => digits.checked_sub(before)?,
        _ => return None,
    };
    Some((negative, mantissa, places))
}

/// `mantissa × 10^−scale` as a decimal with that mantissa and scale (a negative scale multiplies
/// the mantissa out, to scale 0), or `None` where that needs more than 28 places or 96 bits.
fn exact_decimal(negative: bool, mut mantissa: u128, scale: i64) -> Option<Decimal> {
    let scale = match u32::try_from(scale) {
        Ok(scale) => scale,
        Err(_) => {
            let times = u32::try_from(scale.checked_neg()?).ok()?;
            mantissa = mantissa.checked_mul(10u128.checked_pow(times)?)?;
            0
        }
    };
    if scale > Decimal::MAX_SCALE || mantissa >> 96 != 0 {
        return None;
    }
    let word = |shift: u32| u32::try_from((mantissa >> shift) & 0xFFFF_FFFF).ok();
    Some(Decimal::from_parts(
        word(0)?,
        word(32)?,
        word(64)?,
        negative,
        scale,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::prelude::FromStr;

    fn m(s: &str) -> Money {
        Money(Decimal::from_str(s).unwrap())
    }

    /// A plain decimal reads as `from_str_exact` reads it: exactly, or not at all (never rounded).
    #[test]
    fn plain_decimals_read_exactly_or_not_at_all() {
        let mut texts: Vec<String> = [
            "0",
            "-0",
            "0.00",
            "-0.000",
            "1234.50",
            "007.10",
            "79228162514264337593543950335",
            "79228162514264337593543950336",
            "-79228162514264337593543950335",
            "7922816251426433759354395033.5",
            "7922816251426433759354395033.56",
            "0.0000000000000000000000000001",
            "0.00000000000000000000000000001",
            "0.1000000000000000000000000000",
            "0.10000000000000000000000000000",
            "1.0000000000000000000000000001",
            "1.00000000000000000000000000005",
            "9.9999999999999999999999999999",
            "99999999999999999999999999999.9",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        // Runs of digits of every length up to 40 characters, with the point at every place.
        for digits in [
            "1234567890123456789012345678901234567",
            "9999999999999999999999999999999999999",
        ] {
            for len in 1..=digits.len() {
                let run = &digits[..len];
                for point in 1..len {
                    texts.push(format!("{}.{}", &run[..point], &run[point..]));
                }
                texts.push(run.to_string());
                texts.push(format!("-0.{run}"));
            }
        }
        for t in [
            "-0",
            "-0.00",
            "0.000",
            "12000.5",
            "999999999999999999",
            "-99999999999999999.9",
        ] {
            texts.push(t.to_string());
        }
        // The same value, and the same mantissa, scale and sign (as `serialize` holds them).
        for t in &texts {
            let ours = parse_plain_decimal(t);
            let theirs = Decimal::from_str_exact(t).ok();
            assert_eq!(ours, theirs, "{t}");
            assert_eq!(
                ours.map(|d| d.serialize()),
                theirs.map(|d| d.serialize()),
                "{t}"
            );
        }
        for t in ["1.", ".5", "", "-", "1e3", "+1", "1_000", "1.5.0", " 1"] {
            assert_eq!(parse_plain_decimal(t), None, "{t}");
        }
    }

    /// The same decimal, to the mantissa, scale and sign (as `serialize` holds them).
    fn same(ours: Option<Decimal>, theirs: Option<Decimal>, text: &str) {
        assert_eq!(
            ours.map(|d| d.serialize()),
            theirs.map(|d| d.serialize()),
            "{text}"
        );
    }

    /// The number written without its exponent (the point moved), as rust_decimal's exact parser
    /// reads it; `None` for an exponent beyond ±28, as `from_scientific` refuses it.
    fn moved_point(text: &str) -> Option<Decimal> {
        let (base, exp) = text.split_once(['e', 'E'])?;
        let exp: i64 = exp.trim_start_matches('+').parse().ok()?;
        if exp.abs() > 28 {
            return None;
        }
        let (sign, base) = match base.strip_prefix('-') {
            Some(rest) => ("-", rest),
            None => ("", base),
        };
        let (int, frac) = base.split_once('.').unwrap_or((base, ""));
        let digits = format!("{int}{frac}");
        let point = int.len() as i64 + exp;
        let plain = if point <= 0 {
            format!("0.{}{digits}", "0".repeat((-point) as usize))
        } else if point as usize >= digits.len() {
            format!("{digits}{}", "0".repeat(point as usize - digits.len()))
        } else {
            let (a, b) = digits.split_at(point as usize);
            format!("{a}.{b}")
        };
        Decimal::from_str_exact(&format!("{sign}{plain}")).ok()
    }

    /// A JSON number with an exponent reads as `from_scientific` reads it where that reads its base
    /// exactly, and always as the same number written without the exponent reads exactly.
    fn scientific_as_rust_decimal(text: &str) {
        let ours = parse_scientific_decimal(text);
        same(ours, moved_point(text), text);
        let base = text.split(['e', 'E']).next().unwrap_or("");
        if Decimal::from_str_exact(base).is_ok() {
            same(ours, Decimal::from_scientific(text).ok(), text);
        }
    }

    #[test]
    fn scientific_decimals_read_exactly_or_not_at_all() {
        for t in [
            "0e0",
            "-0e0",
            "0e28",
            "0e29",
            "0e-28",
            "0e-29",
            "-0.0e1",
            "-0e5",
            "0.000e2",
            "0.000e5",
            "1e21",
            "1E+21",
            "1e+0",
            "1e-0",
            "1e0000000000000000000001",
            "1e99999999999",
            "1e-99999999999",
            "1.5e-7",
            "1.50e1",
            "1.5e3",
            "-2.5E-3",
            "1e28",
            "1e29",
            "7.9228162514264337593543950335e28",
            "7.9228162514264337593543950336e28",
            "79228162514264337593543950335e0",
            "79228162514264337593543950336e-1",
            "1.2345678901234567e+21",
            "1.7976931348623157e+308",
            "5e-324",
            "1.5e-28",
            "1e-28",
            "1.0000000000000000000000000001e1",
            "1.0000000000000000000000001e27",
        ] {
            scientific_as_rust_decimal(t);
        }
        // Where `from_scientific` rounds the base (more than 28 places or 96 bits as written) and
        // this reader does not: refused, or read exactly where the exponent brings it within.
        for (t, exact) in [
            ("1.00000000000000000000000000001e0", None),
            ("1.00000000000000000000000000000e0", None),
            ("1.00000000000000000000000000000000e5", None),
            ("79228162514264337593543950335.0e0", None),
            (
                "0.00000000000000000000000000001e5",
                Some("0.000000000000000000000001"),
            ),
        ] {
            let exact = exact.map(|e| Decimal::from_str_exact(e).unwrap());
            same(parse_scientific_decimal(t), exact, t);
            assert!(Decimal::from_scientific(t).is_ok(), "{t}");
        }
    }

    /// Random JSON numbers with an exponent: a sign, an integer part, a fraction and an exponent
    /// of random lengths (a fixed seed: the same texts every run).
    #[test]
    fn random_scientific_decimals_read_exactly_or_not_at_all() {
        let mut next = crate::base::seeded(0x9e37_79b9_7f4a_7c15_u64);
        let digit = |n: u64| char::from(b'0' + n as u8);
        for _ in 0..300_000 {
            let mut t = String::new();
            if next(3) == 0 {
                t.push('-');
            }
            match next(6) {
                0 => t.push('0'),
                _ => {
                    t.push(digit(1 + next(9)));
                    (0..next(31)).for_each(|_| t.push(digit(next(10))));
                }
            }
            if next(2) == 0 {
                t.push('.');
                // Runs of zeros now and then, as trailing zeros and 0.000… are.
                let zeros = next(4) == 0;
                (0..1 + next(34)).for_each(|_| t.push(digit(if zeros { 0 } else { next(10) })));
            }
            t.push(if next(2) == 0 { 'e' } else { 'E' });
            match next(3) {
                0 => t.push('-'),
                1 => t.push('+'),
                _ => {}
            }
            if next(8) == 0 {
                t.push('0');
            }
            match next(10) {
                0 => (0..1 + next(12)).for_each(|_| t.push(digit(next(10)))),
                _ => t.push_str(&next(32).to_string()),
            }
            scientific_as_rust_decimal(&t);
        }
    }

    /// Plain decimals of more than 18 digits (read into 128 bits) as `from_str_exact` reads them.
    #[test]
    fn random_long_plain_decimals_read_exactly_or_not_at_all() {
        let mut next = crate::base::seeded(0x2545_f491_4f6c_dd1d_u64);
        for _ in 0..100_000 {
            let mut t = String::new();
            if next(3) == 0 {
                t.push('-');
            }
            let len = 19 + next(21) as usize;
            let point = next(len as u64) as usize;
            for i in 0..len {
                if i == point && i > 0 {
                    t.push('.');
                }
                let zeros = next(5) == 0;
                t.push(char::from(b'0' + if zeros { 0 } else { next(10) as u8 }));
            }
            let ours = parse_plain_decimal(&t);
            let fits = t.trim_start_matches('-').len() <= 40;
            let theirs = Decimal::from_str_exact(&t).ok().filter(|_| fits);
            same(ours, theirs, &t);
        }
    }

    #[test]
    fn whole_fen_after_the_one_rounding() {
        assert_eq!(m("1234.5").to_fen(), Some(123_450));
        // Half up, away from zero, as every amount is rounded.
        assert_eq!(m("0.005").to_fen(), Some(1));
        assert_eq!(m("-0.005").to_fen(), Some(-1));
        assert_eq!(m("0.004").to_fen(), Some(0));
        // i64::MAX fen is 92233720368547758.07 yuan; one fen more does not fit.
        assert_eq!(m("92233720368547758.07").to_fen(), Some(i64::MAX));
        assert_eq!(m("92233720368547758.08").to_fen(), None);
        assert_eq!(m("123456789012345678901234567.89").to_fen(), None);
    }

    proptest::proptest! {
        /// Any decimal, of any scale and sign: the text and the fen are `round_fen` then
        /// `rescale(2)` of rust_decimal.
        #[test]
        fn fen_text_agrees_with_rust_decimal(
            m in proptest::prop_oneof![-1_000_000_000_000i128..1_000_000_000_000, proptest::num::i128::ANY],
            scale in 0u32..=28,
        ) {
            let m = m % (1i128 << 96);
            let money = Money(Decimal::from_i128_with_scale(m, scale));
            let mut d = money.round_fen().0;
            d.rescale(2);
            if d.is_zero() {
                d.set_sign_positive(true);
            }
            let text = money.fen_text();
            proptest::prop_assert_eq!(text.as_str(), d.to_string());
            // The native row's writing, where it writes: the same bytes after what was there.
            let mut out = b"x,".to_vec();
            if money.write_fen(&mut out) {
                proptest::prop_assert_eq!(&out[2..], text.as_bytes());
            } else {
                proptest::prop_assert_eq!(&out[..], b"x,");
            }
            let fen = (d.scale() == 2).then(|| i64::try_from(d.mantissa()).ok()).flatten();
            proptest::prop_assert_eq!(money.to_fen(), fen);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20_000))]
        /// The module's subtraction (by adding) is rust_decimal's to the mantissa, scale and sign
        /// (zeros of either sign and any scale, and overflow, included).
        #[test]
        fn subtraction_is_rust_decimals(
            a in proptest::prop_oneof![-1_000_000i128..1_000_000, -(1i128 << 70)..(1i128 << 70), proptest::num::i128::ANY],
            b in proptest::prop_oneof![-1_000_000i128..1_000_000, -(1i128 << 70)..(1i128 << 70), proptest::num::i128::ANY],
            scales in (0u32..=28, 0u32..=28),
            zeros in 0u8..8,
            signs in (proptest::bool::ANY, proptest::bool::ANY),
        ) {
            let decimal = |m: i128, scale: u32, zero: bool, negative: bool| {
                let m = if zero { 0 } else { m % (1i128 << 96) };
                let mut d = Decimal::from_i128_with_scale(m, scale);
                if m == 0 && negative {
                    d.set_sign_negative(true);
                }
                d
            };
            let a = decimal(a, scales.0, zeros & 1 != 0, signs.0);
            let b = decimal(b, scales.1, zeros & 2 != 0, signs.1);
            let ours = Money(a).minus_by_adding(Money(b)).ok().map(|m| m.0.serialize());
            let theirs = a.checked_sub(b).map(|d| d.serialize());
            proptest::prop_assert_eq!(ours, theirs, "{} - {}", a, b);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20_000))]
        /// The module's `ceil` is rust_decimal's to the mantissa, scale and sign.
        #[test]
        fn ceil_is_rust_decimals(
            m in proptest::prop_oneof![-1_000_000i128..1_000_000, proptest::num::i128::ANY],
            scale in 0u32..=28,
            negative_zero in proptest::bool::ANY,
        ) {
            let m = m % ((1i128 << 96) - 1);
            let mut d = Decimal::from_i128_with_scale(m, scale);
            if m == 0 && negative_zero {
                d.set_sign_negative(true);
            }
            proptest::prop_assert_eq!(ceil_by_adding(d).map(|c| c.serialize()), Some(d.ceil().serialize()), "{}", d);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(50_000))]
        /// The native tool's rounding to the fen at once is rust_decimal's to the mantissa, scale
        /// and sign: any mantissa of 96 bits, any scale, zeros of either sign, and the halves (a
        /// mantissa ending in 5 and zeros, just below and just above).
        #[cfg(not(target_arch = "wasm32"))]
        #[test]
        fn rounds_to_the_fen_as_rust_decimal_does(
            m in proptest::prop_oneof![-1_000_000i128..1_000_000, -(1i128 << 70)..(1i128 << 70), proptest::num::i128::ANY],
            scale in 0u32..=28,
            half in 0u8..4,
            negative_zero in proptest::bool::ANY,
        ) {
            let m = m % (1i128 << 96);
            // A half of the places dropped, with the digits kept from `m`, one below or one above.
            let m = match (half, scale.checked_sub(2).filter(|d| *d > 0)) {
                (1..=3, Some(dropped)) => {
                    let by = 10i128.pow(dropped);
                    // Digits kept so that the half stays within a decimal's 96 bits at any scale.
                    let room = ((1i128 << 95) / by).clamp(1, 1_000_000_000_000);
                    let at_half = (m / by % room) * by + by / 2 * m.signum();
                    at_half + i128::from(half) - 2
                }
                _ => m,
            };
            let mut d = Decimal::from_i128_with_scale(m, scale);
            if m == 0 && negative_zero {
                d.set_sign_negative(true);
            }
            let theirs = d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
            proptest::prop_assert_eq!(Money(d).round_fen().0.serialize(), theirs.serialize(), "{}", d);
        }
    }

    #[test]
    fn fen_text_is_the_decimal_to_two_places() {
        // Compared with rust_decimal's own formatting, rescaled to two places.
        for text in [
            "0",
            "-0",
            "0.004",
            "-0.004",
            "0.005",
            "-0.005",
            "1",
            "7.5",
            "-7.5",
            "441",
            "1234.5",
            "10000000000",
            "-99999999999.999",
            "123456789012345678901234.56",
            // The last amount whose hundredths fit 64 bits, and the first that does not.
            "184467440737095516.15",
            "-184467440737095516.16",
            "0.01",
            "-0.01",
            // Zeros of any scale, and amounts already to the fen or coarser.
            "0.000",
            "-0.00",
            "12.34",
            "-5.10",
            "5.1",
        ] {
            let money = m(text);
            let mut d = money.round_fen().0;
            d.rescale(2);
            if d.is_zero() {
                d.set_sign_positive(true);
            }
            assert_eq!(money.to_fen_string(), d.to_string(), "{text}");
            assert_eq!(money.fen_text().as_str(), d.to_string(), "{text}");
            let mut out = Vec::new();
            if money.write_fen(&mut out) {
                assert_eq!(out, d.to_string().as_bytes(), "{text}");
            }
            assert_eq!(
                money.fen_text().as_bytes(),
                d.to_string().as_bytes(),
                "{text}"
            );
        }
        // The native row writes every amount of two places or fewer whose hundredths fit 64
        // bits itself, and leaves the others to `fen_text`.
        for (text, written) in [
            ("7.5", "7.50"),
            ("-5.10", "-5.10"),
            ("0.01", "0.01"),
            ("1234", "1234.00"),
            ("184467440737095516.15", "184467440737095516.15"),
        ] {
            let mut out = b"x".to_vec();
            assert!(m(text).write_fen(&mut out), "{text}");
            assert_eq!(out, format!("x{written}").as_bytes());
        }
        for text in ["0.004", "-184467440737095516.16"] {
            assert!(!m(text).write_fen(&mut Vec::new()), "{text}");
        }
        // Beyond the two-place range the text is rust_decimal's own.
        let huge = Money(Decimal::MAX);
        assert_eq!(huge.to_fen_string(), Decimal::MAX.to_string());
    }

    #[test]
    fn rounds_half_up_to_the_fen() {
        assert_eq!(m("1.005").to_fen_string(), "1.01");
        assert_eq!(m("1.004999").to_fen_string(), "1.00");
        assert_eq!(m("2.5").to_fen_string(), "2.50");
        assert_eq!(m("0").to_fen_string(), "0.00");
        // 1/3 of 100 yuan is 33.333…, shown as 33.33.
        assert_eq!(
            m("100")
                .checked_div(Decimal::from(3))
                .unwrap()
                .to_fen_string(),
            "33.33"
        );
        assert_eq!(m("-1.005").to_fen_string(), "-1.01");
        assert_eq!(m("-0.001").to_fen_string(), "0.00");
    }

    #[test]
    fn input_is_strict() {
        assert_eq!(Money::parse_input("1234.5", "x").unwrap(), m("1234.50"));
        assert_eq!(
            Money::parse_input("10000000000", "x").unwrap(),
            m("10000000000")
        );
        for bad in [
            "", " 1", "1 ", "1e3", "+1", "1,000", "1.", ".5", "abc", "１２",
        ] {
            let e = Money::parse_input(bad, "income.other").unwrap_err();
            assert_eq!(e.code, crate::base::error::ErrorCode::InvalidInput, "{bad}");
            assert_eq!(e.path, "income.other");
        }
        let e = Money::parse_input("1.234", "x").unwrap_err();
        assert_eq!(e.code, crate::base::error::ErrorCode::InvalidInput);
        assert_eq!(
            Money::parse_input("-1", "x").unwrap_err().code,
            crate::base::error::ErrorCode::OutOfRange
        );
        assert_eq!(
            Money::parse_input("10000000000.01", "x").unwrap_err().code,
            crate::base::error::ErrorCode::OutOfRange
        );
        // Trailing zeros beyond the fen are still exact: accepted.
        assert_eq!(Money::parse_input("5.100", "x").unwrap(), m("5.1"));
    }

    #[test]
    fn rounds_up_to_a_unit() {
        // Harbin 2022: 1.3 × 441 = 573.30 → 574 (to the yuan); to the fen it stays 573.30.
        assert_eq!(m("573.3").round_up_to(m("1")).unwrap(), m("574"));
        assert_eq!(m("573.3").round_up_to(m("0.01")).unwrap(), m("573.30"));
        assert_eq!(m("812.5").round_up_to(m("1")).unwrap(), m("813"));
        assert_eq!(m("574").round_up_to(m("1")).unwrap(), m("574"));
        // 1.3 × 325.01 = 422.513 → 422.52: up, so never below the product.
        assert_eq!(m("422.513").round_up_to(m("0.01")).unwrap(), m("422.52"));
        assert_eq!(m("422.513").round_up_to(Money::ZERO).unwrap(), m("422.513"));
    }

    #[test]
    fn a_minimum_rounds_up_to_the_fen() {
        // 以工代赈: 1234567.89 × 0.15 = 185185.1835; half up gives .18, below the floor.
        assert_eq!(m("185185.1835").round_fen_up().unwrap(), m("185185.19"));
        // 12345.67 × 0.15 = 1851.8505 → 1851.86; 0.03 × 0.15 = 0.0045 → 0.01.
        assert_eq!(m("1851.8505").round_fen_up().unwrap(), m("1851.86"));
        assert_eq!(m("0.0045").round_fen_up().unwrap(), m("0.01"));
        // Already to the fen: unchanged.
        assert_eq!(m("150000.00").round_fen_up().unwrap(), m("150000"));
        assert_eq!(Money::ZERO.round_fen_up().unwrap(), Money::ZERO);
    }

    #[test]
    fn ratios_round_half_up_to_four_places() {
        let r = |a: i64, b: i64| {
            Rate::ratio(Decimal::from(a), Decimal::from(b))
                .unwrap()
                .to_string()
        };
        assert_eq!(r(2, 3), "0.6667");
        assert_eq!(r(1, 8), "0.125");
        assert_eq!(r(-1, 3), "-0.3333");
        // 1 ÷ 20000 = 0.00005: half up, away from zero.
        assert_eq!(r(1, 20000), "0.0001");
        assert_eq!(r(-1, 20000), "-0.0001");
        assert!(Rate::ratio(Decimal::ONE, Decimal::ZERO).is_err());
    }

    #[test]
    fn arithmetic_is_checked() {
        let big = Money(Decimal::MAX);
        assert!(big.checked_add(Money::yuan(1)).is_err());
        assert!(big.checked_mul(Decimal::from(2)).is_err());
        assert!(Money::yuan(1).checked_div(Decimal::ZERO).is_err());
    }
}
