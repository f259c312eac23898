// @ts-check
// The package's API over wasm-bindgen's glue. The glue (zhenxing.js beside this file in the package,
// wasm-bindgen's output for bundlers, copied untouched) holds the classes and functions that call
// into the module, and the functions the module imports; this module instantiates the module with
// those imports and hands pages only what they may use:
//  - init() and initSync() load the module once, after checking that the browser has what it needs
//    (js/support.js: PolicyError UNSUPPORTED_BROWSER) and that the module is this glue's (the other
//    entry's is PolicyError WRONG_MODULE), and answer its memory only;
//  - anything called before is PolicyError NOT_INITIALIZED, not a TypeError from inside the glue;
//  - PolicyEngine and RegisterScreen are handles: the glue's object behind each is kept here, out of
//    reach, in a registry of the live handles. A handle freed, forged (Object.create of the class), or
//    a method taken off it is a PolicyError (ENGINE_FREED, INVALID_INPUT) before the module is
//    entered; no page can hand the module a pointer;
//  - PolicyEngine() without `new` is a PolicyError, not the TypeError of a class called as a function;
//  - wasm-bindgen's own failures (a value borrowed twice) are PolicyError INVALID_INPUT.
import * as glue from './zhenxing.js';
import { PolicyError } from './boundary.js';
import { assertSupported } from './support.js';

export { PolicyError };

/** @typedef {import('./zhenxing.js').PolicyEngine} GlueEngine */
/** @typedef {import('./zhenxing.js').RegisterScreen} GlueScreen */
/** What init() loads: a location to fetch, a response, the module's bytes, or a compiled module. @typedef {string | URL | Request | Response | BufferSource | WebAssembly.Module} InitInput */
/** What init() and initSync() answer: the module's memory (to measure it), nothing else. @typedef {{ readonly memory: WebAssembly.Memory }} InitOutput */

/** The glue's exports beyond the API: the module's imports, and where the glue keeps its exports. */
const internals = /** @type {Record<string, unknown> & { __wbg_set_wasm(exports: WebAssembly.Exports): void }} */ (
  /** @type {unknown} */ (glue));
/** What the household module's glue (zhenxing/household) lacks: the register screen, the register
 * columns, the default parameter set. The API leaves out what its glue does not have. */
const optional = /** @type {Partial<typeof glue>} */ (glue);
/** The module's name for the glue, as it imports from it. */
const GLUE_MODULE = './zhenxing_bg.js';
/** This entry and its module, for messages: the household module's glue has no register screen. */
const ENTRY = optional.RegisterScreen === undefined
  ? { name: 'zhenxing/household', file: 'household/household_bg.wasm', household: true }
  : { name: 'zhenxing/web', file: 'web/zhenxing_bg.wasm', household: false };

// ---- loading ----------------------------------------------------------------------------------

/** @type {InitOutput | undefined} */
let output;
/** @type {Promise<InitOutput> | undefined} */
let loading;

/** Throws PolicyError NOT_INITIALIZED until the module is loaded. */
function ready() {
  if (output === undefined) {
    throw new PolicyError('NOT_INITIALIZED', '', '计算模块尚未初始化：请先 await init()（zhenxing/web 先要加载 .wasm 文件）', []);
  }
}

/**
 * wasm-bindgen's own failure (a value borrowed twice, such as an engine freed while its own call
 * runs): a message in the module's memory, thrown as PolicyError.
 * @param {number} ptr
 * @param {number} len
 */
function internalError(ptr, len) {
  const bytes = new Uint8Array(/** @type {InitOutput} */ (output).memory.buffer, ptr >>> 0, len);
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  throw new PolicyError('INVALID_INPUT', '', `计算模块内部错误：${text}`, []);
}

/** The module's imports: the glue's, with its `throw` (wasm-bindgen's failures) as internalError. */
function imports() {
  /** @type {WebAssembly.ModuleImports} */
  const own = Object.assign(Object.create(null), internals);
  for (const name of Object.keys(own)) if (name.startsWith('__wbg___wbindgen_throw_')) own[name] = internalError;
  return { [GLUE_MODULE]: own };
}

/**
 * The glue is given the instance's exports; the first instance is the one used.
 * @param {WebAssembly.Instance} instance
 */
function finish(instance) {
  if (output === undefined) {
    internals.__wbg_set_wasm(instance.exports);
    output = Object.freeze({ memory: /** @type {WebAssembly.Memory} */ (instance.exports.memory) });
  }
  return output;
}

/**
 * Instantiates the module synchronously from its bytes or a compiled module: `initSync({ module })`.
 * Later calls answer at once. A browser below the floor gets PolicyError UNSUPPORTED_BROWSER.
 * @param {{ module: BufferSource | WebAssembly.Module } | BufferSource | WebAssembly.Module} [options]
 * @returns {InitOutput}
 */
function initSync(options) {
  if (output !== undefined) return output;
  assertSupported();
  let module = options;
  if (module !== undefined) {
    if (Object.getPrototypeOf(module) === Object.prototype) {
      ({ module } = /** @type {{ module: BufferSource | WebAssembly.Module }} */ (module));
    } else {
      console.warn('using deprecated parameters for `initSync()`; pass a single object instead');
    }
  }
  let compiled;
  try {
    compiled = module instanceof WebAssembly.Module ? module : new WebAssembly.Module(/** @type {BufferSource} */ (module));
  } catch (e) {
    throw blockedByPolicy(e) ?? e;
  }
  let instance;
  try {
    instance = new WebAssembly.Instance(compiled, imports());
  } catch (e) {
    throw wrongModule(compiled, 'module', e) ?? e;
  }
  const wrong = wrongModule(compiled, 'module');
  if (wrong) throw wrong;
  return finish(instance);
}

/**
 * Loads the module from `{ module_or_path }`: fetched and compiled while it downloads, or from bytes
 * or a compiled module. Later calls answer at once; calls made while it loads share the one load.
 * Every failure is a rejection. A browser below the floor gets PolicyError UNSUPPORTED_BROWSER; the
 * other entry's module (or another build's), PolicyError WRONG_MODULE; a page whose
 * Content-Security-Policy forbids compiling WebAssembly, WASM_BLOCKED; a .wasm the server did not
 * give, or that could not be fetched at all (no network, no server), WASM_NOT_LOADED.
 * @param {{ module_or_path?: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>} [options]
 * @param {() => URL} [beside] the location of the entry's own .wasm file, when none is given
 * @returns {Promise<InitOutput>}
 */
async function init(options, beside) {
  if (output !== undefined) return output;
  assertSupported();
  if (loading === undefined) {
    loading = load(options, beside);
    loading.catch(() => { loading = undefined; });
  }
  return loading;
}

/**
 * @param {{ module_or_path?: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>} [options]
 * @param {() => URL} [beside]
 * @returns {Promise<InitOutput>}
 */
async function load(options, beside) {
  let source = options;
  if (source !== undefined) {
    if (Object.getPrototypeOf(source) === Object.prototype) {
      ({ module_or_path: source } = /** @type {{ module_or_path?: InitInput | Promise<InitInput> }} */ (source));
    } else {
      console.warn('using deprecated parameters for the initialization function; pass a single object instead');
    }
  }
  if (source === undefined) source = located(beside);
  let address = ENTRY.file;
  if (typeof source === 'string' || (typeof Request === 'function' && source instanceof Request) || (typeof URL === 'function' && source instanceof URL)) {
    address = typeof source === 'string' ? source : 'url' in source ? source.url : source.href;
    source = fetch(source);
  }
  let given;
  try {
    given = await source;
  } catch (e) {
    throw unreached(address, e);
  }
  let module;
  try {
    module = await compile(/** @type {InitInput} */ (given));
  } catch (e) {
    throw blockedByPolicy(e) ?? e;
  }
  const found = imports();
  let instance;
  try {
    instance = await WebAssembly.instantiate(module, found);
  } catch (e) {
    throw wrongModule(module, 'module_or_path', e) ?? e;
  }
  const wrong = wrongModule(module, 'module_or_path');
  if (wrong) throw wrong;
  return finish(instance);
}

/**
 * Where the entry's own .wasm file is (`new URL('./….wasm', import.meta.url)`, which bundlers
 * rewrite), or PolicyError INVALID_INPUT where import.meta.url is unusable (esbuild's IIFE format
 * leaves it empty): the page must then say where the file is.
 * @param {(() => URL) | undefined} beside
 */
function located(beside) {
  if (beside === undefined) throw new PolicyError('INVALID_INPUT', 'module_or_path', 'init() 需要 .wasm 文件的位置或内容', []);
  try {
    return beside();
  } catch (e) {
    throw withCause(new PolicyError('INVALID_INPUT', 'module_or_path',
      `无法找到 ${ENTRY.file}：import.meta.url 不可用（如 esbuild 以 --format=iife 打包时为空），本入口不知道自己在哪里。`
      + '请把 .wasm 文件的 URL 或内容交给 init({ module_or_path })，或以 ES 模块格式打包', []), e);
  }
}

/**
 * The compiled module of `source` (a fetched response, compiled while it downloads where the browser
 * can; bytes; a module).
 * @param {InitInput} source
 * @returns {Promise<WebAssembly.Module>}
 */
async function compile(source) {
  if (typeof Response === 'function' && source instanceof Response) {
    if (!source.ok) throw notFetched(source);
    if (typeof WebAssembly.compileStreaming === 'function') {
      try {
        return await WebAssembly.compileStreaming(source);
      } catch (e) {
        if (!['basic', 'cors', 'default'].includes(source.type) || source.headers.get('Content-Type') === 'application/wasm') throw e;
        console.warn('`WebAssembly.compileStreaming` failed because your server does not serve Wasm with `application/wasm` MIME type. Falling back to `WebAssembly.compile` which is slower. Original error:\n', e);
      }
    }
    return WebAssembly.compile(await source.arrayBuffer());
  }
  if (source instanceof WebAssembly.Module) return source;
  return WebAssembly.compile(/** @type {BufferSource} */ (source));
}

/**
 * PolicyError WASM_NOT_LOADED for a .wasm file the server did not give (404, 500 …): the file's
 * address and the server's status, for the site's administrator.
 * @param {Response} response
 */
function notFetched(response) {
  const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  const file = response.url || ENTRY.file;
  return new PolicyError('WASM_NOT_LOADED', 'module_or_path',
    `无法取得计算模块文件 ${file}（服务器答复 ${status}）：请网站管理员检查该文件已随网页一同上传、可以访问`,
    [{ path: 'module_or_path', message: `${status}：${file}` }]);
}

/**
 * PolicyError WASM_NOT_LOADED for a .wasm file that could not be fetched at all (no network, no
 * server at the address, an address that is not one): the file and the browser's words, as its cause.
 * @param {string} file
 * @param {unknown} error
 */
function unreached(file, error) {
  const text = error instanceof Error ? String(error.message) : String(error);
  return withCause(new PolicyError('WASM_NOT_LOADED', 'module_or_path',
    `无法取得计算模块文件 ${file}（未能连接：${text}）：请检查网络连接，或请网站管理员检查该文件的地址可以访问`,
    [{ path: 'module_or_path', message: `${text}：${file}` }]), error);
}

/** What each engine's refusal to compile a module under a Content-Security-Policy says. */
const CSP_REFUSALS = [
  /disallowed by embedder/i, // Chromium: "Wasm code generation disallowed by embedder"
  /blocked by CSP/i, // Firefox: "call to WebAssembly.compile() blocked by CSP"
  /Content Security Policy|unsafe-eval/i, // Safari: "Refused to create a WebAssembly object because 'unsafe-eval' …"
];

/**
 * PolicyError WASM_BLOCKED when `error` is the browser refusing to compile WebAssembly because the
 * page's Content-Security-Policy does not allow it; otherwise undefined.
 * @param {unknown} error
 */
function blockedByPolicy(error) {
  const text = error instanceof Error ? String(error.message) : '';
  if (!CSP_REFUSALS.some((r) => r.test(text))) return undefined;
  return withCause(new PolicyError('WASM_BLOCKED', '',
    '本网站的内容安全策略（Content-Security-Policy）不允许编译 WebAssembly，计算模块无法运行。'
    + "请网站管理员在策略的 script-src 中加入 'wasm-unsafe-eval'（Chromium 97、Firefox 102、Safari 16 及以上内核认得），"
    + "并加入 'unsafe-eval'：Chromium 97 以前的内核（360 安全浏览器、信创浏览器的较旧版本）和 Safari 15 只认得它",
    [{ path: '', message: text }]), error);
}

/**
 * PolicyError WRONG_MODULE when `module` is not this glue's module (the other entry's, another
 * build's, not zhenxing's), or when instantiating it failed to link (`cause`); otherwise undefined.
 * The module of this glue imports exactly the functions the glue provides (one build, one crate).
 * @param {WebAssembly.Module} module
 * @param {string} path
 * @param {unknown} [cause] what instantiating it threw
 */
function wrongModule(module, path, cause) {
  const provided = Object.keys(internals).filter((n) => n.startsWith('__') && n !== '__wbg_set_wasm');
  const wanted = WebAssembly.Module.imports(module);
  const same = wanted.length === provided.length && wanted.every((i) => i.module === GLUE_MODULE && provided.includes(i.name));
  if (same && !(cause instanceof WebAssembly.LinkError)) return undefined;
  const exported = WebAssembly.Module.exports(module).map((e) => e.name);
  const full = exported.includes('__wbg_registerscreen_free');
  const zhenxing = full || exported.includes('__wbg_policyengine_free');
  const other = ENTRY.household ? 'zhenxing/web' : 'zhenxing/household';
  const given = !zhenxing
    ? '所给的不是 zhenxing 的计算模块'
    : full === ENTRY.household
      ? `所给的是 ${other} 的模块（${full ? '完整模块 web/zhenxing_bg.wasm' : '家庭测算模块 household/household_bg.wasm'}）`
      : '所给的模块与本入口的 JavaScript 不是同一次构建（如来自另一版本的 zhenxing）';
  const advice = zhenxing && full === ENTRY.household ? `：请改给 ${ENTRY.file}，或改用 ${other}` : `：请用同一个 zhenxing 包里的 ${ENTRY.file}`;
  return withCause(new PolicyError('WRONG_MODULE', path, `这是 ${ENTRY.name} 的入口，需要 ${ENTRY.file}；${given}${advice}`, []), cause);
}

/**
 * `error` with `cause` (as `new Error(message, { cause })` gives it), when there is one.
 * @template {Error} E
 * @param {E} error
 * @param {unknown} cause
 * @returns {E}
 */
function withCause(error, cause) {
  if (cause !== undefined) Object.defineProperty(error, 'cause', { value: cause, writable: true, configurable: true });
  return error;
}

export { init as default, initSync };

// ---- handles ----------------------------------------------------------------------------------

/**
 * The handles this module made and has not freed: each one's class, and the glue's object behind it.
 * @type {WeakMap<object, { klass: Function, inner: GlueEngine | GlueScreen }>}
 */
const live = new WeakMap();

/**
 * The glue's object behind `obj`, a live `klass`, or a PolicyError saying how it was misused.
 * @param {unknown} obj
 * @param {Function} klass
 * @param {string} [path] the argument's name, when `obj` is one
 * @returns {any}
 */
function innerOf(obj, klass, path = '') {
  const handle = live.get(/** @type {object} */ (obj));
  if (handle?.klass === klass) return handle.inner;
  let alike = false;
  try {
    alike = obj instanceof klass;
  } catch {
    // A revoked Proxy: not one.
  }
  if (!alike) {
    throw new PolicyError('INVALID_INPUT', path, path
      ? `${path} 应为本模块的 PolicyEngine 实例（如 engine.withOverrides({...}) 的结果；zhenxing/household 的引擎不能交给完整模块）`
      : `须在 ${nameOf(klass)} 实例上调用（不能把方法单独取出或在原型上调用）`, []);
  }
  throw new PolicyError('ENGINE_FREED', path, klass === Engine
    ? '引擎已释放，或不是由 new PolicyEngine()、fromParameters、withOverrides 得到的：free() 之后不能再使用，请新建 PolicyEngine'
    : '已释放，或不是由 RegisterScreen.screen()、compare()、compareDates() 得到的：free() 之后不能再使用', []);
}

/**
 * Refuses an argument that cannot be read at all (a revoked Proxy throws at the first look; inside
 * the module it would not be a PolicyError).
 * @param {unknown[]} args
 */
function readable(args) {
  for (let i = 0; i < args.length; i++) {
    const v = args[i];
    if ((typeof v !== 'object' || v === null) && typeof v !== 'function') continue;
    try {
      Array.isArray(v);
    } catch {
      throw new PolicyError('INVALID_INPUT', '', `第 ${i + 1} 个参数是已撤销的 Proxy，无法读取`, []);
    }
  }
}

/**
 * A new handle of `klass` for the glue's object `inner`.
 * @param {Function} klass
 * @param {GlueEngine | GlueScreen} inner
 */
function handle(klass, inner) {
  const obj = Object.create(klass.prototype);
  live.set(obj, { klass, inner });
  return obj;
}

/**
 * What the glue answered, a new engine or register screen made a handle.
 * @param {unknown} result
 */
function wrapped(result) {
  if (result instanceof glue.PolicyEngine) return handle(Engine, result);
  if (optional.RegisterScreen && result instanceof optional.RegisterScreen) return handle(Screen, result);
  return result;
}

/**
 * The arguments that are engines, by method: [position, name]. The glue takes the glue's engine
 * there; it is found in the registry, and what is not a live engine is refused by its name.
 * (scripts/assemble-package.mjs checks that this covers every engine argument of the glue.)
 * @type {Record<string, [number, string][]>}
 */
const ENGINE_ARGUMENTS = {
  'PolicyEngine.compare': [[2, 'other']],
  'PolicyEngine.compareMany': [[2, 'other']],
  'RegisterScreen.screen': [[0, 'engine']],
  'RegisterScreen.compare': [[0, 'engine'], [1, 'other']],
  'RegisterScreen.compareDates': [[0, 'engine']],
};

/**
 * `args` with each engine argument of `method` (`Class.name`) as the glue's engine.
 * @param {string} method
 * @param {unknown[]} args
 */
function glueArguments(method, args) {
  const out = [...args];
  for (const [at, name] of ENGINE_ARGUMENTS[method] ?? []) out[at] = innerOf(args[at], Engine, name);
  return out;
}

/**
 * `klass.prototype[name]` and `klass[name]` for every method of the glue's class: each checks the
 * module is loaded and the handle is live (a method), finds the engines among its arguments, and
 * makes what it answers a handle where it is one.
 * @param {Function} klass
 * @param {Function & { prototype: any }} inner the glue's class
 */
function forward(klass, inner) {
  for (const name of Object.getOwnPropertyNames(inner.prototype)) {
    if (name === 'constructor' || name === 'free' || name.startsWith('__')) continue;
    const method = inner.prototype[name];
    const call = `${nameOf(klass)}.${name}`;
    define(klass.prototype, name, {
      /** @param {unknown[]} args */
      [name](...args) {
        ready();
        const given = glueArguments(call, args);
        const self = innerOf(this, klass);
        readable(args);
        return wrapped(method.apply(self, given));
      },
    }[name]);
  }
  for (const name of Object.getOwnPropertyNames(inner)) {
    if (['length', 'name', 'prototype'].includes(name) || name.startsWith('__')) continue;
    const method = /** @type {Record<string, Function>} */ (/** @type {unknown} */ (inner))[name];
    const call = `${nameOf(klass)}.${name}`;
    define(klass, name, {
      /** @param {unknown[]} args */
      [name](...args) {
        ready();
        return wrapped(method.apply(inner, glueArguments(call, args)));
      },
    }[name]);
  }
  define(klass.prototype, 'free', /** @this {object} */ function free() {
    const self = innerOf(this, klass);
    live.delete(this);
    self.free();
  });
  // `using handle = …`: freed at the end of the block, unless freed already.
  if (Symbol.dispose) {
    define(klass.prototype, Symbol.dispose, /** @this {{ free(): void }} */ function () {
      if (live.get(this)?.klass === klass) this.free();
    });
  }
}

/**
 * A method on `target`, as a class declares one (not enumerable).
 * @param {object} target
 * @param {string | symbol} name
 * @param {Function} value
 */
function define(target, name, value) {
  Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: false });
}

/** The policy engine (the glue's PolicyEngine, as a handle). */
const Engine = class PolicyEngine {
  /** @param {unknown[]} args */
  constructor(...args) {
    ready();
    // The arguments as given: the glue's constructor reads what it declares.
    live.set(this, { klass: Engine, inner: Reflect.construct(glue.PolicyEngine, args) });
  }
};

/** A register being screened a chunk at a time (the glue's RegisterScreen, as a handle). */
const Screen = class RegisterScreen {};

/**
 * The API's name of `klass`: not its `name`, which a bundler may change (two classes of one name in
 * one bundle, the glue's and this module's).
 * @param {Function} klass
 */
function nameOf(klass) {
  return klass === Engine ? 'PolicyEngine' : 'RegisterScreen';
}

forward(Engine, glue.PolicyEngine);
if (optional.RegisterScreen) forward(Screen, optional.RegisterScreen);

// ---- the transition status, asked again ----------------------------------------------------------

/** How many statuses an engine keeps (dates × regions a page asks for). */
const KEPT_TRANSITIONS = 64;

/**
 * `engine.transition(asOf, region?)` asked again of the same engine answers the status it answered
 * before without entering the module: an engine's parameters never change. Each engine keeps up to
 * KEPT_TRANSITIONS statuses, and each call gets its own copy (a page may change what it is given).
 * A call with options, or with arguments that are not strings, goes to the module every time.
 */
function keepTransitions() {
  /** @type {WeakMap<object, Map<string, unknown>>} */
  const kept = new WeakMap();
  const transition = /** @type {Function} */ (/** @type {Record<string, unknown>} */ (/** @type {unknown} */ (Engine.prototype)).transition);
  define(Engine.prototype, 'transition', {
    /** @this {object} @param {unknown[]} args */
    transition(...args) {
      const [asOf, region] = args;
      if (args.length > 2 || typeof asOf !== 'string' || (region !== undefined && typeof region !== 'string')) {
        return transition.apply(this, args);
      }
      ready();
      innerOf(this, Engine);
      const key = region === undefined ? asOf : `${asOf}\u0000${region}`;
      let statuses = kept.get(this);
      if (statuses?.has(key)) return copy(statuses.get(key));
      const status = transition.apply(this, args);
      if (statuses === undefined) kept.set(this, (statuses = new Map()));
      if (statuses.size >= KEPT_TRANSITIONS) statuses.clear();
      statuses.set(key, copy(status));
      return status;
    },
  }.transition);
}

/**
 * A copy of a value read from JSON (objects, arrays, strings, numbers, booleans, null).
 * @param {unknown} value
 * @returns {unknown}
 */
function copy(value) {
  if (Array.isArray(value)) return value.map(copy);
  if (value === null || typeof value !== 'object') return value;
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const key of Object.keys(value)) {
    const v = copy(/** @type {Record<string, unknown>} */ (value)[key]);
    if (key === '__proto__') Object.defineProperty(out, key, { value: v, writable: true, enumerable: true, configurable: true });
    else out[key] = v;
  }
  return out;
}

keepTransitions();

// `PolicyEngine()` without `new` is a PolicyError; `new`, its static methods and `instanceof` pass
// through to the class.
const EngineExport = new Proxy(Engine, {
  apply() {
    throw new PolicyError('INVALID_INPUT', '', '请用 new PolicyEngine() 新建引擎（不能当作函数调用）', []);
  },
});
Engine.prototype.constructor = EngineExport;

/** The policy engine. `new PolicyEngine()` uses the embedded Heilongjiang parameter set; `new PolicyEngine(json)`, a parameter set as JSON text (whole, or one that `extends` the default). */
export const PolicyEngine = /** @type {typeof glue.PolicyEngine} */ (/** @type {unknown} */ (EngineExport));
/** A register being screened (or compared under two engines' parameters) a chunk at a time. */
export const RegisterScreen = /** @type {typeof glue.RegisterScreen} */ (/** @type {unknown} */ (Screen));

// ---- functions --------------------------------------------------------------------------------

/**
 * `f` once the module is loaded (PolicyError NOT_INITIALIZED before); undefined where the glue has
 * no `f` (the household module's).
 * @template {(...args: any[]) => any} F
 * @param {F} f
 * @returns {F}
 */
function loaded(f) {
  if (f === undefined) return f;
  return /** @type {F} */ ({
    /** @param {unknown[]} args */
    [f.name](...args) {
      ready();
      return f(...args);
    },
  }[f.name]);
}

export const defaultParameters = loaded(/** @type {typeof glue.defaultParameters} */ (optional.defaultParameters));
export const labels = loaded(glue.labels);
export const policyItems = loaded(glue.policyItems);
export const registerColumns = loaded(/** @type {typeof glue.registerColumns} */ (optional.registerColumns));
export const version = loaded(glue.version);
