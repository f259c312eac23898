// zhenxing as a Jest project uses it, with Jest's defaults: CommonJS test files in its module sandbox.
const { PolicyEngine, PolicyError, version } = require('zhenxing');
const web = require('zhenxing/web');
const { household, asOf, estimate } = require('./expected.json'); // written by the harness, from the Node package outside Jest

test('an estimate under Jest equals the Node package\'s', () => {
  const engine = new PolicyEngine();
  try {
    expect(engine.estimate(household, asOf)).toEqual(estimate);
  } finally {
    engine.free();
  }
});

test('errors are PolicyErrors with code, path and a Chinese message', () => {
  const engine = new PolicyEngine();
  expect(() => engine.transition('2023-02-29', null)).toThrow(PolicyError);
  try {
    engine.transition('2023-02-29', null);
  } catch (e) {
    expect(e).toBeInstanceOf(Error);
    expect([e.code, e.path]).toEqual(['INVALID_DATE', 'asOf']);
    expect(e.message).toMatch(/[\u4e00-\u9fff]/);
  }
  expect(engine.transition('2023-06-01', '230129').year).toBe(3);
  engine.free();
});

test('zhenxing/web shares the instance: init() resolves at once', async () => {
  await web.default();
  expect(web.PolicyEngine).toBe(PolicyEngine);
  expect(web.version()).toBe(version());
});
