// Eligibility at the front desk: each booked patient's 271 (read from examples/data/eligibility)
// checked for today's visit, and what to collect at check-in and why.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cents, formatCents } from '../../src/core/index.js';
import {
  benefitsFromEligibility,
  checkEligibility,
  collectAtCheckIn,
  estimateCostShare,
  read271,
  type CheckInPolicy,
} from '../../src/insurance/index.js';
import { DATA_DIR, type SampleClinic } from './clinic.js';

interface Visit {
  readonly patient: string;
  readonly time: string;
  readonly provider: string;
  readonly serviceType: string;
  readonly procedure: string;
  readonly allowedCents?: number;
  readonly preventive?: boolean;
  readonly providerNetwork: 'in' | 'out';
  readonly policy: 'copay-only' | 'estimated-responsibility';
}

const DIR = resolve(DATA_DIR, 'eligibility');

export const run = (clinic: SampleClinic): void => {
  console.log(`\n== Eligibility for ${clinic.today}: 271 responses checked against today's visits ==`);
  const { visits } = JSON.parse(readFileSync(resolve(DIR, 'visits.json'), 'utf8')) as { visits: Visit[] };
  for (const v of visits) {
    const provider = clinic.providers.find((p) => p.id === v.provider)?.name ?? v.provider;
    const head = `${v.time} ${v.patient} with ${provider} (STC ${v.serviceType}, ${v.procedure}, ${v.providerNetwork}-network)`;
    const read = read271(readFileSync(resolve(DIR, `${v.patient}.x12`), 'utf8'));
    if (read._tag === 'Left') {
      console.log(`${head}\n   271 unreadable: ${read.left.code}`);
      continue;
    }
    const response = read.right.responses[0]!;
    const query = {
      serviceType: v.serviceType,
      dateOfService: clinic.today,
      providerNetwork: v.providerNetwork,
    };
    const check = checkEligibility(response, query);
    console.log(`${head}\n   ${response.payer.name ?? 'payer'}: ${check.outcome.toUpperCase()}`);
    for (const r of check.reasons) console.log(`   - ${r.code}: ${r.message}\n     next: ${r.nextStep}`);
    if (check.outcome !== 'eligible') {
      console.log('   collect: nothing under this coverage until resolved');
      continue;
    }
    const inputs = benefitsFromEligibility(response, { ...query, network: v.providerNetwork });
    if (inputs._tag === 'Left') continue;
    const allowed = cents(
      v.allowedCents ?? clinic.feeSchedule.find((f) => f.code === v.procedure)?.allowedCents ?? 0,
    );
    const line = {
      id: `${v.patient}-1`,
      serviceDate: clinic.today,
      serviceType: v.serviceType,
      network: v.providerNetwork,
      allowed,
      procedureCode: v.procedure,
      ...(v.preventive ? { preventive: true } : {}),
    };
    const estimate = estimateCostShare([line], inputs.right.benefitSet, inputs.right.accumulators, {
      order: 'claim',
    });
    if (estimate._tag === 'Left') {
      console.log(`   estimate: ${estimate.left.code}`);
      continue;
    }
    const t = estimate.right.total;
    const policy: CheckInPolicy = { kind: v.policy };
    const collect = collectAtCheckIn(estimate.right, policy);
    console.log(
      `   allowed ${formatCents(t.allowed)}: deductible ${formatCents(t.deductible)}, copay ${formatCents(t.copay)}, coinsurance ${formatCents(t.coinsurance)} -> patient ${formatCents(t.patientPays)}, plan ${formatCents(t.planPays)}`,
    );
    console.log(`   collect now ${formatCents(collect.collectNow)} (${v.policy}): ${collect.reason}`);
    const auth = check.priorAuthorization;
    if (auth.required !== false)
      console.log(`   prior auth: ${String(auth.required)}${auth.reason ? ` — ${auth.reason}` : ''}`);
  }
};
