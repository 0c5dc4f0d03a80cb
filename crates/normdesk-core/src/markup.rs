//! The draft markup's rules that more than one part of Normdesk reads (docs/draft-markup.md): the
//! editor's outline (normdesk-text) and the draft packet (packets/) must see the same headings.

/// `4`, `4.2.1`, `A.1` at the start of a line, then a space, tab or ideographic space and the
/// title (as the editor's outline reads it). A bare `7` is not a heading; a bare `3.1` is.
pub fn clause_number(line: &str) -> Option<(Vec<&str>, &str)> {
    let end = line.find([' ', '\t', '\u{3000}']).unwrap_or(line.len());
    let (number, rest) = line.split_at(end);
    let parts: Vec<&str> = number.split('.').collect();
    let first = parts[0];
    let lettered = first.len() == 1 && first.as_bytes()[0].is_ascii_uppercase();
    let numeric = |p: &str, max: usize| {
        !p.is_empty() && p.len() <= max && p.bytes().all(|b| b.is_ascii_digit())
    };
    let ok = if lettered {
        parts.len() >= 2
    } else {
        numeric(first, 2) && first != "0"
    } && parts[1..].iter().all(|p| numeric(p, 3));
    if !ok || line.encode_utf16().count() > 200 {
        return None;
    }
    let title = rest.trim_start_matches([' ', '\t', '\u{3000}']);
    if title.is_empty() && parts.len() == 1 {
        return None;
    }
    Some((parts, title))
}
