//! Reads the PyO3 and rust-numpy versions actually resolved (Cargo.lock), so
//! `build_info()` reports what was linked rather than a hand-kept string.

use std::path::Path;

fn main() {
    let lock = Path::new(env!("CARGO_MANIFEST_DIR")).join("../Cargo.lock");
    println!("cargo:rerun-if-changed={}", lock.display());
    let text = std::fs::read_to_string(&lock).unwrap_or_default();
    for (krate, var) in [
        ("pyo3", "POLYBENCH_PYO3_VERSION"),
        ("numpy", "POLYBENCH_NUMPY_CRATE_VERSION"),
    ] {
        println!("cargo:rustc-env={var}={}", locked_version(&text, krate));
    }
}

/// Version of `[[package]] name = "<krate>"` in a Cargo.lock, or "unknown".
fn locked_version(lock: &str, krate: &str) -> String {
    let wanted = format!("name = \"{krate}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == wanted {
            if let Some(v) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = "))
            {
                return v.trim_matches('"').to_string();
            }
        }
    }
    "unknown".to_string()
}
