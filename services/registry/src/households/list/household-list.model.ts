import { type Connection, Schema } from 'mongoose';
import { HOUSEHOLD_SORTABLE } from '../household.schemas';

/**
 * 贫困户列表 — one slim row per household: what the list filters and sorts on and the scope
 * keys (county, township, village), about 0.5 KB where the household is ~4 KB (members with
 * ciphertext, history, outbox). The list, its count and the export's order read these rows;
 * a page's households are then fetched by id. Kept by the household's own writes
 * (`HouseholdListView.record`), guarded by the household's revision.
 */
export interface HouseholdListRow {
  /** The household's id. */
  _id: string;
  revision: number;
  householdNo: string;
  headName: string;
  /** The village's 12-digit code. */
  areaCode: string;
  townshipCode: string;
  countyCode: string;
  status: string;
  attribute: string | null;
  mainCause: string | null;
  /** The main cause and the other causes: the `cause` filter is one indexed equality. */
  causes: string[];
  identificationYear: number | null;
  exitYear: number | null;
  guaranteesUnmet: string[];
  /** Any guarantee unmet (`guaranteeUnmet: "any"`), as an indexed equality. */
  anyGuaranteeUnmet: boolean;
  perCapitaIncomeFen: number | null;
  belowPovertyLine: boolean | null;
  size: number;
  memberNames: string[];
  memberIdHashes: string[];
  createdAt: Date;
  updatedAt: Date;
}

const rowSchema = new Schema<HouseholdListRow>(
  {
    _id: String,
    revision: { type: Number, required: true },
    householdNo: { type: String, required: true },
    headName: String,
    areaCode: { type: String, required: true },
    townshipCode: { type: String, required: true },
    countyCode: { type: String, required: true },
    status: { type: String, required: true },
    attribute: String,
    mainCause: String,
    causes: [String],
    identificationYear: Number,
    exitYear: Number,
    guaranteesUnmet: [String],
    anyGuaranteeUnmet: Boolean,
    perCapitaIncomeFen: Number,
    belowPovertyLine: Boolean,
    size: Number,
    memberNames: [String],
    memberIdHashes: [String],
    createdAt: Date,
    updatedAt: Date,
  },
  { collection: 'household_list', versionKey: false },
);

/** The scope keys, widest first: a county user's list is a county, a township user's a township. */
export const SCOPE_KEYS = ['countyCode', 'townshipCode', 'areaCode'] as const;
export type ScopeKey = (typeof SCOPE_KEYS)[number];

// Every sort of the list inside a county's and a township's scope, with the id as tie-breaker
// (the list's own), so a page is read in order from the index and the walk stops after the
// page. An index is walked both ways, so one per field serves ASC and DESC. A village (a few
// hundred households) has its default order only.
for (const scope of ['countyCode', 'townshipCode'] as const) {
  for (const field of HOUSEHOLD_SORTABLE) rowSchema.index({ [scope]: 1, [field]: 1, _id: 1 });
}
rowSchema.index({ areaCode: 1, householdNo: 1, _id: 1 });
// The common filters inside a scope, for a filtered page and its count (status, the years, the
// income and the dates ride the sort indexes above): the scope's equality, then the filter's.
for (const scope of ['countyCode', 'townshipCode'] as const) {
  rowSchema.index({ [scope]: 1, mainCause: 1, status: 1 });
  rowSchema.index({ [scope]: 1, attribute: 1, status: 1 });
  rowSchema.index({ [scope]: 1, causes: 1, status: 1 });
  rowSchema.index({ [scope]: 1, guaranteesUnmet: 1 });
  rowSchema.index({ [scope]: 1, anyGuaranteeUnmet: 1, status: 1 });
  rowSchema.index({ [scope]: 1, belowPovertyLine: 1, status: 1 });
}
// Lookups that select a few households whatever the scope.
rowSchema.index({ memberIdHashes: 1 });
rowSchema.index({ memberNames: 1 });
rowSchema.index({ householdNo: 1 });
rowSchema.index({ headName: 1 });

export function householdListModel(conn: Connection) {
  return conn.models.HouseholdListRow
    ? conn.model<HouseholdListRow>('HouseholdListRow')
    : conn.model<HouseholdListRow>('HouseholdListRow', rowSchema);
}
export type HouseholdListModel = ReturnType<typeof householdListModel>;
