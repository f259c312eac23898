//! A map kept as a vector sorted by its keys: what the tallies of registers and comparisons need
//! (an entry by key, a lookup, a walk in key order), without `BTreeMap`, whose code (and its own
//! copy of the standard sort) weighs about 20 KB in the WebAssembly module. Lookups are binary
//! searches; a new key is inserted in place, which is cheap for the few hundred keys of a tally.

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
}
