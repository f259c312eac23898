// @ts-check
// Offline use, on every page of the site: once a page is ready (its first estimate shown), the
// service worker (sw.js) is registered and keeps every file of the site, so that a county officer
// who opened it once can reload it with no connection. While the page runs without a connection, a
// note says so and names the parameter set it computes with (compiled into the module it keeps).
// Browsers allow a service worker only on https or localhost: served otherwise (plain http on a
// LAN address), a note says that the page will not open offline, and what the administrator can do.

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

/** The parameter set's name, from the module (the page's own, already loaded, where it has one). */
async function parameterSetText() {
  const { default: init, PolicyEngine } = await import('./pkg/index.js');
  await init({ module_or_path: new URL('pkg/zhenxing_bg.wasm', import.meta.url) });
  const engine = new PolicyEngine();
  try {
    const set = engine.parameterSet();
    return `${set.title}（${set.published} 发布）`;
  } finally {
    engine.free();
  }
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
async function showConnection() {
  if (navigator.onLine) {
    if (note) note.hidden = true;
    return;
  }
  if (!note) {
    note = banner('offline-note', '当前未连接网络：本页使用此前保存在本机的副本，照常计算。');
    note.textContent = `当前未连接网络：本页使用此前保存在本机的副本，照常计算。所用参数：${await parameterSetText()}。`;
  }
  note.hidden = false;
}

whenReady(() => {
  if ('serviceWorker' in navigator && window.isSecureContext) {
    navigator.serviceWorker.register('sw.js').catch((e) => console.info('离线副本未能保存：', e?.message ?? e));
  } else if (location.protocol === 'http:') {
    // Served over plain http from another address: browsers keep no offline copy there.
    banner('offline-unavailable', '本页通过 http 打开，浏览器不会在本机保存副本，断网后无法重新打开本页。'
      + '需要离线使用时，请网站管理员改用 https 提供本页（或在本机以 localhost 打开）。');
  }
  showConnection();
  window.addEventListener('online', showConnection);
  window.addEventListener('offline', showConnection);
});
