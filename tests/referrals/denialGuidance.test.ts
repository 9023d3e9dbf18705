import { describe, expect, it } from 'vitest';
import { denialGuidance } from '../../src/referrals/index.js';

describe('denialGuidance', () => {
  it('a specificity denial of an injury code without 7th character: add A, D or S', () => {
    // S83.241 (other tear of medial meniscus, current injury, right knee) takes a 7th character.
    const g = denialGuidance({
      reason: { text: 'Diagnosis not specific enough' },
      diagnoses: ['S83.241', 'M25.561'],
    });
    expect(g).toMatchObject({
      category: 'diagnosis-specificity',
      classifiedBy: 'text',
      nextRequest: 'initial',
    });
    expect(g.diagnosisFindings).toEqual([
      {
        index: 0,
        problem: 'icd10.seventh-character',
        fix: 'diagnosis 1: add the 7th character (for injuries: A initial, D subsequent, S sequela)',
        candidates: ['S83241A', 'S83241D', 'S83241S'],
      },
    ]);
    expect(g.steps.map((s) => s.action)).toEqual(['fix-diagnosis', 'review-diagnosis-coding']);
    expect(JSON.stringify(g.steps)).not.toMatch(/S83|M25/); // messages never echo the codes
  });

  it('a header code and a missing placeholder get their own fixes', () => {
    const g = denialGuidance({ reason: { carc: '146' }, diagnoses: ['E11', 'W61.62D', 'E11.9'] });
    expect(g.classifiedBy).toBe('carc');
    expect(g.diagnosisFindings.map((f) => [f.index, f.problem, f.candidates])).toEqual([
      [0, 'icd10.header-code', []],
      [1, 'icd10.placeholder', ['W6162XD']], // X fills position 6 so D sits in position 7
    ]);
  });

  it('a malformed code is a format problem', () => {
    const g = denialGuidance({ reason: { text: 'invalid diagnosis' }, diagnoses: ['1234'] });
    expect(g.diagnosisFindings.map((f) => f.problem)).toEqual(['icd10.format']);
  });

  it('says "unknown" rather than guessing when no structural problem is found', () => {
    const g = denialGuidance({ reason: { text: 'diagnosis lacks specificity' }, diagnoses: ['M54.50'] });
    expect(g.diagnosisFindings).toEqual([]);
    expect(g.steps[0]?.message).toMatch(/unknown without it/);
    // With the fiscal-year table the check is exact: M54.5 was deleted on 2021-10-01 (FY2022).
    const exact = denialGuidance(
      { reason: { text: 'diagnosis lacks specificity' }, diagnoses: ['M54.5'] },
      { validCodes: new Set(['M5450', 'M5451', 'M5459']) },
    );
    expect(exact.diagnosisFindings.map((f) => f.problem)).toEqual(['icd10.not-in-code-set']);
  });

  it.each([
    [{ carc: '50' }, 'medical-necessity', 'appeal-standard', 'appeal-with-clinical-evidence'],
    [{ carc: '242' }, 'out-of-network', 'initial', 'choose-in-network-provider'],
    [{ carc: '16' }, 'missing-information', 'initial', 'attach-documentation'],
    [{ carc: '18' }, 'duplicate', 'initial', 'check-for-existing-request'],
    [{ carc: '11' }, 'diagnosis-procedure-mismatch', 'initial', 'review-diagnosis-coding'],
    [{ carc: '204' }, 'not-covered', 'initial', 'check-benefits'],
    [{ carc: '197' }, 'authorization-problem', 'initial', 'contact-payer'],
    [
      { text: 'Medical necessity criteria not met' },
      'medical-necessity',
      'appeal-standard',
      'appeal-with-clinical-evidence',
    ],
    [{ text: 'Provider is out of network' }, 'out-of-network', 'initial', 'choose-in-network-provider'],
    [{ text: 'Please send office notes' }, 'missing-information', 'initial', 'attach-documentation'],
    [{ code: '0U' }, 'other', 'initial', 'contact-payer'],
  ])('classifies %o as %s', (reason, category, nextRequest, firstAction) => {
    const g = denialGuidance({ reason, diagnoses: ['E11.9'] });
    expect([g.category, g.nextRequest, g.steps[0]?.action]).toEqual([category, nextRequest, firstAction]);
  });

  it('the caller category wins, and diagnoses are checked whatever the category', () => {
    const g = denialGuidance({ reason: { carc: '50' }, diagnoses: ['E11'], category: 'missing-information' });
    expect([g.category, g.classifiedBy]).toEqual(['missing-information', 'caller']);
    expect(g.steps.map((s) => s.action)).toEqual(['fix-diagnosis', 'attach-documentation']);
  });
});
