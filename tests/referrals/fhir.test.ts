import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { dataPath } from '../support/testData.js';
import type { ServiceRequest, Task } from 'fhir/r4.js';
import { describe, expect, it } from 'vitest';
import { isErr, isOk } from '../../src/core/index.js';
import {
  REFERRAL_FHIR_PROJECTION,
  REFERRAL_STATUSES,
  REFERRAL_STATUS_SYSTEM,
  fromFhirServiceRequest,
  fromFhirTask,
  toFhirServiceRequest,
  toFhirTask,
  type Referral,
} from '../../src/referrals/index.js';
import { referral } from './fixtures.js';

const EXAMPLES = dataPath('fhir/r4-examples');
const read = <T>(name: string): T => JSON.parse(readFileSync(resolve(EXAMPLES, name), 'utf8')) as T;

// The projection table of reference/referrals.md §6.3, typed in from the document.
const TABLE: Record<string, [string, string]> = {
  draft: ['draft', 'draft'],
  submitted: ['active', 'requested'],
  'pending-authorization': ['active', 'requested'],
  authorized: ['active', 'accepted'],
  denied: ['active', 'rejected'],
  resubmitted: ['active', 'requested'],
  scheduled: ['active', 'accepted'],
  completed: ['active', 'in-progress'],
  closed: ['completed', 'completed'],
  expired: ['active', 'failed'], // §6.3 allows revoked or active; expired can still be renewed
  cancelled: ['revoked', 'cancelled'],
};

describe('FHIR projection', () => {
  it('matches the reference table for every status', () => {
    for (const s of REFERRAL_STATUSES) {
      expect([REFERRAL_FHIR_PROJECTION[s].serviceRequest, REFERRAL_FHIR_PROJECTION[s].task]).toEqual(
        TABLE[s],
      );
    }
  });

  it('every status survives Task and ServiceRequest both ways', () => {
    for (const status of REFERRAL_STATUSES) {
      const r: Referral = { ...referral(), status };
      const task = fromFhirTask(toFhirTask(r));
      expect(isOk(task) && task.right).toEqual({
        referral: 'ref-1',
        status,
        possibleStatuses: [status],
        specialist: REFERRAL_FHIR_PROJECTION[status].task,
        source: 'business-status',
      });
      const order = fromFhirServiceRequest(toFhirServiceRequest(r));
      expect(isOk(order) && order.right.possibleStatuses).toContain(status);
    }
  });

  it('a ServiceRequest carries patient, providers with NPI and specialty, diagnoses, procedures', () => {
    const r = referral({ diagnoses: ['S83241A', 'M25561'] });
    const sr = toFhirServiceRequest(r);
    expect(sr.reasonCode?.map((c) => c.coding?.[0]?.code)).toEqual(['S83.241A', 'M25.561']);
    expect(sr.requester?.identifier).toEqual({
      system: 'http://hl7.org/fhir/sid/us-npi',
      value: '1467586115',
    });
    const back = fromFhirServiceRequest(sr);
    expect(isOk(back) && back.right).toEqual({
      id: 'ref-1',
      patient: 'pat-001',
      referring: { provider: 'dr-okafor', npi: '1467586115', specialty: 'family-medicine' },
      receiving: { provider: 'dr-lindqvist', npi: '1003000126', specialty: 'orthopedics' },
      priority: 'routine',
      reason: 'Right knee pain and locking after a twisting injury',
      diagnoses: ['S83241A', 'M25561'],
      procedures: ['73721', '99204'],
      possibleStatuses: ['draft'],
    });
  });

  it('a Task carries the denial reason, the authorization window and the consult notes', () => {
    const denied: Referral = {
      ...referral(),
      status: 'denied',
      refusal: {
        by: 'payer',
        authorization: 'auth-1' as never,
        reason: { code: '0U', text: 'not specific' },
      },
    };
    expect(toFhirTask(denied).statusReason?.text).toBe('denied by payer (HCR03 0U): not specific');
    const declined: Referral = {
      ...referral(),
      status: 'denied',
      refusal: { by: 'specialist', reason: 'full' },
    };
    expect(toFhirTask(declined).statusReason?.text).toBe('declined by specialist: full');
  });

  it('refuses a businessStatus that contradicts Task.status, and entered-in-error', () => {
    const task = toFhirTask({ ...referral(), status: 'closed' });
    const contradicts = fromFhirTask({ ...task, status: 'requested' });
    expect(isErr(contradicts) && contradicts.left.code).toBe('referral.fhir-unsupported');
    const unknown = fromFhirTask({
      ...task,
      businessStatus: { coding: [{ system: REFERRAL_STATUS_SYSTEM, code: 'lost' }] },
    });
    expect(isErr(unknown)).toBe(true);
    const { businessStatus: _b, ...plain } = task;
    const eie = fromFhirTask({ ...plain, status: 'entered-in-error' });
    expect(isErr(eie) && eie.left.code).toBe('referral.fhir-unsupported');
    const onHold = fromFhirTask({ ...plain, status: 'on-hold' });
    expect(isOk(onHold) && onHold.right.status).toBeUndefined();
  });
});

describe('the specialist’s side and the payer’s side stay apart (reference §6.3 †)', () => {
  const { businessStatus: _b, ...accepted } = toFhirTask({ ...referral(), status: 'authorized' });
  it('a Task accepted by the specialist is not a payer authorization', () => {
    const r = fromFhirTask(accepted);
    if (!isOk(r)) throw new Error(r.left.message);
    expect(r.right.status).toBeUndefined();
    expect(r.right.specialist).toBe('accepted');
    // the payer may still be deciding
    expect(r.right.possibleStatuses).toContain('pending-authorization');
  });

  it('an in-progress Task is a service under way, not a completed referral', () => {
    const r = fromFhirTask({ ...accepted, status: 'in-progress' });
    if (!isOk(r)) throw new Error(r.left.message);
    expect(r.right.status).toBeUndefined();
    expect(r.right.possibleStatuses).toContain('authorized'); // more visits to come
    expect(r.right.possibleStatuses).not.toContain('closed');
  });

  it('a partial approval travels in the inputs and reads back as such', () => {
    const partial = referral({
      status: 'authorized',
      authorizations: [
        {
          id: 'auth-1',
          payer: 'payer-aetna',
          requestType: 'initial',
          requestedAt: '2026-11-24T09:00:00-05:00',
          requestedUnits: 12,
          decision: 'partly-approved',
          actionCode: 'A2',
          certificationNumber: 'AUTH-77812',
          approvedUnits: 6,
          period: { start: '2026-12-01', end: '2027-02-28', zone: 'America/New_York' },
          items: [],
        },
      ],
    });
    const task = toFhirTask(partial);
    expect(task.restriction?.repetitions).toBe(6);
    const back = fromFhirTask(task);
    expect(isOk(back) && back.right.authorization).toEqual({
      decision: 'partly-approved',
      certificationNumber: 'AUTH-77812',
      requestedVisits: 12,
      approvedVisits: 6,
    });
  });

  it('statusReason says why a referral ended: not pursued, or expired with its reason', () => {
    const notPursued: Referral = {
      ...referral(),
      status: 'cancelled',
      ending: { reason: 'not-pursued', text: 'patient declined surgery' },
    };
    expect(toFhirTask(notPursued).statusReason?.text).toBe(
      'not pursued after the denial: patient declined surgery',
    );
    const expired: Referral = { ...referral(), status: 'expired', ending: { reason: 'visits-exhausted' } };
    expect(toFhirTask(expired).statusReason?.text).toBe('visits-exhausted');
  });
});

describe('FHIR R4 official examples (tests/data/fhir/r4-examples)', () => {
  it('reads the myringotomy referral: absolute references, ENT performer type, free-text reason', () => {
    const r = fromFhirServiceRequest(read<ServiceRequest>('ServiceRequest-myringotomy.json'));
    if (!isOk(r)) throw new Error(r.left.message);
    expect(r.right).toMatchObject({
      id: 'myringotomy',
      patient: '77662',
      referring: { provider: '77272' },
      receiving: { provider: '76597', specialty: 'ENT' },
      priority: 'routine',
      diagnoses: [],
      procedures: [], // SNOMED code, not CPT
    });
    expect(r.right.reason).toMatch(/^In the past 2 years/);
    // active: any status from submitted to expired (projection table)
    expect(r.right.possibleStatuses).toEqual([
      'submitted',
      'pending-authorization',
      'authorized',
      'denied',
      'resubmitted',
      'scheduled',
      'completed',
      'expired',
    ]);
  });

  it('reads the ICD-10-CM diagnosis of the physiotherapy request from its contained Condition', () => {
    const r = fromFhirServiceRequest(read<ServiceRequest>('ServiceRequest-physiotherapy.json'));
    expect(isOk(r) && [r.right.diagnoses, r.right.possibleStatuses, r.right.referring]).toEqual([
      ['E840'],
      ['closed'],
      { provider: 'example' },
    ]);
  });

  it('accepts every example with an order intent and refuses the instance-order', () => {
    const files = readdirSync(EXAMPLES).filter((f) => f.startsWith('ServiceRequest-'));
    expect(files).toHaveLength(5);
    const outcome = Object.fromEntries(
      files.map((f) => {
        const r = fromFhirServiceRequest(read<ServiceRequest>(f));
        return [f, isOk(r) ? r.right.possibleStatuses.join('|') : r.left.code];
      }),
    );
    expect(outcome).toMatchObject({
      'ServiceRequest-example.json': 'closed',
      'ServiceRequest-physical-therapy.json': 'closed',
      'ServiceRequest-subrequest.json': 'referral.fhir-unsupported',
    });
  });

  it('reads the example Tasks by Task.status (no library businessStatus there)', () => {
    const states = [
      'Task-example1.json',
      'Task-example2.json',
      'Task-example4.json',
      'Task-example5.json',
      'Task-example6.json',
    ].map((f) => {
      const r = fromFhirTask(read<Task>(f));
      return isOk(r) ? [r.right.referral, r.right.status, r.right.specialist, r.right.source] : r.left.code;
    });
    // Task.status alone is the filler's side: it never names the library status.
    expect(states).toEqual([
      ['lipid', undefined, 'in-progress', 'task-status'],
      [undefined, undefined, 'accepted', 'task-status'], // focus has only a display
      [undefined, undefined, 'completed', 'task-status'],
      ['lipid', undefined, 'in-progress', 'task-status'],
      ['lipid', undefined, 'completed', 'task-status'],
    ]);
  });
});
