// screenText: a whole register as text, screened in one call, rows out as CSV text. The rows must
// carry the same figures as screenMany's objects; the CSV itself is checked against the native
// command-line tool's output in tests/cli.rs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PolicyEngine, PolicyError } from 'zhenxing';

const engine = new PolicyEngine();
const asOf = '2023-06-01';
const repo = process.env.ZX_REPO;
const { parseCsv } = await import(pathToFileURL(join(repo, 'tests', 'js', 'csv.mjs')).href);

const households = [
  { ref: 'A', region: '230129', members: [{ birthDate: '1958-01-01' }], income: { other: '3000' } },
  { ref: 'B,引号"', region: '230102', area: 'urban', members: [{ birthDate: '1980-01-01', wages: '12000' }, { birthDate: '2012-03-01', schooling: 'primary' }] },
  { ref: 'C', region: '999999', members: [{ birthDate: '1958-01-01' }] },
  { ref: 'D', region: '230129', members: [{ birthDate: '1950-01-01', disabilityGrade: 1 }], income: { transfer: '2000' }, events: ['illness'], rigidSpending: '9000' },
];

test('JSON Lines text gives the figures screenMany gives, row for row, bad rows included', () => {
  const text = households.map((h) => JSON.stringify(h)).join('\n') + '\n\n';
  const out = engine.screenText(text, asOf);
  assert.equal(out.rows, 4);
  assert.equal(out.errors, 1);
  assert.equal(out.lines, 5);
  const [header, ...rows] = parseCsv(out.csv);
  assert.equal(rows.length, 4);
  const col = (name) => header.indexOf(name);
  const objects = engine.screenMany(households, asOf);
  rows.forEach((r, i) => {
    const o = objects[i];
    assert.equal(r[col('line')], String(i + 1));
    assert.equal(r[col('ok')], String(o.ok));
    assert.equal(r[col('ref')], households[i].ref);
    if (!o.ok) { assert.equal(r[col('error_code')], o.error.code); return; }
    assert.equal(r[col('total_annual')], o.screening.totalAnnual);
    assert.equal(r[col('total_monthly')], o.screening.totalMonthly);
    assert.equal(r[col('alerts')], o.screening.alerts.join(';'));
    for (const p of o.screening.programs) {
      // Columns are the programme ids in snake case: orphanAllowance → orphan_allowance_eligible.
      const column = p.program.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
      assert.notEqual(col(`${column}_eligible`), -1, column);
      assert.equal(r[col(`${column}_eligible`)], String(p.eligible), `${households[i].ref} ${p.program}`);
      assert.equal(r[col(`${column}_annual`)], p.annual);
    }
  });
  // The same bytes as a Uint8Array: the same text.
  assert.deepEqual(engine.screenText(new TextEncoder().encode(text), asOf), out);
});

test('a CSV register, with Chinese headers out, and its repeated household id', () => {
  const csv = readFileSync(join(repo, 'tests', 'registers', 'small.csv'));
  const out = engine.screenText(csv, asOf, { headers: 'zh' });
  const [header, ...rows] = parseCsv(out.csv);
  assert.equal(header[0], '户编号');
  assert.equal(rows.length, out.rows);
  assert.ok(out.errors > 0 && out.errors < out.rows, `${out.errors} of ${out.rows}`);
  const forced = engine.screenText(csv, asOf, { format: 'csv' });
  assert.equal(forced.rows, out.rows);
});

test('a JSON array is read as its households, on one line or many, by screenText and screenColumns', () => {
  // docs/register.md: text whose first character is `[` is one JSON array of households, each
  // household's line its place in the array: the rows of the same households as JSON Lines.
  const lines = engine.screenText(households.map((h) => JSON.stringify(h)).join('\n') + '\n', asOf);
  const columns = engine.screenColumns(households, asOf);
  for (const text of [JSON.stringify(households), JSON.stringify(households, null, 2)]) {
    assert.equal(engine.screenText(text, asOf).csv, lines.csv);
    const cols = engine.screenColumns(text, asOf);
    assert.deepEqual([cols.count, cols.errors.length], [4, 1]);
    assert.deepEqual(cols.totals.annualFen, columns.totals.annualFen);
  }
});

test('a register saved as CSV by LibreOffice from a workbook reads as the plain sample', () => {
  // tests/registers/spreadsheet/README.md: amounts written "9,000", dates 1950/1/1, no BOM, LF.
  const saved = engine.screenText(readFileSync(join(repo, 'tests', 'registers', 'spreadsheet', 'register-utf8.csv')), asOf);
  const plain = engine.screenText(readFileSync(join(repo, 'examples', 'registers', 'example-zh.csv')), asOf);
  assert.equal(saved.errors, 0, saved.csv);
  assert.equal(saved.rows, 5);
  assert.equal(saved.csv, plain.csv);
});

test('a GBK register: refused as bytes with an officer\'s advice, read once decoded as the docs say', () => {
  const gbk = readFileSync(join(repo, 'examples', 'registers', 'example-gbk.csv'));
  const plain = engine.screenText(readFileSync(join(repo, 'examples', 'registers', 'example-zh.csv')), asOf);
  assert.throws(() => engine.screenText(gbk, asOf), (e) => {
    assert.ok(e instanceof PolicyError);
    assert.match(e.message, /不是 UTF-8 文本（请另存为 UTF-8：Excel 中选“CSV UTF-8（逗号分隔）”）/);
    assert.doesNotMatch(e.message, /--encoding/, 'no command-line advice from the package');
    return true;
  });
  const decoded = engine.screenText(new TextDecoder('gbk').decode(gbk), asOf);
  assert.equal(decoded.csv, plain.csv);
});

test('bad arguments are PolicyErrors; a line that is not UTF-8 refuses the whole text', () => {
  for (const [call, code, path] of [
    [() => engine.screenText(42, asOf), 'INVALID_INPUT', ''],
    [() => engine.screenText('{}', '2023-02-29'), 'INVALID_DATE', 'asOf'],
    [() => engine.screenText('{}', asOf, { format: 'xlsx' }), 'INVALID_INPUT', 'opts.format'],
    [() => engine.screenText('{}', asOf, { header: 'zh' }), 'INVALID_INPUT', 'opts.header'],
    [() => engine.screenText('household_id,household_id\n1,1\n', asOf), 'INVALID_INPUT', ''],
  ]) {
    assert.throws(call, (e) => e instanceof PolicyError && e.code === code && e.path === path, `${call}`);
  }
  // GBK bytes for 王 (0xCD 0xF5) inside a UTF-8 JSON Lines register.
  const good = new TextEncoder().encode(`${JSON.stringify(households[0])}\n`);
  const gbk = Uint8Array.from([...new TextEncoder().encode('{"ref":"'), 0xcd, 0xf5, ...new TextEncoder().encode('"}\n')]);
  // docs/register.md: refused as a whole (a GBK file's lines may happen to be UTF-8 too).
  assert.throws(() => engine.screenText(Uint8Array.from([...good, ...gbk, ...good]), asOf), (e) =>
    e instanceof PolicyError && e.code === 'INVALID_INPUT' && /^第 2 行不是 UTF-8 文本/.test(e.message));
});

test('a GBK register whose only Chinese is UTF-8 by chance is refused, not read garbled', () => {
  // 母 is C4 B8 in GBK, ĸ in UTF-8: without the whole-text check H2 was computed as "ĸ".
  const text = 'household_id,region,village,member_id,birth_date,income_other\nH1,230129,,张三,1980-01-01,1000\nH2,230129,,母,1980-01-01,1000\n';
  const gbk = Uint8Array.from([...new TextEncoder().encode(text.slice(0, text.indexOf('张三'))), 0xd5, 0xc5, 0xc8, 0xfd,
    ...new TextEncoder().encode(text.slice(text.indexOf('张三') + 2, text.indexOf('母'))), 0xc4, 0xb8,
    ...new TextEncoder().encode(text.slice(text.indexOf('母') + 1))]);
  for (const call of [() => engine.screenText(gbk, asOf), () => engine.screenColumns(gbk, asOf)]) {
    assert.throws(call, (e) => e instanceof PolicyError && /第 2 行不是 UTF-8 文本/.test(e.message));
  }
  assert.equal(engine.screenText(new TextDecoder('gbk').decode(gbk), asOf).errors, 0);
});
