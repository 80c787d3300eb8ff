import { type Connection, Schema } from 'mongoose';
import type { HelperRank, PairingRole } from '../helpers/helper.model';

/**
 * How many households a cadre of a rank may take in each role (reference data the county
 * sets); `null` means no limit.
 */
export interface PairingLimit {
  _id: HelperRank;
  key: number | null;
  contact: number | null;
  updatedAt: Date;
  updatedBy: string;
  revision: number;
}

/**
 * Seed 004 (曲靖师范学院「挂包帮」方案): 厅级干部重点帮扶4户、联系3户；处级干部帮扶3户、联系4户.
 * The seed sets nothing for 科级 and 一般干部: they have no limit until the county sets one.
 */
export const DEFAULT_LIMITS: Record<HelperRank, Record<PairingRole, number | null>> = {
  department_level: { key: 4, contact: 3 },
  division_level: { key: 3, contact: 4 },
  section_level: { key: null, contact: null },
  general: { key: null, contact: null },
};

const limitSchema = new Schema<PairingLimit>(
  {
    _id: String,
    key: { type: Number, default: null },
    contact: { type: Number, default: null },
    updatedAt: { type: Date, required: true },
    updatedBy: { type: String, required: true },
    revision: { type: Number, required: true },
  },
  { collection: 'pairing_limits', versionKey: false, minimize: false },
);

export function pairingLimitModel(conn: Connection) {
  return conn.models.PairingLimit
    ? conn.model<PairingLimit>('PairingLimit')
    : conn.model<PairingLimit>('PairingLimit', limitSchema);
}
export type PairingLimitModel = ReturnType<typeof pairingLimitModel>;
