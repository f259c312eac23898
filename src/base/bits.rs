//! A fixed set of small indices (a bit per index, 256 of them), without allocation: which catalogue
//! parameters a result rested on, which rules it assumed. Copy, so results carry it freely.

/// Indices 0 to [`Bits::CAPACITY`] − 1.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Bits([u128; 2]);

impl Bits {
    /// How many indices the set can hold.
    pub const CAPACITY: usize = 256;
    pub const EMPTY: Bits = Bits([0; 2]);

    fn place(i: usize) -> Option<(usize, u32)> {
        let word = i.checked_div(128)?;
        let bit = u32::try_from(i.checked_rem(128)?).ok()?;
        Some((word, bit))
    }

    /// Add `i` (an index past the capacity is ignored; the users assert their size at compile time).
    pub fn insert(&mut self, i: usize) {
        if let Some((word, bit)) = Bits::place(i) {
            if let Some(w) = self.0.get_mut(word) {
                *w |= 1u128.checked_shl(bit).unwrap_or(0);
            }
        }
    }

    pub fn contains(&self, i: usize) -> bool {
        Bits::place(i)
            .and_then(|(word, bit)| {
                self.0
                    .get(word)
                    .map(|w| w & 1u128.checked_shl(bit).unwrap_or(0) != 0)
            })
            .unwrap_or(false)
    }

    /// The set with `i` added, at compile time (an index past the capacity is ignored).
    #[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
    pub const fn with(mut self, i: usize) -> Bits {
        if i < Bits::CAPACITY {
            self.0[i / 128] |= 1u128 << (i % 128);
        }
        self
    }

    /// Whether it shares an index with `other`.
    pub fn meets(&self, other: &Bits) -> bool {
        let ([a0, a1], [b0, b1]) = (self.0, other.0);
        (a0 & b0) | (a1 & b1) != 0
    }

    /// Add every index of `other`.
    pub fn union(&mut self, other: Bits) {
        for (a, b) in self.0.iter_mut().zip(other.0) {
            *a |= b;
        }
    }

    pub fn len(&self) -> usize {
        self.0.iter().map(|w| w.count_ones() as usize).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|w| *w == 0)
    }

    /// The indices in the set, in increasing order (visiting only those that are set).
    pub fn indices(self) -> impl Iterator<Item = usize> {
        self.0.into_iter().enumerate().flat_map(|(word, mut w)| {
            std::iter::from_fn(move || {
                if w == 0 {
                    return None;
                }
                let bit = w.trailing_zeros() as usize;
                w &= w.wrapping_sub(1);
                Some(word.saturating_mul(128).saturating_add(bit))
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_words_hold_their_indices() {
        let mut b = Bits::default();
        assert!(b.is_empty());
        for i in [0, 1, 127, 128, 200, 255] {
            b.insert(i);
            assert!(b.contains(i));
        }
        b.insert(256);
        assert!(!b.contains(256));
        assert_eq!(b.len(), 6);
        let mut c = Bits::default();
        c.insert(129);
        c.union(b);
        assert_eq!(c.len(), 7);
        assert!(!c.contains(130));
        assert_eq!(
            c.indices().collect::<Vec<_>>(),
            [0, 1, 127, 128, 129, 200, 255]
        );
    }
}
