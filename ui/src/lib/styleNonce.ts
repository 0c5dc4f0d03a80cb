// The CSP nonce for style elements the page creates itself. The CSP (tauri.conf.json) allows
// no inline styles, and CodeMirror puts its base theme (layout of the editor, its cursor and
// selection layers, the find panel) into a <style> element it creates. Tauri gives each
// <style> of index.html a fresh nonce per page load and allows exactly that nonce, so the empty
// <style> there carries one; the editor passes it on (EditorView.cspNonce).

/** The nonce of the page's nonced <style> element, if it has one. */
export function styleNonce(doc: Document = document): string | undefined {
  const el = doc.querySelector<HTMLStyleElement>("style[nonce]");
  // Browsers hide the attribute's value once the page is parsed; the property keeps it.
  return el?.nonce || el?.getAttribute("nonce") || undefined;
}
