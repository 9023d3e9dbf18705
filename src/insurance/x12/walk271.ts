/**
 * The 271 interpreter behind read271: walks the segments of each 271 transaction through the HL
 * tree (2000A source, 2000B receiver, 2000C subscriber, 2000D dependent), the 2110 benefit loops
 * and the LS/LE 2120 entity loops, and turns them into normalized responses. It reads segments
 * through SegmentView, so either tokenizer can feed it (read271's offset cursor, or the split
 * reference the property test compares it with).
 */
import { err, ok, type Either } from '../../core/result.js';
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
import { benefitFactFrom, NO_ITEMS } from './benefitFact.js';
import { COVERAGE_LEVEL_CODES } from './coverageLevel.js';
import {
  DATE_QUALIFIER_CODES,
  ELIGIBILITY_BENEFIT_CODES,
  INSURANCE_TYPE_CODES,
  SERVICE_TYPE_CODES,
  TIME_PERIOD_CODES,
} from './codes.js';
import { readEnvelope, type TransactionHandler, type TransactionRead } from './envelope.js';
import { x12Error, x12Warning, type X12Error, type X12Warning } from './errors.js';
import { codeMap } from './lookup.js';
import { x12Components, x12Repetitions, type X12Delimiters } from './parse.js';
import type { Read271Options, Read271Result } from './read271.js';
import { interchangeText, readIsa, type SegmentView } from './tokenize.js';
import {
  benefitKind,
  eligibilityStatusOf,
  followUpName,
  rejectReasonName,
  retryPolicy,
  x12DateRange,
} from './values.js';

const LETTER: ReadonlyMap<string, string> = /* @__PURE__ */ codeMap({
  '20': 'A',
  '21': 'B',
  '22': 'C',
  '23': 'D',
});
const DATE_QUALIFIERS: ReadonlyMap<string, string> = /* @__PURE__ */ codeMap<string>(DATE_QUALIFIER_CODES);
/** Service type codes, each mapped to itself: the table's string is kept instead of each EB's copy. */
const SERVICE_TYPES: ReadonlyMap<string, string> = /* @__PURE__ */ new Map(
  Object.keys(SERVICE_TYPE_CODES).map((k) => [k, k]),
);
/** EB01, EB02, EB04 and EB06 codes, each mapped to itself (as SERVICE_TYPES). */
const CODES: ReadonlyMap<string, string> = /* @__PURE__ */ new Map(
  [ELIGIBILITY_BENEFIT_CODES, COVERAGE_LEVEL_CODES, INSURANCE_TYPE_CODES, TIME_PERIOD_CODES].flatMap((t) =>
    Object.keys(t).map((k): [string, string] => [k, k]),
  ),
);
const canonical = (v: string): string => CODES.get(v) ?? v;
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

type OpenBenefit = Mutable<BenefitFact>;

/** The trailing lists of a benefit fact, and what each holds. */
interface FactLists {
  messages: string;
  dates: EligibilityDate;
  references: EligibilityReference;
  rejections: EligibilityRejection;
  entities: RelatedEntity;
  placesOfService: string;
  deliveries: readonly string[];
}

/** Adds an item to a trailing list of the open fact, giving it its own list on the first item. */
const append = <K extends keyof FactLists>(b: OpenBenefit, key: K, item: FactLists[K]): void => {
  const list = b[key] as readonly FactLists[K][];
  if (list === NO_ITEMS) (b as unknown as Record<K, FactLists[K][]>)[key] = [item];
  else (list as FactLists[K][]).push(item);
};

const val = (s: SegmentView, n: number): string => s.el(n);

/** Elements 1 to the last, trimmed (HSD delivery patterns are kept as sent). */
const elementsAfterId = (s: SegmentView): string[] => {
  const out: string[] = [];
  for (let n = 1; n < s.length; n++) out.push(s.el(n));
  return out;
};

/**
 * Sets an optional field when its element was sent (an absent element stays an absent key).
 * Assigned, not spread: objects built from computed keys and spreads dominated large files.
 */
const put = <T extends object>(o: T, key: keyof T & string, v: string): void => {
  if (v !== '') (o as Record<string, unknown>)[key] = v;
};

/** NM103 and NM104 as one name, whichever were sent. */
const fullName = (last: string, first: string): string =>
  last === '' ? first : first === '' ? last : `${last} ${first}`;

/** State while walking one transaction. */
export class Walker {
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

  provenance(s: SegmentView, loop: string): EligibilityProvenance {
    return { loop, segmentIndex: s.index, raw: s.raw() };
  }

  loop(): string {
    return this.benefit ? `2110${this.letter}` : `${this.named ? '2100' : '2000'}${this.letter}`;
  }

  closeBenefit(): void {
    const b = this.benefit;
    if (!b) return;
    this.node?.benefits.push(b);
    this.benefit = undefined;
    this.entity = undefined;
    this.inLs = false;
  }

  hl(s: SegmentView): void {
    this.closeBenefit();
    const code = val(s, 3);
    const letter = LETTER.get(code);
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

  rejection(s: SegmentView): EligibilityRejection {
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

  aaa(s: SegmentView): void {
    const r = this.rejection(s);
    if (this.benefit) append(this.benefit, 'rejections', r);
    else if (this.letter === 'A') this.sourceRejections.push(r);
    else if (this.letter === 'B') this.receiverRejections.push(r);
    else this.node?.rejections.push(r);
  }

  nm1(s: SegmentView): void {
    const name = fullName(val(s, 3), val(s, 4));
    if (this.inLs) {
      if (!this.benefit) return;
      const entity: WritableEntity = { role: val(s, 1), name, contacts: [] };
      put(entity, 'idQualifier', val(s, 8));
      put(entity, 'id', val(s, 9));
      this.entity = entity;
      append(this.benefit, 'entities', entity);
      return;
    }
    this.closeBenefit();
    this.named = true;
    if (this.letter === 'A' || this.letter === 'B') {
      const party: Mutable<EligibilityParty> = {};
      put(party, 'name', name);
      put(party, 'id', val(s, 9));
      put(party, 'idQualifier', val(s, 8));
      if (this.letter === 'A') this.payer = party;
      else this.provider = party;
    } else if (this.node) {
      const m = this.node.member;
      put(m, 'lastName', val(s, 3));
      put(m, 'firstName', val(s, 4));
      put(m, 'middleName', val(s, 5));
      put(m, 'memberIdQualifier', val(s, 8));
      put(m, 'memberId', val(s, 9));
    }
  }

  date(s: SegmentView): EligibilityDate | undefined {
    const range = x12DateRange(val(s, 2), val(s, 3));
    if (!range) {
      this.warnings.push(x12Warning('x12.bad-value', 'DTP03 is not a D8 or RD8 date', s.index));
      return undefined;
    }
    const qualifier = val(s, 1);
    const known = DATE_QUALIFIERS.get(qualifier);
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

  ref(s: SegmentView): EligibilityReference {
    const r: Mutable<EligibilityReference> = { qualifier: val(s, 1), value: val(s, 2) };
    put(r, 'description', val(s, 3));
    return r;
  }

  memberSegment(s: SegmentView): void {
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
      const trace: Mutable<TraceNumber> = { type: val(s, 1), number: val(s, 2) };
      put(trace, 'originator', val(s, 3));
      put(trace, 'supplemental', val(s, 4));
      m.traceNumbers.push(trace);
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

  eb(s: SegmentView): void {
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
    const serviceTypes = this.serviceTypes(s);
    const { fact, badValue } = benefitFactFrom(
      {
        code: canonical(code),
        coverageLevel: canonical(val(s, 2)),
        serviceTypes,
        insuranceType: canonical(val(s, 4)),
        planCoverage: val(s, 5),
        timePeriod: canonical(val(s, 6)),
        amount: val(s, 7),
        percent: val(s, 8),
        quantityQualifier: val(s, 9),
        quantity: val(s, 10),
        authorization: val(s, 11),
        network: val(s, 12),
        procedure: val(s, 13) === '' ? [] : x12Components(s.rawEl(13), this.d),
      },
      this.provenance(s, loop),
      this.options.percentConvention,
    );
    if (badValue)
      this.warnings.push(
        x12Warning('x12.bad-value', 'EB07, EB08 or EB10 is not a non-negative decimal in range', s.index),
      );
    // The fact is new and owned here: its trailing lists are filled as segments follow.
    this.benefit = fact;
  }

  /**
   * EB03 is a repeating element: a list written with another convention's separator (`>` or `:`
   * where ISA11 is `^`) reads as one long unknown code and would silently match nothing. Known
   * codes are kept as the table's own strings (one copy each, not one per EB).
   */
  serviceTypes(s: SegmentView): readonly string[] {
    const raw = s.rawEl(3);
    const codes = x12Repetitions(raw, this.d) as string[];
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
    let unknown = 0;
    for (let i = 0; i < codes.length; i++) {
      const known = SERVICE_TYPES.get(codes[i] as string);
      if (known === undefined) unknown++;
      else codes[i] = known;
    }
    if (unknown === 0) return codes;
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
    return codes;
  }

  benefitSegment(s: SegmentView, b: OpenBenefit): void {
    if (this.inLs && this.entity && (s.id === 'PER' || s.id === 'N3' || s.id === 'N4' || s.id === 'PRV')) {
      if (s.id === 'PER')
        for (const n of [4, 6, 8]) if (val(s, n) !== '') this.entity.contacts.push(val(s, n));
      return;
    }
    if (s.id === 'MSG') append(b, 'messages', val(s, 1));
    else if (s.id === 'HSD') append(b, 'deliveries', elementsAfterId(s));
    else if (s.id === 'REF') append(b, 'references', this.ref(s));
    else if (s.id === 'III') {
      if (val(s, 1) === 'ZZ' && val(s, 2) !== '') append(b, 'placesOfService', val(s, 2));
      else if (val(s, 4) !== '') append(b, 'messages', val(s, 4));
    } else if (s.id === 'DTP') {
      const d = this.date(s);
      if (d) append(b, 'dates', d);
    }
  }

  segment(s: SegmentView): void {
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

const versionOf = (
  t: TransactionRead<Walker | undefined>,
  groupVersion: string | undefined,
): EligibilityResponse['version'] => {
  const v = t.implementation || groupVersion || '';
  return v.startsWith('005010') ? '5010' : v.startsWith('004010') ? '4010' : 'unknown';
};

/** Turns one walked transaction into responses: one per person, or one for a rejection before any. */
const responsesOf = (
  w: Walker,
  t: TransactionRead<Walker | undefined>,
  transactionIndex: number,
  version: EligibilityResponse['version'],
): EligibilityResponse[] => {
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
  // Literals with every key in one order (no spreads): one object shape for every response.
  if (people.length === 0)
    return [
      {
        source: 'x12',
        version,
        controlNumber: t.controlNumber,
        transactionIndex,
        payer: w.payer,
        provider: w.provider,
        status: eligibilityStatusOf(upper, []),
        rejections: upper,
        benefits: [],
        warnings: w.warnings,
      },
    ];
  return people.map((n) => {
    const rejections = [...upper, ...(n.parent?.rejections ?? []), ...n.rejections];
    const response: Mutable<EligibilityResponse> = {
      source: 'x12',
      version,
      controlNumber: t.controlNumber,
      transactionIndex,
      payer: w.payer,
      provider: w.provider,
      member: n.member,
      status: eligibilityStatusOf(rejections, n.benefits),
      rejections,
      benefits: n.benefits,
      warnings: w.warnings,
    };
    const p = n.parent?.member;
    if (p) {
      const subscriber: Mutable<NonNullable<EligibilityResponse['subscriber']>> = {};
      put(subscriber, 'memberId', p.memberId ?? '');
      put(subscriber, 'memberIdQualifier', p.memberIdQualifier ?? '');
      put(subscriber, 'lastName', p.lastName ?? '');
      put(subscriber, 'firstName', p.firstName ?? '');
      put(subscriber, 'middleName', p.middleName ?? '');
      response.subscriber = subscriber;
    }
    return response;
  });
};

/** A tokenizer: from the text after ISA, a function giving the next segment (undefined at the end). */
export type Tokenizer = (text: string, from: number, d: X12Delimiters) => () => SegmentView | undefined;

const walking = (
  d: X12Delimiters,
  options: Read271Options,
): TransactionHandler<SegmentView, Walker, Walker | undefined> => ({
  begin: (_st, type) => (type === '271' ? new Walker(d, options) : undefined),
  segment: (w, s) => w.segment(s),
  end: (w) => {
    w?.closeBenefit();
    return w;
  },
});

/**
 * Reads a 271 interchange with the given tokenizer: envelope, then each 271 transaction walked as
 * its segments arrive (other transactions skipped with a warning).
 *
 * @param text - the interchange text (anything)
 * @param options - the payer's percent convention
 * @param tokenizer - how segments are cut
 * @returns what read271 returns
 * @example
 * read271With(text, {}, (t, from, d) => { const c = new SegmentCursor(t, from, d); return () => c.next(); });
 */
export const read271With = (
  text: unknown,
  options: Read271Options,
  tokenizer: Tokenizer,
): Either<X12Error, Read271Result> => {
  const warnings: X12Warning[] = [];
  const body = interchangeText(text, warnings);
  if (body._tag === 'Left') return body;
  const header = readIsa(body.right, warnings);
  if (header._tag === 'Left') return header;
  const { delimiters, isa, end } = header.right;
  const next = tokenizer(body.right, end, delimiters);
  const read = readEnvelope(next, isa, walking(delimiters, options), warnings);
  if (read._tag === 'Left') return read;
  const responses: EligibilityResponse[] = [];
  let index = 0;
  for (const g of read.right.groups)
    for (const t of g.transactions) {
      const i = index++;
      if (t.body === undefined) {
        warnings.push(
          x12Warning('x12.unexpected-transaction', 'a transaction that is not a 271 was skipped', t.stIndex),
        );
        continue;
      }
      for (const r of responsesOf(t.body, t, i, versionOf(t, g.version))) responses.push(r);
    }
  if (index === 0 || responses.length === 0)
    return err(x12Error('x12.empty', 'the interchange holds no 271 transaction'));
  return ok({ interchangeControlNumber: (isa[13] ?? '').trim(), responses, warnings });
};
