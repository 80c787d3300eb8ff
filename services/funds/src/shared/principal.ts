import type { Actor } from '@fupin/contracts';
import type { Principal } from '@fupin/kit';
import { areaLevel, isAreaCode } from '@fupin/reference';

/** Who did something, as events and history entries record it. */
export function actorOf(p: Principal): Actor {
  return { kind: 'user', id: p.userId, name: p.username };
}

/** 乡镇 — the township an area lies in; a county-level code stays as it is. */
export function townshipOf(areaCode: string): string {
  if (!isAreaCode(areaCode)) return areaCode;
  const level = areaLevel(areaCode);
  return level === 'village' ? `${areaCode.slice(0, 9)}000` : areaCode;
}

/** One line of an aggregate's history: who, when, what, from which state to which. */
export interface HistoryEntry {
  at: Date;
  actorId: string;
  actorName: string;
  action: string;
  from: string | null;
  to: string | null;
  changed: string[];
  note: string | null;
}

export function historyEntry(
  p: Principal,
  at: Date,
  action: string,
  opts: { from?: string | null; to?: string | null; changed?: string[]; note?: string | null } = {},
): HistoryEntry {
  return {
    at,
    actorId: p.userId,
    actorName: p.username,
    action,
    from: opts.from ?? null,
    to: opts.to ?? null,
    changed: opts.changed ?? [],
    note: opts.note ?? null,
  };
}

export const historyFields = {
  at: Date,
  actorId: String,
  actorName: String,
  action: String,
  from: { type: String, default: null },
  to: { type: String, default: null },
  changed: [String],
  note: { type: String, default: null },
};
