/**
 * Reads 271 eligibility responses (5010 005010X279A1 and 4010 004010X092A1) into normalized
 * responses, one per subscriber or dependent, following the HL tree (2000A source, 2000B receiver,
 * 2000C subscriber, 2000D dependent), the 2110 benefit loops and the LS/LE 2120 entity loops.
 */
import { err, ok, type Either } from '../../core/result.js';
import type { PercentConvention } from '../percent.js';
import type {
  BenefitFact,
  EligibilityDate,
  EligibilityParty,
  EligibilityMember,
  EligibilityProvenance,
  EligibilityReference,
  EligibilityRejection,
  EligibilityResponse,
  RelatedEntity,
  TraceNumber,
} from '../eligibilityModel.js';
import { benefitFactFrom } from './benefitFact.js';
import { DATE_QUALIFIER_CODES, SERVICE_TYPE_CODES } from './codes.js';
import { x12Error, x12Warning, type X12Error, type X12Warning } from './errors.js';
import {
  parseX12,
  x12Components,
  x12Repetitions,
  type X12Delimiters,
  type X12Segment,
  type X12Transaction,
} from './parse.js';
import { lookup } from './lookup.js';
import {
  benefitKind,
  eligibilityStatusOf,
  followUpName,
  rejectReasonName,
  retryPolicy,
  x12DateRange,
} from './values.js';

/**
 * Options of {@link read271}.
 *
 * @example
 * const o: Read271Options = { percentConvention: 'payer-fraction' }; // a carrier that sends .8 for 20%
 */
export interface Read271Options {
  /** How this payer sends EB08: a fraction of the patient's share (the X12 rule, default) or otherwise (T18). */
  readonly percentConvention?: PercentConvention;
}

/**
 * The result of reading a 271 interchange: one response per subscriber/dependent (or one per
 * transaction rejected before reaching a person), and interchange-level warnings.
 *
 * @example
 * const r = read271(text);
 * if (r._tag === 'Right') r.right.responses.map((x) => x.status);
 */
export interface Read271Result {
  /** ISA13 control number. */
  readonly interchangeControlNumber: string;
  /** Responses in document order. */
  readonly responses: readonly EligibilityResponse[];
  /** Envelope-level warnings (BOM, counts, mismatches). */
  readonly warnings: readonly X12Warning[];
}

const LETTER: Readonly<Record<string, string>> = { '20': 'A', '21': 'B', '22': 'C', '23': 'D' };
/** Repetition or component separators of other common conventions (insurance reference §2.1, T4). */
const FOREIGN_SEPARATORS = ['>', ':', '^'] as const;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type WritableEntity = Mutable<RelatedEntity> & { contacts: string[] };

interface MemberNode {
  readonly level: 'subscriber' | 'dependent';
  readonly letter: 'C' | 'D';
  parent: MemberNode | undefined;
  member: Mutable<EligibilityMember> & {
    references: EligibilityReference[];
    dates: EligibilityDate[];
    traceNumbers: TraceNumber[];
  };
  rejections: EligibilityRejection[];
  benefits: BenefitFact[];
}

interface OpenBenefit {
  fact: BenefitFact;
  messages: string[];
  dates: EligibilityDate[];
  references: EligibilityReference[];
  rejections: EligibilityRejection[];
  entities: WritableEntity[];
  placesOfService: string[];
  deliveries: string[][];
}

const val = (s: X12Segment, n: number): string => (s.elements[n] ?? '').trim();

const opt = <K extends string>(key: K, v: string): { [P in K]?: string } =>
  (v === '' ? {} : { [key]: v }) as { [P in K]?: string };

/** State while walking one transaction. */
class Walker {
  readonly warnings: X12Warning[] = [];
  readonly sourceRejections: EligibilityRejection[] = [];
  readonly receiverRejections: EligibilityRejection[] = [];
  readonly members: MemberNode[] = [];
  payer: EligibilityParty = {};
  provider: EligibilityParty = {};
  letter = 'A';
  named = false;
  node: MemberNode | undefined;
  subscriber: MemberNode | undefined;
  benefit: OpenBenefit | undefined;
  entity: WritableEntity | undefined;
  inLs = false;

  constructor(
    readonly d: X12Delimiters,
    readonly options: Read271Options,
  ) {}

  provenance(s: X12Segment, loop: string): EligibilityProvenance {
    return { loop, segmentIndex: s.index, raw: s.elements.join(this.d.element) };
  }

  loop(): string {
    return this.benefit ? `2110${this.letter}` : `${this.named ? '2100' : '2000'}${this.letter}`;
  }

  closeBenefit(): void {
    const b = this.benefit;
    if (!b) return;
    this.node?.benefits.push(b.fact);
    this.benefit = undefined;
    this.entity = undefined;
    this.inLs = false;
  }

  hl(s: X12Segment): void {
    this.closeBenefit();
    const code = val(s, 3);
    const letter = lookup(LETTER, code);
    this.letter = letter ?? this.letter;
    this.named = false;
    if (letter === undefined)
      this.warnings.push(x12Warning('x12.loop-structure', 'HL03 is not 20, 21, 22 or 23', s.index));
    if (code !== '22' && code !== '23') return;
    const level = code === '22' ? 'subscriber' : 'dependent';
    const node: MemberNode = {
      level,
      letter: code === '22' ? 'C' : 'D',
      parent: code === '23' ? this.subscriber : undefined,
      member: { level, demographicsCorrected: false, references: [], dates: [], traceNumbers: [] },
      rejections: [],
      benefits: [],
    };
    if (code === '22') this.subscriber = node;
    this.node = node;
    this.members.push(node);
  }

  rejection(s: X12Segment): EligibilityRejection {
    const reason = val(s, 3);
    const followUp = val(s, 4);
    const standard = rejectReasonName(reason) !== 'Non-standard code';
    const loop = this.loop();
    if (!standard)
      this.warnings.push(
        x12Warning('x12.non-standard-code', 'AAA03 is not a 5010 reject reason code', s.index),
      );
    return {
      loop,
      valid: val(s, 1).toUpperCase() === 'Y',
      reason,
      reasonName: rejectReasonName(reason),
      followUp,
      followUpName: followUpName(followUp),
      retry: retryPolicy(followUp),
      standard,
      provenance: this.provenance(s, loop),
    };
  }

  aaa(s: X12Segment): void {
    const r = this.rejection(s);
    if (this.benefit) this.benefit.rejections.push(r);
    else if (this.letter === 'A') this.sourceRejections.push(r);
    else if (this.letter === 'B') this.receiverRejections.push(r);
    else this.node?.rejections.push(r);
  }

  nm1(s: X12Segment): void {
    const name = [val(s, 3), val(s, 4)].filter((x) => x !== '').join(' ');
    if (this.inLs) {
      if (!this.benefit) return;
      this.entity = {
        role: val(s, 1),
        name,
        ...opt('idQualifier', val(s, 8)),
        ...opt('id', val(s, 9)),
        contacts: [],
      };
      this.benefit.entities.push(this.entity);
      return;
    }
    this.closeBenefit();
    this.named = true;
    const party = { ...opt('name', name), ...opt('id', val(s, 9)), ...opt('idQualifier', val(s, 8)) };
    if (this.letter === 'A') this.payer = party;
    else if (this.letter === 'B') this.provider = party;
    else if (this.node)
      Object.assign(
        this.node.member,
        opt('lastName', val(s, 3)),
        opt('firstName', val(s, 4)),
        opt('middleName', val(s, 5)),
        opt('memberIdQualifier', val(s, 8)),
        opt('memberId', val(s, 9)),
      );
  }

  date(s: X12Segment): EligibilityDate | undefined {
    const range = x12DateRange(val(s, 2), val(s, 3));
    if (!range) {
      this.warnings.push(x12Warning('x12.bad-value', 'DTP03 is not a D8 or RD8 date', s.index));
      return undefined;
    }
    const qualifier = val(s, 1);
    const known = lookup<string>(DATE_QUALIFIER_CODES, qualifier);
    if (known === undefined)
      this.warnings.push(
        x12Warning(
          'x12.non-standard-code',
          'DTP01 is not a date qualifier of the 5010 271: the date is kept under its code',
          s.index,
        ),
      );
    return { qualifier, name: known ?? 'Non-standard date qualifier', ...range };
  }

  ref(s: X12Segment): EligibilityReference {
    return { qualifier: val(s, 1), value: val(s, 2), ...opt('description', val(s, 3)) };
  }

  memberSegment(s: X12Segment): void {
    const m = this.node?.member;
    if (!m) return;
    if (s.id === 'REF') {
      const r = this.ref(s);
      m.references.push(r);
      if ((r.qualifier === '6P' || r.qualifier === '1L') && m.groupNumber === undefined)
        m.groupNumber = r.value;
    } else if (s.id === 'DTP') {
      const d = this.date(s);
      if (d) m.dates.push(d);
    } else if (s.id === 'TRN') {
      m.traceNumbers.push({
        type: val(s, 1),
        number: val(s, 2),
        ...opt('originator', val(s, 3)),
        ...opt('supplemental', val(s, 4)),
      });
    } else if (s.id === 'DMG') {
      const range = val(s, 2) === '' ? undefined : x12DateRange('D8', val(s, 2));
      if (range) m.birthDate = range.start;
      else if (val(s, 2) !== '')
        this.warnings.push(
          x12Warning('x12.bad-value', 'DMG02 is not a D8 date (CCYYMMDD, a real calendar day)', s.index),
        );
      if (val(s, 3) !== '') m.gender = val(s, 3);
    } else if (s.id === 'INS') {
      if (val(s, 2) !== '') m.relationship = val(s, 2);
      m.demographicsCorrected = val(s, 3) === '001' && val(s, 4) === '25';
    }
  }

  eb(s: X12Segment): void {
    this.closeBenefit();
    if (!this.node) {
      this.warnings.push(
        x12Warning('x12.loop-structure', 'EB outside a subscriber or dependent loop', s.index),
      );
      return;
    }
    const code = val(s, 1);
    if (benefitKind(code) === 'non-standard')
      this.warnings.push(x12Warning('x12.non-standard-code', 'EB01 is not a 5010 benefit code', s.index));
    const loop = `2110${this.letter}`;
    const serviceTypes = x12Repetitions(s.elements[3] ?? '', this.d);
    this.checkServiceTypes(s, serviceTypes);
    const { fact, badValue } = benefitFactFrom(
      {
        code,
        coverageLevel: val(s, 2),
        serviceTypes,
        insuranceType: val(s, 4),
        planCoverage: val(s, 5),
        timePeriod: val(s, 6),
        amount: val(s, 7),
        percent: val(s, 8),
        quantityQualifier: val(s, 9),
        quantity: val(s, 10),
        authorization: val(s, 11),
        network: val(s, 12),
        procedure: val(s, 13) === '' ? [] : x12Components(s.elements[13] ?? '', this.d),
      },
      this.provenance(s, loop),
      this.options.percentConvention,
    );
    if (badValue)
      this.warnings.push(
        x12Warning('x12.bad-value', 'EB07, EB08 or EB10 is not a non-negative decimal in range', s.index),
      );
    // The fact is new and owned here: its trailing lists are filled in place as segments follow.
    this.benefit = {
      fact,
      messages: fact.messages as string[],
      dates: fact.dates as EligibilityDate[],
      references: fact.references as EligibilityReference[],
      rejections: fact.rejections as EligibilityRejection[],
      entities: fact.entities as WritableEntity[],
      placesOfService: fact.placesOfService as string[],
      deliveries: fact.deliveries as string[][],
    };
  }

  /**
   * EB03 is a repeating element: a list written with another convention's separator (`>` or `:`
   * where ISA11 is `^`) reads as one long unknown code and would silently match nothing.
   */
  checkServiceTypes(s: X12Segment, codes: readonly string[]): void {
    const raw = s.elements[3] ?? '';
    for (const c of FOREIGN_SEPARATORS)
      if (c !== this.d.repetition && raw.includes(c)) {
        this.warnings.push(
          x12Warning(
            'x12.foreign-separator',
            `EB03 contains ${c}, a separator of another convention, which is not this interchange's repetition separator (ISA11)`,
            s.index,
          ),
        );
        break;
      }
    const unknown = codes.filter((c) => lookup(SERVICE_TYPE_CODES, c) === undefined).length;
    if (unknown === 0) return;
    this.warnings.push(
      codes.length === 1
        ? x12Warning(
            'x12.non-standard-code',
            'EB03 reads as one service type code that is not in the 5010 list: a list with another repetition separator?',
            s.index,
          )
        : x12Warning(
            'x12.non-standard-code',
            `EB03 holds ${unknown} service type code(s) not in the 5010 list`,
            s.index,
          ),
    );
  }

  benefitSegment(s: X12Segment, b: OpenBenefit): void {
    if (this.inLs && this.entity && (s.id === 'PER' || s.id === 'N3' || s.id === 'N4' || s.id === 'PRV')) {
      if (s.id === 'PER')
        for (const n of [4, 6, 8]) if (val(s, n) !== '') this.entity.contacts.push(val(s, n));
      return;
    }
    if (s.id === 'MSG') b.messages.push(val(s, 1));
    else if (s.id === 'HSD') b.deliveries.push(s.elements.slice(1).map((x) => x.trim()));
    else if (s.id === 'REF') b.references.push(this.ref(s));
    else if (s.id === 'III') {
      if (val(s, 1) === 'ZZ' && val(s, 2) !== '') b.placesOfService.push(val(s, 2));
      else if (val(s, 4) !== '') b.messages.push(val(s, 4));
    } else if (s.id === 'DTP') {
      const d = this.date(s);
      if (d) b.dates.push(d);
    }
  }

  segment(s: X12Segment): void {
    switch (s.id) {
      case 'HL':
        return this.hl(s);
      case 'AAA':
        return this.aaa(s);
      case 'NM1':
        return this.nm1(s);
      case 'EB':
        return this.eb(s);
      case 'LS':
        if (!this.benefit)
          this.warnings.push(x12Warning('x12.loop-structure', 'LS*2120 without a preceding EB', s.index));
        this.inLs = true;
        return;
      case 'LE':
        this.inLs = false;
        this.entity = undefined;
        return;
      default:
        if (this.benefit) this.benefitSegment(s, this.benefit);
        else if (this.letter === 'C' || this.letter === 'D') this.memberSegment(s);
    }
  }
}

const versionOf = (t: X12Transaction, groupVersion: string | undefined): EligibilityResponse['version'] => {
  const v = t.implementation ?? groupVersion ?? '';
  return v.startsWith('005010') ? '5010' : v.startsWith('004010') ? '4010' : 'unknown';
};

/** Turns one walked transaction into responses: one per person, or one for a rejection before any. */
const responsesOf = (
  w: Walker,
  t: X12Transaction,
  transactionIndex: number,
  version: EligibilityResponse['version'],
): EligibilityResponse[] => {
  const base = {
    source: 'x12' as const,
    version,
    controlNumber: t.controlNumber,
    transactionIndex,
    payer: w.payer,
    provider: w.provider,
    warnings: w.warnings,
  };
  const upper = [...w.sourceRejections, ...w.receiverRejections];
  // A subscriber with dependents and nothing of its own is only the dependents' policyholder
  // (HL04 is not trusted: IG examples send 0 and a dependent loop anyway).
  const people = w.members.filter(
    (n) =>
      n.level === 'dependent' ||
      n.benefits.length > 0 ||
      n.rejections.length > 0 ||
      !w.members.some((m) => m.parent === n),
  );
  if (people.length === 0)
    return [{ ...base, status: eligibilityStatusOf(upper, []), rejections: upper, benefits: [] }];
  return people.map((n) => {
    const rejections = [...upper, ...(n.parent?.rejections ?? []), ...n.rejections];
    const p = n.parent?.member;
    const subscriber = p
      ? {
          subscriber: {
            ...opt('memberId', p.memberId ?? ''),
            ...opt('memberIdQualifier', p.memberIdQualifier ?? ''),
            ...opt('lastName', p.lastName ?? ''),
            ...opt('firstName', p.firstName ?? ''),
            ...opt('middleName', p.middleName ?? ''),
          },
        }
      : {};
    return {
      ...base,
      member: n.member,
      ...subscriber,
      status: eligibilityStatusOf(rejections, n.benefits),
      rejections,
      benefits: n.benefits,
    };
  });
};

/**
 * Reads a 271 interchange (5010 or 4010) into normalized eligibility responses, one per subscriber
 * or dependent, each with its payer rejections (AAA, with follow-up action and retry policy; an AAA
 * is an error, never inactive coverage), its benefits as coded facts (kind, coverage level, network
 * tier Y/N/W/U, service types, period, amount in cents or percent in basis points, total vs
 * remaining vs used, authorization tri-state, messages, dates, entities) with provenance (loop and
 * segment index). Dates are calendar dates (YYYY-MM-DD); no time zone is involved. Amounts are read
 * exactly (no floating point). Tolerates everything {@link parseX12} tolerates; transactions that
 * are not 271s are skipped with a warning. Never throws.
 *
 * @param text - the 271 interchange text
 * @param options - the payer's percent convention (default: EB08 is the patient's share)
 * @returns `Right(Read271Result)`, or `Left` with the {@link parseX12} errors, or `x12.empty` when
 *   the interchange holds no 271 transaction
 * @example
 * const r = read271(text);
 * if (r._tag === 'Right') for (const resp of r.right.responses) console.log(resp.status, resp.benefits.length);
 */
export const read271 = (text: unknown, options: Read271Options = {}): Either<X12Error, Read271Result> => {
  const parsed = parseX12(text);
  if (parsed._tag === 'Left') return parsed;
  const ix = parsed.right;
  const warnings = [...ix.warnings];
  const responses: EligibilityResponse[] = [];
  let index = 0;
  for (const g of ix.groups)
    for (const t of g.transactions) {
      const i = index++;
      if (t.type !== '271') {
        warnings.push(
          x12Warning(
            'x12.unexpected-transaction',
            'a transaction that is not a 271 was skipped',
            t.segments[0]?.index,
          ),
        );
        continue;
      }
      const w = new Walker(ix.delimiters, options);
      for (const s of t.segments) w.segment(s);
      w.closeBenefit();
      responses.push(...responsesOf(w, t, i, versionOf(t, g.version)));
    }
  if (index === 0 || responses.length === 0)
    return err(x12Error('x12.empty', 'the interchange holds no 271 transaction'));
  return ok({ interchangeControlNumber: ix.controlNumber, responses, warnings });
};
