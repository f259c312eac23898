//! Sentences of an explanation, written piece by piece: `sentence!("补差 " base " 元/月。")`.
//!
//! The same text `format!` would write, without its machinery: each piece is pushed straight into
//! a string sized once, where `format!` goes through a formatter and a dynamic call per argument.
//! Explanations write a few dozen sentences per result, so this is most of what explaining costs.
//! A piece is a string literal or any [`Piece`] (text, amounts, rates, counts); an expression of
//! more than one token goes in parentheses: `sentence!((s.member) "属" (said(&s.reason)))`.

use crate::base::money::{Money, Rate};

/// What a sentence can hold: written as its `Display` writes it.
pub trait Piece {
    /// The bytes it writes, or a fair guess (sizes the sentence once).
    fn size(&self) -> usize {
        12
    }
    fn push_to(&self, out: &mut String);
}

impl Piece for str {
    fn size(&self) -> usize {
        self.len()
    }
    fn push_to(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for String {
    fn size(&self) -> usize {
        self.len()
    }
    fn push_to(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl<T: Piece + ?Sized> Piece for &T {
    fn size(&self) -> usize {
        (**self).size()
    }
    fn push_to(&self, out: &mut String) {
        (**self).push_to(out);
    }
}

impl Piece for Money {
    fn push_to(&self, out: &mut String) {
        self.fen_text().push_to(out);
    }
}

impl Piece for Rate {
    fn push_to(&self, out: &mut String) {
        use std::fmt::Write;
        // A rate is rare in a sentence; its text is rust_decimal's, normalised.
        let _ = write!(out, "{self}");
    }
}

impl Piece for rust_decimal::Decimal {
    fn push_to(&self, out: &mut String) {
        use std::fmt::Write;
        let _ = write!(out, "{self}");
    }
}

impl Piece for chrono::NaiveDate {
    /// `2023-06-01`, as chrono's `Display` writes a date of years 0 to 9999.
    fn push_to(&self, out: &mut String) {
        use chrono::Datelike;
        match u32::try_from(self.year()) {
            Ok(year) if year <= 9999 => {
                for (n, width) in [(year, 4), (self.month(), 2), (self.day(), 2)] {
                    if width == 2 {
                        out.push('-');
                    }
                    for place in (0..width).rev() {
                        let digit = n.checked_div(10u32.pow(place)).unwrap_or(0) % 10;
                        out.push(char::from(b'0'.wrapping_add(digit as u8)));
                    }
                }
            }
            _ => {
                use std::fmt::Write;
                let _ = write!(out, "{self}");
            }
        }
    }
}

macro_rules! integer_pieces {
    ($($t:ty)*) => {$(
        impl Piece for $t {
            fn push_to(&self, out: &mut String) {
                push_integer(out, u128::from(self.unsigned_abs()), *self < 0);
            }
        }
    )*};
}

macro_rules! unsigned_pieces {
    ($($t:ty)*) => {$(
        impl Piece for $t {
            fn push_to(&self, out: &mut String) {
                push_integer(out, u128::from(*self), false);
            }
        }
    )*};
}

integer_pieces!(i32 i64);
unsigned_pieces!(u8 u16 u32 u64);

impl Piece for usize {
    fn push_to(&self, out: &mut String) {
        push_integer(out, u128::try_from(*self).unwrap_or(u128::MAX), false);
    }
}

/// The pieces one after the other, in a string allocated once.
pub fn joined(pieces: &[&dyn Piece]) -> String {
    let size = pieces
        .iter()
        .fold(0usize, |n, p| n.saturating_add(p.size()));
    let mut text = String::with_capacity(size);
    for p in pieces {
        p.push_to(&mut text);
    }
    text
}

/// An integer's decimal digits, as `Display` writes them.
fn push_integer(out: &mut String, mut n: u128, negative: bool) {
    let mut digits = [b'0'; 40];
    let mut start = digits.len();
    while let Some(slot) = start.checked_sub(1).and_then(|s| digits.get_mut(s)) {
        *slot = b'0'.wrapping_add((n % 10) as u8);
        start = start.saturating_sub(1);
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if negative {
        out.push('-');
    }
    let tail = digits.get(start..).unwrap_or_default();
    out.extend(tail.iter().map(|&b| char::from(b)));
}

/// A sentence from its pieces, in order: literals and [`Piece`]s (parenthesise an expression of
/// more than one token). Each piece is evaluated once, and the string allocated once, to size.
macro_rules! sentence {
    ($($piece:tt)*) => {
        $crate::policy::sentence::joined(&[$(&$piece as &dyn $crate::policy::sentence::Piece),*])
    };
}
pub(crate) use sentence;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_what_format_writes() {
        let base = Money::from_decimal(rust_decimal::Decimal::new(64_666, 3));
        let rate = Rate::from_decimal(rust_decimal::Decimal::new(200, 3));
        let (n, member, none) = (3usize, String::from("奶奶"), "");
        for (i, k) in [0i64, 7, -7, 10, -120, i64::MAX, i64::MIN]
            .into_iter()
            .enumerate()
        {
            let u = u32::try_from(i).expect("small");
            assert_eq!(
                sentence!("补差 " base " 元，" n " 人；" member "加发 " rate "，" k none "|" u "。"),
                format!("补差 {base} 元，{n} 人；{member}加发 {rate}，{k}{none}|{u}。"),
            );
        }
        assert_eq!(sentence!(), "");
        for (y, m, d) in [
            (2023, 6, 1),
            (1, 1, 1),
            (0, 12, 31),
            (9999, 12, 31),
            (10000, 1, 1),
            (-1, 3, 9),
        ] {
            let date = chrono::NaiveDate::from_ymd_opt(y, m, d).expect("a date");
            assert_eq!(sentence!("自 " date " 起"), format!("自 {date} 起"));
        }
    }
}
