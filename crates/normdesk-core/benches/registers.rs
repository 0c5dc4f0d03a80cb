//! `make bench`: the registers at office scale and beyond — 20,000 people, 5,000 committees,
//! 100,000 memberships, 50,000 liaison statements (with their event log), 2,000 liaisons and
//! 10,000 projects, 5,000 training records and the 3 targets. Prints each figure with its ratio to a baseline measured in the same run
//! (absolute times on shared machines drift):
//! - a person's page and a committee's page (limit 20 ms) against the one hand-written indexed
//!   SELECT of the same roles/members;
//! - the dashboard (limit 50 ms) against a hand-written count of the open statements due;
//! - CSV import of 100,000 memberships (people by e-mail, committees by reference) through the
//!   replicated writer, against a raw prepared INSERT of the same rows on the same connection
//!   (limit: at least 30% of the raw throughput): the median of 5 runs of each, alternating
//!   (NORMDESK_BENCH_RUNS=n), with each run's ratio and the CPU times. Both run in a
//!   transaction that is rolled back, so the database can be kept and reused
//!   (NORMDESK_BENCH_DB=path); the import's is rolled back after the writer has written every
//!   log row it held (`Writer::flush`), just before its last step, which for memberships only
//!   stores the clock (they have no search index).

use std::time::{Duration, Instant};

use normdesk_core::{CoreError, Source, Store, committees, dashboard, exchange, people, projects};
use serde_json::{Map, Value, json};

const PEOPLE: usize = 20_000;
const COMMITTEES: usize = 5_000;
const MEMBERSHIPS: usize = 100_000;
const STATEMENTS: usize = 50_000;
const LIAISONS: usize = 2_000;
const PROJECTS: usize = 10_000;
const RUNS: usize = 200;
const TODAY: &str = "2026-11-27";
const ROLES: &[&str] = &[
    "chair",
    "vice_chair",
    "committee_manager",
    "convenor",
    "project_leader",
    "expert",
    "delegate",
    "member",
];

struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
    fn date(&mut self, from_year: usize, years: usize) -> String {
        format!(
            "{}-{:02}-{:02}",
            from_year + self.next(years),
            1 + self.next(12),
            1 + self.next(28)
        )
    }
}

fn map(v: Value) -> Map<String, Value> {
    v.as_object().expect("object").clone()
}

fn committee_reference(i: usize) -> String {
    // 500 TCs, each with 3 SCs, each SC with 2 WGs: 500 + 1,500 + 3,000 = 5,000.
    let tc = i % 500;
    match i / 500 {
        0 => format!("ISO/TC {}", 1000 + tc),
        k @ 1..=3 => format!("ISO/TC {}/SC {k}", 1000 + tc),
        k => format!(
            "ISO/TC {}/SC {}/WG {}",
            1000 + tc,
            (k - 4) / 2 + 1,
            (k - 4) % 2 + 1
        ),
    }
}

fn parent_of(i: usize) -> Option<usize> {
    let tc = i % 500;
    match i / 500 {
        0 => None,
        1..=3 => Some(tc),
        k => Some(tc + 500 * ((k - 4) / 2 + 1)),
    }
}

fn generate(store: &mut Store) -> (Vec<String>, Vec<String>) {
    let mut rng = Lcg(7);
    store
        .write(Source::Cli, |w| {
            let org = w.create(&normdesk_core::schema::ORGANISATION, map(json!({"acronym": "ISO", "kind": "international_sdo"})))?;
            let mut committees: Vec<String> = Vec::with_capacity(COMMITTEES);
            for i in 0..COMMITTEES {
                let kind = ["TC", "SC", "SC", "SC", "WG", "WG", "WG", "WG", "WG", "WG"][i / 500];
                let parent = parent_of(i).map(|p| Value::String(committees[p].clone())).unwrap_or(Value::Null);
                let values = json!({"reference": committee_reference(i), "title_en": format!("Committee {i} systems"),
                    "title_zh": "标准化技术委员会", "organisation_id": org, "parent_id": parent, "kind": kind, "membership": "P"});
                committees.push(w.create(&normdesk_core::schema::COMMITTEE, map(values))?);
            }
            let mut people: Vec<String> = Vec::with_capacity(PEOPLE);
            for i in 0..PEOPLE {
                let values = json!({"name_zh": format!("专家{i}"), "name_en": format!("Expert {i}"),
                    "email": format!("expert{i}@example.org"), "expertise": "standards"});
                people.push(w.create(&normdesk_core::schema::PERSON, map(values))?);
            }
            for _ in 0..MEMBERSHIPS {
                let end = if rng.next(3) == 0 { Value::String(rng.date(2024, 4)) } else { Value::Null };
                let values = json!({"person_id": people[rng.next(PEOPLE)], "committee_id": committees[rng.next(COMMITTEES)],
                    "role": ROLES[rng.next(ROLES.len())], "start_date": "2020-01-01", "end_date": end});
                w.create(&normdesk_core::schema::MEMBERSHIP, map(values))?;
            }
            for i in 0..LIAISONS {
                let values = json!({"organisation_id": org, "committee_id": committees[rng.next(COMMITTEES)], "category": "A",
                    "established_date": rng.date(2010, 10), "last_review_date": rng.date(2022, 5), "note": format!("liaison {i}")});
                w.create(&normdesk_core::schema::LIAISON, map(values))?;
            }
            for i in 0..PROJECTS {
                let input = serde_json::from_value(json!({
                    "reference": format!("ISO {}", 30_000 + i), "title_en": "Systems", "title_zh": "系统",
                    "tier": "international", "deliverable": "IS", "committee_id": committees[rng.next(COMMITTEES)],
                    "our_role": "participate", "leader_id": people[rng.next(PEOPLE)], "stage": "30.20",
                    "track_months": 36, "start_date": "2024-01-01", "target_date": "2026-06-01",
                    "limit_date": rng.date(2025, 3), "scope": "", "purpose": "", "relevant_documents": "",
                    "known_patents": "", "liaisons_engaged": "", "sample": false}))
                .expect("project");
                projects::create(w, input)?;
            }
            for i in 0..STATEMENTS {
                let purpose = ["action", "comment", "information", "response"][rng.next(4)];
                let direction = ["incoming", "outgoing"][rng.next(2)];
                let state = ["pending", "approved", "posted", "dead"][rng.next(4)];
                let values = json!({"direction": direction, "title": format!("Liaison statement {i}"),
                    "from_party": "ISO/TC 1000", "to_party": "Shenzhen", "committee_id": committees[rng.next(COMMITTEES)],
                    "purpose": purpose, "deadline": rng.date(2024, 4), "state": state});
                w.create(&normdesk_core::schema::STATEMENT, map(values))?;
            }
            for (name, measure, goal) in
                [("Standards", "international_projects", 600), ("Experts", "experts_trained", 500), ("Bodies", "organisations_in_city", 5)]
            {
                let values = json!({"name_en": name, "measure": measure, "goal": goal});
                w.create(&normdesk_core::schema::TARGET, map(values))?;
            }
            for i in 0..PEOPLE / 4 {
                let values = json!({"person_id": people[i * 4], "course": "Standards course", "date": "2025-05-01"});
                w.create(&normdesk_core::schema::TRAINING, map(values))?;
            }
            Ok((people, committees))
        })
        .expect("generate")
}

fn time<T>(runs: usize, mut f: impl FnMut(usize) -> T) -> Vec<Duration> {
    let mut times: Vec<Duration> = (0..runs)
        .map(|i| {
            let start = Instant::now();
            std::hint::black_box(f(i));
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
fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64()
}

/// Inserts the rows with one prepared INSERT in a transaction that is rolled back.
fn raw_insert(store: &Store, rows: &[(String, String, String, &str)]) {
    let tx = store.conn().unchecked_transaction().unwrap();
    let mut stmt = tx
        .prepare("INSERT INTO membership (id, person_id, committee_id, role, start_date, end_date, sample) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        .unwrap();
    for (id, p, c, role) in rows {
        stmt.execute(rusqlite::params![
            id,
            p,
            c,
            role,
            "2025-01-01",
            None::<String>,
            false
        ])
        .unwrap();
    }
}

/// This thread's CPU time so far (Linux; zero elsewhere).
fn cpu_time() -> Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .map(Duration::from_nanos)
        .unwrap_or_default()
}

/// Wall-clock and CPU time of one run.
fn measure(f: impl FnOnce()) -> (Duration, Duration) {
    let (wall, cpu) = (Instant::now(), cpu_time());
    f();
    (wall.elapsed(), cpu_time() - cpu)
}

/// The medians of wall-clock and CPU times.
fn medians(runs: &[(Duration, Duration)]) -> (Duration, Duration) {
    let mut wall: Vec<Duration> = runs.iter().map(|r| r.0).collect();
    let mut cpu: Vec<Duration> = runs.iter().map(|r| r.1).collect();
    wall.sort();
    cpu.sort();
    (median(&wall), median(&cpu))
}

fn ids(store: &Store, sql: &str) -> Vec<String> {
    let mut stmt = store.conn().prepare(sql).unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn main() {
    let keep = std::env::var_os("NORMDESK_BENCH_DB").map(std::path::PathBuf::from);
    let dir = std::env::temp_dir().join(format!("normdesk-bench-registers-{}", std::process::id()));
    let path = keep.clone().unwrap_or_else(|| dir.join("registers.db"));
    let reuse = keep.is_some() && path.exists();
    let mut store = Store::open(&path).unwrap();
    if !reuse {
        let start = Instant::now();
        generate(&mut store);
        println!(
            "generated {PEOPLE} people, {COMMITTEES} committees, {MEMBERSHIPS} memberships, {STATEMENTS} statements, \
             {LIAISONS} liaisons, {PROJECTS} projects through the replicated writer in {:.1} s",
            start.elapsed().as_secs_f64()
        );
        store.conn().execute_batch("ANALYZE").unwrap();
    }
    let people_ids = ids(
        &store,
        "SELECT id FROM person WHERE deleted = 0 ORDER BY rowid",
    );
    let committee_ids = ids(
        &store,
        "SELECT id FROM committee WHERE deleted = 0 ORDER BY rowid",
    );

    let person = time(RUNS, |i| {
        people::page(
            store.conn(),
            &people_ids[(i * 97) % people_ids.len()],
            Some(TODAY),
        )
        .unwrap()
    });
    let person_raw = time(RUNS, |i| {
        let mut stmt = store.conn().prepare_cached("SELECT id, committee_id, role, start_date, end_date FROM membership WHERE person_id = ?1 AND deleted = 0").unwrap();
        stmt.query_map([&people_ids[(i * 97) % people_ids.len()]], |r| {
            r.get::<_, String>(0)
        })
        .unwrap()
        .count()
    });
    println!(
        "person page (roles with committees, led projects, training): median {}  p95 {}  baseline {}  ratio {:.1}x  (limit: <= 20 ms)",
        ms(median(&person)),
        ms(p95(&person)),
        ms(median(&person_raw)),
        ratio(median(&person), median(&person_raw))
    );
    // Top-level committees have the most sub-committees; pick across all levels.
    let committee = time(RUNS, |i| {
        committees::page(
            store.conn(),
            &committee_ids[(i * 31) % committee_ids.len()],
            Some(TODAY),
        )
        .unwrap()
    });
    let committee_raw = time(RUNS, |i| {
        let mut stmt = store.conn().prepare_cached("SELECT id, person_id, role, start_date, end_date FROM membership WHERE committee_id = ?1 AND deleted = 0").unwrap();
        stmt.query_map([&committee_ids[(i * 31) % committee_ids.len()]], |r| {
            r.get::<_, String>(0)
        })
        .unwrap()
        .count()
    });
    println!(
        "committee page (members by role, projects, liaisons, sub-committees, ancestors): median {}  p95 {}  baseline {}  ratio {:.1}x  (limit: <= 20 ms)",
        ms(median(&committee)),
        ms(p95(&committee)),
        ms(median(&committee_raw)),
        ratio(median(&committee), median(&committee_raw))
    );

    let d = dashboard::dashboard(store.conn(), Some(TODAY)).unwrap();
    let dash = time(50, |_| {
        dashboard::dashboard(store.conn(), Some(TODAY)).unwrap()
    });
    let dash_raw = time(50, |_| {
        store.conn().prepare_cached("SELECT count(*) FROM statement WHERE deleted = 0 AND deadline <= '2026-12-11' AND state IN ('pending', 'approved')")
            .unwrap().query_row([], |r| r.get::<_, i64>(0)).unwrap()
    });
    println!(
        "dashboard ({} statements due or overdue, {} liaisons due, {} projects late, {} roles ending, {} targets): median {}  p95 {}  baseline {}  ratio {:.1}x  (limit: <= 50 ms)",
        d.statements.total,
        d.liaisons.total,
        d.projects.total,
        d.memberships.total,
        d.targets.len(),
        ms(median(&dash)),
        ms(p95(&dash)),
        ms(median(&dash_raw)),
        ratio(median(&dash), median(&dash_raw))
    );

    // 100,000 new memberships, as a spreadsheet names them and as raw rows.
    let mut rng = Lcg(99);
    let mut csv = String::from("person_id,committee_id,role,start_date,end_date\r\n");
    let mut raw_rows = Vec::with_capacity(MEMBERSHIPS);
    for _ in 0..MEMBERSHIPS {
        let (p, c, role) = (
            rng.next(PEOPLE),
            rng.next(COMMITTEES),
            ROLES[rng.next(ROLES.len())],
        );
        csv.push_str(&format!(
            "expert{p}@example.org,{},{role},2025-01-01,\r\n",
            committee_reference(c)
        ));
        raw_rows.push((
            uuid::Uuid::now_v7().to_string(),
            people_ids[p].clone(),
            committee_ids[c].clone(),
            role,
        ));
    }
    let preview_start = Instant::now();
    let preview = exchange::preview(
        store.conn(),
        "membership",
        "memberships.csv",
        csv.as_bytes(),
    )
    .unwrap();
    assert!(preview.ok());
    let preview_time = preview_start.elapsed();
    // Raw INSERT and import alternate, so a load that comes and goes on a shared machine
    // weighs on both; the figure is the ratio of the medians.
    let runs: usize = std::env::var("NORMDESK_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5);
    let (mut raw, mut import) = (Vec::new(), Vec::new());
    for _ in 0..runs {
        raw.push(measure(|| raw_insert(&store, &raw_rows)));
        import.push(measure(|| {
            let mut imported = 0;
            let outcome = store.write(Source::Import, |w| {
                imported =
                    exchange::import(w, "membership", "memberships.csv", csv.as_bytes())?.create;
                w.flush()?;
                Err::<(), _>(CoreError::invalid("bench", "roll back"))
            });
            assert!(
                matches!(outcome, Err(CoreError::Validation { ref field, .. }) if field == "bench"),
                "{outcome:?}"
            );
            assert_eq!(imported as usize, MEMBERSHIPS);
        }));
    }
    let per_sec = |d: Duration| MEMBERSHIPS as f64 / d.as_secs_f64();
    let (raw_wall, raw_cpu) = medians(&raw);
    let (import_wall, import_cpu) = medians(&import);
    println!(
        "  of which the preview (read, resolve keys, validate, plan; no writes): {:.2} s",
        preview_time.as_secs_f64()
    );
    let each: Vec<String> = raw
        .iter()
        .zip(&import)
        .map(|(r, i)| format!("{:.0}%", 100.0 * r.0.as_secs_f64() / i.0.as_secs_f64()))
        .collect();
    println!(
        "CSV import of {MEMBERSHIPS} memberships (keys resolved, validated, 6 logged fields each), median of {runs} runs \
         alternating with the baseline: {:.2} s = {:.0} rows/s (CPU {:.2} s)  raw INSERT {:.2} s = {:.0} rows/s (CPU {:.2} s)  \
         throughput {:.0}% of raw (CPU: {:.0}%; per run: {})  (limit: >= 30%)",
        import_wall.as_secs_f64(),
        per_sec(import_wall),
        import_cpu.as_secs_f64(),
        raw_wall.as_secs_f64(),
        per_sec(raw_wall),
        raw_cpu.as_secs_f64(),
        100.0 * per_sec(import_wall) / per_sec(raw_wall),
        100.0 * raw_cpu.as_secs_f64() / import_cpu.as_secs_f64(),
        each.join(" ")
    );
    drop(store);
    if keep.is_none() {
        let _ = std::fs::remove_dir_all(&dir);
    }
}
