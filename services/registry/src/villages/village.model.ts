import { type OutboxFields, outboxPlugin } from '@fupin/kit';
import { type Connection, Schema } from 'mongoose';
import type { VillageExitState } from './village-exit.types';

export const INFRASTRUCTURE = [
  'roadHardening',
  'tapWater',
  'electricity',
  'broadband',
  'clinic',
  'activityRoom',
] as const;
/** 基础设施 — 道路硬化, 自来水, 通电, 宽带, 卫生室, 活动室. */
export type InfrastructureItem = (typeof INFRASTRUCTURE)[number];
export type Infrastructure = Record<InfrastructureItem, { inPlace: boolean; note: string | null }>;

/** 村民小组 — a group of the village; it has no digits of its own in the area code. */
export interface VillagerGroup {
  no: number;
  name: string;
}

/** 第一书记 — the secretary a department sends to the village. */
export interface FirstSecretary {
  name: string;
  unit: string | null;
  since: string | null;
}

/** 驻村工作队 — the work team stationed in the village. */
export interface WorkTeam {
  unit: string | null;
  leader: string | null;
  members: string[];
}

/**
 * 行政村 — the facts of a village that are typed in. Registered poor households and people and
 * the poverty incidence are never stored here: they are computed from the households.
 */
export interface Village extends OutboxFields {
  _id: string;
  code: string;
  townshipCode: string;
  groups: VillagerGroup[];
  /** 总户数 — every household of the village, poor or not. */
  totalHouseholds: number | null;
  /** 农村人口 — the rural population, the denominator of the poverty incidence. */
  ruralPopulation: number | null;
  poorVillage: boolean;
  poorVillageLevel: 'provincial' | 'city' | null;
  /** Set by the county approval of the exit workflow (贫困村退出), never typed in. */
  exited: boolean;
  exitYear: number | null;
  /** The running exit and every earlier run with its steps; null before the first. */
  exitWorkflow?: VillageExitState | null;
  infrastructure: Infrastructure;
  firstSecretary: FirstSecretary | null;
  workTeam: WorkTeam | null;
  createdAt: Date;
  updatedAt: Date;
  updatedBy: string;
  revision: number;
}

const infraItem = new Schema(
  { inPlace: { type: Boolean, required: true }, note: { type: String, default: null } },
  { _id: false },
);

const villageSchema = new Schema<Village>(
  {
    _id: String,
    code: { type: String, required: true },
    townshipCode: { type: String, required: true },
    groups: {
      type: [new Schema<VillagerGroup>({ no: Number, name: String }, { _id: false })],
      default: [],
    },
    totalHouseholds: { type: Number, default: null },
    ruralPopulation: { type: Number, default: null },
    poorVillage: { type: Boolean, default: false },
    poorVillageLevel: { type: String, default: null },
    exited: { type: Boolean, default: false },
    exitYear: { type: Number, default: null },
    exitWorkflow: { type: Schema.Types.Mixed, default: null },
    infrastructure: Object.fromEntries(
      INFRASTRUCTURE.map((k) => [k, { type: infraItem, required: true }]),
    ),
    firstSecretary: {
      type: new Schema<FirstSecretary>(
        {
          name: String,
          unit: { type: String, default: null },
          since: { type: String, default: null },
        },
        { _id: false },
      ),
      default: null,
    },
    workTeam: {
      type: new Schema<WorkTeam>(
        {
          unit: { type: String, default: null },
          leader: { type: String, default: null },
          members: { type: [String], default: [] },
        },
        { _id: false },
      ),
      default: null,
    },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    updatedBy: { type: String, required: true },
    revision: { type: Number, required: true, default: 1 },
  },
  { collection: 'villages', versionKey: false, minimize: false },
);
villageSchema.plugin(outboxPlugin);
villageSchema.index({ code: 1 }, { unique: true });
villageSchema.index({ townshipCode: 1, code: 1 });
// The list's 贫困村 filter, within the caller's area.
villageSchema.index({ poorVillage: 1, code: 1 });
villageSchema.index({ exited: 1, exitYear: 1 });

export function villageModel(conn: Connection) {
  return conn.models.Village
    ? conn.model<Village>('Village')
    : conn.model<Village>('Village', villageSchema);
}
export type VillageModel = ReturnType<typeof villageModel>;

/** 年度脱贫目标 — reference data: what an area plans to lift out of poverty in a year. */
export interface ExitTarget extends OutboxFields {
  /** `<areaCode>:<year>` */
  _id: string;
  areaCode: string;
  year: number;
  households: number;
  people: number | null;
  /** 贫困发生率 the area means to be at or below by the year's end, in percent. */
  incidencePercent?: number | null;
  /** How many poor villages are to exit in the year. */
  villages?: number | null;
  /** Which villages are to exit in the year (their codes). */
  villageCodes?: string[];
  updatedAt: Date;
  updatedBy: string;
  revision: number;
}

const exitTargetSchema = new Schema<ExitTarget>(
  {
    _id: String,
    areaCode: { type: String, required: true },
    year: { type: Number, required: true },
    households: { type: Number, required: true },
    people: { type: Number, default: null },
    incidencePercent: { type: Number, default: null },
    villages: { type: Number, default: null },
    villageCodes: { type: [String], default: [] },
    updatedAt: { type: Date, required: true },
    updatedBy: { type: String, required: true },
    revision: { type: Number, required: true, default: 1 },
  },
  { collection: 'exit_targets', versionKey: false },
);
exitTargetSchema.plugin(outboxPlugin);
exitTargetSchema.index({ areaCode: 1, year: 1 }, { unique: true });
// A year's targets within the caller's area.
exitTargetSchema.index({ year: 1, areaCode: 1 });

export function exitTargetModel(conn: Connection) {
  return conn.models.ExitTarget
    ? conn.model<ExitTarget>('ExitTarget')
    : conn.model<ExitTarget>('ExitTarget', exitTargetSchema);
}
export type ExitTargetModel = ReturnType<typeof exitTargetModel>;
