import {
  type Actor,
  createEvent,
  PairingCreated,
  PairingEnded,
  type PairingSnapshot,
} from '@fupin/contracts';
import type { Pairing } from './pairing.model';

export const PAIRING_TOPICS = [PairingCreated.topic];

export function pairingSnapshot(p: Pairing): PairingSnapshot {
  return {
    id: p._id,
    helperId: p.helperId,
    helperRank: p.helperRank,
    householdId: p.householdId,
    areaCode: p.areaCode,
    role: p.role,
    startDate: p.startDate,
    endDate: p.endDate,
    status: p.status,
    revision: p.revision,
  };
}

const base = (p: Pairing, actor: Actor) => ({ aggregateId: p._id, areaCode: p.areaCode, actor });

export const pairingCreated = (p: Pairing, actor: Actor) =>
  createEvent(PairingCreated, { ...base(p, actor), payload: { pairing: pairingSnapshot(p) } });

export const pairingEnded = (p: Pairing, reason: string, actor: Actor) =>
  createEvent(PairingEnded, {
    ...base(p, actor),
    payload: { pairing: pairingSnapshot(p), reason },
  });
