import type { ServiceModule } from '@fupin/kit';
import type { Connection } from 'mongoose';
import type { AreaNameModel } from '../indicators/fact.model';
import { InspectionFiles } from './inspection-files';
import { inspectionCollections } from './inspection.model';
import { inspectionsRoutes } from './inspection.routes';
import { InspectionService } from './inspection.service';
import { PlanService } from './plan.service';
import { RectificationService } from './rectification.service';
import { rectificationFacts } from './rectification.facts';

/**
 * 督查 — inspection plans, inspections with findings and photos, and the rectification orders
 * opened from findings, as a module of the assessment: its routes and its services (the
 * rectification counts per unit are what an indicator reads).
 */
export function inspectionsModule(
  conn: Connection,
  deps: { areas: AreaNameModel; now: () => Date },
) {
  const { now } = deps;
  const repos = inspectionCollections(conn);
  const files = new InspectionFiles({ files: repos.files, now });
  const plans = new PlanService({ plans: repos.plans, now });
  const inspections = new InspectionService({
    inspections: repos.inspections,
    plans,
    files,
    now,
  });
  const rectifications = new RectificationService({
    rectifications: repos.rectifications,
    inspections,
    files,
    areaName: async (code) =>
      (await deps.areas.findById(code, { name: 1 }).lean().exec())?.name ?? null,
    now,
  });
  const module: ServiceModule = {
    name: 'inspections',
    routes: (router) => inspectionsRoutes(router, { plans, inspections, rectifications, files }),
  };
  return {
    module,
    plans,
    inspections,
    rectifications,
    facts: rectificationFacts(repos.rectifications),
  };
}
