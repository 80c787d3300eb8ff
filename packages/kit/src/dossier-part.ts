import type { DossierPart, DossierTimelineEntry } from '@fupin/contracts';
import type { Router } from 'express';
import type { Kafka } from 'kafkajs';
import { parseInput } from './errors';
import { handle } from './http/app';
import { type Principal, principalOf, requireRight } from './http/auth';
import { idParam } from './http/params';
import { dossierBehind } from './projection/freshness';
import type { FindOptions, Scope, ScopedRepository } from './scoped-repository';

// What every service's part of a household's dossier (一户一档, issue 23) is built with: days and
// instants as its timeline writes them, the timeline's order, and lists cut at their limit with
// the count of what was left out, and the route that serves it (`dossierPartSchema` in
// @fupin/contracts is the part's shape).

/**
 * `GET /dossier/households/{id}` — a service's part of a household's dossier, for the gateway
 * to assemble: the module's read right, the part as `read` answers it for the caller (404 for a
 * household outside the caller's scope), and — for a part read from the service's view of the
 * registry (`freshness`) — how far that view is behind, when it is.
 */
export function dossierPartRoute(
  router: Router,
  opts: {
    module: string;
    read: (p: Principal, householdId: string) => Promise<DossierPart>;
    freshness?: { rt: { kafka: Kafka }; registryUrl: string };
  },
): void {
  router.get(
    '/dossier/households/:id',
    requireRight(opts.module, 'read'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const f = opts.freshness;
      const access = f && { registryUrl: f.registryUrl, authorization: req.headers.authorization };
      const [part, behind] = await Promise.all([
        opts.read(principalOf(req), id),
        f && access ? dossierBehind(f.rt, access, req.log) : undefined,
      ]);
      res.json(behind ? { ...part, behind } : part);
    }),
  );
}

/** A calendar day (`YYYY-MM-DD`) on a dossier timeline: its start in Asia/Shanghai. */
export const timelineDay = (day: string): string => `${day}T00:00:00+08:00`;

/** An instant on a dossier timeline (stored in UTC, written with its offset). */
export const timelineInstant = (at: Date | string): string => new Date(at).toISOString();

/** Newest first; entries of the same instant keep their order. */
export function newestFirst<E extends Pick<DossierTimelineEntry, 'at'>>(entries: E[]): E[] {
  const at = entries.map((e) => Date.parse(e.at));
  return entries
    .map((_, i) => i)
    .sort((a, b) => at[b]! - at[a]! || a - b)
    .map((i) => entries[i]!);
}

/** A section's list cut at its limit: the items kept, how many exist, how many were left out. */
export interface Bounded<T> {
  items: T[];
  total: number;
  omitted: number;
}

export function bounded<T>(items: T[], total: number): Bounded<T> {
  return { items, total, omitted: Math.max(0, total - items.length) };
}

/**
 * The first `limit` records of a filter inside the caller's scope (or `READ_IN_SCOPE`, for the
 * records of a household just read in it), and how many there are: one more is read to know
 * whether any were cut, and only then are they counted.
 */
export async function readBounded<T>(
  repo: ScopedRepository<T>,
  scope: Scope,
  filter: Record<string, unknown>,
  opts: Omit<FindOptions, 'limit' | 'skip'> & { limit: number },
): Promise<Bounded<T>> {
  const rows = await repo.find(scope, filter, { ...opts, limit: opts.limit + 1 });
  if (rows.length <= opts.limit) return bounded(rows, rows.length);
  return bounded(rows.slice(0, opts.limit), await repo.count(scope, filter));
}

/** A text on one line, shortened for a summary, with an ellipsis when cut. */
export function brief(text: string, max: number): string {
  const t = text.trim().replace(/\s+/g, ' ');
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}
