//! `make bench`: the projects register at 100,000 projects. Prints each figure with its ratio to
//! a baseline measured in the same run (absolute times on shared machines drift):
//! - a filtered, sorted list page of 100 rows through `projects::list` (with its total count)
//!   against a hand-written indexed SELECT of the same rows on the same connection;
//! - search p95 for a two-character Chinese query and an English word, against the same
//!   hand-written page query without search.

use std::time::{Duration, Instant};

use normdesk_core::enums::{OurRole, Tier};
use normdesk_core::projects::{self, ProjectQuery, ProjectSort};
use normdesk_core::{Source, Store};
use serde_json::json;

const PROJECTS: usize = 100_000;
const RUNS: usize = 200;

/// A small deterministic generator, so every run measures the same data.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

const ZH: &[&str] = &[
    "无人驾驶",
    "航空器",
    "系统",
    "水回用",
    "城市",
    "人工智能",
    "数据质量",
    "纳米技术",
    "石墨烯",
    "中医药",
    "饮片",
    "管理咨询",
    "物联网",
    "数字孪生",
    "超材料",
    "电磁",
    "测试方法",
    "术语",
    "安全",
    "要求",
    "指南",
    "评价",
    "低空经济",
    "起降场",
];
const EN: &[&str] = &[
    "unmanned",
    "aircraft",
    "systems",
    "water",
    "reuse",
    "urban",
    "artificial",
    "intelligence",
    "data",
    "quality",
    "nanotechnology",
    "graphene",
    "medicine",
    "consultancy",
    "internet",
    "things",
    "digital",
    "twin",
    "metamaterials",
    "test",
    "methods",
    "terminology",
    "safety",
    "requirements",
    "guidance",
    "evaluation",
    "vertiports",
];
const STAGES: &[&str] = &[
    "00.00", "10.20", "20.00", "20.20", "30.00", "30.20", "30.60", "40.20", "40.60", "50.00",
    "60.60", "90.93",
];

fn generate(store: &mut Store) {
    let mut rng = Lcg(42);
    store
        .write(Source::Cli, |w| {
            for i in 0..PROJECTS {
                let (tier, deliverable, reference) = match rng.next(4) {
                    0 => ("local", "DB/T", format!("DB4403/T {i}-2026")),
                    1 => ("group", "T", format!("T/SZS {i}-2026")),
                    _ => ("international", "IS", format!("ISO/CD {}-{}", 10_000 + i, rng.next(9) + 1)),
                };
                let words = 3 + rng.next(3);
                let title_zh: String = (0..words).map(|_| ZH[rng.next(ZH.len())]).collect();
                let title_en: Vec<&str> = (0..words).map(|_| EN[rng.next(EN.len())]).collect();
                let year = 2024 + rng.next(4);
                let our_role = ["lead", "co_lead", "participate"][rng.next(3)];
                let input = serde_json::from_value(json!({
                    "reference": reference, "title_en": title_en.join(" "), "title_zh": title_zh,
                    "tier": tier, "deliverable": deliverable, "committee_id": null,
                    "our_role": our_role, "leader_id": null,
                    "stage": STAGES[rng.next(STAGES.len())], "track_months": 36,
                    "start_date": format!("{}-{:02}-01", year - 2, 1 + rng.next(12)),
                    "target_date": format!("{year}-{:02}-{:02}", 1 + rng.next(12), 1 + rng.next(28)),
                    "limit_date": format!("{}-{:02}-01", year + 1, 1 + rng.next(12)),
                    "scope": "", "purpose": "", "relevant_documents": "", "known_patents": "",
                    "liaisons_engaged": "", "sample": false,
                }))
                .expect("generated project");
                projects::create(w, input)?;
            }
            Ok(())
        })
        .expect("generate projects");
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Vec<Duration> {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed()
        })
        .collect();
    times.sort();
    times
}

fn median(t: &[Duration]) -> Duration {
    t[t.len() / 2]
}
fn p95(t: &[Duration]) -> Duration {
    t[(t.len() * 95).div_ceil(100) - 1]
}
fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}

/// The hand-written baseline: the same page, read with one prepared, indexed SELECT.
const BASELINE: &str = "SELECT p.id, p.reference, p.title_en, p.title_zh, p.tier, p.deliverable, p.stage, p.our_role,
        c.reference, p.target_date, p.limit_date, p.sample
    FROM project p LEFT JOIN committee c ON c.id = p.committee_id
    WHERE p.deleted = 0 AND p.tier = 'international' AND p.stage BETWEEN '30.00' AND '30.99' AND p.our_role = 'lead'
    ORDER BY p.target_date IS NULL, p.target_date, p.reference, p.id LIMIT 100";

fn main() {
    // NORMDESK_BENCH_DB=path keeps the generated database there and reuses it on the next run.
    let keep = std::env::var_os("NORMDESK_BENCH_DB").map(std::path::PathBuf::from);
    let dir = std::env::temp_dir().join(format!("normdesk-bench-{}", std::process::id()));
    let path = keep.clone().unwrap_or_else(|| dir.join("bench.db"));
    let reuse = keep.is_some() && path.exists();
    let mut store = Store::open(&path).unwrap();
    if !reuse {
        let start = Instant::now();
        generate(&mut store);
        println!(
            "generated {PROJECTS} projects through the replicated writer in {:.1} s",
            start.elapsed().as_secs_f64()
        );
        store.conn().execute_batch("ANALYZE").unwrap();
    }

    let query = ProjectQuery {
        tier: Some(Tier::International),
        stage_group: Some("committee".into()),
        our_role: Some(OurRole::Lead),
        sort: ProjectSort::TargetDate,
        today: Some("2026-11-27".into()),
        ..Default::default()
    };
    let page = projects::list(store.conn(), &query).unwrap();
    let baseline_rows = {
        let mut stmt = store.conn().prepare(BASELINE).unwrap();
        stmt.query_map([], |r| r.get::<_, String>(0))
            .unwrap()
            .collect::<Result<Vec<_>, _>>()
            .unwrap()
    };
    let ids: Vec<&str> = page.rows.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, baseline_rows, "the baseline must read the same rows");

    let list = time(RUNS, || projects::list(store.conn(), &query).unwrap());
    let raw = time(RUNS, || {
        let mut stmt = store.conn().prepare_cached(BASELINE).unwrap();
        stmt.query_map([], |r| r.get::<_, String>(1))
            .unwrap()
            .count()
    });
    println!(
        "list page (100 of {} rows, filtered by tier+stage group+role, sorted by target date): median {}  baseline {}  ratio {:.2}x  (limits: <= 20 ms, <= 3x)",
        page.total,
        ms(median(&list)),
        ms(median(&raw)),
        median(&list).as_secs_f64() / median(&raw).as_secs_f64()
    );

    let unfiltered = ProjectQuery {
        today: Some("2026-11-27".into()),
        ..Default::default()
    };
    let first = time(RUNS, || projects::list(store.conn(), &unfiltered).unwrap());
    println!(
        "list page (first 100 of all {PROJECTS}, by reference, with total): median {}",
        ms(median(&first))
    );

    for search in ["航空", "aircraft", "航空器系统", "数字孪生 twin"] {
        let q = ProjectQuery {
            search: search.into(),
            today: Some("2026-11-27".into()),
            ..Default::default()
        };
        let total = projects::list(store.conn(), &q).unwrap().total;
        let t = time(RUNS, || projects::list(store.conn(), &q).unwrap());
        println!(
            "search {search:?} ({total} matches, first page of 100 with total): p95 {}  median {}  baseline {}  ratio {:.2}x  (limit: p95 <= 30 ms)",
            ms(p95(&t)),
            ms(median(&t)),
            ms(median(&raw)),
            p95(&t).as_secs_f64() / median(&raw).as_secs_f64()
        );
    }
    drop(store);
    if keep.is_none() {
        let _ = std::fs::remove_dir_all(&dir);
    }
}
