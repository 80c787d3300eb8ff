import {
  DisabilityGrade,
  EducationLevel,
  type EnumDefinition,
  Ethnicity,
  HealthStatus,
  HouseholdStatus,
  HousingSafetyGrade,
  LabourCapacity,
  labelOf,
  PovertyAttribute,
  PovertyCause,
  Relation,
  SchoolStage,
  Sex,
} from '@fupin/reference';
import { HOUSEHOLD_SHEET_HEADERS } from '@fupin/contracts';
import {
  COUNTY_CODE,
  COUNTY_NAME,
  type DemoCounty,
  type DemoHousehold,
  type DemoMember,
  GUARANTEE_CODES,
} from './county';

/**
 * The demo county as the files people upload: the area tree CSV (POST /areas/import) and the
 * household workbook's columns as CSV, one row per member (POST /imports/households). The
 * headers are the registry template's own, so the files go through the same import a county
 * office uses.
 */

type Cell = string | number | boolean | null;

function csvCell(v: Cell): string {
  if (v === null) return '';
  const s = typeof v === 'boolean' ? (v ? '是' : '否') : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
const csvLine = (cells: Cell[]) => `${cells.map(csvCell).join(',')}\r\n`;

const GROUP_NAMES = [...'一二三四五六七八九十'];
const groupName = (no: number) =>
  no <= 10 ? `${GROUP_NAMES[no - 1]}组` : no < 20 ? `十${GROUP_NAMES[no - 11]}组` : `${no}组`;

/** The area tree: the county, its townships and villages, each village's villager groups. */
export function areaTreeCsv(county: DemoCounty): string {
  let out = csvLine(['区划代码', '名称', '村民小组']);
  out += csvLine([COUNTY_CODE, COUNTY_NAME, null]);
  for (const t of county.townships) out += csvLine([t.code, t.name, null]);
  for (const v of county.villages) {
    out += csvLine([v.code, v.name, null]);
    for (let g = 1; g <= v.groups; g++) out += csvLine([v.code, groupName(g), g]);
  }
  return out;
}

const zh = (e: EnumDefinition, code: string | null) => (code ? labelOf(e, code, 'zh-CN') : null);
const yuan = (fen: number) => (fen / 100).toFixed(2);

type Fill = (h: DemoHousehold, m: DemoMember) => Cell;

/** Import keys in column order, each with how a household and member fill it. */
const FIELDS: readonly (readonly [string, Fill])[] = [
  ['householdNo', (h) => h.householdNo],
  ['areaCode', (h) => h.areaCode],
  ['groupNo', (h) => h.groupNo],
  ['address', (h) => h.address],
  ['phone', (h) => h.phone],
  ['bankName', (h) => h.bankName],
  ['bankAccount', (h) => h.bankAccount],
  ['status', (h) => zh(HouseholdStatus, h.status)],
  ['attribute', (h) => zh(PovertyAttribute, h.attribute)],
  ['mainCause', (h) => zh(PovertyCause, h.mainCause)],
  ['otherCauses', (h) => h.otherCauses.map((c) => zh(PovertyCause, c)).join('、')],
  ...GUARANTEE_CODES.map((g): [string, Fill] => [`guarantees.${g}`, (h) => h.guarantees[g]]),
  ['housingGrade', (h) => zh(HousingSafetyGrade, h.housingGrade)],
  ['identificationYear', (h) => h.identificationYear],
  ['exitYear', (h) => h.exitYear],
  ['partyMember', (h) => h.partyMember],
  ['income.year', (h) => h.income.year],
  ['income.wagesFen', (h) => yuan(h.income.wagesFen)],
  ['income.productionFen', (h) => yuan(h.income.productionFen)],
  ['income.propertyFen', (h) => yuan(h.income.propertyFen)],
  ['income.transferFen', (h) => yuan(h.income.transferFen)],
  ['member.name', (_h, m) => m.name],
  ['member.idNumber', (_h, m) => m.idNumber],
  ['member.relation', (_h, m) => zh(Relation, m.relation)],
  ['member.sex', (_h, m) => zh(Sex, m.sex)],
  ['member.birthDate', (_h, m) => m.birthDate],
  ['member.ethnicity', (_h, m) => zh(Ethnicity, m.ethnicity)],
  ['member.educationLevel', (_h, m) => zh(EducationLevel, m.educationLevel)],
  ['member.inSchool', (_h, m) => m.inSchool],
  ['member.schoolStage', (_h, m) => zh(SchoolStage, m.schoolStage)],
  ['member.health', (_h, m) => zh(HealthStatus, m.health)],
  ['member.disabilityGrade', (_h, m) => zh(DisabilityGrade, m.disabilityGrade)],
  ['member.labourCapacity', (_h, m) => zh(LabourCapacity, m.labourCapacity)],
  ['member.migrantWork.working', (_h, m) => m.migrantWork.working],
  ['member.migrantWork.place', (_h, m) => m.migrantWork.place],
  ['member.migrantWork.months', (_h, m) => m.migrantWork.months],
  ['member.medicalInsurance', (_h, m) => m.medicalInsurance],
  ['member.pensionInsurance', (_h, m) => m.pensionInsurance],
  ['member.minimumAllowance', (_h, m) => m.minimumAllowance],
  ['member.destituteSupport', (_h, m) => m.destituteSupport],
];

export const HOUSEHOLD_HEADERS: readonly string[] = FIELDS.map(([key]) => {
  const header = (HOUSEHOLD_SHEET_HEADERS as Readonly<Record<string, string>>)[key];
  if (!header) throw new Error(`the registry's household sheet has no column ${key}`);
  return header;
});

export const householdCsvHeader = () => csvLine([...HOUSEHOLD_HEADERS]);

/** A household's rows: one per member, the household's columns repeated on each. */
export function householdCsvRows(h: DemoHousehold): string {
  let out = '';
  for (const m of h.members) out += csvLine(FIELDS.map(([, fill]) => fill(h, m)));
  return out;
}
