import {
  type Actor,
  createEvent,
  ExitTargetSet,
  type ExitTargetSnapshot,
  VillageUpdated,
} from '@fupin/contracts';
import type { ExitTarget, Village } from './village.model';

/** Topics this module publishes. */
export const VILLAGE_TOPICS = [VillageUpdated.topic, ExitTargetSet.topic];

export const villageUpdated = (v: Village, name: string, changed: string[], actor: Actor) =>
  createEvent(VillageUpdated, {
    aggregateId: v.code,
    areaCode: v.code,
    actor,
    payload: {
      village: {
        code: v.code,
        name,
        townshipCode: v.townshipCode,
        poorVillage: v.poorVillage,
        poorVillageLevel: v.poorVillageLevel,
        // The contract has no "unknown": a population not yet recorded travels as 0.
        ruralPopulation: v.ruralPopulation ?? 0,
        exited: v.exited,
        exitYear: v.exitYear,
      },
      changed,
    },
  });

export function exitTargetSnapshot(t: ExitTarget): ExitTargetSnapshot {
  return {
    areaCode: t.areaCode,
    year: t.year,
    households: t.households,
    people: t.people,
    incidencePercent: t.incidencePercent ?? null,
    villages: t.villages ?? null,
    villageCodes: t.villageCodes ?? [],
    revision: t.revision,
  };
}

export const exitTargetSet = (t: ExitTarget, actor: Actor) =>
  createEvent(ExitTargetSet, {
    aggregateId: t._id,
    areaCode: t.areaCode,
    actor,
    payload: { target: exitTargetSnapshot(t) },
  });
