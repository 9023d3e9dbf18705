// FHIR redaction after HIPAA Safe Harbor, 45 CFR §164.514(b)(2), on the public FHIR data in
// tests/data (HL7 R4 examples, the CMS Blue Button Coverage bundle, Synthea's bulk export of 13
// patients and their 1,215 encounters). The oracles are independent of the implementation: a set
// of identifying strings read from each input by element name (names, identifier values, phones,
// street lines, cities, full dates, display names, resource ids) none of which may be left
// anywhere in the output, every coding of the input found again in the output, and expectations
// for a Patient, an Encounter and a Bundle worked out by hand from the rules.
import { describe, expect, it } from 'vitest';
import { isoDate, redactFhir, type FhirRedaction } from '../../src/records/index.js';
import { dataFile, dataFiles } from '../support/testData.js';
import { deepFreeze, jsonMutations } from '../hostile/support/corpus.js';

const asOf = isoDate('2026-11-23');
type Json = Record<string, unknown>;

const right = (r: ReturnType<typeof redactFhir>): FhirRedaction => {
  if (r._tag === 'Left') throw new Error(`expected Right, got ${r.left.code}`);
  return r.right;
};
const ndjson = (name: string): Json[] =>
  dataFile(name)
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Json);

/** Every public FHIR input: [label, resource]. */
const samples: [string, Json][] = [
  ...dataFiles('fhir/r4-examples')
    .filter((f) => f.endsWith('.json') && !f.includes('package'))
    .map((f): [string, Json] => [f, JSON.parse(dataFile(`fhir/r4-examples/${f}`)) as Json]),
  ...dataFiles('fhir/cms-bfd').map((f): [string, Json] => [
    f,
    JSON.parse(dataFile(`fhir/cms-bfd/${f}`)) as Json,
  ]),
  ...['Patient', 'Practitioner', 'Encounter'].flatMap((t) =>
    ndjson(`fhir/bulk-ndjson-10-patients/${t}.000.ndjson`).map((r, i): [string, Json] => [
      `${t}.000.ndjson #${i}`,
      r,
    ]),
  ),
];

const children = (v: unknown): unknown[] =>
  Array.isArray(v) ? v : typeof v === 'object' && v !== null ? Object.values(v) : [];
const objects = function* (v: unknown): Generator<Json> {
  const stack = [v];
  while (stack.length > 0) {
    const x = stack.pop();
    if (typeof x === 'object' && x !== null && !Array.isArray(x)) yield x as Json;
    stack.push(...children(x));
  }
};
const strings = (v: unknown): string[] => {
  const out: string[] = [];
  const stack = [v];
  while (stack.length > 0) {
    const x = stack.pop();
    if (typeof x === 'string') out.push(x);
    else stack.push(...children(x));
  }
  return out;
};
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
const str = (v: unknown): string[] => list(v).filter((x): x is string => typeof x === 'string');

/**
 * The identifying strings of an input, read by FHIR element name: HumanName parts, identifier and
 * telecom values, street lines, cities, districts, full postal codes, reference display names, the
 * identifier in a conditional reference, a mother's maiden name, full dates (with a month), and
 * generated resource ids.
 */
const phiOf = (input: Json): Set<string> => {
  const phi = new Set<string>();
  for (const o of objects(input)) {
    for (const n of list(o['name']))
      if (typeof n === 'object' && n !== null) {
        const h = n as Json;
        for (const s of [...str(h['family']), ...str(h['given']), ...str(h['text'])]) phi.add(s);
      }
    for (const k of ['identifier', 'telecom'])
      for (const i of list(o[k]))
        if (typeof i === 'object' && i !== null) str((i as Json)['value']).forEach((s) => phi.add(s));
    for (const a of list(o['address']))
      if (typeof a === 'object' && a !== null) {
        const addr = a as Json;
        for (const s of [
          ...str(addr['line']),
          ...str(addr['city']),
          ...str(addr['district']),
          ...str(addr['text']),
        ])
          phi.add(s);
        for (const z of str(addr['postalCode'])) if (z.length >= 5) phi.add(z);
      }
    if (typeof o['display'] === 'string' && !('code' in o) && !('system' in o)) phi.add(o['display']);
    if (typeof o['reference'] === 'string' && o['reference'].includes('|'))
      phi.add(o['reference'].slice(o['reference'].indexOf('|') + 1));
    if (typeof o['url'] === 'string' && o['url'].endsWith('mothersMaidenName'))
      str(o['valueString']).forEach((s) => phi.add(s));
    // Generated ids (Synthea's UUIDs, which are also identifier values), not the words HL7 names
    // its examples by ('myringotomy') or the CMS test placeholder 'IGNORED_FIELD'.
    const id = o['id'];
    if (typeof o['resourceType'] === 'string' && typeof id === 'string' && /\d/.test(id) && id.length >= 8)
      phi.add(id);
  }
  for (const s of strings(input)) if (/^\d{4}-\d{2}/.test(s)) phi.add(s);
  return new Set([...phi].filter((s) => s.trim().length >= 3));
};

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The identifying strings left in the output: found whole, between non-word characters, in any case. */
const survivors = (phi: ReadonlySet<string>, output: unknown): string[] => {
  const texts = strings(output);
  return [...phi].filter((p) => {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(p)}(?![\\p{L}\\p{N}])`, 'iu');
    return texts.some((t) => re.test(t));
  });
};
const codings = (v: unknown): Set<string> => {
  const out = new Set<string>();
  for (const o of objects(v))
    if (typeof o['system'] === 'string' && typeof o['code'] === 'string')
      out.add(`${o['system']}|${o['code']}`);
  return out;
};

describe('redactFhir on every public FHIR file in tests/data', () => {
  it(`leaves none of the input's identifying strings anywhere in the output (${samples.length} resources)`, () => {
    const left: Record<string, string[]> = {};
    let checked = 0;
    for (const [label, input] of samples) {
      const phi = phiOf(input);
      checked += phi.size;
      const found = survivors(phi, right(redactFhir(input, { asOf })).resource);
      if (found.length > 0) left[label] = found;
    }
    expect(left).toEqual({});
    expect(checked).toBeGreaterThan(5000);
  });

  it('keeps every coding (system and code) of the input', () => {
    const lost: Record<string, string[]> = {};
    for (const [label, input] of samples) {
      const kept = codings(right(redactFhir(input, { asOf })).resource);
      const missing = [...codings(input)].filter((c) => !kept.has(c));
      if (missing.length > 0) lost[label] = missing;
    }
    expect(lost).toEqual({});
  });

  it('keeps Quantities with their values and units (vital signs and benefits are clinical content)', () => {
    const quantities = (v: unknown): string[] =>
      [...objects(v)]
        .filter(
          (o) =>
            typeof o['value'] === 'number' &&
            (typeof o['unit'] === 'string' || typeof o['currency'] === 'string'),
        )
        .map((o) => `${String(o['value'])} ${String(o['unit'] ?? o['currency'])}`)
        .sort();
    for (const [label, input] of samples)
      expect(quantities(right(redactFhir(input, { asOf })).resource), label).toEqual(quantities(input));
  });

  it('never touches its input (deep-frozen inputs, unchanged after the call)', () => {
    for (const [label, input] of samples.slice(0, 60)) {
      const before = structuredClone(input);
      expect(redactFhir(deepFreeze(structuredClone(input)), { asOf })._tag, label).toBe('Right');
      expect(input).toEqual(before);
    }
  });

  it('returns an Either, and never throws, on structural mutations of the HL7 examples', () => {
    let calls = 0;
    for (const [i, [, input]] of samples.filter(([l]) => l.endsWith('.json')).entries())
      for (const m of jsonMutations(input as never, 7, i)) {
        const r = redactFhir(m.value, { asOf });
        expect(['Left', 'Right']).toContain(r._tag);
        calls++;
      }
    expect(calls).toBeGreaterThan(1000);
  });
});

describe('redactFhir: hand-checked resources', () => {
  it('Patient/example (HL7): names, telecom, identifier value, narrative, street, city and postcode go; years stay', () => {
    const input = JSON.parse(dataFile('fhir/r4-examples/Patient-example.json')) as Json;
    const { resource, removed } = right(redactFhir(input, { asOf }));
    // Worked out from the rules on the input file:
    // - id: the first id met gets the first default pseudonym; managingOrganization the second.
    // - identifier: MR keeps use and type; system, value 12345, period and assigner go.
    // - names (official, usual "Jim", maiden Windsor) and the four telecoms go; text.div goes.
    // - birthDate 1974-12-25 and its birthTime extension keep 1974 (52 on 2026-11-23).
    // - the Australian address keeps use, type and state Vic; 534 Erewhon St, PleasantVille,
    //   Rainbow and postcode 3999 (not a US ZIP) go; its period start keeps 1974.
    // - the contact keeps relationship N and gender; her name du Marché, phone and street go.
    expect(resource).toEqual({
      resourceType: 'Patient',
      id: '00000000-0000-4000-8000-000000000001',
      identifier: [
        {
          use: 'usual',
          type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] },
        },
      ],
      active: true,
      gender: 'male',
      birthDate: '1974',
      _birthDate: {
        extension: [
          { url: 'http://hl7.org/fhir/StructureDefinition/patient-birthTime', valueDateTime: '1974' },
        ],
      },
      deceasedBoolean: false,
      address: [{ use: 'home', type: 'both', state: 'Vic', period: { start: '1974' } }],
      contact: [
        {
          relationship: [
            { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0131', code: 'N' }] },
          ],
          address: { use: 'home', type: 'both', state: 'Vic', period: { start: '1974' } },
          gender: 'female',
          period: { start: '2012' },
        },
      ],
      managingOrganization: { reference: 'Organization/00000000-0000-4000-8000-000000000002' },
    });
    // 3 names + 1 contact name are 2 `name` elements; 4 telecoms are 2 `telecom` elements.
    expect(removed).toMatchObject({ narrative: 1, identifier: 1, name: 2, telecom: 2, address: 2 });
  });

  it('a Synthea encounter: display names and search references go, codes and the year stay', () => {
    const [input] = ndjson('fhir/bulk-ndjson-10-patients/Encounter.000.ndjson');
    expect(input?.['id']).toBe('00c7f717-4030-5582-2ed8-888ad2bc878e');
    const snomed = 'http://snomed.info/sct';
    // By hand from the first line of Encounter.000.ndjson: the identifier (system synthea, value
    // = the id) keeps use official; subject keeps its reference with a new id and loses "Mrs.
    // Marine542 Ai120 Upton904"; the practitioner, location and organization are searches by
    // identifier (an NPI, a Synthea UUID): their references and displays go, their types stay;
    // 1989-10-04T02:25:16-04:00 and 06:20:16 keep 1989.
    expect(right(redactFhir(input, { asOf })).resource).toEqual({
      resourceType: 'Encounter',
      id: '00000000-0000-4000-8000-000000000001',
      meta: { profile: ['http://hl7.org/fhir/us/core/StructureDefinition/us-core-encounter'] },
      identifier: [{ use: 'official' }],
      status: 'finished',
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
      type: [
        {
          coding: [{ system: snomed, code: '185347001', display: 'Encounter for problem (procedure)' }],
          text: 'Encounter for problem (procedure)',
        },
      ],
      subject: { reference: 'Patient/00000000-0000-4000-8000-000000000002' },
      participant: [
        {
          type: [
            {
              coding: [
                {
                  system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
                  code: 'PPRF',
                  display: 'primary performer',
                },
              ],
              text: 'primary performer',
            },
          ],
          period: { start: '1989', end: '1989' },
          individual: { type: 'Practitioner' },
        },
      ],
      period: { start: '1989', end: '1989' },
      reasonCode: [
        { coding: [{ system: snomed, code: '46177005', display: 'End-stage renal disease (disorder)' }] },
      ],
      location: [{ location: { type: 'Location' } }],
      serviceProvider: { type: 'Organization' },
    });
  });

  it('a transaction Bundle: fullUrls and references keep pointing at each other, the note loses the name', () => {
    const patientUrl = 'urn:uuid:61ebe359-bfdc-4613-8bf2-c5e300945f0a';
    const bundle = {
      resourceType: 'Bundle',
      identifier: { system: 'https://clinic.example.org/exports', value: 'EXP-2026-0042' },
      type: 'transaction',
      timestamp: '2026-11-23T09:14:00-05:00',
      link: [{ relation: 'self', url: 'https://clinic.example.org/fhir/Patient?identifier=A-1001' }],
      entry: [
        {
          fullUrl: patientUrl,
          resource: {
            resourceType: 'Patient',
            identifier: [{ system: 'https://clinic.example.org/mrn', value: 'A-1001' }],
            name: [{ family: 'Rivera', given: ['Ana', 'Lucía'] }],
            telecom: [{ system: 'phone', value: '617-555-0142' }],
            gender: 'female',
            birthDate: '1931-02-10',
            address: [
              { line: ['12 Elm St'], city: 'Cambridge', state: 'MA', postalCode: '02139', country: 'US' },
            ],
          },
          request: { method: 'PUT', url: 'Patient?identifier=https://clinic.example.org/mrn|A-1001' },
        },
        {
          fullUrl: 'urn:uuid:88f151c0-a954-468a-88fd-5d3a8f0ab1c7',
          resource: {
            resourceType: 'Condition',
            code: {
              coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'I20.9' }],
              text: 'Angina',
            },
            subject: { reference: patientUrl, display: 'Ana Rivera' },
            onsetAge: { value: 94, unit: 'years', system: 'http://unitsofmeasure.org', code: 'a' },
            recordedDate: '2026-11-02',
            note: [
              {
                authorString: 'Dr. Okafor',
                time: '2026-11-02T10:30:00-05:00',
                text: 'Mrs. Rivera reports chest pain since 10/30/2026, call back on 617-555-0142.',
              },
            ],
          },
          request: { method: 'POST', url: 'Condition' },
        },
      ],
    };
    const { resource } = right(redactFhir(bundle, { asOf }));
    // By hand: the Bundle identifier has neither use nor type, so nothing of it stays; the
    // instant timestamp and the search link go. The patient was 95 on 2026-11-23: birth date
    // masked, year included. 02139 is in ZIP3 021 (not restricted). Both urn:uuid fullUrls are
    // renumbered in the order met and the Condition's subject follows its patient. The onset at
    // 94 years is grouped as >= 90. The note: the family name known from the Patient, the date
    // (year kept) and the phone are replaced; the author's name goes.
    expect(resource).toEqual({
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        {
          fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000001',
          resource: {
            resourceType: 'Patient',
            gender: 'female',
            address: [{ state: 'MA', country: 'US', postalCode: '021' }],
            _birthDate: {
              extension: [
                { url: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason', valueCode: 'masked' },
              ],
            },
          },
          request: { method: 'PUT', url: 'Patient' },
        },
        {
          fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000002',
          resource: {
            resourceType: 'Condition',
            code: {
              coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'I20.9' }],
              text: 'Angina',
            },
            subject: { reference: 'urn:uuid:00000000-0000-4000-8000-000000000001' },
            onsetAge: {
              value: 90,
              comparator: '>=',
              unit: 'years',
              system: 'http://unitsofmeasure.org',
              code: 'a',
            },
            recordedDate: '2026',
            note: [
              {
                time: '2026',
                // The phone is the Patient's own, so it is found as a known value before the patterns.
                text: 'Mrs. [REDACTED:KNOWN] reports chest pain since [DATE 2026], call back on [REDACTED:KNOWN].',
              },
            ],
          },
          request: { method: 'POST', url: 'Condition' },
        },
      ],
    });
  });

  it('the CMS Coverage bundle: every coverage still points at the one beneficiary', () => {
    const input = JSON.parse(
      dataFile('fhir/cms-bfd/CMSgov__beneficiary-fhir-data__coverageSearchByPatientId.json'),
    ) as Json;
    const beneficiaries = (b: unknown): string[] =>
      [...objects(b)].flatMap((o) =>
        typeof o['beneficiary'] === 'object' && o['beneficiary'] !== null
          ? str((o['beneficiary'] as Json)['reference'])
          : [],
      );
    const before = beneficiaries(input);
    const after = beneficiaries(right(redactFhir(input, { asOf })).resource);
    expect(before).toHaveLength(4);
    expect(new Set(before).size).toBe(1);
    expect(after).toHaveLength(4);
    expect(new Set(after).size).toBe(1);
    expect(after[0]).not.toBe(before[0]);
  });

  it('a Bundle of the 13 Synthea patients and their 1,215 encounters: each encounter still points at its patient', () => {
    const patients = ndjson('fhir/bulk-ndjson-10-patients/Patient.000.ndjson');
    const encounters = ndjson('fhir/bulk-ndjson-10-patients/Encounter.000.ndjson');
    const bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [...patients, ...encounters].map((resource) => ({ resource })),
    };
    const { resource } = right(redactFhir(bundle, { asOf }));
    const out = (resource['entry'] as { resource: Json }[]).map((e) => e.resource);
    expect(out).toHaveLength(patients.length + encounters.length);
    // Position i in the output is position i in the input: map each input patient id to its new id.
    const newId = new Map(
      patients.map((p, i) => [`Patient/${String(p['id'])}`, `Patient/${String(out[i]?.['id'])}`]),
    );
    encounters.forEach((e, i) => {
      const subject = (e['subject'] as Json)['reference'] as string;
      expect((out[patients.length + i]?.['subject'] as Json | undefined)?.['reference']).toBe(
        newId.get(subject),
      );
    });
    expect(new Set(newId.values()).size).toBe(patients.length);
  });
});

describe('redactFhir: ages over 89 (rule C)', () => {
  const patient = (birthDate: string) =>
    right(redactFhir({ resourceType: 'Patient', birthDate }, { asOf })).resource;
  const masked = {
    resourceType: 'Patient',
    _birthDate: {
      extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason', valueCode: 'masked' }],
    },
  };
  it.each([
    ['1936-12-01', '89 on 2026-11-23 (birthday in December)', { resourceType: 'Patient', birthDate: '1936' }],
    ['1936-11-23', '90 on the day', masked],
    [
      '1937',
      'at most 89 (born in 1937 at the earliest on January 1)',
      { resourceType: 'Patient', birthDate: '1937' },
    ],
    ['1936', 'possibly 90 (January 1, 1936)', masked],
    ['1936-11', 'possibly 90 (November 1, 1936)', masked],
  ])('birthDate %s: %s', (birthDate, _why, expected) => {
    expect(patient(birthDate)).toEqual(expected);
  });
  it('Age quantities: 89 years stays, 101 years becomes >= 90, months are left alone', () => {
    const condition = (onsetAge: Json) =>
      right(redactFhir({ resourceType: 'Condition', onsetAge }, { asOf })).resource['onsetAge'];
    const ucum = { system: 'http://unitsofmeasure.org', code: 'a', unit: 'yr' };
    expect(condition({ value: 89, ...ucum })).toEqual({ value: 89, ...ucum });
    expect(condition({ value: 101, ...ucum })).toEqual({ value: 90, comparator: '>=', ...ucum });
    expect(
      condition({ value: 95, unit: 'mo', system: 'http://unitsofmeasure.org', code: 'mo' }),
    ).toMatchObject({
      value: 95,
    });
  });
});

describe('redactFhir: policy and refusals', () => {
  it('uses the caller’s pseudonym for ids and references, the same one for the same resource', () => {
    const seen: string[] = [];
    const pseudonym = (ref: string) => {
      seen.push(ref);
      return `h${ref.length}`;
    };
    const { resource } = right(
      redactFhir(
        {
          resourceType: 'Observation',
          id: 'bp-1',
          subject: { reference: 'https://fhir.example.org/r4/Patient/123/_history/4' },
          performer: [{ reference: 'Patient/123' }, { reference: '#author' }],
          contained: [{ resourceType: 'Practitioner', id: 'author' }],
        },
        { asOf, pseudonym },
      ),
    );
    expect(resource).toEqual({
      resourceType: 'Observation',
      id: 'h16', // 'Observation/bp-1'
      subject: { reference: 'https://fhir.example.org/r4/Patient/h11' }, // history dropped
      performer: [{ reference: 'Patient/h11' }, { reference: '#h7' }],
      contained: [{ resourceType: 'Practitioner', id: 'h7' }],
    });
    // Once per resource: the same target always gets the id it got first.
    expect(seen).toEqual(['Observation/bp-1', 'Patient/123', '#author']);
  });

  it('runs the caller’s patterns over the free text kept', () => {
    const { resource, replacedInText } = right(
      redactFhir(
        { resourceType: 'Observation', valueString: 'badge Z-77-1 seen' },
        { asOf, patterns: [{ label: 'BADGE', pattern: /\bZ-\d{2}-\d\b/g }] },
      ),
    );
    expect(resource['valueString']).toBe('badge [REDACTED:BADGE] seen');
    expect(replacedInText).toEqual({ BADGE: 1 });
  });

  it.each([
    ['null', null],
    ['a string', 'Patient'],
    ['an array', [{ resourceType: 'Patient' }]],
    ['no resourceType', { id: 'x' }],
    ['a numeric resourceType', { resourceType: 5 }],
  ])('refuses %s', (_label, input) => {
    expect(redactFhir(input, { asOf })).toMatchObject({
      _tag: 'Left',
      left: { code: 'fhir-redaction.not-a-resource' },
    });
  });

  it('refuses input nested deeper than any FHIR resource, without overflowing the stack', () => {
    let deep: Json = { text: 'x' };
    for (let i = 0; i < 100_000; i++) deep = { extension: [deep] };
    expect(redactFhir({ resourceType: 'Basic', extension: [deep] }, { asOf })).toMatchObject({
      _tag: 'Left',
      left: { code: 'fhir-redaction.too-deep' },
    });
  });
});

describe("redactFhir: the caller's restricted ZIP3 list", () => {
  const at = (postalCode: string) => ({
    resourceType: 'Patient',
    address: [{ line: ['1 Main St'], city: 'Yellowstone', state: 'WY', postalCode, country: 'US' }],
  });
  const zipOf = (r: FhirRedaction): unknown => {
    const address = r.resource['address'];
    return Array.isArray(address) && typeof address[0] === 'object' && address[0] !== null
      ? (address[0] as Record<string, unknown>)['postalCode']
      : undefined;
  };
  it('defaults to the HHS list from the 2000 census (821 restricted, 021 not)', () => {
    expect(zipOf(right(redactFhir(at('82190'), { asOf })))).toBe('000');
    expect(zipOf(right(redactFhir(at('02139'), { asOf })))).toBe('021');
  });
  it('a list from a later census replaces it', () => {
    const restrictedZip3 = new Set(['021']); // made up: only the caller's list decides
    expect(zipOf(right(redactFhir(at('82190'), { asOf, restrictedZip3 })))).toBe('821');
    expect(zipOf(right(redactFhir(at('02139'), { asOf, restrictedZip3 })))).toBe('000');
  });
});
