// A realistic standard's draft text in Normdesk's markup (docs/draft-markup.md), of about a
// given size: foreword, scope, normative references, terms and definitions, numbered clauses and
// sub-clauses with notes, examples, tables and figures, and annexes — numbered exactly as the
// renumbering rule numbers them, so opening or editing it changes no number. English drafts
// carry Chinese terms in their tables; Chinese drafts Latin references and units.
// Deterministic: the same size and language give the same text.
//
// Usage as a program: node tests/bench/standardText.mjs en|zh BYTES > draft.txt

const EN_WORDS = `vertiport pad surface aircraft operator lighting marking safety area approach departure
  clearance obstacle wind load design inspection maintenance personnel equipment fire rescue
  charging battery noise visual aid procedure record requirement limit value measurement method
  structure drainage slope friction touchdown lift-off final approach take-off zone perimeter`.split(/\s+/);
const EN_VERBS = ["shall be", "should be", "may be", "is", "shall remain", "shall not be"];
const EN_ADJ = ["level", "free of debris", "clearly visible", "inspected daily", "documented", "protected", "accessible", "marked in white"];
const ZH_WORDS = `垂直起降场 起降区 表面 航空器 运营人 灯光 标志 安全区 进近 离场 净空 障碍物 风 荷载 设计 检查 维护
  人员 设备 消防 救援 充电 电池 噪声 目视助航 程序 记录 要求 限值 测量 方法 结构 排水 坡度 摩擦 接地 离地`.split(/\s+/);
const ZH_VERBS = ["应", "宜", "可", "不应", "应保持"];
const ZH_ADJ = ["平整", "无杂物", "清晰可见", "每日检查", "形成文件", "受到保护", "便于进入", "以白色标示"];

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The draft text (`lang` en or zh) of at least `bytes` UTF-8 bytes, ending at a clause's end. */
export function standardText(lang, bytes) {
  const zh = lang === "zh";
  const rand = rng(zh ? 86 : 44);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const sentence = (clause) => {
    if (zh) {
      const n = 2 + Math.floor(rand() * 3);
      const parts = [];
      for (let i = 0; i < n; i++) parts.push(`${pick(ZH_WORDS)}的${pick(ZH_WORDS)}${pick(ZH_VERBS)}${pick(ZH_ADJ)}`);
      return `${parts.join("，")}，并符合${clause}的规定（见ISO 21384-3:2019，${Math.floor(rand() * 90 + 10)} m）。`;
    }
    const n = 5 + Math.floor(rand() * 8);
    const words = [];
    for (let i = 0; i < n; i++) words.push(pick(EN_WORDS));
    const w = words.join(" ");
    return `The ${w} ${pick(EN_VERBS)} ${pick(EN_ADJ)} as specified in ${clause} and ISO 21384-3:2019, at ${Math.floor(rand() * 90 + 10)} m.`;
  };
  const paragraph = (clause) => {
    const n = 1 + Math.floor(rand() * 3);
    const out = [];
    for (let i = 0; i < n; i++) out.push(sentence(clause));
    return out.join(zh ? "" : " ");
  };
  const lines = [];
  let size = 0;
  const push = (line) => {
    lines.push(line);
    size += Buffer.byteLength(line, "utf8") + 1;
  };
  // Notes and examples of one clause: one alone is unnumbered, several are numbered.
  const notes = (clause, kind) => {
    const n = rand() < 0.5 ? 0 : 1 + Math.floor(rand() * 3);
    for (let i = 1; i <= n; i++) {
      const label = zh ? (kind === "note" ? "注" : "示例") : kind === "note" ? "NOTE" : "EXAMPLE";
      const number = n > 1 ? (zh ? `${i}` : ` ${i}`) : "";
      push(zh ? `${label}${number}：${sentence(clause)}` : `${label}${number} ${sentence(clause)}`);
    }
  };
  let tables = 0;
  let figures = 0;
  const table = (clause) => {
    tables += 1;
    push(zh ? `表${tables} — ${pick(ZH_WORDS)}的${pick(ZH_WORDS)}` : `Table ${tables} — ${pick(EN_WORDS)} ${pick(EN_WORDS)} limits`);
    push(zh ? "| 项目 | 英文 | 限值 | 条款 |" : "| Item | Chinese term | Limit | Clause |");
    const rows = 4 + Math.floor(rand() * 8);
    for (let r = 0; r < rows; r++) {
      push(`| ${pick(EN_WORDS)} | ${pick(ZH_WORDS)} | ${Math.floor(rand() * 500)} ${pick(["m", "kg", "lx", "dB(A)", "%"])} | ${clause} |`);
    }
  };
  const figure = () => {
    figures += 1;
    push(`[[figure: figure-${figures}.png]]`);
    push(zh ? `图${figures} — ${pick(ZH_WORDS)}布局` : `Figure ${figures} — ${pick(EN_WORDS)} layout`);
  };
  // A list of items a), b), c) … after an introducing paragraph.
  const list = (clause) => {
    const n = 3 + Math.floor(rand() * 5);
    for (let i = 0; i < n; i++) {
      const item = zh ? `${pick(ZH_WORDS)}${pick(ZH_VERBS)}${pick(ZH_ADJ)}；` : `${pick(EN_WORDS)} ${pick(EN_WORDS)} ${pick(EN_VERBS)} ${pick(EN_ADJ)};`;
      push(`${String.fromCharCode(97 + i)}) ${item}`);
    }
  };
  const body = (clause) => {
    const paragraphs = 1 + Math.floor(rand() * 4);
    for (let p = 0; p < paragraphs; p++) push(paragraph(clause));
    if (rand() < 0.3) list(clause);
    notes(clause, "note");
    if (rand() < 0.25) table(clause);
    if (rand() < 0.08) figure();
    notes(clause, "example");
  };

  push(zh ? "前言" : "Foreword");
  push(paragraph("ISO/IEC Directives, Part 2"));
  push(zh ? "1 范围" : "1 Scope");
  push(paragraph("Clause 1"));
  push(zh ? "2 规范性引用文件" : "2 Normative references");
  for (let i = 1; i <= 12; i++) push(`ISO 21384-${i}:2019, Unmanned aircraft systems — Part ${i}`);
  push(zh ? "3 术语和定义" : "3 Terms and definitions");
  for (let i = 1; i <= 40; i++) {
    push(`3.${i}`);
    push(zh ? `${pick(ZH_WORDS)}${pick(ZH_WORDS)}` : `${pick(EN_WORDS)} ${pick(EN_WORDS)}`);
    push(sentence(`3.${i}`));
    if (rand() < 0.3) push(zh ? `注：${sentence(`3.${i}`)}` : `NOTE ${sentence(`3.${i}`)}`);
  }
  // Clauses 4 … 99, then annexes A … Z, until the size is reached.
  let clause = 3;
  let annex = 0;
  while (size < bytes) {
    let prefix;
    if (clause < 99) {
      clause += 1;
      prefix = String(clause);
      push(`${prefix} ${zh ? pick(ZH_WORDS) + "要求" : pick(EN_WORDS) + " requirements"}`);
    } else {
      annex += 1;
      prefix = String.fromCharCode(64 + annex);
      push(zh ? `附录${prefix}（资料性）${pick(ZH_WORDS)}示例` : `Annex ${prefix} (informative) ${pick(EN_WORDS)} examples`);
    }
    body(prefix);
    const subs = 2 + Math.floor(rand() * 6);
    for (let s = 1; s <= subs && size < bytes; s++) {
      push(`${prefix}.${s} ${zh ? pick(ZH_WORDS) : pick(EN_WORDS)}`);
      body(`${prefix}.${s}`);
      const subsubs = rand() < 0.4 ? 2 + Math.floor(rand() * 3) : 0;
      for (let t = 1; t <= subsubs; t++) {
        push(`${prefix}.${s}.${t} ${zh ? pick(ZH_WORDS) : pick(EN_WORDS)}`);
        body(`${prefix}.${s}.${t}`);
      }
    }
    if (annex >= 26) break;
  }
  return lines.join("\n") + "\n";
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [lang, bytes] = process.argv.slice(2);
  process.stdout.write(standardText(lang ?? "en", Number(bytes ?? 1 << 20)));
}
