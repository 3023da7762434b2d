//! Opt-in per-phase timing (the main job's steps, the analyses): with the environment variable
//! `KURILNET_TIMING` set (to anything), each timed phase prints one line to
//! standard error, `timing: PHASE: W s wall, C s CPU`, where CPU is the whole
//! process's user + system time spent during the phase (all threads; read
//! from `/proc/self/stat`, so Linux only, `?` elsewhere). Without the
//! variable nothing is measured or printed, and output never depends on it.

use std::time::Instant;

/// Run `f`, and when `KURILNET_TIMING` is set, print how long it took.
///
/// # Arguments
/// * `phase`: what the line names (e.g. `actors: betweenness+closeness`).
/// * `f`: the work; its result is returned unchanged.
///
/// # Complexity
/// O(1) on top of `f` (one environment look-up; two reads of
/// `/proc/self/stat` when timing).
///
/// # Example
/// ```
/// let x = kurilnet::timing::timed("sum", || (1..=10).sum::<u32>());
/// assert_eq!(x, 55);
/// ```
pub fn timed<T>(phase: &str, f: impl FnOnce() -> T) -> T {
    if std::env::var_os("KURILNET_TIMING").is_none() {
        return f();
    }
    let (t, c) = (Instant::now(), cpu_seconds());
    let out = f();
    let cpu = match (c, cpu_seconds()) {
        (Some(a), Some(b)) => format!("{:.2}", b - a),
        _ => "?".into(),
    };
    eprintln!("timing: {phase}: {:.2} s wall, {cpu} s CPU", t.elapsed().as_secs_f64());
    out
}

/// User + system CPU seconds of this process so far (all threads; clock
/// ticks of 1/100 s), `None` where `/proc/self/stat` cannot be read.
pub fn cpu_seconds() -> Option<f64> {
    proc_cpu_seconds("self")
}

/// User + system CPU seconds of the calling thread so far, `None` where
/// `/proc/thread-self/stat` cannot be read.
pub fn thread_cpu_seconds() -> Option<f64> {
    proc_cpu_seconds("thread-self")
}

/// Peak resident memory of this process so far in MiB (`VmHWM`), `None`
/// where `/proc/self/status` cannot be read.
pub fn peak_rss_mib() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: f64 = s.lines().find(|l| l.starts_with("VmHWM:"))?.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn proc_cpu_seconds(who: &str) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{who}/stat")).ok()?;
    // Fields after the parenthesised command name: state is field 3, utime 14, stime 15.
    let rest = &stat[stat.rfind(')')? + 2..];
    let mut f = rest.split_whitespace().skip(11);
    let (u, s): (f64, f64) = (f.next()?.parse().ok()?, f.next()?.parse().ok()?);
    Some((u + s) / 100.0)
}

/// Print `timing: MESSAGE` when `KURILNET_TIMING` is set (sizes and the
/// like, next to the phase times).
pub fn note(message: impl FnOnce() -> String) {
    if std::env::var_os("KURILNET_TIMING").is_some() {
        eprintln!("timing: {}", message());
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    #[test]
    fn process_and_thread_figures_are_read_from_proc() {
        let spin = (0..2_000_000u64).fold(0u64, |a, x| a.wrapping_add(x * x));
        assert!(spin > 0);
        assert!(super::cpu_seconds().is_some_and(|c| c >= 0.0));
        assert!(super::thread_cpu_seconds().is_some_and(|c| c >= 0.0));
        // A test process holds at least a few MiB of code and stack.
        assert!(super::peak_rss_mib().is_some_and(|m| m > 1.0), "{:?}", super::peak_rss_mib());
    }
}
