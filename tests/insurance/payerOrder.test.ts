// Payer order: NAIC MDL-120 §6 and Medicare Secondary Payer rules (insurance reference §8.1-8.2).
import { describe, expect, it } from 'vitest';
import { isErr } from '../../src/core/result.js';
import type { IsoDate } from '../../src/core/time.js';
import {
  determinePayerOrder,
  parsePayerOrderPatient,
  type PayerOrderContext,
  type PayerOrderPatient,
} from '../../src/insurance/payerOrder.js';
import type { Coverage } from '../../src/insurance/model.js';
import { coverage, unwrap } from './fixtures.js';

const dos = { dateOfService: '2026-11-23' as IsoDate };
const patient = (extra: Record<string, unknown> = {}): PayerOrderPatient =>
  unwrap(parsePayerOrderPatient({ dateOfBirth: '1980-06-15', ...extra }));
const orderOf = (covs: readonly Coverage[], p: PayerOrderPatient, ctx: PayerOrderContext = dos) => {
  const r = unwrap(determinePayerOrder(covs, p, ctx));
  return { ids: r.order.map((c) => c.id), rules: r.decisions.map((d) => d.rule), result: r };
};
const child = (id: string, parentDob: string, extra: Record<string, unknown> = {}) =>
  coverage(id, {
    relationship: 'child',
    subscriber: { dateOfBirth: parentDob, employment: 'active', employerSize: 300 },
    ...extra,
  });

describe('NAIC order rules', () => {
  it('a plan without a COB provision is primary', () => {
    const { ids, rules } = orderOf(
      [coverage('a'), coverage('b', { cobProvision: false, relationship: 'spouse' })],
      patient(),
    );
    expect(ids).toEqual(['b', 'a']);
    expect(rules).toEqual(['naic.no-cob-provision']);
  });

  it('subscriber coverage before dependent coverage', () => {
    const { ids, rules } = orderOf(
      [coverage('spouse-plan', { relationship: 'spouse' }), coverage('own')],
      patient(),
    );
    expect(ids).toEqual(['own', 'spouse-plan']);
    expect(rules).toEqual(['naic.non-dependent']);
  });

  it('birthday rule: the parent born 03-14 (any year) before the parent born 09-02, even if older', () => {
    const dad = child('dad', '1975-09-02');
    const mom = child('mom', '1982-03-14');
    const { ids, rules } = orderOf(
      [dad, mom],
      patient({ dateOfBirth: '2016-05-01', parents: { livingTogether: true } }),
    );
    expect(ids).toEqual(['mom', 'dad']);
    expect(rules).toEqual(['naic.birthday']);
  });

  it('same birthday: the plan that has covered the parent longer', () => {
    const a = child('a', '1980-04-10', { coveredSince: '2018-01-01' });
    const b = child('b', '1978-04-10', { coveredSince: '2012-01-01' });
    expect(orderOf([a, b], patient({ dateOfBirth: '2016-05-01' })).rules).toEqual(['naic.longer-coverage']);
    expect(orderOf([a, b], patient({ dateOfBirth: '2016-05-01' })).ids).toEqual(['b', 'a']);
  });

  it('separated parents: court decree, then custodial parent, then custodial spouse, then non-custodial', () => {
    const p = patient({ dateOfBirth: '2014-01-01', parents: { livingTogether: false } });
    const custodial = child('custodial', '1985-11-30', { parentRole: 'custodial' });
    const stepparent = child('stepparent', '1984-01-02', { parentRole: 'custodial-spouse' });
    const other = child('other', '1983-02-01', { parentRole: 'non-custodial' });
    const r = orderOf([other, stepparent, custodial], p);
    expect(r.ids).toEqual(['custodial', 'stepparent', 'other']);
    expect(r.rules).toEqual(['naic.custody', 'naic.custody']);
    const decree = child('decree', '1983-02-01', {
      parentRole: 'non-custodial',
      courtDecreeResponsible: true,
    });
    expect(orderOf([custodial, decree], p)).toMatchObject({
      ids: ['decree', 'custodial'],
      rules: ['naic.court-decree'],
    });
    // Joint custody without assignment → the birthday rule again.
    const joint = patient({
      dateOfBirth: '2014-01-01',
      parents: { livingTogether: false, jointDecree: true },
    });
    expect(orderOf([custodial, other], joint)).toMatchObject({
      ids: ['other', 'custodial'],
      rules: ['naic.birthday'],
    });
  });

  it('active employee before retiree coverage; employee before COBRA; then longer coverage', () => {
    const retiree = coverage('retiree', {
      subscriber: { employment: 'retired' },
      coveredSince: '1995-01-01',
    });
    const job = coverage('job', { coveredSince: '2024-01-01' });
    expect(orderOf([retiree, job], patient())).toMatchObject({
      ids: ['job', 'retiree'],
      rules: ['naic.active-over-inactive'],
    });
    const cobra = coverage('cobra', {
      continuation: 'cobra',
      subscriber: { employment: 'none' },
      coveredSince: '2010-01-01',
    });
    const newJob = coverage('new-job', { subscriber: { employment: 'none' }, coveredSince: '2026-06-01' });
    expect(orderOf([cobra, newJob], patient())).toMatchObject({
      ids: ['new-job', 'cobra'],
      rules: ['naic.continuation'],
    });
    const older = coverage('older', { coveredSince: '2015-01-01' });
    const newer = coverage('newer', { coveredSince: '2022-01-01' });
    expect(orderOf([newer, older], patient())).toMatchObject({
      ids: ['older', 'newer'],
      rules: ['naic.longer-coverage'],
    });
  });

  it('no rule decides → undetermined, flagged for verification, input order kept', () => {
    const r = orderOf([coverage('x'), coverage('y')], patient());
    expect(r.ids).toEqual(['x', 'y']);
    expect(r.result.decisions[0]).toMatchObject({ rule: 'naic.undetermined', verify: true });
  });
});

describe('Medicare Secondary Payer rules', () => {
  const medicare = coverage('medicare', { planType: 'medicare-part-b', subscriber: { employment: 'none' } });
  const aged = patient({ dateOfBirth: '1958-03-01', medicare: { basis: 'age' } });

  it('working aged, employer with 20+ employees: the group plan pays first', () => {
    const ghp = coverage('ghp', { subscriber: { employment: 'active', employerSize: 20 } });
    expect(orderOf([medicare, ghp], aged)).toMatchObject({
      ids: ['ghp', 'medicare'],
      rules: ['msp.working-aged'],
    });
  });

  it('working aged, employer with 19 employees: Medicare pays first', () => {
    const ghp = coverage('ghp', { subscriber: { employment: 'active', employerSize: 19 } });
    expect(orderOf([ghp, medicare], aged)).toMatchObject({
      ids: ['medicare', 'ghp'],
      rules: ['msp.working-aged-small-employer'],
    });
  });

  it('spouse coverage from current employment counts the same way', () => {
    const spouse = coverage('spouse', {
      relationship: 'spouse',
      subscriber: { employment: 'active', employerSize: 45 },
    });
    expect(orderOf([medicare, spouse], aged).ids).toEqual(['spouse', 'medicare']);
  });

  it('retiree coverage and COBRA come after Medicare', () => {
    const retiree = coverage('retiree', { subscriber: { employment: 'retired', employerSize: 5000 } });
    expect(orderOf([retiree, medicare], aged)).toMatchObject({
      ids: ['medicare', 'retiree'],
      rules: ['msp.no-current-employment'],
    });
    const cobra = coverage('cobra', {
      continuation: 'cobra',
      subscriber: { employment: 'active', employerSize: 5000 },
    });
    expect(orderOf([cobra, medicare], aged).ids).toEqual(['medicare', 'cobra']);
  });

  it('disability under 65: 100+ employees → group plan first; 99 → Medicare first', () => {
    const disabled = patient({ dateOfBirth: '1975-01-01', medicare: { basis: 'disability' } });
    const large = coverage('large', { subscriber: { employment: 'active', employerSize: 100 } });
    const small = coverage('small', { subscriber: { employment: 'active', employerSize: 99 } });
    expect(orderOf([medicare, large], disabled)).toMatchObject({
      ids: ['large', 'medicare'],
      rules: ['msp.disability-large-ghp'],
    });
    expect(orderOf([small, medicare], disabled)).toMatchObject({
      ids: ['medicare', 'small'],
      rules: ['msp.disability-small-ghp'],
    });
  });

  it('ESRD: the group plan (even a retiree plan) is primary for 30 months, then Medicare', () => {
    // Coordination starts 2024-06: months 1..30 are 2024-06 .. 2026-11; 2026-12 is month 31.
    const esrd = patient({ medicare: { basis: 'esrd', esrdCoordinationStart: '2024-06-01' } });
    const retiree = coverage('retiree', { subscriber: { employment: 'retired' } });
    const inPeriod = orderOf([medicare, retiree], esrd, { dateOfService: '2026-11-30' as IsoDate });
    expect(inPeriod).toMatchObject({ ids: ['retiree', 'medicare'], rules: ['msp.esrd-coordination'] });
    expect(inPeriod.result.decisions[0]?.reason).toContain('month 30');
    const after = orderOf([retiree, medicare], esrd, { dateOfService: '2026-12-01' as IsoDate });
    expect(after).toMatchObject({ ids: ['medicare', 'retiree'], rules: ['msp.esrd-after-coordination'] });
  });

  it('ESRD, first come first served: Medicare already primary (aged, retiree plan) stays primary', () => {
    const p = patient({
      dateOfBirth: '1955-01-01',
      medicare: { basis: 'esrd', esrdCoordinationStart: '2026-01-01', primaryBeforeEsrd: true },
    });
    const retiree = coverage('retiree', { subscriber: { employment: 'retired' } });
    expect(orderOf([retiree, medicare], p)).toMatchObject({
      ids: ['medicare', 'retiree'],
      rules: ['msp.esrd-first-come'],
    });
  });

  it('unknown employer size: group plan assumed primary and flagged for verification', () => {
    const ghp = coverage('ghp', { subscriber: { employment: 'active' } });
    const r = orderOf([medicare, ghp], aged);
    expect(r.ids).toEqual(['ghp', 'medicare']);
    expect(r.result.decisions[0]).toMatchObject({ rule: 'msp.employer-size-unknown', verify: true });
  });

  it('Medicare under 65 with no stated basis: group plan assumed primary, flagged; 65+ without a basis is age-based', () => {
    const ghp = coverage('ghp', { subscriber: { employment: 'active', employerSize: 50 } });
    const r = orderOf([medicare, ghp], patient({ dateOfBirth: '1975-01-01' }));
    expect(r.ids).toEqual(['ghp', 'medicare']);
    expect(r.result.decisions[0]).toMatchObject({ rule: 'msp.entitlement-unknown', verify: true });
    // Turned 65 on 2026-03-01: employer of 50 (20+) → working aged.
    expect(orderOf([medicare, ghp], patient({ dateOfBirth: '1961-03-01' })).rules).toEqual([
      'msp.working-aged',
    ]);
  });

  it('Medicare exception to the dependent rule: retiree own plan after Medicare, spouse active plan before it', () => {
    const own = coverage('own-retiree', { subscriber: { employment: 'retired' } });
    const spouse = coverage('spouse-active', {
      relationship: 'spouse',
      subscriber: { employment: 'active', employerSize: 200 },
    });
    expect(orderOf([own, medicare, spouse], aged).ids).toEqual(['spouse-active', 'medicare', 'own-retiree']);
  });
});

describe('government programs and injuries', () => {
  it('Medicaid is last; a Medigap plan follows Medicare; TRICARE follows employer coverage', () => {
    const aged = patient({ dateOfBirth: '1950-01-01', medicare: { basis: 'age' } });
    const medicaid = coverage('medicaid', { planType: 'medicaid' });
    const medigap = coverage('medigap', { planType: 'medigap' });
    const medicare = coverage('medicare', { planType: 'medicare-part-b' });
    const r = orderOf([medicaid, medigap, medicare], aged);
    expect(r.ids).toEqual(['medicare', 'medigap', 'medicaid']);
    expect(r.rules).toEqual(['medicare.supplement-after-medicare', 'medicaid.last-resort']);
    const tricare = coverage('tricare', { planType: 'tricare' });
    expect(orderOf([tricare, coverage('job')], patient())).toMatchObject({
      ids: ['job', 'tricare'],
      rules: ['tricare.secondary'],
    });
  });

  it("workers' compensation pays first for a work injury and is excluded otherwise; lapsed coverage is excluded", () => {
    const wc = coverage('wc', { planType: 'workers-comp' });
    const lapsed = coverage('lapsed', { effective: { start: '2020-01-01', end: '2025-12-31' } });
    const work = orderOf([coverage('job'), wc, lapsed], patient(), {
      dateOfService: '2026-11-23' as IsoDate,
      injury: 'work',
    });
    expect(work).toMatchObject({ ids: ['wc', 'job'], rules: ['related-injury'] });
    expect(work.result.excluded).toEqual([
      { coverageId: 'lapsed', reason: 'not in force on the date of service' },
    ]);
    const flu = orderOf([coverage('job'), wc], patient());
    expect(flu.ids).toEqual(['job']);
    expect(flu.result.excluded[0]?.coverageId).toBe('wc');
  });

  it('no coverage in force → insurance.no-coverage', () => {
    const r = determinePayerOrder(
      [coverage('old', { effective: { start: '2019-01-01', end: '2019-12-31' } })],
      patient(),
      dos,
    );
    expect(isErr(r) && r.left.code).toBe('insurance.no-coverage');
  });

  it('messages never carry member ids or birth dates', () => {
    const r = orderOf(
      [child('a', '1975-09-02'), child('b', '1982-03-14')],
      patient({ dateOfBirth: '2016-05-01' }),
    );
    const text = JSON.stringify(r.result.decisions);
    expect(text).not.toMatch(/M-a|M-b|1975|1982|2016/);
  });
});
