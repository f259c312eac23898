// @ts-check
// CSV as the register page reads back its own rows and writes tables: a cell is quoted only when it
// must be (it holds a comma, a quote or a line break), as the command-line tool writes it.

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
