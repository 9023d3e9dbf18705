import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DOCUMENT_ROUTING_RULES,
  parseDocument,
  routeDocument,
  type MedicalDocument,
} from '../../src/records/index.js';

const doc = (over: Record<string, unknown>): MedicalDocument => {
  const r = parseDocument({
    id: 'doc-1',
    type: 'lab-result',
    receivedAt: '2026-11-23T08:05:00-05:00',
    source: { channel: 'fax', sender: 'Quest' },
    pages: 2,
    patientId: 'pat-001',
    ...over,
  });
  if (r._tag === 'Left') throw new Error(r.left.message);
  return r.right;
};
const route = (d: MedicalDocument) => routeDocument(d, DEFAULT_DOCUMENT_ROUTING_RULES);

describe('routeDocument', () => {
  it('lab result to the ordering provider', () => {
    expect(route(doc({ orderingProviderId: 'prov-okafor' }))).toEqual({
      _tag: 'Right',
      right: {
        ruleId: 'lab-to-ordering-provider',
        destination: { kind: 'provider', providerId: 'prov-okafor' },
      },
    });
  });
  it('consult note to its referral', () => {
    const r = route(doc({ type: 'consult-note', referralId: 'ref-77' }));
    expect(r._tag === 'Right' && r.right).toEqual({
      ruleId: 'consult-to-referral',
      destination: { kind: 'referral', referralId: 'ref-77' },
    });
  });
  it('insurance card to registration; unmatched first to indexing; the rest to medical records', () => {
    expect(route(doc({ type: 'insurance-card' }))).toMatchObject({
      right: { destination: { queue: 'registration' } },
    });
    expect(route(doc({ patientId: undefined, orderingProviderId: 'p' }))).toMatchObject({
      right: { ruleId: 'unmatched-to-indexing' },
    });
    expect(route(doc({ type: 'discharge-summary' }))).toMatchObject({
      right: { destination: { queue: 'medical-records' } },
    });
  });
  it('reports the rule that could not be resolved, or no rule', () => {
    expect(route(doc({}))).toMatchObject({
      left: { code: 'routing.missing-ordering-provider', ruleId: 'lab-to-ordering-provider' },
    });
    expect(route(doc({ type: 'consult-note' }))).toMatchObject({
      left: { code: 'routing.missing-referral' },
    });
    expect(
      routeDocument(doc({}), [{ id: 'scans', channels: ['scan'], target: { kind: 'queue', queue: 'x' } }]),
    ).toMatchObject({
      left: { code: 'routing.no-rule' },
    });
  });
});
