// @ts-check
// The site's service worker (registered by offline.js): a county officer who opened a page once can
// reload it, and the other pages, with no connection. On install it keeps every file of the site in
// a cache named after the build; a new build (the site changed) is a new sw.js, whose install fills
// a new cache and whose activation deletes the old one, so the next load is the new site. A page
// itself (a navigation) is asked of the network first, the kept copy answering only when the network
// does not (a portal's edit to a page reaches officers at once); the other files are answered from
// the cache (they are the build's, named by VERSION); anything else from the network. A page that
// the kept copy answered because the site did not is told so when it asks (offline.js), so that it
// can say it runs from the copy though the computer is online. Nothing else is
// ever kept (a register the officer opens is never a request, and never in the cache). An install
// that cannot fetch every file deletes what it kept, tells the pages which files failed, and fails.
// scripts/site.mjs writes VERSION (a hash of every file) and FILES (every file) below.
const VERSION = 'dev';
const FILES = [];
const CACHE = `zhenxing-${VERSION}`;
/** This worker's global scope: a service worker's (the worker lib knows only a worker's). */
const sw = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));

sw.addEventListener('install', (event) => {
  event.waitUntil(keep().then(() => sw.skipWaiting()));
});

/** Every file of the site in the cache, or none: the pages are told which files the server did not give. */
async function keep() {
  const cache = await caches.open(CACHE);
  /** @type {string[]} */
  const failed = [];
  await Promise.all(FILES.map(async (file) => {
    try {
      const response = await fetch(file);
      if (!response.ok) throw new Error(String(response.status));
      await cache.put(file, response);
    } catch (e) {
      failed.push(`${file}（${e instanceof Error ? e.message : e}）`);
    }
  }));
  if (failed.length === 0) return;
  await caches.delete(CACHE);
  for (const client of await sw.clients.matchAll({ includeUncontrolled: true, type: 'window' })) {
    client.postMessage({ type: 'offline-failed', files: failed.sort() });
  }
  throw new Error(`离线副本未能保存：${failed.join('、')}`);
}

sw.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('zhenxing-') && key !== CACHE) await caches.delete(key);
    }
    await sw.clients.claim();
  })());
});

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== sw.location.origin) return;
  event.respondWith(answer(request, event.resultingClientId));
});

/**
 * The pages the kept copy answered because the site did not, by the client their navigation made,
 * with the site's answer ('' when it gave none): each is forgotten once the page has asked.
 * @type {Map<string, string>}
 */
const fromCopy = new Map();

/** A page from the network (its kept copy when the network fails); a file of the site from the cache. */
async function answer(request, client) {
  const cache = await caches.open(CACHE);
  if (request.mode !== 'navigate') return (await cache.match(request)) ?? fetch(request);
  const copy = async (/** @type {string} */ status) => {
    const kept = await cache.match(request, { ignoreSearch: true });
    if (kept && client) {
      // Bounded: a page that never asks (closed at once) is not remembered for ever.
      if (fromCopy.size >= 32) fromCopy.delete(fromCopy.keys().next().value ?? '');
      fromCopy.set(client, status);
    }
    return kept;
  };
  try {
    const response = await fetch(request);
    if (response.ok) return response;
    return (await copy(String(response.status))) ?? response;
  } catch (e) {
    const kept = await copy('');
    if (kept) return kept;
    throw e;
  }
}

/** A page asks whether the kept copy answered it: the answer goes to that page alone. */
sw.addEventListener('message', (event) => {
  const source = event.source;
  if (event.data?.type !== 'served' || !(source instanceof Client)) return;
  const status = fromCopy.get(source.id);
  fromCopy.delete(source.id);
  source.postMessage({ type: 'served', fromCopy: status !== undefined, status: status ?? '' });
});
