//! Looking through bytes eight at a time: where the next line ends in a register, where a JSON string
//! needs a look. A word with none of the bytes sought is passed over whole; the one that has one is
//! then read byte by byte. Plain integer arithmetic, the same natively and in WebAssembly.
//!
//! And a text sought in a text ([`find`], [`contains`], [`replace`]) byte by byte, as `str::find`,
//! `contains` and `replacen` find it: those, with a `&str` or a non-ASCII `char`, link the standard
//! library's substring search (`StrSearcher`, `TwoWaySearcher`) and its panic path, which formats
//! with `char`'s `Debug` and Unicode's printable tables (about 9 KB of the module for messages of a
//! few dozen characters). A UTF-8 text found in a UTF-8 text starts and ends on a character boundary,
//! so a byte search finds what a character search finds.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// Whether a byte of `word` is below `n` (at most 128): exact as a yes or no.
pub fn has_below(word: u64, n: u8) -> bool {
    word.wrapping_sub(ONES.wrapping_mul(u64::from(n))) & !word & HIGHS != 0
}

/// Whether a byte of `word` is `byte`.
pub fn has(word: u64, byte: u8) -> bool {
    has_below(word ^ ONES.wrapping_mul(u64::from(byte)), 1)
}

/// The place of the first byte that `is`, passing over each eight bytes of which `may_hold` says
/// none is (it must say so only when it is true).
pub fn position(
    bytes: &[u8],
    may_hold: impl Fn(u64) -> bool,
    is: impl Fn(u8) -> bool,
) -> Option<usize> {
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0usize;
    for chunk in &mut chunks {
        let word = <[u8; 8]>::try_from(chunk).map_or(u64::MAX, u64::from_le_bytes);
        if may_hold(word) {
            if let Some(i) = chunk.iter().position(|b| is(*b)) {
                return Some(at.saturating_add(i));
            }
        }
        at = at.saturating_add(8);
    }
    let rest = chunks.remainder().iter().position(|b| is(*b))?;
    Some(at.saturating_add(rest))
}

/// The place (in bytes) of the first `sought` in `text`; an empty `sought` is at 0.
pub fn find(text: &str, sought: &str) -> Option<usize> {
    let (text, sought) = (text.as_bytes(), sought.as_bytes());
    let Some((&first, rest)) = sought.split_first() else {
        return Some(0);
    };
    let mut from = 0usize;
    loop {
        let at = from.checked_add(text.get(from..)?.iter().position(|b| *b == first)?)?;
        let next = at.checked_add(1)?;
        if text.get(next..)?.starts_with(rest) {
            return Some(at);
        }
        from = next;
    }
}

/// What follows the last of the ASCII `separators` in `text` (all of it without one), as
/// `text.rsplit(separators).next()` gives it without the standard library's splitter for each kind
/// of pattern.
pub fn after_last<'t>(text: &'t str, separators: &[u8]) -> &'t str {
    match text.bytes().rposition(|b| separators.contains(&b)) {
        Some(at) => text.get(at.saturating_add(1)..).unwrap_or_default(),
        None => text,
    }
}

/// Whether `sought` is in `text`.
pub fn contains(text: &str, sought: &str) -> bool {
    find(text, sought).is_some()
}

/// `text` with its first `limit` occurrences of `from` (not empty: an empty `from` replaces nothing)
/// made `to`, as `str::replacen` gives it.
pub fn replace(text: &str, from: &str, to: &str, limit: usize) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut done = 0usize;
    while done < limit && !from.is_empty() {
        let Some(at) = find(rest, from) else { break };
        let (Some(before), Some(after)) =
            (rest.get(..at), rest.get(at.saturating_add(from.len())..))
        else {
            break;
        };
        out.push_str(before);
        out.push_str(to);
        rest = after;
        done = done.saturating_add(1);
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_tested_as_their_bytes_are() {
        // Every byte value at every place of a word otherwise holding a second value.
        for fill in [0u8, 0x0a, 0x1f, 0x20, 0x22, 0x5c, 0x7f, 0x80, 0xe4, 0xff] {
            for byte in 0..=255u8 {
                for place in 0..8 {
                    let mut bytes = [fill; 8];
                    bytes[place] = byte;
                    let word = u64::from_le_bytes(bytes);
                    for n in [1u8, 0x20, 0x80] {
                        assert_eq!(
                            has_below(word, n),
                            bytes.iter().any(|b| *b < n),
                            "{bytes:?} < {n}"
                        );
                    }
                    for sought in [b'\n', b'"', 0u8, 0xff] {
                        assert_eq!(
                            has(word, sought),
                            bytes.contains(&sought),
                            "{bytes:?} {sought}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn positions_are_the_first_as_a_plain_search_finds_it() {
        let is = |b: u8| b == b'"' || b == b'\\' || b < 0x20;
        let may_hold = |w: u64| has(w, b'"') || has(w, b'\\') || has_below(w, 0x20);
        // Pseudo-random texts of every length up to 40, mostly plain, some bytes sought.
        let mut seed = 7u32;
        let mut next = || {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (seed >> 16) as u8
        };
        for len in 0..40 {
            for _ in 0..50 {
                let text: Vec<u8> = (0..len)
                    .map(|_| match next() % 16 {
                        0 => b'"',
                        1 => b'\n',
                        2 => 0xe4,
                        _ => b'a' + next() % 26,
                    })
                    .collect();
                let plain = text.iter().position(|b| is(*b));
                assert_eq!(position(&text, may_hold, is), plain, "{text:?}");
            }
        }
    }

    #[test]
    fn texts_are_found_and_replaced_as_the_standard_library_does() {
        // Pseudo-random texts of ASCII and Chinese (bytes of three), sought texts cut from them and
        // from a second alphabet, so that a first byte shared by different characters is met.
        let alphabet = ["a", "b", "应", "为", "：", "“", "”", "\u{FFFD}", "假", "设"];
        let mut seed = 11u32;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (seed >> 16) as usize % n
        };
        for _ in 0..3000 {
            let len = next(12);
            let text: String = (0..len).map(|_| alphabet[next(alphabet.len())]).collect();
            let sought: String = (0..1 + next(3))
                .map(|_| alphabet[next(alphabet.len())])
                .collect();
            assert_eq!(find(&text, &sought), text.find(&sought), "{text} {sought}");
            assert_eq!(contains(&text, &sought), text.contains(&sought));
            for limit in [0, 1, 2, usize::MAX] {
                assert_eq!(
                    replace(&text, &sought, "是", limit),
                    text.replacen(&sought, "是", limit),
                    "{text} {sought} {limit}"
                );
            }
        }
        assert_eq!((find("", ""), find("假设", "")), (Some(0), Some(0)));
        for path in [
            "",
            ".",
            "a",
            "members[1].income",
            "x]",
            "a.b]c",
            "成员[0].收入",
            "].",
            "a..b",
        ] {
            assert_eq!(
                after_last(path, b".]"),
                path.rsplit(['.', ']']).next().unwrap(),
                "{path}"
            );
            assert_eq!(after_last(path, b"."), path.rsplit('.').next().unwrap());
        }
        assert_eq!(replace("假设", "", "x", usize::MAX), "假设");
        // The same first byte, not the same character: 应 (e5 ba 94) and 废 (e5 ba 9f).
        assert_eq!(find("废应", "应"), Some(3));
    }
}
