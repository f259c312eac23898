// scripts/serve.mjs over raw sockets: malformed requests get 400 (or 404/405), never a crash, and
// the server keeps serving the page afterwards. Only 127.0.0.1 is listened on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { ensureSite, root, serveSite, startServer, stop } from './helpers.mjs';

let server, port;

before(async () => {
  server = await serveSite();
  port = Number(new URL(server.url).port);
});

after(async () => {
  await stop(server?.proc);
});

/** Send `raw` bytes, read until the server closes or answers; the status line's code. */
function send(raw) {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks = [];
    const done = () => {
      const data = Buffer.concat(chunks).toString('utf8');
      resolve({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(data)?.[1] ?? 0), data });
    };
    socket.setTimeout(5000, () => { socket.destroy(); done(); });
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', done);
    socket.write(raw);
  });
}
const request = (target, method = 'GET') => send(`${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);

async function assertStillServing() {
  const r = await request('/');
  assert.equal(r.status, 200);
  assert.match(r.data, /<title>振兴/);
  assert.equal(server.proc.exitCode, null, 'the server is running');
}

const cases = [
  ['a truncated percent escape', '/%E0%A4%A', 400],
  ['an invalid UTF-8 escape', '/%C3%28', 400],
  ['a lone percent sign', '/%', 400],
  ['a NUL byte', '/index.html%00.js', 400],
  ['an escaped climb, resolved inside the folder', '/%2e%2e/%2e%2e/etc/passwd', 404],
  ['a path leaving the folder', '/../../etc/passwd', 404],
  ['an encoded backslash climb', '/..%5c..%5cetc%5cpasswd', 404],
  ['an absolute URL of another host', 'http://example.com/', 200],
  ['an asterisk', '*', 404],
  ['a file that is not there', '/nothing-here.js', 404],
];

for (const [what, target, status] of cases) {
  test(`${what} (${target}) → ${status}, and the server keeps serving`, async () => {
    const r = await request(target);
    assert.equal(r.status, status, r.data.slice(0, 200));
    assert.doesNotMatch(r.data, /root:x:0/);
    await assertStillServing();
  });
}

test('methods other than GET and HEAD → 405', async () => {
  assert.equal((await request('/', 'POST')).status, 405);
  assert.equal((await request('/', 'DELETE')).status, 405);
  const head = await request('/', 'HEAD');
  assert.equal(head.status, 200);
  assert.doesNotMatch(head.data, /<title>/);
  await assertStillServing();
});

test('requests Node cannot parse → 400, and the server keeps serving', async () => {
  for (const raw of ['GARBAGE\r\n\r\n', 'GET / HTTP/1.1\r\nHost: a\r\nBad Header\r\n\r\n', 'GET /\u0000 HTTP/1.1\r\n\r\n', `GET /${'a'.repeat(20000)} HTTP/1.1\r\nHost: a\r\n${'X: y\r\n'.repeat(2000)}\r\n`]) {
    const r = await send(raw);
    assert.ok(r.status === 400 || r.status === 431, `${JSON.stringify(raw.slice(0, 30))} → ${r.status}`);
  }
  await assertStillServing();
});

test('a client that hangs up mid-request does not take the server down', async () => {
  await new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => { socket.write('GET /pkg/zhenxing_bg.wasm HTTP/1.1\r\nHost: a\r\n'); socket.destroy(); resolve(); });
  });
  await assertStillServing();
});

test('CONNECT → 405, and the server keeps serving', async () => {
  const r = await send('CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n');
  assert.equal(r.status, 405, r.data);
  assert.match(r.data, /allow: GET, HEAD/i);
  await assertStillServing();
});

/** A socket to `to` that has sent `raw`: resolves when the server closes it, with what it sent
 * and after how long (`ms`), or after `wait` ms with `closed: false`. */
function hold(to, raw, wait) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(to, '127.0.0.1', () => socket.write(raw));
    const chunks = [];
    const timer = setTimeout(() => resolve({ closed: false, socket, data: Buffer.concat(chunks).toString() }), wait);
    socket.on('data', (c) => chunks.push(c));
    // Closed by the server before the request was read: a reset, then 'close'.
    socket.on('error', (e) => { if (e.code !== 'ECONNRESET') reject(e); });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ closed: true, ms: Date.now() - started, data: Buffer.concat(chunks).toString() });
    });
  });
}

test('a half-sent request is answered 408 and closed after the header timeout', async () => {
  ensureSite();
  const quick = await startServer(process.execPath, [`${root}scripts/serve.mjs`, '--port', '0', '--header-timeout', '1000']);
  try {
    const at = Number(new URL(quick.url).port);
    // Headers begun, never finished: the connection must not stay open for ever.
    const r = await hold(at, 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n', 20_000);
    assert.ok(r.closed, 'closed by the server');
    assert.match(r.data, /^HTTP\/1\.1 408/);
    assert.ok(r.ms < 5000, `closed after ${r.ms} ms`);
  } finally {
    await stop(quick.proc);
  }
});

test('connections beyond the cap are closed at once; the server serves again when they end', async () => {
  ensureSite();
  const capped = await startServer(process.execPath, [`${root}scripts/serve.mjs`, '--port', '0', '--max-connections', '3']);
  try {
    const at = Number(new URL(capped.url).port);
    // Three idle connections take every place.
    const idle = await Promise.all([1, 2, 3].map(() => hold(at, 'GET / HTTP/1.1\r\n', 500)));
    assert.ok(idle.every((c) => !c.closed));
    const fourth = await hold(at, 'GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n', 5000);
    assert.ok(fourth.closed, 'the fourth is closed');
    assert.equal(fourth.data, '', 'without being served');
    for (const c of idle) c.socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const served = await hold(at, 'GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n', 5000);
    assert.match(served.data, /^HTTP\/1\.1 200/);
  } finally {
    await stop(capped.proc);
  }
});
