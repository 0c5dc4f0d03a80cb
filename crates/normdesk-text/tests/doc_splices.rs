use normdesk_text::diff::{apply_splices, splices};
use normdesk_text::doc::{Doc, new_actor};

#[test]
fn document_splices_match_string_splices() {
    let cases = [
        (
            "1 Scope\r\nThis document specifies vertiports.\r\n\r\n2 Normative references\r\n",
            "\u{feff}1 Scope\nWith a BOM and no final newline, 𠀀 too",
        ),
        ("abc", "\u{feff}abc"),
        ("ab\r\ncd", "ab\ncd"),
    ];
    for (old, new) in cases {
        let mut doc = Doc::create(&new_actor());
        doc.splice(0, 0, old).unwrap();
        let s = splices(old, new);
        assert_eq!(apply_splices(old, &s), new, "{s:?}");
        let mut cur = old.to_owned();
        for sp in &s {
            doc.splice(sp.pos as usize, sp.delete as usize, &sp.insert)
                .unwrap();
            cur = apply_splices(&cur, std::slice::from_ref(sp));
            assert_eq!(doc.text(), cur, "after {sp:?}");
        }
        assert_eq!(doc.text(), new, "{s:?}");
    }
}
