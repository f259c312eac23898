//! A map kept as a vector sorted by its keys: what the tallies of registers and comparisons need
//! (an entry by key, a lookup, a walk in key order), without `BTreeMap`, whose code (and its own
//! copy of the standard sort) weighs about 20 KB in the WebAssembly module; and a parameter set's
//! regions by code, without `HashMap` (`hashbrown` and its hasher, about 3 KB). Lookups are binary
//! searches; a new key is inserted in place, which is cheap for the few hundred keys of a tally
//! (and for the 141 regions, which the embedded set adds in order, each at the end).

use super::error::{PolicyError, Result};

/// Keys in order, each once, with their values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SortedMap<K, V> {
    items: Vec<(K, V)>,
}

impl<K, V> Default for SortedMap<K, V> {
    fn default() -> Self {
        SortedMap { items: Vec::new() }
    }
}

impl<K: Ord, V> SortedMap<K, V> {
    pub fn new() -> Self {
        SortedMap::default()
    }

    fn find(&self, key: &K) -> std::result::Result<usize, usize> {
        self.items.binary_search_by(|(k, _)| k.cmp(key))
    }

    /// The value of `key`, if it is there.
    pub fn get(&self, key: &K) -> Option<&V> {
        let at = self.find(key).ok()?;
        self.items.get(at).map(|(_, v)| v)
    }

    /// The value of `key`, first made by `make` if `key` is new. (It is always there: the error is
    /// for the slot the compiler cannot see is filled.)
    pub fn entry_or_insert_with(&mut self, key: K, make: impl FnOnce() -> V) -> Result<&mut V> {
        let at = match self.find(&key) {
            Ok(at) => at,
            Err(at) => {
                self.items.insert(at, (key, make()));
                at
            }
        };
        self.items
            .get_mut(at)
            .map(|(_, v)| v)
            .ok_or_else(|| PolicyError::invalid_input("", "内部错误：汇总表缺少刚加入的一项"))
    }

    /// `value` for `key`, in place of the value it had.
    pub fn insert(&mut self, key: K, value: V) {
        match self.find(&key) {
            Ok(at) => {
                if let Some((_, v)) = self.items.get_mut(at) {
                    *v = value;
                }
            }
            Err(at) => self.items.insert(at, (key, value)),
        }
    }

    /// Each of `items` as [`SortedMap::insert`] would put it (the last of a key given twice
    /// counts), with one sort instead of moving the vector's tail for each: a parameter file may
    /// list thousands of regions, in any order.
    pub fn insert_all(&mut self, items: Vec<(K, V)>)
    where
        K: Clone,
    {
        if items.is_empty() {
            return;
        }
        self.items.extend(items);
        // Stable: of a key's values the last given is last; it moves into the first one's place.
        super::sort::sort_by_key(&mut self.items, |(k, _)| k.clone());
        self.items.dedup_by(|later, earlier| {
            let same = later.0 == earlier.0;
            if same {
                std::mem::swap(later, earlier);
            }
            same
        });
    }

    pub fn contains_key(&self, key: &K) -> bool {
        self.find(key).is_ok()
    }

    /// Room for `more` keys.
    pub fn reserve(&mut self, more: usize) {
        self.items.reserve(more);
    }

    /// The value of `key`, first its default if `key` is new.
    pub fn entry_or_default(&mut self, key: K) -> Result<&mut V>
    where
        V: Default,
    {
        self.entry_or_insert_with(key, V::default)
    }

    /// Keys and values in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&K, &V)> {
        self.items.iter().map(|(k, v)| (k, v))
    }

    /// The values in key order.
    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.items.iter().map(|(_, v)| v)
    }

    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut V> {
        self.items.iter_mut().map(|(_, v)| v)
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

impl<K, V> IntoIterator for SortedMap<K, V> {
    type Item = (K, V);
    type IntoIter = std::vec::IntoIter<(K, V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl<'a, K, V> IntoIterator for &'a SortedMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (K, V)>, fn(&'a (K, V)) -> (&'a K, &'a V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.iter().map(|(k, v)| (k, v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_come_back_in_order_each_once_as_a_btree_map_gives_them() {
        let words = ["村", "b", "a", "镇", "b", "", "a", "z"];
        let mut mine: SortedMap<&str, u32> = SortedMap::new();
        let mut theirs = std::collections::BTreeMap::new();
        for w in words {
            *mine.entry_or_default(w).unwrap() += 1;
            *theirs.entry(w).or_insert(0) += 1;
        }
        let mine: Vec<(&str, u32)> = mine.iter().map(|(k, v)| (*k, *v)).collect();
        let theirs: Vec<(&str, u32)> = theirs.into_iter().collect();
        assert_eq!(mine, theirs);
        let mut m: SortedMap<u8, &str> = SortedMap::new();
        assert!(m.is_empty() && m.get(&1).is_none());
        *m.entry_or_insert_with(2, || "二").unwrap() = "两";
        assert_eq!((m.get(&2), m.len()), (Some(&"两"), 1));
    }

    #[test]
    fn inserted_values_replace_and_come_back_in_key_order_as_a_hash_map_holds_them() {
        // Region-like codes out of order and one given twice: the last value counts.
        let codes = [230129u32, 230000, 230100, 230102, 230129, 231200, 230100];
        let mut mine: SortedMap<u32, usize> = SortedMap::new();
        let mut theirs = std::collections::HashMap::new();
        mine.reserve(codes.len());
        for (i, c) in codes.into_iter().enumerate() {
            mine.insert(c, i);
            theirs.insert(c, i);
        }
        let mut expected: Vec<(u32, usize)> = theirs.into_iter().collect();
        expected.sort_unstable();
        let got: Vec<(u32, usize)> = mine.iter().map(|(k, v)| (*k, *v)).collect();
        assert_eq!(got, expected);
        assert_eq!(mine.values().copied().collect::<Vec<_>>(), [1, 6, 3, 4, 5]);
        for v in mine.values_mut() {
            *v += 10;
        }
        assert_eq!((mine.get(&230129), mine.get(&230101)), (Some(&14), None));
        assert!(mine.contains_key(&231200) && !mine.contains_key(&231201));
        // All at once, out of order, known keys and new ones, a new key twice: as one by one.
        let more = [
            (230102u32, 1usize),
            (239999, 2),
            (230001, 3),
            (230129, 4),
            (239999, 5),
        ];
        let mut at_once = mine.clone();
        at_once.insert_all(more.to_vec());
        for (k, v) in more {
            mine.insert(k, v);
        }
        assert_eq!(at_once, mine);
        assert_eq!(at_once.get(&239999), Some(&5));
    }
}
