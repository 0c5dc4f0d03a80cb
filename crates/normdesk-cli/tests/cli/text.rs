//! `normdesk text get/set` through the real binary: byte-exact round trips (CRLF, a BOM, Chinese
//! without a BOM), a replacement that becomes a minimal edit, refusals that write nothing, and
//! ballot comments with `new/set/list/rm comment`.

use crate::support::Nd;

fn project(nd: &Nd) -> String {
    nd.new_record(
        "project",
        &[
            "reference=ISO/CD 21384-5",
            "title_en=Vertiports",
            "tier=international",
            "deliverable=IS",
            "our_role=lead",
            "stage=30.20",
        ],
    )
}

#[test]
fn text_set_then_get_is_byte_exact() {
    let nd = Nd::new();
    let p = project(&nd);
    let cases: &[(&str, &[u8])] = &[
        (
            "en",
            b"1 Scope\r\nThis document specifies vertiports.\r\n\r\n2 Normative references\r\n",
        ),
        (
            "zh",
            "1 范围\n本文件规定了垂直起降场的要求。\n注：不含BOM。".as_bytes(),
        ),
        (
            "en",
            "\u{feff}1 Scope\nWith a BOM and no final newline, 𠀀 too".as_bytes(),
        ),
        ("zh", b""),
    ];
    for (lang, bytes) in cases {
        let file = nd.dir().join("in.txt");
        std::fs::write(&file, bytes).unwrap();
        nd.ok(&[
            "text",
            "set",
            &p,
            "--file",
            file.to_str().unwrap(),
            "--lang",
            lang,
        ]);
        let got = nd.run(&["text", "get", &p, "--lang", lang]);
        assert_eq!(got.code, 0, "{}", got.stderr);
        assert_eq!(&got.stdout_bytes[..], *bytes, "lang {lang}");
    }
    // The draft id works too, and the packets' plain copy (dump) holds the same text.
    let dump = String::from_utf8(nd.dump()).unwrap();
    assert!(dump.contains("With a BOM and no final newline"), "{dump}");
}

#[test]
fn a_file_that_is_not_utf8_is_refused_and_nothing_is_written() {
    let nd = Nd::new();
    let p = project(&nd);
    let file = nd.dir().join("gbk.txt");
    std::fs::write(&file, b"1 \xb7\xb6\xce\xa7\n").unwrap(); // 范围 in GBK
    let before = nd.dump();
    let run = nd.run(&["text", "set", &p, "--file", file.to_str().unwrap()]);
    assert_ne!(run.code, 0);
    assert!(
        run.stderr.contains("is not UTF-8") && run.stderr.contains("nothing was written"),
        "{}",
        run.stderr
    );
    assert_eq!(nd.dump(), before);
}

#[test]
fn comments_are_made_changed_listed_and_removed_under_the_template_fields() {
    let nd = Nd::new();
    let p = project(&nd);
    let id = nd.new_record(
        "comment",
        &[
            &format!("project_id={p}"),
            "mb=DE",
            "line=12",
            "clause=4.2",
            "paragraph=Table 1",
            "type=te",
            "comment=Unclear",
            "proposed_change=Say 30 m",
        ],
    );
    nd.ok(&[
        "set",
        "comment",
        &id,
        "disposition=accepted_in_principle",
        "observation=See new text",
    ]);
    let list = nd.json(&["list", "comment", "--json"]);
    let c = &list[0];
    for (k, v) in [
        ("mb", "DE"),
        ("clause", "4.2"),
        ("type", "te"),
        ("disposition", "accepted_in_principle"),
        ("observation", "See new text"),
    ] {
        assert_eq!(c[k], v, "{k}");
    }
    let run = nd.run(&["set", "comment", &id, "disposition=rejected"]);
    assert!(
        run.code != 0 && run.stderr.contains("disposition") && run.stderr.contains("not_accepted"),
        "{}",
        run.stderr
    );
    let before = nd.dump();
    let run = nd.run(&["set", "comment", &id, "mb="]);
    assert!(
        run.code != 0 && run.stderr.contains("member body"),
        "{}",
        run.stderr
    );
    let run = nd.run(&[
        "new",
        "comment",
        &format!("project_id={p}"),
        "mb=FR",
        "type=ed",
    ]);
    assert!(
        run.code != 0 && run.stderr.contains("clause"),
        "{}",
        run.stderr
    );
    assert_eq!(nd.dump(), before, "nothing written");
    let run = nd.run(&["set", "comment", &id, "type=xx"]);
    assert!(
        run.code != 0 && run.stderr.contains("ge, te, ed"),
        "{}",
        run.stderr
    );
    nd.ok(&["rm", "comment", &id]);
    assert_eq!(
        nd.json(&["list", "comment", "--json"])
            .as_array()
            .unwrap()
            .len(),
        0
    );
}
