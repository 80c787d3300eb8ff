import { AreaTreeImport } from '../areas/area-import';
import { areaImportRoutes } from '../areas/area-import.routes';
import type { RegistryContext, RegistryModule } from '../module';
import { exitConditionsRepository } from './exit-conditions.model';
import { ExitConditionsService } from './exit-conditions.service';
import { ExitProgressService } from './exit-progress.service';
import { ExitTargetService } from './exit-target.service';
import { SnapshotService } from './snapshot.service';
import { statisticsRoutes } from './statistics.routes';
import { StatisticsService } from './statistics.service';
import { snapshotRoutes } from './snapshot.routes';
import { VILLAGE_TOPICS } from './village.events';
import { villageExitRoutes } from './village-exit.routes';
import { VillageExitService } from './village-exit.service';
import { villageRoutes } from './village.routes';
import { VillageService } from './village.service';

/**
 * 行政村 facts, the area-tree import, statistics, exit targets, 贫困村退出 (its conditions,
 * steps and the targets' progress) and the snapshot stream.
 */
export function villagesModule(ctx: RegistryContext): RegistryModule {
  const { areas, households, villages, exitTargets } = ctx.repos;
  const villageService = new VillageService({
    villages,
    areas,
    households,
    eventsStored: ctx.eventsStored,
    now: ctx.now,
    tapWaterChanged: async (p, villageCode) => {
      await ctx.services.households.rederiveGuarantees({
        filter: { areaCode: villageCode },
        by: p,
        action: 'village_water_changed',
        evidence: [`village:${villageCode}:tapWater`],
      });
    },
  });
  const targetService = new ExitTargetService({
    targets: exitTargets,
    areas,
    eventsStored: ctx.eventsStored,
    now: ctx.now,
  });
  const statistics = new StatisticsService({
    households,
    areas,
    villages,
    targets: targetService,
  });
  const conditions = new ExitConditionsService({
    conditions: exitConditionsRepository(ctx.rt.conn),
    audit: ctx.audit,
    now: ctx.now,
  });
  const exits = new VillageExitService({
    villages,
    facts: villageService,
    conditions,
    eventsStored: ctx.eventsStored,
    now: ctx.now,
  });
  const progress = new ExitProgressService({ areas, villages, targets: targetService, statistics });
  const importer = new AreaTreeImport({
    areas,
    service: ctx.services.areas,
    groups: villageService,
  });
  const snapshots = new SnapshotService(households, ctx.cipher);
  return {
    name: 'villages',
    topics: VILLAGE_TOPICS,
    routes(router) {
      areaImportRoutes(router, importer);
      villageRoutes(router, villageService, targetService);
      statisticsRoutes(router, statistics);
      villageExitRoutes(router, { exits, conditions, progress, now: ctx.now });
      snapshotRoutes(router, snapshots);
    },
  };
}
