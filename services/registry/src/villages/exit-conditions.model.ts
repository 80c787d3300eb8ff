import { scopedRepository } from '@fupin/kit';
import { type Connection, Schema } from 'mongoose';
import { INFRASTRUCTURE, type InfrastructureItem } from './village.model';

/**
 * 贫困村退出条件 — one version of a county's village exit conditions. Versions are never
 * changed: a change writes the next version with who made it and why, so the collection is
 * its own audit trail and a run's checks name the version they were made against.
 */
export interface ExitConditionsVersion {
  /** `<countyCode>:<version>` */
  _id: string;
  /** The county the conditions apply to (every village under it). */
  areaCode: string;
  version: number;
  incidence: {
    enabled: boolean;
    /** Percent; null keeps the national rule for the province (2%, 3% in the west). */
    thresholdPercent: number | null;
  };
  infrastructure: Record<InfrastructureItem, { enabled: boolean }>;
  changedAt: Date;
  changedBy: { id: string; name: string; areaCode: string };
  reason: string;
}

const conditionsSchema = new Schema<ExitConditionsVersion>(
  {
    _id: String,
    areaCode: { type: String, required: true },
    version: { type: Number, required: true },
    incidence: {
      type: new Schema(
        {
          enabled: { type: Boolean, required: true },
          thresholdPercent: { type: Number, default: null },
        },
        { _id: false },
      ),
      required: true,
    },
    infrastructure: Object.fromEntries(
      INFRASTRUCTURE.map((k) => [
        k,
        {
          type: new Schema({ enabled: { type: Boolean, required: true } }, { _id: false }),
          required: true,
        },
      ]),
    ),
    changedAt: { type: Date, required: true },
    changedBy: {
      type: new Schema({ id: String, name: String, areaCode: String }, { _id: false }),
      required: true,
    },
    reason: { type: String, required: true },
  },
  { collection: 'village_exit_conditions', versionKey: false, minimize: false },
);
// One writer wins a version; the latest version of a county is read first.
conditionsSchema.index({ areaCode: 1, version: -1 }, { unique: true });

export function exitConditionsModel(conn: Connection) {
  return conn.models.VillageExitConditions
    ? conn.model<ExitConditionsVersion>('VillageExitConditions')
    : conn.model<ExitConditionsVersion>('VillageExitConditions', conditionsSchema);
}

/** The conditions' versions, read and written only through the area scope (kit). */
export function exitConditionsRepository(conn: Connection) {
  return scopedRepository<ExitConditionsVersion>(exitConditionsModel(conn));
}
