// The same checks through Node CJS (require), the path jest and older tools take.
const assert = require('node:assert/strict');

const CHECKS = require('node:fs').readdirSync(`${__dirname}/checks`).sort();
const MODULES = ['core', 'records', 'insurance', 'referrals', 'scheduling'];
const root = require('medoffice');
for (const name of MODULES) {
  const mod = require(`medoffice/${name}`);
  for (const file of CHECKS.filter((f) => f === `${name}.cjs` || f.startsWith(`${name}-`))) require(`./checks/${file}`)(mod, assert);
  for (const key of Object.keys(mod)) assert.equal(root[key], mod[key], `root re-exports ${name}.${key} as the same value`);
}
console.log(`smoke (CJS): ${MODULES.length} subpaths and the root loaded and answered`);
