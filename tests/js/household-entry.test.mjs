// `zhenxing/household`: the household module (the household calls only, a smaller .wasm) answers
// every household call of the golden cases with the very text the full module answers, explained and
// not; what it leaves out is absent, not broken; its errors are the package's one PolicyError.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as full from 'zhenxing';
import * as household from 'zhenxing/household';

const repo = process.env.ZX_REPO;
const require = createRequire(import.meta.url);
const pkg = dirname(require.resolve('zhenxing/package.json'));
const load = (file) => import(pathToFileURL(join(pkg, file)).href);

const fullEngine = new full.PolicyEngine();
const engine = new household.PolicyEngine();

/** The thirteen household programmes (the registry's), each a method of the engine. */
const PROGRAMMES = ['careServices', 'childRehabilitation', 'dibao', 'education', 'forestRanger', 'housing',
  'medicalPremium', 'orphanAllowance', 'pension', 'povertyInsurance', 'publicPost', 'tekun', 'temporary'];
/** The methods that take `(household, asOf, options?)`: the programmes, monitoring, estimate, screen. */
const HOUSEHOLD_CALLS = [...PROGRAMMES, 'monitoring', 'estimate', 'screen'];
/** What the household engine has, beside those. */
const OTHER_METHODS = ['describe', 'free', 'incomeCurve', 'parameterSet', 'parameterValue', 'readForm', 'readHousehold', 'regions', 'transition'];
/** What only the full engine has. */
const LEFT_OUT = ['assets', 'assetsText', 'compare', 'compareDates', 'compareDatesMany', 'compareMany', 'county',
  'countyIndicators', 'estimateMany', 'guaranteeLoan', 'insuranceFutures', 'medical', 'microcredit',
  'parameters', 'screenColumns', 'screenEach', 'screenMany', 'screenText', 'withOverrides', 'workRelief'];

/** A call's answer as text: the result, or the error's code, path and message. */
function answer(f) {
  try {
    return JSON.stringify(f());
  } catch (e) {
    return JSON.stringify({ error: e instanceof full.PolicyError ? { code: e.code, path: e.path, message: e.message } : String(e) });
  }
}

// The golden cases' households under the embedded parameters (a what-if needs withOverrides, which
// only the full module has).
const cases = readdirSync(join(repo, 'tests', 'cases')).filter((f) => f.endsWith('.json')).sort()
  .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(join(repo, 'tests', 'cases', f), 'utf8'))])
  .filter(([, c]) => !c.overrides && HOUSEHOLD_CALLS.includes(c.call));

test('there are golden households, and thirteen programmes', () => {
  assert.ok(cases.length > 150, `${cases.length} households`);
  assert.equal(PROGRAMMES.length, 13);
  for (const id of PROGRAMMES) assert.ok(id in full.labels().program, id);
});

test('every golden household: each programme, monitoring, estimate and screen, explained and not, as the full module answers', () => {
  let calls = 0;
  for (const [name, c] of cases) {
    const [h, asOf] = c.args;
    for (const method of HOUSEHOLD_CALLS) {
      for (const options of [undefined, { explain: true }, { explain: false }]) {
        const want = answer(() => fullEngine[method](h, asOf, options));
        assert.equal(answer(() => engine[method](h, asOf, options)), want, `${name}: ${method} ${JSON.stringify(options)}`);
        calls += 1;
      }
    }
  }
  assert.equal(calls, cases.length * HOUSEHOLD_CALLS.length * 3);
});

test('the form, the transition and the parameter look-ups answer as the full module', () => {
  const [, c] = cases.find(([name]) => name === 'dibao-basic-with-minor');
  const [h, asOf] = c.args;
  const same = (f) => assert.equal(answer(() => f(engine)), answer(() => f(fullEngine)));
  same((e) => e.transition(asOf, h.region));
  same((e) => e.transition(asOf, h.region, { explain: false }));
  same((e) => e.readForm({ region: h.region, status: 'alleviated' }, asOf));
  same((e) => e.readHousehold(JSON.stringify(h), asOf));
  same((e) => e.readHousehold('{"region": "230129", "region": "230102"}', asOf));
  same((e) => e.parameterSet());
  same((e) => e.parameterValue('dibao_standard_rural', asOf, h.region));
  same((e) => e.describe('dibao_standard_rural', asOf, h.region));
  same((e) => e.incomeCurve(h, asOf, { from: '0', to: '12000', step: '500' }));
  same((e) => e.incomeCurve(h, asOf, { from: '0', to: '12000', step: '0' }));
  same((e) => e.regions());
  assert.equal(JSON.stringify(household.labels()), JSON.stringify(full.labels()));
  assert.equal(JSON.stringify(household.policyItems()), JSON.stringify(full.policyItems()));
  assert.equal(household.version(), full.version());
});

test('the engine has the household methods only: the others are absent, not broken', () => {
  const methods = Object.getOwnPropertyNames(household.PolicyEngine.prototype).filter((n) => n !== 'constructor').sort();
  assert.deepEqual(methods, [...HOUSEHOLD_CALLS, ...OTHER_METHODS].sort());
  for (const name of LEFT_OUT) {
    assert.equal(typeof fullEngine[name], 'function', `the full engine has ${name}`);
    assert.ok(!(name in engine), `the household engine has no ${name}`);
  }
  assert.equal(household.PolicyEngine.fromParameters, undefined);
  for (const name of ['RegisterScreen', 'defaultParameters', 'registerColumns']) {
    assert.ok(name in full, `zhenxing exports ${name}`);
    assert.ok(!(name in household), `zhenxing/household does not export ${name}`);
  }
  assert.deepEqual(Object.keys(household).sort(),
    ['PolicyEngine', 'PolicyError', 'default', 'init', 'initSync', 'labels', 'policyItems', 'version']);
});

test('errors are the package\'s one PolicyError, and the engine keeps working after one', () => {
  assert.equal(household.PolicyError, full.PolicyError);
  const [, c] = cases.find(([name]) => name === 'dibao-basic-with-minor');
  for (const bad of [() => engine.dibao(c.args[0], '2023-02-29'), () => engine.estimate({ region: '230129', members: [] }, '2023-06-01'),
    () => engine.transition('2023-06-01', '999999'), () => engine.screen(undefined, '2023-06-01')]) {
    assert.throws(bad, (e) => e instanceof household.PolicyError && e instanceof Error && typeof e.code === 'string' && /[\u4e00-\u9fff]/.test(e.message));
  }
  assert.equal(answer(() => engine.dibao(...c.args)), answer(() => fullEngine.dibao(...c.args)));
  const spent = new household.PolicyEngine();
  spent.free();
  assert.throws(() => spent.estimate(c.args[0], c.args[1]), (e) => e instanceof full.PolicyError && e.code === 'ENGINE_FREED'
    && e.message.includes('zhenxing/household 的 new PolicyEngine()') && !e.message.includes('withOverrides'));
  // A household engine handed to the full module's what-if: refused, saying why.
  assert.throws(() => fullEngine.compare(c.args[0], c.args[1], engine), (e) => e instanceof full.PolicyError
    && e.code === 'INVALID_INPUT' && e.path === 'other' && e.message.includes('zhenxing/household 的引擎不能交给完整模块'));
});

test('the browser zhenxing/household: PolicyError NOT_INITIALIZED before init(), its own module after it', async () => {
  const web = await load('household/index.js');
  assert.throws(() => new web.PolicyEngine(), (e) => e instanceof web.PolicyError && e.code === 'NOT_INITIALIZED'
    && e.message.includes('zhenxing/household 先要加载 household_bg.wasm'));
  assert.ok(!('defaultParameters' in web) && !('RegisterScreen' in web) && !('fromParameters' in web.PolicyEngine));
  const output = await web.default({ module_or_path: readFileSync(join(pkg, 'household', 'household_bg.wasm')) });
  assert.ok(output.memory instanceof WebAssembly.Memory);
  assert.equal(await web.default(), output, 'a second init() resolves at once to the same instance');
  const [, c] = cases.find(([name]) => name === 'estimate-dibao-and-tekun');
  const e = new web.PolicyEngine();
  assert.equal(JSON.stringify(e.estimate(...c.args)), JSON.stringify(fullEngine.estimate(...c.args)));
  assert.ok(!('compare' in e));
  e.free();
});

test('the household module is the smaller file', () => {
  const size = (file) => readFileSync(join(pkg, file)).length;
  assert.ok(size('household/household_bg.wasm') < size('web/zhenxing_bg.wasm') * 0.7);
});

test('new PolicyEngine(json) reads a whole parameter set in the full module, and refuses what fromParameters refuses', () => {
  const set = JSON.parse(full.defaultParameters());
  set.id = 'own-set';
  const text = JSON.stringify(set);
  const [, c] = cases.find(([name]) => name === 'estimate-dibao-and-tekun');
  for (const module of [full]) {
    const own = new module.PolicyEngine(text);
    assert.equal(own.parameterSet().id, 'own-set');
    assert.equal(JSON.stringify(own.estimate(...c.args)), JSON.stringify(full.PolicyEngine.fromParameters(text).estimate(...c.args)));
    for (const bad of ['{not json', null, 42, {}, JSON.parse(text)]) {
      const expected = answer(() => full.PolicyEngine.fromParameters(bad));
      assert.match(expected, /"code":"INVALID_PARAMETERS"/, String(bad));
      assert.equal(answer(() => new module.PolicyEngine(bad)), expected, String(bad));
    }
    own.free();
  }
});

test('the household module refuses a parameter set given to new PolicyEngine(json), saying which module reads one', () => {
  const text = full.defaultParameters();
  for (const given of [text, '{not json', null, 42, {}]) {
    assert.throws(() => new household.PolicyEngine(given), (e) => e instanceof household.PolicyError
      && e.code === 'INVALID_PARAMETERS' && e.message.includes('zhenxing/household 只用内置的黑龙江参数')
      && e.message.includes('完整模块 zhenxing'), String(given));
  }
  // Without an argument (or undefined), the embedded set, as before.
  assert.equal(new household.PolicyEngine(undefined).parameterSet().id, new full.PolicyEngine().parameterSet().id);
});
