// What www/pkg/household/ holds on the site (scripts/site.mjs copies the built `zhenxing/household`
// entry there): the package's own declarations, as `make build` writes them.
export * from '../../../../dist/zhenxing/household/index.js';
export { default } from '../../../../dist/zhenxing/household/index.js';
