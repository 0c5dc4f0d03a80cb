//! Headless rendering: writes every sample packet (or one kind) as a PDF, with timings.
//!
//! `cargo run -p normdesk-packet --example render -- [OUT_DIR] [KIND] [--draft-sections N]`

use std::time::Instant;

use normdesk_packet::{Fonts, RenderOptions, render, sample};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut sections = 6;
    if let Some(i) = args.iter().position(|a| a == "--draft-sections") {
        sections = args
            .get(i + 1)
            .ok_or("--draft-sections needs a number")?
            .parse()?;
        args.drain(i..i + 2);
    }
    let out = std::path::PathBuf::from(args.first().map_or("packets", String::as_str));
    let only = args.get(1).cloned();
    std::fs::create_dir_all(&out)?;
    let t = Instant::now();
    let fonts = Fonts::load_default()?;
    eprintln!(
        "fonts from {} in {:.0} ms",
        fonts.dir().display(),
        t.elapsed().as_secs_f64() * 1e3
    );
    let options = RenderOptions::from_env();
    for (kind, mut data) in sample::all() {
        if only.as_deref().is_some_and(|o| o != kind) {
            continue;
        }
        if kind == "draft" {
            data = sample::draft(sections);
        }
        let t = Instant::now();
        let rendered = render(&fonts, &data, &options, &mut |_| {
            std::ops::ControlFlow::Continue(())
        })?;
        let path = out.join(format!("{kind}.pdf"));
        std::fs::write(&path, &rendered.pdf)?;
        eprintln!(
            "{kind}: {} pages, {} bytes in {:.0} ms -> {}",
            rendered.pages,
            rendered.pdf.len(),
            t.elapsed().as_secs_f64() * 1e3,
            path.display()
        );
    }
    Ok(())
}
