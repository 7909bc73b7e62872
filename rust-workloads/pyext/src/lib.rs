//! `polybench_rs`: the `optimized` kernels of `polybench-kernels` for Python.
//!
//! The `_list` functions take Python lists, which PyO3 converts to `Vec<f64>`
//! (and back) inside the call: that conversion is what the `rust-ext` variant
//! measures. The `_numpy` functions borrow the arrays' buffers in place: that
//! is the `rust-ext-numpy` variant. No logic lives here beyond argument
//! checks; the numbers come from the same code the Rust runner times.
//! `parallel_chunk` releases the GIL while it runs (the `rust-ext-threads`
//! variant calls it from several Python threads).
//! `count_allocations` counts the bytes one call allocates, for the Python
//! runner's allocation figures (alloc_count.rs).

mod alloc_count;
mod errors;

use numpy::{PyArray1, PyArrayMethods, PyReadonlyArray1};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use polybench_kernels::{build_info as info, dot, normalize, parallel, tokenize};

/// dot_list(a: list[float], b: list[float]) -> float
#[pyfunction]
fn dot_list(a: Vec<f64>, b: Vec<f64>) -> PyResult<f64> {
    errors::same_length("dot_list", a.len(), b.len())?;
    Ok(dot::optimized(&a, &b))
}

/// normalize_list(xs: list[float]) -> list[float]
#[pyfunction]
fn normalize_list(xs: Vec<f64>) -> Vec<f64> {
    normalize::optimized(&xs)
}

/// dot_numpy(a: numpy.ndarray[float64], b: numpy.ndarray[float64]) -> float
#[pyfunction]
fn dot_numpy(a: PyReadonlyArray1<'_, f64>, b: PyReadonlyArray1<'_, f64>) -> PyResult<f64> {
    let a = a
        .as_slice()
        .map_err(|_| errors::not_contiguous("dot_numpy", "a"))?;
    let b = b
        .as_slice()
        .map_err(|_| errors::not_contiguous("dot_numpy", "b"))?;
    errors::same_length("dot_numpy", a.len(), b.len())?;
    Ok(dot::optimized(a, b))
}

/// normalize_numpy(xs: numpy.ndarray[float64]) -> numpy.ndarray[float64]
///
/// The output array is allocated once (zeroed by NumPy, which for large
/// arrays is lazily-mapped memory) and filled in place.
#[pyfunction]
fn normalize_numpy<'py>(
    py: Python<'py>,
    xs: PyReadonlyArray1<'py, f64>,
) -> PyResult<Bound<'py, PyArray1<f64>>> {
    let xs = xs
        .as_slice()
        .map_err(|_| errors::not_contiguous("normalize_numpy", "xs"))?;
    let out = PyArray1::<f64>::zeros(py, xs.len(), false);
    {
        let mut rw = out.readwrite();
        let ys = rw
            .as_slice_mut()
            .expect("a freshly allocated 1-D array is contiguous");
        normalize::optimized_into(xs, ys);
    }
    Ok(out)
}

/// parallel_chunk(seed: int, start: int, stop: int) -> int
///
/// The `parallel` sum over `[start, stop)` (docs/workloads.md), computed with
/// the GIL released (`Python::detach`), so Python threads calling it for their
/// own chunks run on all cores.
#[pyfunction]
fn parallel_chunk(py: Python<'_>, seed: u64, start: u64, stop: u64) -> u64 {
    py.detach(|| parallel::chunk_sum(seed, start, stop))
}

/// WordPiece(vocab: list[str]): our Rust BERT WordPiece tokenizer (the
/// `tokenize` workload), token `i` of `vocab` having id `i`.
#[pyclass(frozen, name = "WordPiece")]
struct PyWordPiece {
    inner: tokenize::WordPiece,
}

#[pymethods]
impl PyWordPiece {
    #[new]
    fn new(vocab: Vec<String>) -> PyResult<Self> {
        let inner =
            tokenize::WordPiece::new(&vocab).map_err(pyo3::exceptions::PyValueError::new_err)?;
        Ok(PyWordPiece { inner })
    }

    /// encode(text: str) -> list[int]: the ids of one document. Text outside
    /// ASCII raises ValueError: the spec (and the agreement with Hugging
    /// Face) covers ASCII only.
    fn encode(&self, text: &str) -> PyResult<Vec<u32>> {
        if !text.is_ascii() {
            let where_ = tokenize::first_non_ascii(text.as_bytes()).unwrap_or_default();
            return Err(pyo3::exceptions::PyValueError::new_err(format!(
                "WordPiece.encode: {where_}; the tokenize spec covers ASCII text only"
            )));
        }
        Ok(self.inner.encode(text.as_bytes()))
    }

    fn __len__(&self) -> usize {
        self.inner.vocab_size()
    }
}

/// build_info() -> dict: how this extension was compiled, for the result's
/// `runtime` field.
#[pyfunction]
fn build_info(py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("rustc", info::RUSTC_VERSION)?;
    d.set_item("pyo3", env!("POLYBENCH_PYO3_VERSION"))?;
    d.set_item("numpy_crate", env!("POLYBENCH_NUMPY_CRATE_VERSION"))?;
    d.set_item("profile", info::PROFILE)?;
    d.set_item("target_cpu", info::TARGET_CPU)?;
    d.set_item("target_features", info::target_features())?;
    d.set_item("kernels", polybench_kernels::VERSION)?;
    Ok(d)
}

// gil_used = false: on a free-threaded CPython (3.13t) a module that does not declare it switches
// the GIL back on when imported (python/*-ft would then run with it). Nothing here is shared
// mutable state: the functions work on their arguments and WordPiece is a frozen class.
#[pymodule(gil_used = false)]
fn polybench_rs(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(dot_list, m)?)?;
    m.add_function(wrap_pyfunction!(normalize_list, m)?)?;
    m.add_function(wrap_pyfunction!(dot_numpy, m)?)?;
    m.add_function(wrap_pyfunction!(normalize_numpy, m)?)?;
    m.add_function(wrap_pyfunction!(parallel_chunk, m)?)?;
    m.add_function(wrap_pyfunction!(build_info, m)?)?;
    m.add_function(wrap_pyfunction!(alloc_count::count_allocations, m)?)?;
    m.add_function(wrap_pyfunction!(alloc_count::allocation_counts, m)?)?;
    m.add_class::<PyWordPiece>()?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
