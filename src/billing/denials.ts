/**
 * What to do about a denied line, by claim adjustment reason code (CARC). The table is data so a
 * practice can extend it; the codes and their meanings are the X12 CARC list as paraphrased in the
 * billing reference §6, the next steps the common practice reading of each reason.
 */

/**
 * The next step for a denial: fix the claim and send it again, appeal the decision, bill the payer
 * that should have been billed, write the amount off, or have someone review it.
 *
 * @example
 * const step: DenialNextStep = 'appeal';
 */
export type DenialNextStep = 'correct-and-resubmit' | 'appeal' | 'bill-other-payer' | 'write-off' | 'review';

/**
 * CARC → next step for a denied line (billing reference §6, X12 Claim Adjustment Reason Codes).
 * Reasons not listed lead to `review`. CARC 18 (duplicate) is `review`: find the original posting.
 */
export const DENIAL_NEXT_STEPS: Readonly<Record<string, DenialNextStep>> = {
  '4': 'correct-and-resubmit',
  '5': 'correct-and-resubmit',
  '6': 'correct-and-resubmit',
  '7': 'correct-and-resubmit',
  '8': 'correct-and-resubmit',
  '9': 'correct-and-resubmit',
  '10': 'correct-and-resubmit',
  '11': 'correct-and-resubmit',
  '16': 'correct-and-resubmit',
  '31': 'correct-and-resubmit',
  '140': 'correct-and-resubmit',
  '146': 'correct-and-resubmit',
  '181': 'correct-and-resubmit',
  '182': 'correct-and-resubmit',
  '189': 'correct-and-resubmit',
  '226': 'correct-and-resubmit',
  '39': 'appeal',
  '50': 'appeal',
  '55': 'appeal',
  '56': 'appeal',
  '58': 'appeal',
  '151': 'appeal',
  '167': 'appeal',
  '197': 'appeal',
  '198': 'appeal',
  '272': 'appeal',
  '273': 'appeal',
  '19': 'bill-other-payer',
  '20': 'bill-other-payer',
  '21': 'bill-other-payer',
  '22': 'bill-other-payer',
  '109': 'bill-other-payer',
  '24': 'write-off',
  '29': 'write-off',
  B13: 'write-off',
  '18': 'review',
};

/** RARC MA130: the claim is unprocessable; submit a new claim (it cannot be appealed). */
const UNPROCESSABLE = 'MA130';

/**
 * The next step for a denial from its reasons and remarks: MA130 means correct and resubmit;
 * otherwise the step of the reason with the largest amount, `review` when it is not in the table.
 *
 * @param reasons - the denying adjustments (CARC and amount), in file order
 * @param remarks - the RARCs sent with the line or claim
 * @param table - CARC → step, {@link DENIAL_NEXT_STEPS} by default (pass an extended copy to add payer rules)
 * @returns the step
 * @example
 * denialNextStep([{ reason: '197', amount: 12000 }], []); // 'appeal'
 */
export const denialNextStep = (
  reasons: readonly { readonly reason: string; readonly amount: number }[],
  remarks: readonly string[],
  table: Readonly<Record<string, DenialNextStep>> = DENIAL_NEXT_STEPS,
): DenialNextStep => {
  if (remarks.includes(UNPROCESSABLE)) return 'correct-and-resubmit';
  let main: { readonly reason: string; readonly amount: number } | undefined;
  for (const r of reasons) if (!main || Math.abs(r.amount) > Math.abs(main.amount)) main = r;
  return (main && Object.hasOwn(table, main.reason) ? table[main.reason] : undefined) ?? 'review';
};
