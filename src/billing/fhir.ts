/**
 * FHIR R4 mappers for the professional claim (billing reference §11.1): a Claim as an R4 Claim
 * (type professional, use claim) and back. The remittance's ClaimResponse and
 * ExplanationOfBenefit mappers are in `fhirRemittance.ts`.
 */
import type { Claim as FhirClaim, ClaimItem as FhirClaimItem, Money } from 'fhir/r4.js';
import * as z from 'zod/mini';
import type { ValidationError } from '../core/errors.js';
import type { Either } from '../core/result.js';
import {
  FhirCodeableConceptSchema,
  FhirIdentifierSchema,
  FhirPeriodSchema,
  FhirReferenceSchema,
  readFhir,
} from '../records/fhirDatatypes.js';
import { parseClaim, type Claim, type ClaimProvider } from './model.js';

const ICD10CM = 'http://hl7.org/fhir/sid/icd-10-cm';
const ICD9CM = 'http://hl7.org/fhir/sid/icd-9-cm';
const CPT = 'http://www.ama-assn.org/go/cpt';
const NPI = 'http://hl7.org/fhir/sid/us-npi';
const CLAIM_TYPE = 'http://terminology.hl7.org/CodeSystem/claim-type';
const PLACE_OF_SERVICE =
  'https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set';
const RELATED_CLAIM = 'http://terminology.hl7.org/CodeSystem/ex-relatedclaimrelationship';
const CARE_TEAM_ROLE = 'http://terminology.hl7.org/CodeSystem/claimcareteamrole';
/** The practice's claim id (CLM01). */
export const CLAIM_ID_SYSTEM = 'https://medoffice.dev/fhir/NamingSystem/claim-id';
/** The payer id as the 837P names it (2010BB NM109). */
export const PAYER_ID_SYSTEM = 'https://medoffice.dev/fhir/NamingSystem/payer-id';
/** The member id (2010BA NM109). */
const MEMBER_ID_SYSTEM = 'https://medoffice.dev/fhir/NamingSystem/member-id';
/** The claim frequency (CLM05-3: 1, 7, 8), which R4 Claim has no element for. */
export const CLAIM_FREQUENCY_EXTENSION = 'https://medoffice.dev/fhir/StructureDefinition/claim-frequency';
/** The SBR01 payer responsibility code (P, S, T, ...), which R4 Claim has no element for. */
export const PAYER_RESPONSIBILITY_EXTENSION =
  'https://medoffice.dev/fhir/StructureDefinition/payer-responsibility';

const usd = (cents: number): Money => ({ value: cents / 100, currency: 'USD' });
const name = (last: string, first: string | undefined): string => (first ? `${last}, ${first}` : last);
const unname = (display: string | undefined): { lastName: string; firstName?: string } => {
  const [last = '', ...rest] = (display ?? '').split(', ');
  const first = rest.join(', ');
  return { lastName: last, ...(first ? { firstName: first } : {}) };
};
const providerRef = (p: ClaimProvider) => ({
  type: p.entity === 'person' ? 'Practitioner' : 'Organization',
  identifier: { system: NPI, value: p.npi },
  display: name(p.lastName, p.firstName),
});

/**
 * Writes a professional claim as a FHIR R4 Claim: `identifier` the claim id, `status` `cancelled`
 * for a void (frequency 8) else `active`, `type` professional, `use` claim, `patient` the patient
 * (or the subscriber) with the member id, `created` the submission date (else the first date of
 * service), `provider` the billing provider by NPI, `insurer` the payer by its id, `related` the
 * replaced or voided claim (REF*F8), `careTeam` rendering (primary) and referring (other),
 * `diagnosis` in HI order (ICD-10-CM or ICD-9-CM, without the decimal point as X12 writes them),
 * `insurance` focal with the prior authorization in `preAuthRef`, `item` per line (CPT/HCPCS with
 * modifiers, dates, place of service, units, `net` in USD, `diagnosisSequence` the pointers) and
 * `total`. The frequency and SBR01 order travel in extensions. Money is cents / 100.
 *
 * @param claim - the claim
 * @returns the FHIR Claim
 * @example
 * const resource = toFhirClaim(claim);
 * fromFhirClaim(resource); // Right: the claim's mapped fields back
 */
export const toFhirClaim = (claim: Claim): FhirClaim => {
  const person = claim.patient ?? claim.subscriber;
  const created = claim.submissionDate ?? claim.lines[0]?.serviceDates?.start ?? '';
  const careTeam = [
    ...(claim.renderingProvider
      ? [
          {
            sequence: 1,
            provider: providerRef(claim.renderingProvider),
            role: { coding: [{ system: CARE_TEAM_ROLE, code: 'primary' }] },
          },
        ]
      : []),
    ...(claim.referringProvider
      ? [
          {
            sequence: claim.renderingProvider ? 2 : 1,
            provider: providerRef(claim.referringProvider),
            role: { coding: [{ system: CARE_TEAM_ROLE, code: 'other' }] },
          },
        ]
      : []),
  ];
  const items: FhirClaimItem[] = claim.lines.map((l, i) => ({
    sequence: i + 1,
    ...(claim.renderingProvider ? { careTeamSequence: [1] } : {}),
    diagnosisSequence: [...l.pointers],
    productOrService: { coding: [{ system: CPT, code: l.procedure.code }] },
    ...(l.procedure.modifiers.length > 0
      ? { modifier: l.procedure.modifiers.map((m) => ({ coding: [{ system: CPT, code: m }] })) }
      : {}),
    ...(l.serviceDates
      ? l.serviceDates.start === l.serviceDates.end
        ? { servicedDate: l.serviceDates.start }
        : { servicedPeriod: { start: l.serviceDates.start, end: l.serviceDates.end } }
      : {}),
    locationCodeableConcept: {
      coding: [{ system: PLACE_OF_SERVICE, code: l.placeOfService ?? claim.placeOfService }],
    },
    quantity: { value: l.quantity, ...(l.unit === 'MJ' ? { unit: 'min' } : {}) },
    net: usd(l.charge),
  }));
  return {
    resourceType: 'Claim',
    identifier: [{ system: CLAIM_ID_SYSTEM, value: claim.id }],
    extension: [
      { url: CLAIM_FREQUENCY_EXTENSION, valueCode: claim.frequency },
      { url: PAYER_RESPONSIBILITY_EXTENSION, valueCode: claim.payerResponsibility },
    ],
    status: claim.frequency === '8' ? 'cancelled' : 'active',
    type: { coding: [{ system: CLAIM_TYPE, code: 'professional' }] },
    use: 'claim',
    patient: {
      ...(claim.subscriber.memberId
        ? { identifier: { system: MEMBER_ID_SYSTEM, value: claim.subscriber.memberId } }
        : {}),
      display: name(person.lastName, person.firstName),
    },
    created,
    insurer: { identifier: { system: PAYER_ID_SYSTEM, value: claim.payer.id }, display: claim.payer.name },
    provider: providerRef(claim.billingProvider),
    priority: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/processpriority', code: 'normal' }],
    },
    ...(claim.originalClaimNumber
      ? {
          related: [
            {
              claim: { identifier: { value: claim.originalClaimNumber } },
              relationship: { coding: [{ system: RELATED_CLAIM, code: 'prior' }] },
            },
          ],
        }
      : {}),
    ...(careTeam.length > 0 ? { careTeam } : {}),
    diagnosis: claim.diagnoses.map((d, i) => ({
      sequence: i + 1,
      diagnosisCodeableConcept: {
        coding: [{ system: claim.diagnosisCodeSet === 'icd9' ? ICD9CM : ICD10CM, code: d }],
      },
      ...(i === 0
        ? {
            type: [
              {
                coding: [
                  { system: 'http://terminology.hl7.org/CodeSystem/ex-diagnosistype', code: 'principal' },
                ],
              },
            ],
          }
        : {}),
    })),
    insurance: [
      {
        sequence: 1,
        focal: true,
        coverage: { display: claim.payer.name },
        ...(claim.priorAuthorization ? { preAuthRef: [claim.priorAuthorization] } : {}),
      },
    ],
    item: items,
    total: usd(claim.totalCharge),
  };
};

/** Reference with its `type` (Practitioner or Organization), which says person or organization. */
const ReferenceSchemaEarly = z.extend(FhirReferenceSchema, { type: z.optional(z.string()) });
const MoneySchema = z.object({ value: z.optional(z.number()), currency: z.optional(z.string()) });
const CodingList = FhirCodeableConceptSchema;
const FhirClaimSchema = z.object({
  resourceType: z.literal('Claim'),
  identifier: z.optional(z.array(FhirIdentifierSchema)),
  extension: z.optional(z.array(z.object({ url: z.string(), valueCode: z.optional(z.string()) }))),
  status: z.optional(z.string()),
  type: z.optional(FhirCodeableConceptSchema),
  patient: z.optional(FhirReferenceSchema),
  created: z.optional(z.string()),
  insurer: z.optional(FhirReferenceSchema),
  provider: z.optional(ReferenceSchemaEarly),
  related: z.optional(
    z.array(z.object({ claim: z.optional(FhirReferenceSchema), relationship: z.optional(CodingList) })),
  ),
  careTeam: z.optional(
    z.array(
      z.object({
        sequence: z.optional(z.number()),
        provider: z.optional(ReferenceSchemaEarly),
        role: z.optional(CodingList),
      }),
    ),
  ),
  diagnosis: z.optional(
    z.array(z.object({ sequence: z.optional(z.number()), diagnosisCodeableConcept: z.optional(CodingList) })),
  ),
  insurance: z.optional(
    z.array(z.object({ focal: z.optional(z.boolean()), preAuthRef: z.optional(z.array(z.string())) })),
  ),
  item: z.optional(
    z.array(
      z.object({
        diagnosisSequence: z.optional(z.array(z.number())),
        productOrService: z.optional(CodingList),
        modifier: z.optional(z.array(CodingList)),
        servicedDate: z.optional(z.string()),
        servicedPeriod: z.optional(FhirPeriodSchema),
        locationCodeableConcept: z.optional(CodingList),
        quantity: z.optional(z.object({ value: z.optional(z.number()), unit: z.optional(z.string()) })),
        net: z.optional(MoneySchema),
      }),
    ),
  ),
  total: z.optional(MoneySchema),
});

const toCents = (m: { value?: number | undefined } | undefined): number | undefined =>
  m?.value === undefined ? undefined : Math.round(m.value * 100);
const code = (
  c: { coding?: readonly { code?: string | undefined }[] | undefined } | undefined,
): string | undefined => c?.coding?.[0]?.code;
/** A provider by NPI; `Reference.type` says person (Practitioner) or organization, else `entity`. */
const providerOf = (
  r: z.infer<typeof ReferenceSchemaEarly> | undefined,
  entity: 'person' | 'organization',
) =>
  r === undefined
    ? undefined
    : {
        npi: r.identifier?.value ?? '',
        entity: r.type === 'Organization' ? 'organization' : r.type === 'Practitioner' ? 'person' : entity,
        ...unname(r.display),
      };

/**
 * Reads a FHIR R4 Claim (as {@link toFhirClaim} writes it, or any professional Claim with the same
 * elements) into a Claim, validated by `parseClaim`. The claim id is the identifier of the claim-id
 * system (else the first); the payer is `insurer` (identifier value and display); the billing,
 * rendering (care team role primary) and referring (other) providers come by NPI with their names
 * read from `display` ("LAST, FIRST"); the patient's name from `patient.display` with the member
 * id; diagnoses in `sequence` order; lines from `item` (CPT code and modifiers, dates, place of
 * service, quantity, `net`); the frequency and SBR01 order from the extensions (default 1 and P).
 * R4 Claim has no home for the billing provider's taxonomy, tax id and address, the group number,
 * the other payers or a patient apart from the subscriber: those do not come back (the FHIR
 * patient is read as the subscriber).
 * Amounts with more than two decimals are rounded to the cent. Never throws.
 *
 * @param input - anything (a FHIR Claim expected, such as parsed JSON)
 * @returns `Right(Claim)`; `Left(ValidationError)` with model `FHIR Claim` and the FHIR path when
 *   it is not a Claim or an element it reads has the wrong shape (`item` an object), or with model
 *   `Claim` naming the fields missing or invalid
 * @example
 * fromFhirClaim({ resourceType: 'Claim', item: {} }); // Left({ code: 'validation.failed', model: 'FHIR Claim', issues: [{ path: 'item', ... }] })
 */
export const fromFhirClaim = (input: unknown): Either<ValidationError, Claim> => {
  const read = readFhir('Claim', FhirClaimSchema, input);
  if (read._tag === 'Left') return read;
  const r = read.right;
  const extension = (url: string): string | undefined => r.extension?.find((e) => e.url === url)?.valueCode;
  const team = (role: string) => r.careTeam?.find((t) => code(t.role) === role)?.provider;
  const rendering = providerOf(team('primary'), 'person');
  const referring = providerOf(team('other'), 'person');
  const diagnoses = [...(r.diagnosis ?? [])]
    .sort((a, b) => (a.sequence ?? 0) - (b.sequence ?? 0))
    .map((d) => code(d.diagnosisCodeableConcept) ?? '');
  const codeSet =
    r.diagnosis?.[0]?.diagnosisCodeableConcept?.coding?.[0]?.system === ICD9CM ? 'icd9' : 'icd10';
  const items = r.item ?? [];
  const claimPlace = code(items[0]?.locationCodeableConcept) ?? '';
  const focal = r.insurance?.find((i) => i.focal === true) ?? r.insurance?.[0];
  const claimId = r.identifier?.find((i) => i.system === CLAIM_ID_SYSTEM) ?? r.identifier?.[0];
  const memberId = r.patient?.identifier?.value;
  const original = r.related?.[0]?.claim?.identifier?.value;
  return parseClaim({
    id: claimId?.value,
    frequency: extension(CLAIM_FREQUENCY_EXTENSION) ?? (r.status === 'cancelled' ? '8' : '1'),
    ...(original ? { originalClaimNumber: original } : {}),
    placeOfService: claimPlace,
    totalCharge: toCents(r.total),
    payerResponsibility: extension(PAYER_RESPONSIBILITY_EXTENSION) ?? 'P',
    payer: { id: r.insurer?.identifier?.value ?? '', name: r.insurer?.display ?? '' },
    subscriber: { ...unname(r.patient?.display), ...(memberId ? { memberId } : {}) },
    billingProvider: providerOf(r.provider, 'organization'),
    ...(rendering ? { renderingProvider: rendering } : {}),
    ...(referring ? { referringProvider: referring } : {}),
    diagnosisCodeSet: codeSet,
    diagnoses,
    ...(focal?.preAuthRef?.[0] ? { priorAuthorization: focal.preAuthRef[0] } : {}),
    lines: items.map((it) => {
      const place = code(it.locationCodeableConcept);
      const start = it.servicedDate ?? it.servicedPeriod?.start;
      const end = it.servicedDate ?? it.servicedPeriod?.end;
      return {
        procedure: {
          qualifier: 'HC',
          code: code(it.productOrService),
          modifiers: (it.modifier ?? []).map((m) => code(m) ?? ''),
        },
        charge: toCents(it.net),
        unit: it.quantity?.unit === 'min' ? 'MJ' : 'UN',
        quantity: it.quantity?.value ?? 1,
        ...(place !== undefined && place !== claimPlace ? { placeOfService: place } : {}),
        pointers: it.diagnosisSequence ?? [],
        ...(start !== undefined && end !== undefined ? { serviceDates: { start, end } } : {}),
      };
    }),
  });
};
