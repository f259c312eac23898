// Households through the package: the values JavaScript really sends (numbers, null, NaN, typos).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PolicyEngine, PolicyError } from 'zhenxing';

const engine = new PolicyEngine();
const asOf = '2023-06-01';
const family = () => ({
  region: '230129',
  members: [{ id: '父亲', birthDate: '1983-01-01' }, { id: '孩子', birthDate: '2013-01-01' }],
  income: { business: 6000 },
});

test('money may be a number or a decimal string, with the same answer', () => {
  const asNumber = engine.dibao(family(), asOf);
  const h = family();
  h.income.business = '6000.00';
  assert.deepEqual(engine.dibao(h, asOf), asNumber);
  // 6000 ÷ 12 ÷ 2 = 250.00; 补差 (441 − 250) × 2 = 382.00; 孩子 0.20 × 441 = 88.20; 月 470.20.
  assert.equal(asNumber.monthly, '470.20');
  assert.equal(asNumber.annual, '5642.40');
});

test('null and undefined mean absent', () => {
  const h = family();
  h.rigidSpending = null;
  h.members[0].wages = undefined;
  assert.equal(engine.dibao(h, asOf).monthly, '470.20');
});

test('NaN, Infinity, 0.1 + 0.2, 1e20 and typos are refused with code and path', () => {
  const cases = [
    [(h) => { h.income.business = NaN; }, 'INVALID_INPUT', 'income.business'],
    [(h) => { h.income.business = Infinity; }, 'INVALID_INPUT', 'income.business'],
    [(h) => { h.income.business = 0.1 + 0.2; }, 'INVALID_INPUT', 'income.business'],
    [(h) => { h.income.business = 1e20; }, 'OUT_OF_RANGE', 'income.business'],
    [(h) => { h.income.business = -1; }, 'OUT_OF_RANGE', 'income.business'],
    [(h) => { h.income.business = ' 100'; }, 'INVALID_INPUT', 'income.business'],
    [(h) => { h.members[1].wage = 100; }, 'INVALID_INPUT', 'members[1].wage'],
    [(h) => { h.members[1].birthDate = '2013-02-29'; }, 'INVALID_DATE', 'members[1].birthDate'],
    [(h) => { h.members[1].laborCapacity = 'some'; }, 'INVALID_INPUT', 'members[1].laborCapacity'],
    [(h) => { h.region = '999999'; }, 'INVALID_REGION', 'region'],
    [(h) => { h.members = Array.from({ length: 31 }, () => ({ birthDate: '1990-01-01' })); }, 'OUT_OF_RANGE', 'members'],
    [(h) => { h.income.business = 10n; }, 'INVALID_INPUT', 'income.business'],
  ];
  for (const [spoil, code, path] of cases) {
    const h = family();
    spoil(h);
    assert.throws(() => engine.dibao(h, asOf), (e) => {
      assert.ok(e instanceof PolicyError, String(e));
      assert.equal(e.code, code, `${spoil}: ${e.message}`);
      assert.equal(e.path, path, `${spoil}: ${e.message}`);
      assert.match(e.message, /[\u4e00-\u9fff]/, 'the message is in Chinese');
      return true;
    });
  }
  assert.equal(engine.dibao(family(), asOf).monthly, '470.20', 'the engine keeps working');
});

test('non-objects are refused', () => {
  for (const bad of [null, undefined, 42, 'x', []]) {
    assert.throws(() => engine.monitoring(bad, asOf), (e) => e instanceof PolicyError && e.code === 'INVALID_INPUT');
  }
});

test('results are plain JSON-shaped objects with the contract fields', () => {
  const d = engine.dibao(family(), asOf);
  for (const key of ['program', 'label', 'eligible', 'monthly', 'annual', 'reasons', 'steps', 'citations', 'unofficial',
    'countedIncome', 'employmentDeduction', 'perCapitaMonthlyIncome', 'standard', 'base', 'supplements', 'singlePerson']) {
    assert.ok(key in d, key);
  }
  assert.equal(d.program, 'dibao');
  assert.equal(d.label, '最低生活保障');
  assert.deepEqual(d.citations, ['四(十)']);
  assert.equal(Object.getPrototypeOf(d.supplements[0]), Object.prototype);
  const m = engine.monitoring(family(), asOf);
  assert.equal(typeof m.inScope, 'boolean');
  const t = engine.tekun(family(), asOf);
  assert.equal(t.program, 'tekun');
  const tmp = engine.temporary({ ...family(), events: ['illness'], rigidSpending: 5000 }, asOf);
  assert.equal(tmp.program, 'temporary');
});

test('a what-if standard changes 低保 as the arithmetic says', () => {
  const richer = engine.withOverrides({ 'dibao.standard.rural': '471' });
  // 补差 (471 − 250) × 2 = 442.00; 加发 0.20 × 471 = 94.20; 月 536.20.
  const d = richer.dibao(family(), asOf);
  assert.equal(d.monthly, '536.20');
  assert.ok(d.unofficial.includes('dibao.standard.rural'));
});

test('one household that cannot be read is that household\'s error, never the batch\'s', async () => {
  const { PolicyEngine } = await import('zhenxing');
  const e = new PolicyEngine();
  const h = { ref: 'A', region: '230129', members: [{ birthDate: '1958-01-01' }], income: { other: '3000' } };
  const cyclic = { ref: 'cycle', region: '230129', members: [{ birthDate: '1958-01-01' }] };
  cyclic.members[0].self = cyclic;
  const batch = [h, { ...h, ref: 'B', members: [{ birthDate: '1958-01-01', id: '王𠀀明'.slice(0, 2) }] }, { ...h, ref: 'C', income: new Map() },
    10n, cyclic, { get region() { throw new Error('gone'); }, members: [] }, { ...h, ref: 'E' }];
  for (const items of [e.screenMany(batch, '2023-06-01'), e.estimateMany(batch, '2023-06-01', { explain: false })]) {
    assert.deepEqual(items.map((i) => i.ok), [true, false, false, false, false, false, true]);
    assert.deepEqual(items.map((i) => (i.ok ? '' : i.error.path)), ['', 'members[0].id', 'income', '', 'members[0].self', 'region', '']);
    assert.equal(items[1].ref, 'B');
    assert.equal((items[0].screening ?? items[0].estimate).ref, 'A');
  }
});

test('every problem of a household at once, and a form read into a household', async () => {
  const { PolicyEngine, PolicyError } = await import('zhenxing');
  const e = new PolicyEngine();
  const bad = { region: '230129', members: [{ id: '父亲', birthDate: '1980-02-30', wage: 100 }, { id: '女儿' }], income: { business: 'abc' } };
  assert.throws(() => e.estimate(bad, '2023-06-01'), (err) => {
    assert.ok(err instanceof PolicyError);
    assert.deepEqual(err.problems.map((p) => p.path).sort(), ['income.business', 'members[0].birthDate', 'members[0].wage', 'members[1].birthDate']);
    return true;
  });
  const form = e.readForm({ region: '230129', members: [{ id: ' 父亲 ', birthDate: '１９８０-01-01', wages: '12,000', disabilityGrade: '' }], income: { other: '' } }, '2023-06-01');
  assert.deepEqual(form.problems, []);
  assert.deepEqual(form.household, { income: {}, members: [{ birthDate: '1980-01-01', id: '父亲', wages: '12000' }], region: '230129' });
  assert.equal(e.estimate(form.household, '2023-06-01').programs[0].program, 'dibao');
});

test('screenEach hands over the rows chunk by chunk, in order', async () => {
  const { PolicyEngine } = await import('zhenxing');
  const e = new PolicyEngine();
  const h = { region: '230129', members: [{ birthDate: '1958-01-01' }], income: { other: '3000' } };
  const all = Array.from({ length: 2500 }, (_, i) => ({ ...h, ref: String(i) }));
  const seen = [];
  e.screenEach(all, '2023-06-01', (rows, start) => { assert.equal(start, seen.length); seen.push(...rows); });
  assert.equal(seen.length, 2500);
  assert.deepEqual(seen.map((r) => r.screening.ref), all.map((h) => h.ref));
  assert.deepEqual(seen[7], e.screenMany([all[7]], '2023-06-01')[0]);
});
