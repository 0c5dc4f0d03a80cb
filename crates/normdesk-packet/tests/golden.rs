//! Golden tests: each kind of packet rendered from the samples and checked with the tools a
//! person would use — `qpdf --check` (structure), `pdftotext` (the reference, both titles and
//! the last clause are there as text, Chinese included), `pdffonts` (the CJK font embedded),
//! `pdfinfo` (page count, A4, tagged) — and page images written to `tests/artifacts/packets/`
//! (`pdftoppm -r 50`) for a person to look at. Same data twice gives the same bytes.

use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

use normdesk_core::packets::data::{PacketContent, PacketData};
use normdesk_packet::{Fonts, PacketError, RenderOptions, render, render_pdf, sample};

fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| Fonts::load_default().expect("the packet fonts load"))
}

fn artifacts() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/artifacts/packets");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn tool(program: &str, args: &[&str]) -> String {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| {
            panic!("{program} could not run ({e}); install poppler-utils and qpdf (make setup)")
        });
    assert!(
        out.status.success(),
        "{program} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Renders a sample, writes it and its page images, and runs the common checks.
fn golden(kind: &str, data: &PacketData, pages: usize, must_contain: &[&str]) {
    let rendered = render(fonts(), data, &RenderOptions::default(), &mut |_| {
        std::ops::ControlFlow::Continue(())
    })
    .unwrap();
    let pdf = artifacts().join(format!("{kind}.pdf"));
    std::fs::write(&pdf, &rendered.pdf).unwrap();
    let path = pdf.to_str().unwrap();

    let check = tool("qpdf", &["--check", path]);
    assert!(
        check.contains("No syntax or stream encoding errors"),
        "{check}"
    );

    let info = tool("pdfinfo", &[path]);
    assert!(
        info.contains(&format!("Pages:           {pages}\n")),
        "{kind}: expected {pages} pages:\n{info}"
    );
    assert_eq!(rendered.pages, pages);
    assert!(info.contains("(A4)"), "{info}");
    assert!(info.contains("Tagged:          yes"), "{info}");
    assert!(
        info.contains(&format!("Title:           {}", data.title)),
        "{info}"
    );

    let fonts = tool("pdffonts", &[path]);
    let cjk = fonts
        .lines()
        .find(|l| l.contains("NotoSerifCJKsc-Regular"))
        .unwrap_or_else(|| panic!("{fonts}"));
    assert!(
        cjk.contains("yes yes yes"),
        "embedded, subset, unicode: {cjk}"
    );
    assert!(
        !fonts.lines().skip(2).any(|l| !l.contains("NotoSerifCJKsc")),
        "only our fonts: {fonts}"
    );

    let text = tool("pdftotext", &[path, "-"]);
    for needle in must_contain {
        // pdftotext may break a long title across lines: compare with whitespace collapsed.
        let flat = |s: &str| s.split_whitespace().collect::<String>();
        assert!(
            flat(&text).contains(&flat(needle)),
            "{kind}: '{needle}' not in the text:\n{text}"
        );
    }

    let prefix = artifacts().join(kind);
    let _ = tool(
        "pdftoppm",
        &["-png", "-r", "50", path, prefix.to_str().unwrap()],
    );
}

fn project_titles(data: &PacketData) -> Vec<String> {
    let p = match &data.content {
        PacketContent::Nwip(p) => &p.project,
        PacketContent::Draft(p) => &p.project,
        PacketContent::Comments(p) => &p.project,
        PacketContent::GroupApplication(p) => &p.project,
        PacketContent::Liaison(_) => unreachable!(),
    };
    vec![p.reference.clone(), p.title_zh.clone(), p.title_en.clone()]
}

fn check_kind(kind: &str, data: PacketData, pages: usize, extra: &[&str]) {
    let mut needles = project_titles(&data);
    needles.extend(extra.iter().map(|s| (*s).to_owned()));
    golden(
        kind,
        &data,
        pages,
        &needles.iter().map(String::as_str).collect::<Vec<_>>(),
    );
}

#[test]
fn nwip() {
    check_kind(
        "nwip",
        sample::nwip(),
        4,
        &[
            "NEW WORK ITEM PROPOSAL",
            "Police forces operate UAS",
            "12 Proposer",
            "Annex A — Proposed experts",
            "James Carter",
            "王芳 Wang Fang",
            "第 4 页 共 4 页",
        ],
    );
}

#[test]
fn draft() {
    check_kind(
        "draft",
        sample::draft(6),
        8,
        &[
            "DRAFT",
            "Contents 目次",
            "Stage 30.20",
            "10 Marking and records",
            "记录应以可审核的形式保存。",
            "Page 8 of 8",
            "Figure 1 — Crew positions",
            "Figure site-plan.png: not attached to the project",
        ],
    );
}

#[test]
fn comments() {
    check_kind(
        "comments",
        sample::comments(),
        1,
        &[
            "Observations of the secretariat",
            "General 总体",
            "Clause A.2",
            "建议增加夜间运行的照明要求。",
            "FR-006",
        ],
    );
    let info = tool(
        "pdfinfo",
        &[artifacts().join("comments.pdf").to_str().unwrap()],
    );
    assert!(
        info.contains("841.89 x 595.276 pts (A4)"),
        "landscape: {info}"
    );
}

#[test]
fn liaison() {
    let data = sample::liaison();
    golden(
        "liaison",
        &data,
        1,
        &[
            "LIAISON STATEMENT",
            "Request for comments on police UAS operations",
            "ISO/TC 292 Security and resilience",
            "For comment",
            "2026-05-15",
            "zhou.ting@example.org",
            "In response to",
            "我们期待双方在公共安全领域的继续合作。",
        ],
    );
}

#[test]
fn group_application() {
    check_kind(
        "group-application",
        sample::group_application(),
        3,
        &[
            "团体标准立项申请书",
            "团体标准编制说明",
            "深圳市标准化协会",
            "7 服务评价",
            "共收到意见12 条",
        ],
    );
}

#[test]
fn same_data_same_bytes() {
    let data = sample::comments();
    let options = RenderOptions {
        timestamp: Some(1_767_225_600),
    };
    let a = render_pdf(fonts(), &data, &options).unwrap();
    let b = render_pdf(fonts(), &data, &options).unwrap();
    assert_eq!(a, b);
    // Another creation date changes the bytes; the default (the packet's date) is stable too.
    let c = render_pdf(fonts(), &data, &RenderOptions::default()).unwrap();
    assert_ne!(a, c);
    assert_eq!(
        c,
        render_pdf(fonts(), &data, &RenderOptions::default()).unwrap()
    );
}

#[test]
fn a_missing_font_is_an_error() {
    let empty = tempfile::tempdir().unwrap();
    let err = Fonts::load(empty.path()).unwrap_err();
    assert!(matches!(err, PacketError::Font { .. }), "{err}");
    assert!(
        err.to_string().contains("NotoSerifCJKsc-Regular.otf"),
        "{err}"
    );
    let bad = empty.path();
    std::fs::write(bad.join("NotoSerifCJKsc-Regular.otf"), b"not a font").unwrap();
    std::fs::write(bad.join("NotoSerifCJKsc-Bold.otf"), b"not a font").unwrap();
    assert!(
        Fonts::load(bad)
            .unwrap_err()
            .to_string()
            .contains("not a font")
    );
}

#[test]
fn cancel_between_phases() {
    let mut seen = Vec::new();
    let err = render(
        fonts(),
        &sample::liaison(),
        &RenderOptions::default(),
        &mut |p| {
            seen.push(p.phase);
            if seen.len() == 2 {
                std::ops::ControlFlow::Break(())
            } else {
                std::ops::ControlFlow::Continue(())
            }
        },
    )
    .unwrap_err();
    assert!(matches!(err, PacketError::Cancelled));
    assert_eq!(seen.len(), 2);
}

/// A 1×1 grey PNG, as a draft figure attached to a project.
fn tiny_png() -> Vec<u8> {
    vec![
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44,
        0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x00, 0x00, 0x00, 0x00, 0x3a,
        0x7e, 0x9b, 0x55, 0x00, 0x00, 0x00, 0x0a, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x68,
        0x00, 0x00, 0x00, 0x82, 0x00, 0x81, 0x77, 0xcd, 0x72, 0xb6, 0x00, 0x00, 0x00, 0x00, 0x49,
        0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
    ]
}

#[test]
fn an_attached_png_figure_is_embedded_as_an_image() {
    use normdesk_core::packets::data::{Block, FigureFile, FigureStatus};
    let mut data = sample::draft(1);
    let PacketContent::Draft(d) = &mut data.content else {
        panic!()
    };
    // The sample's missing figure becomes an attached PNG.
    for b in &mut d.text.blocks {
        if let Block::Figure { name, file, status } = b
            && name == "site-plan.png"
        {
            *file = Some("figures/2.png".into());
            *status = FigureStatus::Embedded;
        }
    }
    data.figures.push(FigureFile {
        file: "figures/2.png".into(),
        bytes: tiny_png(),
    });
    let pdf = render_pdf(fonts(), &data, &RenderOptions::default()).unwrap();
    let path = artifacts().join("draft-png-figure.pdf");
    std::fs::write(&path, &pdf).unwrap();
    let path = path.to_str().unwrap();
    let images = tool("pdfimages", &["-list", path]);
    assert_eq!(
        images.lines().filter(|l| l.contains(" image ")).count(),
        1,
        "one raster image (the PNG; the SVG figure is vector):\n{images}"
    );
    let text = tool("pdftotext", &[path, "-"]);
    assert!(
        !text.contains("not attached"),
        "no placeholder left:\n{text}"
    );
}

#[test]
fn a_figure_that_is_not_an_image_fails_clearly() {
    use normdesk_core::packets::data::FigureFile;
    let mut data = sample::draft(1);
    data.figures[0] = FigureFile {
        file: "figures/1.svg".into(),
        bytes: b"this is no image".to_vec(),
    };
    let err = render_pdf(fonts(), &data, &RenderOptions::default())
        .unwrap_err()
        .to_string();
    assert!(err.contains("draft.typ") && err.contains("error"), "{err}");
}

#[test]
fn svg_pages_for_printing() {
    use normdesk_core::packets::data::PacketPhase::{Export, Layout};
    for (data, landscape) in [(sample::draft(6), false), (sample::comments(), true)] {
        let mut progress = Vec::new();
        let pages = normdesk_packet::render_svg(fonts(), &data, &mut |p| {
            progress.push((p.phase, p.step, p.steps));
            std::ops::ControlFlow::Continue(())
        })
        .unwrap();
        let pdf = render(fonts(), &data, &RenderOptions::default(), &mut |_| {
            std::ops::ControlFlow::Continue(())
        })
        .unwrap();
        assert_eq!(pages.len(), pdf.pages, "as many SVG pages as PDF pages");
        let (w, h) = if landscape {
            (841.89, 595.28)
        } else {
            (595.28, 841.89)
        };
        for page in &pages {
            assert!(page.svg.starts_with("<svg"), "{}", &page.svg[..40]);
            assert!((page.width_pt - w).abs() < 0.1 && (page.height_pt - h).abs() < 0.1);
        }
        let n = pages.len() as u32;
        let expected: Vec<_> = std::iter::once((Layout, 0, 1))
            .chain((0..n).map(|i| (Export, i, n)))
            .collect();
        assert_eq!(progress, expected, "the layout, then every page");
    }
    // Cancelling between pages stops.
    let err = normdesk_packet::render_svg(fonts(), &sample::draft(6), &mut |p| {
        if p.phase == Export && p.step == 2 {
            std::ops::ControlFlow::Break(())
        } else {
            std::ops::ControlFlow::Continue(())
        }
    })
    .unwrap_err();
    assert!(matches!(err, PacketError::Cancelled));
}

#[test]
fn save_refuses_a_blocked_packet_and_writes_a_good_one_whole() {
    use normdesk_core::packets::data::{
        Assembled, PacketPhase, PreflightItem, RecordRef, Severity,
    };
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("liaison.pdf");
    let item = |severity| PreflightItem {
        severity,
        record: RecordRef {
            kind: "statement".into(),
            id: sample::STATEMENT_ID.into(),
        },
        field: "body".into(),
        key: "packet.preflight.empty_body".into(),
        args: Vec::new(),
        message: "the statement has no body".into(),
    };
    let mut assembled = Assembled {
        data: sample::liaison(),
        preflight: vec![item(Severity::Error)],
    };
    let go = &mut |_| std::ops::ControlFlow::Continue(());
    let err = normdesk_packet::save(fonts(), &assembled, &dest, &RenderOptions::default(), go)
        .unwrap_err()
        .to_string();
    assert!(err.contains("the statement has no body"), "{err}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);

    assembled.preflight = vec![item(Severity::Warning)];
    let mut phases = Vec::new();
    let saved = normdesk_packet::save(
        fonts(),
        &assembled,
        &dest,
        &RenderOptions::default(),
        &mut |p| {
            phases.push(p.phase);
            std::ops::ControlFlow::Continue(())
        },
    )
    .unwrap();
    assert_eq!(
        phases,
        [PacketPhase::Layout, PacketPhase::Export, PacketPhase::Save]
    );
    assert_eq!(std::fs::read(&dest).unwrap().len(), saved.bytes);
    assert!(saved.pages >= 1);
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left"
    );
}
