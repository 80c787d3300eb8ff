import { type Connection, Schema } from 'mongoose';
import type { PersonalValue } from '../common/personal';

export const HELPER_RANKS = [
  'department_level',
  'division_level',
  'section_level',
  'general',
] as const;
/** 帮扶干部职级 — 厅级, 处级, 科级, 一般干部; it sets how many households a cadre takes. */
export type HelperRank = (typeof HELPER_RANKS)[number];

export const PAIRING_ROLES = ['key', 'contact'] as const;
/** 重点帮扶 (key: the household's responsible helper) or 联系 (contact). */
export type PairingRole = (typeof PAIRING_ROLES)[number];

/** 帮扶责任人 — a cadre who helps households, with the unit (单位) that sends them. */
export interface Helper {
  _id: string;
  name: string;
  unit: string;
  /** The line department (行业部门) of the unit, when it is one. */
  department: string | null;
  rank: HelperRank;
  position: string | null;
  phone: PersonalValue | null;
  /** Where the helper works: a county cadre serves every township, a township cadre its own. */
  areaCode: string;
  status: 'active' | 'inactive';
  /**
   * Active pairings by role, kept by the single-document claim that admits a pairing, so two
   * pairings made at once can never both pass the rank limit.
   */
  load: Record<PairingRole, number>;
  /** `unit` + `name`: the same cadre is registered once. */
  identityKey: string;
  createdAt: Date;
  updatedAt: Date;
  revision: number;
}

const personalValue = new Schema<PersonalValue>(
  {
    enc: String,
    hash: String,
    hashes: { type: [String], default: undefined },
    hashKeys: { type: [String], default: undefined },
    masked: String,
  },
  { _id: false },
);

const helperSchema = new Schema<Helper>(
  {
    _id: String,
    name: { type: String, required: true },
    unit: { type: String, required: true },
    department: { type: String, default: null },
    rank: { type: String, required: true, enum: HELPER_RANKS },
    position: { type: String, default: null },
    phone: { type: personalValue, default: null },
    areaCode: { type: String, required: true },
    status: { type: String, required: true, enum: ['active', 'inactive'] },
    load: {
      key: { type: Number, required: true, default: 0 },
      contact: { type: Number, required: true, default: 0 },
    },
    identityKey: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    revision: { type: Number, required: true },
  },
  { collection: 'helpers', versionKey: false, minimize: false },
);
helperSchema.index({ identityKey: 1 }, { unique: true });
helperSchema.index({ areaCode: 1, name: 1 });
helperSchema.index({ unit: 1 });
helperSchema.index({ 'phone.hash': 1 });

export function helperModel(conn: Connection) {
  return conn.models.Helper
    ? conn.model<Helper>('Helper')
    : conn.model<Helper>('Helper', helperSchema);
}
export type HelperModel = ReturnType<typeof helperModel>;

export function identityKeyOf(unit: string, name: string): string {
  return `${unit.trim()}\u241f${name.trim()}`;
}
