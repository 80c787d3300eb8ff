import type { Principal } from '@fupin/kit';

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
