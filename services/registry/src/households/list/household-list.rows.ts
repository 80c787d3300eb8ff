import type { Household } from '../household.model';
import type { HouseholdListRow } from './household-list.model';

/** The household fields a list row is made of: what a rebuild reads of each household. */
export const ROW_SOURCE_FIELDS = {
  revision: 1,
  householdNo: 1,
  headName: 1,
  areaCode: 1,
  townshipCode: 1,
  status: 1,
  attribute: 1,
  mainCause: 1,
  otherCauses: 1,
  identificationYear: 1,
  exitYear: 1,
  guaranteesUnmet: 1,
  perCapitaIncomeFen: 1,
  belowPovertyLine: 1,
  size: 1,
  memberNames: 1,
  memberIdHashes: 1,
  createdAt: 1,
  updatedAt: 1,
} as const;

export type RowSource = Pick<Household, '_id' | keyof typeof ROW_SOURCE_FIELDS>;

/** The county a village belongs to: its first six digits (GB/T 2260), padded to 12. */
export function countyCodeOf(areaCode: string): string {
  return areaCode.slice(0, 6).padEnd(12, '0');
}

/** The list row of a household as stored. */
export function rowOf(h: RowSource): HouseholdListRow {
  const otherCauses = h.otherCauses ?? [];
  const guaranteesUnmet = h.guaranteesUnmet ?? [];
  return {
    _id: h._id,
    revision: h.revision,
    householdNo: h.householdNo,
    headName: h.headName ?? '',
    areaCode: h.areaCode,
    townshipCode: h.townshipCode,
    countyCode: countyCodeOf(h.areaCode),
    status: h.status,
    attribute: h.attribute ?? null,
    mainCause: h.mainCause ?? null,
    causes: h.mainCause ? [h.mainCause, ...otherCauses] : [...otherCauses],
    identificationYear: h.identificationYear ?? null,
    exitYear: h.exitYear ?? null,
    guaranteesUnmet,
    anyGuaranteeUnmet: guaranteesUnmet.length > 0,
    perCapitaIncomeFen: h.perCapitaIncomeFen ?? null,
    belowPovertyLine: h.belowPovertyLine ?? null,
    size: h.size,
    memberNames: h.memberNames ?? [],
    memberIdHashes: h.memberIdHashes ?? [],
    createdAt: h.createdAt,
    updatedAt: h.updatedAt,
  };
}
