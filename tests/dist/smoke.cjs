// The same checks through Node CJS (require), the path jest and older tools take.
const assert = require('node:assert/strict');

const CHECKS = require('node:fs').readdirSync(`${__dirname}/checks`).sort();
const MODULES = ['core', 'records', 'insurance', 'referrals', 'billing', 'scheduling', 'communications'];
const root = require('medoffice');
for (const name of MODULES) {
  const mod = require(`medoffice/${name}`);
  for (const file of CHECKS.filter((f) => f === `${name}.cjs` || f.startsWith(`${name}-`))) require(`./checks/${file}`)(mod, assert);
  for (const key of Object.keys(mod)) assert.equal(root[key], mod[key], `root re-exports ${name}.${key} as the same value`);
}
// medoffice/testing is not in the root (it needs the optional peer fast-check).
require('./checks/testing.cjs')(require('medoffice/testing'), assert);
assert.equal(root.generateHealthSystem, undefined, 'the root does not re-export medoffice/testing');
console.log(`smoke (CJS): ${MODULES.length + 1} subpaths and the root loaded and answered`);
