import type { BenefitRow, BenefitSource } from '@fupin/contracts';
import type { Bilingual } from '@fupin/kit';
import { daysBetween, type ReceiptResult, townshipOf } from '@fupin/reference';
import { countsInTotals } from './ledger.assembly';

// 截留预警 (issue 24 item 7), pure: the paid rows of the 受益底册 the household has not
// confirmed at a helper's visit within the grace days, and those it said it did not receive or
// received with another amount (the strongest signal), counted per township.

/** A household's confirmation of a row, as the assistance service keeps it. */
export interface ReceiptSeen {
  source: BenefitSource;
  rowId: string;
  result: ReceiptResult;
  amountFen: number;
  visitId: string;
  visitDate: string;
  note: string;
  recordedAt: string;
}

/** Why a row is on the list: no confirmation in time, or what the household said. */
export type UnconfirmedReason = 'not_received' | 'amount_differs' | 'unconfirmed';

export interface UnconfirmedRow {
  id: string;
  source: BenefitSource;
  kind: string;
  householdId: string;
  householdNo: string | null;
  areaCode: string;
  townshipCode: string;
  year: number;
  on: string;
  amountFen: number;
  label: Bilingual;
  reason: UnconfirmedReason;
  daysSincePaid: number;
  /** The household's latest word on the row, when it gave one. */
  receipt: Pick<ReceiptSeen, 'result' | 'amountFen' | 'visitId' | 'visitDate' | 'note'> | null;
}

export interface TownshipCount {
  townshipCode: string;
  unconfirmed: number;
  notReceived: number;
  amountDiffers: number;
  /** The flagged rows' paid amounts. */
  amountFen: number;
}

const ORDER: Record<UnconfirmedReason, number> = {
  not_received: 0,
  amount_differs: 1,
  unconfirmed: 2,
};

/** The latest confirmation of each row (`source:rowId`), by when it was recorded. */
export function latestReceipts(receipts: ReceiptSeen[]): Map<string, ReceiptSeen> {
  const latest = new Map<string, ReceiptSeen>();
  for (const r of receipts) {
    const key = `${r.source}:${r.rowId}`;
    const had = latest.get(key);
    if (!had || had.recordedAt < r.recordedAt) latest.set(key, r);
  }
  return latest;
}

/**
 * Why a paid row is flagged on `today`, or null: the household's latest word when it was not a
 * confirmation; else, unconfirmed once more than `graceDays` days have passed since it was paid
 * (paid exactly `graceDays` days ago is still within the grace).
 */
export function flagOf(
  on: string,
  receipt: ReceiptSeen | undefined,
  today: string,
  graceDays: number,
): UnconfirmedReason | null {
  if (receipt) return receipt.result === 'confirmed' ? null : receipt.result;
  return daysBetween(on, today) > graceDays ? 'unconfirmed' : null;
}

/**
 * The flagged rows, strongest signal first (not received, another amount, then unconfirmed;
 * oldest payment first within each), and their counts per township. Only money that reached a
 * household counts: `paid` rows with a day, a measure paid through a funds project left to the
 * funds' own payment row.
 */
export function unconfirmedRows(
  rows: BenefitRow[],
  receipts: ReceiptSeen[],
  opts: { today: string; graceDays: number; numbers: Map<string, string> },
): { rows: UnconfirmedRow[]; townships: TownshipCount[] } {
  const latest = latestReceipts(receipts);
  const flagged: UnconfirmedRow[] = [];
  for (const r of rows) {
    if (r.status !== 'paid' || r.on === null || !countsInTotals(r)) continue;
    const receipt = latest.get(`${r.source}:${r.id}`);
    const reason = flagOf(r.on, receipt, opts.today, opts.graceDays);
    if (!reason) continue;
    flagged.push({
      id: r.id,
      source: r.source,
      kind: r.kind,
      householdId: r.householdId,
      householdNo: opts.numbers.get(r.householdId) ?? null,
      areaCode: r.areaCode,
      townshipCode: townshipOf(r.areaCode) ?? r.areaCode,
      year: r.year,
      on: r.on,
      amountFen: r.amountFen,
      label: r.label,
      reason,
      daysSincePaid: daysBetween(r.on, opts.today),
      receipt: receipt
        ? {
            result: receipt.result,
            amountFen: receipt.amountFen,
            visitId: receipt.visitId,
            visitDate: receipt.visitDate,
            note: receipt.note,
          }
        : null,
    });
  }
  flagged.sort(
    (a, b) =>
      ORDER[a.reason] - ORDER[b.reason] ||
      (a.on < b.on ? -1 : a.on > b.on ? 1 : 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return { rows: flagged, townships: countByTownship(flagged) };
}

function countByTownship(rows: UnconfirmedRow[]): TownshipCount[] {
  const counts = new Map<string, TownshipCount>();
  for (const r of rows) {
    let c = counts.get(r.townshipCode);
    if (!c) {
      c = {
        townshipCode: r.townshipCode,
        unconfirmed: 0,
        notReceived: 0,
        amountDiffers: 0,
        amountFen: 0,
      };
      counts.set(r.townshipCode, c);
    }
    if (r.reason === 'unconfirmed') c.unconfirmed++;
    else if (r.reason === 'not_received') c.notReceived++;
    else c.amountDiffers++;
    c.amountFen += r.amountFen;
  }
  return [...counts.values()].sort((a, b) => a.townshipCode.localeCompare(b.townshipCode));
}
