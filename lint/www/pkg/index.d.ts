// What www/pkg/ holds on the site (scripts/site.mjs copies the built `zhenxing/web` entry there):
// the package's own declarations, as `make build` writes them.
export * from '../../../dist/zhenxing/web/index.js';
export { default } from '../../../dist/zhenxing/web/index.js';
