// @ts-check
// Writes the package-lock.json of every project that installs the package (examples/*, and the Jest
// and Vitest projects in tests/package/) from its package.json, without installing anything. Their
// tools are pinned exactly in package.json; run this after changing one. zhenxing comes from
// dist/zhenxing.tgz (make build first); its integrity is left out of the lockfiles, since the tarball
// changes with every build (the tests fill in the fresh tarball's own). Given project folders
// (`node scripts/lock-projects.mjs examples/nextjs`), only those.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const projects = [
  // Only the examples that are npm projects (examples/registers holds sample files).
  ...readdirSync(join(root, 'examples'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, 'examples', d.name, 'package.json')))
    .map((d) => join('examples', d.name)),
  'tests/package/jest',
  'tests/package/vitest',
];
const only = process.argv.slice(2).map((p) => p.replace(/\/$/, ''));
for (const p of only) if (!projects.includes(p)) throw new Error(`lock-projects: ${p} is not a project that installs the package`);
for (const project of only.length ? only : projects) {
  const dir = join(root, project);
  execFileSync('npm', ['install', '--package-lock-only', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' });
  const file = join(dir, 'package-lock.json');
  const lock = JSON.parse(readFileSync(file, 'utf8'));
  delete lock.packages['node_modules/zhenxing'].integrity;
  writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
  console.log(`[lock] ${project}/package-lock.json`);
}
