import {
  type Actor,
  createEvent,
  type Envelope,
  MonitoringWarningDecided,
  MonitoringWarningDueChanged,
  MonitoringWarningRaised,
  warningDecidedOnTime,
} from '@fupin/contracts';
import { dueAtOf, type MonitoringWarning } from './warning.model';

// What the monitoring warnings publish (registry.monitoring_warning.v1, keyed by the warning id):
// raised when a screening inserts a warning, due_changed when the county poverty office sets its
// deadline (督办), decided when the township verifies it. Each event is stored in the warning's own
// outbox by the write that makes the change.

/** The screening that raises warnings. */
export const SCREENING_ACTOR: Actor = {
  kind: 'system',
  id: 'monitoring-screening',
  name: '防返贫监测筛查',
};

type Ids = Pick<MonitoringWarning, '_id' | 'householdId' | 'areaCode' | 'townshipCode'>;

const idsOf = (w: Ids) => ({
  warningId: w._id,
  householdId: w.householdId,
  areaCode: w.areaCode,
  townshipCode: w.townshipCode,
});

type Due = Pick<MonitoringWarning, 'dueOn'> & { dueAt?: Date | null };

export function warningRaised(
  w: Ids & Pick<MonitoringWarning, 'signals' | 'raisedAt'> & Due,
): Envelope {
  return createEvent(MonitoringWarningRaised, {
    aggregateId: w._id,
    areaCode: w.areaCode,
    actor: SCREENING_ACTOR,
    occurredAt: w.raisedAt,
    payload: {
      ...idsOf(w),
      signals: w.signals.map((s) => s.code),
      raisedAt: new Date(w.raisedAt).toISOString(),
      dueAt: dueAtOf(w).toISOString(),
      dueOn: w.dueOn,
    },
  });
}

/** 督办: the deadline set on an open warning, the one it replaced, and why. */
export function warningDueChanged(
  w: Ids & Pick<MonitoringWarning, 'raisedAt'> & Due,
  d: { dueAt: Date; dueOn: string; reason: string; at: Date },
  actor: Actor,
): Envelope {
  return createEvent(MonitoringWarningDueChanged, {
    aggregateId: w._id,
    areaCode: w.areaCode,
    actor,
    occurredAt: d.at,
    payload: {
      ...idsOf(w),
      raisedAt: new Date(w.raisedAt).toISOString(),
      dueAt: d.dueAt.toISOString(),
      dueOn: d.dueOn,
      previousDueAt: dueAtOf(w).toISOString(),
      reason: d.reason,
      changedAt: d.at.toISOString(),
    },
  });
}

export function warningDecided(
  w: Ids & Pick<MonitoringWarning, 'raisedAt'> & Due,
  d: { decision: 'confirmed' | 'dismissed'; at: Date },
  actor: Actor,
): Envelope {
  return createEvent(MonitoringWarningDecided, {
    aggregateId: w._id,
    areaCode: w.areaCode,
    actor,
    occurredAt: d.at,
    payload: {
      ...idsOf(w),
      decision: d.decision,
      raisedAt: new Date(w.raisedAt).toISOString(),
      decidedAt: d.at.toISOString(),
      dueAt: dueAtOf(w).toISOString(),
      dueOn: w.dueOn,
      onTime: warningDecidedOnTime(d.at, dueAtOf(w)),
    },
  });
}
