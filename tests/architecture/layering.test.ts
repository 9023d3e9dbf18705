import { describe, expect, it } from 'vitest';
import { join, relative } from 'node:path';
import { SRC, importsOf, layeringViolations, readSource, sourceFiles } from './sourceRules.js';

describe('layering: core <- records <- insurance <- referrals <- billing <- scheduling <- communications <- testing', () => {
  it('no module imports one above it', () => {
    const violations = sourceFiles().flatMap((f) =>
      layeringViolations(f, readSource(f)).map((v) => `${relative(SRC, f)}: ${v}`),
    );
    expect(violations).toEqual([]);
  });

  it.each([
    ['core', "import { x } from '../records/index.js';", 'core -> records'],
    ['records', "import { x } from '../insurance/model.js';", 'records -> insurance'],
    ['insurance', "export { x } from '../referrals/index.js';", 'insurance -> referrals'],
    ['referrals', "import type { X } from '../billing/model.js';", 'referrals -> billing'],
    ['billing', "import type { X } from '../scheduling/model.js';", 'billing -> scheduling'],
    ['internal', "import { ok } from '../core/result.js';", 'internal -> core'],
    ['scheduling', "import { patientArbitrary } from '../testing/index.js';", 'scheduling -> testing'],
    [
      'scheduling',
      "import { planReminders } from '../communications/index.js';",
      'scheduling -> communications',
    ],
  ])('catches a planted upward import from %s', (module, line, expected) => {
    expect(layeringViolations(join(SRC, module, 'planted.ts'), line)).toEqual([expected]);
  });

  it('the root barrel does not re-export medoffice/testing (so `medoffice` never needs fast-check)', () => {
    const root = readSource(join(SRC, 'index.ts'));
    expect(importsOf(root).filter((s) => s.includes('testing'))).toEqual([]);
    expect(importsOf(root)).toContain('./scheduling/index.js'); // the scan does read the barrel
  });

  it('allows downward and same-module imports', () => {
    const file = join(SRC, 'scheduling', 'planted.ts');
    expect(
      layeringViolations(
        file,
        "import { a } from '../core/time.js';\nimport { b } from './model.js';\nimport { c } from '../referrals/index.js';",
      ),
    ).toEqual([]);
  });
});
