//! `make bench`: a 50-page bilingual draft packet. Prints each figure with its ratio to a baseline
//! measured in the same run (absolute times on shared machines drift):
//! - cold: a fresh process that loads the fonts and renders the packet once (wall time, and its
//!   peak memory from /proc/self/status VmHWM), against the same process rendering the 1-page
//!   liaison statement;
//! - warm: the fonts loaded and the engine warmed, each render with another date (so the text is
//!   laid out again), against the warm 1-page liaison statement.
//!
//! Limits (issue 6): warm <= 2 s, cold <= 4 s, peak memory <= 300 MB.

use std::process::Command;
use std::time::{Duration, Instant};

use normdesk_core::packets::data::PacketData;
use normdesk_packet::{Fonts, RenderOptions, render, sample};

/// Generated clauses for about 50 pages (cover, contents, text).
const SECTIONS: usize = 58;
const WARM_RUNS: usize = 5;
const CHILD: &str = "NORMDESK_PACKET_BENCH_CHILD";

fn draft(day: usize) -> PacketData {
    let mut data = sample::draft(SECTIONS);
    data.date = format!("2026-03-{:02}", 1 + day % 28);
    data
}

fn render_once(fonts: &Fonts, data: &PacketData) -> (usize, usize) {
    let r = render(fonts, data, &RenderOptions::default(), &mut |_| {
        std::ops::ControlFlow::Continue(())
    })
    .expect("renders");
    (r.pages, r.pdf.len())
}

fn peak_rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(f64::NAN);
    kb / 1024.0
}

/// The cold child: fonts, one render, report "pages bytes peak_mb".
fn child(which: &str) {
    let fonts = Fonts::load_default().expect("fonts");
    let data = if which == "draft" {
        draft(0)
    } else {
        sample::liaison()
    };
    let (pages, bytes) = render_once(&fonts, &data);
    println!("{pages} {bytes} {:.1}", peak_rss_mb());
}

fn cold(which: &str) -> (Duration, usize, usize, f64) {
    let start = Instant::now();
    let out = Command::new(std::env::current_exe().unwrap())
        .env(CHILD, which)
        .output()
        .expect("child runs");
    let wall = start.elapsed();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let line = String::from_utf8_lossy(&out.stdout);
    let f: Vec<&str> = line.split_whitespace().collect();
    (
        wall,
        f[0].parse().unwrap(),
        f[1].parse().unwrap(),
        f[2].parse().unwrap(),
    )
}

fn median(mut t: Vec<Duration>) -> Duration {
    t.sort();
    t[t.len() / 2]
}

fn s(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

fn main() {
    if let Ok(which) = std::env::var(CHILD) {
        return child(&which);
    }
    // Cold: a fresh process each, the baseline first.
    let (base_wall, ..) = cold("liaison");
    let (wall, pages, bytes, peak) = cold("draft");
    println!(
        "cold 50-page draft packet ({pages} pages, {} KB PDF): {}  baseline (1-page liaison, cold) {}  ratio {:.1}x  peak memory {peak:.0} MB  (limits: <= 4 s, <= 300 MB)",
        bytes / 1024,
        s(wall),
        s(base_wall),
        wall.as_secs_f64() / base_wall.as_secs_f64()
    );
    assert!(
        pages >= 50,
        "the bench draft should have at least 50 pages, has {pages}"
    );

    // Warm: fonts loaded once, the engine warmed by one render of each.
    let t = Instant::now();
    let fonts = Fonts::load_default().expect("fonts");
    let font_load = t.elapsed();
    render_once(&fonts, &draft(0));
    render_once(&fonts, &sample::liaison());
    let warm: Vec<Duration> = (1..=WARM_RUNS)
        .map(|day| {
            let data = draft(day);
            let t = Instant::now();
            render_once(&fonts, &data);
            t.elapsed()
        })
        .collect();
    let base: Vec<Duration> = (1..=WARM_RUNS)
        .map(|day| {
            let mut data = sample::liaison();
            data.date = format!("2026-03-{:02}", 1 + day);
            let t = Instant::now();
            render_once(&fonts, &data);
            t.elapsed()
        })
        .collect();
    let (warm, base) = (median(warm), median(base));
    println!(
        "warm 50-page draft packet: median {}  baseline (1-page liaison, warm) {}  ratio {:.1}x  (limit: <= 2 s); font loading {} ms",
        s(warm),
        s(base),
        warm.as_secs_f64() / base.as_secs_f64(),
        font_load.as_millis()
    );
}
