import { type Bilingual, bi } from '@fupin/kit';
import { areaLevel, isAreaCode } from '@fupin/reference';
import { headFindingMessage, headFindings as oneHeadFindings } from '../households/head.rules';

/**
 * The rules an import holds a household to beyond its single cells: one 户主 per household,
 * a village that is in the area tree, and a household refused whole (every row of it told).
 * Pure: they take what the rows say and answer the findings.
 */

export interface Finding {
  /** Index of the row in its household (0 = the household's first row). */
  index: number;
  code: string;
  message: Bilingual;
}

/** One member row as the head rule sees it: its sheet row, its relation, whether that was readable. */
export interface RelationRow {
  row: number;
  relation: unknown;
  /** The relation cell could not be read (its own error is reported): no head finding then. */
  unreadable: boolean;
}

/**
 * A household has exactly one 户主 (the registry's one rule, `head.rules`): a second head is
 * refused on its row (naming the first), a household without one on its first row.
 * Unreadable relations leave the count unknown, so nothing is said about the head then.
 */
export function headFindings(rows: RelationRow[]): Finding[] {
  const placeOf = (index: number) => {
    const row = rows[index]!.row;
    return { zh: `第 ${row} 行`, en: `row ${row}` };
  };
  return oneHeadFindings(rows).map((f) => ({
    index: f.index,
    code: f.code,
    message: headFindingMessage(f, placeOf),
  }));
}

/** What the area tree says of a village code: absent, or there with its status. */
export type VillageStatus = 'active' | 'retired';

/** The codes whose village the area tree has to be asked about (well-formed village codes). */
export function villageCodesToLookUp(codes: Iterable<string>): string[] {
  return [...new Set([...codes].filter((c) => isAreaCode(c) && areaLevel(c) === 'village'))];
}

/**
 * A well-formed village code must name an active village of the county's area tree; the
 * refusal names the column and the code. Malformed codes and codes of other levels are left
 * to the registry's own checks (they are never looked up).
 */
export function villageFinding(
  code: string,
  known: ReadonlyMap<string, VillageStatus>,
): { code: string; message: Bilingual } | null {
  if (!isAreaCode(code) || areaLevel(code) !== 'village') return null;
  const status = known.get(code);
  if (status === 'active') return null;
  if (status === 'retired')
    return {
      code: 'village_retired',
      message: bi(
        `行政村代码 ${code} 的村已撤销，不能再登记户`,
        `行政村代码 ${code}: the village has been retired; no household can be registered in it`,
      ),
    };
  return {
    code: 'unknown_village',
    message: bi(
      `行政村代码 ${code} 不是本县区划中的行政村，请核对代码或先在区划管理中添加该村`,
      `行政村代码 ${code} is no village of the county's area tree; check the code or add the village to the area tree first`,
    ),
  };
}

/** What each good row of a refused household says: which rows of it are invalid. */
export function sameHouseholdRefusal(badRows: number[]): Finding['message'] {
  const zh = badRows.join('、');
  const en = badRows.join(', ');
  return badRows.length === 1
    ? bi(`同户第${zh}行有误，整户未导入`, `not stored: row ${en} of the same household is invalid`)
    : bi(
        `同户第${zh}行有误，整户未导入`,
        `not stored: rows ${en} of the same household are invalid`,
      );
}

export const SAME_HOUSEHOLD_INVALID = 'same_household_invalid';
