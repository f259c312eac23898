// The entries browsers and bundlers load, run here in Node by their file paths: `zhenxing/web` before
// and after init(), and the inline entry `zhenxing` resolves to in browsers and bundlers (the module
// carried as base64 and instantiated on import). Each must answer exactly as the Node entry does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as node from 'zhenxing';

const require = createRequire(import.meta.url);
const pkg = dirname(require.resolve('zhenxing/package.json'));
const load = (file) => import(pathToFileURL(join(pkg, file)).href);
const household = {
  region: '230129', status: 'alleviated',
  members: [{ id: '父亲', birthDate: '1983-01-01' }, { id: '孩子', birthDate: '2013-01-01', schooling: 'primary' }],
  income: { business: '6000' },
};

test('the browser zhenxing/web before init(): PolicyError NOT_INITIALIZED with a Chinese message; after it, the Node answers', async () => {
  const web = await load('web/index.js');
  for (const call of [() => new web.PolicyEngine(), () => web.version(), () => web.policyItems(), () => web.PolicyEngine.fromParameters('{}')]) {
    assert.throws(call, (e) => {
      assert.ok(e instanceof web.PolicyError, String(e));
      assert.ok(e instanceof Error);
      assert.equal(e.code, 'NOT_INITIALIZED');
      assert.equal(e.path, '');
      assert.match(e.message, /尚未初始化.*await init\(\)/);
      return true;
    });
  }
  const bytes = readFileSync(join(pkg, 'web', 'zhenxing_bg.wasm'));
  const output = await web.default({ module_or_path: bytes });
  assert.ok(output.memory instanceof WebAssembly.Memory);
  assert.equal(await web.default(), output, 'a second init() resolves at once to the same instance');
  const engine = new web.PolicyEngine();
  assert.deepEqual(engine.estimate(household, '2023-06-01'), new node.PolicyEngine().estimate(household, '2023-06-01'));
  assert.throws(() => engine.transition('2023-02-29', null), (e) => e instanceof web.PolicyError && e.code === 'INVALID_DATE');
  engine.free();
});

test('the inline entry (browsers and bundlers) is ready on import and answers as the Node entry', async () => {
  const inline = await load('inline/index.js');
  assert.deepEqual(Object.keys(inline).sort(), Object.keys(node).sort(), 'the same exports');
  const engine = new inline.PolicyEngine();
  assert.deepEqual(engine.estimate(household, '2023-06-01'), new node.PolicyEngine().estimate(household, '2023-06-01'));
  assert.equal(inline.version(), node.version());
  assert.throws(() => engine.dibao({ ...household, region: '999999' }, '2023-06-01'), (e) => e instanceof inline.PolicyError && e.code === 'INVALID_REGION');
  engine.free();
});

test('require and import share one instance and one PolicyError', () => {
  const cjs = require('zhenxing');
  assert.equal(cjs.PolicyEngine, node.PolicyEngine);
  assert.equal(cjs.PolicyError, node.PolicyError);
  assert.equal(require('zhenxing/web').PolicyEngine, node.PolicyEngine);
});

test('free() releases an engine; a freed engine is not used again', () => {
  const engine = new node.PolicyEngine();
  engine.free();
  assert.throws(() => engine.transition('2023-06-01', null));
  if (typeof Symbol.dispose === 'symbol') assert.equal(typeof node.PolicyEngine.prototype[Symbol.dispose], 'function');
});
