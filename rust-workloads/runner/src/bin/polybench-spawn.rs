//! The startup prober's spawner (harness/.../startup/StartupProbe.java,
//! docs/workloads.md#startup): times whole processes from a native process, the
//! way hyperfine does, because a JVM cannot. Java's `ProcessBuilder` starts every
//! child through `jspawnhelper` (posix_spawn of the helper, which then execs the
//! program): an extra exec in every sample, measured here at about 0.9 ms for a
//! Rust binary that does nothing (1.9 ms against hyperfine's 1.0 ms) and more for
//! CPython. `std::process::Command` spawns the program itself (posix_spawn, as
//! hyperfine's `--shell=none` does).
//!
//! Line protocol on stdin/stdout, one request per line, one reply per line:
//! request: a JSON array, the argument vector (no shell; the working directory
//! is the spawner's own); reply:
//! `{"exit": code, "wall_ns": n, "stdout_fnv": "u64 decimal", "stderr_tail": "..."}`.
//! The child's stdin is /dev/null, its stdout is read to the end through a pipe
//! (its FNV-1a 64 is how the prober verifies it printed nothing), its stderr goes
//! to a file whose last 400 bytes are returned when it did not exit 0. `wall_ns`
//! is from before the spawn to after the reap (`Instant`). A process killed by a
//! signal reports 128 + the signal, as a shell would. A request that cannot be
//! spawned gets `{"error": "..."}`. End of input ends the spawner.

use std::fs::File;
use std::io::{self, BufRead, Read, Seek, SeekFrom, Write};
use std::process::{Command, Stdio};
use std::time::Instant;

use polybench_kernels::tokenize::{fnv1a_64, FNV_OFFSET};

const TAIL: u64 = 400;

fn fnv(bytes: &[u8]) -> u64 {
    fnv1a_64(FNV_OFFSET, bytes)
}

fn exit_code(status: std::process::ExitStatus) -> i32 {
    use std::os::unix::process::ExitStatusExt;
    status
        .code()
        .unwrap_or_else(|| 128 + status.signal().unwrap_or(0))
}

fn tail(f: &mut File) -> String {
    let len = f.seek(SeekFrom::End(0)).unwrap_or(0);
    let _ = f.seek(SeekFrom::Start(len.saturating_sub(TAIL)));
    let mut bytes = Vec::new();
    let _ = f.read_to_end(&mut bytes);
    String::from_utf8_lossy(&bytes).trim().to_string()
}

fn spawn(argv: &[String], stderr_path: &std::path::Path) -> Result<serde_json::Value, String> {
    let (program, args) = argv.split_first().ok_or("an empty argument vector")?;
    let err_file = File::create(stderr_path).map_err(|e| format!("{}: {e}", stderr_path.display()))?;
    let mut cmd = Command::new(program);
    cmd.args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::from(err_file));
    let mut stdout = Vec::new();
    let t0 = Instant::now();
    let mut child = cmd.spawn().map_err(|e| format!("{program}: {e}"))?;
    let read = child.stdout.take().map(|mut o| o.read_to_end(&mut stdout));
    let status = child.wait().map_err(|e| format!("{program}: wait: {e}"))?;
    let wall = t0.elapsed();
    if let Some(Err(e)) = read {
        return Err(format!("{program}: reading its stdout: {e}"));
    }
    let exit = exit_code(status);
    let stderr_tail = if exit == 0 {
        String::new()
    } else {
        File::open(stderr_path).map(|mut f| tail(&mut f)).unwrap_or_default()
    };
    Ok(serde_json::json!({
        "exit": exit,
        "wall_ns": u64::try_from(wall.as_nanos()).unwrap_or(u64::MAX),
        "stdout_fnv": fnv(&stdout).to_string(),
        "stderr_tail": stderr_tail,
    }))
}

fn main() {
    let stderr_path = std::env::temp_dir().join(format!("polybench-spawn-{}.err", std::process::id()));
    let stdin = io::stdin();
    let mut out = io::stdout().lock();
    for line in stdin.lock().lines() {
        let Ok(line) = line else { break };
        if line.trim().is_empty() {
            continue;
        }
        let reply = serde_json::from_str::<Vec<String>>(&line)
            .map_err(|e| format!("a request is a JSON array of strings: {e}"))
            .and_then(|argv| spawn(&argv, &stderr_path))
            .unwrap_or_else(|e| serde_json::json!({ "error": e }));
        if writeln!(out, "{reply}").and_then(|()| out.flush()).is_err() {
            break;
        }
    }
    let _ = std::fs::remove_file(&stderr_path);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_of_nothing_is_the_offset_basis() {
        assert_eq!(fnv(b""), 14_695_981_039_346_656_037);
        assert_ne!(fnv(b"\n"), fnv(b""));
    }

    #[test]
    fn a_process_is_timed_and_its_output_exit_and_stderr_seen() {
        let err = std::env::temp_dir().join(format!("polybench-spawn-test-{}.err", std::process::id()));
        let t = spawn(&["/bin/true".into()], &err).unwrap();
        assert_eq!(t["exit"], 0);
        assert!(t["wall_ns"].as_u64().unwrap() > 0);
        assert_eq!(t["stdout_fnv"], fnv(b"").to_string());
        let echo = spawn(&["/bin/echo".into(), "hi".into()], &err).unwrap();
        assert_eq!(echo["stdout_fnv"], fnv(b"hi\n").to_string());
        let sh = ["/bin/sh".into(), "-c".into(), "echo oops >&2; exit 3".into()];
        let failed = spawn(&sh, &err).unwrap();
        assert_eq!(failed["exit"], 3);
        assert_eq!(failed["stderr_tail"], "oops");
        let killed = spawn(&["/bin/sh".into(), "-c".into(), "kill -9 $$".into()], &err).unwrap();
        assert_eq!(killed["exit"], 128 + 9);
        assert!(spawn(&["/no/such/program".into()], &err).is_err());
        assert!(spawn(&[], &err).is_err());
        let _ = std::fs::remove_file(&err);
    }
}
