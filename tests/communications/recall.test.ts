// recallList against dates worked out by hand from the reference (§2.1): CMS counting in full
// months, the IPPE window, Bright Futures ages, provider follow-ups.
import { describe, expect, it } from 'vitest';
import { recallList, type RecallPatient, type RecallVisit } from '../../src/communications/recall.js';
import { addMonths, type IsoDate } from '../../src/core/calendar.js';
import type { PatientId } from '../../src/core/ids.js';

const d = (s: string): IsoDate => s as IsoDate;
const pat = (patient: string, birthDate: string, extra: Partial<RecallPatient> = {}): RecallPatient => ({
  patient: patient as PatientId,
  birthDate: d(birthDate),
  ...extra,
});
const visit = (
  patient: string,
  date: string,
  kind: RecallVisit['kind'],
  status: RecallVisit['status'] = 'kept',
): RecallVisit => ({ patient: patient as PatientId, date: d(date), kind, status });

describe('addMonths', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-15', 12, '2027-03-15'],
    ['2026-12-31', 2, '2027-02-28'],
  ])('%s + %i months = %s', (from, n, to) => expect(addMonths(d(from), n)).toBe(to));
});

describe('recallList', () => {
  const medicare = pat('m1', '1950-05-05', { partBEffective: d('2015-06-01') });

  it('AWV on any day of February 2026: eligible again on 1 February 2027, not the day after the anniversary', () => {
    const visits = [visit('m1', '2026-02-27', 'awv')];
    expect(recallList([medicare], visits, { lookaheadDays: 0 }, d('2027-01-31'))).toEqual([]);
    expect(recallList([medicare], visits, { lookaheadDays: 0 }, d('2027-02-01'))).toEqual([
      { patient: 'm1', recall: 'medicare-awv', dueFrom: '2027-02-01', status: 'due' },
    ]);
    expect(recallList([medicare], visits, {}, d('2027-01-15'))[0]?.status).toBe('upcoming');
  });

  it('IPPE within 12 months of Part B (until the day before the same date a year later); no AWV meanwhile', () => {
    const p = pat('m2', '1961-06-15', { partBEffective: d('2026-06-15') });
    expect(recallList([p], [], {}, d('2026-11-23'))).toEqual([
      { patient: 'm2', recall: 'medicare-ippe', dueFrom: '2026-06-15', dueBy: '2027-06-14', status: 'due' },
    ]);
    // after the IPPE: the first AWV from 12 months after Part B and after the IPPE's month
    expect(
      recallList([p], [visit('m2', '2026-12-10', 'ippe')], { lookaheadDays: 0 }, d('2027-12-01')),
    ).toEqual([{ patient: 'm2', recall: 'medicare-awv', dueFrom: '2027-12-01', status: 'due' }]);
  });

  it('a booked AWV closes the recall; an inactive patient is never listed', () => {
    expect(recallList([medicare], [visit('m1', '2026-12-01', 'awv', 'booked')], {}, d('2026-11-23'))).toEqual(
      [],
    );
    expect(recallList([{ ...medicare, inactive: true }], [], {}, d('2026-11-23'))).toEqual([]);
  });

  it('well-child: born 20 September 2026, on 23 November the 2-month visit (from 20 November, before 4 months) is due', () => {
    const baby = pat('c1', '2026-09-20');
    expect(recallList([baby], [], {}, d('2026-11-23'))).toEqual([
      {
        patient: 'c1',
        recall: 'well-child',
        dueFrom: '2026-11-20',
        dueBy: '2027-01-19',
        status: 'due',
        visit: '2 months',
      },
    ]);
    expect(recallList([baby], [visit('c1', '2026-11-21', 'well-child')], {}, d('2026-11-23'))).toEqual([]);
    // the 1-month visit never kept, now past 4 months: the 4-month visit is what is due
    expect(recallList([baby], [], { lookaheadDays: 0 }, d('2027-01-25'))[0]).toMatchObject({
      visit: '4 months',
      dueFrom: '2027-01-20',
    });
  });

  it('well-child: a 10-year-old last seen at 9 years is due from the 10th birthday', () => {
    expect(
      recallList(
        [pat('c2', '2016-03-01')],
        [visit('c2', '2025-03-10', 'well-child')],
        { lookaheadDays: 0 },
        d('2026-11-23'),
      ),
    ).toEqual([
      {
        patient: 'c2',
        recall: 'well-child',
        dueFrom: '2026-03-01',
        dueBy: '2027-02-28',
        status: 'due',
        visit: '10 years',
      },
    ]);
  });

  it('a follow-up 3 months after 1 August is due from 1 November unless a visit was kept or booked since', () => {
    const adult = pat('a1', '1980-01-01');
    const rules = { followUps: [{ patient: 'a1' as PatientId, from: d('2026-08-01'), months: 3 }] };
    expect(recallList([adult], [], rules, d('2026-11-23'))).toEqual([
      { patient: 'a1', recall: 'follow-up', dueFrom: '2026-11-01', status: 'due' },
    ]);
    expect(recallList([adult], [visit('a1', '2026-10-15', 'office')], rules, d('2026-11-23'))).toEqual([]);
  });
});
