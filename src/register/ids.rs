//! Household ids met again after other households (A, B, A), found in bounded memory.
//!
//! A household whose rows are apart in the register (sorted by village and name, say) comes in
//! fragments, runs of consecutive rows with its id; paying on part of its members would be wrong, so
//! its fragments are joined ([`super::Gather`]). That needs to know, at a household's first
//! fragment, how many more come later: the register is read twice. The first pass
//! ([`DuplicateIds::note`]) puts every id in a Bloom filter of fixed size (8 MiB) and keeps the ids
//! that hit it (those seen before, plus rare false positives) with where they hit and their
//! fragments from there on; the second ([`DuplicateIds::still_to_come`]) tells each fragment
//! exactly, the same ids coming in the same order. Memory: the filter and the suspected ids.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

/// 2^26 bits (8 MiB): about one false positive in 400,000 ids at a million households.
const WORDS: usize = 1 << 20;
const BITS: u64 = (WORDS as u64) << 6;
const PROBES: u64 = 4;

#[derive(Clone, Copy, Debug)]
struct Suspect {
    /// The index of the fragment that first hit the filter.
    at: u64,
    /// Fragments of the id from that one on.
    fragments: u32,
    /// Second pass: the fragments still to come after the last one asked about.
    left: Option<u32>,
    /// Second pass: where the household is held while fragments are to come (for
    /// [`super::Gather`]).
    held: Option<u64>,
}

/// See the module documentation.
pub struct DuplicateIds {
    bits: Vec<u64>,
    suspects: HashMap<String, Suspect>,
    noted: u64,
    asked: u64,
}

impl Default for DuplicateIds {
    fn default() -> Self {
        DuplicateIds {
            bits: vec![0; WORDS],
            suspects: HashMap::new(),
            noted: 0,
            asked: 0,
        }
    }
}

fn hashes(id: &str) -> (u64, u64) {
    let mut a = DefaultHasher::new();
    id.hash(&mut a);
    let mut b = DefaultHasher::new();
    (id, 0x9e37_79b9_7f4a_7c15u64).hash(&mut b);
    (a.finish(), b.finish() | 1)
}

impl DuplicateIds {
    /// First pass: a fragment (a run of consecutive rows) with id `id`, in input order.
    pub fn note(&mut self, id: &str) {
        let at = self.noted;
        self.noted = self.noted.wrapping_add(1);
        if let Some(s) = self.suspects.get_mut(id) {
            s.fragments = s.fragments.saturating_add(1);
            return;
        }
        let (h1, h2) = hashes(id);
        let mut all_set = true;
        for i in 0..PROBES {
            let bit = h1.wrapping_add(i.wrapping_mul(h2)) % BITS;
            let (word, mask) = ((bit >> 6) as usize, 1u64 << (bit & 63));
            if let Some(w) = self.bits.get_mut(word) {
                all_set &= *w & mask != 0;
                *w |= mask;
            }
        }
        if all_set {
            self.suspects.insert(
                id.to_string(),
                Suspect {
                    at,
                    fragments: 1,
                    left: None,
                    held: None,
                },
            );
        }
    }

    /// Second pass: how many more fragments of `id` come after this one (the fragments coming in
    /// the order they were noted): 0 for a household whose rows are together, and for the last
    /// fragment of one whose rows are not.
    pub fn still_to_come(&mut self, id: &str) -> u32 {
        self.next_fragment(id).map_or(0, |(left, _)| left)
    }

    /// [`DuplicateIds::still_to_come`], and for an id met again, where its household is held.
    pub(crate) fn next_fragment(&mut self, id: &str) -> Option<(u32, &mut Option<u64>)> {
        let at = self.asked;
        self.asked = self.asked.wrapping_add(1);
        let s = self.suspects.get_mut(id)?;
        let left = match s.left {
            Some(left) => left.saturating_sub(1),
            // Its first fragment: the fragments counted from the hit on, and this one when it came
            // before the hit (the hit was the id met again, not a false positive of the filter).
            None => s.fragments.saturating_sub(u32::from(at >= s.at)),
        };
        s.left = Some(left);
        Some((left, &mut s.held))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(ids: &[&str]) -> Vec<u32> {
        let mut d = DuplicateIds::default();
        ids.iter().for_each(|i| d.note(i));
        ids.iter().map(|i| d.still_to_come(i)).collect()
    }

    #[test]
    fn every_fragment_of_a_split_household_knows_how_many_follow() {
        assert_eq!(run(&["A", "B", "A"]), [1, 0, 0]);
        assert_eq!(run(&["A", "B", "C"]), [0, 0, 0]);
        assert_eq!(run(&["A", "B", "B2", "C", "A", "A"]), [2, 0, 0, 0, 1, 0]);
        let many: Vec<String> = (0..200_000).map(|i| format!("H{i}")).collect();
        let refs: Vec<&str> = many.iter().map(String::as_str).collect();
        assert!(run(&refs).iter().all(|r| *r == 0));
    }

    #[test]
    fn false_positives_are_resolved_exactly() {
        // Force every id to look suspect: exactness then rests on the second pass alone.
        let mut d = DuplicateIds::default();
        d.bits.iter_mut().for_each(|w| *w = u64::MAX);
        let ids = ["A", "B", "A", "C", "B"];
        ids.iter().for_each(|i| d.note(i));
        let got: Vec<u32> = ids.iter().map(|i| d.still_to_come(i)).collect();
        assert_eq!(got, [1, 1, 0, 0, 0]);
    }
}
