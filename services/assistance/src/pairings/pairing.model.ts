import { type OutboxFields, outboxPlugin } from '@fupin/kit';
import { type Connection, Schema } from 'mongoose';
import {
  HELPER_RANKS,
  type HelperRank,
  PAIRING_ROLES,
  type PairingRole,
} from '../helpers/helper.model';

/** 结对帮扶 (干部帮户) — a helper paired with a household in a role, from a day until a day. */
export interface Pairing extends OutboxFields {
  _id: string;
  helperId: string;
  helperName: string;
  helperUnit: string;
  helperRank: HelperRank;
  householdId: string;
  householdNo: string;
  /** The household's village: every read is scoped by it. */
  areaCode: string;
  role: PairingRole;
  startDate: string;
  endDate: string | null;
  status: 'active' | 'ended';
  endReason: string | null;
  /**
   * `helper:household` while active: the database refuses the same pair twice. Ended pairings
   * carry their own id in it, so history never blocks a new pairing.
   */
  activeKey: string;
  /** The household id while this is its active key pairing: one responsible helper per household. */
  keySlot: string;
  source: 'api' | 'import';
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
  revision: number;
}

const pairingSchema = new Schema<Pairing>(
  {
    _id: String,
    helperId: { type: String, required: true },
    helperName: { type: String, required: true },
    helperUnit: { type: String, required: true },
    helperRank: { type: String, required: true, enum: HELPER_RANKS },
    householdId: { type: String, required: true },
    householdNo: { type: String, required: true },
    areaCode: { type: String, required: true },
    role: { type: String, required: true, enum: PAIRING_ROLES },
    startDate: { type: String, required: true },
    endDate: { type: String, default: null },
    status: { type: String, required: true, enum: ['active', 'ended'] },
    endReason: { type: String, default: null },
    activeKey: { type: String, required: true },
    keySlot: { type: String, required: true },
    source: { type: String, required: true },
    createdAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
    updatedAt: { type: Date, required: true },
    revision: { type: Number, required: true },
  },
  { collection: 'pairings', versionKey: false, minimize: false },
);
pairingSchema.plugin(outboxPlugin);
pairingSchema.index({ activeKey: 1 }, { unique: true });
pairingSchema.index({ keySlot: 1 }, { unique: true });
pairingSchema.index({ areaCode: 1, status: 1 });
pairingSchema.index({ householdId: 1, status: 1 });
pairingSchema.index({ helperId: 1, status: 1 });
// The list's filters, each followed by the scope range (one index walks both).
pairingSchema.index({ householdId: 1, areaCode: 1 });
pairingSchema.index({ helperId: 1, areaCode: 1 });
pairingSchema.index({ status: 1, areaCode: 1 });

export function pairingModel(conn: Connection) {
  return conn.models.Pairing
    ? conn.model<Pairing>('Pairing')
    : conn.model<Pairing>('Pairing', pairingSchema);
}
export type PairingModel = ReturnType<typeof pairingModel>;

export const activeKeyOf = (helperId: string, householdId: string) => `${helperId}:${householdId}`;
