// Shared builders for the referral tests: a draft MRI + orthopedic referral parsed through the
// library's own schema, and small helpers for instants and events.
import { isOk, type ActorId, type IsoInstant } from '../../src/core/index.js';
import {
  parseAuthorizationResponse,
  parseReferral,
  parseReferralEvent,
  transitionReferral,
  type AuthorizationResponse,
  type Referral,
  type ReferralEvent,
} from '../../src/referrals/index.js';

export const ACTOR = 'u-maria' as ActorId;
export const at = (s: string): IsoInstant => s as IsoInstant;

export const DRAFT_INPUT = {
  id: 'ref-1',
  patient: 'pat-001',
  referring: { provider: 'dr-okafor', npi: '1467586115', specialty: 'family-medicine' },
  receiving: { provider: 'dr-lindqvist', npi: '1003000126', specialty: 'orthopedics' },
  reason: 'Right knee pain and locking after a twisting injury',
  diagnoses: ['S83241A'],
  procedures: ['73721', '99204'],
  priority: 'routine',
  payer: 'payer-aetna',
  authorizationRequired: true,
  attachments: [{ kind: 'clinical-notes', required: true, document: 'doc-101' }],
  createdAt: '2026-11-02T09:00:00-05:00',
  status: 'draft',
  authorizations: [],
  appointments: [],
  notes: [],
  history: [],
};

export const referral = (overrides: Record<string, unknown> = {}): Referral => {
  const parsed = parseReferral({ ...DRAFT_INPUT, ...overrides });
  if (!isOk(parsed)) throw new Error(parsed.left.message);
  return parsed.right;
};

export const response = (input: Record<string, unknown>): AuthorizationResponse => {
  const parsed = parseAuthorizationResponse({ actor: 'payer-gateway', ...input });
  if (!isOk(parsed)) throw new Error(parsed.left.message);
  return parsed.right;
};

export const REQUEST = {
  id: 'auth-1',
  payer: 'payer-aetna',
  requestType: 'initial',
  items: [
    { procedure: '73721', requestedUnits: 1 },
    { procedure: '99204', requestedUnits: 1 },
  ],
} as const;

/** A parsed event (with the default actor unless given). */
export const ev = (input: Record<string, unknown>): ReferralEvent => {
  const parsed = parseReferralEvent({ actor: ACTOR, ...input });
  if (!isOk(parsed)) throw new Error(parsed.left.message);
  return parsed.right;
};

/** Applies events in order, failing loudly on the first refusal. */
export const run = (
  start: Referral,
  steps: readonly (readonly [string, Record<string, unknown>])[],
): Referral =>
  steps.reduce((r, [t, e]) => {
    const next = transitionReferral(r, ev(e), at(t));
    if (!isOk(next)) throw new Error(`${String(e['type'])} at ${t} refused: ${next.left.message}`);
    return next.right;
  }, start);

/** Submitted 2026-11-03 09:00 EST and sent to the payer (REQUEST) at 09:05: pending. */
export const pendingAuthorization = (start: Referral = referral()): Referral =>
  run(start, [
    ['2026-11-03T09:00:00-05:00', { type: 'submit' }],
    ['2026-11-03T09:05:00-05:00', { type: 'request-authorization', request: REQUEST }],
  ]);
