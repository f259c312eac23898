// Every id a lean answer holds has words: a labels() table names it, or describe() answers it (a
// parameter, a rule, a reason, an alert). Walked over the golden cases' households (varied: every
// programme, alert and status the cases reach), lean: estimate, screen, every single programme,
// compare, compareMany, compareDates and compareDatesMany. `usedBy` and a comparison's `program`
// must be named by labels().program or labels().part.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PolicyEngine, labels } from 'zhenxing';

const L = labels();
const engine = new PolicyEngine();
const casesDir = join(process.env.ZX_REPO, 'tests', 'cases');
/** The households of the cases (of every call that takes one), with their date. */
const households = readdirSync(casesDir).filter((n) => n.endsWith('.json'))
  .map((n) => JSON.parse(readFileSync(join(casesDir, n), 'utf8')))
  .filter((c) => Array.isArray(c.args?.[0]?.members) && /^\d{4}-\d{2}-\d{2}$/.test(c.args[1]))
  .map((c) => [c.args[0], c.args[1]]);
const PROGRAMMES = ['monitoring', 'dibao', 'tekun', 'temporary', 'pension', 'education', 'orphanAllowance',
  'childRehabilitation', 'careServices', 'publicPost', 'forestRanger', 'medicalPremium', 'housing',
  'povertyInsurance'];
// Amounts, dates, a member by position (#1), and words themselves (a comparison's summary has them).
const NOT_AN_ID = /^-?\d+(\.\d+)?$|^\d{4}-\d{2}-\d{2}$|^#\d+$|[^\x00-\x7f]/;

/** Every (key path, string) of `x`, member ids aside. */
function collect(x, path, out, members) {
  if (Array.isArray(x)) x.forEach((v) => collect(v, `${path}[]`, out, members));
  else if (x && typeof x === 'object') {
    // A household a batch refused: its error has a code and words of its own.
    for (const [k, v] of Object.entries(x)) if (k !== 'error') collect(v, `${path}.${k}`, out, members);
  }
  else if (typeof x === 'string' && !NOT_AN_ID.test(x) && !members.has(x)) out.add(`${path}\t${x}`);
}

/** Every (path, id) of the lean answers for these households. */
function walk() {
  const seen = new Set();
  const whatIf = engine.withOverrides({ 'dibao.standard.rural': '600', 'monitoring.incomeLine': '9000' });
  for (const [h, asOf] of households) {
    const members = new Set(h.members.map((m) => m.id).filter(Boolean));
    const lean = { explain: false };
    const calls = {
      estimate: () => engine.estimate(h, asOf, lean),
      screen: () => engine.screen(h, asOf, lean),
      compare: () => engine.compare(h, asOf, whatIf, lean),
      compareMany: () => engine.compareMany([h], asOf, whatIf),
      compareDates: () => engine.compareDates(h, '2025-12-31', '2026-01-01', lean),
      compareDatesMany: () => engine.compareDatesMany([h], '2025-12-31', '2026-01-01'),
      ...Object.fromEntries(PROGRAMMES.map((p) => [p, () => engine[p](h, asOf, lean)])),
    };
    for (const [name, call] of Object.entries(calls)) {
      let answer;
      try {
        answer = call();
      } catch {
        continue; // a household a single programme refuses: its error has words of its own
      }
      collect(answer, name, seen, members);
    }
  }
  whatIf.free();
  return [...seen].map((s) => s.split('\t'));
}

const ids = walk();
const described = new Map();
/** Whether describe() answers `id` with words. */
function describes(id) {
  if (!described.has(id)) {
    let text = null;
    try {
      text = engine.describe(id, '2023-06-01', '230129').text ?? null;
    } catch { /* an id describe() does not know */ }
    described.set(id, Boolean(text));
  }
  return described.get(id);
}

test('the walk reaches the ids the check is about', () => {
  assert.ok(households.length > 100, `${households.length} households`);
  const usedBy = new Set(ids.filter(([p]) => p.endsWith('.usedBy[]')).map(([, v]) => v));
  // Each a part of an estimate that is no programme: reached by the cases' unofficial parameters.
  for (const id of ['transition', 'alerts', 'dibao']) assert.ok(usedBy.has(id), `usedBy never holds ${id}`);
  assert.ok(ids.some(([p, v]) => p === 'compareMany.households[].programs[].program' && v === 'total'));
});

test('usedBy and a comparison\'s program are named by labels().program or labels().part', () => {
  const unnamed = ids.filter(([p, v]) => (p.endsWith('.usedBy[]') || (p.startsWith('compare') && p.endsWith('.programs[].program')))
    && !(v in L.program) && !(v in (L.part ?? {})));
  assert.deepEqual(unnamed, []);
});

test('every id of a lean answer has words in labels() or from describe()', () => {
  const tables = Object.values(L);
  const unnamed = ids.filter(([, v]) => !tables.some((t) => Object.hasOwn(t, v)) && !describes(v));
  assert.deepEqual(unnamed, []);
});

test.after(() => engine.free());
