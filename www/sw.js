// @ts-check
// The site's service worker (registered by offline.js): a county officer who opened a page once can
// reload it, and the other pages, with no connection. On install it keeps every file of the site in
// a cache named after the build; a new build (the site changed) is a new sw.js, whose install fills
// a new cache and whose activation deletes the old one, so the next load is the new site. Requests
// for the site's files are answered from the cache, anything else from the network; nothing else is
// ever kept (a register the officer opens is never a request, and never in the cache).
// scripts/site.mjs writes VERSION (a hash of every file) and FILES (every file) below.
const VERSION = 'dev';
const FILES = [];
const CACHE = `zhenxing-${VERSION}`;
/** This worker's global scope: a service worker's (the worker lib knows only a worker's). */
const sw = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));

sw.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => sw.skipWaiting()));
});

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
  event.respondWith(answer(request));
});

/** The kept copy of a file of the site, or the network's answer. */
async function answer(request) {
  const cache = await caches.open(CACHE);
  return (await cache.match(request, { ignoreSearch: request.mode === 'navigate' })) ?? fetch(request);
}
