//! A parameter lookup on the hot path allocates nothing: counted with a global allocator, on the
//! test's own thread (the test harness's threads allocate when they like).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use zhenxing::params::{catalogue, ParameterSet, Reader, Scope};

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn allocations() -> usize {
    ALLOCATIONS.with(Cell::get)
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get().wrapping_add(1)));
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
    let on = zhenxing::base::calendar::parse_date("2023-06-01", "").unwrap();
    let regions = [
        set.region(230102),
        set.region(230123),
        set.region(230129),
        None,
    ];
    let before = allocations();
    let mut found = 0;
    let mut stale = 0;
    for _ in 0..1000 {
        for region in regions {
            for spec in [
                &catalogue::DIBAO_STANDARD_RURAL,
                &catalogue::MINIMUM_WAGE_TIER,
                &catalogue::LPR_ONE_YEAR,
                &catalogue::TEKUN_CARE_FULL_CARE,
            ] {
                // Without a region: a county-only parameter (the minimum-wage tier) has no value, nor
                // has the 低保 standard (the province's are under 230000); failures may allocate.
                if region.is_none()
                    && (spec.scope == Scope::CountyOnly || spec == &catalogue::DIBAO_STANDARD_RURAL)
                {
                    continue;
                }
                if set.lookup(spec, on, region).is_ok() {
                    found += 1;
                }
                // Through a reader, which also records non-official and stale values.
                let mut reader = Reader::new(&set, on, region);
                if reader.decimal(spec).is_ok() {
                    stale += reader.stale().len();
                }
            }
        }
    }
    let after = allocations();
    assert_eq!(found, 14_000);
    // The 2022 standards, care and tiers of 2021 are stale on 2023-06-01; the LPR of 2022-08 is not.
    assert_eq!(stale, 10_000);
    assert_eq!(
        after - before,
        0,
        "28,000 lookups allocated {} times",
        after - before
    );
}
