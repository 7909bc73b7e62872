//! Kernel preconditions turned into Python exceptions. The kernels panic on
//! misuse (a panic crossing into Python becomes an opaque PanicException), so
//! the extension checks first and raises the exception Python users expect.

use pyo3::PyResult;
use pyo3::exceptions::PyValueError;

pub fn same_length(what: &str, a: usize, b: usize) -> PyResult<()> {
    if a == b {
        Ok(())
    } else {
        Err(PyValueError::new_err(format!(
            "{what}: vectors of different lengths ({a} and {b})"
        )))
    }
}

pub fn not_contiguous(what: &str, arg: &str) -> pyo3::PyErr {
    PyValueError::new_err(format!(
        "{what}: '{arg}' must be a contiguous 1-D float64 array (use numpy.ascontiguousarray)"
    ))
}
