//! A JSON number read as `serde_json::Number` reads it from text (`"1.50"` → the float 1.5,
//! `"-0"` → the float −0, `"007"` refused), so that a household handed back (`readForm`,
//! `readHousehold`) is written as before without linking `serde_json`'s reader into the module.
//! The steps are serde_json's own (its reader without `float_roundtrip`), over the bytes; a test
//! holds the two equal.

/// A number as `serde_json::Number` holds it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Num {
    U64(u64),
    I64(i64),
    F64(f64),
}

/// `text` read as `serde_json::Number`'s `from_str` reads it; `None` where that refuses it.
pub(crate) fn read(text: &str) -> Option<Num> {
    let mut r = Reader {
        bytes: text.as_bytes(),
        pos: 0,
    };
    let positive = r.peek() != Some(b'-');
    if !positive {
        r.bump();
    }
    let n = r.integer(positive)?;
    r.peek().is_none().then_some(n)
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

/// `n × 10 + digit`, or `None` when it overflows.
fn grow(n: u64, digit: u8) -> Option<u64> {
    n.checked_mul(10)?.checked_add(u64::from(digit))
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn bump(&mut self) {
        self.pos = self.pos.saturating_add(1);
    }

    /// The next byte's value when it is a digit (not consumed).
    fn digit(&self) -> Option<u8> {
        self.peek()
            .filter(u8::is_ascii_digit)
            .map(|b| b.wrapping_sub(b'0'))
    }

    fn skip_digits(&mut self) {
        while self.digit().is_some() {
            self.bump();
        }
    }

    /// The integer part, then what follows it. Digits past `u64` are counted in the exponent.
    fn integer(&mut self, positive: bool) -> Option<Num> {
        let first = self.digit()?;
        self.bump();
        if first == 0 && self.digit().is_some() {
            return None;
        }
        let mut significand = u64::from(first);
        let (mut exponent, mut long) = (0i32, false);
        while let Some(d) = self.digit() {
            self.bump();
            match grow(significand, d).filter(|_| !long) {
                Some(n) => significand = n,
                None => {
                    long = true;
                    exponent = exponent.saturating_add(1);
                }
            }
        }
        match self.peek() {
            Some(b'.') => self.decimal(positive, significand, exponent).map(Num::F64),
            Some(b'e' | b'E') => self.exponent(positive, significand, exponent).map(Num::F64),
            _ if long => from_parts(positive, significand, exponent).map(Num::F64),
            _ if positive => Some(Num::U64(significand)),
            _ => {
                let neg = (significand as i64).wrapping_neg();
                // A float below `i64::MIN`, and for `-0`.
                Some(match neg >= 0 {
                    true => Num::F64(-(significand as f64)),
                    false => Num::I64(neg),
                })
            }
        }
    }

    /// From the decimal point: digits while the significand holds them, the rest skipped.
    fn decimal(&mut self, positive: bool, mut significand: u64, before: i32) -> Option<f64> {
        self.bump();
        let mut after = 0i32;
        while let Some(d) = self.digit() {
            match grow(significand, d) {
                Some(n) => {
                    self.bump();
                    significand = n;
                    after = after.saturating_sub(1);
                }
                None => {
                    self.skip_digits();
                    return self.end(positive, significand, before.saturating_add(after));
                }
            }
        }
        if after == 0 {
            return None;
        }
        self.end(positive, significand, before.saturating_add(after))
    }

    /// An exponent if one follows, else the float.
    fn end(&mut self, positive: bool, significand: u64, exponent: i32) -> Option<f64> {
        match self.peek() {
            Some(b'e' | b'E') => self.exponent(positive, significand, exponent),
            _ => from_parts(positive, significand, exponent),
        }
    }

    fn exponent(&mut self, positive: bool, significand: u64, start: i32) -> Option<f64> {
        self.bump();
        let positive_exp = self.peek() != Some(b'-');
        if matches!(self.peek(), Some(b'+' | b'-')) {
            self.bump();
        }
        let mut exp = i32::from(self.digit()?);
        self.bump();
        while let Some(d) = self.digit() {
            self.bump();
            match exp
                .checked_mul(10)
                .and_then(|e| e.checked_add(i32::from(d)))
            {
                Some(e) => exp = e,
                // Past `i32`: refused when it would be infinite, else zero.
                None if significand != 0 && positive_exp => return None,
                None => {
                    self.skip_digits();
                    return Some(if positive { 0.0 } else { -0.0 });
                }
            }
        }
        let exponent = match positive_exp {
            true => start.saturating_add(exp),
            false => start.saturating_sub(exp),
        };
        from_parts(positive, significand, exponent)
    }
}

/// `significand × 10^exponent` as serde_json computes it: one multiplication or division by a
/// power of ten from its table; `None` when it is infinite.
fn from_parts(positive: bool, significand: u64, mut exponent: i32) -> Option<f64> {
    let mut f = significand as f64;
    loop {
        match POW10.get(exponent.unsigned_abs() as usize) {
            Some(&pow) => {
                if exponent >= 0 {
                    f *= pow;
                    if f.is_infinite() {
                        return None;
                    }
                } else {
                    f /= pow;
                }
                break;
            }
            None => {
                if f == 0.0 {
                    break;
                }
                if exponent >= 0 {
                    return None;
                }
                f /= 1e308;
                exponent = exponent.saturating_add(308);
            }
        }
    }
    Some(if positive { f } else { -f })
}

/// 10^0 to 10^308, each the nearest float (serde_json's table).
static POW10: [f64; 309] = [
    1e000, 1e001, 1e002, 1e003, 1e004, 1e005, 1e006, 1e007, 1e008, 1e009, 1e010, 1e011, 1e012,
    1e013, 1e014, 1e015, 1e016, 1e017, 1e018, 1e019, 1e020, 1e021, 1e022, 1e023, 1e024, 1e025,
    1e026, 1e027, 1e028, 1e029, 1e030, 1e031, 1e032, 1e033, 1e034, 1e035, 1e036, 1e037, 1e038,
    1e039, 1e040, 1e041, 1e042, 1e043, 1e044, 1e045, 1e046, 1e047, 1e048, 1e049, 1e050, 1e051,
    1e052, 1e053, 1e054, 1e055, 1e056, 1e057, 1e058, 1e059, 1e060, 1e061, 1e062, 1e063, 1e064,
    1e065, 1e066, 1e067, 1e068, 1e069, 1e070, 1e071, 1e072, 1e073, 1e074, 1e075, 1e076, 1e077,
    1e078, 1e079, 1e080, 1e081, 1e082, 1e083, 1e084, 1e085, 1e086, 1e087, 1e088, 1e089, 1e090,
    1e091, 1e092, 1e093, 1e094, 1e095, 1e096, 1e097, 1e098, 1e099, 1e100, 1e101, 1e102, 1e103,
    1e104, 1e105, 1e106, 1e107, 1e108, 1e109, 1e110, 1e111, 1e112, 1e113, 1e114, 1e115, 1e116,
    1e117, 1e118, 1e119, 1e120, 1e121, 1e122, 1e123, 1e124, 1e125, 1e126, 1e127, 1e128, 1e129,
    1e130, 1e131, 1e132, 1e133, 1e134, 1e135, 1e136, 1e137, 1e138, 1e139, 1e140, 1e141, 1e142,
    1e143, 1e144, 1e145, 1e146, 1e147, 1e148, 1e149, 1e150, 1e151, 1e152, 1e153, 1e154, 1e155,
    1e156, 1e157, 1e158, 1e159, 1e160, 1e161, 1e162, 1e163, 1e164, 1e165, 1e166, 1e167, 1e168,
    1e169, 1e170, 1e171, 1e172, 1e173, 1e174, 1e175, 1e176, 1e177, 1e178, 1e179, 1e180, 1e181,
    1e182, 1e183, 1e184, 1e185, 1e186, 1e187, 1e188, 1e189, 1e190, 1e191, 1e192, 1e193, 1e194,
    1e195, 1e196, 1e197, 1e198, 1e199, 1e200, 1e201, 1e202, 1e203, 1e204, 1e205, 1e206, 1e207,
    1e208, 1e209, 1e210, 1e211, 1e212, 1e213, 1e214, 1e215, 1e216, 1e217, 1e218, 1e219, 1e220,
    1e221, 1e222, 1e223, 1e224, 1e225, 1e226, 1e227, 1e228, 1e229, 1e230, 1e231, 1e232, 1e233,
    1e234, 1e235, 1e236, 1e237, 1e238, 1e239, 1e240, 1e241, 1e242, 1e243, 1e244, 1e245, 1e246,
    1e247, 1e248, 1e249, 1e250, 1e251, 1e252, 1e253, 1e254, 1e255, 1e256, 1e257, 1e258, 1e259,
    1e260, 1e261, 1e262, 1e263, 1e264, 1e265, 1e266, 1e267, 1e268, 1e269, 1e270, 1e271, 1e272,
    1e273, 1e274, 1e275, 1e276, 1e277, 1e278, 1e279, 1e280, 1e281, 1e282, 1e283, 1e284, 1e285,
    1e286, 1e287, 1e288, 1e289, 1e290, 1e291, 1e292, 1e293, 1e294, 1e295, 1e296, 1e297, 1e298,
    1e299, 1e300, 1e301, 1e302, 1e303, 1e304, 1e305, 1e306, 1e307, 1e308,
];

#[cfg(test)]
mod tests {
    use super::*;

    /// What `serde_json::Number` reads from the same text.
    fn theirs(text: &str) -> Option<Num> {
        let n: serde_json::Number = text.parse().ok()?;
        Some(match (n.as_u64(), n.as_i64(), n.as_f64()) {
            (Some(u), _, _) => Num::U64(u),
            (None, Some(i), _) if !n.is_f64() => Num::I64(i),
            (_, _, Some(f)) => Num::F64(f),
            _ => return None,
        })
    }

    fn same(text: &str) {
        let ours = read(text);
        let theirs = theirs(text);
        let equal = match (ours, theirs) {
            (Some(Num::F64(a)), Some(Num::F64(b))) => a.to_bits() == b.to_bits(),
            (a, b) => a == b,
        };
        assert!(equal, "{text:?}: ours {ours:?}, serde_json {theirs:?}");
    }

    #[test]
    fn reads_numbers_as_serde_json_does() {
        for text in [
            "0",
            "-0",
            "1",
            "-1",
            "007",
            "00",
            "0.5",
            "-0.0",
            "1.50",
            "1e2",
            "1E+2",
            "1e-2",
            "-2.5e-3",
            "1e21",
            "1e400",
            "-1e400",
            "1e-400",
            "0e999999999999",
            "1e999999999999",
            "1e-999999999999",
            "0.000001e-330",
            "18446744073709551615",
            "18446744073709551616",
            "-9223372036854775808",
            "-9223372036854775809",
            "123456789012345678901234567890",
            "1844674407370955161.9",
            "18446744073709551615.5",
            "1844674407370955161599.25e-3",
            "0.1234567890123456789012345",
            "4.9e-324",
            "2.2250738585072014e-308",
            "1.7976931348623157e308",
            "1.7976931348623159e308",
            "",
            "-",
            "+1",
            "1.",
            ".5",
            "1e",
            "1e+",
            "1x",
            "1.5.5",
            "--1",
            "1 ",
            "0x10",
            "1e5e5",
            "123456.789",
            "441",
            "9999.99",
            "0.30000000000000004",
            "4e2147483647",
            "4e-2147483648",
        ] {
            same(text);
        }
    }

    /// Random numbers: a sign, an integer part (a leading zero now and then), a fraction and an
    /// exponent of random lengths, and now and then a byte out of place (a fixed seed: the same
    /// texts every run).
    #[test]
    fn reads_random_numbers_as_serde_json_does() {
        let mut next = crate::base::seeded(0x2545_f491_4f6c_dd1d_u64);
        let digits = |text: &mut String, n: u64, next: &mut dyn FnMut(u64) -> u64| {
            for _ in 0..n {
                text.push(char::from(b'0' + next(10) as u8));
            }
        };
        for _ in 0..300_000 {
            let mut text = String::new();
            if next(3) == 0 {
                text.push('-');
            }
            match next(8) {
                0 => text.push('0'),
                _ => {
                    text.push(char::from(b'1' + next(9) as u8));
                    digits(&mut text, next(30), &mut next);
                }
            }
            if next(2) == 0 {
                text.push('.');
                digits(&mut text, 1 + next(30), &mut next);
            }
            if next(2) == 0 {
                text.push(['e', 'E'][next(2) as usize]);
                text.push_str(["", "+", "-"][next(3) as usize]);
                let most = if next(10) == 0 { 12 } else { 3 };
                let n = 1 + next(most);
                digits(&mut text, n, &mut next);
            }
            if next(20) == 0 {
                let at = next(text.len() as u64 + 1) as usize;
                text.insert(at, ['0', '.', 'e', '-', '+', 'x'][next(6) as usize]);
            }
            same(&text);
        }
    }
}
