/**
 * Posting a remittance (billing reference §7): per line, what the payer paid, what the provider
 * writes off, what the patient owes (by kind), what is denied and what is neither; per claim,
 * reversals and corrections, crossovers and where the patient's share goes next; per transaction,
 * PLB interest, recoupments and forwarding balances. Amounts are the payer's, never recomputed.
 */
import { err, ok, type Either } from '../core/result.js';
import type { Cents } from '../core/money.js';
import { checkBalance } from './balance.js';
import { denialNextStep, type DenialNextStep } from './denials.js';
import { billingError, type BillingError } from './errors.js';
import type {
  Adjustment,
  Claim,
  ProviderAdjustment,
  Remittance,
  RemittanceClaim,
  RemittanceLine,
} from './model.js';

/**
 * The outcome of a posted line (the guide's posting policy):
 * - `paid`: the payer paid something;
 * - `patient-responsibility`: nothing paid, PR amounts;
 * - `bundled`: nothing paid, no PR, CO/PI only for bundling reasons (CARC 97, 234, 236);
 * - `denied`: nothing paid, no PR, any other CO/PI reason;
 * - `adjusted`: nothing paid, OA only (such as the prior payer's share on a secondary remit);
 * - `reversal`: a line of a CLP02 22 reversal (amounts negated);
 * - `not-posted`: CLP02 23 (not our claim) or 25 (predetermination).
 *
 * @example
 * const o: LineOutcome = 'bundled';
 */
export type LineOutcome =
  'paid' | 'patient-responsibility' | 'bundled' | 'denied' | 'adjusted' | 'reversal' | 'not-posted';

/**
 * The patient's share by kind: CARC 1 deductible, 2 coinsurance, 3 copay, 49/50/96/204 non-covered,
 * any other PR reason `other`; `total` is their sum.
 *
 * @example
 * const s: PatientShare = { deductible: cents(0), coinsurance: cents(2000), copay: cents(0), nonCovered: cents(0), other: cents(0), total: cents(2000) };
 */
export interface PatientShare {
  readonly deductible: Cents;
  readonly coinsurance: Cents;
  readonly copay: Cents;
  readonly nonCovered: Cents;
  readonly other: Cents;
  readonly total: Cents;
}

/**
 * Money of one posting entry. Conservation: `charge = paid + contractual + denied +
 * patient.total + other` whenever the remittance balances.
 *
 * @example
 * const m: PostedAmounts | undefined = posting.claims[0]?.totals;
 */
export interface PostedAmounts {
  /** Billed amount (SVC02, or CLP03 for a claim without lines). */
  readonly charge: Cents;
  /** Payer payment (SVC03 / CLP04). */
  readonly paid: Cents;
  /** CO + PI written off (not on denied lines). */
  readonly contractual: Cents;
  /** CO + PI on denied lines: reported apart, worked rather than written off. */
  readonly denied: Cents;
  /** PR, by kind. */
  readonly patient: PatientShare;
  /** OA: neither the provider's nor the patient's (4010 CR counts here too). */
  readonly other: Cents;
}

/**
 * One posted line (or the whole claim, when the payer sent no lines).
 *
 * @example
 * const l: LinePosting | undefined = posting.claims[0]?.lines[0];
 */
export interface LinePosting {
  /** Position in the remittance claim's `lines`; absent when the claim had no lines. */
  readonly line?: number;
  /** Position of the billed line in the matched claim, when one was found. */
  readonly claimLine?: number;
  readonly amounts: PostedAmounts;
  readonly outcome: LineOutcome;
  /** The CARCs on the line, in file order. */
  readonly reasons: readonly string[];
  /** For a denied line: what to do next. */
  readonly nextStep?: DenialNextStep;
  readonly segmentIndex: number;
}

/**
 * What happens to the claim's patient share: billed to the patient, carried to the next payer on a
 * secondary claim, or already crossed over by the payer (do not send a secondary claim).
 *
 * @example
 * const t: PatientShareTo = 'next-payer';
 */
export type PatientShareTo = 'patient' | 'next-payer' | 'crossed-over';

/**
 * One posted claim.
 *
 * @example
 * const c: ClaimPosting['kind'] = 'correction';
 */
export interface ClaimPosting {
  /** Position in `remittance.claims`. */
  readonly claim: number;
  /** CLP01 as sent. */
  readonly claimId: string;
  /** The practice's claim matched, when one was. */
  readonly matched?: string;
  /** CLP02. */
  readonly status: string;
  /** `reversal` (CLP02 22), `correction` (after a reversal of the same payer claim, or frequency 7), `void` (frequency 8), `original`, or `not-posted` (CLP02 23/25). */
  readonly kind: 'original' | 'reversal' | 'correction' | 'void' | 'not-posted';
  readonly lines: readonly LinePosting[];
  /** Claim-level CAS of a claim with lines (not tied to a line). */
  readonly claimAdjustments: Omit<PostedAmounts, 'charge' | 'paid'>;
  /** The claim's totals: lines plus claim-level adjustments, with CLP03 and CLP04. */
  readonly totals: PostedAmounts;
  readonly patientShareTo: PatientShareTo;
  /** NM1*TT carrier when crossed over. */
  readonly crossoverPayer?: string;
}

/**
 * One posted PLB entry: `interest` (L6), `recoupment` (WO, with the reopened claim when its payer
 * claim number is known), `forwarding-balance` (FB), `returned-refund` (72) or `other`.
 *
 * @example
 * const p: ProviderAdjustmentPosting = { reason: 'L6', kind: 'interest', amount: cents(-127), segmentIndex: 40 };
 */
export interface ProviderAdjustmentPosting {
  readonly reason: string;
  readonly kind: 'interest' | 'recoupment' | 'forwarding-balance' | 'returned-refund' | 'other';
  /** Signed as in the 835: positive reduces the payment. */
  readonly amount: Cents;
  readonly reference?: string;
  /** The practice claim a recoupment reopens (matched on its payer claim number). */
  readonly reopens?: string;
  readonly segmentIndex: number;
}

/**
 * A denial to work: which claim and line, the denying reasons, remarks and the next step.
 *
 * @example
 * const d: DenialWork = { claim: 0, claimId: 'CLM-1', reasons: ['197'], remarks: [], amount: cents(12000), nextStep: 'appeal' };
 */
export interface DenialWork {
  readonly claim: number;
  readonly line?: number;
  readonly claimId: string;
  readonly reasons: readonly string[];
  readonly remarks: readonly string[];
  readonly amount: Cents;
  readonly nextStep: DenialNextStep;
}

/**
 * The posting of one remittance. `key` (payer, trace number, originator) lets a caller refuse to
 * post the same 835 twice. `totals.netPayment` = Σ paid − Σ PLB, equal to BPR02 when balanced.
 *
 * @example
 * const r = postRemittance(remittance, claims);
 * if (r._tag === 'Right') r.right.denials.map((d) => d.nextStep);
 */
export interface RemittancePosting {
  readonly key: string;
  readonly claims: readonly ClaimPosting[];
  readonly providerAdjustments: readonly ProviderAdjustmentPosting[];
  readonly denials: readonly DenialWork[];
  /** Positions of remittance claims that matched no practice claim. */
  readonly unmatched: readonly number[];
  readonly totals: PostedAmounts & { readonly providerAdjustments: Cents; readonly netPayment: Cents };
}

/** CARCs that mean "paid as part of another service" (billing reference §6). */
const BUNDLING: ReadonlySet<string> = new Set(['97', '234', '236']);
const NON_COVERED: ReadonlySet<string> = new Set(['49', '50', '96', '204']);
const REVERSAL = '22';
const NOT_POSTED: ReadonlySet<string> = new Set(['23', '25']);
const CROSSOVER: ReadonlySet<string> = new Set(['19', '20', '21']);
/** SBR01 payer responsibility codes in order (billing reference §2.3). */
const PAYER_ORDER = 'PSTABCDEFGH';
/** CLP01 echoes only the first 20 characters of CLM01 for sure (billing reference §1.5). */
const ECHOED_ID_LENGTH = 20;

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The patient share of an entry without PR adjustments, and the claim-level adjustments of a claim
 * without claim-level CAS: most entries of a large remittance. Shared and frozen rather than built
 * for each (the postings are read-only; a deep comparison sees the same values).
 */
const NO_PATIENT_SHARE: PatientShare = /* @__PURE__ */ Object.freeze({
  deductible: 0 as Cents,
  coinsurance: 0 as Cents,
  copay: 0 as Cents,
  nonCovered: 0 as Cents,
  other: 0 as Cents,
  total: 0 as Cents,
});
const NO_CLAIM_ADJUSTMENTS: ClaimPosting['claimAdjustments'] = /* @__PURE__ */ Object.freeze({
  contractual: 0 as Cents,
  denied: 0 as Cents,
  patient: NO_PATIENT_SHARE,
  other: 0 as Cents,
});
const NO_REASONS: readonly string[] = /* @__PURE__ */ Object.freeze([]);

/**
 * Running sums of one entry, claim or transaction, in the order of {@link PostedAmounts}: one
 * object per claim (and per transaction) that the entries of the claim add to, instead of one per
 * entry (the reference builds one for each and adds them up).
 */
class Sums {
  contractual = 0;
  denied = 0;
  deductible = 0;
  coinsurance = 0;
  copay = 0;
  nonCovered = 0;
  prOther = 0;
  other = 0;

  add(b: Sums): void {
    this.contractual += b.contractual;
    this.denied += b.denied;
    this.deductible += b.deductible;
    this.coinsurance += b.coinsurance;
    this.copay += b.copay;
    this.nonCovered += b.nonCovered;
    this.prOther += b.prOther;
    this.other += b.other;
  }

  clear(): void {
    this.contractual = this.denied = this.deductible = this.coinsurance = 0;
    this.copay = this.nonCovered = this.prOther = this.other = 0;
  }

  /** Σ PR: the patient's share of the adjustments added. */
  patientTotal(): number {
    return this.deductible + this.coinsurance + this.copay + this.nonCovered + this.prOther;
  }

  /** Σ CAS: every adjustment added lands in exactly one sum. */
  adjustmentTotal(): number {
    return this.contractual + this.denied + this.patientTotal() + this.other;
  }

  /** Adds adjustments; CO/PI go to `denied` when the entry is a denial. */
  accumulate(list: readonly Adjustment[], denied: boolean): void {
    for (const a of list) {
      const g = a.group;
      if (g === 'CO' || g === 'PI') {
        if (denied) this.denied += a.amount;
        else this.contractual += a.amount;
      } else if (g === 'PR') {
        const r = a.reason;
        if (r === '1') this.deductible += a.amount;
        else if (r === '2') this.coinsurance += a.amount;
        else if (r === '3') this.copay += a.amount;
        else if (NON_COVERED.has(r)) this.nonCovered += a.amount;
        else this.prOther += a.amount;
      } else this.other += a.amount;
    }
  }

  share(): PatientShare {
    const total = this.patientTotal();
    // Any non-zero part makes its own share (parts may cancel out to a zero total).
    if (
      this.deductible === 0 &&
      this.coinsurance === 0 &&
      this.copay === 0 &&
      this.nonCovered === 0 &&
      this.prOther === 0
    )
      return NO_PATIENT_SHARE;
    return {
      deductible: this.deductible as Cents,
      coinsurance: this.coinsurance as Cents,
      copay: this.copay as Cents,
      nonCovered: this.nonCovered as Cents,
      other: this.prOther as Cents,
      total: total as Cents,
    };
  }

  amounts(charge: number, paid: number): PostedAmounts {
    return {
      charge: charge as Cents,
      paid: paid as Cents,
      contractual: this.contractual as Cents,
      denied: this.denied as Cents,
      patient: this.share(),
      other: this.other as Cents,
    };
  }
}

/** The outcome of an entry that is neither a reversal nor unposted. */
const outcomeOf = (paid: number, list: readonly Adjustment[]): LineOutcome => {
  if (paid !== 0) return 'paid';
  let pr = false;
  let writeOff = false;
  let bundlingOnly = true;
  for (const a of list) {
    if (a.group === 'PR' && a.amount !== 0) pr = true;
    else if (a.group === 'CO' || a.group === 'PI') {
      writeOff = true;
      if (!BUNDLING.has(a.reason)) bundlingOnly = false;
    }
  }
  if (pr) return 'patient-responsibility';
  if (!writeOff) return list.length === 0 ? 'paid' : 'adjusted';
  return bundlingOnly ? 'bundled' : 'denied';
};

const denyingReasons = (list: readonly Adjustment[]): { reason: string; amount: number }[] =>
  list.filter((a) => (a.group === 'CO' || a.group === 'PI') && !BUNDLING.has(a.reason));

const sameModifiers = (a: readonly string[], b: readonly string[]): boolean => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

/**
 * The billed line an SVC answers: REF*6R first, then procedure (SVC06 when present) with modifiers
 * and charge, then procedure and charge (payers drop modifiers), then procedure alone.
 */
const matchLine = (l: RemittanceLine, claim: Claim): number | undefined => {
  const lines = claim.lines;
  const control = l.lineControlNumber;
  if (control !== undefined)
    for (let i = 0; i < lines.length; i++) if (lines[i]?.controlNumber === control) return i;
  const p = l.billedProcedure ?? l.procedure;
  const code = p.code;
  const charge = l.charge;
  for (let i = 0; i < lines.length; i++) {
    const c = lines[i];
    if (
      c &&
      c.procedure.code === code &&
      sameModifiers(p.modifiers, c.procedure.modifiers) &&
      c.charge === charge
    )
      return i;
  }
  for (let i = 0; i < lines.length; i++) {
    const c = lines[i];
    if (c && c.procedure.code === code && c.charge === charge) return i;
  }
  for (let i = 0; i < lines.length; i++) if (lines[i]?.procedure.code === code) return i;
  return undefined;
};

const echoed = (id: string): string => (id.length <= ECHOED_ID_LENGTH ? id : id.slice(0, ECHOED_ID_LENGTH));

/**
 * Claims by their echoed id (first 20 characters), for CLP01 matching: the claim itself, or the
 * claims in order when several share the id (a list only for those).
 */
const indexClaims = (claims: readonly Claim[]): Map<string, Claim | Claim[]> => {
  const byId = new Map<string, Claim | Claim[]>();
  for (const c of claims) {
    const k = echoed(c.id);
    const found = byId.get(k);
    if (found === undefined) byId.set(k, c);
    else if (Array.isArray(found)) found.push(c);
    else byId.set(k, [found, c]);
  }
  return byId;
};

const findClaim = (byId: Map<string, Claim | Claim[]>, c: RemittanceClaim): Claim | undefined => {
  const found = byId.get(echoed(c.claimId));
  if (found === undefined || !Array.isArray(found)) return found;
  const charge = Math.abs(c.charge);
  for (const k of found) if (k.totalCharge === charge) return k;
  return found[0];
};

const patientShareTo = (c: RemittanceClaim, claim: Claim | undefined): PatientShareTo => {
  if (CROSSOVER.has(c.status) || c.crossoverPayer !== undefined) return 'crossed-over';
  if (!claim?.otherPayers) return 'patient';
  const own = PAYER_ORDER.indexOf(claim.payerResponsibility);
  return claim.otherPayers.some((p) => PAYER_ORDER.indexOf(p.responsibility) > own)
    ? 'next-payer'
    : 'patient';
};

const PLB_KINDS: Readonly<Record<string, ProviderAdjustmentPosting['kind']>> = {
  L6: 'interest',
  WO: 'recoupment',
  FB: 'forwarding-balance',
  '72': 'returned-refund',
};

const postPlb = (p: ProviderAdjustment, byPayerNumber: Map<string, string>): ProviderAdjustmentPosting => {
  const kind = (Object.hasOwn(PLB_KINDS, p.reason) ? PLB_KINDS[p.reason] : undefined) ?? 'other';
  const reopens =
    kind === 'recoupment' && p.reference !== undefined ? byPayerNumber.get(p.reference) : undefined;
  return {
    reason: p.reason,
    kind,
    amount: p.amount,
    ...(p.reference !== undefined ? { reference: p.reference } : {}),
    ...(reopens !== undefined ? { reopens } : {}),
    segmentIndex: p.segmentIndex,
  };
};

/** An entry to post: a service line, or a claim the payer sent without lines. */
interface Entry {
  readonly charge: number;
  readonly paid: number;
  readonly adjustments: readonly Adjustment[];
  readonly remarks: readonly string[];
  readonly segmentIndex: number;
}

/** How many distinct reason lists one posting shares at most (see {@link ReasonLists}). */
const SHARED_REASON_LISTS = 64;
/** Reason lists longer than this are built for their line alone. */
const SHARED_REASON_LIST_LENGTH = 4;

/**
 * The CARCs of each entry, in file order. A remittance repeats a few reason lists on most of its
 * lines (CO 45; CO 45 and PR 2), so each distinct short list is built once per posting, frozen and
 * shared by the lines that have it, as the empty list is. At most {@link SHARED_REASON_LISTS} lists
 * are kept (by their first reason); past that, or for long lists, a line gets a list of its own.
 */
class ReasonLists {
  private readonly byFirst = new Map<string, (readonly string[])[]>();
  private count = 0;

  of(list: readonly Adjustment[]): readonly string[] {
    const n = list.length;
    if (n === 0) return NO_REASONS;
    if (n > SHARED_REASON_LIST_LENGTH) return reasonsOf(list);
    const first = (list[0] as Adjustment).reason;
    let candidates = this.byFirst.get(first);
    if (candidates !== undefined) for (const known of candidates) if (sameReasons(known, list)) return known;
    if (this.count >= SHARED_REASON_LISTS) return reasonsOf(list);
    const made = Object.freeze(reasonsOf(list));
    if (candidates === undefined) this.byFirst.set(first, (candidates = []));
    candidates.push(made);
    this.count++;
    return made;
  }
}

/** The CARCs of an entry, in file order, in a list of their own. */
const reasonsOf = (list: readonly Adjustment[]): string[] => {
  const out = new Array<string>(list.length);
  for (let i = 0; i < list.length; i++) out[i] = (list[i] as Adjustment).reason;
  return out;
};

const sameReasons = (known: readonly string[], list: readonly Adjustment[]): boolean => {
  if (known.length !== list.length) return false;
  for (let i = 0; i < known.length; i++) if (known[i] !== (list[i] as Adjustment).reason) return false;
  return true;
};

/**
 * Posts the claims of one remittance: the work of {@link postRemittance}, one pass over the claims
 * and their lines with running sums (see {@link Sums}). The same pass checks the line, claim and
 * patient-responsibility identities of {@link checkBalance} on those sums (Σ CAS is the sum of the
 * buckets), so the remittance is read once: `balanced` turns false when one fails, and the caller
 * then asks `checkBalance` for the report. (Σ SVC02 = CLP03 is not checked here: it alone never
 * holds a remittance.)
 */
class ClaimPoster {
  readonly postings: ClaimPosting[];
  readonly denials: DenialWork[] = [];
  readonly unmatched: number[] = [];
  readonly total = new Sums();
  totalCharge = 0;
  totalPaid = 0;
  /** No line, claim or patient-responsibility identity has failed so far. */
  balanced = true;
  private readonly reversed = new Set<string>();
  private readonly reasons = new ReasonLists();
  private readonly entry = new Sums();
  private readonly claimSums = new Sums();
  private readonly claimLevel = new Sums();

  constructor(
    private readonly byId: Map<string, Claim | Claim[]>,
    claims: number,
  ) {
    this.postings = new Array<ClaimPosting>(claims);
  }

  /** Posts one entry into the claim's sums and returns its posting. */
  private post(
    c: RemittanceClaim,
    ci: number,
    e: Entry,
    line: number | undefined,
    claimLine: number | undefined,
    fixed: LineOutcome | undefined,
  ): LinePosting {
    const outcome = fixed ?? outcomeOf(e.paid, e.adjustments);
    const sums = this.entry;
    sums.clear();
    sums.accumulate(e.adjustments, outcome === 'denied');
    this.claimSums.add(sums);
    // The line identity (SVC02 − Σ line CAS = SVC03); a claim without lines has only the claim's.
    if (line !== undefined && e.charge - sums.adjustmentTotal() !== e.paid) this.balanced = false;
    const amounts = sums.amounts(e.charge, e.paid);
    const reasons = this.reasons.of(e.adjustments);
    const segmentIndex = e.segmentIndex;
    const posting: Writable<LinePosting> =
      line === undefined
        ? { amounts, outcome, reasons, segmentIndex }
        : claimLine === undefined
          ? { line, amounts, outcome, reasons, segmentIndex }
          : { line, claimLine, amounts, outcome, reasons, segmentIndex };
    if (outcome === 'denied') {
      const denying = denyingReasons(e.adjustments);
      const remarks = e.remarks.length > 0 ? e.remarks : c.remarks;
      const nextStep = denialNextStep(denying, remarks);
      this.denials.push({
        claim: ci,
        ...(line !== undefined ? { line } : {}),
        claimId: c.claimId,
        reasons: denying.map((d) => d.reason),
        remarks,
        amount: sums.denied as Cents,
        nextStep,
      });
      posting.nextStep = nextStep;
    }
    return posting;
  }

  claim(c: RemittanceClaim, ci: number): void {
    const claim = findClaim(this.byId, c);
    if (!claim) this.unmatched.push(ci);
    const pcn = c.payerClaimNumber;
    const kind: ClaimPosting['kind'] =
      c.status === REVERSAL
        ? 'reversal'
        : NOT_POSTED.has(c.status)
          ? 'not-posted'
          : (pcn !== undefined && this.reversed.has(pcn)) || c.frequency === '7'
            ? 'correction'
            : c.frequency === '8'
              ? 'void'
              : 'original';
    if (kind === 'reversal' && pcn !== undefined) this.reversed.add(pcn);
    const fixed: LineOutcome | undefined =
      kind === 'reversal' ? 'reversal' : kind === 'not-posted' ? 'not-posted' : undefined;
    const sums = this.claimSums;
    sums.clear();
    const remitLines = c.lines;
    let lines: LinePosting[];
    let claimAdjustments = NO_CLAIM_ADJUSTMENTS;
    if (remitLines.length === 0) lines = [this.post(c, ci, c, undefined, undefined, fixed)];
    else {
      let allDenied = true;
      lines = new Array<LinePosting>(remitLines.length);
      for (let li = 0; li < remitLines.length; li++) {
        const l = remitLines[li] as RemittanceLine;
        const posted = this.post(c, ci, l, li, claim ? matchLine(l, claim) : undefined, fixed);
        if (posted.outcome !== 'denied') allDenied = false;
        lines[li] = posted;
      }
      if (c.adjustments.length > 0) {
        // Claim-level CAS of a claim whose every line is denied belongs to the denial, not the contract.
        const level = this.claimLevel;
        level.clear();
        level.accumulate(c.adjustments, allDenied || c.status === '4');
        sums.add(level);
        claimAdjustments = {
          contractual: level.contractual as Cents,
          denied: level.denied as Cents,
          patient: level.share(),
          other: level.other as Cents,
        };
      }
    }
    // CLP03 − Σ claim CAS − Σ line CAS = CLP04 (claim), CLP05 = Σ PR (patient-responsibility).
    if (
      c.charge - sums.adjustmentTotal() !== c.paid ||
      sums.patientTotal() !== (c.patientResponsibility ?? 0)
    )
      this.balanced = false;
    this.total.add(sums);
    this.totalCharge += c.charge;
    this.totalPaid += c.paid;
    const posting: Writable<ClaimPosting> = {
      claim: ci,
      claimId: c.claimId,
      status: c.status,
      kind,
      lines,
      claimAdjustments,
      totals: sums.amounts(c.charge, c.paid),
      patientShareTo: patientShareTo(c, claim),
    };
    if (claim) posting.matched = claim.id;
    if (c.crossoverPayer !== undefined) posting.crossoverPayer = c.crossoverPayer;
    this.postings[ci] = posting;
  }
}

/**
 * The practice claim each payer claim number names, for PLB recoupments: the claims' own numbers
 * (a later claim wins), then the numbers the remittance gives its matched claims (the first wins).
 */
const payerNumbers = (
  claims: readonly Claim[],
  remittance: Remittance,
  postings: readonly ClaimPosting[],
): Map<string, string> => {
  const byPayerNumber = new Map<string, string>();
  for (const c of claims) if (c.payerClaimNumber !== undefined) byPayerNumber.set(c.payerClaimNumber, c.id);
  remittance.claims.forEach((c, ci) => {
    const matched = postings[ci]?.matched;
    if (c.payerClaimNumber !== undefined && matched !== undefined && !byPayerNumber.has(c.payerClaimNumber))
      byPayerNumber.set(c.payerClaimNumber, matched);
  });
  return byPayerNumber;
};

/**
 * Posts a balanced remittance against the practice's claims (billing reference §7). For each CLP
 * (matched on CLP01, the first 20 characters of the claim id, then the charge) and each SVC
 * (matched on REF*6R, then the billed procedure with modifiers and charge, then without
 * modifiers): the payer's payment, contractual write-off (CO + PI), patient responsibility split
 * into deductible / coinsurance / copay / non-covered / other, OA apart, and the outcome (see
 * {@link LineOutcome}); denied amounts are kept apart from write-offs and each denial gets a next
 * step. A claim without lines posts at claim level. CLP02 22 posts as a reversal (its amounts are
 * already negated) and the claim after it with the same payer claim number as the correction, so
 * reversal + correction nets to the difference. Crossover (CLP02 19-21, NM1*TT) marks the patient
 * share `crossed-over`; a claim with a later payer sends it to `next-payer`. PLB entries post
 * after the claims: interest, recoupments (reopening the claim whose payer claim number they name),
 * forwarding balances. The inputs are not changed.
 *
 * @param remittance - one 835 transaction, as read by `read835`
 * @param claims - the practice's claims the remittance may answer (may be empty: nothing matched)
 * @returns `Right(RemittancePosting)`; `Left` `billing.unbalanced` when `checkBalance` says to hold
 *   the remittance for review (a line, claim, patient responsibility or transaction identity fails)
 * @example
 * const r = postRemittance(remittance, [claim]);
 * if (r._tag === 'Right') r.right.claims[0]?.lines[0]?.outcome; // 'paid'
 */
export const postRemittance = (
  remittance: Remittance,
  claims: readonly Claim[],
): Either<BillingError, RemittancePosting> => {
  const remitClaims = remittance.claims;
  const poster = new ClaimPoster(indexClaims(claims), remitClaims.length);
  for (let ci = 0; ci < remitClaims.length; ci++) poster.claim(remitClaims[ci] as RemittanceClaim, ci);
  const plbs = remittance.providerAdjustments;
  let plb = 0;
  for (const p of plbs) plb += p.amount;
  // Σ CLP04 − Σ PLB = BPR02 (transaction). When an identity that holds a remittance fails,
  // checkBalance names every failure for the error.
  if (!poster.balanced || poster.totalPaid - plb !== remittance.payment.amount) {
    const report = checkBalance(remittance);
    if (report.hold)
      return err(
        billingError(
          'billing.unbalanced',
          `the remittance fails ${report.imbalances
            .filter((i) => i.hold)
            .map((i) => i.rule)
            .filter((r, i, all) => all.indexOf(r) === i)
            .join(', ')} balancing: hold it for review (see checkBalance)`,
          { segmentIndex: remittance.source.segmentIndex },
        ),
      );
  }
  const { postings, denials, unmatched, total, totalCharge, totalPaid } = poster;
  const byPayerNumber =
    plbs.length > 0 ? payerNumbers(claims, remittance, postings) : new Map<string, string>();
  const providerAdjustments = plbs.map((p) => postPlb(p, byPayerNumber));
  return ok({
    key: [
      remittance.payer.id ?? remittance.payer.name,
      remittance.trace?.number ?? '',
      remittance.trace?.originator ?? '',
    ].join('|'),
    claims: postings,
    providerAdjustments,
    denials,
    unmatched,
    totals: {
      ...total.amounts(totalCharge, totalPaid),
      providerAdjustments: plb as Cents,
      netPayment: (totalPaid - plb) as Cents,
    },
  });
};
