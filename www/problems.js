// @ts-check
// Problems with a household, in an officer's words and at their fields.
//
// The engine reads a household strictly and names the path of what is wrong (members[2].birthDate).
// Until it lists every problem of a household at once (PolicyError.problems), the page asks again
// with each reported field set aside, so the officer sees all of them together. The page checks
// nothing itself: every problem is the engine's.

// The staff page's module (the household one): the package has one PolicyError class.
import { PolicyError } from './pkg/household/index.js';
import { MEMBER_FIELDS } from './form.js';

/** ['members', 2, 'birthDate'] from 'members[2].birthDate'. */
export function parsePath(path) {
  const parts = [];
  for (const m of String(path ?? '').matchAll(/([^.[\]]+)|\[(\d+)\]/g)) parts.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return parts;
}

/**
 * Set aside the value at `path` in `h` so that asking again reaches the next problem: an optional
 * field is dropped, a required one takes a neutral valid value. False when nothing can be set aside.
 */
function setAside(h, path, fallback) {
  const parts = parsePath(path);
  if (!parts.length) return false;
  const last = /** @type {string | number} */ (parts.pop());
  let parent = h;
  for (const p of parts) {
    if (parent === null || typeof parent !== 'object') return false;
    parent = parent[p];
  }
  if (parent === null || typeof parent !== 'object') return false;
  if (last === 'members' && parent === h) return false;
  if (Array.isArray(parent)) {
    if (typeof last !== 'number' || last >= parent.length) return false;
    parent[last] = parts[parts.length - 1] === 'members' ? { birthDate: fallback.birthDate } : parent.find((x, i) => i !== last && typeof x === 'string') ?? fallback.event;
    if (parent[last] === undefined) parent.splice(last, 1);
    return true;
  }
  if (last === 'region') {
    if (parent.region === fallback.region) return false;
    parent.region = fallback.region;
    return true;
  }
  if (last === 'birthDate') {
    if (parent.birthDate === fallback.birthDate) return false;
    parent.birthDate = fallback.birthDate;
    return true;
  }
  if (!(last in parent)) return false;
  delete parent[last];
  return true;
}

/**
 * The estimate of `h` on `asOf`, or every problem the engine finds with it:
 * `{ estimate }` or `{ problems: [{ path, message, code }] }`. Errors that are not the household's
 * (a broken module) are thrown.
 */
export function evaluate(engine, h, asOf, fallbackRegion) {
  try {
    return { estimate: engine.estimate(h, asOf) };
  } catch (e) {
    if (!(e instanceof PolicyError)) throw e;
    const problems = [];
    const seen = new Set();
    const fallback = { region: fallbackRegion, birthDate: /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : '2000-01-01', event: 'illness' };
    let probe = copyOf(h);
    /** @type {PolicyError | null} */
    let error = e;
    for (let round = 0; round < 64 && error; round++) {
      const list = error.problems?.length ? error.problems : [{ path: error.path, message: error.message }];
      let progressed = false;
      for (const p of list) {
        const key = `${p.path}\u0000${p.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        problems.push({ path: p.path ?? '', message: p.message, code: error.code });
        if (p.path !== 'asOf' && probe !== undefined && setAside(probe, p.path, fallback)) progressed = true;
      }
      if (!progressed) break;
      try {
        engine.estimate(probe, asOf);
        error = null;
      } catch (next) {
        if (!(next instanceof PolicyError)) break;
        error = next;
      }
    }
    return { problems };
  }
}

/** A copy of the household to probe (plain JSON data: structuredClone is newer than the browser floor). */
function copyOf(h) {
  try {
    return h !== null && typeof h === 'object' ? JSON.parse(JSON.stringify(h)) : undefined;
  } catch {
    return undefined;
  }
}

/** The form control a path points to, or null (an unknown field of an import has none). */
export function controlFor(form, path) {
  const parts = parsePath(path);
  if (parts[0] === 'members' && typeof parts[1] === 'number') {
    const card = form.querySelectorAll('#members .member')[parts[1]];
    if (!card) return null;
    if (parts.length === 2) return card.querySelector('[name=id]');
    return parts.length === 3 && typeof parts[2] === 'string' ? card.querySelector(`[name="${parts[2]}"]`) : null;
  }
  if (parts[0] === 'members') return form.querySelector('#add-member');
  if (parts[0] === 'events') return form.querySelector('#events input');
  if (parts[0] === 'asOf') return form.querySelector('#as-of');
  const named = form.elements.namedItem(parts.join('.'));
  return named instanceof Element ? named : null;
}

/** English identifiers the engine may quote, as the officer knows them. */
let vocabulary = new Map();
export function setVocabulary(form, labels) {
  vocabulary = new Map();
  // The engine's names of the fields (labels().field, where the engine has them), then the page's own.
  for (const [k, v] of Object.entries(labels.field ?? {})) vocabulary.set(k, v);
  for (const kind of ['status', 'area', 'category', 'schooling', 'event']) for (const [k, v] of Object.entries(labels[kind] ?? {})) vocabulary.set(k, v);
  for (const c of form.querySelectorAll('[name][data-label]')) vocabulary.set(c.name.split('.').pop(), c.dataset.label);
  for (const f of MEMBER_FIELDS) vocabulary.set(f.name, f.label.replace(/（.*）$/, ''));
  vocabulary.set('true', '是').set('false', '否');
  for (const [k, v] of Object.entries({ members: '家庭成员', income: '家庭收入', guarantees: '“两不愁三保障”', events: '突发事件', id: '姓名或称谓', status: '户类型', monitoringCategory: '登记的监测类别', asOf: '测算日期', ref: '户编号' })) vocabulary.set(k, v);
}

/** A message of the engine with its field names and codes in Chinese. */
export function inChinese(message) {
  // A parameter's id after its Chinese label: 参数“防止返贫监测收入标准”（monitoring.incomeLine） → 参数“防止返贫监测收入标准”.
  return String(message).replace(/（[a-z][A-Za-z]*(\.[A-Za-z]+)+）/g, '').replace(/[A-Za-z][A-Za-z.]*/g, (w) => vocabulary.get(w) ?? vocabulary.get(w.split('.').pop()) ?? w);
}

/** Where a path is, for a sentence: 第3位成员（女儿）的 / 家庭数据中. */
function where(form, parts) {
  if (parts[0] === 'members' && typeof parts[1] === 'number') {
    const card = form.querySelectorAll('#members .member')[parts[1]];
    const name = card?.querySelector('[name=id]').value.trim();
    return `第${parts[1] + 1}位成员${name ? `（${name}）` : ''}`;
  }
  return '';
}

const isEmpty = (c) => c && c.type !== 'checkbox' && c.tagName !== 'BUTTON' && c.value.trim() === '';

/**
 * A problem as an officer reads it: `text` for the list (第3位成员（女儿）的出生日期未填写),
 * `short` beside the field (出生日期未填写), and the control it belongs to (or null).
 */
export function describe(form, problem) {
  const parts = parsePath(problem.path);
  const control = controlFor(form, problem.path);
  const who = where(form, parts);
  const message = inChinese(problem.message);
  const isField = control && control.tagName !== 'BUTTON' && !(parts[0] === 'members' && parts.length === 2) && parts[0] !== 'events';
  if (!isField) {
    if (parts[0] === 'members' && parts.length === 1) {
      return { control, short: message, text: `家庭成员：${message}` };
    }
    const place = who || (parts.length ? `家庭数据的“${inChinese(parts.filter((p) => typeof p === 'string').join('.'))}”` : '家庭数据');
    return { control, short: message, text: `${place}：${message}` };
  }
  const label = control.dataset.label ?? control.name;
  const subject = who ? `${who}的${label}` : label;
  // "未填写" only when nothing was given: an imported value the control cannot show (a region code
  // not in the list, 2023-02-29) keeps the engine's reason.
  if (isEmpty(control) && /缺少|“”/.test(problem.message)) {
    const verb = control.tagName === 'SELECT' ? '未选择' : '未填写';
    return { control, short: `${label}${verb}`, text: `${subject}${verb}` };
  }
  return { control, short: `${label}有误：${message}`, text: `${subject}有误：${message}` };
}

/** Clear every mark a previous check left on the form. */
export function clearMarks(form) {
  for (const c of form.querySelectorAll('[aria-invalid]')) {
    c.removeAttribute('aria-invalid');
    const ids = (c.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id && id !== `${c.id}-error`);
    if (ids.length) c.setAttribute('aria-describedby', ids.join(' ')); else c.removeAttribute('aria-describedby');
  }
  for (const p of form.querySelectorAll('.field-error')) p.remove();
}

/** Mark the fields of `described` problems: aria-invalid, the message beside the field, described by it. */
export function markFields(form, described) {
  clearMarks(form);
  const byControl = new Map();
  for (const d of described) {
    if (!d.control) continue;
    if (!byControl.has(d.control)) byControl.set(d.control, []);
    byControl.get(d.control).push(d.short);
  }
  for (const [c, messages] of byControl) {
    const id = `${c.id}-error`;
    const p = document.createElement('p');
    p.className = 'field-error';
    p.id = id;
    p.textContent = messages.join('；');
    (c.closest('.field') ?? c.parentNode).append(p);
    if (c.tagName !== 'BUTTON') c.setAttribute('aria-invalid', 'true');
    const ids = (c.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    c.setAttribute('aria-describedby', [id, ...ids.filter((x) => x !== id)].join(' '));
  }
}
