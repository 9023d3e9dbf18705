// Lookups keyed by outside text answer only the table's own keys (DESIGN rule 11, issue 16): a
// value such as `__proto__`, `constructor` or `toString` is an ordinary unknown key, never a
// function or object from Object.prototype.
import { describe, expect, it } from 'vitest';
import { isoDate, locationId } from '../../src/core/index.js';
import { parseReminderRules } from '../../src/communications/index.js';
import { locationName } from '../../src/communications/reminders.js';
import { fromClearinghouseEligibility } from '../../src/insurance/index.js';
import {
  fromFhirPatient,
  generationalSuffix,
  standardizeStreetLine,
  usStateCode,
} from '../../src/records/index.js';
import { denialGuidance } from '../../src/referrals/index.js';
import { recurrenceDates } from '../../src/scheduling/index.js';
import { dataFile } from '../support/testData.js';

const KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'] as const;

describe('prototype keys are ordinary unknown keys', () => {
  it('generationalSuffix', () => {
    for (const k of KEYS) expect(generationalSuffix(k)).toBeUndefined();
    expect(generationalSuffix('jr.')).toBe('Jr');
  });

  it('usStateCode and standardizeStreetLine', () => {
    for (const k of KEYS) expect(usStateCode(k)).toBeUndefined();
    // Street lines are upper-cased first (and `_` dropped), so these are ordinary words.
    for (const k of ['constructor', 'toString', 'valueOf']) {
      expect(standardizeStreetLine(`12 ${k} ${k} ${k}`)).toBe(
        `12 ${k.toUpperCase()} ${k.toUpperCase()} ${k.toUpperCase()}`,
      );
    }
    expect(usStateCode('Massachusetts')).toBe('MA');
    expect(standardizeStreetLine('12 North Main Street Apartment 4')).toBe('12 N MAIN ST APT 4');
  });

  it('denialGuidance: a CARC such as constructor classifies nothing', () => {
    for (const k of KEYS) {
      const g = denialGuidance({ reason: { carc: k }, diagnoses: [] });
      expect([k, g.classifiedBy, g.category]).toEqual([k, 'unknown', 'other']);
    }
    expect(denialGuidance({ reason: { carc: '197' }, diagnoses: [] })).toMatchObject({
      classifiedBy: 'carc',
      category: 'authorization-problem',
    });
  });

  it('an RRULE part named like a prototype key is an unknown part', () => {
    for (const k of ['constructor', 'toString', 'valueOf', 'hasOwnProperty']) {
      const r = recurrenceDates(
        `FREQ=DAILY;${k}=1`,
        isoDate('2026-11-02'),
        isoDate('2026-11-02'),
        isoDate('2026-11-05'),
      );
      expect([k, r._tag]).toEqual([k, 'Left']);
    }
  });

  it('fromFhirPatient: an identifier system such as constructor is kind OTHER', () => {
    for (const k of KEYS) {
      const r = fromFhirPatient({
        resourceType: 'Patient',
        id: 'p1',
        name: [{ family: 'Rivera', given: ['Ana'] }],
        birthDate: '1984-03-09',
        gender: 'female',
        identifier: [{ system: k, value: 'A1' }],
      });
      expect(r).toMatchObject({ _tag: 'Right', right: { identifiers: [{ kind: 'OTHER', system: k }] } });
    }
  });

  it('fromClearinghouseEligibility: entity and quantity labels such as constructor are kept as written', () => {
    const json = JSON.parse(dataFile('x12/json/WeInfuse__change_health__000041.example.response.json')) as {
      benefitsInformation: { benefitsRelatedEntity?: { entityIdentifier?: string } }[];
    };
    for (const k of KEYS) {
      const copy = structuredClone(json);
      const entity = copy.benefitsInformation[0]?.benefitsRelatedEntity;
      if (entity === undefined) throw new Error('sample changed: no related entity');
      entity.entityIdentifier = k;
      const r = fromClearinghouseEligibility(copy);
      expect(r._tag).toBe('Right');
      const roles = JSON.stringify(r).match(/"role":"[^"]*"/g) ?? [];
      expect([k, roles]).toContainEqual(expect.arrayContaining([`"role":"${k}"`]));
    }
  });
});

describe('ids from JSON keys keep their entries', () => {
  it('parseReminderRules: a location id __proto__ keeps its name and sets no prototype', () => {
    // JSON.parse makes `__proto__` an own key; an object rebuilt by assignment would lose it.
    const input: unknown = JSON.parse(
      '{"clinicZone":"America/New_York","practiceName":"Main Street Clinic",' +
        '"offsets":[{"kind":"elapsed","minutesBefore":120}],' +
        '"locationNames":{"__proto__":"North Wing","loc-1":"Main Street"}}',
    );
    const r = parseReminderRules(input);
    if (r._tag === 'Left') throw new Error(r.left.message);
    const names = r.right.locationNames ?? {};
    expect(Object.keys(names)).toEqual(['__proto__', 'loc-1']);
    expect(Object.getPrototypeOf(names)).toBeNull();
    expect(locationName(r.right, locationId('__proto__'))).toBe('North Wing');
    expect(locationName(r.right, locationId('constructor'))).toBeUndefined();
  });

  it('parseReminderRules: a bad name is reported at its location id', () => {
    const r = parseReminderRules({
      clinicZone: 'America/New_York',
      practiceName: 'Main Street Clinic',
      offsets: [{ kind: 'elapsed', minutesBefore: 120 }],
      locationNames: { 'loc-1': ' ' },
    });
    expect(r._tag === 'Left' && r.left.issues.map((i) => i.path)).toEqual(['locationNames.loc-1']);
    expect(
      parseReminderRules({ clinicZone: 'UTC', practiceName: 'P', offsets: [], locationNames: [] })._tag,
    ).toBe('Left');
  });
});
