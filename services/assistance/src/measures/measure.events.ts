import {
  type Actor,
  createEvent,
  MeasurePlanned,
  type MeasureSnapshot,
  MeasureStatusChanged,
  MeasureUpdated,
} from '@fupin/contracts';
import type { Measure, MeasureStatus } from './measure.model';

export const MEASURE_TOPICS = [MeasurePlanned.topic];

export function measureSnapshot(m: Measure): MeasureSnapshot {
  return {
    id: m._id,
    householdId: m.householdId,
    areaCode: m.areaCode,
    category: m.category,
    type: m.type,
    amountFen: m.amountFen,
    startDate: m.startDate,
    endDate: m.endDate,
    status: m.status,
    helperId: m.helperId,
    projectId: m.projectId,
    revision: m.revision,
  };
}

const base = (m: Measure, actor: Actor) => ({ aggregateId: m._id, areaCode: m.areaCode, actor });

export const measurePlanned = (m: Measure, actor: Actor) =>
  createEvent(MeasurePlanned, { ...base(m, actor), payload: { measure: measureSnapshot(m) } });

export const measureUpdated = (m: Measure, changed: string[], actor: Actor) =>
  createEvent(MeasureUpdated, {
    ...base(m, actor),
    payload: { measure: measureSnapshot(m), changed },
  });

export const measureStatusChanged = (
  m: Measure,
  from: MeasureStatus,
  to: MeasureStatus,
  actor: Actor,
) =>
  createEvent(MeasureStatusChanged, {
    ...base(m, actor),
    payload: { measure: measureSnapshot(m), from, to },
  });
