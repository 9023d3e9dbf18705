// Type tests: branded values are not interchangeable with each other or with raw primitives.
import { expectTypeOf, test } from 'vitest';
import type { PatientId, ProviderId } from '../../src/core/ids.js';
import type { BasisPoints, Cents } from '../../src/core/money.js';
import { applyRate } from '../../src/core/money.js';
import type { IanaZone } from '../../src/core/time.js';
import type { IsoDate } from '../../src/core/calendar.js';
import { wallTimeToMs } from '../../src/core/time.js';

test('ids are branded', () => {
  expectTypeOf<PatientId>().not.toEqualTypeOf<ProviderId>();
  expectTypeOf<PatientId>().toExtend<string>();
  expectTypeOf<string>().not.toExtend<PatientId>();
});

test('money is branded', () => {
  expectTypeOf<number>().not.toExtend<Cents>();
  expectTypeOf<Cents>().not.toEqualTypeOf<BasisPoints>();
  expectTypeOf(applyRate).parameter(0).toEqualTypeOf<Cents>();
  expectTypeOf(applyRate).returns.toEqualTypeOf<Cents>();
  // @ts-expect-error a plain number is not cents
  applyRate(100, 2000 as BasisPoints);
});

test('time values are branded', () => {
  expectTypeOf<string>().not.toExtend<IsoDate>();
  expectTypeOf<string>().not.toExtend<IanaZone>();
  // @ts-expect-error a plain string is not a zone
  wallTimeToMs('2026-01-01' as IsoDate, '09:00' as never, 'America/New_York');
});
