// @ts-check
// CSV as the register page reads back its own rows and writes tables: a cell is quoted only when it
// must be (it holds a comma, a quote or a line break), as the command-line tool writes it; and a CSV
// file's encoding (UTF-8 or GBK) told as the command-line tool tells it, for the register and county pages.

/** One CSV line (without its line break) from cells. */
export function csvLine(cells) {
  return cells.map((c) => {
    const s = c ?? '';
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  }).join(',');
}

/** The records of a CSV text, each an array of cells (quoted cells may hold commas and line breaks). */
export function* csvRecords(text) {
  let cells = [];
  let cell = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i];
    if (ch === '"' && cell === '') {
      // A quoted cell: up to the quote not doubled.
      i += 1;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) { cell += text.slice(i); i = n; break; }
        cell += text.slice(i, q);
        if (text[q + 1] === '"') { cell += '"'; i = q + 2; } else { i = q + 1; break; }
      }
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
      i += 1;
    } else if (ch === '\n' || ch === '\r') {
      cells.push(cell);
      yield cells;
      cells = [];
      cell = '';
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      let j = i;
      while (j < n && text[j] !== ',' && text[j] !== '\n' && text[j] !== '\r' && text[j] !== '"') j++;
      if (j === i) j = i + 1; // a quote inside an unquoted cell
      cell += text.slice(i, j);
      i = j;
    }
  }
  if (cell !== '' || cells.length) {
    cells.push(cell);
    yield cells;
  }
}

/** Bytes looked at to tell UTF-8 from GBK. */
export const SNIFF = 1 << 16;

/**
 * UTF-8 or GBK, as the command-line tool tells them: a file whose start is not UTF-8, and has no
 * line of Chinese that is whole UTF-8 (a UTF-8 register with one stray GBK row has many), is GBK
 * when it decodes as GBK.
 */
export function encodingOf(bytes) {
  let head = bytes.subarray(0, SNIFF);
  if (head.length === SNIFF) head = head.subarray(0, head.lastIndexOf(10) + 1 || SNIFF);
  const strict = (label, b) => {
    try {
      new TextDecoder(label, { fatal: true }).decode(b);
      return true;
    } catch {
      return false;
    }
  };
  if (strict('utf-8', head)) return 'utf-8';
  let start = 0;
  for (let i = 0; i <= head.length; i++) {
    if (i < head.length && head[i] !== 10) continue;
    const line = head.subarray(start, i);
    if (line.some((b) => b >= 0x80) && strict('utf-8', line)) return 'utf-8';
    start = i + 1;
  }
  return strict('gbk', head) ? 'gbk' : 'utf-8';
}
