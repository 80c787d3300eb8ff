import {
  type Actor,
  AreaCreated,
  type AreaSnapshot,
  AreaUpdated,
  createEvent,
} from '@fupin/contracts';
import type { Area } from './area.model';

/** Topics this module publishes. */
export const AREA_TOPICS = [AreaCreated.topic];

export function snapshotOf(
  a: Pick<Area, 'code' | 'name' | 'level' | 'parentCode' | 'status'>,
): AreaSnapshot {
  return { code: a.code, name: a.name, level: a.level, parentCode: a.parentCode, status: a.status };
}

export const areaCreated = (area: AreaSnapshot, actor: Actor) =>
  createEvent(AreaCreated, {
    aggregateId: area.code,
    areaCode: area.code,
    actor,
    payload: { area },
  });

export const areaUpdated = (area: AreaSnapshot, changed: string[], actor: Actor) =>
  createEvent(AreaUpdated, {
    aggregateId: area.code,
    areaCode: area.code,
    actor,
    payload: { area, changed },
  });
