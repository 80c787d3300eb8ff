import { HOUSEHOLD_SHEET_HEADERS } from '@fupin/contracts';
import { type Bilingual, bi, type Cell, cellText } from '@fupin/kit';
import {
  DisabilityGrade,
  EducationLevel,
  type EnumDefinition,
  Ethnicity,
  fromLabel,
  HealthStatus,
  HouseholdStatus,
  HousingSafetyGrade,
  LabourCapacity,
  parseYuan,
  PovertyAttribute,
  PovertyCause,
  Relation,
  SchoolStage,
  Sex,
} from '@fupin/reference';
import { GUARANTEES, type GuaranteeCode } from '../households/household.model';

/**
 * The household workbook: ONE ROW PER MEMBER, with the household's columns repeated on each
 * of its rows. A household is its consecutive rows with the same 户编号. One sheet (and the
 * same columns in CSV) keeps an import streamable: a household is complete as soon as the
 * next 户编号 starts, so nothing has to be held back until a second sheet has been read.
 */

/** A cell as read from XLSX or CSV: text, number, boolean, date, or nothing. */
export type { Cell } from '@fupin/kit';

export type ColumnScope = 'household' | 'member';

export type Parsed = { ok: true; value: unknown } | { ok: false; code: string; message: Bilingual };

export interface Column {
  /** Where the value goes in the service input: `householdNo`, `income.wagesFen`, `member.name`. */
  key: string;
  header: string;
  scope: ColumnScope;
  required?: boolean;
  width?: number;
  /** What the instructions sheet says about the column. */
  hint: string;
  parse(cell: Cell): Parsed;
}

const ok = (value: unknown): Parsed => ({ ok: true, value });
const bad = (code: string, zh: string, en: string): Parsed => ({
  ok: false,
  code,
  message: bi(zh, en),
});

export { cellText } from '@fupin/kit';

function isoDay(d: Date): string {
  // Excel dates carry no zone: exceljs reads them as UTC instants of the written wall time.
  return d.toISOString().slice(0, 10);
}

const text =
  (max: number) =>
  (cell: Cell): Parsed => {
    const t = cellText(cell);
    if ([...t].length > max)
      return bad('too_long', `不能超过${max}个字符`, `at most ${max} characters`);
    return ok(t === '' ? null : t);
  };

/** Enum cells hold the Chinese label (English labels and codes are read too). */
const label =
  (e: EnumDefinition) =>
  (cell: Cell): Parsed => {
    const t = cellText(cell);
    if (t === '') return ok(null);
    const code = fromLabel(e, t);
    if (code === undefined) {
      const allowed = Object.values(e)
        .map((v) => v.zh)
        .join('、');
      return bad(
        'unknown_label',
        `无法识别「${t}」，可填：${allowed}`,
        `"${t}" is not one of: ${allowed}`,
      );
    }
    return ok(code);
  };

const YES = new Set(['是', '有', 'y', 'yes', 'true', '1', '√', '✓']);
const NO = new Set(['否', '无', '没有', 'n', 'no', 'false', '0', '×']);

const yesNo = (cell: Cell): Parsed => {
  if (typeof cell === 'boolean') return ok(cell);
  const t = cellText(cell).toLowerCase();
  if (t === '') return ok(null);
  if (YES.has(t)) return ok(true);
  if (NO.has(t)) return ok(false);
  return bad(
    'not_yes_no',
    `应填「是」或「否」，而不是「${t}」`,
    `expected 是 (yes) or 否 (no), not "${t}"`,
  );
};

const integer =
  (min: number, max: number) =>
  (cell: Cell): Parsed => {
    const t = cellText(cell);
    if (t === '') return ok(null);
    const n = Number(t);
    if (!Number.isInteger(n) || n < min || n > max)
      return bad(
        'not_integer',
        `应为${min}–${max}的整数`,
        `expected a whole number from ${min} to ${max}`,
      );
    return ok(n);
  };

/** Yuan as people write them (`1,234.56`, `¥12`), stored as integer fen. */
const yuan = (cell: Cell): Parsed => {
  const t = typeof cell === 'number' ? cell : cellText(cell);
  if (t === '') return ok(null);
  const r = parseYuan(t);
  if (!r.ok) return bad(r.code, r.reason.zh, r.reason.en);
  if (r.fen < 0) return bad('negative', '收入不能为负数', 'income cannot be negative');
  return ok(r.fen);
};

const DATE_FORMS = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

const date = (cell: Cell): Parsed => {
  if (cell instanceof Date) return ok(isoDay(cell));
  const t = cellText(cell);
  if (t === '') return ok(null);
  for (const re of DATE_FORMS) {
    const m = re.exec(t);
    if (!m) continue;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const dt = new Date(Date.UTC(y, mo - 1, d));
    if (dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d)
      return ok(isoDay(dt));
  }
  return bad(
    'not_a_date',
    `「${t}」不是有效日期，请写成 2020-01-31`,
    `"${t}" is not a date; write 2020-01-31`,
  );
};

/** ID numbers are kept as text: a number cell has already lost its last digits in Excel. */
const idText = (cell: Cell): Parsed => {
  if (typeof cell === 'number')
    return bad(
      'ID_NOT_TEXT',
      '身份证号必须以文本填写（Excel 中请将单元格设为文本格式，否则后几位会变成0）',
      'The ID number must be text (format the cell as text in Excel, or its last digits turn into 0)',
    );
  return ok(cellText(cell));
};

const causes = (cell: Cell): Parsed => {
  const t = cellText(cell);
  if (t === '') return ok([]);
  const out: string[] = [];
  for (const part of t.split(/[、,，;；/\s]+/).filter(Boolean)) {
    const code = fromLabel(PovertyCause, part);
    if (!code)
      return bad(
        'unknown_label',
        `无法识别致贫原因「${part}」，多个原因用顿号分隔`,
        `"${part}" is not a poverty cause; separate several with 、`,
      );
    if (!out.includes(code)) out.push(code);
  }
  return ok(out);
};

const guaranteeColumn = (g: GuaranteeCode): Column => ({
  key: `guarantees.${g}`,
  header: HOUSEHOLD_SHEET_HEADERS[`guarantees.${g}` as const],
  scope: 'household',
  hint: '是/否；留空视为「是」',
  parse: yesNo,
});

/** The columns in template order. Headers are what people see; keys are what the code uses. */
export const COLUMNS: readonly Column[] = [
  {
    key: 'householdNo',
    header: HOUSEHOLD_SHEET_HEADERS.householdNo,
    scope: 'household',
    required: true,
    width: 16,
    hint: '4–32位字母、数字或连字符；同一户的各行连续排列',
    parse: text(32),
  },
  {
    key: 'areaCode',
    header: HOUSEHOLD_SHEET_HEADERS.areaCode,
    scope: 'household',
    required: true,
    width: 15,
    hint: '所在行政村的12位统计用区划代码（文本格式）',
    parse: text(12),
  },
  {
    key: 'groupNo',
    header: HOUSEHOLD_SHEET_HEADERS.groupNo,
    scope: 'household',
    hint: '组号，1–999',
    parse: integer(1, 999),
  },
  {
    key: 'address',
    header: HOUSEHOLD_SHEET_HEADERS.address,
    scope: 'household',
    width: 24,
    hint: '',
    parse: text(200),
  },
  {
    key: 'phone',
    header: HOUSEHOLD_SHEET_HEADERS.phone,
    scope: 'household',
    width: 14,
    hint: '',
    parse: text(30),
  },
  {
    key: 'bankName',
    header: HOUSEHOLD_SHEET_HEADERS.bankName,
    scope: 'household',
    hint: '',
    parse: text(50),
  },
  {
    key: 'bankAccount',
    header: HOUSEHOLD_SHEET_HEADERS.bankAccount,
    scope: 'household',
    width: 22,
    hint: '12–30位数字（文本格式）',
    parse: text(40),
  },
  {
    key: 'status',
    header: HOUSEHOLD_SHEET_HEADERS.status,
    scope: 'household',
    hint: '仅新建户时使用（需审批权限）；留空为「待识别」。状态变更请走识别、退出流程',
    parse: label(HouseholdStatus),
  },
  {
    key: 'attribute',
    header: HOUSEHOLD_SHEET_HEADERS.attribute,
    scope: 'household',
    hint: '',
    parse: label(PovertyAttribute),
  },
  {
    key: 'mainCause',
    header: HOUSEHOLD_SHEET_HEADERS.mainCause,
    scope: 'household',
    hint: '',
    parse: label(PovertyCause),
  },
  {
    key: 'otherCauses',
    header: HOUSEHOLD_SHEET_HEADERS.otherCauses,
    scope: 'household',
    hint: '可填多个，用顿号「、」分隔',
    parse: causes,
  },
  ...GUARANTEES.map(guaranteeColumn),
  {
    key: 'housingGrade',
    header: HOUSEHOLD_SHEET_HEADERS.housingGrade,
    scope: 'household',
    hint: 'A级、B级、C级、D级',
    parse: label(HousingSafetyGrade),
  },
  {
    key: 'identificationYear',
    header: HOUSEHOLD_SHEET_HEADERS.identificationYear,
    scope: 'household',
    hint: '四位年份',
    parse: integer(2000, 2100),
  },
  {
    key: 'exitYear',
    header: HOUSEHOLD_SHEET_HEADERS.exitYear,
    scope: 'household',
    hint: '四位年份',
    parse: integer(2000, 2100),
  },
  {
    key: 'partyMember',
    header: HOUSEHOLD_SHEET_HEADERS.partyMember,
    scope: 'household',
    hint: '是/否',
    parse: yesNo,
  },
  {
    key: 'income.year',
    header: HOUSEHOLD_SHEET_HEADERS['income.year'],
    scope: 'household',
    hint: '填写收入时必填',
    parse: integer(2000, 2100),
  },
  {
    key: 'income.wagesFen',
    header: HOUSEHOLD_SHEET_HEADERS['income.wagesFen'],
    scope: 'household',
    hint: '全年，元，最多两位小数',
    parse: yuan,
  },
  {
    key: 'income.productionFen',
    header: HOUSEHOLD_SHEET_HEADERS['income.productionFen'],
    scope: 'household',
    hint: '',
    parse: yuan,
  },
  {
    key: 'income.propertyFen',
    header: HOUSEHOLD_SHEET_HEADERS['income.propertyFen'],
    scope: 'household',
    hint: '',
    parse: yuan,
  },
  {
    key: 'income.transferFen',
    header: HOUSEHOLD_SHEET_HEADERS['income.transferFen'],
    scope: 'household',
    hint: '',
    parse: yuan,
  },
  {
    key: 'member.name',
    header: HOUSEHOLD_SHEET_HEADERS['member.name'],
    scope: 'member',
    required: true,
    hint: '',
    parse: text(50),
  },
  {
    key: 'member.idNumber',
    header: HOUSEHOLD_SHEET_HEADERS['member.idNumber'],
    scope: 'member',
    required: true,
    width: 21,
    hint: '18位第二代身份证号，单元格设为文本格式',
    parse: idText,
  },
  {
    key: 'member.relation',
    header: HOUSEHOLD_SHEET_HEADERS['member.relation'],
    scope: 'member',
    required: true,
    hint: '户主、配偶、子、女……',
    parse: label(Relation),
  },
  {
    key: 'member.sex',
    header: HOUSEHOLD_SHEET_HEADERS['member.sex'],
    scope: 'member',
    hint: '可留空，按身份证号推算',
    parse: label(Sex),
  },
  {
    key: 'member.birthDate',
    header: HOUSEHOLD_SHEET_HEADERS['member.birthDate'],
    scope: 'member',
    hint: '可留空，按身份证号推算；填写则须一致',
    parse: date,
  },
  {
    key: 'member.ethnicity',
    header: HOUSEHOLD_SHEET_HEADERS['member.ethnicity'],
    scope: 'member',
    hint: '汉族、苗族……',
    parse: label(Ethnicity),
  },
  {
    key: 'member.educationLevel',
    header: HOUSEHOLD_SHEET_HEADERS['member.educationLevel'],
    scope: 'member',
    hint: '',
    parse: label(EducationLevel),
  },
  {
    key: 'member.inSchool',
    header: HOUSEHOLD_SHEET_HEADERS['member.inSchool'],
    scope: 'member',
    hint: '是/否',
    parse: yesNo,
  },
  {
    key: 'member.schoolStage',
    header: HOUSEHOLD_SHEET_HEADERS['member.schoolStage'],
    scope: 'member',
    hint: '学前、小学、初中、高中、中职、高职/大专、本科',
    parse: label(SchoolStage),
  },
  {
    key: 'member.health',
    header: HOUSEHOLD_SHEET_HEADERS['member.health'],
    scope: 'member',
    hint: '',
    parse: label(HealthStatus),
  },
  {
    key: 'member.disabilityGrade',
    header: HOUSEHOLD_SHEET_HEADERS['member.disabilityGrade'],
    scope: 'member',
    hint: '一级–四级',
    parse: label(DisabilityGrade),
  },
  {
    key: 'member.labourCapacity',
    header: HOUSEHOLD_SHEET_HEADERS['member.labourCapacity'],
    scope: 'member',
    hint: '',
    parse: label(LabourCapacity),
  },
  {
    key: 'member.migrantWork.working',
    header: HOUSEHOLD_SHEET_HEADERS['member.migrantWork.working'],
    scope: 'member',
    hint: '是/否',
    parse: yesNo,
  },
  {
    key: 'member.migrantWork.place',
    header: HOUSEHOLD_SHEET_HEADERS['member.migrantWork.place'],
    scope: 'member',
    hint: '',
    parse: text(100),
  },
  {
    key: 'member.migrantWork.months',
    header: HOUSEHOLD_SHEET_HEADERS['member.migrantWork.months'],
    scope: 'member',
    hint: '0–12',
    parse: integer(0, 12),
  },
  {
    key: 'member.medicalInsurance',
    header: HOUSEHOLD_SHEET_HEADERS['member.medicalInsurance'],
    scope: 'member',
    hint: '是/否',
    parse: yesNo,
  },
  {
    key: 'member.pensionInsurance',
    header: HOUSEHOLD_SHEET_HEADERS['member.pensionInsurance'],
    scope: 'member',
    hint: '是/否',
    parse: yesNo,
  },
  {
    key: 'member.minimumAllowance',
    header: HOUSEHOLD_SHEET_HEADERS['member.minimumAllowance'],
    scope: 'member',
    hint: '是/否',
    parse: yesNo,
  },
  {
    key: 'member.destituteSupport',
    header: HOUSEHOLD_SHEET_HEADERS['member.destituteSupport'],
    scope: 'member',
    hint: '是/否',
    parse: yesNo,
  },
  {
    key: 'member.phone',
    header: HOUSEHOLD_SHEET_HEADERS['member.phone'],
    scope: 'member',
    width: 14,
    hint: '',
    parse: text(30),
  },
];

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
