//! Records how the kernels were compiled, so every result can name the exact
//! compiler and CPU target behind its numbers (runner-protocol `runtime`).

use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=RUSTC");
    println!("cargo:rerun-if-env-changed=CARGO_ENCODED_RUSTFLAGS");

    // Cargo hands build scripts the compiler it will use, which may differ
    // from whatever `rustc` is first on PATH (rustup overrides, RUSTC=...).
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let version = Command::new(&rustc)
        .arg("--version")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_else(|| "unknown".into());
    println!("cargo:rustc-env=POLYBENCH_RUSTC_VERSION={version}");

    // The flags actually in force: a RUSTFLAGS in the environment replaces
    // `.cargo/config.toml`, so reading the config file would be wrong.
    let flags = std::env::var("CARGO_ENCODED_RUSTFLAGS").unwrap_or_default();
    let flags: Vec<&str> = flags.split('\x1f').collect();
    let mut target_cpu = "default".to_string();
    for (i, f) in flags.iter().enumerate() {
        let opt = if *f == "-C" {
            flags.get(i + 1).copied().unwrap_or("")
        } else {
            f.strip_prefix("-C").unwrap_or("")
        };
        if let Some(cpu) = opt.strip_prefix("target-cpu=") {
            target_cpu = cpu.to_string();
        }
    }
    println!("cargo:rustc-env=POLYBENCH_TARGET_CPU={target_cpu}");

    let profile = std::env::var("PROFILE").unwrap_or_else(|_| "unknown".into());
    println!("cargo:rustc-env=POLYBENCH_PROFILE={profile}");
}
