// The code of docs/guides/records.md (pulled in with {@includeCode}); tests/examples runs it and
// checks the values the guide states. Run it: `npx tsx examples/guides/records.ts`.
import {
  buildPatientIndex,
  checkIcd10Specificity,
  checkInReadiness,
  comparePatients,
  DEFAULT_DOCUMENT_ROUTING_RULES,
  findDuplicates,
  fromFhirPatient,
  matchPatient,
  minimumNecessary,
  normalizePatient,
  normalizePhone,
  normalizeZip,
  parseDocument,
  parsePatient,
  proposeMerge,
  redact,
  redactFhir,
  routeDocument,
  scoreMatch,
  toFhirPatient,
  validateMbi,
  validateNpi,
  validateProcedureCode,
  validateSsn,
  type Patient,
} from '../../src/records/index.js';
import { isoDate } from '../../src/core/index.js';

// #region today
const today = isoDate('2026-11-23');
// #endregion today

export const identifiers = () => {
  // #region identifiers
  const npi = validateNpi('1234567893'); // Right('1234567893'): Luhn over 80840 + the 9 digits
  const reserved = validateNpi('3234567899'); // Left({ code: 'npi.first-digit' }): Luhn holds, but NPIs start with 1 or 2
  const mbi = validateMbi('1EG4-TE5-MK73'); // Right('1EG4TE5MK73'): dashes are display only
  const phone = normalizePhone('415.555.0132 x123'); // Right({ e164: '+14155550132', extension: '123', fictional: true })
  const n11 = normalizePhone('212-411-0123'); // Left({ code: 'phone.exchange' }): an N11 exchange
  const zip = normalizeZip('2139', 'MA'); // Right('02139'): the leading zero Excel dropped
  const ssn = validateSsn('999-94-5397'); // Left({ code: 'ssn.area' }): Synthea's numbers fail on purpose
  const cpt = validateProcedureCode('0075T'); // Right({ code: '0075T', kind: 'cpt-category-3' })
  const placeholder = checkIcd10Specificity('W61.62D'); // Left({ code: 'icd10.placeholder' }): W61.62XD
  const header = checkIcd10Specificity('E11'); // Left({ code: 'icd10.header-code' })
  // #endregion identifiers
  return { npi, reserved, mbi, phone, n11, zip, ssn, cpt, placeholder, header };
};

export const normalizing = () => {
  // #region normalize
  const registration = normalizePatient(
    {
      id: 'pat-101',
      name: { family: 'CHEN JR', given: 'bill' },
      birthDate: '1957-02-11',
      sex: 'male',
      addresses: [
        {
          line: ['77 West 85th Street, Apartment 4'],
          city: 'new york',
          state: 'New York',
          postalCode: '10024',
        },
      ],
      phones: [{ value: '(917) 555-0177' }],
    },
    today,
  );
  if (registration._tag === 'Right') {
    const { patient, warnings } = registration.right;
    console.log(patient.name); // { family: 'Chen', given: 'Bill', suffix: 'Jr' }
    console.log(patient.addresses[0]); // { line: ['77 W 85TH ST APT 4'], city: 'NEW YORK', state: 'NY', postalCode: '10024' }
    console.log(patient.phones[0]?.value); // '+19175550177'
    console.log(warnings); // [{ path: 'name.family', rule: 'name.suffix-moved', ... }]
  }

  const typo = normalizePatient(
    { id: 'pat-102', name: { family: 'Ortiz', given: 'Lena' }, birthDate: '2031-04-01', sex: 'female' },
    today,
  );
  if (typo._tag === 'Left') console.log(typo.left.issues); // [{ path: 'birthDate', code: 'date.future', ... }]
  // #endregion normalize
  return { registration, typo };
};

// The clinic's existing charts: William "Bill" Chen (born 1957-11-02) and a neighbour.
// #region charts
const chart = (input: unknown): Patient => {
  const parsed = parsePatient(input);
  if (parsed._tag === 'Left') throw new Error(parsed.left.message);
  return parsed.right;
};
const existingCharts: Patient[] = [
  chart({
    id: 'pat-002',
    name: { family: 'Chen', given: 'William', preferred: 'Bill' },
    birthDate: '1957-11-02',
    sex: 'male',
    addresses: [{ line: ['77 W 85TH ST'], city: 'NEW YORK', state: 'NY', postalCode: '10024' }],
    phones: [{ use: 'home', value: '+12125550107' }],
    identifiers: [
      { kind: 'MRN', system: 'urn:riverside:mrn', value: 'RV-100002' },
      { kind: 'SSN', system: 'http://hl7.org/fhir/sid/us-ssn', value: '512-40-1057' },
    ],
    emergencyContact: { name: 'Mei Chen', relationship: 'spouse', phone: '+12125550108' },
    consents: [{ kind: 'privacy-notice', signedOn: '2023-05-12' }],
    verifiedOn: '2025-03-14',
    createdOn: '2016-09-30',
  }),
  chart({
    id: 'pat-031',
    name: { family: 'Chan', given: 'Wei' },
    birthDate: '1962-07-19',
    sex: 'male',
    addresses: [{ line: ['81 W 85TH ST'], city: 'NEW YORK', state: 'NY', postalCode: '10024' }],
    phones: [{ use: 'mobile', value: '+16465550190' }],
    createdOn: '2021-02-03',
  }),
];
// The walk-in: Bill Chen, who typed his birth date with day and month swapped.
const walkIn = chart({
  id: 'pat-101',
  name: { family: 'Chen', given: 'Bill' },
  birthDate: '1957-02-11',
  sex: 'male',
  addresses: [{ line: ['77 W 85TH ST'], city: 'NEW YORK', state: 'NY', postalCode: '10024' }],
  phones: [{ use: 'mobile', value: '+19175550177' }],
  createdOn: '2026-11-23',
});
// #endregion charts

export const matching = () => {
  // #region match
  const index = buildPatientIndex(existingCharts);
  const [best] = matchPatient(walkIn, index);
  if (best && best.decision !== 'non-match') {
    console.log(best.patientId, best.decision, best.weight.toFixed(1)); // 'pat-002' 'match' '37.6'
    console.log(best.evidence.map((e) => `${e.field}: ${e.level}`)); // [..., 'birthDate: day-month-swap', ...]
    const existing = existingCharts.find((p) => p.id === best.patientId);
    const proposal = existing && proposeMerge(existing, walkIn);
    if (proposal?._tag === 'Right') {
      console.log(proposal.right.survivorId, proposal.right.retiredId); // 'pat-002' 'pat-101'
      console.log(proposal.right.conflicts); // ['name', 'birthDate', 'phones']: a person confirms
      console.log(proposal.right.merged.birthDate); // '1957-11-02': the verified chart's value
    }
  }
  // #endregion match
  const existing = existingCharts.find((p) => p.id === best?.patientId);
  return { best, proposal: existing && proposeMerge(existing, walkIn) };
};

export const household = () => {
  // #region household
  // Two sisters: one street, one phone, one family name, different given names and birth years.
  const home = {
    addresses: [{ line: ['12 ELM ST'], city: 'DENVER', state: 'CO', postalCode: '80203' }],
    phones: [{ use: 'home', value: '+13035552841' }],
  };
  const emily = chart({
    id: 'pat-201',
    name: { family: 'Ward', given: 'Emily' },
    birthDate: '2012-04-09',
    sex: 'female',
    ...home,
  });
  const hannah = chart({
    id: 'pat-202',
    name: { family: 'Ward', given: 'Hannah' },
    birthDate: '2015-10-22',
    sex: 'female',
    ...home,
  });
  const sisters = scoreMatch(comparePatients(emily, hannah)); // weight 32.8: far above 10 on the home alone
  console.log(sisters.decision, sisters.guards); // 'review' ['household']: the shared home is not identity
  // A middle name that disagrees is strong negative evidence and needs a person too.
  const other = chart({
    id: 'pat-203',
    name: { family: 'Ward', given: 'Emily', middle: ['Rose'] },
    birthDate: '2012-04-09',
    sex: 'female',
    ...home,
  });
  const same = chart({
    id: 'pat-204',
    name: { family: 'Ward', given: 'Emily', middle: ['Jane'] },
    birthDate: '2012-04-09',
    sex: 'female',
    ...home,
  });
  const middle = scoreMatch(comparePatients(other, same));
  console.log(middle.decision, middle.guards); // 'review' ['identifier-conflict']
  // An SSN that agrees is identity evidence only beside a birth date or given name that agrees too:
  // the sisters' charts both carry their mother's number, keyed from the insurance card.
  const ssn = (value: string) => [{ kind: 'SSN', system: 'http://hl7.org/fhir/sid/us-ssn', value }];
  const guarantorSsn = scoreMatch(
    comparePatients(
      chart({ ...emily, identifiers: ssn('512-40-1057') }),
      chart({ ...hannah, identifiers: ssn('512-40-1057') }),
    ),
  );
  console.log(guarantorSsn.decision, guarantorSsn.guards); // 'review' ['household']
  // Margaret Anne Ward goes by Anne: registered again after a move, under her middle name, with
  // her own SSN and birth date. Without the SSN she waits in review; with it, she is one person.
  const margaret = chart({
    id: 'pat-205',
    name: { family: 'Ward', given: 'Margaret', middle: ['Anne'] },
    birthDate: '1984-02-11',
    sex: 'female',
    identifiers: ssn('498-17-5520'),
    ...home,
  });
  const anne = chart({
    id: 'pat-206',
    name: { family: 'Ward', given: 'Anne' },
    birthDate: '1984-02-11',
    sex: 'female',
    identifiers: ssn('498-17-5520'),
    addresses: [{ line: ['940 PINE AVE'], city: 'DENVER', state: 'CO', postalCode: '80209' }],
    phones: [{ use: 'mobile', value: '+17205550188' }],
  });
  const goesByMiddle = scoreMatch(comparePatients(margaret, anne));
  console.log(goesByMiddle.decision, goesByMiddle.guards); // 'match' []
  // #endregion household
  return { sisters, middle, guarantorSsn, goesByMiddle };
};

export const duplicates = () => {
  // #region duplicates
  const report = findDuplicates([...existingCharts, walkIn]);
  console.log(report.clusters); // [['pat-002', 'pat-101']]
  console.log(report.pairs.map((p) => [p.a, p.b, p.decision])); // [['pat-002', 'pat-101', 'match']]
  // #endregion duplicates
  return report;
};

export const readiness = () => {
  // #region readiness
  const [bill] = existingCharts;
  const verdict = bill && checkInReadiness(bill, { verifyEveryDays: 365 }, today);
  // { ready: false, items: [
  //   { code: 'readiness.demographics-stale', severity: 'blocking', field: 'verifiedOn', ... },
  //   { code: 'readiness.consent-missing', severity: 'blocking', consent: 'financial-responsibility', ... }] }
  // #endregion readiness
  return verdict;
};

export const sharing = () => {
  const [bill] = existingCharts;
  if (!bill) throw new Error('no chart');
  // #region sharing
  const record = redact(bill, { asOf: today }); // { birthYear: 1957, age: 69, sex: 'male', state: 'NY', zip3: '100', ... }
  const note = redact('Seen 03/14/2026, call 917-555-0177, MRN: RV-100002', { asOf: today }).text;
  // 'Seen [DATE 2026], call [REDACTED:PHONE], [REDACTED:MRN]'
  const billing = minimumNecessary(bill, 'billing'); // SSN masked to '***-**-1057', no emergency contact
  // #endregion sharing
  return { record, note, billing };
};

export const documents = () => {
  const [bill] = existingCharts;
  if (!bill) throw new Error('no chart');
  // #region documents
  const labFax = parseDocument({
    id: 'doc-5531',
    type: 'lab-result',
    receivedAt: '2026-11-23T07:55:00-05:00',
    source: { channel: 'fax', sender: 'Hudson Valley Labs' },
    pages: 3,
    patientId: 'pat-002',
    orderingProviderId: 'dr-okafor',
  });
  const route = labFax._tag === 'Right' && routeDocument(labFax.right, DEFAULT_DOCUMENT_ROUTING_RULES);
  // Right({ ruleId: 'lab-to-ordering-provider', destination: { kind: 'provider', providerId: 'dr-okafor' } })
  const roundTrip = fromFhirPatient(toFhirPatient(bill)); // Right(bill)
  // #endregion documents
  return { route, roundTrip, bill };
};

export const fhirExport = () => {
  // #region fhir-redaction
  const patientUrl = 'urn:uuid:6d8a3b52-4c1e-4f0a-9a57-1f3c2b7e9d10';
  const visitExport = {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      {
        fullUrl: patientUrl,
        resource: {
          resourceType: 'Patient',
          identifier: [
            {
              type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] },
              system: 'urn:riverside:mrn',
              value: 'RV-100002',
            },
          ],
          name: [{ family: 'Chen', given: ['William'] }],
          telecom: [{ system: 'phone', value: '+12125550107' }],
          gender: 'male',
          birthDate: '1957-11-02',
          address: [
            { line: ['77 W 85TH ST'], city: 'NEW YORK', state: 'NY', postalCode: '10024', country: 'US' },
          ],
        },
      },
      {
        fullUrl: 'urn:uuid:0b1f5e8c-2d44-4b7a-8e31-7a9c6d2f4e55',
        resource: {
          resourceType: 'Encounter',
          status: 'finished',
          class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
          subject: { reference: patientUrl, display: 'William Chen' },
          participant: [{ individual: { reference: 'Practitioner/dr-okafor', display: 'Dr. Ngozi Okafor' } }],
          period: { start: '2026-11-23T09:00:00-05:00', end: '2026-11-23T09:20:00-05:00' },
          reasonCode: [{ coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'E11.9' }] }],
        },
      },
      {
        fullUrl: 'urn:uuid:9e2c7a41-5b3d-4f86-a0c9-3d1e8b6f2a77',
        resource: {
          resourceType: 'Observation',
          status: 'final',
          code: { coding: [{ system: 'http://loinc.org', code: '4548-4' }], text: 'Hemoglobin A1c' },
          subject: { reference: patientUrl },
          effectiveDateTime: '2026-11-23T09:10:00-05:00',
          valueQuantity: { value: 7.2, unit: '%', system: 'http://unitsofmeasure.org', code: '%' },
          note: [
            {
              authorString: 'Dr. Ngozi Okafor',
              text: 'Mr. Chen will call back from 917-555-0177 by 12/01/2026.',
            },
          ],
        },
      },
    ],
  };
  const shared = redactFhir(visitExport, { asOf: today });
  // Right({ resource: { resourceType: 'Bundle', type: 'collection', entry: [
  //   { fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000001', resource: { resourceType: 'Patient',
  //     identifier: [{ type: MR }], gender: 'male', birthDate: '1957',
  //     address: [{ state: 'NY', country: 'US', postalCode: '100' }] } },
  //   { ..., resource: { resourceType: 'Encounter', ..., subject: { reference: 'urn:uuid:...0001' },
  //     participant: [{ individual: { reference: 'Practitioner/00000000-0000-4000-8000-000000000003' } }],
  //     period: { start: '2026', end: '2026' }, reasonCode: E11.9 } },
  //   { ..., resource: { resourceType: 'Observation', ..., effectiveDateTime: '2026', valueQuantity: 7.2 %,
  //     note: [{ text: 'Mr. [REDACTED:KNOWN] will call back from [REDACTED:PHONE] by [DATE 2026].' }] } }] },
  //   removed: { identifier: 1, name: 2, telecom: 1, date: 4, address: 1, display: 2 },
  //   replacedInText: { KNOWN: 1, PHONE: 1, DATE: 1 } })
  // #endregion fhir-redaction
  return { shared, patientUrl };
};

if (process.argv[1]?.endsWith('records.ts'))
  console.log(
    JSON.stringify(
      {
        identifiers: identifiers(),
        normalizing: normalizing(),
        matching: matching(),
        duplicates: duplicates(),
        readiness: readiness(),
        sharing: sharing(),
        fhirExport: fhirExport(),
        documents: documents(),
      },
      null,
      1,
    ),
  );
