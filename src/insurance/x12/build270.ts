/**
 * Builds a 5010 270 eligibility inquiry (005010X279A1): one interchange, one group, one
 * transaction, for a subscriber or a dependent, for one or more service types.
 */
import * as z from 'zod/mini';
import { parseWith, type ValidationError } from '../../core/errors.js';
import { andThen, ok, type Either } from '../../core/result.js';
import { IsoDateSchema, WallTimeSchema } from '../../core/calendar.js';

// Text elements must not contain the delimiters this builder uses (* ~ ^ :).
const text = /* @__NO_SIDE_EFFECTS__ */ (max: number) =>
  z
    .string()
    .check(
      z.trim(),
      z.minLength(1),
      z.maxLength(max),
      z.regex(/^[^*~^:\r\n]*$/, { message: 'must not contain the X12 delimiters * ~ ^ : or line breaks' }),
    );

const PersonSchema = z.object({
  lastName: text(60),
  firstName: z.optional(text(35)),
  birthDate: z.optional(IsoDateSchema),
  gender: z.optional(z.enum(['M', 'F', 'U'])),
});

/**
 * A 270 request. Dates are calendar dates and `createdAt` the wall-clock creation time (passed
 * in: nothing reads a clock). Names and ids must not contain `* ~ ^ :`.
 *
 * @example
 * parseEligibilityRequest({
 *   interchangeControlNumber: 1, reference: 'REQ0001', createdAt: { date: '2026-11-23', time: '08:00' },
 *   sender: { id: 'CLINIC' }, receiver: { id: 'ACME' },
 *   payer: { name: 'ACME HEALTH', id: '12345' }, provider: { name: 'MAPLE CLINIC', npi: '1234567893' },
 *   subscriber: { memberId: 'W123456789', lastName: 'DOE', firstName: 'JANE', birthDate: '1980-04-02' },
 *   dateOfService: '2026-11-23', serviceTypes: ['30'],
 * });
 */
export const EligibilityRequestSchema = /* @__PURE__ */ z.object({
  /** ISA13 and GS06 control number. */
  interchangeControlNumber: z.int().check(z.gte(1), z.lte(999_999_999)),
  /** BHT03 and TRN02: your trace number for matching the 271. */
  reference: text(30),
  createdAt: z.object({ date: IsoDateSchema, time: WallTimeSchema }),
  sender: z.object({ id: text(15), qualifier: z._default(z.string().check(z.length(2)), 'ZZ') }),
  receiver: z.object({ id: text(15), qualifier: z._default(z.string().check(z.length(2)), 'ZZ') }),
  usage: z._default(z.enum(['P', 'T']), 'P'),
  payer: z.object({ name: text(60), id: text(80) }),
  provider: z.object({
    name: text(60),
    npi: z.string().check(z.regex(/^\d{10}$/, { message: 'must be a 10-digit NPI' })),
  }),
  subscriber: z.extend(PersonSchema, { memberId: text(80) }),
  /** Present when the patient is a dependent without their own member id (2000D). */
  dependent: z.optional(PersonSchema),
  dateOfService: z.optional(IsoDateSchema),
  /** EB03-style service type codes, sent as EQ01 repetitions (default `30`). */
  serviceTypes: z._default(
    z
      .array(z.string().check(z.regex(/^[0-9A-Z]{1,2}$/, { message: 'must be a service type code' })))
      .check(z.minLength(1), z.maxLength(99)),
    ['30'],
  ),
});

/**
 * A 270 request, as accepted by {@link build270} (defaults not yet applied).
 *
 * @example
 * const r: EligibilityRequest = { interchangeControlNumber: 1, reference: 'R1', createdAt: { date: '2026-11-23', time: '08:00' }, sender: { id: 'CLINIC' }, receiver: { id: 'ACME' }, payer: { name: 'ACME', id: '1' }, provider: { name: 'MAPLE', npi: '1234567893' }, subscriber: { memberId: 'W1', lastName: 'DOE' } };
 */
export interface EligibilityRequest extends z.input<typeof EligibilityRequestSchema> {}

/**
 * Parses a 270 request.
 *
 * @param input - anything
 * @returns `Right(request)` with defaults applied, or `Left(ValidationError)` naming every bad field
 * @example
 * parseEligibilityRequest({}); // Left: validation.failed with the missing fields
 */
export const parseEligibilityRequest = (
  input: unknown,
): Either<ValidationError, z.output<typeof EligibilityRequestSchema>> =>
  parseWith('EligibilityRequest', EligibilityRequestSchema, input);

const d8 = (date: string): string => date.replace(/-/g, '');
const pad = (v: string, n: number): string => v.padEnd(n, ' ').slice(0, n);

/**
 * Builds a valid 5010 270 (005010X279A1) from a request: ISA (106 characters, `*` elements, `^`
 * repetitions, `:` components, `~` terminators), GS (HS), ST/BHT (0022, 13), the payer (2100A
 * NM1*PR, PI), the provider (2100B NM1*1P, XX = NPI), the subscriber (2000C with TRN, NM1*IL MI,
 * DMG, DTP*291, EQ) and, for a dependent, 2000D (NM1*03) carrying the inquiry. Segment counts and
 * control numbers are computed. Dates are written as given (calendar dates; no time zone).
 *
 * @param request - the request (validated here)
 * @returns `Right(text)` with one segment per line, or `Left(ValidationError)` naming bad fields
 * @example
 * const r = build270({ interchangeControlNumber: 7, reference: 'REQ7', createdAt: { date: '2026-11-23', time: '08:00' },
 *   sender: { id: 'CLINIC' }, receiver: { id: 'ACME' }, payer: { name: 'ACME HEALTH', id: '12345' },
 *   provider: { name: 'MAPLE CLINIC', npi: '1234567893' }, subscriber: { memberId: 'W1', lastName: 'DOE', firstName: 'JANE' } });
 * // Right('ISA*00*          *00*          *ZZ*CLINIC  ...~\nGS*HS*...')
 */
export const build270 = (request: EligibilityRequest): Either<ValidationError, string> =>
  andThen((r: z.output<typeof EligibilityRequestSchema>) => {
    const control = String(r.interchangeControlNumber).padStart(9, '0');
    const date = d8(r.createdAt.date);
    const time = r.createdAt.time.replace(':', '');
    const person = (p: z.output<typeof PersonSchema>, dep: boolean): string[] => [
      dep ? `NM1*03*1*${p.lastName}${p.firstName ? `*${p.firstName}` : ''}` : '',
      ...(p.birthDate ? [`DMG*D8*${d8(p.birthDate)}${p.gender ? `*${p.gender}` : ''}`] : []),
    ];
    const inquiry = [
      ...(r.dateOfService ? [`DTP*291*D8*${d8(r.dateOfService)}`] : []),
      `EQ*${r.serviceTypes.join('^')}`,
    ];
    const trn = `TRN*1*${r.reference}*9${r.provider.npi.slice(0, 9)}`;
    const sub = r.subscriber;
    const subscriberName = `NM1*IL*1*${sub.lastName}*${sub.firstName ?? ''}****MI*${sub.memberId}`;
    const body = [
      `ST*270*0001*005010X279A1`,
      `BHT*0022*13*${r.reference}*${date}*${time}`,
      'HL*1**20*1',
      `NM1*PR*2*${r.payer.name}*****PI*${r.payer.id}`,
      'HL*2*1*21*1',
      `NM1*1P*2*${r.provider.name}*****XX*${r.provider.npi}`,
      ...(r.dependent
        ? [
            'HL*3*2*22*1',
            subscriberName,
            ...person(sub, false).filter((s) => s !== ''),
            'HL*4*3*23*0',
            trn,
            ...person(r.dependent, true),
            ...inquiry,
          ]
        : ['HL*3*2*22*0', trn, subscriberName, ...person(sub, false).filter((s) => s !== ''), ...inquiry]),
    ];
    const segments = [
      `ISA*00*${pad('', 10)}*00*${pad('', 10)}*${r.sender.qualifier}*${pad(r.sender.id, 15)}*${r.receiver.qualifier}*${pad(r.receiver.id, 15)}*${date.slice(2)}*${time}*^*00501*${control}*0*${r.usage}*:`,
      `GS*HS*${r.sender.id}*${r.receiver.id}*${date}*${time}*${r.interchangeControlNumber}*X*005010X279A1`,
      ...body,
      `SE*${body.length + 1}*0001`,
      `GE*1*${r.interchangeControlNumber}`,
      `IEA*1*${control}`,
    ];
    return ok(segments.map((s) => `${s}~`).join('\n'));
  })(parseEligibilityRequest(request));
