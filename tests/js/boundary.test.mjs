// What crosses into the module is what the household holds, read once: values JSON.stringify would
// drop or change (a toJSON, a field that is not enumerable, a getter answering otherwise the second
// time, a Proxy showing other keys, a toJSON planted on Object.prototype) are refused with their path
// or cannot change the answer, in single calls and in batches alike; arrays are read by index.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PolicyEngine, PolicyError } from 'zhenxing';

const engine = new PolicyEngine();
const asOf = '2023-06-01';
// 延寿县, 2 people, 6,000 a year of business income: 6000 ÷ 12 ÷ 2 = 250.00 a person a month, under
// the rural standard 441: 补差 (441 − 250) × 2 = 382.00, plus 0.20 × 441 = 88.20 for the child:
// 470.20 a month.
const family = () => ({
  region: '230129',
  members: [{ id: '父亲', birthDate: '1983-01-01' }, { id: '孩子', birthDate: '2013-01-01' }],
  income: { business: '6000' },
});
const monthly = (h) => engine.dibao(h, asOf).monthly;

/** `call` throws PolicyError INVALID_INPUT at `path`, with a Chinese message matching `words`. */
function refused(call, path, words) {
  assert.throws(call, (e) => {
    assert.ok(e instanceof PolicyError, String(e));
    assert.equal(e.code, 'INVALID_INPUT', e.message);
    assert.equal(e.path, path, e.message);
    assert.match(e.message, words);
    return true;
  });
}

/** The same household's row in a batch is its error at `path`, and the others go on. */
function refusedInBatch(h, path, words) {
  const rows = engine.screenMany([family(), h, family()], asOf);
  assert.deepEqual(rows.map((r) => r.ok), [true, false, true]);
  assert.equal(rows[1].error.path, path);
  assert.match(rows[1].error.message, words);
}

test('the plain household: 470.20 a month', () => {
  assert.equal(monthly(family()), '470.20');
});

test('a toJSON on a nested object is refused, not called', () => {
  const h = family();
  // Would make the income 600 (a third of the 低保 then paid) if JSON.stringify were trusted.
  Object.defineProperty(h.income, 'toJSON', { value: () => ({ business: '600' }), enumerable: false });
  refused(() => engine.dibao(h, asOf), 'income.toJSON', /toJSON/);
  refusedInBatch(h, 'income.toJSON', /toJSON/);
});

test('a field that is not enumerable is refused (JSON.stringify would leave it out)', () => {
  const h = family();
  Object.defineProperty(h.members[0], 'wages', { value: '30000', enumerable: false });
  refused(() => engine.dibao(h, asOf), 'members[0].wages', /不可枚举/);
  refusedInBatch(h, 'members[0].wages', /不可枚举/);
});

test('a getter is read once: the answer is for the value read', () => {
  let reads = 0;
  const h = family();
  // First read 6000 (checked), any later read 0: the module must see 6000.
  Object.defineProperty(h.income, 'business', { get: () => (reads++ === 0 ? '6000' : '0'), enumerable: true });
  assert.equal(monthly(h), '470.20');
  assert.equal(reads, 1);
  reads = 0;
  assert.equal(engine.screenMany([h], asOf)[0].ok, true);
  assert.equal(reads, 1);
});

test('a Proxy that shows other keys at each look is refused; what a Proxy shows is what is computed', () => {
  // ownKeys shows the income to one look and hides it from the next: JSON.stringify would have
  // sent whatever its own look saw.
  let looks = 0;
  const income = new Proxy({ business: '6000' }, { ownKeys: (t) => (looks++ === 0 ? Reflect.ownKeys(t) : []) });
  refused(() => engine.dibao({ ...family(), income }, asOf), 'income', /读取时变了/);
  looks = 0;
  refusedInBatch({ ...family(), income }, 'income', /读取时变了/);
  // A steady Proxy is read like the object it shows: 470.20.
  assert.equal(monthly({ ...family(), income: new Proxy({ business: '6000' }, {}) }), '470.20');
  // One that answers a key it does not list: JSON would leave it out, and so does the reading.
  const sly = new Proxy({}, { get: (t, k) => (k === 'business' ? '600' : undefined) });
  assert.equal(monthly({ ...family(), income: sly }), engine.dibao({ ...family(), income: {} }, asOf).monthly);
});

test('a toJSON planted on Object.prototype changes nothing', () => {
  const before = engine.estimate(family(), asOf);
  // eslint-disable-next-line no-extend-native
  Object.defineProperty(Object.prototype, 'toJSON', { value() { return { region: '230102', members: [{ birthDate: '1940-01-01' }] }; }, configurable: true });
  try {
    assert.equal(monthly(family()), '470.20');
    assert.deepEqual(engine.estimate(family(), asOf).programs, before.programs);
    assert.deepEqual(engine.screenMany([family()], asOf)[0].ok, true);
  } finally {
    delete Object.prototype.toJSON;
  }
});

test('a revoked Proxy, as the household or inside it, is a PolicyError', () => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  refused(() => engine.dibao(proxy, asOf), '', /已撤销的 Proxy/);
  refused(() => engine.dibao({ ...family(), income: proxy }, asOf), 'income', /已撤销的 Proxy/);
  refused(() => engine.screenMany(proxy, asOf), '', /已撤销的 Proxy/);
  refusedInBatch({ ...family(), income: proxy }, 'income', /已撤销的 Proxy/);
  assert.equal(monthly(family()), '470.20', 'the engine keeps working');
});

test('screenMany reads the households by index, not through a replaced iterator', () => {
  const list = [family(), family()];
  list[Symbol.iterator] = function* () { yield { region: '999999', members: [] }; };
  const rows = engine.screenMany(list, asOf);
  assert.deepEqual(rows.map((r) => r.ok), [true, true]);
  assert.deepEqual(engine.estimateMany(list, asOf, { explain: false }).map((r) => r.ok), [true, true]);
  // An array with other fields inside a household: JSON would drop them.
  const members = family().members;
  members.extra = { birthDate: '1950-01-01' };
  refused(() => engine.dibao({ ...family(), members }, asOf), 'members', /其他字段“extra”/);
});

test('screenText refuses a lone surrogate, naming its line, as a household does', () => {
  const register = 'household_id,region,birth_date,ref\nA,230129,1980-01-01,张三\nB,230129,1980-01-01,李\ud840\n';
  refused(() => engine.screenText(register, asOf), '', /^第 3 行：.*不成对的代理项 U\+D840/);
  refused(() => engine.dibao({ ...family(), ref: '李\ud840' }, asOf), 'ref', /不成对的代理项/);
  // The same text without it is read.
  assert.equal(engine.screenText(register.replace('\ud840', '四'), asOf).rows, 2);
});

test('screenText reports a line over 1 MB as its own error and goes on', () => {
  const good = JSON.stringify(family());
  const long = JSON.stringify({ ref: 'x'.repeat(2 << 20) });
  const r = engine.screenText(`${good}\n${long}\n${good}\n`, asOf, { format: 'jsonl' });
  assert.deepEqual([r.rows, r.errors, r.lines], [3, 1, 3]);
  const row = r.csv.split('\n')[2];
  assert.match(row, /超过一行的上限（1 MB）/);
  assert.ok(row.length < 2000, `a row of ${row.length} characters`);
});

test('member ids are compared as they read (NFC), and invisible characters refused, as natively', () => {
  const two = (a, b) => ({ region: '230129', members: [{ id: a, birthDate: '1980-01-01' }, { id: b, birthDate: '1982-01-01' }] });
  for (const [a, b] of [['Jos\u00e9', 'Jose\u0301'], ['\uf900', '\u8c48'], ['L\u01da', 'Lu\u0308\u030c']]) {
    refused(() => engine.estimate(two(a, b), asOf), 'members[1].id', /重复/);
  }
  refused(() => engine.estimate(two('张\u200b三', '李四'), asOf), 'members[0].id', /看不见的字符/);
  assert.equal(engine.estimate(two('张三', '张四'), asOf).programs.length > 0, true);
});
