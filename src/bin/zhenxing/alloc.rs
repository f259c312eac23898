//! The tool's allocator: mimalloc, asked through its plain entry points for what most values need.
//!
//! The `mimalloc` crate asks for every block through the aligned entry points, which take a longer
//! path on each call; a block of mimalloc is always aligned to a word (its sizes are whole words
//! and each page starts on 16 bytes), so a value needing no more than that is asked for plainly.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

use libmimalloc_sys as mi;

/// The alignment every mimalloc block has.
const WORD: usize = std::mem::size_of::<usize>();

pub struct Mimalloc;

// SAFETY: each call forwards to mimalloc, which returns blocks of at least the size asked for,
// aligned to a word by the plain calls and to `align` by the aligned ones, or null when out of
// memory; `dealloc` and `realloc` are given only blocks these calls returned.
unsafe impl GlobalAlloc for Mimalloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= WORD {
            mi::mi_malloc(layout.size()).cast()
        } else {
            mi::mi_malloc_aligned(layout.size(), layout.align()).cast()
        }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= WORD {
            mi::mi_zalloc(layout.size()).cast()
        } else {
            mi::mi_zalloc_aligned(layout.size(), layout.align()).cast()
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        mi::mi_free(ptr.cast::<c_void>());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if layout.align() <= WORD {
            mi::mi_realloc(ptr.cast::<c_void>(), new_size).cast()
        } else {
            mi::mi_realloc_aligned(ptr.cast::<c_void>(), new_size, layout.align()).cast()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every block is aligned as its layout asks, plain or aligned, new, zeroed or grown.
    #[test]
    fn blocks_are_aligned_as_asked() {
        for size in [1, 7, 8, 24, 40, 100, 1_000, 5_000, 100_000] {
            for align in [1, 2, 4, 8, 16, 32, 64, 4096] {
                let layout = Layout::from_size_align(size, align).unwrap();
                // SAFETY: a layout of non-zero size; each block is freed once, by this allocator.
                unsafe {
                    let p = Mimalloc.alloc(layout);
                    assert!(!p.is_null() && p as usize % align == 0, "{size} {align}");
                    p.write_bytes(7, size);
                    let z = Mimalloc.alloc_zeroed(layout);
                    assert!(!z.is_null() && z as usize % align == 0, "{size} {align}");
                    assert!(std::slice::from_raw_parts(z, size).iter().all(|b| *b == 0));
                    let q = Mimalloc.realloc(p, layout, size * 3);
                    assert!(!q.is_null() && q as usize % align == 0, "{size} {align}");
                    assert!(std::slice::from_raw_parts(q, size).iter().all(|b| *b == 7));
                    Mimalloc.dealloc(q, Layout::from_size_align(size * 3, align).unwrap());
                    Mimalloc.dealloc(z, layout);
                }
            }
        }
    }
}
