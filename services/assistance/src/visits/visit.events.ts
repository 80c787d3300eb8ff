import { type Actor, createEvent, VisitRecorded, type VisitSnapshot } from '@fupin/contracts';
import type { Visit } from './visit.model';

export const VISIT_TOPICS = [VisitRecorded.topic];

export function visitSnapshot(v: Visit): VisitSnapshot {
  return {
    id: v._id,
    householdId: v.householdId,
    helperId: v.helperId,
    areaCode: v.areaCode,
    date: v.date,
    recordedAt: v.recordedAt.toISOString(),
    lateEntry: v.lateEntry,
    photos: v.photos.length,
    located: v.location !== null,
  };
}

export const visitRecorded = (v: Visit, actor: Actor) =>
  createEvent(VisitRecorded, {
    aggregateId: v._id,
    areaCode: v.areaCode,
    actor,
    payload: { visit: visitSnapshot(v) },
  });
