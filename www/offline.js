// @ts-check
// Offline use, on every page of the site: once a page is ready (its first estimate shown), the
// service worker (sw.js) is registered and keeps every file of the site, so that a county officer
// who opened it once can reload it with no connection. While the page runs without a connection, a
// note says so and names the parameter set it computes with (the page puts it in
// body[data-parameter-set] once its module has loaded: nothing is loaded for the note).
// Browsers allow a service worker only on https or localhost: served otherwise (plain http on a
// LAN address), a note says that the page will not open offline, and what the administrator can do.
// When the copy cannot be saved (a file of the site the server does not give), a note says so too;
// and when the computer is online but the site did not answer, so that the page opened from the
// kept copy, a note says that as well (the service worker tells the page which it was).

/** Once the page has set body[data-ready]: never ahead of its own work (the first estimate). */
function whenReady(then) {
  if (document.body.dataset.ready === 'true') {
    then();
    return;
  }
  const watch = new MutationObserver(() => {
    if (document.body.dataset.ready !== 'true') return;
    watch.disconnect();
    then();
  });
  watch.observe(document.body, { attributes: true, attributeFilter: ['data-ready'] });
}

/** A note under the page's header (or at its top) with `id` and `text`. */
function banner(id, text) {
  const p = document.createElement('p');
  p.id = id;
  p.setAttribute('role', 'status');
  // Styled here (CSSOM, allowed by the page's policy): each page has its own style sheet.
  Object.assign(p.style, {
    margin: '0', padding: '0.5rem 1rem', background: '#fff4ce', color: '#3d2e00',
    borderBottom: '1px solid #e0c060', fontSize: '0.95rem',
  });
  p.textContent = text;
  const header = document.querySelector('body > header');
  if (header) header.after(p); else document.body.prepend(p);
  return p;
}

let note = null;

/** Show or hide the note as the connection comes and goes. */
function showConnection() {
  if (navigator.onLine) {
    if (note) note.hidden = true;
    return;
  }
  const set = document.body.dataset.parameterSet;
  // A page a service worker answered was kept on this computer; one served over plain http (or
  // whose copy could not be saved) was not: it keeps computing, but cannot be opened again.
  const kept = Boolean(navigator.serviceWorker?.controller);
  const text = (kept
    ? '当前未连接网络：本页使用此前保存在本机的副本，照常计算。'
    : '当前未连接网络：已打开的本页照常计算，但本机没有保存本页的副本，断网期间关闭或刷新后无法重新打开。')
    + (set ? `所用参数：${set}。` : '');
  if (!note) note = banner('offline-note', text);
  note.textContent = text;
  note.hidden = false;
}

/** The files the service worker could not fetch, when it said (sw.js posts them). */
let unfetched = [];

/** The note that the offline copy was not saved, naming the files the server did not give. */
function notSaved() {
  const files = unfetched.length ? `网站的 ${unfetched.join('、')} 无法取得` : '网站的部分文件无法取得';
  const text = `离线副本未能保存：${files}，断网后无法重新打开本页。请网站管理员检查本页所在文件夹的地址（以“/”结尾）和其中每个文件都能访问。`;
  const shown = document.getElementById('offline-failed');
  if (shown) shown.textContent = text;
  else banner('offline-failed', text);
}

/**
 * Watches each worker the registration installs: one that becomes redundant while nothing is kept
 * (its install failed) means no copy was saved.
 * @param {ServiceWorkerRegistration} registration
 */
function watch(registration) {
  const follow = (/** @type {ServiceWorker | null} */ worker) => {
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'redundant' && !registration.active) notSaved();
    });
  };
  follow(registration.installing);
  registration.addEventListener('updatefound', () => follow(registration.installing));
}

/**
 * The note that the page opened from the kept copy because the site did not answer, though the
 * computer is online (offline, the connection's note says it already).
 * @param {string} status the site's answer when it gave one (a status such as 503), else ''
 */
function fromCopy(status) {
  if (!navigator.onLine) return;
  const set = document.body.dataset.parameterSet;
  const site = status ? `网站答复 ${status}，未能提供本页` : '无法连接本页所在的网站';
  banner('offline-copy', `${site}：本页使用此前保存在本机的副本，照常计算。`
    + (set ? `所用参数：${set}。` : '') + '网站恢复后刷新本页，即可取得网站上的最新版本。');
}

whenReady(() => {
  if ('serviceWorker' in navigator && window.isSecureContext) {
    navigator.serviceWorker.addEventListener('message', ({ data }) => {
      if (data?.type === 'served' && data.fromCopy) fromCopy(String(data.status ?? ''));
      if (data?.type !== 'offline-failed') return;
      unfetched = data.files;
      if (document.getElementById('offline-failed')) notSaved();
    });
    navigator.serviceWorker.startMessages();
    navigator.serviceWorker.controller?.postMessage({ type: 'served' });
    navigator.serviceWorker.register('sw.js').then(watch, (e) => {
      console.info('离线副本未能保存：', e?.message ?? e);
      notSaved();
    });
  } else if (location.protocol === 'http:') {
    // Served over plain http from another address: browsers keep no offline copy there.
    banner('offline-unavailable', '本页通过 http 打开，浏览器不会在本机保存副本，断网后无法重新打开本页。'
      + '需要离线使用时，请网站管理员改用 https 提供本页（或在本机以 localhost 打开）。');
  }
  showConnection();
  window.addEventListener('online', showConnection);
  window.addEventListener('offline', showConnection);
});

// A module of its own: county.html and register.html load it as their page's module script; the
// staff page's app.js imports it once the first estimate is shown.
export {};
