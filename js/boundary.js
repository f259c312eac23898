// What the WebAssembly module needs from JavaScript itself.

// The error every zhenxing call throws: a real Error subclass with a stable code and an input path.
export class PolicyError extends Error {
  constructor(code, path, message, problems) {
    super(message);
    this.name = 'PolicyError';
    this.code = code;
    this.path = path;
    this.problems = problems ?? [];
  }
}

export function makePolicyError(code, path, message, problems) {
  return new PolicyError(code, path, message, problems);
}

// Inputs cross into the module as JSON text (UTF-8 bytes, copied into the module in one go), so the
// WebAssembly build reads exactly what the native build reads. JSON.stringify silently drops or
// changes what is not plain data (a Map becomes {}, a function or a symbol disappears, NaN becomes
// null, a Date a string, a class instance its fields): such a value is refused here instead, with
// its path, before anything is sent.

const encoder = new TextEncoder();
const MAX_DEPTH = 64;

/** Where `keys` lead: members[2].birthDate. */
function pathOf(keys) {
  let path = '';
  for (const k of keys) path += typeof k === 'number' ? `[${k}]` : path ? `.${k}` : k;
  return path;
}

function kindOf(v) {
  if (typeof v === 'function') return '函数';
  if (typeof v === 'symbol') return 'Symbol';
  if (typeof v === 'bigint') return 'BigInt';
  if (v instanceof Map) return 'Map（请用普通对象）';
  if (v instanceof Set) return 'Set（请用数组）';
  if (v instanceof Date) return 'Date（日期请写成 "YYYY-MM-DD" 字符串）';
  const name = Object.getPrototypeOf(v)?.constructor?.name;
  return name ? `${name} 实例（请用普通对象）` : '非普通对象';
}

/** The first value in `v` that is not plain data, as { path, message }, or null. */
function check(v, keys) {
  switch (typeof v) {
    case 'string':
    case 'boolean':
    case 'undefined':
      return null;
    case 'number':
      return Number.isFinite(v) ? null : { path: pathOf(keys), message: `数值 ${v} 不是有限数字` };
    case 'object':
      break;
    default:
      return { path: pathOf(keys), message: `不能是${kindOf(v)}` };
  }
  if (v === null) return null;
  if (ancestors.includes(v)) return { path: pathOf(keys), message: '含循环引用（对象引用了它自己的上级）' };
  if (keys.length >= MAX_DEPTH) return { path: pathOf(keys), message: '嵌套过深' };
  ancestors.push(v);
  const bad = container(v, keys);
  ancestors.pop();
  return bad;
}

/** The ancestors of the value being checked, to find cycles. */
const ancestors = [];

function container(v, keys) {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      keys.push(i);
      const bad = check(v[i], keys);
      keys.pop();
      if (bad) return bad;
    }
    return null;
  }
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return { path: pathOf(keys), message: `不能是${kindOf(v)}` };
  if (Object.getOwnPropertySymbols(v).length > 0) return { path: pathOf(keys), message: '对象不能有 Symbol 键' };
  for (const k in v) {
    keys.push(k);
    const bad = check(v[k], keys);
    keys.pop();
    if (bad) return bad;
  }
  return null;
}

function stringify(value) {
  try {
    return JSON.stringify(value);
  } catch (e) {
    // A throwing getter, for instance.
    return { message: `无法读取：${e?.message ?? e}` };
  }
}

/** `check`, with a throwing getter reported as a problem too. */
function problemOf(value) {
  const keys = [];
  try {
    return check(value, keys);
  } catch (e) {
    return { path: pathOf(keys), message: `无法读取：${e?.message ?? e}` };
  } finally {
    ancestors.length = 0;
  }
}

/** A plain JS value as UTF-8 JSON bytes; anything else throws PolicyError at its path. */
export function toJson(value) {
  const bad = problemOf(value);
  if (bad) throw new PolicyError('INVALID_INPUT', bad.path, bad.message, [bad]);
  const text = stringify(value);
  if (typeof text !== 'string') {
    const message = text?.message ?? '应为对象';
    throw new PolicyError('INVALID_INPUT', '', message, [{ path: '', message }]);
  }
  return encoder.encode(text);
}

/**
 * A batch (array) as UTF-8 JSON bytes, each item checked on its own: an item that is not plain data
 * is sent as null and reported in `bad` ([index, path, message]), so it becomes that item's error
 * and never the batch's.
 */
export function batchToJson(items) {
  const bad = [];
  const parts = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const problem = problemOf(item);
    const text = problem ? null : stringify(item);
    if (problem || typeof text !== 'string') {
      bad.push([i, problem?.path ?? '', problem?.message ?? text?.message ?? '应为对象']);
      parts[i] = 'null';
    } else {
      parts[i] = text === undefined ? 'null' : text;
    }
  }
  return { bytes: encoder.encode(`[${parts.join(',')}]`), bad };
}
