// A model-based test of someone else's referral service against medoffice's referral state
// machine: fast-check runs random command sequences on both and checks that they accept and refuse
// the same events and end in the same status. Run it: `npx tsx examples/testing/referralModelTest.ts`.
import fc from 'fast-check';
import { formatInstant, instantToMs, zone, isoInstant } from '../../src/core/index.js';
import { parseReferralEvent, transitionReferral, type Referral } from '../../src/referrals/index.js';
import { draftReferralArbitrary } from '../../src/testing/index.js';

// #region service
/** The service under test: a small referral tracker written without medoffice. */
export class ReferralTracker {
  status = 'draft';
  private booked = 0;
  private finalNote = false;
  constructor(private readonly closeNeedsFinalNote = true) {}

  /** Applies an event by name; false when the tracker refuses it. */
  apply(event: string, detail: { readonly kind?: string } = {}): boolean {
    const s = this.status;
    const to = (next: string): boolean => ((this.status = next), true);
    switch (event) {
      case 'submit':
        return s === 'draft' && to('submitted');
      case 'request-authorization':
        return s === 'submitted' && to('pending-authorization');
      case 'authorization-approved':
        return s === 'pending-authorization' && to('authorized');
      case 'authorization-denied':
        return s === 'pending-authorization' && to('denied');
      case 'schedule': // a single consult: one visit granted, one appointment at a time
        return s === 'authorized' && (this.booked++, to('scheduled'));
      case 'visit-kept':
        return s === 'scheduled' && (this.booked--, to(this.booked > 0 ? 'scheduled' : 'completed'));
      case 'consult-note-received':
        if (s !== 'scheduled' && s !== 'completed') return false;
        if (detail.kind === 'final') this.finalNote = true;
        return true;
      case 'close':
        return s === 'completed' && (this.finalNote || !this.closeNeedsFinalNote) && to('closed');
      case 'cancel': // once the final note is in, the loop is closed: nothing to cancel
        return !['closed', 'cancelled'].includes(s) && !this.finalNote && to('cancelled');
      default:
        return false;
    }
  }
}
// #endregion service

// #region model
interface Real {
  referral: Referral; // medoffice's referral: the reference model
  readonly tracker: ReferralTracker; // the system under test
  atMs: number;
  serial: number;
}
const ZONE = zone('America/Chicago');
const DAY = 86_400_000;

/** One command: the same event sent to medoffice and to the tracker; both must agree. */
class EventCommand implements fc.Command<object, Real> {
  constructor(
    readonly type: string,
    readonly kind?: 'interim' | 'final',
  ) {}
  check = (): boolean => true;
  run(_model: object, real: Real): void {
    real.atMs += 6 * 3_600_000;
    real.serial += 1;
    const at = formatInstant(real.atMs, ZONE);
    const booked = real.referral.appointments.find((a) => a.status === 'booked');
    const period = {
      start: at.slice(0, 10),
      end: formatInstant(real.atMs + 120 * DAY, ZONE).slice(0, 10),
      zone: ZONE,
    };
    const payload: Record<string, unknown> =
      {
        'request-authorization': {
          request: {
            id: `auth-${real.serial}`,
            payer: 'payer-aetna',
            requestType: 'initial',
            items: [{ procedure: '99204', requestedUnits: 1 }],
          },
        },
        'authorization-approved': {
          decision: { decision: 'approved', certificationNumber: 'CERT-1', approvedUnits: 1, period },
        },
        'authorization-denied': {
          decision: { decision: 'denied', denialReason: { text: 'not medically necessary' } },
        },
        schedule: { appointment: `apt-${real.serial}`, start: formatInstant(real.atMs + 2 * DAY, ZONE) },
        'visit-kept': { appointment: booked?.appointment ?? 'apt-none' },
        'consult-note-received': { document: `doc-${real.serial}`, kind: this.kind ?? 'interim' },
        cancel: { reason: 'patient request' },
      }[this.type] ?? {};
    const event = parseReferralEvent({ type: this.type, actor: 'u-test', ...payload });
    if (event._tag === 'Left') throw new Error(event.left.message);
    const ours = transitionReferral(real.referral, event.right, at);
    const theirs = real.tracker.apply(this.type, this.kind ? { kind: this.kind } : {});
    if (ours._tag === 'Right') real.referral = ours.right;
    const oursAccepted = ours._tag === 'Right';
    if (oursAccepted !== theirs)
      throw new Error(
        `${this.type}: medoffice ${oursAccepted ? 'accepted' : `refused (${ours._tag === 'Left' ? ours.left.code : ''})`}, the tracker ${theirs ? 'accepted' : 'refused'}`,
      );
    if (real.tracker.status !== real.referral.status)
      throw new Error(
        `${this.type}: medoffice is in ${real.referral.status}, the tracker in ${real.tracker.status}`,
      );
  }
  toString = (): string => (this.kind ? `${this.type}(${this.kind})` : this.type);
}

// The forward events three times as often as the ones that end a referral early (denial,
// cancellation), so that runs get as far as closing the loop.
const forward = [
  'submit',
  'request-authorization',
  'authorization-approved',
  'schedule',
  'visit-kept',
  'close',
];
const commands = [
  ...[...forward, ...forward, ...forward, 'authorization-denied', 'cancel'].map((t) =>
    fc.constant(new EventCommand(t)),
  ),
  ...[1, 2, 3].map(() =>
    fc
      .constantFrom('interim' as const, 'final' as const)
      .map((k) => new EventCommand('consult-note-received', k)),
  ),
];

/** Runs the model-based test against a tracker; returns the failure message, if any. */
export const checkTracker = (makeTracker: () => ReferralTracker, numRuns = 200): string | undefined => {
  const result = fc.check(
    fc.property(
      draftReferralArbitrary,
      fc.commands(commands, { maxCommands: 40, size: 'large' }),
      (draft, cmds) => {
        // Authorization is required so that scheduling waits for an approval, as in the tracker.
        const referral = { ...draft, authorizationRequired: true as const, attachments: [] };
        const real: Real = {
          referral,
          tracker: makeTracker(),
          atMs: instantToMs(isoInstant(draft.createdAt)),
          serial: 0,
        };
        fc.modelRun(() => ({ model: {}, real }), cmds);
      },
    ),
    { numRuns, seed: 42 },
  );
  return result.failed
    ? `${String(result.errorInstance)}\ncommands: ${String(result.counterexample?.[1])}`
    : undefined;
};
// #endregion model

if (process.argv[1]?.endsWith('referralModelTest.ts')) {
  console.log(
    'correct tracker:',
    checkTracker(() => new ReferralTracker()) ?? 'agrees with medoffice on every run',
  );
  console.log(
    'tracker that closes without the final note:',
    checkTracker(() => new ReferralTracker(false)) ?? 'no difference found',
  );
}
