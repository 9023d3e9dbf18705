/**
 * Document routing: rules as data, first match wins, and the answer says which rule matched
 * (records reference §6).
 */
import type { DomainError } from '../core/errors.js';
import { err, ok, type Either } from '../core/result.js';
import type { DocumentType, MedicalDocument } from './model.js';

/** Where a rule sends a document. */
export type RoutingTarget =
  | { readonly kind: 'ordering-provider' }
  | { readonly kind: 'referral' }
  | { readonly kind: 'queue'; readonly queue: string };

/** A routing rule: conditions (all must hold) and a target. */
export interface DocumentRoutingRule {
  /** Stable rule id, reported with the route. */
  readonly id: string;
  /** Document types this rule takes (any when omitted). */
  readonly types?: readonly DocumentType[];
  /** Channels this rule takes (any when omitted). */
  readonly channels?: readonly MedicalDocument['source']['channel'][];
  /** Require (true) or forbid (false) a matched patient. */
  readonly hasPatient?: boolean;
  /** Where the document goes. */
  readonly target: RoutingTarget;
}

/** Where a document went and why. */
export interface DocumentRoute {
  /** The rule that matched. */
  readonly ruleId: string;
  /** The resolved destination. */
  readonly destination:
    | { readonly kind: 'provider'; readonly providerId: string }
    | { readonly kind: 'referral'; readonly referralId: string }
    | { readonly kind: 'queue'; readonly queue: string };
}

/** Why a document could not be routed. */
export interface RoutingError extends DomainError<
  'routing.no-rule' | 'routing.missing-ordering-provider' | 'routing.missing-referral'
> {
  /** The rule that matched but could not be resolved, if any. */
  readonly ruleId?: string;
}

/**
 * Default front-desk rules: unmatched documents to the indexing queue; lab results to the ordering
 * provider; consult notes to their referral (closing the loop); insurance cards and ID documents to
 * registration; everything else to medical records.
 */
export const DEFAULT_DOCUMENT_ROUTING_RULES: readonly DocumentRoutingRule[] = [
  { id: 'unmatched-to-indexing', hasPatient: false, target: { kind: 'queue', queue: 'indexing' } },
  { id: 'lab-to-ordering-provider', types: ['lab-result'], target: { kind: 'ordering-provider' } },
  { id: 'consult-to-referral', types: ['consult-note'], target: { kind: 'referral' } },
  {
    id: 'cards-to-registration',
    types: ['insurance-card', 'identity-document'],
    target: { kind: 'queue', queue: 'registration' },
  },
  { id: 'rest-to-medical-records', target: { kind: 'queue', queue: 'medical-records' } },
];

const applies = (rule: DocumentRoutingRule, doc: MedicalDocument): boolean =>
  (rule.types === undefined || rule.types.includes(doc.type)) &&
  (rule.channels === undefined || rule.channels.includes(doc.source.channel)) &&
  (rule.hasPatient === undefined || rule.hasPatient === (doc.patientId !== undefined));

/**
 * Routes a received document with the first rule whose conditions all hold. A rule targeting the
 * ordering provider or the referral resolves it from the document; when the document lacks it,
 * the result is an error naming the rule (route such documents to a queue with an earlier rule).
 *
 * @param document - the received document
 * @param rules - rules in priority order (e.g. {@link DEFAULT_DOCUMENT_ROUTING_RULES})
 * @returns `Right({ ruleId, destination })`; `Left` `routing.no-rule`,
 *   `routing.missing-ordering-provider` or `routing.missing-referral`
 * @example
 * routeDocument(labFax, DEFAULT_DOCUMENT_ROUTING_RULES);
 * // Right({ ruleId: 'lab-to-ordering-provider', destination: { kind: 'provider', providerId: 'prov-okafor' } })
 */
export const routeDocument = (
  document: MedicalDocument,
  rules: readonly DocumentRoutingRule[],
): Either<RoutingError, DocumentRoute> => {
  const rule = rules.find((r) => applies(r, document));
  if (rule === undefined)
    return err({ code: 'routing.no-rule', message: 'no routing rule applies to this document' });
  const t = rule.target;
  if (t.kind === 'queue') return ok({ ruleId: rule.id, destination: { kind: 'queue', queue: t.queue } });
  if (t.kind === 'ordering-provider')
    return document.orderingProviderId === undefined
      ? err({
          code: 'routing.missing-ordering-provider',
          ruleId: rule.id,
          message: 'document has no orderingProviderId',
        })
      : ok({ ruleId: rule.id, destination: { kind: 'provider', providerId: document.orderingProviderId } });
  return document.referralId === undefined
    ? err({ code: 'routing.missing-referral', ruleId: rule.id, message: 'document has no referralId' })
    : ok({ ruleId: rule.id, destination: { kind: 'referral', referralId: document.referralId } });
};
