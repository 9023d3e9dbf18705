// The back office's afternoon: Friday's visits become claims (one fails an edit and is corrected),
// today's 835s are read, balanced and posted (a denial with its next step, a crossover), a
// secondary claim is built for the patient with a second plan, and statements go out for balances
// past 30 days. The code is examples/guides/billing.ts, which docs/guides/billing.md walks through.
import { formatCents } from '../../src/core/index.js';
import { claims, posting, scrubbing, secondary, sending, statements } from '../guides/billing.js';
import type { SampleClinic } from './clinic.js';

export const run = (clinic: SampleClinic): void => {
  console.log(`\nBilling: the back office's afternoon (${clinic.today})`);
  const built = claims();
  for (const c of [built.doe, built.rivera, built.park])
    console.log(
      `  claim ${c.id}: ${formatCents(c.totalCharge)} to ${c.payer.name} (${c.payerResponsibility})`,
    );
  const { failed, passed } = scrubbing();
  for (const e of failed) console.log(`  edit ${e.edit} on ${e.field} - ${e.message}`);
  console.log(`  corrected: ${passed.length === 0 ? 'passes every edit' : `${passed.length} edits left`}`);
  const { text } = sending();
  console.log(`  837P sent: ${(text.match(/~CLM\*/g) ?? []).length} claims, ${text.length} characters`);
  const { balanced, posted, denials, shares } = posting();
  posted.forEach((p, i) =>
    console.log(
      `  835 ${i + 1}: ${balanced[i] ? 'balanced' : 'held'}, net payment ${formatCents(p.totals.netPayment)}`,
    ),
  );
  for (const d of denials)
    console.log(
      `  denial ${d.claimId} CARC ${d.reasons.join(', ')}: ${formatCents(d.amount)} - next step ${d.nextStep}`,
    );
  for (const [claim, to] of shares) console.log(`  patient share of ${claim}: ${to}`);
  const { next, refused } = secondary();
  console.log(
    `  secondary claim ${next.id} to ${next.payer.name}: first payer paid ${formatCents(next.priorPayers?.[0]?.paid ?? next.totalCharge)}`,
  );
  if (refused._tag === 'Left') console.log(`  no secondary claim for DEMO-C - ${refused.left.code}`);
  for (const s of statements()) console.log(`  statement: ${s}`);
};
