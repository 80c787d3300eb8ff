import { type OutboxFields, outboxPlugin } from '@fupin/kit';
import {
  codesOf,
  type NoticeStep,
  FundingSource,
  type FundingSource as Source,
  ProjectStatus,
  ProjectType,
  type ProjectStatus as Status,
  type ProjectType as Type,
} from '@fupin/reference';
import { type Connection, Schema } from 'mongoose';
import { type HistoryEntry, historyFields } from '../shared/principal';

export const SOURCES = codesOf(FundingSource);
export const PROJECT_TYPES = codesOf(ProjectType);
export const PROJECT_STATUSES = codesOf(ProjectStatus);

export const FIVE_SYSTEMS = [
  'legalPerson',
  'tendering',
  'supervision',
  'contract',
  'integrity',
] as const;
/**
 * 五制 — project legal-person (项目法人制), tendering (招投标制), supervision (工程监理制),
 * contract (合同管理制) and integrity responsibility (廉政责任制).
 */
export type FiveSystem = (typeof FIVE_SYSTEMS)[number];
export type FiveSystems = Record<FiveSystem, { inPlace: boolean; note: string | null }>;

/** Money of a project (or of one source of it), integer fen. */
export interface Money {
  /** 下达 — allocated by funding batches, plus approved transfers in, less transfers out. */
  allocatedFen: number;
  /** Submitted payments awaiting their second signature. */
  reservedFen: number;
  /** 拨付 — approved payments. */
  disbursedFen: number;
  /** 结余 — what a new payment may still use: allocated − reserved − disbursed. */
  availableFen: number;
}

export const zeroMoney = (): Money => ({
  allocatedFen: 0,
  reservedFen: 0,
  disbursedFen: 0,
  availableFen: 0,
});

/** One allocation applied to the project (its id makes applying it twice a no-op). */
export interface AppliedAllocation {
  id: string;
  batchId: string;
  documentNo: string;
  source: Source;
  amountFen: number;
  on: string;
}

/** A payment awaiting approval, holding its amount. */
export interface Hold {
  disbursementId: string;
  source: Source;
  amountFen: number;
  at: Date;
}

/** An approved transfer leg (调剂) that moved money into or out of this project. */
export interface TransferLeg {
  /** `<transferId>:in` or `<transferId>:out`. */
  id: string;
  transferId: string;
  direction: 'in' | 'out';
  otherProjectId: string;
  source: Source;
  amountFen: number;
  on: string;
}

export interface ProjectDocument {
  id: string;
  fileId: string;
  fileName: string;
  sha256: string;
  kind: string;
  title: string;
  addedAt: Date;
  addedBy: string;
}

export interface Beneficiaries {
  households: number;
  people: number;
  /** 建档立卡户 — registered households, linked by their registry id. */
  poorHouseholdIds: string[];
  poorHouseholds: number;
  poorPeople: number;
}

/** 进度填报 — one progress report, with the files that show it. */
export interface ProgressReport {
  id: string;
  percent: number;
  reportedOn: string;
  note: string | null;
  /** Why the progress is below the last report's, when it is. */
  reason: string | null;
  evidence: { fileId: string; fileName: string; sha256: string }[];
  reportedAt: Date;
  reportedBy: { id: string; name: string };
}

export const NOTICE_PLACES = ['village_board', 'government_site', 'other'] as const;
/** Where a notice was put up: 村务公开栏, 政府网站, elsewhere (said in `placeNote`). */
export type NoticePlace = (typeof NOTICE_PLACES)[number];

/** 公示登记 — a public notice posted before a step that needs one (审批入库, the 尾款). */
export interface ProjectNotice {
  id: string;
  step: NoticeStep;
  postedOn: string;
  place: NoticePlace;
  /** Which board, which site (its address). */
  placeNote: string | null;
  text: string;
  evidence: { fileId: string; fileName: string; sha256: string }[];
  recordedAt: Date;
  recordedBy: { id: string; name: string };
}

/** 项目库 — a project of the library, with its funding ledger. */
export interface Project extends OutboxFields {
  _id: string;
  /** 项目编号 — the county's own project number, unique. */
  code: string;
  name: string;
  type: Type;
  year: number;
  /** Village, township or county the project is in. */
  areaCode: string;
  townshipCode: string;
  location: string | null;
  /** 实施单位 / 承建方 — who carries it out (the contract party of 合同制). */
  contractor: string | null;
  /** 项目负责人. */
  responsible: string | null;
  plannedInvestment: Record<Source, number>;
  plannedTotalFen: number;
  beneficiaries: Beneficiaries;
  fiveSystems: FiveSystems;
  status: Status;
  dates: {
    proposedOn: string | null;
    approvedOn: string | null;
    startedOn: string | null;
    completedOn: string | null;
    acceptedOn: string | null;
  };
  /** 计划开工 / 计划完工 — the plan progress is measured against. */
  plannedStartOn: string | null;
  plannedFinishOn: string | null;
  /** The last reported progress (0–100); null before the first report. */
  progressPercent: number | null;
  /** Every progress report, oldest first. */
  progressReports: ProgressReport[];
  /** The notices posted (公示), oldest first. */
  notices: ProjectNotice[];
  documents: ProjectDocument[];
  funding: Record<Source, Money>;
  money: Money;
  /**
   * What the payments approved (and being approved) total, fen: the progress cap's guarded
   * counter at approval. Absent on projects stored before it existed until their first approval
   * computes it from their approved payments.
   */
  approvedFen?: number;
  allocations: AppliedAllocation[];
  holds: Hold[];
  transfers: TransferLeg[];
  history: HistoryEntry[];
  createdAt: Date;
  updatedAt: Date;
  revision: number;
}

const moneySchema = new Schema<Money>(
  {
    allocatedFen: { type: Number, default: 0 },
    reservedFen: { type: Number, default: 0 },
    disbursedFen: { type: Number, default: 0 },
    availableFen: { type: Number, default: 0 },
  },
  { _id: false },
);

const perSource = <T>(def: T) => Object.fromEntries(SOURCES.map((s) => [s, def]));

const projectSchema = new Schema<Project>(
  {
    _id: String,
    code: { type: String, required: true },
    name: { type: String, required: true },
    type: { type: String, required: true, enum: PROJECT_TYPES },
    year: { type: Number, required: true },
    areaCode: { type: String, required: true },
    townshipCode: { type: String, required: true },
    location: { type: String, default: null },
    contractor: { type: String, default: null },
    responsible: { type: String, default: null },
    plannedInvestment: perSource({ type: Number, default: 0 }),
    plannedTotalFen: { type: Number, required: true },
    beneficiaries: {
      households: Number,
      people: Number,
      poorHouseholdIds: [String],
      poorHouseholds: Number,
      poorPeople: Number,
    },
    fiveSystems: Object.fromEntries(
      FIVE_SYSTEMS.map((k) => [k, { inPlace: Boolean, note: { type: String, default: null } }]),
    ),
    status: { type: String, required: true, enum: PROJECT_STATUSES },
    dates: {
      proposedOn: { type: String, default: null },
      approvedOn: { type: String, default: null },
      startedOn: { type: String, default: null },
      completedOn: { type: String, default: null },
      acceptedOn: { type: String, default: null },
    },
    plannedStartOn: { type: String, default: null },
    plannedFinishOn: { type: String, default: null },
    progressPercent: { type: Number, default: null },
    progressReports: { type: Schema.Types.Mixed, default: () => [] },
    notices: { type: Schema.Types.Mixed, default: () => [] },
    documents: { type: Schema.Types.Mixed, default: () => [] },
    funding: perSource({ type: moneySchema, default: zeroMoney }),
    money: { type: moneySchema, default: zeroMoney },
    // No default: a project without it has it computed once from its approved payments.
    approvedFen: { type: Number },
    allocations: { type: Schema.Types.Mixed, default: () => [] },
    holds: { type: Schema.Types.Mixed, default: () => [] },
    transfers: { type: Schema.Types.Mixed, default: () => [] },
    history: { type: [historyFields], default: [] },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    revision: { type: Number, required: true },
  },
  { collection: 'projects', versionKey: false, minimize: false },
);
projectSchema.plugin(outboxPlugin);
projectSchema.index({ code: 1 }, { unique: true });
projectSchema.index({ areaCode: 1, status: 1 });
// The list's filters, each followed by the scope range.
projectSchema.index({ townshipCode: 1, areaCode: 1 });
projectSchema.index({ year: 1, areaCode: 1 });
projectSchema.index({ status: 1, areaCode: 1 });
projectSchema.index({ type: 1, areaCode: 1 });
projectSchema.index({ status: 1, 'dates.approvedOn': 1 });
projectSchema.index({ contractor: 1 });
// The projects that benefit a registered household (its dossier), followed by the scope range.
projectSchema.index({ 'beneficiaries.poorHouseholdIds': 1, areaCode: 1 });

export function projectModel(conn: Connection) {
  return conn.models.Project
    ? conn.model<Project>('Project')
    : conn.model<Project>('Project', projectSchema);
}
export type ProjectModel = ReturnType<typeof projectModel>;
