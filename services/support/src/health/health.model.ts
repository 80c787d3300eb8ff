import { type OutboxFields, outboxPlugin } from '@fupin/kit';
import { type Connection, Schema } from 'mongoose';
import { modelOn } from '../db';
import { type PersonLink, personLinkFields as personLink } from '../people/person-link';
import type { TopUpStatus } from './reimbursement.rules';

export interface TopUpPayment {
  id: string;
  amountFen: number;
  paidOn: string;
  department: string;
  voucherNo: string | null;
  recordedAt: Date;
  recordedBy: string;
}

/**
 * 住院报账 — one in-patient episode of a registered person: the cost, what each layer paid
 * (基本医保, 大病保险, 医疗救助), the reimbursed ratio, and the top-up owed to reach the
 * guaranteed ratio (追补到90%) with its payments.
 */
export interface InpatientEpisode extends PersonLink, OutboxFields {
  _id: string;
  hospital: string;
  admittedOn: string;
  dischargedOn: string | null;
  diagnosis: string | null;
  totalCostFen: number;
  basicInsuranceFen: number;
  seriousIllnessInsuranceFen: number;
  medicalAssistanceFen: number;
  reimbursedFen: number;
  ratioBasisPoints: number;
  targetBasisPoints: number;
  topUpFen: number;
  topUpPaidFen: number;
  topUpStatus: TopUpStatus;
  topUpPayments: TopUpPayment[];
  /** 先诊疗后付费 — admitted without a deposit. */
  treatFirstPayLater: boolean;
  recordedAt: Date;
  recordedBy: string;
  revision: number;
}

const episodeSchema = new Schema<InpatientEpisode>(
  {
    _id: String,
    ...personLink,
    hospital: { type: String, required: true },
    admittedOn: { type: String, required: true },
    dischargedOn: { type: String, default: null },
    diagnosis: { type: String, default: null },
    totalCostFen: { type: Number, required: true },
    basicInsuranceFen: { type: Number, required: true },
    seriousIllnessInsuranceFen: { type: Number, required: true },
    medicalAssistanceFen: { type: Number, required: true },
    reimbursedFen: { type: Number, required: true },
    ratioBasisPoints: { type: Number, required: true },
    targetBasisPoints: { type: Number, required: true },
    topUpFen: { type: Number, required: true },
    topUpPaidFen: { type: Number, required: true },
    topUpStatus: { type: String, required: true },
    topUpPayments: { type: Schema.Types.Mixed, default: [] },
    treatFirstPayLater: { type: Boolean, default: false },
    recordedAt: { type: Date, required: true },
    recordedBy: { type: String, required: true },
    revision: { type: Number, required: true },
  },
  { collection: 'inpatient_episodes', versionKey: false, minimize: false },
);
episodeSchema.plugin(outboxPlugin);
episodeSchema.index({ topUpStatus: 1, areaCode: 1 });
episodeSchema.index({ personId: 1, admittedOn: -1 });
// The list's order and filters, each filter followed by the scope range (one index walks both).
episodeSchema.index({ areaCode: 1, admittedOn: -1 });
episodeSchema.index({ townshipCode: 1, areaCode: 1 });
episodeSchema.index({ personId: 1, areaCode: 1 });
// A household's dossier (一户一档) within the scope.
episodeSchema.index({ householdId: 1, areaCode: 1 });

/** 慢病签约服务 — a family-doctor contract for a chronic illness. */
export interface ChronicCareContract extends PersonLink {
  _id: string;
  disease: string;
  doctor: string;
  team: string | null;
  signedOn: string;
  validUntil: string | null;
  status: 'active' | 'ended';
  endedOn: string | null;
  createdAt: Date;
  updatedAt: Date;
  revision: number;
}

const contractSchema = new Schema<ChronicCareContract>(
  {
    _id: String,
    ...personLink,
    disease: { type: String, required: true },
    doctor: { type: String, required: true },
    team: { type: String, default: null },
    signedOn: { type: String, required: true },
    validUntil: { type: String, default: null },
    status: { type: String, required: true },
    endedOn: { type: String, default: null },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    revision: { type: Number, required: true },
  },
  { collection: 'chronic_care_contracts', versionKey: false },
);
contractSchema.index({ status: 1, areaCode: 1 });
contractSchema.index({ personId: 1 });
// The list within the caller's area, in its order.
contractSchema.index({ areaCode: 1, signedOn: -1 });
// A household's dossier (一户一档) within the scope.
contractSchema.index({ householdId: 1, areaCode: 1 });

/** 大病救助 — a registered person taken into serious-illness relief. */
export interface SeriousIllnessCase extends PersonLink {
  _id: string;
  disease: string;
  hospital: string | null;
  diagnosedOn: string | null;
  /** 纳入救助日期 */
  includedOn: string;
  status: 'active' | 'closed';
  closedOn: string | null;
  note: string | null;
  createdAt: Date;
  updatedAt: Date;
  revision: number;
}

const illnessSchema = new Schema<SeriousIllnessCase>(
  {
    _id: String,
    ...personLink,
    disease: { type: String, required: true },
    hospital: { type: String, default: null },
    diagnosedOn: { type: String, default: null },
    includedOn: { type: String, required: true },
    status: { type: String, required: true },
    closedOn: { type: String, default: null },
    note: { type: String, default: null },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    revision: { type: Number, required: true },
  },
  { collection: 'serious_illness_cases', versionKey: false },
);
illnessSchema.index({ status: 1, areaCode: 1 });
illnessSchema.index({ personId: 1 });
// The list within the caller's area, in its order.
illnessSchema.index({ areaCode: 1, includedOn: -1 });
// A household's dossier (一户一档) within the scope.
illnessSchema.index({ householdId: 1, areaCode: 1 });

export function healthModels(conn: Connection) {
  const model = <T>(name: string, schema: Schema<T>) => modelOn(conn, name, schema);
  return {
    episodes: model<InpatientEpisode>('InpatientEpisode', episodeSchema),
    contracts: model<ChronicCareContract>('ChronicCareContract', contractSchema),
    illnesses: model<SeriousIllnessCase>('SeriousIllnessCase', illnessSchema),
  };
}
export type HealthModels = ReturnType<typeof healthModels>;
