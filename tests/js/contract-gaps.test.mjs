// The JavaScript contract (design API.md) read by a team that did not write the engine: the names,
// arguments and defaults it fixes, checked against the installed package. Each test quotes the line
// of the contract it holds the package to.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PolicyEngine, PolicyError, defaultParameters } from 'zhenxing';

const engine = new PolicyEngine();
const asOf = '2023-06-01';
// One pensioner with a severe disability and a pupil: 低保, 加发 and 教育资助 all have words to say.
const household = {
  ref: 'H1', region: '230129', status: 'alleviated', income: { business: '1000' },
  members: [{ birthDate: '1950-01-01', disabilityGrade: 1 }, { birthDate: '2012-05-05', schooling: 'primary' }],
};
const CHINESE = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/;

/** Every string of `x` that holds a Chinese character, with its path. */
function chinese(x, path = '', out = []) {
  if (typeof x === 'string') { if (CHINESE.test(x)) out.push(`${path} = ${x}`); }
  else if (Array.isArray(x)) x.forEach((v, i) => chinese(v, `${path}[${i}]`, out));
  else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) chinese(v, `${path}.${k}`, out);
  return out;
}

// "`new PolicyEngine(json)` and `withOverrides` read and validate as today."
test('new PolicyEngine(json) refuses a parameter set that is not JSON', () => {
  assert.throws(() => new PolicyEngine('{not json'),
    (e) => e instanceof PolicyError && e.code === 'INVALID_PARAMETERS');
});

test('new PolicyEngine(json) computes with the set it was given', () => {
  const set = JSON.parse(defaultParameters());
  set.id = 'own-set';
  const own = new PolicyEngine(JSON.stringify(set));
  assert.equal(own.parameterSet().id, 'own-set');
});

// "batches (`screenMany`, `estimateMany`, `compareMany`, `screenText`, `screenColumns`) default to
// `false`. With `explain: false` a result holds figures, booleans, ids and dates and **no Chinese text**"
test('compareMany is lean by default', () => {
  const other = engine.withOverrides({ 'dibao.standard.rural': '600' });
  const out = engine.compareMany([household], asOf, other);
  assert.deepEqual(chinese(out, 'compareMany').slice(0, 3), []);
});

// "Every household call takes `options?: { explain?: boolean }` as its last argument."
test('screenText takes { explain } as its last argument', () => {
  const text = `${JSON.stringify(household)}\n`;
  assert.doesNotThrow(() => engine.screenText(text, asOf, { explain: false }));
});

test('incomeCurve with { explain: false } holds no Chinese text', () => {
  const curve = engine.incomeCurve(household, asOf, { from: '0', to: '20000', step: '5000' }, { explain: false });
  assert.deepEqual(chinese(curve, 'incomeCurve').slice(0, 3), []);
});

