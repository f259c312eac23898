/**
 * zhenxing under Jest's jsdom environment, set up as docs/bundlers.md says: the Node entry through
 * the `node` and `require` conditions (jsdom's own, `browser`, would pick the ES-module entry).
 *
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
const { PolicyEngine } = require('zhenxing');
const web = require('zhenxing/web');
const { household, asOf, estimate } = require('./expected.json');

test('jsdom is the environment: a document, and no TextEncoder of its own is needed', () => {
  expect(typeof document.createElement).toBe('function');
  const engine = new PolicyEngine();
  try {
    expect(engine.estimate(household, asOf)).toEqual(estimate);
  } finally {
    engine.free();
  }
});

test('require(\'zhenxing/web\').init is the init function, as .default', async () => {
  expect(typeof web.init).toBe('function');
  expect(web.init).toBe(web.default);
  await web.init();
  expect(web.PolicyEngine).toBe(PolicyEngine);
});
