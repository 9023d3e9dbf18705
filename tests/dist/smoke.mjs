// Loads every subpath of the built package through Node ESM (by package name, so the exports map
// is exercised) and runs each module's checks. Catches the fp-ts and rrule import traps that tsc
// does not see.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const CHECKS = readdirSync(new URL('./checks/', import.meta.url)).sort();
const MODULES = ['core', 'records', 'insurance', 'referrals', 'billing', 'scheduling', 'communications'];
const root = await import('medoffice');
for (const name of MODULES) {
  const mod = await import(`medoffice/${name}`);
  for (const file of CHECKS.filter((f) => f === `${name}.cjs` || f.startsWith(`${name}-`))) require(`./checks/${file}`)(mod, assert);
  for (const key of Object.keys(mod)) assert.equal(root[key], mod[key], `root re-exports ${name}.${key} as the same value`);
}
// medoffice/testing is not in the root (it needs the optional peer fast-check).
const testing = await import('medoffice/testing');
require('./checks/testing.cjs')(testing, assert);
assert.equal(root.generateHealthSystem, undefined, 'the root does not re-export medoffice/testing');
console.log(`smoke (ESM): ${MODULES.length + 1} subpaths and the root loaded and answered`);
