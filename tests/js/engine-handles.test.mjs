// An engine is only ever used through the object the package made for it: a copied or restored
// pointer, an alias kept after free(), the glue's internal helpers, a call without `new`: each is a
// PolicyError before the module is entered, and the module (every other engine, new ones) goes on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PolicyEngine, PolicyError } from 'zhenxing';

const asOf = '2023-06-01';
const household = { region: '230129', members: [{ birthDate: '1950-01-01' }] };

/** `call` throws PolicyError `code`. */
function refused(call, code) {
  assert.throws(call, (e) => {
    assert.ok(e instanceof PolicyError, String(e));
    assert.equal(e.code, code, e.message);
    assert.match(e.message, /[\u4e00-\u9fff]/);
    return true;
  });
}

/** The module still answers: an engine in use and a new one (from `make`) give the same result. */
function stillWorking(engine, make = () => new PolicyEngine()) {
  const fresh = make();
  assert.deepEqual(fresh.estimate(household, asOf), engine.estimate(household, asOf));
  fresh.free();
}

test('a copied pointer is not an engine', () => {
  const engine = new PolicyEngine();
  const forged = Object.create(PolicyEngine.prototype);
  forged.__wbg_ptr = engine.__wbg_ptr;
  refused(() => forged.estimate(household, asOf), 'ENGINE_FREED');
  refused(() => engine.compare(household, asOf, forged), 'ENGINE_FREED');
  // Freeing the forgery must not free the engine it copied.
  refused(() => forged.free(), 'ENGINE_FREED');
  stillWorking(engine);
  engine.free();
});

test('an engine used after free() through an alias or a restored pointer is refused', () => {
  const keeper = new PolicyEngine();
  const engine = new PolicyEngine();
  const alias = Object.create(PolicyEngine.prototype);
  alias.__wbg_ptr = engine.__wbg_ptr;
  const pointer = engine.__wbg_ptr;
  engine.free();
  // The freed memory is given to new engines: a stale pointer would now read one of them.
  const whatIf = () => keeper.withOverrides({ 'dibao.standard.rural': '500' });
  const reused = [[new PolicyEngine()], [whatIf(), whatIf]];
  refused(() => alias.estimate(household, asOf), 'ENGINE_FREED');
  refused(() => alias.free(), 'ENGINE_FREED');
  engine.__wbg_ptr = pointer;
  refused(() => engine.estimate(household, asOf), 'ENGINE_FREED');
  refused(() => engine.free(), 'ENGINE_FREED');
  refused(() => keeper.compareMany([household], asOf, alias), 'ENGINE_FREED');
  for (const [e, make] of reused) {
    stillWorking(e, make);
    e.free();
  }
  stillWorking(keeper);
  keeper.free();
});

test('the glue\'s internals are not reachable from outside', () => {
  const engine = new PolicyEngine();
  assert.equal(engine.__destroy_into_raw, undefined);
  assert.equal(PolicyEngine.__wrap, undefined);
  assert.ok(!('__wrap' in PolicyEngine));
  stillWorking(engine);
  engine.free();
});

test('PolicyEngine without new is a PolicyError; new, statics and instanceof work', () => {
  refused(() => PolicyEngine(), 'INVALID_INPUT');
  refused(() => PolicyEngine.call({}), 'INVALID_INPUT');
  const engine = new PolicyEngine();
  assert.ok(engine instanceof PolicyEngine);
  assert.equal(engine.constructor, PolicyEngine);
  const copy = PolicyEngine.fromParameters(JSON.stringify({
    schema: 'zhenxing-parameters/1', id: 'x', title: 'x', published: '2024-01-01', extends: 'heilongjiang', parameters: [],
  }));
  assert.ok(copy instanceof PolicyEngine);
  assert.deepEqual(copy.estimate(household, asOf), engine.estimate(household, asOf));
  copy.free();
  engine.free();
});

test('a register screen is guarded like an engine: a copy or a stale alias is refused', async () => {
  const { RegisterScreen } = await import('zhenxing');
  const engine = new PolicyEngine();
  const register = 'household_id,region,birth_date\nA,230129,1950-01-01\nB,230129,1980-01-01\n';
  const screen = RegisterScreen.screen(engine, register, asOf);
  assert.equal(RegisterScreen.__wrap, undefined);
  assert.equal(screen.__destroy_into_raw, undefined);
  const forged = Object.create(RegisterScreen.prototype);
  forged.__wbg_ptr = screen.__wbg_ptr;
  refused(() => forged.next(10), 'ENGINE_FREED');
  refused(() => forged.free(), 'ENGINE_FREED');
  // An engine where a screen is expected, and a screen where an engine is, are refused too.
  refused(() => RegisterScreen.prototype.next.call(engine, 10), 'INVALID_INPUT');
  refused(() => RegisterScreen.screen(screen, register, asOf), 'INVALID_INPUT');
  assert.equal(screen.next(10).rows, 2);
  screen.free();
  refused(() => screen.next(10), 'ENGINE_FREED');
  stillWorking(engine);
  engine.free();
});
