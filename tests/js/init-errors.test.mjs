// The browser entries' loaders (`zhenxing/web`, `zhenxing/household`), run here in Node by their file
// paths, given what a page may wrongly give them: the other entry's .wasm in every form init() takes
// (bytes, a compiled module, a response, an address), a module that is not zhenxing's, an argument that
// cannot be read, a .wasm the server answers with 404, an address no server answers. Each is a
// PolicyError (or at least a rejection, never a synchronous throw), and the right module loads
// afterwards. A response served without `application/wasm` still loads, with the console warning
// docs/bundlers.md quotes. (A file of its own: each entry loads once per process.)
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as node from 'zhenxing';

const require = createRequire(import.meta.url);
const pkg = dirname(require.resolve('zhenxing/package.json'));
const load = (file) => import(pathToFileURL(join(pkg, file)).href);
const bytesOf = (file) => readFileSync(join(pkg, file));
const household = {
  region: '230129', status: 'alleviated',
  members: [{ id: '父亲', birthDate: '1983-01-01' }, { id: '孩子', birthDate: '2013-01-01', schooling: 'primary' }],
  income: { business: '6000' },
};

// The package's files over HTTP, each .wasm as application/wasm, as a static server serves them.
const server = createServer((req, res) => {
  try {
    const body = bytesOf(decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname).slice(1));
    res.writeHead(200, { 'content-type': 'application/wasm' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
server.listen(0, '127.0.0.1');
await once(server, 'listening');
const base = `http://127.0.0.1:${server.address().port}/`;
// Node 20.0 runs a file's after() hooks only once nothing else keeps it alive: the server must not.
server.unref();
after(() => server.close());

const ENTRIES = [
  { entry: 'zhenxing/web', file: 'web/index.js', own: 'web/zhenxing_bg.wasm', other: 'household/household_bg.wasm', otherEntry: 'zhenxing/household' },
  { entry: 'zhenxing/household', file: 'household/index.js', own: 'household/household_bg.wasm', other: 'web/zhenxing_bg.wasm', otherEntry: 'zhenxing/web' },
];

/** The forms init() takes, of the .wasm file `file`. */
const forms = (file) => [
  ['bytes', () => bytesOf(file)],
  ['a compiled module', () => new WebAssembly.Module(bytesOf(file))],
  ['a Response', () => new Response(bytesOf(file), { headers: { 'content-type': 'application/wasm' } })],
  ['a URL', () => new URL(file, base)],
  ['an address', () => `${base}${file}`],
];

/** PolicyError WRONG_MODULE of `e`, naming the entry, the file it needs and, when `given`, what it was given. */
function wrongModule(e, web, path, { entry, own, otherEntry }, given) {
  assert.ok(e instanceof web.PolicyError && e instanceof Error, String(e));
  assert.equal(e.code, 'WRONG_MODULE');
  assert.equal(e.path, path);
  assert.ok(e.message.startsWith(`这是 ${entry} 的入口，需要 ${own}；`), e.message);
  if (given) assert.ok(e.message.includes(`所给的是 ${otherEntry} 的模块`) && e.message.includes(`或改用 ${otherEntry}`), e.message);
  return true;
}

test('every failure of init() is a rejection, not a throw: an argument that cannot be read', async () => {
  for (const { file } of ENTRIES) {
    const web = await load(file);
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    let answer;
    assert.doesNotThrow(() => { answer = web.default(proxy); }, file);
    assert.ok(answer instanceof Promise, file);
    await assert.rejects(answer, TypeError, file);
  }
});

for (const { entry, file, own, other, otherEntry } of ENTRIES) {
  const names = { entry, own, otherEntry };
  test(`${entry} given ${otherEntry}'s .wasm, in every form: PolicyError WRONG_MODULE naming both, the link error (where there is one) as its cause; then its own loads`, async () => {
    const web = await load(file);
    for (const [form, given] of forms(other)) {
      await assert.rejects(web.default({ module_or_path: given() }), (e) => {
        wrongModule(e, web, 'module_or_path', names, true);
        // The full module needs imports the household glue lacks: instantiating it failed to link.
        // The household module links against the full glue (its imports are a subset): refused
        // before anything is used, with no error of its own to carry.
        if (entry === 'zhenxing/household') assert.ok(e.cause instanceof WebAssembly.LinkError, `${form}: ${e.cause}`);
        else assert.equal(e.cause, undefined, form);
        return true;
      }, form);
    }
    assert.throws(() => web.initSync({ module: bytesOf(other) }), (e) => wrongModule(e, web, 'module', names, true));
    assert.throws(() => web.initSync({ module: new WebAssembly.Module(bytesOf(other)) }), (e) => wrongModule(e, web, 'module', names, true));
    // A module that is not zhenxing's at all (the empty module).
    const empty = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
    await assert.rejects(web.default({ module_or_path: empty }), (e) => wrongModule(e, web, 'module_or_path', names)
      && e.message.includes('所给的不是 zhenxing 的计算模块') && e.message.includes(`请用同一个 zhenxing 包里的 ${own}`));
    // A .wasm the server does not give (a host that left it out): the file and the status, in Chinese.
    await assert.rejects(web.default({ module_or_path: `${base}missing/${own}` }), (e) => {
      assert.ok(e instanceof web.PolicyError, String(e));
      assert.equal(e.code, 'WASM_NOT_LOADED');
      assert.equal(e.path, 'module_or_path');
      assert.equal(e.message, `无法取得计算模块文件 ${base}missing/${own}（服务器答复 404 Not Found）：请网站管理员检查该文件已随网页一同上传、可以访问`);
      return true;
    });
    // A .wasm that cannot be fetched at all (no server at the address: offline, a wrong host) is
    // the same PolicyError, the platform's TypeError ("fetch failed", "Failed to fetch") its cause;
    // and so is a fetch the page started itself.
    const nowhere = `http://127.0.0.1:1/${own}`;
    for (const [form, given] of [['an address', () => nowhere], ['a URL', () => new URL(nowhere)], ['a fetch', () => fetch(nowhere)]]) {
      await assert.rejects(web.default({ module_or_path: given() }), (e) => {
        assert.ok(e instanceof web.PolicyError, String(e));
        assert.equal(e.code, 'WASM_NOT_LOADED');
        assert.equal(e.path, 'module_or_path');
        const file = form === 'a fetch' ? own : nowhere;
        assert.ok(e.message.startsWith(`无法取得计算模块文件 ${file}（未能连接：`), e.message);
        assert.ok(e.message.endsWith('）：请检查网络连接，或请网站管理员检查该文件的地址可以访问'), e.message);
        assert.ok(e.cause instanceof TypeError, String(e.cause));
        return true;
      }, form);
    }
    assert.throws(() => new web.PolicyEngine(), (e) => e.code === 'NOT_INITIALIZED', 'nothing was loaded');
    // Its own module: zhenxing/web's as an address served as application/wasm (compiled while it
    // downloads); zhenxing/household's as a response without that type, which loads all the same,
    // compiled once whole, with a warning.
    const warnings = [];
    const warn = console.warn;
    console.warn = (...args) => warnings.push(args.map(String).join(' '));
    let output;
    try {
      output = await web.default({ module_or_path: entry === 'zhenxing/web' ? new URL(own, base) : new Response(bytesOf(own)) });
    } finally {
      console.warn = warn;
    }
    assert.ok(output.memory instanceof WebAssembly.Memory);
    if (entry === 'zhenxing/web') assert.deepEqual(warnings, []);
    else {
      assert.equal(warnings.length, 1, warnings.join('\n'));
      assert.match(warnings[0], /^`WebAssembly\.compileStreaming` failed because your server does not serve Wasm with `application\/wasm` MIME type\. Falling back to `WebAssembly\.compile` which is slower\./);
    }
    const engine = new web.PolicyEngine();
    assert.deepEqual(engine.estimate(household, '2023-06-01'), new node.PolicyEngine().estimate(household, '2023-06-01'));
    engine.free();
  });
}

