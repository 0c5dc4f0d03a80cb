//! The demo data set: real committees, organisations and liaison links (facts from DOMAIN.md §7),
//! the city programme's default targets, and a dozen sample projects with a few sample people,
//! their roles and training, and a short thread of sample liaison statements, all marked
//! `sample`. Ids are derived from stable keys, so loading it twice — or on two workstations —
//! makes the same records once.

use serde_json::{Map, Value, json};

use crate::error::Result;
use crate::projects::{self, ProjectInput};
use crate::schema::{self, EntitySpec};
use crate::store::Store;
use crate::writer::{Source, Writer};

/// The id of a demo record, stable across loads and workstations.
pub fn demo_id(kind: &str, key: &str) -> String {
    const NAMESPACE: uuid::Uuid = uuid::Uuid::from_u128(0x6e6f726d_6465_736b_8000_64656d6f0001);
    uuid::Uuid::new_v5(&NAMESPACE, format!("{kind}:{key}").as_bytes()).to_string()
}

/// Loads the demo set; records already present are left as they are. Returns how many were added.
pub fn load(store: &mut Store) -> Result<usize> {
    store.write(Source::Demo, |w| {
        let mut added = 0;
        for (acronym, name_en, name_zh, kind, country) in ORGANISATIONS {
            let values = json!({"acronym": acronym, "name_en": name_en, "name_zh": name_zh, "kind": kind, "country": country});
            added += put(w, &schema::ORGANISATION, acronym, values)?;
        }
        for (reference, title_en, title_zh, org, parent, kind, secretariat, membership) in COMMITTEES {
            let mut values = json!({"reference": reference, "title_en": title_en, "title_zh": title_zh,
                "organisation_id": demo_id("organisation", org), "kind": kind, "secretariat": secretariat,
                "membership": membership});
            if !parent.is_empty() {
                values["parent_id"] = Value::String(demo_id("committee", parent));
            }
            added += put(w, &schema::COMMITTEE, reference, values)?;
        }
        for (key, committee, org, category, established, note) in LIAISONS {
            let values = json!({"committee_id": demo_id("committee", committee),
                "organisation_id": demo_id("organisation", org), "category": category,
                "established_date": if established.is_empty() { Value::Null } else { json!(established) },
                "note": note, "sample": false});
            added += put(w, &schema::LIAISON, key, values)?;
        }
        for (key, name_en, name_zh, measure, goal) in TARGETS {
            let values = json!({"name_en": name_en, "name_zh": name_zh, "measure": measure, "goal": goal});
            added += put(w, &schema::TARGET, key, values)?;
        }
        for (key, name_zh, name_en, email, expertise) in PEOPLE {
            let values = json!({"name_zh": name_zh, "name_en": name_en, "email": email, "expertise": expertise, "sample": true});
            added += put(w, &schema::PERSON, key, values)?;
        }
        for (key, person, committee, role, start, end) in MEMBERSHIPS {
            let values = json!({"person_id": demo_id("person", person), "committee_id": demo_id("committee", committee),
                "role": role, "start_date": start, "end_date": if end.is_empty() { Value::Null } else { json!(end) },
                "sample": true});
            added += put(w, &schema::MEMBERSHIP, key, values)?;
        }
        for (key, person, course, date) in TRAINING {
            let values = json!({"person_id": demo_id("person", person), "course": course, "date": date});
            added += put(w, &schema::TRAINING, key, values)?;
        }
        for st in STATEMENTS {
            let opt = |kind: &str, key: &str| if key.is_empty() { Value::Null } else { json!(demo_id(kind, key)) };
            let values = json!({"direction": st.direction, "title": st.title, "from_party": st.from, "to_party": st.to,
                "committee_id": opt("committee", st.committee), "liaison_id": opt("liaison", st.liaison),
                "purpose": st.purpose, "deadline": if st.deadline.is_empty() { Value::Null } else { json!(st.deadline) },
                "state": st.state, "in_response_to": opt("statement", st.in_response_to), "body": st.body, "sample": true});
            added += put(w, &schema::STATEMENT, st.key, values)?;
            // The event log a statement made at a workstation would have, with stable ids and times.
            let what = format!("created: {}, for {}, {}", st.direction, st.purpose, st.state);
            let event = json!({"statement_id": demo_id("statement", st.key), "at": st.created,
                "actor": "Demo data", "what": what});
            added += put(w, &schema::STATEMENT_EVENT, st.key, event)?;
        }
        for project in sample_projects() {
            let id = demo_id("project", &project.reference);
            if !exists(w, &schema::PROJECT, &id)? {
                projects::create_with_id(w, &id, project)?;
                added += 1;
            }
        }
        Ok(added)
    })
}

/// Loads the demo set into a brand-new database, once: a store whose owner emptied it is not
/// refilled. Returns whether it loaded.
pub fn seed_if_new(store: &mut Store) -> Result<bool> {
    if store.setting("demo_seeded")?.is_some() {
        return Ok(false);
    }
    let empty = crate::dump::stats(store.conn())?
        .values()
        .all(|n| n.as_i64() == Some(0));
    if empty {
        load(store)?;
    }
    store.set_setting("demo_seeded", if empty { "yes" } else { "skipped" })?;
    Ok(empty)
}

fn put(w: &mut Writer<'_>, spec: &'static EntitySpec, key: &str, values: Value) -> Result<usize> {
    let id = demo_id(spec.name, key);
    if exists(w, spec, &id)? {
        return Ok(0);
    }
    let Value::Object(map) = values else {
        return Ok(0);
    };
    let map: Map<String, Value> = map.into_iter().filter(|(_, v)| !v.is_null()).collect();
    w.create_with_id(spec, &id, map)?;
    Ok(1)
}

fn exists(w: &Writer<'_>, spec: &EntitySpec, id: &str) -> Result<bool> {
    Ok(w.conn().query_row(
        &format!(
            "SELECT EXISTS(SELECT 1 FROM {} WHERE id = ?1)",
            spec.table()
        ),
        [id],
        |r| r.get(0),
    )?)
}

/// (acronym, name_en, name_zh, kind, country) — DOMAIN.md §7.2.
const ORGANISATIONS: &[(&str, &str, &str, &str, &str)] = &[
    (
        "ISO",
        "International Organization for Standardization",
        "国际标准化组织",
        "international_sdo",
        "CH",
    ),
    (
        "IEC",
        "International Electrotechnical Commission",
        "国际电工委员会",
        "international_sdo",
        "CH",
    ),
    (
        "ITU-T",
        "ITU Telecommunication Standardization Sector",
        "国际电信联盟电信标准化部门",
        "international_sdo",
        "CH",
    ),
    (
        "IEEE SA",
        "IEEE Standards Association",
        "电气电子工程师学会标准协会",
        "consortium",
        "US",
    ),
    (
        "CEN",
        "European Committee for Standardization",
        "欧洲标准化委员会",
        "regional_sdo",
        "BE",
    ),
    (
        "CENELEC",
        "European Committee for Electrotechnical Standardization",
        "欧洲电工标准化委员会",
        "regional_sdo",
        "BE",
    ),
    (
        "ETSI",
        "European Telecommunications Standards Institute",
        "欧洲电信标准协会",
        "regional_sdo",
        "FR",
    ),
    (
        "IETF",
        "Internet Engineering Task Force",
        "互联网工程任务组",
        "consortium",
        "",
    ),
    (
        "W3C",
        "World Wide Web Consortium",
        "万维网联盟",
        "consortium",
        "",
    ),
    (
        "OASIS",
        "OASIS Open",
        "结构化信息标准促进组织",
        "consortium",
        "",
    ),
    (
        "PASC",
        "Pacific Area Standards Congress",
        "太平洋地区标准大会",
        "regional_sdo",
        "",
    ),
    (
        "APEC SCSC",
        "APEC Sub-Committee on Standards and Conformance",
        "亚太经合组织标准与符合性分委员会",
        "government",
        "",
    ),
    (
        "SAC",
        "Standardization Administration of China",
        "国家标准化管理委员会",
        "national_body",
        "CN",
    ),
    (
        "WFCMS",
        "World Federation of Chinese Medicine Societies",
        "世界中医药学会联合会",
        "consortium",
        "",
    ),
    (
        "WFAS",
        "World Federation of Acupuncture-Moxibustion Societies",
        "世界针灸学会联合会",
        "consortium",
        "",
    ),
    (
        "NIA",
        "Nanotechnology Industries Association",
        "纳米技术产业协会",
        "consortium",
        "",
    ),
    ("Ecma", "Ecma International", "Ecma国际", "consortium", "CH"),
    (
        "Unicode",
        "Unicode Consortium",
        "Unicode联盟",
        "consortium",
        "US",
    ),
];

/// (reference, title_en, title_zh, organisation, parent, kind, secretariat, our membership) — §7.1.
type CommitteeRow = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);
const COMMITTEES: &[CommitteeRow] = &[
    (
        "ISO/TC 20",
        "Aircraft and space vehicles",
        "飞机和航天器",
        "ISO",
        "",
        "TC",
        "United States (Aerospace Industries Association)",
        "none",
    ),
    (
        "ISO/TC 20/SC 9",
        "Air cargo and ground equipment",
        "航空货运和地面设备",
        "ISO",
        "ISO/TC 20",
        "SC",
        "AFNOR (France)",
        "none",
    ),
    (
        "ISO/TC 20/SC 14",
        "Space systems and operations",
        "空间系统与运行",
        "ISO",
        "ISO/TC 20",
        "SC",
        "United States (AIAA)",
        "none",
    ),
    (
        "ISO/TC 20/SC 16",
        "Unmanned aircraft systems",
        "无人驾驶航空器系统",
        "ISO",
        "ISO/TC 20",
        "SC",
        "ANSI (United States)",
        "none",
    ),
    (
        "ISO/IEC JTC 1",
        "Information technology",
        "信息技术",
        "ISO",
        "",
        "TC",
        "ANSI (United States)",
        "none",
    ),
    (
        "ISO/IEC JTC 1/SC 22",
        "Programming languages, their environments and system software interfaces",
        "程序设计语言、其环境及系统软件接口",
        "ISO",
        "ISO/IEC JTC 1",
        "SC",
        "",
        "none",
    ),
    (
        "ISO/IEC JTC 1/SC 41",
        "Internet of things and digital twin",
        "物联网和数字孪生",
        "ISO",
        "ISO/IEC JTC 1",
        "SC",
        "Republic of Korea",
        "none",
    ),
    (
        "ISO/IEC JTC 1/SC 42",
        "Artificial intelligence",
        "人工智能",
        "ISO",
        "ISO/IEC JTC 1",
        "SC",
        "ANSI (United States)",
        "none",
    ),
    (
        "IEC TC 100",
        "Audio, video and multimedia systems and equipment",
        "音频、视频和多媒体系统与设备",
        "IEC",
        "",
        "TC",
        "Japan",
        "none",
    ),
    (
        "IEC TC 113",
        "Nanotechnology for electrotechnical products and systems",
        "电工产品和系统的纳米技术",
        "IEC",
        "",
        "TC",
        "",
        "none",
    ),
    (
        "ISO/TC 215",
        "Health informatics",
        "健康信息学",
        "ISO",
        "",
        "TC",
        "",
        "none",
    ),
    (
        "ISO/TC 229",
        "Nanotechnologies",
        "纳米技术",
        "ISO",
        "",
        "TC",
        "BSI (United Kingdom)",
        "none",
    ),
    (
        "ISO/TC 229/JWG 1",
        "Terminology and nomenclature",
        "术语和命名",
        "ISO",
        "ISO/TC 229",
        "JWG",
        "",
        "none",
    ),
    (
        "ISO/TC 229/JWG 2",
        "Measurement and characterization",
        "测量和表征",
        "ISO",
        "ISO/TC 229",
        "JWG",
        "",
        "none",
    ),
    (
        "ISO/TC 249",
        "Traditional Chinese medicine",
        "中医药",
        "ISO",
        "",
        "TC",
        "SAC (China)",
        "secretariat",
    ),
    (
        "ISO/TC 282",
        "Water reuse",
        "水回用",
        "ISO",
        "",
        "TC",
        "JISC (Japan)",
        "none",
    ),
    (
        "ISO/TC 282/SC 1",
        "Treated wastewater reuse for irrigation",
        "灌溉用处理后污水回用",
        "ISO",
        "ISO/TC 282",
        "SC",
        "",
        "none",
    ),
    (
        "ISO/TC 282/SC 2",
        "Water reuse in urban areas",
        "城市水回用",
        "ISO",
        "ISO/TC 282",
        "SC",
        "",
        "none",
    ),
    (
        "ISO/TC 282/SC 3",
        "Risk and performance evaluation of water reuse systems",
        "水回用系统风险与性能评价",
        "ISO",
        "ISO/TC 282",
        "SC",
        "",
        "none",
    ),
    (
        "ISO/TC 282/SC 4",
        "Industrial water reuse",
        "工业水回用",
        "ISO",
        "ISO/TC 282",
        "SC",
        "",
        "none",
    ),
    (
        "ISO/TC 309",
        "Governance of organizations",
        "组织治理",
        "ISO",
        "",
        "TC",
        "",
        "none",
    ),
    (
        "ISO/TC 342",
        "Management consultancy",
        "管理咨询",
        "ISO",
        "",
        "TC",
        "China (CCPIT Commercial Sub-Council)",
        "secretariat",
    ),
    (
        "SAC/TC 486",
        "National Science and Technology Platform Standardization Technical Committee",
        "全国科技平台标准化技术委员会",
        "SAC",
        "",
        "TC",
        "",
        "none",
    ),
];

/// (key, committee, organisation, category, established, note) — §7.3.
const LIAISONS: &[(&str, &str, &str, &str, &str, &str)] = &[
    ("sc42-ieee", "ISO/IEC JTC 1/SC 42", "IEEE SA", "A", "", ""),
    ("tc229-nia", "ISO/TC 229", "NIA", "A", "2013-04-17", ""),
    (
        "tc229-iec-tc113",
        "ISO/TC 229",
        "IEC",
        "internal",
        "",
        "Joint working groups with IEC TC 113: JWG 1 terminology, JWG 2 measurement",
    ),
    (
        "tc249-tc215",
        "ISO/TC 249",
        "ISO",
        "internal",
        "",
        "JWG 1 informatics with ISO/TC 215",
    ),
    ("jtc1-ecma", "ISO/IEC JTC 1", "Ecma", "A", "", ""),
    ("jtc1-ieee-psdo", "ISO/IEC JTC 1", "IEEE SA", "PSDO", "", ""),
    (
        "jtc1-itu-t",
        "ISO/IEC JTC 1",
        "ITU-T",
        "A.23",
        "",
        "Collaboration under ITU-T Recommendation A.23",
    ),
    (
        "sc22-unicode",
        "ISO/IEC JTC 1/SC 22",
        "Unicode",
        "A",
        "",
        "",
    ),
];

/// The city programme's targets (key, name_en, name_zh, measure, goal).
const TARGETS: &[(&str, &str, &str, &str, i64)] = &[
    (
        "intl-standards",
        "International standards led or joined",
        "主导或参与制定国际标准",
        "international_projects",
        600,
    ),
    (
        "experts-trained",
        "International-standards experts trained",
        "培养国际标准化专家",
        "experts_trained",
        500,
    ),
    (
        "orgs-in-city",
        "International organisations in the city",
        "引进国际标准组织",
        "organisations_in_city",
        5,
    ),
];

/// Sample people (key, name_zh, name_en, email, expertise). Invented; marked sample.
const PEOPLE: &[(&str, &str, &str, &str, &str)] = &[
    (
        "li-ming",
        "李明",
        "Li Ming",
        "li.ming@example.org",
        "unmanned aircraft, airworthiness",
    ),
    (
        "chen-jing",
        "陈静",
        "Chen Jing",
        "chen.jing@example.org",
        "artificial intelligence, data quality",
    ),
    (
        "wang-fang",
        "王芳",
        "Wang Fang",
        "wang.fang@example.org",
        "water reuse, environment",
    ),
    (
        "zhao-lei",
        "赵磊",
        "Zhao Lei",
        "zhao.lei@example.org",
        "metamaterials, electromagnetic testing",
    ),
    (
        "liu-yang",
        "刘洋",
        "Liu Yang",
        "liu.yang@example.org",
        "traditional Chinese medicine",
    ),
];

/// Sample memberships (key, person, committee, role, start, end — empty while held).
const MEMBERSHIPS: &[(&str, &str, &str, &str, &str, &str)] = &[
    (
        "li-ming-sc16",
        "li-ming",
        "ISO/TC 20/SC 16",
        "project_leader",
        "2021-03-01",
        "",
    ),
    (
        "li-ming-sc16-expert",
        "li-ming",
        "ISO/TC 20/SC 16",
        "expert",
        "2016-01-01",
        "2021-02-28",
    ),
    (
        "chen-jing-sc42",
        "chen-jing",
        "ISO/IEC JTC 1/SC 42",
        "expert",
        "2019-06-15",
        "",
    ),
    (
        "wang-fang-tc282",
        "wang-fang",
        "ISO/TC 282/SC 2",
        "project_leader",
        "2018-09-01",
        "",
    ),
    (
        "liu-yang-tc249",
        "liu-yang",
        "ISO/TC 249",
        "delegate",
        "2020-01-10",
        "",
    ),
];

/// Sample training records (key, person, course, date). Invented courses, marked as samples.
const TRAINING: &[(&str, &str, &str, &str)] = &[
    (
        "li-ming-2024",
        "li-ming",
        "International standardization fundamentals (sample course)",
        "2024-05-20",
    ),
    (
        "chen-jing-2025",
        "chen-jing",
        "Drafting ISO/IEC deliverables (sample course)",
        "2025-03-12",
    ),
    (
        "wang-fang-2023",
        "wang-fang",
        "Convenor and project leader training (sample course)",
        "2023-10-09",
    ),
];

/// A sample liaison statement. Invented, marked `sample` and "(sample)" in the title.
struct SampleStatement {
    key: &'static str,
    direction: &'static str,
    title: &'static str,
    from: &'static str,
    to: &'static str,
    committee: &'static str,
    liaison: &'static str,
    purpose: &'static str,
    deadline: &'static str,
    state: &'static str,
    in_response_to: &'static str,
    body: &'static str,
    created: &'static str,
}

const STATEMENTS: &[SampleStatement] = &[
    SampleStatement {
        key: "sc16-vertiport-request",
        direction: "incoming",
        title: "Request for comments on vertiport operations terminology (sample)",
        from: "ISO/TC 20/SC 16 secretariat",
        to: "Shenzhen mirror committee (sample)",
        committee: "ISO/TC 20/SC 16",
        liaison: "",
        purpose: "comment",
        deadline: "2026-12-15",
        state: "pending",
        in_response_to: "",
        body: "Sample text: comments are requested on the draft terms for vertiport operations.",
        created: "2026-11-02T01:30:00.000Z",
    },
    SampleStatement {
        key: "sc16-vertiport-reply",
        direction: "outgoing",
        title: "Reply: comments on vertiport operations terminology (sample)",
        from: "Shenzhen mirror committee (sample)",
        to: "ISO/TC 20/SC 16 secretariat",
        committee: "ISO/TC 20/SC 16",
        liaison: "",
        purpose: "response",
        deadline: "",
        state: "approved",
        in_response_to: "sc16-vertiport-request",
        body: "Sample text: our comments are attached.",
        created: "2026-11-20T06:00:00.000Z",
    },
    SampleStatement {
        key: "sc42-ieee-data-quality",
        direction: "incoming",
        title: "Information on data-quality work (sample)",
        from: "IEEE SA (sample)",
        to: "ISO/IEC JTC 1/SC 42",
        committee: "ISO/IEC JTC 1/SC 42",
        liaison: "sc42-ieee",
        purpose: "information",
        deadline: "",
        state: "posted",
        in_response_to: "",
        body: "",
        created: "2026-10-05T08:15:00.000Z",
    },
];

fn sample_projects() -> Vec<ProjectInput> {
    let p = |reference: &str,
             title_en: &str,
             title_zh: &str,
             tier: &str,
             deliverable: &str,
             committee: &str,
             our_role: &str,
             leader: &str,
             stage: &str,
             dates: (&str, &str, &str)| {
        let opt = |s: &str| (!s.is_empty()).then(|| s.to_owned());
        let value = json!({
            "reference": reference, "title_en": title_en, "title_zh": title_zh, "tier": tier,
            "deliverable": deliverable,
            "committee_id": opt(committee).map(|c| demo_id("committee", &c)),
            "our_role": our_role,
            "leader_id": opt(leader).map(|l| demo_id("person", &l)),
            "stage": stage, "track_months": 36,
            "start_date": opt(dates.0), "target_date": opt(dates.1), "limit_date": opt(dates.2),
            "scope": "", "purpose": "", "relevant_documents": "", "known_patents": "", "liaisons_engaged": "",
            "sample": true,
        });
        serde_json::from_value::<ProjectInput>(value).expect("demo project is well-formed")
    };
    vec![
        p(
            "ISO/CD 21384-5",
            "Unmanned aircraft systems — Part 5: Vertiport operations (sample)",
            "无人驾驶航空器系统 第5部分：垂直起降场运行（示例）",
            "international",
            "IS",
            "ISO/TC 20/SC 16",
            "lead",
            "li-ming",
            "30.20",
            ("2024-03-01", "2027-03-01", "2027-09-01"),
        ),
        p(
            "ISO/IEC AWI 42119 (sample)",
            "Artificial intelligence — Data quality for analytics (sample)",
            "人工智能 分析用数据质量（示例）",
            "international",
            "TS",
            "ISO/IEC JTC 1/SC 42",
            "co_lead",
            "chen-jing",
            "20.00",
            ("2025-05-01", "2027-11-01", "2028-05-01"),
        ),
        p(
            "ISO/DIS 20760-3 (sample)",
            "Water reuse in urban areas — Part 3: Monitoring (sample)",
            "城市水回用 第3部分：监测（示例）",
            "international",
            "IS",
            "ISO/TC 282/SC 2",
            "lead",
            "wang-fang",
            "40.20",
            ("2022-01-15", "2025-01-15", "2025-07-15"),
        ),
        p(
            "ISO/FDIS 23956 (sample)",
            "Traditional Chinese medicine — Quality of herbal decoction pieces (sample)",
            "中医药 饮片质量（示例）",
            "international",
            "IS",
            "ISO/TC 249",
            "participate",
            "liu-yang",
            "50.20",
            ("2022-06-01", "2025-06-01", "2026-06-01"),
        ),
        p(
            "IEC TS 62607-6-30 (sample)",
            "Nanomanufacturing — Key control characteristics — Graphene films (sample)",
            "纳米制造 关键控制特性 石墨烯薄膜（示例）",
            "international",
            "TS",
            "IEC TC 113",
            "participate",
            "",
            "30.60",
            ("2023-09-01", "2026-09-01", "2027-03-01"),
        ),
        p(
            "ISO/NP 24320 (sample)",
            "Management consultancy — Competence of consultants (sample)",
            "管理咨询 咨询人员能力（示例）",
            "international",
            "IS",
            "ISO/TC 342",
            "lead",
            "",
            "10.20",
            ("2026-02-01", "2029-02-01", "2029-08-01"),
        ),
        p(
            "CEN/TS 17999 (sample)",
            "Unmanned aircraft systems — Remote identification test methods (sample)",
            "无人驾驶航空器系统 远程识别测试方法（示例）",
            "regional",
            "TS",
            "",
            "participate",
            "",
            "40.60",
            ("2024-01-10", "2026-01-10", "2026-07-10"),
        ),
        p(
            "GB/T 46001-2026 (sample)",
            "Unmanned aircraft systems — Terminology (sample)",
            "无人驾驶航空器系统 术语（示例）",
            "national",
            "GB/T",
            "",
            "co_lead",
            "li-ming",
            "50.00",
            ("2024-04-01", "2026-04-01", "2026-10-01"),
        ),
        p(
            "YY/T 1999-2026 (sample)",
            "Acupuncture needles — Sterile single-use (sample)",
            "一次性使用无菌针灸针（示例）",
            "sector",
            "sector",
            "",
            "participate",
            "liu-yang",
            "20.20",
            ("2025-03-01", "2027-03-01", "2027-09-01"),
        ),
        p(
            "DB4403/T 520-2026 (sample)",
            "Low-altitude economy — Take-off and landing sites for drones (sample)",
            "低空经济 无人机起降场建设规范（示例）",
            "local",
            "DB/T",
            "",
            "lead",
            "li-ming",
            "30.00",
            ("2025-01-01", "2026-01-01", "2026-06-30"),
        ),
        p(
            "DB4403/T 298-2022",
            "Meteorological warning signals",
            "气象预警信号",
            "local",
            "DB/T",
            "",
            "participate",
            "",
            "60.60",
            ("2021-03-01", "2022-03-01", "2022-09-01"),
        ),
        p(
            "T/SZS 101-2026 (sample)",
            "Metamaterials — Test methods for electromagnetic properties (sample)",
            "超材料 电磁性能测试方法（示例）",
            "group",
            "T",
            "",
            "lead",
            "zhao-lei",
            "30.20",
            ("2025-10-01", "2026-10-01", "2027-04-01"),
        ),
        p(
            "Q/SZX 001-2026 (sample)",
            "Smart water meters — Enterprise specification (sample)",
            "智能水表 企业规范（示例）",
            "enterprise",
            "Q",
            "",
            "lead",
            "wang-fang",
            "60.60",
            ("2025-06-01", "2026-01-01", "2026-03-01"),
        ),
    ]
}
