// screenColumns: households in, typed columns out (API.md, third round). Every column must say what
// screenMany's rows say for the same households, field by field, errors included; the one-off and
// on-behalf amounts what an explained estimate's contributions say; text in (JSON Lines, CSV) the
// same as the array, or as screenText's rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PolicyEngine, PolicyError, RegisterScreen, labels } from 'zhenxing';

const repo = process.env.ZX_REPO;
const engine = new PolicyEngine();
const asOf = '2023-06-01';
/** The household programmes, in the order results list them. */
const programs = engine.screen({ region: '230129', members: [{ birthDate: '1980-01-01' }] }, asOf).programs.map((p) => p.program);
const CATEGORY = [undefined, 'unstable', 'marginal', 'suddenHardship'];
const { generator } = await import(pathToFileURL(join(repo, 'benches', 'generate.mjs')).href);
const { parseCsv } = await import(pathToFileURL(join(repo, 'tests', 'js', 'csv.mjs')).href);

/** A money string ("1234.50") as whole fen, exactly (no float arithmetic). */
function fen(s) {
  if (s === undefined) return 0;
  const [whole, frac = ''] = s.split('.');
  return Number(whole) * 100 + Math.sign(Number(`${whole}1`)) * Number(frac.padEnd(2, '0'));
}

/** Columns against screenMany's rows and explained estimates, household by household. */
function assertSameAsRows(cols, households, day, where) {
  const rows = engine.screenMany(households, day);
  const explained = engine.estimateMany(households, day, { explain: true });
  assert.equal(cols.count, households.length, where);
  for (const a of [cols.ok, cols.monitoring.inScope, cols.monitoring.category, ...Object.values(cols.programs).map((p) => p.eligible)]) {
    assert.ok(a instanceof Uint8Array && a.length === cols.count, where);
  }
  for (const a of [cols.totals.monthlyFen, cols.totals.annualFen, ...Object.values(cols.programs).flatMap((p) => [p.monthlyFen, p.annualFen, p.oneOffFen, p.onBehalfFen])]) {
    assert.ok(a instanceof Float64Array && a.length === cols.count, where);
  }
  assert.deepEqual(Object.keys(cols.programs), programs);
  const errors = new Map(cols.errors.map((e) => [e.index, e]));
  assert.equal(errors.size, cols.errors.length, `${where}: one error per household`);
  rows.forEach((row, i) => {
    const at = `${where} #${i}`;
    assert.equal(cols.ok[i], row.ok ? 1 : 0, at);
    if (!row.ok) {
      assert.equal(cols.refs[i], row.ref ?? null, at);
      const e = errors.get(i);
      assert.ok(e, `${at}: no error`);
      assert.deepEqual([e.code, e.path], [row.error.code, row.error.path], at);
      // One text with every problem (screenText's error_message): the message when there is one.
      if (!row.error.problems) assert.equal(e.message, row.error.message, at);
      else for (const p of row.error.problems) assert.ok(e.message.includes(p.message), `${at}: ${p.message}`);
      assert.equal(cols.monitoring.category[i] + cols.monitoring.inScope[i] + cols.totals.annualFen[i], 0, at);
      for (const id of programs) {
        const p = cols.programs[id];
        assert.equal(p.eligible[i] + p.monthlyFen[i] + p.annualFen[i] + p.oneOffFen[i] + p.onBehalfFen[i], 0, `${at} ${id}`);
      }
      return;
    }
    assert.ok(!errors.has(i), at);
    const s = row.screening;
    assert.equal(cols.refs[i], s.ref ?? null, at);
    assert.equal(cols.monitoring.inScope[i], s.monitoring.inScope ? 1 : 0, at);
    assert.equal(CATEGORY[cols.monitoring.category[i]], s.monitoring.category, at);
    assert.equal(cols.totals.monthlyFen[i], fen(s.totalMonthly), at);
    assert.equal(cols.totals.annualFen[i], fen(s.totalAnnual), at);
    const contributions = explained[i].estimate.contributions;
    for (const r of s.programs) {
      const p = cols.programs[r.program];
      const c = contributions.find((x) => x.program === r.program);
      assert.equal(p.eligible[i], r.eligible ? 1 : 0, `${at} ${r.program}`);
      assert.equal(p.monthlyFen[i], fen(r.monthly), `${at} ${r.program}`);
      assert.equal(p.annualFen[i], fen(r.annual), `${at} ${r.program}`);
      assert.equal(p.oneOffFen[i], r.eligible ? fen(c.oneOff) : 0, `${at} ${r.program}`);
      assert.equal(p.onBehalfFen[i], r.eligible ? fen(c.otherAnnual) : 0, `${at} ${r.program}`);
    }
  });
}

test('fen are read exactly', () => {
  assert.equal(fen('1234.50'), 123450);
  assert.equal(fen('0.07'), 7);
  assert.equal(fen('10934.4'), 1093440);
  assert.equal(fen(undefined), 0);
});

test('the golden households: every column says what screenMany says', () => {
  // Every household of a golden case (bad ones included), screened on its case's date.
  const byDate = new Map();
  const casesDir = join(repo, 'tests', 'cases');
  for (const file of readdirSync(casesDir).filter((f) => f.endsWith('.json'))) {
    const c = JSON.parse(readFileSync(join(casesDir, file), 'utf8'));
    const [h, day] = c.args ?? [];
    if (!h || typeof h !== 'object' || Array.isArray(h) || !('members' in h) || typeof day !== 'string') continue;
    if (!byDate.has(day)) byDate.set(day, []);
    byDate.get(day).push(h);
  }
  let households = 0;
  let errors = 0;
  for (const [day, list] of byDate) {
    let cols;
    try {
      cols = engine.screenColumns(list, day);
    } catch (e) {
      // A date the engine refuses is refused for the whole call, as screenMany refuses it.
      assert.throws(() => engine.screenMany(list, day), (f) => f.code === e.code);
      continue;
    }
    assertSameAsRows(cols, list, day, `golden ${day}`);
    households += list.length;
    errors += cols.errors.length;
  }
  assert.ok(households > 150 && errors > 0, `${households} households, ${errors} errors`);
});

test('3,000 generated households and bad ones among them, over several chunks', () => {
  const next = generator(7);
  const list = Array.from({ length: 3_000 }, (_, i) => ({ ref: `G${i}`, ...next() }));
  // Bad households: a field the engine refuses, one JavaScript cannot send, one that is no object.
  list[5] = { ...list[5], region: '999999' };
  list[1_500] = { ref: 'F', region: '230129', members: [{ birthDate: '1980-01-01', wages: () => 1 }] };
  list[2_999] = 'not a household';
  const cols = engine.screenColumns(list, asOf);
  assertSameAsRows(cols, list, asOf, 'generated');
  assert.deepEqual(cols.errors.map((e) => e.index), [5, 1_500, 2_999]);
  assert.equal(cols.errors[1].path, 'members[0].wages');
  assert.equal(cols.refs[1_500], null, 'a household that could not be sent has no ref');
  assert.equal(cols.refs[5], 'G5');
  // Some of everything, so the comparison means something.
  const sum = (a) => a.reduce((s, x) => s + x, 0);
  for (const id of ['dibao', 'temporary', 'pension', 'education']) assert.ok(sum(cols.programs[id].eligible) > 0, id);
  assert.ok(sum(cols.programs.temporary.oneOffFen) > 0 && sum(cols.programs.pension.onBehalfFen) > 0);
  assert.ok(new Set(cols.monitoring.category).size === 4, 'every category');
  // The arrays belong to JavaScript: another call does not change them.
  const before = Float64Array.from(cols.totals.annualFen);
  engine.screenColumns(list.slice(0, 1_200).reverse(), asOf);
  assert.deepEqual(cols.totals.annualFen, before);
});

test('JSON Lines text gives the columns of the same households as an array', () => {
  const next = generator(11);
  const list = Array.from({ length: 1_500 }, (_, i) => ({ ref: `L${i}`, ...next() }));
  list[3] = { ...list[3], members: [{ birthDate: '1980-13-01' }] };
  const lines = list.map((h) => JSON.stringify(h));
  // A blank line is no household: the index counts households, not lines.
  const text = `${lines.slice(0, 10).join('\n')}\n\n${lines.slice(10).join('\n')}\n`;
  const fromArray = engine.screenColumns(list, asOf);
  for (const input of [text, new TextEncoder().encode(text)]) {
    const fromText = engine.screenColumns(input, asOf);
    assertSameAsRows(fromText, list, asOf, 'jsonl');
    assert.deepEqual(fromText.errors, fromArray.errors);
  }
  assert.deepEqual(fromArray.errors.map((e) => e.index), [3]);
});

test('a CSV register: the columns of screenText\'s rows, household by household', () => {
  const csv = readFileSync(join(repo, 'tests', 'registers', 'small.csv'));
  const out = engine.screenText(csv, asOf);
  const [header, ...rows] = parseCsv(out.csv);
  const col = (name) => header.indexOf(name);
  const cols = engine.screenColumns(csv, asOf, { format: 'csv' });
  assert.equal(cols.count, out.rows);
  assert.equal(cols.errors.length, out.errors);
  assert.ok(out.errors > 0);
  rows.forEach((r, i) => {
    assert.equal(cols.ok[i], r[col('ok')] === 'true' ? 1 : 0, `#${i}`);
    assert.equal(cols.refs[i], r[col('ref')] || r[col('household')] || null, `#${i}`);
    if (r[col('ok')] !== 'true') {
      assert.equal(cols.errors.find((e) => e.index === i)?.code, r[col('error_code')], `#${i}`);
      return;
    }
    assert.equal(cols.totals.annualFen[i], fen(r[col('total_annual')]), `#${i}`);
    for (const id of programs) {
      const column = id.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
      assert.equal(cols.programs[id].eligible[i], r[col(`${column}_eligible`)] === 'true' ? 1 : 0, `#${i} ${id}`);
      assert.equal(cols.programs[id].annualFen[i], fen(r[col(`${column}_annual`)]), `#${i} ${id}`);
    }
  });
});

test('RegisterScreen.nextColumns: each chunk the columns of its households, with their lines and places', () => {
  const csv = readFileSync(join(repo, 'tests', 'registers', 'county', 'register.csv'));
  const whole = engine.screenColumns(csv, asOf);
  const [header, ...rows] = parseCsv(engine.screenText(csv, asOf).csv);
  const col = (name) => header.indexOf(name);
  const rs = RegisterScreen.screen(engine, csv, asOf);
  let at = 0;
  let csvText = '';
  try {
    for (;;) {
      const chunk = rs.nextColumns(4);
      const c = chunk.columns;
      csvText += chunk.csv;
      assert.equal(c.count, chunk.rows);
      for (let j = 0; j < c.count; j++, at++) {
        const r = rows[at];
        assert.equal(c.ok[j], whole.ok[at]);
        assert.equal(c.refs[j], whole.refs[at]);
        assert.equal(c.totals.annualFen[j], whole.totals.annualFen[at]);
        assert.equal(c.programs.dibao.monthlyFen[j], whole.programs.dibao.monthlyFen[at]);
        assert.deepEqual([c.line[j], c.lastLine[j]], [Number(r[col('line')]), Number(r[col('last_line')])]);
        assert.deepEqual([c.household[j], c.town[j], c.village[j]], [r[col('household')], r[col('town')], r[col('village')]]);
        const alerts = r[col('alerts')].split(';').filter(Boolean);
        assert.deepEqual(Object.keys(labels().alert).filter((id, k) => c.alerts[j] & (1 << k)), alerts, `#${at}`);
      }
      // An error's index is its household's place in the whole register.
      assert.deepEqual(c.errors, whole.errors.filter((e) => e.index >= at - c.count && e.index < at));
      if (chunk.done) break;
    }
  } finally {
    rs.free();
  }
  assert.equal(at, whole.count);
  assert.ok(whole.errors.length > 0);
  // The rows are screenText's, chunk after chunk.
  assert.equal(csvText, engine.screenText(csv, asOf).csv);
});

test('bad calls are PolicyErrors; the engine keeps working', () => {
  const h = { region: '230129', members: [{ birthDate: '1980-01-01' }] };
  const refused = (f, code, path) => assert.throws(f, (e) => e instanceof PolicyError && e.code === code && (path === undefined || e.path === path));
  refused(() => engine.screenColumns([h], '2023-02-30'), 'INVALID_DATE', 'asOf');
  refused(() => engine.screenColumns('{"members":[]}\n', undefined), 'INVALID_DATE', 'asOf');
  refused(() => engine.screenColumns(42, asOf), 'INVALID_INPUT');
  refused(() => engine.screenColumns([h], asOf, { headers: 'zh' }), 'INVALID_INPUT');
  refused(() => engine.screenColumns('household_id,no_such_column\nA,1\n', asOf), 'INVALID_INPUT');
  // Unknown columns left out when asked, as screenText does.
  const noted = 'household_id,region,birth_date,no_such_column\nA,230129,1980-01-01,x\n';
  assert.equal(engine.screenColumns(noted, asOf, { unknownColumns: 'ignore' }).ok[0], 1);
  // screenText too (it refused such a register whatever it was told).
  refused(() => engine.screenText(noted, asOf), 'INVALID_INPUT');
  assert.equal(engine.screenText(noted, asOf, { unknownColumns: 'ignore' }).csv,
    engine.screenText('household_id,region,birth_date\nA,230129,1980-01-01\n', asOf).csv);
  const empty = engine.screenColumns([], asOf, { explain: true });
  assert.equal(empty.count, 0);
  assert.equal(empty.programs.dibao.annualFen.length, 0);
  assert.equal(engine.screenColumns([h], asOf).count, 1);
});

/** Items (`unofficial`, `stale` or `assumptions`) of estimates, each with the union of its `usedBy`. */
function uses(estimates, key) {
  const name = key === 'assumptions' ? 'rule' : 'parameter';
  const out = new Map();
  for (const e of estimates) {
    for (const item of e[key]) {
      const used = out.get(item[name]) ?? new Set();
      for (const p of item.usedBy) used.add(p);
      out.set(item[name], used);
    }
  }
  return [...out].map(([k, v]) => [k, [...v].sort()]).sort();
}

test('a register\'s basis: screenColumns, RegisterScreen.summary() and each side of comparison() list what any household rested on', () => {
  // The register's union of each household's items, with the parts that used them, in the shape
  // of an unexplained estimate (no words): the bench's households, some in error.
  const next = generator(11);
  const households = Array.from({ length: 40 }, () => next());
  households.push({ region: '230129', members: [{ birthDate: '2030-01-01' }] });
  const estimates = engine.estimateMany(households, asOf).filter((i) => i.ok).map((i) => i.estimate);
  const basis = engine.screenColumns(households, asOf).basis;
  for (const key of ['unofficial', 'stale', 'assumptions']) {
    const name = key === 'assumptions' ? 'rule' : 'parameter';
    assert.deepEqual(basis[key].map((i) => [i[name], [...i.usedBy].sort()]).sort(), uses(estimates, key), key);
    assert.ok(basis[key].length > 0, key);
    assert.ok(basis[key].every((i) => i.text === undefined), `${key}: no words`);
  }
  // A register's text: the same through screenColumns, the register page's summary and both sides
  // of a comparison of dates.
  const text = households.map((h) => JSON.stringify(h)).join('\n') + '\n';
  assert.deepEqual(engine.screenColumns(text, asOf).basis, basis);
  const rs = RegisterScreen.screen(engine, text, asOf);
  while (!rs.next(7).done);
  assert.deepEqual(rs.summary().basis, basis);
  rs.free();
  const later = '2026-01-01';
  const after = engine.estimateMany(households, later).filter((i) => i.ok).map((i) => i.estimate);
  const cmp = RegisterScreen.compareDates(engine, text, asOf, later);
  while (!cmp.next(7).done);
  const c = cmp.comparison();
  cmp.free();
  for (const key of ['unofficial', 'stale', 'assumptions']) {
    const name = key === 'assumptions' ? 'rule' : 'parameter';
    const got = (b) => b[key].map((i) => [i[name], [...i.usedBy].sort()]).sort();
    assert.deepEqual(got(c.basisBefore), uses(estimates, key), `before ${key}`);
    assert.deepEqual(got(c.basisAfter), uses(after, key), `after ${key}`);
  }
});
