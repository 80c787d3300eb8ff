import {
  DisabilityGrade,
  EducationLevel,
  type EnumDefinition,
  Ethnicity,
  HealthStatus,
  HouseholdStatus,
  HousingSafetyGrade,
  LabourCapacity,
  PovertyAttribute,
  PovertyCause,
  Relation,
  SchoolStage,
} from '@fupin/reference';
import { type Column, COLUMNS } from './household-columns';

/**
 * The household workbook: ONE ROW PER MEMBER, with the household's columns repeated on each
 * of its rows. A household is its consecutive rows with the same 户编号. One sheet (and the
 * same columns in CSV) keeps an import streamable: a household is complete as soon as the
 * next 户编号 starts, so nothing has to be held back until a second sheet has been read.
 */
// Here: its sheets, the recognition of a header whatever its width and spacing, and the code
// lists; the columns are in household-columns.ts, the reading of a cell in sheet-cells.ts.

export const DATA_SHEET = '户与成员';
export const INSTRUCTIONS_SHEET = '填写说明';
export const CODES_SHEET = '代码表';

// Spreadsheet headers drift in width and spacing ("工资性收入(元)" vs "工资性收入（元）").
export function headerKey(h: string): string {
  return h.normalize('NFKC').replace(/\s+/g, '').replace(/\*$/, '');
}

export const COLUMN_BY_HEADER: ReadonlyMap<string, Column> = new Map(
  COLUMNS.map((c) => [headerKey(c.header), c]),
);
export const COLUMN_BY_KEY: ReadonlyMap<string, Column> = new Map(COLUMNS.map((c) => [c.key, c]));

/** Column letter of a 1-based index: 1 → A, 28 → AB. */
export function columnLetter(index: number): string {
  let n = index;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Enum lists for the code sheet: header → allowed Chinese labels. */
export const CODE_LISTS: readonly [string, EnumDefinition][] = [
  ['贫困户状态', HouseholdStatus],
  ['贫困户属性', PovertyAttribute],
  ['致贫原因', PovertyCause],
  ['住房安全等级', HousingSafetyGrade],
  ['与户主关系', Relation],
  ['文化程度', EducationLevel],
  ['在校学段', SchoolStage],
  ['健康状况', HealthStatus],
  ['残疾等级', DisabilityGrade],
  ['劳动能力', LabourCapacity],
  ['民族', Ethnicity],
];
