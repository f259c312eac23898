// @ts-check
// A browser that cannot run the page gets a notice in Chinese saying so and naming the browsers that
// can (docs/browsers.md), never a page stuck on “正在加载”. A classic script in ES5, loaded before the
// page's modules, so that it runs where they cannot: Internet Explorer (the 兼容模式 of 360 and other
// dual-core browsers), browsers without ES modules, browsers that cannot parse the page's scripts, and
// browsers that lack what the module needs (the package's PolicyError UNSUPPORTED_BROWSER, which the
// page passes on as the event `zx-unsupported`).
(function () {
  'use strict';
  var BROWSERS = [
    'Chrome、Edge 等 Chromium 内核浏览器 86 及以上版本',
    '360 安全浏览器 13 及以上、奇安信可信浏览器及各信创浏览器（均须使用“极速模式”）',
    'Firefox 78 ESR 及以上版本',
    'Safari 15 及以上版本（iPhone、iPad 须 iOS 15 及以上）'
  ];
  var shown = false;

  function element(tag, text) {
    var node = document.createElement(tag);
    if (text) node.appendChild(document.createTextNode(text));
    return node;
  }

  /** The notice; `title` when it is not the browser (then the browsers are not listed). */
  function show(reason, title) {
    if (shown) return;
    shown = true;
    var box = element('section');
    box.className = 'unsupported';
    box.setAttribute('role', 'alert');
    box.appendChild(element('h2', title || '本浏览器无法运行本计算器'));
    box.appendChild(element('p', title ? reason : '原因：' + reason));
    if (!title) {
      box.appendChild(element('p', '请改用以下浏览器之一打开本页：'));
      var list = element('ul');
      for (var i = 0; i < BROWSERS.length; i++) list.appendChild(element('li', BROWSERS[i]));
      box.appendChild(list);
      box.appendChild(element('p', '双内核浏览器（如 360 安全浏览器）请点地址栏右侧的图标切换到“极速模式”后刷新本页。'));
    }
    var mains = document.getElementsByTagName('main');
    for (var j = 0; j < mains.length; j++) mains[j].setAttribute('hidden', '');
    var header = document.getElementsByTagName('header')[0];
    if (header && header.parentNode === document.body) document.body.insertBefore(box, header.nextSibling);
    else document.body.insertBefore(box, document.body.firstChild);
    document.body.setAttribute('data-ready', 'unsupported');
  }

  /** Whether `new Worker(url, { type: 'module' })` is understood: a browser that is reads `type`. */
  function moduleWorkers() {
    var reads = false;
    try {
      // An address that fails to parse: no worker, no request, no policy report; the options are
      // read before it is parsed.
      new Worker('http://[', { get type() { reads = true; return /** @type {WorkerType} */ ('module'); } });
    } catch (e) {
      // Only whether `type` was read matters.
    }
    return reads;
  }

  function whenParsed(reason, title) {
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', function () { show(reason, title); });
    } else {
      show(reason, title);
    }
  }

  if (!('noModule' in document.createElement('script'))) {
    whenParsed('浏览器版本过旧，不支持 JavaScript 模块。');
    return;
  }
  // A page that computes in a module worker (<html data-needs="module-worker">: the register page).
  var needs = document.documentElement.getAttribute('data-needs') || '';
  if (needs.indexOf('module-worker') >= 0 && !moduleWorkers()) {
    whenParsed('本页在后台线程（模块 Web Worker）中测算，本浏览器不支持；本页要求 Firefox 114 及以上（其他浏览器同下）。');
    return;
  }
  // A module script of the page the server did not give (an `error` event on its element, seen while
  // capturing): the page's files are not where its address says, as when a CMS answers the folder's
  // address without its final “/” with the page. Never redirected on a guess: the notice names the
  // address to use.
  window.addEventListener('error', function (event) {
    var target = /** @type {HTMLScriptElement} */ (event.target);
    if (!target || target.tagName !== 'SCRIPT' || target.type !== 'module') return;
    var path = location.pathname;
    var file = path.slice(path.lastIndexOf('/') + 1);
    var fix = file && file.indexOf('.') < 0
      ? '本页的地址应以“/”结尾，请改用 ' + location.origin + path + '/ 打开本页。'
      : '请刷新页面；如仍如此，请联系网站管理员检查本页的文件都已上传。';
    whenParsed('本页的文件未能加载（' + target.src + '）。' + fix, '本页的文件未能加载');
  }, true);
  // A module the browser cannot parse (syntax newer than it) is reported here, and nothing else runs.
  window.addEventListener('error', function (event) {
    if (event.error instanceof SyntaxError) whenParsed('浏览器版本过旧，无法解析本页的脚本（' + event.error.message + '）。');
  });
  // The page's modules ran, and the package found the browser lacking (PolicyError UNSUPPORTED_BROWSER).
  document.addEventListener('zx-unsupported', function (event) {
    var error = /** @type {CustomEvent} */ (event).detail || {};
    var problems = error.problems || [];
    var missing = [];
    for (var i = 0; i < problems.length; i++) missing.push(problems[i].message);
    whenParsed(missing.length ? missing.join('；') + '。' : String(error.message));
  });
}());
