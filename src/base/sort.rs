//! Sorting with no copy of the standard library's sort in the module.
//!
//! Each `sort_by_key` or `sort_unstable` on another element type links another copy of the
//! standard sort into the WebAssembly module (about 5 KB each, a dozen of them). These sort the
//! positions of a list through one comparison behind a reference, by a merge sort of their own,
//! then move the elements into that order. Stable, and O(n log n) like the standard sort (a
//! hostile file cannot make a sort quadratic).

use std::cmp::Ordering;

/// Sorts `v` stably by `key`, computed once per element.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl FnMut(&T) -> K) {
    let keys: Vec<K> = v.iter().map(key).collect();
    let order = order_by(keys.len(), &|a, b| keys.get(a).cmp(&keys.get(b)));
    permute(v, &order);
}

/// Sorts `v` stably by the order of its elements.
pub fn sort<T: Ord>(v: &mut [T]) {
    let order = order_by(v.len(), &|a, b| v.get(a).cmp(&v.get(b)));
    permute(v, &order);
}

/// The positions `0..n` in the order `cmp` puts them (stable): a merge sort of runs of 1, 2, 4 …
/// positions, not the standard sort, whose one copy was 4.6 KB of the module (the lists sorted are
/// a parameter set's values, dates and keys, an object's keys, a comparison's reasons).
pub fn order_by(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut merged = vec![0; n];
    let mut run = 1usize;
    while run < n {
        let pair = run.saturating_mul(2);
        for (from, to) in order.chunks(pair).zip(merged.chunks_mut(pair)) {
            let (a, b) = from.split_at(run.min(from.len()));
            merge(a, b, to, cmp);
        }
        std::mem::swap(&mut order, &mut merged);
        run = pair;
    }
    order
}

/// Two ordered runs into `out`, the first run's position first among equals (stable).
fn merge(a: &[usize], b: &[usize], out: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    let (mut a, mut b) = (a.iter().copied().peekable(), b.iter().copied().peekable());
    for slot in out {
        let next = match (a.peek(), b.peek()) {
            (Some(&x), Some(&y)) if cmp(y, x) == Ordering::Less => b.next(),
            (Some(_), _) => a.next(),
            (None, _) => b.next(),
        };
        *slot = next.unwrap_or_default();
    }
}

/// `v`'s elements in the order of `order` (a permutation of its positions), through swaps found
/// once for every element type ([`swaps`]): only `slice::swap` is per type.
fn permute<T>(v: &mut [T], order: &[usize]) {
    for (a, b) in swaps(order) {
        if a < v.len() && b < v.len() {
            v.swap(a, b);
        }
    }
}

/// The swaps, in turn, that bring the element at `order[k]` to position `k` for every `k`.
fn swaps(order: &[usize]) -> Vec<(usize, usize)> {
    let n = order.len();
    // at[p]: where the element now at p was; now[i]: where the element that was at i is now.
    let mut at: Vec<usize> = (0..n).collect();
    let mut now: Vec<usize> = (0..n).collect();
    let mut out = Vec::new();
    for (k, &want) in order.iter().enumerate() {
        let (Some(&p), Some(&displaced)) = (now.get(want), at.get(k)) else {
            continue;
        };
        if p == k || p >= n {
            continue;
        }
        out.push((k, p));
        at.swap(k, p);
        if let Some(x) = now.get_mut(want) {
            *x = k;
        }
        if let Some(x) = now.get_mut(displaced) {
            *x = p;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every order of five elements (120 permutations), and long shuffled ones: each element lands
    /// where the order says.
    #[test]
    fn permutes_into_the_order_given() {
        fn check(order: &[usize]) {
            let mut v: Vec<String> = (0..order.len()).map(|i| format!("e{i}")).collect();
            let expected: Vec<String> = order.iter().map(|&i| format!("e{i}")).collect();
            permute(&mut v, order);
            assert_eq!(v, expected, "{order:?}");
        }
        fn all(prefix: &mut Vec<usize>, n: usize) {
            if prefix.len() == n {
                return check(prefix);
            }
            for i in 0..n {
                if !prefix.contains(&i) {
                    prefix.push(i);
                    all(prefix, n);
                    prefix.pop();
                }
            }
        }
        all(&mut Vec::new(), 5);
        let mut seed = 7u64;
        for n in [0, 1, 2, 50, 1000] {
            let mut order: Vec<usize> = (0..n).collect();
            for i in (1..n).rev() {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                order.swap(i, (seed >> 33) as usize % (i + 1));
            }
            check(&order);
        }
    }

    #[test]
    fn sorts_as_the_standard_sort_does_and_keeps_equal_keys_in_order() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        let mut expected = v.clone();
        expected.sort_by_key(|p| p.0);
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, expected);
        assert_eq!(v, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let mut words = vec!["b", "a", "c", "a"];
        sort(&mut words);
        assert_eq!(words, ["a", "a", "b", "c"]);
        let mut none: Vec<u8> = Vec::new();
        sort(&mut none);
        assert!(none.is_empty());
    }

    /// Lists of every length up to 70 and a long one, with many equal keys: the same order as the
    /// standard stable sort, equal keys in their first order.
    #[test]
    fn merges_as_the_standard_stable_sort_orders() {
        let mut seed = 11u64;
        for n in (0..=70).chain([1000]) {
            let mut v: Vec<(u64, usize)> = (0..n)
                .map(|i| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    ((seed >> 33) % 7, i)
                })
                .collect();
            let mut expected = v.clone();
            expected.sort_by_key(|p| p.0);
            sort_by_key(&mut v, |p| p.0);
            assert_eq!(v, expected, "{n} elements");
        }
    }

    /// The module keeps no copy of the standard sort: the library sorts through this file (the
    /// command-line tool and tests may sort as they like).
    #[test]
    fn the_library_sorts_only_here() {
        let calls = [
            ".sort()",
            ".sort_by(",
            ".sort_by_key(",
            ".sort_unstable",
            ".sort_by_cached_key(",
        ];
        let mut found = Vec::new();
        let mut dirs = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src"
        ))];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                let name = path.file_name().unwrap().to_string_lossy().to_string();
                if path.is_dir() {
                    if name != "bin" {
                        dirs.push(path);
                    }
                    continue;
                }
                if name == "sort.rs" || name == "tests.rs" || !name.ends_with(".rs") {
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                let code = text.split("#[cfg(test)]").next().unwrap_or("");
                for (n, line) in code.lines().enumerate() {
                    if calls.iter().any(|c| line.contains(c))
                        && !line.trim_start().starts_with("//")
                    {
                        found.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
                    }
                }
            }
        }
        assert!(
            found.is_empty(),
            "use crate::base::sort:\n{}",
            found.join("\n")
        );
    }
}
