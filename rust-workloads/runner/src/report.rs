//! The one JSON object of the protocol. Field order follows
//! `docs/runner-protocol.md` (serde keeps struct order), which keeps result
//! files diffable across languages.

use serde::Serialize;

use polybench_kernels::build_info;

/// The runner protocol version this binary speaks (2: `--list`).
pub const PROTOCOL: u32 = 2;

#[derive(Serialize)]
pub struct Report<'a> {
    pub protocol: u32,
    pub workload: &'a str,
    pub language: &'static str,
    pub variant: &'a str,
    pub size: usize,
    pub threads: usize,
    pub seed: u64,
    pub warmup_ns: Vec<u64>,
    pub samples_ns: Vec<u64>,
    pub checksum: String,
    pub checksum_kind: &'static str,
    pub peak_rss_bytes: Option<u64>,
    pub runtime: Runtime,
    /// The protocol's optional `extra` object (`cpu_affinity`, ...).
    pub extra: serde_json::Map<String, serde_json::Value>,
}

#[derive(Serialize)]
pub struct Runtime {
    pub name: &'static str,
    pub version: &'static str,
    pub profile: &'static str,
    pub target_cpu: &'static str,
    pub target_features: String,
    pub kernels: &'static str,
    pub allocator: &'static str,
}

impl Runtime {
    pub fn current() -> Self {
        Runtime {
            name: "rustc",
            version: build_info::RUSTC_VERSION,
            profile: build_info::PROFILE,
            target_cpu: build_info::TARGET_CPU,
            target_features: build_info::target_features(),
            kernels: polybench_kernels::VERSION,
            allocator: "mimalloc",
        }
    }
}

/// Shortest string that parses back to the same double. Rust's `Debug` for
/// f64 is the shortest round-trip form and always a valid double literal for
/// Python and Java ("0.0", "1e-7", "249906.55477645845"); `Display` would
/// spell 1e300 with 300 digits.
pub fn checksum_string(x: f64) -> String {
    format!("{x:?}")
}

/// When the Rust runner reads its baseline (VmHWM): the binary is static, so only the
/// arguments are parsed by then.
pub const BASELINE_POINT: &str = "after the arguments are parsed, before any input is made";

/// The `extra` fields every result carries: `cpu_affinity`, the CPUs this
/// process may run on (`Cpus_allowed_list`, e.g. "0-1"), left out where procfs
/// is missing.
pub fn extra() -> serde_json::Map<String, serde_json::Value> {
    let mut m = serde_json::Map::new();
    if let Some(cpus) = cpu_affinity() {
        m.insert("cpu_affinity".into(), serde_json::Value::String(cpus));
    }
    if peak_rss_bytes().is_none() {
        // peak_rss_bytes is null: say why rather than fall back to getrusage
        m.insert(
            "peak_rss_unavailable".into(),
            "no VmHWM line readable in /proc/self/status".into(),
        );
    }
    m
}

/// `Cpus_allowed_list` from `/proc/self/status`.
pub fn cpu_affinity() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status
        .lines()
        .find(|l| l.starts_with("Cpus_allowed_list:"))?;
    Some(line.split_once(':')?.1.trim().to_string())
}

/// Peak resident set from `VmHWM` (kB) in `/proc/self/status`; `None` where
/// procfs is missing, rather than a made-up number.
pub fn peak_rss_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checksum_round_trips() {
        for x in [0.0, 1.0, -2.5, 249906.55477645845, 1e-7, 1e300, 0.1 + 0.2] {
            let s = checksum_string(x);
            assert_eq!(s.parse::<f64>().unwrap().to_bits(), x.to_bits(), "{s}");
        }
        assert_eq!(checksum_string(0.0), "0.0");
    }

    #[test]
    fn cpu_affinity_is_read_on_linux() {
        if cfg!(target_os = "linux") {
            let cpus = cpu_affinity().unwrap();
            assert!(
                !cpus.is_empty()
                    && cpus
                        .chars()
                        .all(|c| c.is_ascii_digit() || c == '-' || c == ','),
                "{cpus}"
            );
            assert_eq!(extra()["cpu_affinity"], cpus.as_str());
        }
    }

    #[test]
    fn peak_rss_is_read_on_linux() {
        if cfg!(target_os = "linux") {
            assert!(peak_rss_bytes().unwrap() > 0);
        }
    }
}
