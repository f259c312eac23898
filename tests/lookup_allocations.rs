//! A parameter lookup on the hot path allocates nothing: counted with a global allocator.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use zhenxing::params::{catalogue, ParameterSet};

struct Counting;
static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::SeqCst);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

#[test]
fn lookups_do_not_allocate() {
    let set = ParameterSet::heilongjiang().unwrap();
    let on = zhenxing::calendar::parse_date("2023-06-01", "").unwrap();
    let regions = [
        set.region(230102),
        set.region(230123),
        set.region(230129),
        None,
    ];
    let before = ALLOCATIONS.load(Ordering::SeqCst);
    let mut found = 0;
    for _ in 0..1000 {
        for region in regions {
            for spec in [
                &catalogue::DIBAO_STANDARD_RURAL,
                &catalogue::MINIMUM_WAGE_TIER,
                &catalogue::LPR_ONE_YEAR,
                &catalogue::TEKUN_CARE_FULL_CARE,
            ] {
                if set.lookup(spec, on, region).is_ok() {
                    found += 1;
                }
            }
        }
    }
    let after = ALLOCATIONS.load(Ordering::SeqCst);
    assert_eq!(found, 16_000);
    assert_eq!(
        after - before,
        0,
        "16,000 lookups allocated {} times",
        after - before
    );
}
