// What www/vendor/excel.js holds on the site (scripts/site.mjs bundles it from these two packages).
export { default as readExcelFile } from 'read-excel-file/universal';
export { default as writeExcelFile } from 'write-excel-file/universal';
