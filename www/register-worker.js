// @ts-check
// The register page's worker: reads the officer's file (Excel, CSV in UTF-8 or GBK, JSON Lines),
// screens it a chunk of households at a time with the package (RegisterScreen: the command-line
// tool's reading, rows and summary), and hands the page what it shows. Nothing leaves the machine.
//
// Privacy: only the register's known columns are ever kept. An Excel sheet is turned at once into
// a CSV text of its known columns (identity numbers and phone numbers are dropped with every other
// unknown column before anything else sees them); a CSV or JSON Lines file is not kept at all: it is
// read again from the disk for every run, and the engine leaves its unknown columns unread.
//
// The table the page filters is the package's typed columns (`RegisterScreen.nextColumns`, the shape
// of `screenColumns` with each household's lines and place), taken with each chunk's CSV rows: no
// CSV is read back.
import init, { PolicyEngine, RegisterScreen, labels, registerColumns } from './pkg/index.js';
import { readExcelFile, writeExcelFile } from './vendor/excel.js';
import { csvRecords, csvLine, encodingOf, SNIFF } from './register-csv.js';

/** Households per chunk: small enough for a fine progress bar and a prompt cancel. */
const CHUNK = 2000;
/** The columns that hold a date: a number there is a date as Excel stores it (a serial number). */
const DATE_COLUMNS = new Set(['birth_date', 'income_change_date']);
/** How far down a sheet the header row (the one naming 户编号) may be, below a title. */
const HEADER_ROWS = 10;

/** @type {PolicyEngine} */
let engine;
let wasm;
/** Each parameter's label, by name (the catalogue's). */
const catalogue = new Map();
// Said where: the site joins the worker's scripts into one file (scripts/site.mjs), not where pkg/ is.
const ready = init({ module_or_path: new URL('pkg/zhenxing_bg.wasm', import.meta.url) }).then((exports) => {
  wasm = exports;
  engine = new PolicyEngine();
  const parameters = engine.parameters().map((p) => ({ name: p.name, label: p.label, unitLabel: p.unitLabel }));
  for (const p of parameters) catalogue.set(p.name, p.label);
  // The transition period's last day, from the parameter set (the period-end comparison's default).
  const periodEnd = engine.parameterValue('transition.end', new Date().toISOString().slice(0, 10)).value.value;
  const set = engine.parameterSet();
  post('ready', { parameters, periodEnd, parameterSet: `${set.title}（${set.published} 发布）` });
});
// A browser below the floor (PolicyError UNSUPPORTED_BROWSER): the page says so, with what is missing.
ready.catch((e) => post('error', { message: e?.message ?? String(e), code: e?.code, path: e?.path, problems: e?.problems, during: 'init' }));
/**
 * The opened register: how to get its text again, and what the page was told about it.
 * @type {{ format: 'csv' | 'jsonl', name?: string, text(): string | Uint8Array | Promise<string | Uint8Array> } | null}
 */
let source = null;
/** The last screening: its CSV (without the byte-order mark) and its table, for downloads. */
let last = null;
let cancelled = false;

const post = (type, body = {}, transfer = []) => postMessage({ type, ...body }, transfer);

self.onmessage = async ({ data }) => {
  if (data.type === 'cancel') {
    cancelled = true;
    return;
  }
  try {
    await ready;
  } catch (e) {
    // The module did not load (a Content-Security-Policy, a file the server did not give): said
    // as such, not as the file the officer chose.
    post('error', { message: e?.message ?? String(e), code: e?.code, during: 'init' });
    return;
  }
  try {
    if (data.type === 'open') await open(data.file, data.encoding, data.sheet);
    else if (data.type === 'screen') await screen(data.asOf);
    else if (data.type === 'compare') await compare(data.asOf, data.overrides);
    else if (data.type === 'compare-dates') await compareDates(data.from, data.to);
    else if (data.type === 'download') await download(data.kind);
    else if (data.type === 'close') close();
  } catch (e) {
    post('error', { message: e?.message ?? String(e), code: e?.code, path: e?.path, during: data.type });
  }
};

// ---- reading ----------------------------------------------------------------------------------

/** The format a file's name and first bytes say it is. */
function formatOf(name, bytes) {
  const ext = name.toLowerCase().split('.').pop();
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'xlsx'; // a zip: a workbook, whatever its name
  if (['xls', 'et', 'ods', 'numbers'].includes(ext)) return 'other-workbook';
  if (['jsonl', 'ndjson', 'json'].includes(ext)) return 'jsonl';
  const first = new TextDecoder().decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, '').trimStart()[0];
  return first === '{' ? 'jsonl' : 'csv';
}

/** A cell of a sheet as the register's text: dates as YYYY-MM-DD, numbers as Excel shows them. */
function cellText(v, column) {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number') {
    // A date column holding a bare number: the date's serial number (days since 1899-12-30).
    if (DATE_COLUMNS.has(column) && Number.isInteger(v) && v > 0 && v < 2958466) {
      return new Date(Date.UTC(1899, 11, 30) + v * 86400000).toISOString().slice(0, 10);
    }
    // Excel keeps 15 significant digits: 1234.5600000000001 (a formula's result) is 1234.56.
    return String(Number(v.toPrecision(15)));
  }
  // One register row is one line, as the sheet's row numbers count (Alt+Enter becomes a space).
  return String(v).replace(/\r\n|\r|\n/g, ' ');
}

/** The row a sheet's header is on: the first naming 户编号 within the first rows, else the first filled. */
function headerRow(rows) {
  const filled = rows.findIndex((r) => r.some((c) => c !== null && String(c).trim() !== ''));
  for (let i = Math.max(filled, 0); i < Math.min(rows.length, HEADER_ROWS); i++) {
    if (registerColumns(rows[i].map((c) => cellText(c, ''))).some((c) => c.name === 'household_id')) return i;
  }
  return filled;
}

/**
 * A sheet as the CSV text of its known columns, one line per sheet row (so that a line number is
 * the row number Excel shows). Rows above the header (a title) become blank lines.
 */
function sheetText(rows) {
  const at = headerRow(rows);
  if (at < 0) return { text: '', columns: [], headerLine: 0 };
  const header = rows[at].map((c) => cellText(c, ''));
  const columns = registerColumns(header);
  const keep = columns.filter((c) => c.name).map((c) => /** @type {[number, string]} */ ([c.index - 1, c.name]));
  const lines = rows.map((row, i) => {
    if (i < at) return '';
    return csvLine(keep.map(([j, name]) => (i === at ? header[j] : cellText(row[j] ?? null, name))));
  });
  return { text: `${lines.join('\n')}\n`, columns, headerLine: at + 1 };
}

/** Open a file: tell the page its format, sheets and columns, before anything is screened. */
async function open(file, encoding = 'auto', sheet = 0) {
  close();
  const bytes = new Uint8Array(await file.arrayBuffer());
  const format = formatOf(file.name, bytes);
  if (format === 'other-workbook') {
    throw new Error('只能读取 .xlsx 工作簿：请在 Excel 或 WPS 中“另存为”Excel 工作簿（*.xlsx），或 CSV UTF-8（逗号分隔）(*.csv)');
  }
  let info;
  if (format === 'xlsx') {
    const sheets = await readExcelFile(bytes.buffer);
    bytes.fill(0);
    const chosen = Math.min(Math.max(0, sheet), sheets.length - 1);
    const { text, columns, headerLine } = sheetText(sheets[chosen].data);
    // The sheet's cells go out of reach here: only the known columns' text is kept.
    source = { text: () => text, format: 'csv' };
    info = { format, sheets: sheets.map((s) => s.sheet), sheet: chosen, columns, headerLine };
  } else {
    const enc = format === 'jsonl' ? 'utf-8' : encoding === 'auto' ? encodingOf(bytes) : encoding;
    bytes.fill(0);
    source = {
      format,
      async text() {
        const b = new Uint8Array(await file.arrayBuffer());
        return enc === 'gbk' ? new TextDecoder('gbk').decode(b) : b;
      },
    };
    info = { format, encoding: enc, columns: format === 'csv' ? headerColumns(await source.text()) : [] };
  }
  source.name = file.name;
  post('opened', { name: file.name, size: file.size, ...info });
}

/** The header's columns of a CSV register, read by the engine from the file's first lines. */
function headerColumns(register) {
  const head = typeof register === 'string' ? register.slice(0, SNIFF) : register.subarray(0, SNIFF);
  const rs = RegisterScreen.screen(engine, head, '2023-06-01', { format: 'csv', unknownColumns: 'ignore' });
  try {
    return rs.columns();
  } finally {
    rs.free();
  }
}

function close() {
  source = null;
  last = null;
}

// ---- screening --------------------------------------------------------------------------------

/** Let the cancel message in between chunks. */
const breathe = () => new Promise((r) => setTimeout(r, 0));

/** Run `rs` to its end a chunk at a time (`next` or `nextColumns`), `each(chunk)` after each; false when cancelled. */
async function run(rs, each, next = 'next') {
  cancelled = false;
  for (;;) {
    const chunk = rs[next](CHUNK);
    each(chunk);
    post('progress', { read: chunk.read, size: chunk.size });
    if (chunk.done) return true;
    await breathe();
    if (cancelled) return false;
  }
}

async function screen(asOf) {
  if (!source) throw new Error('请先选择花名册文件');
  last = null;
  const started = performance.now();
  const rs = RegisterScreen.screen(engine, await source.text(), asOf,
    { format: source.format, headers: 'zh', unknownColumns: 'ignore' });
  const parts = [];
  const table = newTable();
  let rows = 0;
  let errors = 0;
  try {
    const finished = await run(rs, (chunk) => {
      parts.push(chunk.csv);
      rows += chunk.rows;
      errors += chunk.errors;
      tableOf(chunk.columns, table);
    }, 'nextColumns');
    if (!finished) {
      post('cancelled');
      return;
    }
    const summary = rs.summary();
    last = { csv: parts.join(''), summary, asOf };
    const t = packTable(table);
    post('screened', {
      asOf, rows, errors, seconds: (performance.now() - started) / 1000, summary, basis: basisWords(summary.basis, asOf), table: t.table,
      parameterSet: engine.parameterSet(), name: source.name, wasmBytes: wasm.memory?.buffer.byteLength,
    }, t.transfer);
  } finally {
    rs.free();
  }
}

/**
 * What the summary's figures rested on, in words (`describe`), each item with the parts that used
 * it: the page shows it and prints it as the command-line tool's printed summary ends.
 */
function basisWords(basis, asOf) {
  // `usedBy` names programmes (labels().program) and the parts that are not (labels().part).
  const { program, part } = labels();
  const parts = (ids) => ids.map((id) => program[id] ?? part[id] ?? id);
  // The catalogue's label: describing a parameter set per county needs a county.
  const label = (id) => catalogue.get(id) ?? id;
  return {
    stale: basis.stale.map((s) => ({ label: label(s.parameter), from: s.lastFrom, usedBy: parts(s.usedBy) })),
    unofficial: basis.unofficial.map((u) => ({ label: label(u.parameter), usedBy: parts(u.usedBy) })),
    assumptions: basis.assumptions.map((a) => ({ text: engine.describe(a.rule, asOf).rule?.text ?? a.rule, usedBy: parts(a.usedBy) })),
  };
}

/** The what-if: every household under the parameters and under the changed ones. */
async function compare(asOf, overrides) {
  if (!source) throw new Error('请先选择花名册文件');
  const other = engine.withOverrides(overrides);
  try {
    const rs = RegisterScreen.compare(engine, other, await source.text(), asOf,
      { format: source.format, unknownColumns: 'ignore' });
    await compared(rs, (summary, changes) => post('compared', {
      asOf, overrides, summary, changes, basisBefore: basisWords(summary.basisBefore, asOf), basisAfter: basisWords(summary.basisAfter, asOf),
    }));
  } finally {
    other.free();
  }
}

/** The period-end comparison: every household on `from` and on `to` (`zhenxing compare --to`). */
async function compareDates(from, to) {
  if (!source) throw new Error('请先选择花名册文件');
  const rs = RegisterScreen.compareDates(engine, await source.text(), from, to,
    { format: source.format, unknownColumns: 'ignore' });
  await compared(rs, (summary, changes) => post('dates-compared', {
    from, to, summary, changes, labels: labels().change,
    basisBefore: basisWords(summary.basisBefore, from), basisAfter: basisWords(summary.basisAfter, to),
  }));
}

/** Run a comparison `rs` to its end, then `done(summary, changes)` (unless cancelled); `rs` is freed. */
async function compared(rs, done) {
  const changes = [];
  try {
    const finished = await run(rs, (chunk) => changes.push(...chunk.changes));
    if (finished) done(rs.comparison(), changes);
    else post('cancelled');
  } finally {
    rs.free();
  }
}

// ---- the table the page filters ---------------------------------------------------------------

/** An empty table: the chunks' typed columns (`RegisterScreen.nextColumns`), joined once done. */
function newTable() {
  return { labels: labels(), chunks: [], count: 0 };
}

/** Add a chunk's columns (the shape `screenColumns` gives, with lines and places) to the table. */
function tableOf(columns, table) {
  table.chunks.push(columns);
  table.count += columns.count;
}

/** Strings as one text and where each ends: one string crosses to the page, not 100,000. */
function packed(list = []) {
  const ends = new Uint32Array(list.length);
  let at = 0;
  list.forEach((x, i) => { at += x.length; ends[i] = at; });
  return { text: list.join(''), ends };
}

/** Strings that repeat (towns, villages) as their distinct names and an index per row. */
function interned(list = []) {
  const names = [];
  const seen = new Map();
  const index = Uint32Array.from(list, (x) => {
    if (!seen.has(x)) seen.set(x, names.push(x) - 1);
    return seen.get(x);
  });
  return { names, index };
}

/** The table as typed columns and string lists, ready to transfer to the page. */
function packTable(table) {
  const { chunks, count, labels: l } = table;
  /** One typed array of every chunk's `get(columns)`. */
  const joined = (Type, get) => {
    const all = new Type(count);
    let at = 0;
    for (const c of chunks) {
      const part = get(c);
      all.set(part, at);
      at += part.length;
    }
    return all;
  };
  const strings = (get) => chunks.flatMap((c) => get(c).map((s) => s ?? ''));
  const message = new Array(count).fill('');
  for (const c of chunks) for (const e of c.errors) message[e.index] = e.message;
  const ids = Object.keys(chunks[0]?.programs ?? {});
  const t = {
    count,
    ok: joined(Uint8Array, (c) => c.ok), line: joined(Uint32Array, (c) => c.line), lastLine: joined(Uint32Array, (c) => c.lastLine),
    category: joined(Uint8Array, (c) => c.monitoring.category), alerts: joined(Uint32Array, (c) => c.alerts),
    monthlyFen: joined(Float64Array, (c) => c.totals.monthlyFen), annualFen: joined(Float64Array, (c) => c.totals.annualFen),
    household: packed(strings((c) => c.household)), ref: packed(strings((c) => c.refs)), message: packed(message),
    town: interned(strings((c) => c.town)), village: interned(strings((c) => c.village)),
    programs: Object.fromEntries(ids.map((id) => [id, { eligible: joined(Uint8Array, (c) => c.programs[id].eligible) }])),
    programList: ids.map((id) => ({ id, label: l.program[id], amount: l.amount[id] ?? '' })),
    categories: Object.entries(l.category).map(([id, label]) => ({ id, label })),
    alertList: Object.entries(l.alert).map(([id, label]) => ({ id, label })),
  };
  const transfer = [t.ok, t.line, t.lastLine, t.category, t.alerts, t.monthlyFen, t.annualFen,
    t.household.ends, t.ref.ends, t.message.ends, t.town.index, t.village.index,
    ...Object.values(t.programs).map((p) => p.eligible)].map((a) => a.buffer);
  return { table: t, transfer };
}

// ---- out --------------------------------------------------------------------------------------

/** Figures as numbers in the workbook; everything else as the CSV has it. */
const NUMERIC = /^(起始行|结束行|.*月额|.*年额|非正式参数个数|过期参数个数)$/;

async function download(kind) {
  if (!last) throw new Error('请先完成测算');
  const base = `花名册测算结果-${last.asOf}`;
  let blob;
  if (kind === 'csv') {
    blob = new Blob(['\uFEFF', last.csv], { type: 'text/csv;charset=utf-8' });
  } else if (kind === 'summary-csv') {
    const text = [last.summary.header, ...last.summary.rows].map(csvLine).join('\n');
    blob = new Blob(['\uFEFF', `${text}\n`], { type: 'text/csv;charset=utf-8' });
  } else {
    const [header, ...rows] = csvRecords(last.csv);
    const numeric = header.map((h) => NUMERIC.test(h));
    const data = [header, ...rows.map((r) => r.map((v, i) => (numeric[i] && v !== '' ? Number(v) : v || null)))];
    blob = await writeExcelFile(data, { sheet: '测算结果' }).toBlob();
  }
  const name = kind === 'xlsx' ? `${base}.xlsx` : kind === 'summary-csv' ? `花名册汇总-${last.asOf}.csv` : `${base}.csv`;
  post('file', { blob, name });
}
