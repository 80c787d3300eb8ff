import type { RectificationStatus, ResponsibleUnit } from './inspection.model';

/*
 * 整改 — the rules of a rectification order, pure: when it is overdue, which step its state
 * allows, and how a unit's orders are counted for a period. Days are `YYYY-MM-DD`
 * (Asia/Shanghai), compared as strings.
 */

/**
 * 逾期 — past its deadline and not closed (销号). The deadline day itself is not overdue: an
 * order is due by the end of that day.
 */
export function isOverdue(o: { status: RectificationStatus; deadline: string }, today: string) {
  return o.status !== 'closed' && today > o.deadline;
}

export type RectificationStep = 'submit' | 'close' | 'return';

/** What each step needs the order to be in, and what it makes of it. */
const STEPS: Record<RectificationStep, { from: RectificationStatus[]; to: RectificationStatus }> = {
  // The unit sends its evidence while rectifying, or again after it was sent back.
  submit: { from: ['rectifying', 'returned'], to: 'awaiting_review' },
  close: { from: ['awaiting_review'], to: 'closed' },
  return: { from: ['awaiting_review'], to: 'returned' },
};

/** The state a step leads to, or null when the order's state does not allow it. */
export function nextStatus(
  status: RectificationStatus,
  step: RectificationStep,
): RectificationStatus | null {
  const s = STEPS[step];
  return s.from.includes(status) ? s.to : null;
}

/** 双人复核 — the person who sent the evidence may not review it. */
export function mayReview(
  lastSubmitter: { id: string } | undefined,
  reviewer: { id: string },
): boolean {
  return !!lastSubmitter && lastSubmitter.id !== reviewer.id;
}

/** The part of an order the unit counts read. */
export interface CountedOrder {
  unitId: string;
  unit: ResponsibleUnit;
  issuedOn: string;
  deadline: string;
  closedOn: string | null;
}

export interface UnitCounts {
  unitId: string;
  kind: ResponsibleUnit['kind'];
  code: string;
  name: string;
  /** Not closed on the period's measuring day. */
  open: number;
  /** Of the open ones, past their deadline on that day. */
  overdue: number;
  /** Closed within the period, on or before the deadline. */
  closedOnTime: number;
  /** Closed within the period, after the deadline. */
  closedLate: number;
}

/**
 * The orders of each unit for a period `[from, to]`, measured as of `asOf` (the period's last
 * day, or today while it runs): an order issued by then counts unless it was closed before the
 * period began; one closed after `asOf` was still open on it. Units in order of their id.
 */
export function countsByUnit(
  orders: Iterable<CountedOrder>,
  period: { from: string; to: string },
  asOf: string,
): UnitCounts[] {
  const units = new Map<string, UnitCounts>();
  for (const o of orders) {
    if (o.issuedOn > asOf) continue;
    const closed = o.closedOn !== null && o.closedOn <= asOf;
    if (closed && o.closedOn! < period.from) continue;
    let u = units.get(o.unitId);
    if (!u) {
      u = {
        unitId: o.unitId,
        kind: o.unit.kind,
        code: o.unit.code,
        name: o.unit.name,
        open: 0,
        overdue: 0,
        closedOnTime: 0,
        closedLate: 0,
      };
      units.set(o.unitId, u);
    }
    if (!closed) {
      u.open += 1;
      if (isOverdue({ status: 'rectifying', deadline: o.deadline }, asOf)) u.overdue += 1;
    } else if (o.closedOn! <= o.deadline) u.closedOnTime += 1;
    else u.closedLate += 1;
  }
  return [...units.values()].sort((a, b) => a.unitId.localeCompare(b.unitId));
}

/** The days a period names: a year `2026`, a quarter `2026-Q2` or a month `2026-05`. */
export function periodDays(period: string): { from: string; to: string } | null {
  const y = /^(\d{4})$/.exec(period);
  if (y) return { from: `${y[1]}-01-01`, to: `${y[1]}-12-31` };
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) {
    const first = (Number(q[2]) - 1) * 3 + 1;
    return { from: `${q[1]}-${pad(first)}-01`, to: lastDay(Number(q[1]), first + 2) };
  }
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (m) return { from: `${m[1]}-${m[2]}-01`, to: lastDay(Number(m[1]), Number(m[2])) };
  return null;
}

/** The quarter a day is in, as a period (`2026-Q2`). */
export function quarterOf(day: string): string {
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

function lastDay(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0));
  return `${year}-${pad(month)}-${pad(d.getUTCDate())}`;
}
