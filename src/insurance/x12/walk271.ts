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
  FOLLOW_UP_ACTION_CODES,
  INSURANCE_TYPE_CODES,
  REJECT_REASON_CODES,
  SERVICE_TYPE_CODES,
  TIME_PERIOD_CODES,
} from './codes.js';
import { readEnvelope, type TransactionHandler, type TransactionRead } from './envelope.js';
import { x12Error, x12Warning, type X12Error, type X12Warning } from './errors.js';
import { codeMap } from './lookup.js';
import { x12Components, x12Repetitions, type X12Delimiters } from './parse.js';
import type { Read271Options, Read271Result } from './read271.js';
import { interchangeText, readIsa, SegmentCursor, shortKey, type SegmentView } from './tokenize.js';
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
/** Entity (NM101), id (NM108, REF01), date format (DTP02) and contact (PER) qualifiers of a 271. */
// prettier-ignore
const LOOP_QUALIFIERS = [
  'PR', '1P', 'IL', '03', 'P3', 'PI', 'XX', 'MI', 'SV', 'FI', '24', '34', '46', 'II', 'D8', 'RD8',
  'ZZ', 'IC', 'TE', 'UR', 'FX', 'EM', '6P', '1L', '18', 'IG', '0F',
];

/**
 * The short codes of a 271 by {@link shortKey}, for the cursor to hand out instead of slicing:
 * the code tables' own keys and the qualifiers of the loops read here (entity, id, date format,
 * contact), so an interchange's codes are one string each however many segments send them.
 */
const SHORT_CODES: ReadonlyMap<number, string> = /* @__PURE__ */ new Map(
  [
    ELIGIBILITY_BENEFIT_CODES,
    SERVICE_TYPE_CODES,
    INSURANCE_TYPE_CODES,
    TIME_PERIOD_CODES,
    REJECT_REASON_CODES,
    FOLLOW_UP_ACTION_CODES,
    DATE_QUALIFIER_CODES,
    COVERAGE_LEVEL_CODES,
  ]
    .flatMap((t) => Object.keys(t))
    .concat(LOOP_QUALIFIERS)
    .filter((code) => shortKey(code, 0, code.length) >= 0)
    .map((code): [number, string] => [shortKey(code, 0, code.length), code]),
);

/** The 2110 loop names by HL letter, one string each instead of one per EB. */
const BENEFIT_LOOPS: ReadonlyMap<string, string> = /* @__PURE__ */ new Map([
  ['A', '2110A'],
  ['B', '2110B'],
  ['C', '2110C'],
  ['D', '2110D'],
]);

/** Most EB03 lists an interchange holds, and the longest, kept in one read's list cache. */
const LIST_CACHE_ENTRIES = 512;
const LIST_CACHE_KEY_LENGTH = 200;

/**
 * EB03 lists already read in one read271 call, by the element as sent: a payer repeats the same
 * list on many EBs, and each would otherwise hold its own array. Only lists read without a
 * warning are kept, frozen, since every fact that names them shares them.
 */
export type ServiceTypeLists = Map<string, readonly string[]>;

/** Repetition or component separators of other common conventions (insurance reference §2.1, T4). */
const FOREIGN_SEPARATORS = ['>', ':', '^'] as const;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type WritableEntity = Mutable<RelatedEntity> & { contacts: string[] };

interface MemberNode {
  readonly level: 'subscriber' | 'dependent';
  readonly letter: 'C' | 'D';
  parent: MemberNode | undefined;
  member: Mutable<EligibilityMember> & {
    references: readonly EligibilityReference[];
    dates: readonly EligibilityDate[];
    traceNumbers: readonly TraceNumber[];
  };
  rejections: EligibilityRejection[];
  /** The facts, in order (left empty when the walker only reads the structure). */
  benefits: BenefitFact[];
  /** EBs seen, facts built or not. */
  benefitCount: number;
  /** Whether an EB01 1-5 (active) or 6-8 (inactive) was seen: the status without the facts. */
  active: boolean;
  inactive: boolean;
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

/**
 * A member list with one more item: the shared empty list is replaced by a list of its own (most
 * members have one or two dates and trace numbers, and a pushed-to empty array reserves 17 slots).
 */
const added = <T>(list: readonly T[], item: T): readonly T[] => {
  if (list === NO_ITEMS) return [item];
  (list as T[]).push(item);
  return list;
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

/**
 * A TRN trace, its optional keys absent when not sent. Written as whole literals: a key added
 * after a literal is built moves the object's fields out of line, and every member has a trace.
 */
const traceNumber = (type: string, number: string, originator: string, supplemental: string): TraceNumber =>
  originator === ''
    ? supplemental === ''
      ? { type, number }
      : { type, number, supplemental }
    : supplemental === ''
      ? { type, number, originator }
      : { type, number, originator, supplemental };

/** NM103 and NM104 as one name, whichever were sent. */
const fullName = (last: string, first: string): string =>
  last === '' ? first : first === '' ? last : `${last} ${first}`;

/** A new member of the HL tree (2000C subscriber or 2000D dependent). */
const memberNode = (level: 'subscriber' | 'dependent', parent: MemberNode | undefined): MemberNode => ({
  level,
  letter: level === 'subscriber' ? 'C' : 'D',
  parent,
  member: {
    level,
    demographicsCorrected: false,
    references: NO_ITEMS,
    dates: NO_ITEMS,
    traceNumbers: NO_ITEMS,
  },
  rejections: [],
  benefits: [],
  benefitCount: 0,
  active: false,
  inactive: false,
});

/** The payer and provider read last in an interchange, shared by the next transactions that name the same. */
interface LastParties {
  payer?: EligibilityParty;
  provider?: EligibilityParty;
}

/**
 * What a walker reads: `full`, everything (the plain reader); `structure`, read271's first pass:
 * the HL tree, names, member segments, rejections and EB01 codes, with the warnings about those
 * segments; `benefits`, the second pass, from the first EB on: the facts of the 2110/2120 loops
 * with the warnings about their segments. The warnings of the two passes are about different
 * segments, so merged by segment index they are those of a full walk, in its order.
 */
export type WalkMode = 'full' | 'structure' | 'benefits';

/** Where a structure walk met its first EB: the state a benefits walk starts from. */
export interface FirstEb {
  /** Offset and index of the EB segment. */
  readonly offset: number;
  readonly index: number;
  readonly letter: string;
  readonly inLs: boolean;
  /** Index in the walker's members of the member the EB belongs to, -1 for none. */
  readonly member: number;
}

/**
 * State while walking one transaction (see {@link WalkMode}).
 */
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
  /** Inside a 2110 loop (its fact is `benefit` in a full walk, none in a structure walk). */
  inBenefit = false;
  benefit: OpenBenefit | undefined;
  entity: WritableEntity | undefined;
  inLs = false;

  constructor(
    readonly d: X12Delimiters,
    readonly options: Read271Options,
    readonly mode: WalkMode = 'full',
    private readonly lastParties?: LastParties,
    private readonly lists?: ServiceTypeLists,
  ) {}

  /** Whether warnings about segments outside the benefit loops are this walk's to give. */
  get structureWarnings(): boolean {
    return this.mode !== 'benefits';
  }

  /** Starts a benefits walk where a structure walk met its first EB. */
  resume(first: FirstEb): void {
    this.letter = first.letter;
    this.inLs = first.inLs;
    if (first.member >= 0) {
      const node = memberNode('subscriber', undefined);
      this.node = node;
      this.members.push(node);
    }
  }

  provenance(s: SegmentView, loop: string): EligibilityProvenance {
    return { loop, segmentIndex: s.index, raw: s.raw() };
  }

  loop(): string {
    return this.inBenefit ? `2110${this.letter}` : `${this.named ? '2100' : '2000'}${this.letter}`;
  }

  closeBenefit(): void {
    if (!this.inBenefit) return;
    const b = this.benefit;
    if (b) this.node?.benefits.push(b);
    this.inBenefit = false;
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
    if (letter === undefined && this.structureWarnings)
      this.warnings.push(x12Warning('x12.loop-structure', 'HL03 is not 20, 21, 22 or 23', s.index));
    if (code !== '22' && code !== '23') return;
    const node = memberNode(
      code === '22' ? 'subscriber' : 'dependent',
      code === '23' ? this.subscriber : undefined,
    );
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
    if (this.inBenefit) {
      if (this.benefit) append(this.benefit, 'rejections', this.rejection(s));
      return;
    }
    if (this.mode === 'benefits') return;
    const r = this.rejection(s);
    if (this.letter === 'A') this.sourceRejections.push(r);
    else if (this.letter === 'B') this.receiverRejections.push(r);
    else this.node?.rejections.push(r);
  }

  nm1(s: SegmentView): void {
    if (this.inLs) {
      if (!this.benefit) return;
      const entity: WritableEntity = { role: val(s, 1), name: fullName(val(s, 3), val(s, 4)), contacts: [] };
      put(entity, 'idQualifier', val(s, 8));
      put(entity, 'id', val(s, 9));
      this.entity = entity;
      append(this.benefit, 'entities', entity);
      return;
    }
    this.closeBenefit();
    this.named = true;
    if (this.mode === 'benefits') return;
    if (this.letter === 'A' || this.letter === 'B') {
      const name = fullName(val(s, 3), val(s, 4));
      const payer = this.letter === 'A';
      const id = val(s, 9);
      const idQualifier = val(s, 8);
      const last = this.lastParties?.[payer ? 'payer' : 'provider'];
      // The payer and provider of a batch are mostly the same in every transaction: an equal
      // party read before is shared (results are read-only) instead of kept once per transaction.
      let party: EligibilityParty;
      if (
        last !== undefined &&
        (last.name ?? '') === name &&
        (last.id ?? '') === id &&
        (last.idQualifier ?? '') === idQualifier
      )
        party = last;
      else {
        const p: Mutable<EligibilityParty> = {};
        put(p, 'name', name);
        put(p, 'id', id);
        put(p, 'idQualifier', idQualifier);
        party = p;
        if (this.lastParties) this.lastParties[payer ? 'payer' : 'provider'] = p;
      }
      if (payer) this.payer = party;
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
    return { qualifier, name: known ?? 'Non-standard date qualifier', start: range.start, end: range.end };
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
      m.references = added(m.references, r);
      if ((r.qualifier === '6P' || r.qualifier === '1L') && m.groupNumber === undefined)
        m.groupNumber = r.value;
    } else if (s.id === 'DTP') {
      const d = this.date(s);
      if (d) m.dates = added(m.dates, d);
    } else if (s.id === 'TRN') {
      m.traceNumbers = added(m.traceNumbers, traceNumber(val(s, 1), val(s, 2), val(s, 3), val(s, 4)));
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
      if (this.structureWarnings)
        this.warnings.push(
          x12Warning('x12.loop-structure', 'EB outside a subscriber or dependent loop', s.index),
        );
      return;
    }
    const code = val(s, 1);
    const node = this.node;
    const kind = benefitKind(code);
    node.benefitCount++;
    if (kind === 'active') node.active = true;
    else if (kind === 'inactive') node.inactive = true;
    this.inBenefit = true;
    if (this.mode === 'structure') return;
    if (kind === 'non-standard')
      this.warnings.push(x12Warning('x12.non-standard-code', 'EB01 is not a 5010 benefit code', s.index));
    const loop = BENEFIT_LOOPS.get(this.letter) ?? `2110${this.letter}`;
    const serviceTypes = this.serviceTypes(s);
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
    const cached = this.lists?.get(raw);
    if (cached !== undefined) return cached;
    const codes = x12Repetitions(raw, this.d) as string[];
    let warned = false;
    for (const c of FOREIGN_SEPARATORS)
      if (c !== this.d.repetition && raw.includes(c)) {
        this.warnings.push(
          x12Warning(
            'x12.foreign-separator',
            `EB03 contains ${c}, a separator of another convention, which is not this interchange's repetition separator (ISA11)`,
            s.index,
          ),
        );
        warned = true;
        break;
      }
    let unknown = 0;
    for (let i = 0; i < codes.length; i++) {
      const known = SERVICE_TYPES.get(codes[i] as string);
      if (known === undefined) unknown++;
      else codes[i] = known;
    }
    if (unknown === 0) {
      const lists = this.lists;
      if (lists !== undefined && !warned && codes.length > 0 && raw.length <= LIST_CACHE_KEY_LENGTH) {
        if (lists.size >= LIST_CACHE_ENTRIES) lists.clear();
        lists.set(raw, Object.freeze(codes));
      }
      return codes;
    }
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
        if (!this.inBenefit && this.structureWarnings)
          this.warnings.push(x12Warning('x12.loop-structure', 'LS*2120 without a preceding EB', s.index));
        this.inLs = true;
        return;
      case 'LE':
        this.inLs = false;
        this.entity = undefined;
        return;
      default:
        if (this.inBenefit) {
          if (this.benefit) this.benefitSegment(s, this.benefit);
        } else if ((this.letter === 'C' || this.letter === 'D') && this.mode !== 'benefits')
          this.memberSegment(s);
    }
  }
}

const versionOf = (
  t: Pick<TransactionRead<unknown>, 'implementation'>,
  groupVersion: string | undefined,
): EligibilityResponse['version'] => {
  const v = t.implementation || groupVersion || '';
  return v.startsWith('005010') ? '5010' : v.startsWith('004010') ? '4010' : 'unknown';
};

/**
 * The people who get a response: dependents, and subscribers with facts or rejections of their
 * own or no dependents (a subscriber with dependents and nothing of its own is only their
 * policyholder; HL04 is not trusted: IG examples send 0 and a dependent loop anyway).
 */
const peopleOf = (w: Walker): MemberNode[] =>
  w.members.filter(
    (n) =>
      n.level === 'dependent' ||
      n.benefitCount > 0 ||
      n.rejections.length > 0 ||
      !w.members.some((m) => m.parent === n),
  );

const ACTIVE: readonly Pick<BenefitFact, 'kind'>[] = [{ kind: 'active' }];
const INACTIVE: readonly Pick<BenefitFact, 'kind'>[] = [{ kind: 'inactive' }];

/** What the benefits walk of a transaction gives the responses of its structure walk. */
interface Details {
  /** The benefits walk's members: member `j` of the structure walk is `members[j - base]`. */
  readonly members: readonly MemberNode[];
  readonly base: number;
  /** The warnings of both walks, in segment order. */
  readonly warnings: readonly X12Warning[];
}

/**
 * Two walks' warnings as one list in segment order: each list is in segment order, and no
 * segment has warnings in both (see {@link WalkMode}).
 */
const mergeWarnings = (a: readonly X12Warning[], b: X12Warning[]): readonly X12Warning[] => {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out: X12Warning[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && (x.segmentIndex ?? -1) <= (y.segmentIndex ?? -1))) {
      out.push(x as X12Warning);
      i++;
    } else {
      out.push(y);
      j++;
    }
  }
  return out;
};

/**
 * A transaction read by a structure walk: its warnings, where its first EB is, and the benefits
 * walk from there to SE, done on first use.
 */
class Deferred {
  private details: Details | undefined;
  constructor(
    private readonly text: string,
    private readonly d: X12Delimiters,
    private readonly options: Read271Options,
    private readonly lists: ServiceTypeLists,
    private readonly first: FirstEb | undefined,
    private readonly structureWarnings: readonly X12Warning[],
  ) {}

  get(): Details {
    if (this.details) return this.details;
    const first = this.first;
    if (first === undefined) {
      this.details = { members: [], base: 0, warnings: this.structureWarnings };
      return this.details;
    }
    const w = new Walker(this.d, this.options, 'benefits', undefined, this.lists);
    w.resume(first);
    const c = new SegmentCursor(this.text, first.offset, this.d, first.index - 1, SHORT_CODES);
    for (let s = c.next(); s !== undefined; s = c.next()) {
      w.segment(s);
      if (s.id === 'SE') break;
    }
    w.closeBenefit();
    this.details = {
      members: w.members,
      base: Math.max(first.member, 0),
      warnings: mergeWarnings(this.structureWarnings, w.warnings),
    };
    return this.details;
  }

  /** The facts of member `j` of the structure walk. */
  benefitsOf(j: number): readonly BenefitFact[] {
    const { members, base } = this.get();
    return members[j - base]?.benefits ?? NO_ITEMS;
  }
}

/** Where a deferred response keeps its transaction and person: a key no enumeration sees. */
const DEFERRED = Symbol('medoffice.x12.deferred');
interface Hidden {
  readonly [DEFERRED]: { readonly tx: Deferred; readonly person: number };
}
const hidden = (r: object): Hidden[typeof DEFERRED] => (r as Hidden)[DEFERRED];

/*
 * The deferred fields of a response, as own enumerable accessors (JSON.stringify, spreads,
 * structuredClone and deep-equality checks read them like data). The getters are shared by every
 * response, so responses keep one object shape; each reads its transaction's benefits walk, done
 * once.
 * Defined one by one: Object.defineProperties turns the object into a slow dictionary.
 */
const BENEFITS: PropertyDescriptor = {
  enumerable: true,
  get(this: object): readonly BenefitFact[] {
    const { tx, person } = hidden(this);
    return tx.benefitsOf(person);
  },
};
const WARNINGS: PropertyDescriptor = {
  enumerable: true,
  get(this: object): readonly X12Warning[] {
    return hidden(this).tx.get().warnings;
  },
};

/** Gives a response its deferred benefits (of person `person` of the transaction) and warnings. */
const defer = <T extends object>(
  response: T,
  tx: Deferred,
  person: number,
): T & Pick<EligibilityResponse, 'benefits' | 'warnings'> => {
  Object.defineProperty(response, DEFERRED, { value: { tx, person } });
  Object.defineProperty(response, 'benefits', BENEFITS);
  return Object.defineProperty(response, 'warnings', WARNINGS) as T &
    Pick<EligibilityResponse, 'benefits' | 'warnings'>;
};

/**
 * Turns one walked transaction into responses: one per person, or one for a rejection before any.
 * With `deferred` (a structure walk), the benefits and warnings of each response are read on first
 * access from the transaction's benefits walk, once for all its responses; without, `w` is a full
 * walk and they are assigned.
 */
const responsesOf = (
  w: Walker,
  t: Pick<TransactionRead<unknown>, 'controlNumber'>,
  transactionIndex: number,
  version: EligibilityResponse['version'],
  deferred?: Deferred,
): EligibilityResponse[] => {
  const upper =
    w.sourceRejections.length + w.receiverRejections.length === 0
      ? NO_ITEMS
      : [...w.sourceRejections, ...w.receiverRejections];
  const people = peopleOf(w);
  /** The benefits and warnings: deferred (read271) or read already (the plain reader). */
  const finish = <T extends object>(base: T, member: number, benefits: readonly BenefitFact[]) =>
    deferred ? defer(base, deferred, member) : Object.assign(base, { benefits, warnings: w.warnings });
  // Literals with every key in one order (no spreads): one object shape for every response.
  if (people.length === 0)
    return [
      finish(
        {
          source: 'x12',
          version,
          controlNumber: t.controlNumber,
          transactionIndex,
          payer: w.payer,
          provider: w.provider,
          status: eligibilityStatusOf(upper, NO_ITEMS),
          rejections: upper,
        } as const,
        -1,
        NO_ITEMS,
      ),
    ];
  return people.map((n) => {
    const parentRejections = n.parent?.rejections ?? NO_ITEMS;
    const rejections =
      upper.length + parentRejections.length + n.rejections.length === 0
        ? NO_ITEMS
        : [...upper, ...parentRejections, ...n.rejections];
    // The status from the EB01 codes seen (the facts of a deferred walk are not built yet).
    const response: Mutable<EligibilityResponse> = finish(
      {
        source: 'x12',
        version,
        controlNumber: t.controlNumber,
        transactionIndex,
        payer: w.payer,
        provider: w.provider,
        member: n.member,
        status: eligibilityStatusOf(rejections, n.active ? ACTIVE : n.inactive ? INACTIVE : NO_ITEMS),
        rejections,
      } as const,
      // The benefits walk meets the same members in the same order (see Deferred.benefitsOf).
      w.members.indexOf(n),
      n.benefits,
    );
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
 * Reads a 271 interchange with the given tokenizer: envelope, then each 271 transaction walked
 * fully as its segments arrive (other transactions skipped with a warning). The plain reader.
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

/**
 * Reads a 271 interchange in two steps: a structure walk now (envelope, HL tree, names, member
 * segments, rejections, EB01 codes for the status), and for each transaction a benefits walk from
 * its first EB to SE the first time a benefit list or warning list of one of its responses is
 * read. Both walks cut segments with the offset cursor. Each transaction becomes its responses at
 * its SE, so no walker outlives its transaction. The results equal read271With's: the two walks
 * are the same walker over the same segments, each reading its part (see {@link WalkMode}), and
 * the property test holds them to it.
 *
 * @param text - the interchange text (anything)
 * @param options - the payer's percent convention
 * @returns what read271 returns
 * @example
 * const r = read271Lazily(text, {});
 * if (r._tag === 'Right') r.right.responses[0]?.benefits; // walked here, once per transaction
 */
export const read271Lazily = (text: unknown, options: Read271Options): Either<X12Error, Read271Result> => {
  const warnings: X12Warning[] = [];
  const body = interchangeText(text, warnings);
  if (body._tag === 'Left') return body;
  const header = readIsa(body.right, warnings);
  if (header._tag === 'Left') return header;
  const { delimiters: d, isa, end } = header.right;
  const source = body.right;
  const responses: EligibilityResponse[] = [];
  /** ST indexes of the transactions that are not 271s, warned after the envelope's own warnings. */
  const skipped: number[] = [];
  const lastParties: LastParties = {};
  const lists: ServiceTypeLists = new Map();
  let index = 0;
  interface Open {
    readonly walker: Walker;
    first?: FirstEb;
    readonly transactionIndex: number;
    readonly groupVersion: string;
    readonly controlNumber: string;
    readonly implementation: string;
  }
  const structure: TransactionHandler<SegmentCursor, Open, undefined> = {
    begin: (st, type, groupVersion) => {
      const transactionIndex = index++;
      if (type !== '271') {
        skipped.push(st.index);
        return undefined;
      }
      const walker = new Walker(d, options, 'structure', lastParties);
      return { walker, transactionIndex, groupVersion, controlNumber: st.el(2), implementation: st.el(3) };
    },
    segment: (o, s) => {
      const w = o.walker;
      if (o.first === undefined && s.id === 'EB')
        o.first = {
          offset: s.offset,
          index: s.index,
          letter: w.letter,
          inLs: w.inLs,
          // The node is the member read last, when there is one.
          member: w.node ? w.members.length - 1 : -1,
        };
      w.segment(s);
    },
    end: (o) => {
      if (!o) return undefined;
      const w = o.walker;
      w.closeBenefit();
      const deferred = new Deferred(
        source,
        d,
        options,
        lists,
        o.first,
        w.warnings.length === 0 ? NO_ITEMS : w.warnings,
      );
      for (const r of responsesOf(w, o, o.transactionIndex, versionOf(o, o.groupVersion), deferred))
        responses.push(r);
      return undefined;
    },
  };
  const c = new SegmentCursor(source, end, d, 0, SHORT_CODES);
  const read = readEnvelope(() => c.next(), isa, structure, warnings);
  if (read._tag === 'Left') return read;
  for (const at of skipped)
    warnings.push(
      x12Warning('x12.unexpected-transaction', 'a transaction that is not a 271 was skipped', at),
    );
  if (responses.length === 0) return err(x12Error('x12.empty', 'the interchange holds no 271 transaction'));
  return ok({ interchangeControlNumber: (isa[13] ?? '').trim(), responses, warnings });
};
