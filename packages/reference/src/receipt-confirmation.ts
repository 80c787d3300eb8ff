// 到户资金确认 — a payment to a household is confirmed by the household at a helper's visit.
// How long a paid row may wait for that confirmation before it counts as unconfirmed (the
// 截留 signal, issue 24 item 7): reference data, versioned like the other rules.

export interface ReceiptGraceRule {
  version: number;
  /** The first day (YYYY-MM-DD, China) it applies to. */
  from: string;
  /** A payment paid more than this many days ago and not confirmed is flagged. */
  graceDays: number;
}

export const RECEIPT_GRACE_RULES: readonly ReceiptGraceRule[] = [
  { version: 1, from: '2014-01-01', graceDays: 30 },
];

/** The rule that applies on a day: the latest one from that day or before. */
export function receiptGraceRuleFor(on: string): ReceiptGraceRule {
  let found = RECEIPT_GRACE_RULES[0]!;
  for (const r of RECEIPT_GRACE_RULES) if (r.from <= on) found = r;
  return found;
}

/** 确认结果 — what the household said of a payment. */
export const RECEIPT_RESULTS = ['confirmed', 'not_received', 'amount_differs'] as const;
export type ReceiptResult = (typeof RECEIPT_RESULTS)[number];
