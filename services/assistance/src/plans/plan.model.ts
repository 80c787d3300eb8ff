import { type Connection, Schema } from 'mongoose';

/** A yearly target of a plan: the income to reach and the guarantees to have met. */
export interface PlanTarget {
  year: number;
  /** 人均纯收入 target, integer fen. */
  perCapitaIncomeFen: number | null;
  /** 两不愁三保障 + 饮水安全 codes to be met by the end of the year. */
  guarantees: string[];
  /** The household is planned to exit poverty that year. */
  exit: boolean;
  note: string | null;
}

export interface PlanProgress {
  at: Date;
  date: string;
  percent: number;
  note: string;
  actorId: string;
  actorName: string;
}

/**
 * One earlier version of the plan, kept when a change (`action`, by the actor, at `at`)
 * replaced it: the plan's history is never overwritten.
 */
export interface PlanVersion {
  revision: number;
  at: Date;
  actorId: string;
  actorName: string;
  action: 'updated' | 'progress';
  changed: string[];
  summary: string;
  targets: PlanTarget[];
  causes: { mainCause: string | null; otherCauses: string[] };
}

/** 一户一策 — a household's assistance plan: causes, chosen measures, targets and progress. */
export interface Plan {
  /** The household id: one plan per household. */
  _id: string;
  householdNo: string;
  areaCode: string;
  /** The causes as the registry stated them when the plan was last saved. */
  causes: { mainCause: string | null; otherCauses: string[] };
  /** 帮扶思路 — how the household is to get out of poverty. */
  summary: string;
  targets: PlanTarget[];
  progress: PlanProgress[];
  progressPercent: number;
  targetYears: number[];
  history: PlanVersion[];
  createdAt: Date;
  updatedAt: Date;
  revision: number;
}

const planSchema = new Schema<Plan>(
  {
    _id: String,
    householdNo: { type: String, required: true },
    areaCode: { type: String, required: true },
    causes: { type: Schema.Types.Mixed, required: true },
    summary: { type: String, default: '' },
    targets: { type: Schema.Types.Mixed, default: [] },
    progress: { type: Schema.Types.Mixed, default: [] },
    progressPercent: { type: Number, default: 0 },
    targetYears: { type: [Number], default: [] },
    history: { type: Schema.Types.Mixed, default: [] },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    revision: { type: Number, required: true },
  },
  { collection: 'plans', versionKey: false, minimize: false },
);
planSchema.index({ areaCode: 1, householdNo: 1 });
// A target year's plans within the caller's area.
planSchema.index({ targetYears: 1, areaCode: 1 });

export function planModel(conn: Connection) {
  return conn.models.Plan ? conn.model<Plan>('Plan') : conn.model<Plan>('Plan', planSchema);
}
export type PlanModel = ReturnType<typeof planModel>;
