// What a portal developer meets first, working from the README alone: an empty field, a null one, a
// description of what a lean answer lists, a form with a deleted row, the limits of the batches. Each
// test holds the package to what the README and docs/api.md say.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PolicyEngine, PolicyError, RegisterScreen } from 'zhenxing';

const engine = new PolicyEngine();
const asOf = '2023-06-01';

/** `call` throws PolicyError `code` at `path`; the error is returned. */
function refused(call, code, path) {
  let error;
  assert.throws(call, (e) => {
    assert.ok(e instanceof PolicyError, String(e));
    assert.equal(e.code, code, e.message);
    assert.equal(e.path, path, e.message);
    error = e;
    return true;
  });
  return error;
}

// An empty birth date used to come back as 家庭数据不完整 at path "" with no problems, by every route,
// and readHousehold found nothing wrong with it.
test('an empty birth date is a problem at its field, by every route', () => {
  const h = { region: '230129', members: [{ birthDate: '1960-01-01' }, { birthDate: '' }] };
  const at = 'members[1].birthDate';
  // Refused as a blank one (' ') is: a date in the wrong form.
  const e = refused(() => engine.estimate(h, asOf), 'INVALID_DATE', at);
  assert.match(e.message, /日期“”格式有误/);
  assert.deepEqual(e.problems.map((p) => p.path), [at]);
  refused(() => engine.screen(h, asOf), 'INVALID_DATE', at);
  const [row] = engine.screenMany([h], asOf);
  assert.equal(row.ok, false);
  assert.equal(row.error.path, at);
  const [item] = engine.estimateMany([h], asOf);
  assert.equal(item.error.path, at);
  const columns = engine.screenColumns([h], asOf);
  assert.deepEqual(columns.errors.map((c) => [c.index, c.path]), [[0, at]]);
  const text = engine.screenText(`${JSON.stringify(h)}\n`, asOf);
  assert.match(text.csv, /members\[1\]\.birthDate/);
  assert.deepEqual(engine.readHousehold(JSON.stringify(h), asOf).problems.map((p) => p.path), [at]);
  assert.deepEqual(engine.readForm(h, asOf).problems.map((p) => p.path), [at]);
});

// README: "null means absent". The declarations say so too (tests/ts/usage.ts).
test('null reads as absent in every optional field of a household', () => {
  const given = { region: '230129', members: [{ birthDate: '1960-01-01' }] };
  const nulls = {
    region: '230129', ref: null, area: null, status: null, monitoringCategory: null, income: null,
    lastYearIncome: null, rigidSpending: null, assetTestPassed: null, guarantees: null, events: null,
    stableIncomeMonths: null, onDibao: null, dibaoMonthly: null, incomeChangeDate: null, housing: null,
    members: [{
      birthDate: '1960-01-01', id: null, disabilityGrade: null, seriousIllness: null, laborCapacity: null,
      selfCare: null, hasSupporter: null, wages: null, workRegion: null, workMinimumWage: null, schooling: null,
      boarding: null, insured: null, care: null, disabilityType: null, healthExemptFromSchool: null,
    }],
  };
  assert.deepEqual(engine.estimate(nulls, asOf, { explain: null }), engine.estimate(given, asOf));
  const parts = {
    ...given,
    income: { business: null, property: null, transfer: null, other: null, exempt: null },
    guarantees: { food: null, clothing: null, education: null, medical: null, housing: null, water: null },
    housing: { appraisal: null },
  };
  assert.deepEqual(engine.estimate(parts, asOf), engine.estimate(given, asOf));
  assert.deepEqual(engine.screenColumns([given], asOf, { explain: null, format: null, unknownColumns: null }).totals,
    engine.screenColumns([given], asOf).totals);
  const register = `${JSON.stringify(given)}\n`;
  assert.equal(engine.screenText(register, asOf, { explain: null, format: null, headers: null, unknownColumns: null }).csv,
    engine.screenText(register, asOf).csv);
});

test('null reads as absent in the optional fields of the other requests', () => {
  const bill = { region: '230129', group: 'dibao', hospitalLevel: 'county', total: '10000', inPolicy: '8000' };
  assert.deepEqual(engine.medical({ ...bill, paidThisYear: null, burdenThisYear: null }, asOf), engine.medical(bill, asOf));
  assert.deepEqual(engine.medical({ ...bill, paidThisYear: { basic: null, assistance: null } }, asOf), engine.medical(bill, asOf));
  const loan = { region: '230129', status: 'alleviated', amount: '50000', termYears: 3, rate: '0.0435' };
  assert.deepEqual(engine.microcredit({ ...loan, monitoringCategory: null }, asOf), engine.microcredit(loan, asOf));
  const project = { region: '230129', budget: '1000000' };
  assert.deepEqual(engine.workRelief({ ...project, keyProject: null }, asOf), engine.workRelief(project, asOf));
  const asset = { id: 'A1', name: '光伏电站', fundingSource: 'specialFund', year: 2019, value: '100000', kind: 'photovoltaic', ownerLevel: 'village' };
  const sparse = { ...asset, village: null, annualIncome: null, incomeUses: null, disposal: null };
  assert.deepEqual(engine.assets([sparse], asOf), engine.assets([asset], asOf));
  const county = { region: '230129', year: 2022, income: { thisYear: '16800', lastYear: '15600' }, provinceGrowth: '0.065' };
  const withNulls = {
    ...county, provinceIncome: null,
    register: { households: 10, monitored: { unstable: { households: 1, riskEliminated: null }, marginal: null, suddenHardship: null }, dibaoGaps: null, tekunGaps: null, cashMonthly: null, cashAnnual: null },
  };
  const plain = { ...county, register: { households: 10, monitored: { unstable: { households: 1 } } } };
  assert.deepEqual(engine.countyIndicators(withNulls, asOf), engine.countyIndicators(plain, asOf));
});

// A lean answer lists ids (`unofficial`, `stale`, `assumptions`) for a page to describe on demand.
test('every id a lean estimate lists describes with the estimate\'s date, with or without its region', () => {
  const h = { region: '230129', members: [{ birthDate: '1980-01-01', wages: '6000' }, { birthDate: '2012-01-01', schooling: 'primary' }] };
  const listed = new Set();
  for (const on of ['2021-06-01', '2024-06-01', '2026-06-01']) {
    const lean = engine.estimate(h, on, { explain: false });
    const ids = [...lean.unofficial.map((u) => u.parameter ?? u), ...lean.stale.map((s) => s.parameter), ...lean.assumptions.map((a) => a.rule)];
    for (const id of ids) {
      listed.add(id);
      for (const region of [undefined, h.region]) {
        const d = engine.describe(id, on, region);
        assert.ok(d.text.length > 0, id);
      }
    }
  }
  assert.ok(listed.has('minimumWage.tier'), [...listed].join(' '));
  // Set by county: without a region, it depends on the region (no error, no figure).
  const tier = engine.describe('minimumWage.tier', '2024-06-01');
  assert.equal(tier.parameter, undefined);
  assert.match(tier.text, /只按县（市、区）确定/);
  assert.match(engine.describe('tekun.basicStandard.urban', '2024-06-01').text, /因地区而异/);
  // data/params/dibao-tekun.toml: 957 for Harbin's nine counties from 2022-01-01, none for 道里区.
  assert.equal(engine.describe('tekun.basicStandard.urban', '2024-06-01', '230129').parameter?.value.value, '957');
  const none = engine.describe('tekun.basicStandard.urban', '2024-06-01', '230102');
  assert.equal(none.parameter, undefined);
  assert.match(none.text, /因地区而异，这一地区没有取值/);
  assert.doesNotMatch(none.text, /尚无取值/);
});

// With problems the household is only what was read (FormReadingWithProblems): here no `members`,
// which a Household requires; `ok` says which of the two readings it is.
test('a reading with problems says so in ok, and its household is what was read', () => {
  const repeated = engine.readHousehold('{"region":"230129","region":"230102"}', asOf);
  assert.equal(repeated.ok, false);
  assert.deepEqual(repeated.household, { region: '230102' });
  assert.equal(repeated.household.members, undefined);
  const good = engine.readForm({ region: '230129', members: [{ birthDate: '1980-01-01' }] }, asOf);
  assert.equal(good.ok, true);
  assert.deepEqual(good.problems, []);
  assert.equal(engine.readHousehold('{ "region": ', asOf).ok, false);
});

// A form's rows are the officer's: a deleted (null) row must not move the next row's problems up.
test('readForm keeps a null member row in its place', () => {
  const values = { region: '230129', members: [{ birthDate: '1980-01-01' }, null, { birthDate: '1982-01-01', wages: 'abc' }] };
  const reading = engine.readForm(values, asOf);
  assert.deepEqual(reading.problems.map((p) => p.path), ['members[1]', 'members[2].wages']);
  assert.equal(reading.household.members.length, 3);
  assert.equal(reading.ok, false);
  const e = refused(() => engine.estimate(values, asOf), 'INVALID_INPUT', 'members[1]');
  assert.deepEqual(e.problems.map((p) => p.path), ['members[1]', 'members[2].wages']);
});

test('a comparison over its limit names its argument and what compares a larger register', () => {
  const e = refused(() => engine.compareMany(new Array(200_001).fill(0), asOf, engine), 'OUT_OF_RANGE', 'households');
  assert.match(e.message, /RegisterScreen\.compare/);
  assert.doesNotMatch(e.message, /screenMany|screenEach/);
  const d = refused(() => engine.compareDatesMany(new Array(200_001).fill(0), '2025-12-31', '2026-01-01'), 'OUT_OF_RANGE', 'households');
  assert.match(d.message, /RegisterScreen\.compareDates/);
  const s = refused(() => engine.estimateMany(new Array(200_001).fill(0), asOf), 'OUT_OF_RANGE', 'households');
  assert.match(s.message, /screenEach/);
});

test('a freed register names every way to make one', () => {
  const screen = RegisterScreen.compareDates(engine, `${JSON.stringify({ region: '230129', members: [{ birthDate: '1960-01-01' }] })}\n`, '2025-12-31', '2026-01-01');
  screen.free();
  const e = refused(() => screen.next(10), 'ENGINE_FREED', '');
  assert.match(e.message, /screen\(\)、compare\(\)、compareDates\(\)/);
});
