// 报付比例与追补 — the in-patient reimbursement guarantee as pure integer arithmetic.
//
// Rounding rule: amounts are integer fen. The ratio is shown in basis points rounded DOWN
// (a ratio of 89.996% shows as 89.99%, never as a met 90.00%), and the amount the layers
// must reach is rounded UP to the whole fen (ceil(total × target)), so the top-up always
// brings the patient to at least the target and never leaves a fraction of a fen unpaid.

export interface Layers {
  /** 基本医疗保险 */
  basicInsuranceFen: number;
  /** 大病保险 */
  seriousIllnessInsuranceFen: number;
  /** 医疗救助 */
  medicalAssistanceFen: number;
}

export interface Reimbursement {
  reimbursedFen: number;
  ratioBasisPoints: number;
  targetBasisPoints: number;
  /** What must be paid on top to reach the target; 0 when it is reached. */
  topUpFen: number;
}

export type ReimbursementProblem = 'LAYERS_EXCEED_COST' | 'NOT_FEN';

const BP = 10_000;

/**
 * The reimbursed ratio of an episode and the top-up owed to reach `targetBasisPoints`
 * (9000 = 90%). An episode without cost has nothing to top up.
 */
export function reimbursementOf(
  totalCostFen: number,
  layers: Layers,
  targetBasisPoints: number,
): Reimbursement | { problem: ReimbursementProblem } {
  const amounts = [
    totalCostFen,
    layers.basicInsuranceFen,
    layers.seriousIllnessInsuranceFen,
    layers.medicalAssistanceFen,
  ];
  if (amounts.some((a) => !Number.isSafeInteger(a) || a < 0)) return { problem: 'NOT_FEN' };
  const reimbursedFen =
    layers.basicInsuranceFen + layers.seriousIllnessInsuranceFen + layers.medicalAssistanceFen;
  if (reimbursedFen > totalCostFen) return { problem: 'LAYERS_EXCEED_COST' };
  if (totalCostFen === 0)
    return { reimbursedFen, ratioBasisPoints: BP, targetBasisPoints, topUpFen: 0 };
  // BigInt keeps the products exact for any cost a hospital bill can have.
  const total = BigInt(totalCostFen);
  const ratioBasisPoints = Number((BigInt(reimbursedFen) * BigInt(BP)) / total);
  const requiredFen = Number((total * BigInt(targetBasisPoints) + BigInt(BP - 1)) / BigInt(BP));
  return {
    reimbursedFen,
    ratioBasisPoints,
    targetBasisPoints,
    topUpFen: Math.max(0, requiredFen - reimbursedFen),
  };
}

export type TopUpStatus = 'not_needed' | 'owed' | 'partly_paid' | 'paid';

export function topUpStatusOf(topUpFen: number, paidFen: number): TopUpStatus {
  if (topUpFen === 0) return 'not_needed';
  if (paidFen === 0) return 'owed';
  return paidFen >= topUpFen ? 'paid' : 'partly_paid';
}
