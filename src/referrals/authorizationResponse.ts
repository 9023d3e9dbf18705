/**
 * From a payer's 278-style decision to the referral's next status and authorization record
 * (reference/referrals.md §3.1 and §6.1): A1/A2/A6 authorize, A3 denies, A4/CT pend, C cancels,
 * NA waives authorization.
 */
import { err, type Either } from '../core/result.js';
import type { IsoInstant } from '../core/calendar.js';
import { referralRuleError, type ReferralError } from './errors.js';
import {
  X12_278_ACTION_CODES,
  type Authorization,
  type AuthorizationDecisionRecord,
  type AuthorizationItem,
  type AuthorizationResponse,
  type Referral,
  type ReferralEvent,
} from './model.js';
import { transitionReferral } from './transitions.js';

const itemsOf = (auth: Authorization, response: AuthorizationResponse): readonly AuthorizationItem[] =>
  auth.items.map((item) => {
    const answer = response.items?.find((i) => i.procedure === item.procedure);
    const code = answer?.actionCode ?? response.actionCode;
    const granted =
      answer?.approvedUnits ?? (code === 'A1' ? item.requestedUnits : code === 'A3' ? 0 : undefined);
    return {
      ...item,
      decision: X12_278_ACTION_CODES[code],
      actionCode: code,
      ...(granted === undefined ? {} : { approvedUnits: granted }),
    };
  });

const decisionOf = (auth: Authorization, response: AuthorizationResponse): AuthorizationDecisionRecord => {
  const code = response.actionCode;
  // A1 certifies everything requested; A2 and A6 must say what they grant (PAS addItem / HSD).
  const approvedUnits = response.approvedUnits ?? (code === 'A1' ? auth.requestedUnits : undefined);
  const reason = {
    ...(response.reasonCode === undefined ? {} : { code: response.reasonCode }),
    ...(response.carc === undefined ? {} : { carc: response.carc }),
    ...(response.reasonText === undefined ? {} : { text: response.reasonText }),
  };
  return {
    decision: X12_278_ACTION_CODES[code],
    actionCode: code,
    items: itemsOf(auth, response),
    ...(response.certificationNumber === undefined
      ? {}
      : { certificationNumber: response.certificationNumber }),
    ...(response.administrationReference === undefined
      ? {}
      : { administrationReference: response.administrationReference }),
    ...(approvedUnits === undefined ? {} : { approvedUnits }),
    ...(response.period === undefined ? {} : { period: response.period }),
    ...(response.noShowsUseVisits === undefined ? {} : { noShowsUseVisits: response.noShowsUseVisits }),
    ...(Object.keys(reason).length === 0 ? {} : { denialReason: reason }),
  };
};

const eventOf = (referral: Referral, response: AuthorizationResponse): ReferralEvent => {
  const { actor } = response;
  const auth = referral.authorizations[referral.authorizations.length - 1];
  switch (response.actionCode) {
    case 'NA':
      return { type: 'authorization-not-required', actor, source: 'payer' };
    case 'C':
      return { type: 'cancel', actor, reason: 'payer confirmed the cancellation (HCR01 C)', byPayer: true };
    default: {
      const decision = auth
        ? decisionOf(auth, response)
        : { decision: X12_278_ACTION_CODES[response.actionCode] };
      const type =
        response.actionCode === 'A3'
          ? 'authorization-denied'
          : response.actionCode === 'A4' || response.actionCode === 'CT'
            ? 'authorization-pended'
            : 'authorization-approved';
      return { type, actor, decision };
    }
  }
};

/**
 * Applies a payer's decision to a referral. The HCR01 code decides the event: A1 (certified in
 * total: all requested units granted), A2 (partial: `approvedUnits` required) and A6 (modified:
 * `approvedUnits` required) authorize; A3 denies, keeping HCR03 / CARC / text as the denial reason;
 * A4 (pended) and CT (contact payer) keep the referral pending with the administration reference;
 * C cancels the referral and marks the request C; NA waives authorization (referral authorized,
 * request marked not required). The decision is written on the request it answers, which must be
 * the latest one; per-item answers (PAS `item.adjudication` reviewAction) go on the matching items.
 * The change goes through {@link transitionReferral}, so the table and guards apply and the history
 * records it at `at`: like every event, a payer's answer takes its time as an argument.
 *
 * NA is accepted wherever the payer can answer (a submitted referral, a pending or pended
 * request) and holds for the referral: scheduling then needs no authorization.
 *
 * @param referral - the referral whose request was answered
 * @param response - the payer's decision
 * @param at - when the answer was received (ISO instant with offset)
 * @returns `Right(Referral)`; `Left` `referral.decision-mismatch` (the response answers an older
 *   request), `referral.decision-incomplete` (A1/A2/A6 without period, or A2/A6 without units),
 *   `referral.no-units-approved` (0 units approved), `referral.invalid-period` (the period ends
 *   before it starts), `referral.certification-number-required` (an approval without HCR02),
 *   `referral.no-open-request`, or `referral.invalid-event` when the status does not expect it
 * @example
 * applyAuthorizationResponse(referral, {
 *   actionCode: 'A2', certificationNumber: 'AUTH-77812', approvedUnits: 6,
 *   period: { start: isoDate('2024-01-02'), end: isoDate('2024-03-31'), zone: zone('America/New_York') },
 *   actor: actorId('payer-gateway'),
 * }, isoInstant('2024-01-02T10:00:00-05:00')); // Right(referral with status 'authorized')
 */
export const applyAuthorizationResponse = (
  referral: Referral,
  response: AuthorizationResponse,
  at: IsoInstant,
): Either<ReferralError, Referral> => {
  const latest = referral.authorizations[referral.authorizations.length - 1];
  if (response.authorization !== undefined && response.authorization !== latest?.id)
    return err(
      referralRuleError(
        'referral.decision-mismatch',
        'the response answers an authorization request that is not the latest one',
      ),
    );
  return transitionReferral(referral, eventOf(referral, response), at);
};
