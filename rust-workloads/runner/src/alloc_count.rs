//! A counting global allocator: every allocation still goes to mimalloc (the runner's
//! allocator, see `main.rs`); while counting is switched on, this adds up the bytes and
//! blocks allocated and tracks the peak of bytes live above the level at the start. It counts
//! only during the one extra, untimed call that follows the measured ones
//! (`measure::iterate`), so the timed calls pay one relaxed load per allocation, nothing more.
//! Allocations of every thread are counted (rayon's workers included).

use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, Ordering::Relaxed};

pub struct Counting<A> {
    pub inner: A,
}

static ON: AtomicBool = AtomicBool::new(false);
static BYTES: AtomicU64 = AtomicU64::new(0);
static BLOCKS: AtomicU64 = AtomicU64::new(0);
static LIVE: AtomicI64 = AtomicI64::new(0);
static PEAK: AtomicI64 = AtomicI64::new(0);

fn on_alloc(size: usize) {
    BYTES.fetch_add(size as u64, Relaxed);
    BLOCKS.fetch_add(1, Relaxed);
    let live = LIVE.fetch_add(size as i64, Relaxed) + size as i64;
    PEAK.fetch_max(live, Relaxed);
}

fn on_free(size: usize) {
    LIVE.fetch_sub(size as i64, Relaxed);
}

unsafe impl<A: GlobalAlloc> GlobalAlloc for Counting<A> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { self.inner.alloc(layout) };
        if !p.is_null() && ON.load(Relaxed) {
            on_alloc(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { self.inner.alloc_zeroed(layout) };
        if !p.is_null() && ON.load(Relaxed) {
            on_alloc(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if ON.load(Relaxed) {
            on_free(layout.size());
        }
        unsafe { self.inner.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { self.inner.realloc(ptr, layout, new_size) };
        if !p.is_null() && ON.load(Relaxed) {
            // a move to a new block: the new size allocated, the old one freed
            on_free(layout.size());
            on_alloc(new_size);
        }
        p
    }
}

/// What one counted region allocated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Allocated {
    /// bytes allocated in total (every allocation, also those freed again)
    pub bytes: u64,
    /// allocations made
    pub blocks: u64,
    /// the most bytes live at once above the level at the start (blocks freed in the region
    /// that were allocated before it count as negative)
    pub peak_bytes: u64,
}

/// Runs `f` with counting on and returns what it allocated. Not reentrant: one region at a time.
pub fn count<R>(f: impl FnOnce() -> R) -> (R, Allocated) {
    BYTES.store(0, Relaxed);
    BLOCKS.store(0, Relaxed);
    LIVE.store(0, Relaxed);
    PEAK.store(0, Relaxed);
    ON.store(true, Relaxed);
    let r = f();
    ON.store(false, Relaxed);
    let a = Allocated {
        bytes: BYTES.load(Relaxed),
        blocks: BLOCKS.load(Relaxed),
        peak_bytes: PEAK.load(Relaxed).max(0) as u64,
    };
    (r, a)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Other tests run on other threads at the same time and may allocate or free while a region
    // counts, so these check the totals' lower bounds only (a free elsewhere can lower the live
    // peak); tests/protocol.rs checks exact figures on the runner itself. One region at a time:
    static REGION: std::sync::Mutex<()> = std::sync::Mutex::new(());

    #[test]
    fn counts_a_known_allocation() {
        let _one = REGION.lock().unwrap_or_else(|e| e.into_inner());
        // the test binary uses this allocator too (main.rs's #[global_allocator])
        let (v, a) = count(|| std::hint::black_box(vec![0u8; 1_000_000]));
        assert_eq!(v.len(), 1_000_000);
        assert!(a.bytes >= 1_000_000, "{a:?}");
        assert!(a.blocks >= 1);
        drop(v);
    }

    #[test]
    fn freed_memory_counts_in_the_total() {
        let _one = REGION.lock().unwrap_or_else(|e| e.into_inner());
        let (_, a) = count(|| {
            for _ in 0..10 {
                drop(std::hint::black_box(vec![0u8; 100_000]));
            }
        });
        assert!(a.bytes >= 1_000_000, "{a:?}");
        assert!(a.blocks >= 10, "{a:?}");
    }
}
