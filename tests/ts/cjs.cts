// The package from a CommonJS TypeScript file (module nodenext): the CommonJS declarations.
import zhenxing = require('zhenxing');
import web = require('zhenxing/web');
import householdOnly = require('zhenxing/household');
import type { Household, Estimate } from 'zhenxing';

declare function report(...values: unknown[]): void;

const engine = new zhenxing.PolicyEngine();
const household: Household = { region: '230129', members: [{ birthDate: '1983-01-01' }] };
const estimate: Estimate = engine.estimate(household, '2023-06-01');
try {
  engine.transition('2023-02-29', null);
} catch (e) {
  if (e instanceof zhenxing.PolicyError) report(e.code, e.path);
}
engine.free();
// require('zhenxing/web').init is the init function (also .default).
const loaded: Promise<unknown> = web.init();
// require('zhenxing/household'): the same shapes, the household calls only.
const screened = new householdOnly.PolicyEngine().screen(household, '2023-06-01');
report(estimate.totalAnnual, zhenxing.version(), loaded, screened, householdOnly.init());
