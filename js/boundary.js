// @ts-check
// What the WebAssembly module needs from JavaScript itself.

/** @typedef {{ path: string, message: string }} Problem */

// The error every zhenxing call throws: a real Error subclass with a stable code and an input path.
export class PolicyError extends Error {
  /**
   * @param {string} code
   * @param {string} path
   * @param {string} message
   * @param {Problem[]} [problems]
   */
  constructor(code, path, message, problems) {
    super(message);
    this.name = 'PolicyError';
    this.code = code;
    this.path = path;
    this.problems = problems ?? [];
  }
}

/**
 * @param {string} code
 * @param {string} path
 * @param {string} message
 * @param {Problem[]} problems
 */
export function makePolicyError(code, path, message, problems) {
  return new PolicyError(code, path, message, problems);
}

// Inputs cross into the module as JSON text (a string, written into the module's memory as UTF-8 in
// one go), so the WebAssembly build reads exactly what the native build reads. The text is written
// here, in one pass that reads every value exactly once, rather than by JSON.stringify:
// JSON.stringify silently drops or changes what is not plain data (a Map becomes {}, a function or a
// symbol disappears, NaN becomes null, a Date a string, a class instance its fields, a field that is
// not enumerable is left out, a toJSON method anywhere, even one planted on Object.prototype,
// replaces the value), and reads a value again after it was checked (a getter or a Proxy may then
// answer otherwise). Such a value is refused here instead, with its path, before anything is sent;
// what is sent is what was read.

const MAX_DEPTH = 64;
const { isArray } = Array;
const { getPrototypeOf } = Reflect;
const { keys: objectKeys, getOwnPropertyNames, getOwnPropertySymbols } = Object;
const quote = JSON.stringify;
/** A character JSON.stringify writes otherwise than itself: a quote, a backslash, a control
 * character, a surrogate (a lone one is escaped). */
const escaped = /["\\\u0000-\u001f\ud800-\udfff]/;

/** @typedef {(string | number)[]} Keys the keys from the value sent to the one being read */

/**
 * Where `keys` lead: members[2].birthDate.
 * @param {Keys} keys
 */
function pathOf(keys) {
  let path = '';
  for (const k of keys) path += typeof k === 'number' ? `[${k}]` : path ? `.${k}` : k;
  return path;
}

/** @param {unknown} v a value that is not plain data */
function kindOf(v) {
  if (typeof v === 'function') return '函数';
  if (typeof v === 'symbol') return 'Symbol';
  if (typeof v === 'bigint') return 'BigInt';
  if (v instanceof Map) return 'Map（请用普通对象）';
  if (v instanceof Set) return 'Set（请用数组）';
  if (v instanceof Date) return 'Date（日期请写成 "YYYY-MM-DD" 字符串）';
  const name = getPrototypeOf(/** @type {object} */ (v))?.constructor?.name;
  return name ? `${name} 实例（请用普通对象）` : '非普通对象';
}

/**
 * What an argument is, in words, for a message that says what came where something else was
 * expected (`json 应为…字符串，而不是数字`).
 * @param {unknown} v
 */
export function argumentKind(v) {
  if (v === undefined) return 'undefined（未给出）';
  if (v === null) return 'null';
  if (isArray(v)) return '数组';
  switch (typeof v) {
    case 'string': return '字符串';
    case 'number': return '数字';
    case 'boolean': return '布尔值';
    case 'object': return '对象';
    default: return kindOf(v);
  }
}

/** Thrown inside a walk: a value that is not plain data, at the path being walked. */
class NotPlain {
  /** @param {string} message */
  constructor(message) {
    this.message = message;
  }
}

/**
 * The JSON text of `v`, every value read once; throws NotPlain (`keys` then holds its path).
 * Written by concatenation, numbers by `String` (what JSON.stringify writes for a finite number),
 * keys quoted once (`keyText`): a household is written in a few microseconds.
 * @param {unknown} v
 * @param {Keys} keys
 * @param {object[]} ancestors
 * @returns {string | undefined}
 */
function write(v, keys, ancestors) {
  switch (typeof v) {
    case 'string':
      return escaped.test(v) ? quote(v) : `"${v}"`;
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(v)) throw new NotPlain(`数值 ${v} 不是有限数字`);
      return `${v}`;
    case 'undefined':
      return undefined;
    case 'object':
      if (v === null) return 'null';
      break;
    default:
      throw new NotPlain(`不能是${kindOf(v)}`);
  }
  if (ancestors.includes(v)) throw new NotPlain('含循环引用（对象引用了它自己的上级）');
  if (keys.length >= MAX_DEPTH) throw new NotPlain('嵌套过深');
  ancestors.push(v);
  const text = isArray(v) ? writeArray(v, keys, ancestors) : writeObject(/** @type {Record<string, unknown>} */ (v), keys, ancestors);
  ancestors.pop();
  return text;
}

/**
 * An array, read by index (never through its iterator); a property other than its items, which
 * JSON would leave out, is refused.
 * @param {unknown[]} v
 * @param {Keys} keys
 * @param {object[]} ancestors
 * @returns {string}
 */
function writeArray(v, keys, ancestors) {
  const length = v.length;
  let text = '[';
  for (let i = 0; i < length; i++) {
    keys.push(i);
    const item = write(v[i], keys, ancestors) ?? 'null';
    keys.pop();
    text += i === 0 ? item : `,${item}`;
  }
  if (getOwnPropertySymbols(v).length > 0) throw new NotPlain('数组不能有 Symbol 键');
  const named = objectKeys(v);
  if (named.length > length) {
    const other = named.find((k) => !(String(Number(k) >>> 0) === k && Number(k) < length));
    if (other !== undefined) throw new NotPlain(`数组不能有其他字段“${other}”（JSON 会丢掉它）`);
  }
  return `${text}]`;
}

/** Keys as JSON text with their colon, each quoted once (at most KEY_TEXTS kept). */
const keyTexts = new Map();
const KEY_TEXTS = 4096;

/** @param {string} k */
function keyText(k) {
  let text = keyTexts.get(k);
  if (text === undefined) {
    text = `${quote(k)}:`;
    if (keyTexts.size >= KEY_TEXTS) keyTexts.clear();
    keyTexts.set(k, text);
  }
  return text;
}

/**
 * A plain object, each own field read once; a field JSON would leave out (not enumerable, a Symbol
 * key) and a toJSON method are refused.
 * @param {Record<string, unknown>} v
 * @param {Keys} keys
 * @param {object[]} ancestors
 * @returns {string}
 */
function writeObject(v, keys, ancestors) {
  const proto = getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) throw new NotPlain(`不能是${kindOf(v)}`);
  // Names, then Symbols, as Reflect.ownKeys lists them (which takes more than twice as long).
  const named = objectKeys(v);
  const names = getOwnPropertyNames(v);
  if (names.length !== named.length) {
    // A field that is not enumerable (or keys that changed between the two looks).
    const hidden = names.find((k) => !named.includes(k));
    if (hidden === undefined) throw new NotPlain('字段在读取时变了（Proxy？）：请用普通对象');
    keys.push(hidden);
    throw new NotPlain(hidden === 'toJSON' ? '不能有 toJSON（它会改写要计算的数据）' : '字段不可枚举（JSON 会丢掉它）：请用普通的可枚举字段');
  }
  if (getOwnPropertySymbols(v).length > 0) throw new NotPlain('对象不能有 Symbol 键');
  let text = '{';
  for (let i = 0; i < named.length; i++) {
    const k = named[i];
    keys.push(k);
    if (k === 'toJSON') throw new NotPlain('不能有 toJSON（它会改写要计算的数据）');
    const field = write(v[k], keys, ancestors);
    keys.pop();
    if (field !== undefined) text += text.length === 1 ? keyText(k) + field : `,${keyText(k)}${field}`;
  }
  return `${text}}`;
}

/**
 * Why a value could not be read: what reading it threw.
 * @param {any} e
 */
function unreadable(e) {
  if (e instanceof TypeError && /revoked/.test(e.message)) return '是已撤销的 Proxy，无法读取';
  return `无法读取：${e?.message ?? e}`;
}

/**
 * `v` as JSON text, or `{ path, message }` saying why it is not plain data.
 * @param {unknown} v
 * @returns {string | Problem}
 */
function jsonOf(v) {
  /** @type {Keys} */
  const keys = [];
  try {
    const text = write(v, keys, []);
    return text === undefined ? { path: '', message: '应为对象，而不是undefined（未给出）' } : text;
  } catch (e) {
    // A getter or a Proxy trap that throws, a revoked Proxy: the value cannot be read.
    const message = e instanceof NotPlain ? e.message : unreadable(e);
    return { path: pathOf(keys), message };
  }
}

/**
 * A plain JS value as JSON text; anything else throws PolicyError at its path. The text is ASCII
 * but for the characters the value holds (a lone surrogate is escaped), so the module copies it in
 * as UTF-8 without a TextEncoder of its own.
 * @param {unknown} value
 */
export function toJson(value) {
  const text = jsonOf(value);
  if (typeof text !== 'string') throw new PolicyError('INVALID_INPUT', text.path, text.message, [text]);
  return text;
}

/**
 * Items `start..end` of a batch (an array, read by index) as JSON text, each item checked on its
 * own: an item that is not plain data is sent as null and reported in `bad` ([index in the chunk,
 * path, message]), so it becomes that item's error and never the batch's.
 * @param {ArrayLike<unknown>} items
 * @param {number} start
 * @param {number} end
 */
export function batchToJson(items, start, end) {
  /** @type {[number, string, string][]} */
  const bad = [];
  let text = '[';
  for (let i = start; i < end; i++) {
    let item;
    try {
      item = jsonOf(items[i]);
    } catch (e) {
      item = { path: '', message: unreadable(e) };
    }
    if (typeof item !== 'string') {
      bad.push([i - start, item.path, item.message]);
      item = 'null';
    }
    text += i === start ? item : `,${item}`;
  }
  return { text: `${text}]`, bad };
}

/** @type {TextDecoder | undefined} made at the first result with words */
let utf16;

/**
 * A result's JSON text, handed over as UTF-16 code units (a view of the module's memory), as plain
 * objects. Text with Chinese crosses so: a TextDecoder reads UTF-16 several times faster than UTF-8.
 * @param {Uint16Array} units
 */
export function parseUtf16(units) {
  if (utf16 === undefined) utf16 = new TextDecoder('utf-16le', { ignoreBOM: true });
  return JSON.parse(utf16.decode(units));
}

/**
 * Refuses a register's text that holds a lone surrogate (half of a character: a file cut in the
 * middle of one, or bytes read with the wrong encoding), as a household's text is refused: it has no
 * UTF-8 form, and would otherwise become U+FFFD unseen. The error names its line.
 * @param {string} text
 */
export function checkText(text) {
  // String.prototype.isWellFormed: Chromium 111, Firefox 119, Safari 16.4.
  const newer = /** @type {string & { isWellFormed?: () => boolean }} */ (text);
  if (typeof newer.isWellFormed === 'function' && newer.isWellFormed()) return;
  // Pairs are skipped whole, so a surrogate matched alone is a lone one (no lookbehind: Safari 15).
  const surrogates = /[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g;
  let lone = null;
  for (let m = surrogates.exec(text); m && !lone; m = surrogates.exec(text)) if (m[0].length === 1) lone = m;
  if (!lone) return;
  const line = (text.slice(0, lone.index).match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
  const code = lone[0].charCodeAt(0).toString(16).toUpperCase();
  const message = `第 ${line} 行：文字含有无效字符（不成对的代理项 U+${code}，常见于截断的生僻字），不是有效的 Unicode 文本：请重新导出文件`;
  throw new PolicyError('INVALID_INPUT', '', message, [{ path: '', message }]);
}
