import { randomUUID } from 'node:crypto';
import type { BenefitRow } from '@fupin/contracts';
import {
  AppError,
  type Bilingual,
  bi,
  countyWide,
  type Principal,
  type ScopedRepository,
} from '@fupin/kit';
import type { Logger } from 'pino';
import { type AreaHousehold, areaHouseholds, mapLimit } from '../dossier/area-households';
import { assemble, PART_NAMES } from '../dossier/dossier.assembly';
import { fetchSomeParts } from '../dossier/dossier.client';
import { fetchSources } from '../ledger/ledger.client';
import type { CallerRequest } from '../upstream/ask';
import type { ConsistencyItem, ConsistencyRun, RunGap } from './consistency.model';
import { CHECKED_PARTS, checkedParts, type PartGap } from './consistency.parts';
import {
  type HouseholdRef,
  type Inconsistency,
  measuresAgainstPayments,
  membersAgainstSupport,
  planCausesAgainstRegistry,
} from './consistency.rules';

// The consistency check of one area, as the job runs it: the area's households from the
// registry, each one's dossier (a few at a time), the area's measures and payments once, the
// rules over them, the progress reported and the result stored with what it went without.

/** Households whose dossiers are read at once. */
export const CHECK_CONCURRENCY = 6;
/** Items written per batch. */
const WRITE_BATCH = 500;
/** The run's progress is written at most this often (and at the end). */
const PROGRESS_EVERY_MS = 1000;

/** The job writes what the requester's area holds: it acts as them, their scope applied before. */
export const JOB_WRITES = countyWide('the consistency job stores the run it was started for');

/** The services as the user who started the run, freshly issued when asked. */
export type ActAs = () => Promise<{ caller: CallerRequest; p: Principal }>;

export interface CheckDeps {
  services: Record<string, string>;
  runs: ScopedRepository<ConsistencyRun>;
  items: ScopedRepository<ConsistencyItem>;
  log: Logger;
  now: () => Date;
  concurrency?: number;
}

const GAP_MESSAGES: Record<PartGap['status'], (part: Bilingual, n: number) => Bilingual> = {
  no_right: (p, n) =>
    bi(
      `${n}户无权查看「${p['zh-CN']}」部分，未核对`,
      `${n} households: no right to the ${p.en} part, not checked`,
    ),
  not_found: (p, n) =>
    bi(`${n}户在「${p['zh-CN']}」中无记录`, `${n} households: the ${p.en} part holds no record`),
  unavailable: (p, n) =>
    bi(
      `${n}户的「${p['zh-CN']}」部分未应答，未核对`,
      `${n} households: the ${p.en} part did not answer, not checked`,
    ),
  malformed: (p, n) =>
    bi(
      `${n}户的「${p['zh-CN']}」部分无法读取，未核对`,
      `${n} households: the ${p.en} part could not be read, not checked`,
    ),
  behind: (p, n) =>
    bi(
      `${n}户的「${p['zh-CN']}」部分数据滞后，结果可能不是最新`,
      `${n} households: the ${p.en} part is behind, the result may be stale`,
    ),
};

/**
 * Gaps of every household, one per part and status, with how many households had it (a gap of
 * the area's ledger rows counts `households` at once).
 */
export function summarizeGaps(gaps: (PartGap & { households?: number })[]): RunGap[] {
  const byKey = new Map<string, RunGap>();
  for (const g of gaps) {
    const key = `${g.part}:${g.status}`;
    const s = byKey.get(key) ?? {
      part: g.part,
      status: g.status,
      households: 0,
      message: bi('-', '-'),
    };
    s.households += g.households ?? 1;
    if (g.events !== undefined) s.events = Math.max(s.events ?? 0, g.events);
    byKey.set(key, s);
  }
  return [...byKey.values()].map((s) => ({
    ...s,
    message: GAP_MESSAGES[s.status](PART_NAMES[s.part], s.households),
  }));
}

/** One household's dossier against itself; a household the registry no longer shows is a gap. */
async function checkHousehold(
  deps: CheckDeps,
  as: { caller: CallerRequest; p: Principal },
  h: AreaHousehold,
): Promise<{ found: Inconsistency[]; gaps: PartGap[] }> {
  const ref: HouseholdRef = { householdId: h.id, householdNo: h.householdNo, areaCode: h.areaCode };
  let outcomes;
  try {
    outcomes = await fetchSomeParts(deps.services, as.p, h.id, as.caller, deps.log, CHECKED_PARTS);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return {
      found: [],
      gaps: [{ part: 'registry', status: err.status === 404 ? 'not_found' : 'unavailable' }],
    };
  }
  const parts = checkedParts(assemble(h.id, outcomes, deps.now()));
  const found: Inconsistency[] = [];
  if (parts.members && parts.persons)
    found.push(...membersAgainstSupport(ref, parts.members, parts.persons));
  if (parts.registryCauses && parts.planCauses !== undefined)
    found.push(...planCausesAgainstRegistry(ref, parts.registryCauses, parts.planCauses));
  return { found, gaps: parts.gaps };
}

/** The area's measures and payments of the year, once; a gap when either is left out. */
async function ledgerRows(
  deps: CheckDeps,
  as: { caller: CallerRequest; p: Principal },
  run: ConsistencyRun,
): Promise<{ rows: BenefitRow[] | null; gaps: PartGap[] }> {
  const outcomes = await fetchSources(
    deps.services,
    as.p,
    { areaCode: run.areaCode, year: run.year },
    as.caller,
    deps.log,
    ['assistance', 'funds'],
  );
  const gaps: PartGap[] = [];
  const rows: BenefitRow[] = [];
  for (const source of ['assistance', 'funds'] as const) {
    const o = outcomes[source];
    if (o?.status === 'ok') rows.push(...o.rows);
    else gaps.push({ part: source, status: o?.status ?? 'unavailable' });
  }
  return { rows: gaps.length ? null : rows, gaps };
}

/**
 * Runs the check of `runId` acting as its requester; what an earlier attempt stored is replaced.
 * `report(done, total)` after each household.
 */
export async function runCheck(
  deps: CheckDeps,
  runId: string,
  actAs: ActAs,
  report: (done: number, total: number) => Promise<void>,
): Promise<void> {
  const run = await deps.runs.findOne(JOB_WRITES, { _id: runId });
  if (!run) return;
  await deps.items.deleteMany(JOB_WRITES, { runId });
  await deps.runs.updateOne(
    JOB_WRITES,
    { _id: runId },
    {
      $set: { state: 'running', startedAt: deps.now(), checked: 0, error: null },
    },
  );
  let as = await actAs();
  let issuedAt = Date.now();
  // A fresh token before the last one nears its end (a township takes minutes).
  const current = async () => {
    if (Date.now() - issuedAt > 4 * 60_000) {
      as = await actAs();
      issuedAt = Date.now();
    }
    return as;
  };
  const households = await areaHouseholds(deps.services, run.areaCode, as.caller, deps.log);
  await deps.runs.updateOne(
    JOB_WRITES,
    { _id: runId },
    { $set: { households: households.length } },
  );
  const refs = new Map(
    households.map((h) => [
      h.id,
      { householdId: h.id, householdNo: h.householdNo, areaCode: h.areaCode },
    ]),
  );
  const ledger = await ledgerRows(deps, as, run);
  let lastWrite = 0;
  const results = await mapLimit(
    households,
    deps.concurrency ?? CHECK_CONCURRENCY,
    async (h) => checkHousehold(deps, await current(), h),
    async (done) => {
      await report(done, households.length);
      if (Date.now() - lastWrite < PROGRESS_EVERY_MS && done < households.length) return;
      lastWrite = Date.now();
      await deps.runs.updateOne(JOB_WRITES, { _id: runId }, { $set: { checked: done } });
    },
  );
  const found = results.flatMap((r) => r.found);
  // Measures and payments of households the registry does not list to the requester are not
  // theirs to see in this run (the services' area filter is the household's village).
  if (ledger.rows)
    found.push(
      ...measuresAgainstPayments(ledger.rows, refs).filter((x) => refs.has(x.householdId)),
    );
  found.sort((a, b) =>
    a.householdNo < b.householdNo ? -1 : a.householdNo > b.householdNo ? 1 : 0,
  );
  for (let i = 0; i < found.length; i += WRITE_BATCH)
    await deps.items.insertMany(
      JOB_WRITES,
      found.slice(i, i + WRITE_BATCH).map((x) => ({ _id: randomUUID(), runId, ...x })),
    );
  const counts: Record<string, number> = {};
  for (const x of found) counts[x.kind] = (counts[x.kind] ?? 0) + 1;
  await deps.runs.updateOne(
    JOB_WRITES,
    { _id: runId },
    {
      $set: {
        state: 'completed',
        checked: households.length,
        counts,
        inconsistencies: found.length,
        gaps: summarizeGaps([
          ...ledger.gaps.map((g) => ({ ...g, households: households.length })),
          ...results.flatMap((r) => r.gaps),
        ]),
        finishedAt: deps.now(),
      },
    },
  );
}

/** A run that will not be retried: failed, with why. */
export async function failRun(deps: CheckDeps, runId: string, err: unknown): Promise<void> {
  const message =
    err instanceof AppError
      ? err.messages
      : bi('核对未能完成，请稍后重试', 'The check could not be completed; try again later');
  await deps.runs.updateOne(
    JOB_WRITES,
    { _id: runId },
    {
      $set: { state: 'failed', error: message, finishedAt: deps.now() },
    },
  );
}
