//! Writes `ui/src/bindings.ts` from the command signatures (`make bindings`).

fn main() {
    let path = normdesk_desktop::bindings::committed_path();
    if let Err(e) = normdesk_desktop::bindings::export(&path) {
        eprintln!("cannot write {}: {e}", path.display());
        std::process::exit(1);
    }
    println!("wrote {}", path.display());
}
