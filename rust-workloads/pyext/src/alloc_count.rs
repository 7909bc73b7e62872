//! Counting the bytes one Python call allocates (issue 10: CPython's `alloc_bytes_per_call`).
//!
//! tracemalloc keeps the bytes live now and their peak, not a running total, so the Python
//! runner's one extra, untimed call runs inside [`count_allocations`], which for that call only
//! puts counting hooks in front of every allocator a CPython process with NumPy and this
//! extension allocates through, and takes them out again afterwards:
//!
//! - CPython's three domains (`PyMem_SetAllocator`: raw, mem, object). Each hook adds the
//!   requested size and delegates to the allocator it replaced (pymalloc, or tracemalloc's own
//!   hooks when tracemalloc runs), so blocks made before or after the call are freed by the
//!   allocator that made them. pymalloc hands requests over 512 bytes to `PyMem_RawMalloc`; a
//!   thread-local depth keeps that inner raw request from being counted a second time.
//! - NumPy's data buffers, which its default handler takes from libc `malloc` (not PyMem): a
//!   NEP 49 `PyDataMem_Handler` wrapping the current one, set with `PyDataMem_SetHandler` for
//!   the call (only when NumPy is already imported: importing it here would add to the RSS).
//! - this extension's own Rust allocations (the `Vec<f64>` that `rust-ext` converts a list
//!   into): a counting `#[global_allocator]` around the system allocator, counting only while a
//!   region is open (one relaxed load per allocation otherwise).
//!
//! A `realloc` counts its new size (a move to a new block), as the Rust runner's counter does.
//! Frees are not counted: this is a total of bytes allocated, not of bytes held.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::ffi::{c_char, c_void};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering::Relaxed};

use pyo3::exceptions::PyRuntimeError;
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

/// Bytes and blocks of one allocator family in the open region.
struct Counter {
    bytes: AtomicU64,
    blocks: AtomicU64,
}

impl Counter {
    const fn new() -> Self {
        Counter { bytes: AtomicU64::new(0), blocks: AtomicU64::new(0) }
    }
    fn add(&self, size: usize) {
        self.bytes.fetch_add(size as u64, Relaxed);
        self.blocks.fetch_add(1, Relaxed);
    }
    fn take(&self) -> (u64, u64) {
        (self.bytes.swap(0, Relaxed), self.blocks.swap(0, Relaxed))
    }
}

static PYMEM: Counter = Counter::new();
static NUMPY: Counter = Counter::new();
static RUST: Counter = Counter::new();
static OPEN: AtomicBool = AtomicBool::new(false);

// ---- this extension's Rust allocations ----

struct CountingSystem;

#[global_allocator]
static GLOBAL: CountingSystem = CountingSystem;

unsafe impl GlobalAlloc for CountingSystem {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() && OPEN.load(Relaxed) {
            RUST.add(layout.size());
        }
        p
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() && OPEN.load(Relaxed) {
            RUST.add(layout.size());
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() && OPEN.load(Relaxed) {
            RUST.add(new_size);
        }
        p
    }
}

// ---- CPython's allocator domains ----

const DOMAINS: [ffi::PyMemAllocatorDomain; 3] = [
    ffi::PyMemAllocatorDomain::PYMEM_DOMAIN_RAW,
    ffi::PyMemAllocatorDomain::PYMEM_DOMAIN_MEM,
    ffi::PyMemAllocatorDomain::PYMEM_DOMAIN_OBJ,
];

thread_local! {
    // > 0 while this thread is inside a mem/object hook: pymalloc's raw fallback is not counted again
    static DEPTH: Cell<u32> = const { Cell::new(0) };
}

/// A hook's `ctx`: the allocator it replaced, and whether it is the raw domain.
#[repr(C)]
struct Hooked {
    prev: ffi::PyMemAllocatorEx,
    raw: bool,
}

fn hooked(ctx: *mut c_void) -> &'static Hooked {
    // SAFETY: ctx is the leaked `Hooked` this hook was installed with (see `PyMemHooks::install`)
    unsafe { &*(ctx as *const Hooked) }
}

/// Counts `size` unless this is the raw request inside a counted mem/object request.
fn count_pymem(h: &Hooked, size: usize, f: impl FnOnce() -> *mut c_void) -> *mut c_void {
    let outer = !h.raw || DEPTH.with(|d| d.get()) == 0;
    if !h.raw {
        DEPTH.with(|d| d.set(d.get() + 1));
    }
    let p = f();
    if !h.raw {
        DEPTH.with(|d| d.set(d.get() - 1));
    }
    if outer && !p.is_null() {
        PYMEM.add(size);
    }
    p
}

extern "C" fn hook_malloc(ctx: *mut c_void, size: usize) -> *mut c_void {
    let h = hooked(ctx);
    count_pymem(h, size, || (h.prev.malloc.expect("a malloc"))(h.prev.ctx, size))
}

extern "C" fn hook_calloc(ctx: *mut c_void, nelem: usize, elsize: usize) -> *mut c_void {
    let h = hooked(ctx);
    count_pymem(h, nelem.saturating_mul(elsize), || {
        (h.prev.calloc.expect("a calloc"))(h.prev.ctx, nelem, elsize)
    })
}

extern "C" fn hook_realloc(ctx: *mut c_void, ptr: *mut c_void, size: usize) -> *mut c_void {
    let h = hooked(ctx);
    count_pymem(h, size, || (h.prev.realloc.expect("a realloc"))(h.prev.ctx, ptr, size))
}

extern "C" fn hook_free(ctx: *mut c_void, ptr: *mut c_void) {
    let h = hooked(ctx);
    (h.prev.free.expect("a free"))(h.prev.ctx, ptr)
}

/// The three domains' hooks while a region is open; `restore` puts the replaced ones back.
struct PyMemHooks {
    replaced: [&'static Hooked; 3],
}

impl PyMemHooks {
    /// Must run with the GIL held (the caller is a #[pyfunction]).
    fn install() -> Self {
        let replaced = DOMAINS.map(|domain| {
            let mut prev = ffi::PyMemAllocatorEx {
                ctx: std::ptr::null_mut(),
                malloc: None,
                calloc: None,
                realloc: None,
                free: None,
            };
            unsafe { ffi::PyMem_GetAllocator(domain, &mut prev) };
            let raw = matches!(domain, ffi::PyMemAllocatorDomain::PYMEM_DOMAIN_RAW);
            // leaked: a few dozen bytes per region, and no hook can outlive its ctx
            let h: &'static Hooked = Box::leak(Box::new(Hooked { prev, raw }));
            let mut hook = ffi::PyMemAllocatorEx {
                ctx: h as *const Hooked as *mut c_void,
                malloc: Some(hook_malloc),
                calloc: Some(hook_calloc),
                realloc: Some(hook_realloc),
                free: Some(hook_free),
            };
            unsafe { ffi::PyMem_SetAllocator(domain, &mut hook) };
            h
        });
        PyMemHooks { replaced }
    }

    fn restore(self) {
        for (domain, h) in DOMAINS.into_iter().zip(self.replaced) {
            let mut prev = h.prev;
            unsafe { ffi::PyMem_SetAllocator(domain, &mut prev) };
        }
    }
}

// ---- NumPy's data handler (NEP 49; numpy/ndarraytypes.h, version 1) ----

#[repr(C)]
#[derive(Clone, Copy)]
struct PyDataMemAllocator {
    ctx: *mut c_void,
    malloc: Option<unsafe extern "C" fn(*mut c_void, usize) -> *mut c_void>,
    calloc: Option<unsafe extern "C" fn(*mut c_void, usize, usize) -> *mut c_void>,
    realloc: Option<unsafe extern "C" fn(*mut c_void, *mut c_void, usize) -> *mut c_void>,
    free: Option<unsafe extern "C" fn(*mut c_void, *mut c_void, usize)>,
}

#[repr(C)]
struct PyDataMemHandler {
    name: [c_char; 127],
    version: u8,
    allocator: PyDataMemAllocator,
}

const HANDLER_CAPSULE: &std::ffi::CStr = c"mem_handler";
// slots of NumPy's C-API table (numpy/__init__.cython-30.pxd, rust-numpy's npyffi/array.rs)
const SLOT_SET_HANDLER: usize = 304;
const SLOT_GET_HANDLER: usize = 305;

fn numpy_prev(ctx: *mut c_void) -> &'static PyDataMemAllocator {
    // SAFETY: ctx is the wrapped handler, kept alive by the leaked reference to its capsule
    unsafe { &(*(ctx as *const PyDataMemHandler)).allocator }
}

unsafe extern "C" fn np_malloc(ctx: *mut c_void, size: usize) -> *mut c_void {
    let a = numpy_prev(ctx);
    let p = unsafe { (a.malloc.expect("a malloc"))(a.ctx, size) };
    if !p.is_null() {
        NUMPY.add(size);
    }
    p
}

unsafe extern "C" fn np_calloc(ctx: *mut c_void, nelem: usize, elsize: usize) -> *mut c_void {
    let a = numpy_prev(ctx);
    let p = unsafe { (a.calloc.expect("a calloc"))(a.ctx, nelem, elsize) };
    if !p.is_null() {
        NUMPY.add(nelem.saturating_mul(elsize));
    }
    p
}

unsafe extern "C" fn np_realloc(ctx: *mut c_void, ptr: *mut c_void, size: usize) -> *mut c_void {
    let a = numpy_prev(ctx);
    let p = unsafe { (a.realloc.expect("a realloc"))(a.ctx, ptr, size) };
    if !p.is_null() {
        NUMPY.add(size);
    }
    p
}

unsafe extern "C" fn np_free(ctx: *mut c_void, ptr: *mut c_void, size: usize) {
    let a = numpy_prev(ctx);
    unsafe { (a.free.expect("a free"))(a.ctx, ptr, size) }
}

type SetHandler = unsafe extern "C" fn(*mut ffi::PyObject) -> *mut ffi::PyObject;
type GetHandler = unsafe extern "C" fn() -> *mut ffi::PyObject;

/// NumPy's handler for this context while a region is open; `restore` sets the previous one.
struct NumpyHook {
    set: SetHandler,
    previous: *mut ffi::PyObject,
}

impl NumpyHook {
    /// None when NumPy is not imported (then no array can be made in the call either) or too old
    /// for NEP 49 (< 1.22).
    fn install(py: Python<'_>) -> PyResult<Option<Self>> {
        let modules = py.import("sys")?.getattr("modules")?;
        if !modules.contains("numpy")? {
            return Ok(None);
        }
        let multiarray = match py.import("numpy._core.multiarray") {
            Ok(m) => m,
            Err(_) => py.import("numpy.core.multiarray")?,
        };
        if !multiarray.hasattr("get_handler_version")? {
            return Ok(None);
        }
        let table = multiarray.getattr("_ARRAY_API")?;
        let api = unsafe { ffi::PyCapsule_GetPointer(table.as_ptr(), std::ptr::null()) }
            as *const *const c_void;
        if api.is_null() {
            return Err(PyErr::fetch(py));
        }
        let (set, get): (SetHandler, GetHandler) = unsafe {
            (
                std::mem::transmute::<*const c_void, SetHandler>(*api.add(SLOT_SET_HANDLER)),
                std::mem::transmute::<*const c_void, GetHandler>(*api.add(SLOT_GET_HANDLER)),
            )
        };
        let current = unsafe { get() }; // a new reference, kept (leaked) for the wrapper's ctx
        if current.is_null() {
            return Err(PyErr::fetch(py));
        }
        let wrapped = unsafe { ffi::PyCapsule_GetPointer(current, HANDLER_CAPSULE.as_ptr()) };
        if wrapped.is_null() {
            return Err(PyErr::fetch(py));
        }
        let mut name = [0 as c_char; 127];
        for (dst, src) in name.iter_mut().zip(b"polybench_counting\0") {
            *dst = *src as c_char;
        }
        // leaked: arrays made in the call keep the capsule and free through it after the region
        let handler: &'static mut PyDataMemHandler = Box::leak(Box::new(PyDataMemHandler {
            name,
            version: 1,
            allocator: PyDataMemAllocator {
                ctx: wrapped,
                malloc: Some(np_malloc),
                calloc: Some(np_calloc),
                realloc: Some(np_realloc),
                free: Some(np_free),
            },
        }));
        let capsule = unsafe {
            ffi::PyCapsule_New(handler as *mut PyDataMemHandler as *mut c_void, HANDLER_CAPSULE.as_ptr(), None)
        };
        if capsule.is_null() {
            return Err(PyErr::fetch(py));
        }
        let previous = unsafe { set(capsule) };
        unsafe { ffi::Py_DECREF(capsule) }; // the context variable holds its own reference
        if previous.is_null() {
            return Err(PyErr::fetch(py));
        }
        Ok(Some(NumpyHook { set, previous }))
    }

    fn restore(self, py: Python<'_>) -> PyResult<()> {
        let ours = unsafe { (self.set)(self.previous) };
        unsafe { ffi::Py_DECREF(self.previous) };
        if ours.is_null() {
            return Err(PyErr::fetch(py));
        }
        unsafe { ffi::Py_DECREF(ours) };
        Ok(())
    }
}

/// The counts of the last closed region: pymem, numpy, rust (bytes, blocks), and whether NumPy was hooked.
static LAST: std::sync::Mutex<Option<([(u64, u64); 3], bool)>> = std::sync::Mutex::new(None);

/// count_allocations(f, args: tuple) -> result: calls `f(*args)` with every allocation counted
/// (see the module's documentation); [`allocation_counts`] then gives the counts. The result is
/// returned alone, so that the counts' dict is not among what tracemalloc sees held by the call.
/// Not reentrant.
#[pyfunction]
pub fn count_allocations<'py>(
    py: Python<'py>,
    f: Bound<'py, PyAny>,
    args: Bound<'py, PyTuple>,
) -> PyResult<Bound<'py, PyAny>> {
    if OPEN.swap(true, Relaxed) {
        return Err(PyRuntimeError::new_err("count_allocations: a region is already open"));
    }
    let numpy = match NumpyHook::install(py) {
        Ok(h) => h,
        Err(e) => {
            OPEN.store(false, Relaxed);
            return Err(e);
        }
    };
    let counted_numpy = numpy.is_some();
    let hooks = PyMemHooks::install();
    // what installing the hooks allocated is not the call's
    PYMEM.take();
    NUMPY.take();
    RUST.take();
    let result = f.call1(&args);
    hooks.restore();
    OPEN.store(false, Relaxed);
    let counts = [PYMEM.take(), NUMPY.take(), RUST.take()];
    *LAST.lock().unwrap_or_else(|e| e.into_inner()) = Some((counts, counted_numpy));
    if let Some(h) = numpy {
        h.restore(py)?;
    }
    result
}

/// allocation_counts() -> dict | None: the last `count_allocations` region's counts:
/// `pymem_bytes`/`pymem_blocks` (CPython's raw, mem and object domains), `numpy_bytes`/
/// `numpy_blocks` (NumPy's data buffers; `numpy_counted` says whether NumPy was hooked),
/// `rust_bytes`/`rust_blocks` (this extension's Rust code); None before the first region.
#[pyfunction]
pub fn allocation_counts(py: Python<'_>) -> PyResult<Option<Bound<'_, PyDict>>> {
    let Some(([pymem, numpy, rust], counted_numpy)) = *LAST.lock().unwrap_or_else(|e| e.into_inner()) else {
        return Ok(None);
    };
    let d = PyDict::new(py);
    d.set_item("pymem_bytes", pymem.0)?;
    d.set_item("pymem_blocks", pymem.1)?;
    d.set_item("numpy_bytes", numpy.0)?;
    d.set_item("numpy_blocks", numpy.1)?;
    d.set_item("numpy_counted", counted_numpy)?;
    d.set_item("rust_bytes", rust.0)?;
    d.set_item("rust_blocks", rust.1)?;
    Ok(Some(d))
}
