//! Household ids met again after other households (A, B, A), found in bounded memory.
//!
//! Rows of one household must be together: a household whose rows are split is two fragments, and
//! paying either on part of its members would be wrong, so every fragment is an error. Finding them
//! needs to know, at a household's first fragment, whether its id comes back later: the register is
//! read twice. The first pass ([`DuplicateIds::note`]) puts every id in a Bloom filter of fixed size
//! (8 MiB) and keeps the ids that hit it (those seen before, plus rare false positives) with
//! where they hit; the second ([`DuplicateIds::repeated`]) tells each fragment exactly, the same
//! ids coming in the same order. Memory: the filter and the suspected ids, however many households.

use std::collections::{HashMap, HashSet};
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
}

/// See the module documentation.
pub struct DuplicateIds {
    bits: Vec<u64>,
    suspects: HashMap<String, Suspect>,
    noted: u64,
    asked: u64,
    seen: HashSet<String>,
}

impl Default for DuplicateIds {
    fn default() -> Self {
        DuplicateIds {
            bits: vec![0; WORDS],
            suspects: HashMap::new(),
            noted: 0,
            asked: 0,
            seen: HashSet::new(),
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
            self.suspects
                .insert(id.to_string(), Suspect { at, fragments: 1 });
        }
    }

    /// Second pass: whether the fragment with id `id` (the fragments coming in the order they were
    /// noted) has another fragment anywhere in the register.
    pub fn repeated(&mut self, id: &str) -> bool {
        let at = self.asked;
        self.asked = self.asked.wrapping_add(1);
        let Some(s) = self.suspects.get(id).copied() else {
            return false;
        };
        if s.fragments >= 2 {
            return true;
        }
        // One fragment from the first hit on: the id repeats if it was met before that hit.
        if at < s.at {
            self.seen.insert(id.to_string());
            return true;
        }
        self.seen.contains(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(ids: &[&str]) -> Vec<bool> {
        let mut d = DuplicateIds::default();
        ids.iter().for_each(|i| d.note(i));
        ids.iter().map(|i| d.repeated(i)).collect()
    }

    #[test]
    fn every_fragment_of_a_split_household_and_no_other() {
        assert_eq!(run(&["A", "B", "A"]), [true, false, true]);
        assert_eq!(run(&["A", "B", "C"]), [false, false, false]);
        assert_eq!(
            run(&["A", "B", "B2", "C", "A", "A"]),
            [true, false, false, false, true, true]
        );
        let many: Vec<String> = (0..200_000).map(|i| format!("H{i}")).collect();
        let refs: Vec<&str> = many.iter().map(String::as_str).collect();
        assert!(run(&refs).iter().all(|r| !r));
    }

    #[test]
    fn false_positives_are_resolved_exactly() {
        // Force every id to look suspect: exactness then rests on the second pass alone.
        let mut d = DuplicateIds::default();
        d.bits.iter_mut().for_each(|w| *w = u64::MAX);
        let ids = ["A", "B", "A", "C"];
        ids.iter().for_each(|i| d.note(i));
        let got: Vec<bool> = ids.iter().map(|i| d.repeated(i)).collect();
        assert_eq!(got, [true, false, true, false]);
    }
}
