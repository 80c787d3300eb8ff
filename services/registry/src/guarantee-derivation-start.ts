import { countyWide, type Logger, type Principal, type ScopedRepository } from '@fupin/kit';
import { GUARANTEE_DERIVATION_VERSION } from './households/guarantee.rules';
import type { RederiveOutcome } from './households/guarantee.rederive';
import type { HouseholdService } from './households/household.service';
import type { Village } from './villages/village.model';

/** How far back a start looks for villages whose households a crash may have left behind. */
const CATCH_UP_WINDOW_MS = 60 * 60 * 1000;

const VILLAGES = countyWide('a start re-derives the households of recently changed villages');

/** Who the history names for a re-derivation nobody asked for. */
export const DERIVATION_PRINCIPAL: Principal = {
  userId: 'system:guarantee-derivation',
  username: '保障状态重新推导',
  roles: [],
  areaCode: '',
  rights: {},
};

/** Households stored under an older derivation, or before there was one. */
export const OLDER_DERIVATION = {
  $or: [
    { guaranteesDerivation: { $exists: false } },
    { guaranteesDerivation: { $lt: GUARANTEE_DERIVATION_VERSION } },
  ],
};

/**
 * The start's migration of the guarantees, like the household list's (src/household-list-start.ts):
 * every household stored under an older derivation than this code's (a household from before
 * the three states keeps its old `guaranteesUnmet` and states until re-derived) is re-derived in
 * batches, its history naming the derivation; then the households of villages changed within the
 * last hour are re-derived, in case a crash fell between a village's tap water change and its
 * households. Idempotent: a household already up to date is read and not written.
 */
export async function rederiveGuaranteesOnStart(deps: {
  households: HouseholdService;
  villages: ScopedRepository<Village>;
  logger: Logger;
  now: () => Date;
  batchSize?: number;
  shouldStop?: () => boolean;
}): Promise<{ older: RederiveOutcome; recentVillages: RederiveOutcome }> {
  const stop = deps.shouldStop ? { shouldStop: deps.shouldStop } : {};
  const started = Date.now();
  const older = await deps.households.rederiveGuarantees({
    filter: OLDER_DERIVATION,
    by: DERIVATION_PRINCIPAL,
    action: 'guarantees_rederived',
    evidence: [`derivation:v${GUARANTEE_DERIVATION_VERSION}`],
    ...stop,
    ...(deps.batchSize ? { batchSize: deps.batchSize } : {}),
    progress: (d) => {
      if (d.read % 10_000 === 0) deps.logger.info(d, 'guarantees: re-deriving older households');
    },
  });
  if (older.read > 0)
    deps.logger.info(
      { ...older, version: GUARANTEE_DERIVATION_VERSION, ms: Date.now() - started },
      'guarantees: households of an older derivation re-derived',
    );
  const since = new Date(deps.now().getTime() - CATCH_UP_WINDOW_MS);
  const codes = (
    await deps.villages.find(VILLAGES, { updatedAt: { $gte: since } }, { projection: { code: 1 } })
  ).map((v) => v.code);
  const recentVillages: RederiveOutcome = { read: 0, written: 0, statesChanged: 0 };
  for (const code of codes) {
    if (deps.shouldStop?.()) break;
    const one = await deps.households.rederiveGuarantees({
      filter: { areaCode: code },
      by: DERIVATION_PRINCIPAL,
      action: 'village_water_changed',
      evidence: [`village:${code}:tapWater`],
      ...stop,
    });
    recentVillages.read += one.read;
    recentVillages.written += one.written;
    recentVillages.statesChanged += one.statesChanged;
  }
  if (recentVillages.written > 0)
    deps.logger.info(
      { ...recentVillages, villages: codes.length },
      'guarantees: households of recently changed villages re-derived',
    );
  return { older, recentVillages };
}

/**
 * The migration run in the background once the registry serves (on a loaded database a large
 * county takes minutes: 25,000 households at 11–30 a second on the shared SecantusDB of the
 * development machine, see bench/registry-guarantees); its progress is in `GET
 * /projection/status` (`guaranteeDerivation`), and a shutdown stops it between two batches.
 */
export function startGuaranteeDerivation(
  deps: Omit<Parameters<typeof rederiveGuaranteesOnStart>[0], 'shouldStop'>,
): { done: Promise<void>; stop: () => Promise<void> } {
  let stopped = false;
  const done = rederiveGuaranteesOnStart({ ...deps, shouldStop: () => stopped }).then(
    () => undefined,
    (err: unknown) => deps.logger.error({ err }, 'guarantees: re-derivation at start failed'),
  );
  return {
    done,
    stop: async () => {
      stopped = true;
      await done;
    },
  };
}
