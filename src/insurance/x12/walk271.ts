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
import { readEnvelope, type TransactionHandler, type TransactionHeader } from './envelope.js';
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
/** Entity (NM101), id (NM108, REF01), date format (DTP02) and contact (PER) qualifiers of a 271, and ST01. */
// prettier-ignore
const LOOP_QUALIFIERS = [
  'PR', '1P', 'IL', '03', 'P3', 'PI', 'XX', 'MI', 'SV', 'FI', '24', '34', '46', 'II', 'D8', 'RD8',
  'ZZ', 'IC', 'TE', 'UR', 'FX', 'EM', '6P', '1L', '18', 'IG', '0F', '271',
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

/** Most dates an interchange holds, and the longest value (an RD8 range), kept in one read's date cache. */
const DATE_CACHE_ENTRIES = 1024;
const DATE_CACHE_KEY_LENGTH = 17;

/**
 * Dates already read in one read271 call, by the DTP03 or DMG02 value as sent: the plan dates of
 * a batch are mostly the same in every transaction, and each would otherwise build its own
 * strings. Only values that read as dates are kept.
 */
export type DateRanges = Map<string, { readonly start: string; readonly end: string }>;

/** What the walks of one read271 call share: EB03 lists and dates already read. */
export interface ReadCaches {
  readonly lists: ServiceTypeLists;
  readonly dates: DateRanges;
}

/** Repetition or component separators of other common conventions (insurance reference §2.1, T4). */
const FOREIGN_SEPARATORS = ['>', ':', '^'] as const;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type WritableEntity = Mutable<RelatedEntity> & { contacts: string[] };

interface MemberNode {
  level: 'subscriber' | 'dependent';
  letter: 'C' | 'D';
  parent: MemberNode | undefined;
  member: Mutable<EligibilityMember> & {
    references: readonly EligibilityReference[];
    dates: readonly EligibilityDate[];
    traceNumbers: readonly TraceNumber[];
  };
  rejections: readonly EligibilityRejection[];
  /** The facts, in order (left empty when the walker only reads the structure). */
  benefits: readonly BenefitFact[];
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
 * A list with one more item: the shared empty list is replaced by a list of its own (most
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

/** A new member of a response (the `member` a node of the HL tree fills). */
const newMember = (level: 'subscriber' | 'dependent'): MemberNode['member'] => ({
  level,
  demographicsCorrected: false,
  references: NO_ITEMS,
  dates: NO_ITEMS,
  traceNumbers: NO_ITEMS,
});

/** A new member of the HL tree (2000C subscriber or 2000D dependent). */
const memberNode = (level: 'subscriber' | 'dependent', parent: MemberNode | undefined): MemberNode => ({
  level,
  letter: level === 'subscriber' ? 'C' : 'D',
  parent,
  member: newMember(level),
  rejections: NO_ITEMS,
  benefits: NO_ITEMS,
  benefitCount: 0,
  active: false,
  inactive: false,
});

/** A node of a transaction that has ended made the next transaction's, as {@link memberNode} would. */
const renewed = (
  node: MemberNode,
  level: 'subscriber' | 'dependent',
  parent: MemberNode | undefined,
): MemberNode => {
  node.level = level;
  node.letter = level === 'subscriber' ? 'C' : 'D';
  node.parent = parent;
  node.member = newMember(level);
  node.rejections = NO_ITEMS;
  node.benefits = NO_ITEMS;
  node.benefitCount = 0;
  node.active = false;
  node.inactive = false;
  return node;
};

/** The payer and provider read last in an interchange, shared by the next transactions that name the same. */
interface LastParties {
  payer?: KnownParty;
  provider?: KnownParty;
}

/** A party and the NM1 elements it was read from (NM103, NM104, NM109, NM108, trimmed). */
interface KnownParty {
  readonly party: EligibilityParty;
  readonly last: string;
  readonly first: string;
  readonly id: string;
  readonly idQualifier: string;
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

/** The payer or provider of a transaction that names none: one object, shared and frozen. */
const NO_PARTY: EligibilityParty = /* @__PURE__ */ Object.freeze({});

/**
 * State while walking one transaction (see {@link WalkMode}); a structure walker serves every
 * transaction of a read, {@link Walker.reset} between them.
 */
export class Walker {
  warnings: X12Warning[] = [];
  sourceRejections: readonly EligibilityRejection[] = NO_ITEMS;
  receiverRejections: readonly EligibilityRejection[] = NO_ITEMS;
  /**
   * The members of the transaction: the first `memberCount` entries. A structure walker keeps the
   * nodes of the transactions before and renews them (a node is only read before its
   * transaction's end: the responses keep the `member` objects, which are new for each).
   */
  readonly members: MemberNode[] = [];
  memberCount = 0;
  payer: EligibilityParty = NO_PARTY;
  provider: EligibilityParty = NO_PARTY;
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
    private readonly caches?: ReadCaches,
  ) {}

  /**
   * Makes the walker ready for the next transaction, as a new one would be. A list that holds
   * anything is replaced, not emptied: the transaction's responses may keep it (the warnings),
   * and setting an array's length is a slow runtime call.
   */
  reset(): void {
    if (this.warnings.length > 0) this.warnings = [];
    this.sourceRejections = NO_ITEMS;
    this.receiverRejections = NO_ITEMS;
    this.memberCount = 0;
    this.payer = NO_PARTY;
    this.provider = NO_PARTY;
    this.letter = 'A';
    this.named = false;
    this.node = undefined;
    this.subscriber = undefined;
    this.inBenefit = false;
    this.benefit = undefined;
    this.entity = undefined;
    this.inLs = false;
  }

  /** Whether warnings about segments outside the benefit loops are this walk's to give. */
  get structureWarnings(): boolean {
    return this.mode !== 'benefits';
  }

  /** Starts a benefits walk where a structure walk met its first EB. */
  resume(first: FirstEb): void {
    this.letter = first.letter;
    this.inLs = first.inLs;
    if (first.member >= 0) {
      this.node = this.addMember('subscriber', undefined);
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
    const node = this.node;
    if (b && node) node.benefits = added(node.benefits, b);
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
    const node = this.addMember(
      code === '22' ? 'subscriber' : 'dependent',
      code === '23' ? this.subscriber : undefined,
    );
    if (code === '22') this.subscriber = node;
    this.node = node;
  }

  /** The next member of the transaction: a renewed node when a transaction before left one. */
  private addMember(level: 'subscriber' | 'dependent', parent: MemberNode | undefined): MemberNode {
    const left = this.members[this.memberCount];
    let node: MemberNode;
    if (left === undefined) {
      node = memberNode(level, parent);
      this.members.push(node);
    } else node = renewed(left, level, parent);
    this.memberCount++;
    return node;
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
    if (this.letter === 'A') this.sourceRejections = added(this.sourceRejections, r);
    else if (this.letter === 'B') this.receiverRejections = added(this.receiverRejections, r);
    else if (this.node) this.node.rejections = added(this.node.rejections, r);
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
      const payer = this.letter === 'A';
      const last = this.lastParties?.[payer ? 'payer' : 'provider'];
      // The payer and provider of a batch are mostly the same in every transaction: a party
      // read before from the same elements is shared (results are read-only) instead of kept
      // once per transaction, and its elements are compared where they stand, not sliced.
      let party: EligibilityParty;
      if (
        last !== undefined &&
        s.elIs(3, last.last) &&
        s.elIs(4, last.first) &&
        s.elIs(9, last.id) &&
        s.elIs(8, last.idQualifier)
      )
        party = last.party;
      else {
        const lastName = val(s, 3);
        const firstName = val(s, 4);
        const id = val(s, 9);
        const idQualifier = val(s, 8);
        const p: Mutable<EligibilityParty> = {};
        put(p, 'name', fullName(lastName, firstName));
        put(p, 'id', id);
        put(p, 'idQualifier', idQualifier);
        party = p;
        if (this.lastParties)
          this.lastParties[payer ? 'payer' : 'provider'] = {
            party,
            last: lastName,
            first: firstName,
            id,
            idQualifier,
          };
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
    const range = this.dateRange(val(s, 2), val(s, 3));
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

  /**
   * {@link x12DateRange}, through the read's date cache. Its answer depends on the value alone
   * except for an RD8 value without a dash (never a date), which is not looked up.
   */
  dateRange(format: string, value: string): { readonly start: string; readonly end: string } | undefined {
    const dates = this.caches?.dates;
    if (dates === undefined || (format === 'RD8' && !value.includes('-'))) return x12DateRange(format, value);
    const cached = dates.get(value);
    if (cached !== undefined) return cached;
    const range = x12DateRange(format, value);
    if (range !== undefined && value.length <= DATE_CACHE_KEY_LENGTH) {
      if (dates.size >= DATE_CACHE_ENTRIES) dates.clear();
      dates.set(value, range);
    }
    return range;
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
      const birth = val(s, 2);
      const range = birth === '' ? undefined : this.dateRange('D8', birth);
      if (range) m.birthDate = range.start;
      else if (birth !== '')
        this.warnings.push(
          x12Warning('x12.bad-value', 'DMG02 is not a D8 date (CCYYMMDD, a real calendar day)', s.index),
        );
      const gender = val(s, 3);
      if (gender !== '') m.gender = gender;
    } else if (s.id === 'INS') {
      const relationship = val(s, 2);
      if (relationship !== '') m.relationship = relationship;
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
    const cached = this.caches?.lists.get(raw);
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
      const lists = this.caches?.lists;
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

const versionOf = (implementation: string, groupVersion: string): EligibilityResponse['version'] => {
  const v = implementation || groupVersion;
  return v.startsWith('005010') ? '5010' : v.startsWith('004010') ? '4010' : 'unknown';
};

/** Whether `n` is the parent of another member (a subscriber with dependents). */
const hasDependents = (w: Walker, n: MemberNode): boolean => {
  for (let j = 0; j < w.memberCount; j++) if (w.members[j]?.parent === n) return true;
  return false;
};

/**
 * Whether a member gets a response: dependents, and subscribers with facts or rejections of their
 * own or no dependents (a subscriber with dependents and nothing of its own is only their
 * policyholder; HL04 is not trusted: IG examples send 0 and a dependent loop anyway).
 */
const isPerson = (w: Walker, n: MemberNode): boolean =>
  n.level === 'dependent' || n.benefitCount > 0 || n.rejections.length > 0 || !hasDependents(w, n);

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

/** What the deferred transactions of one read share. */
interface DeferredRead {
  readonly text: string;
  readonly d: X12Delimiters;
  readonly options: Read271Options;
  readonly caches: ReadCaches;
}

/**
 * A transaction read by a structure walk: its warnings, where its first EB is (the state a
 * benefits walk starts from), and the benefits walk from there to SE, done on first use.
 */
class Deferred implements FirstEb {
  private details: Details | undefined;
  constructor(
    private readonly read: DeferredRead,
    private readonly structureWarnings: readonly X12Warning[],
    /** The first EB's offset, -1 when the transaction has none. */
    readonly offset: number,
    readonly index: number,
    readonly letter: string,
    readonly inLs: boolean,
    readonly member: number,
  ) {}

  get(): Details {
    if (this.details) return this.details;
    if (this.offset < 0) {
      this.details = { members: [], base: 0, warnings: this.structureWarnings };
      return this.details;
    }
    const { text, d, options, caches } = this.read;
    const w = new Walker(d, options, 'benefits', undefined, caches);
    w.resume(this);
    const c = new SegmentCursor(text, this.offset, d, this.index - 1, SHORT_CODES);
    for (let s = c.next(); s !== undefined; s = c.next()) {
      w.segment(s);
      if (s.id === 'SE') break;
    }
    w.closeBenefit();
    this.details = {
      members: w.members,
      base: Math.max(this.member, 0),
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

/** A base class whose constructor returns the object it is given (see {@link DeferredLink}). */
class Given {
  constructor(o: object) {
    return o;
  }
}

/**
 * Where a deferred response keeps its transaction and person: two private fields, which no
 * enumeration, spread, structuredClone or deep-equality check sees. Constructed over a response
 * (through {@link Given}), it adds them to that object with two plain stores: a hidden key
 * defined with Object.defineProperty cost a descriptor, a holder object and a slow runtime call
 * per response.
 */
class DeferredLink extends Given {
  readonly #tx: Deferred;
  readonly #person: number;
  constructor(response: object, tx: Deferred, person: number) {
    super(response);
    this.#tx = tx;
    this.#person = person;
  }

  static benefits(response: object): readonly BenefitFact[] {
    return #tx in response ? response.#tx.benefitsOf(response.#person) : NO_ITEMS;
  }

  static warnings(response: object): readonly X12Warning[] {
    return #tx in response ? response.#tx.get().warnings : NO_ITEMS;
  }
}

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
    return DeferredLink.benefits(this);
  },
};
const WARNINGS: PropertyDescriptor = {
  enumerable: true,
  get(this: object): readonly X12Warning[] {
    return DeferredLink.warnings(this);
  },
};

/** Gives a response its deferred benefits (of person `person` of the transaction) and warnings. */
const defer = <T extends object>(
  response: T,
  tx: Deferred,
  person: number,
): T & Pick<EligibilityResponse, 'benefits' | 'warnings'> => {
  new DeferredLink(response, tx, person);
  Object.defineProperty(response, 'benefits', BENEFITS);
  return Object.defineProperty(response, 'warnings', WARNINGS) as T &
    Pick<EligibilityResponse, 'benefits' | 'warnings'>;
};

/** The benefits and warnings of a response: deferred (read271) or read already (the plain reader). */
const finish = <T extends object>(
  w: Walker,
  base: T,
  deferred: Deferred | undefined,
  member: number,
  benefits: readonly BenefitFact[],
): T & Pick<EligibilityResponse, 'benefits' | 'warnings'> =>
  deferred ? defer(base, deferred, member) : Object.assign(base, { benefits, warnings: w.warnings });

/**
 * Turns one walked transaction into responses, added to `out`: one per person, or one for a
 * rejection before any. With `deferred` (a structure walk), the benefits and warnings of each
 * response are read on first access from the transaction's benefits walk, once for all its
 * responses; without, `w` is a full walk and they are assigned.
 */
const responsesOf = (
  w: Walker,
  controlNumber: string,
  transactionIndex: number,
  version: EligibilityResponse['version'],
  deferred: Deferred | undefined,
  out: EligibilityResponse[],
): void => {
  const upper =
    w.sourceRejections.length + w.receiverRejections.length === 0
      ? NO_ITEMS
      : [...w.sourceRejections, ...w.receiverRejections];
  const before = out.length;
  // Literals with every key in one order (no spreads): one object shape for every response.
  for (let j = 0; j < w.memberCount; j++) {
    const n = w.members[j] as MemberNode;
    if (!isPerson(w, n)) continue;
    const parentRejections = n.parent?.rejections ?? NO_ITEMS;
    const rejections =
      upper.length + parentRejections.length + n.rejections.length === 0
        ? NO_ITEMS
        : [...upper, ...parentRejections, ...n.rejections];
    // The status from the EB01 codes seen (the facts of a deferred walk are not built yet).
    const response: Mutable<EligibilityResponse> = finish(
      w,
      {
        source: 'x12',
        version,
        controlNumber,
        transactionIndex,
        payer: w.payer,
        provider: w.provider,
        member: n.member,
        status: eligibilityStatusOf(rejections, n.active ? ACTIVE : n.inactive ? INACTIVE : NO_ITEMS),
        rejections,
      } as const,
      deferred,
      // The benefits walk meets the same members in the same order (see Deferred.benefitsOf).
      j,
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
    out.push(response);
  }
  if (out.length === before)
    out.push(
      finish(
        w,
        {
          source: 'x12',
          version,
          controlNumber,
          transactionIndex,
          payer: w.payer,
          provider: w.provider,
          status: eligibilityStatusOf(upper, NO_ITEMS),
          rejections: upper,
        } as const,
        deferred,
        -1,
        NO_ITEMS,
      ),
    );
};

/** A tokenizer: from the text after ISA, a function giving the next segment (undefined at the end). */
export type Tokenizer = (text: string, from: number, d: X12Delimiters) => () => SegmentView | undefined;

const walking = (
  d: X12Delimiters,
  options: Read271Options,
): TransactionHandler<SegmentView, Walker, Walker | undefined> => ({
  begin: (_st, header) => (header.type === '271' ? new Walker(d, options) : undefined),
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
      responsesOf(t.body, t.controlNumber, i, versionOf(t.implementation, g.version), undefined, responses);
    }
  if (index === 0 || responses.length === 0)
    return err(x12Error('x12.empty', 'the interchange holds no 271 transaction'));
  return ok({ interchangeControlNumber: (isa[13] ?? '').trim(), responses, warnings });
};

/**
 * The structure walk of read271 as an envelope handler: one walker for every transaction of the
 * read (reset at each ST), each transaction turned into its responses at its SE, so nothing is
 * kept per transaction but its responses and what their deferred benefits walk needs.
 */
class StructureRead implements TransactionHandler<SegmentCursor, StructureRead, undefined> {
  readonly keep = false;
  readonly responses: EligibilityResponse[] = [];
  /** ST indexes of the transactions that are not 271s, warned after the envelope's own warnings. */
  readonly skipped: number[] = [];
  private readonly walker: Walker;
  private transactionIndex = -1;
  private header: TransactionHeader | undefined;
  private groupVersion = '';
  /** The first EB of the transaction: offset (-1 before it), index, and the walk's state there. */
  private ebOffset = -1;
  private ebIndex = 0;
  private ebLetter = '';
  private ebInLs = false;
  private ebMember = -1;

  constructor(
    private readonly read: DeferredRead,
    lastParties: LastParties,
  ) {
    this.walker = new Walker(read.d, read.options, 'structure', lastParties, read.caches);
  }

  begin(_st: SegmentCursor, header: TransactionHeader, groupVersion: string): StructureRead | undefined {
    this.transactionIndex++;
    if (header.type !== '271') {
      this.skipped.push(header.stIndex);
      return undefined;
    }
    this.walker.reset();
    this.header = header;
    this.groupVersion = groupVersion;
    this.ebOffset = -1;
    return this;
  }

  segment(_self: StructureRead, s: SegmentCursor): void {
    const w = this.walker;
    if (this.ebOffset < 0 && s.id === 'EB') {
      this.ebOffset = s.offset;
      this.ebIndex = s.index;
      this.ebLetter = w.letter;
      this.ebInLs = w.inLs;
      // The node is the member read last, when there is one.
      this.ebMember = w.node ? w.memberCount - 1 : -1;
    }
    w.segment(s);
  }

  end(self: StructureRead | undefined): undefined {
    const header = this.header;
    if (self === undefined || header === undefined) return undefined;
    const w = this.walker;
    w.closeBenefit();
    const deferred = new Deferred(
      this.read,
      w.warnings.length === 0 ? NO_ITEMS : w.warnings,
      this.ebOffset,
      this.ebIndex,
      this.ebLetter,
      this.ebInLs,
      this.ebMember,
    );
    responsesOf(
      w,
      header.controlNumber,
      this.transactionIndex,
      versionOf(header.implementation, this.groupVersion),
      deferred,
      this.responses,
    );
    this.header = undefined;
    return undefined;
  }
}

/**
 * Reads a 271 interchange in two steps: a structure walk now (envelope, HL tree, names, member
 * segments, rejections, EB01 codes for the status), and for each transaction a benefits walk from
 * its first EB to SE the first time a benefit list or warning list of one of its responses is
 * read. Both walks cut segments with the offset cursor. Each transaction becomes its responses at
 * its SE, so no walker state outlives its transaction. The results equal read271With's: the two
 * walks are the same walker over the same segments, each reading its part (see {@link WalkMode}),
 * and the property test holds them to it.
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
  const caches: ReadCaches = { lists: new Map(), dates: new Map() };
  const structure = new StructureRead({ text: body.right, d, options, caches }, {});
  const c = new SegmentCursor(body.right, end, d, 0, SHORT_CODES);
  const read = readEnvelope(() => c.next(), isa, structure, warnings);
  if (read._tag === 'Left') return read;
  for (const at of structure.skipped)
    warnings.push(
      x12Warning('x12.unexpected-transaction', 'a transaction that is not a 271 was skipped', at),
    );
  const responses = structure.responses;
  if (responses.length === 0) return err(x12Error('x12.empty', 'the interchange holds no 271 transaction'));
  return ok({ interchangeControlNumber: (isa[13] ?? '').trim(), responses, warnings });
};
