import { AreaTreeImport } from '../areas/area-import';
import { areaImportRoutes } from '../areas/area-import.routes';
import type { RegistryContext, RegistryModule } from '../module';
import { ExitTargetService } from './exit-target.service';
import { SnapshotService } from './snapshot.service';
import { statisticsRoutes } from './statistics.routes';
import { StatisticsService } from './statistics.service';
import { snapshotRoutes } from './snapshot.routes';
import { VILLAGE_TOPICS } from './village.events';
import { villageRoutes } from './village.routes';
import { VillageService } from './village.service';

/** 行政村 facts, the area-tree import, statistics, exit targets and the snapshot stream. */
export function villagesModule(ctx: RegistryContext): RegistryModule {
  const { areas, households, villages, exitTargets } = ctx.repos;
  const villageService = new VillageService({
    villages,
    areas,
    households,
    eventsStored: ctx.eventsStored,
    now: ctx.now,
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
  const importer = new AreaTreeImport({
    areas,
    service: ctx.services.areas,
    groups: villageService,
  });
  const snapshots = new SnapshotService(households);
  return {
    name: 'villages',
    topics: VILLAGE_TOPICS,
    routes(router) {
      areaImportRoutes(router, importer);
      villageRoutes(router, villageService, targetService);
      statisticsRoutes(router, statistics);
      snapshotRoutes(router, snapshots);
    },
  };
}
