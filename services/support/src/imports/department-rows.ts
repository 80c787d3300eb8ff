// Reading the rows of a department's list (教育局学籍名单, 医保参保名单): which column is
// which, and each row's values with every problem named. Pure: no database, no clear ID
// number leaves this file except to the caller's hash function.
import { bi, type Bilingual, cellText, type TableRow } from '@fupin/kit';
import {
  fromLabel,
  maskIdNumber,
  normaliseIdNumber,
  parseIdNumber,
  SchoolStage,
} from '@fupin/reference';
import { EnrollmentStatus } from '../education/education.reference';
import { InsuranceKind } from '../health/coverage.rules';

export type ImportKind = 'education_enrollment' | 'health_insurance';

export interface RowProblem {
  field: string;
  code: string;
  message: Bilingual;
}

/** A list row once read: the ID number only as its keyed hash and masked form. */
export interface PreparedRow {
  sheet: string;
  row: number;
  idHash: string | null;
  /**
   * During an HMAC rotation window (the service holds more than one HMAC key): the ID
   * number's hash under each, `idHash` (the current key's) first, so the job finds a person
   * whose registry hash is under either. Absent otherwise.
   */
  idHashes?: string[];
  idMasked: string | null;
  name: string | null;
  data: EnrollmentData | InsuranceData | null;
  problems: RowProblem[];
}

export interface EnrollmentData {
  school: string;
  stage: string;
  grade: number;
  status: string;
}

export interface InsuranceData {
  kind: string;
  enrolled: boolean;
}

type Field = 'idNumber' | 'name' | 'school' | 'stage' | 'grade' | 'status' | 'kind' | 'enrolled';

const ID_HEADERS = [
  '身份证号',
  '身份证号码',
  '公民身份号码',
  '证件号码',
  '学生身份证号',
  '参保人身份证号',
  'idnumber',
];

const HEADERS: Record<ImportKind, Partial<Record<Field, string[]>>> = {
  education_enrollment: {
    idNumber: ID_HEADERS,
    name: ['姓名', '学生姓名', 'name'],
    school: ['学校', '学校名称', '就读学校', 'school'],
    stage: ['学段', '就读学段', '教育阶段', 'stage'],
    grade: ['年级', '就读年级', 'grade'],
    status: ['学籍状态', '在校状态', '状态', 'status'],
  },
  health_insurance: {
    idNumber: ID_HEADERS,
    name: ['姓名', '参保人姓名', 'name'],
    kind: ['险种', '参保险种', '保险类型', 'kind'],
    enrolled: ['参保状态', '是否参保', '状态', 'enrolled'],
  },
};

const REQUIRED: Record<ImportKind, Field[]> = {
  education_enrollment: ['idNumber', 'school', 'stage', 'grade'],
  health_insurance: ['idNumber'],
};

const HEADER_LABEL: Record<Field, string> = {
  idNumber: '身份证号',
  name: '姓名',
  school: '学校',
  stage: '学段',
  grade: '年级',
  status: '学籍状态',
  kind: '险种',
  enrolled: '参保状态',
};

const comparable = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[\s*＊]/g, '')
    .toLowerCase();

export interface HeaderMap {
  columns: Partial<Record<Field, number>>;
  missing: string[];
}

/** Whether a row looks like the list's header (it names the ID-number column). */
export function isHeaderRow(cells: TableRow['cells']): boolean {
  return cells.some((c) => ID_HEADERS.includes(comparable(cellText(c))));
}

export function mapHeader(kind: ImportKind, cells: TableRow['cells']): HeaderMap {
  const columns: Partial<Record<Field, number>> = {};
  cells.forEach((c, i) => {
    const text = comparable(cellText(c));
    for (const [field, names] of Object.entries(HEADERS[kind]) as [Field, string[]][]) {
      if (columns[field] === undefined && names.includes(text)) columns[field] = i;
    }
  });
  const missing = REQUIRED[kind]
    .filter((f) => columns[f] === undefined)
    .map((f) => HEADER_LABEL[f]);
  return { columns, missing };
}

const problem = (field: Field, code: string, message: Bilingual): RowProblem => ({
  field: HEADER_LABEL[field],
  code,
  message,
});

const CHINESE_DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** `3`, `三年级`, `初二`, `高一`, `3年级` → the grade within the stage. */
export function parseGrade(text: string): number | undefined {
  const t = text.normalize('NFKC').trim();
  if (/^\d{1,2}$/.test(t)) return Number(t);
  const m = /^(?:初|高|大)?([一二三四五六七八九]|\d)(?:年级)?$/.exec(t);
  if (!m?.[1]) return undefined;
  return CHINESE_DIGITS[m[1]] ?? Number(m[1]);
}

const YES = ['是', '参保', '已参保', '正常', '有效', '在保', 'y', 'yes', 'true', '1'];
const NO = ['否', '未参保', '停保', '中断', '终止', '无效', 'n', 'no', 'false', '0'];

/**
 * One data row: the ID number checked (GB 11643) and hashed by `hashes` (under every HMAC key
 * held, the current first), the other columns
 * read into codes; every problem is listed, none stops the row being reported.
 */
export function prepareRow(
  kind: ImportKind,
  header: HeaderMap,
  r: TableRow,
  hashes: (idNumber: string) => string[],
  today: string,
): PreparedRow {
  const cell = (f: Field) => {
    const i = header.columns[f];
    return i === undefined ? '' : cellText(r.cells[i]);
  };
  const problems: RowProblem[] = [];
  let idHash: string | null = null;
  let idHashes: string[] = [];
  let idMasked: string | null = null;
  const rawId = cell('idNumber');
  if (!rawId)
    problems.push(problem('idNumber', 'ID_EMPTY', bi('身份证号为空', 'The ID number is empty')));
  else {
    const parsed = parseIdNumber(normaliseIdNumber(rawId).value, { today });
    if (parsed.ok) {
      idHashes = hashes(parsed.value);
      idHash = idHashes[0]!;
      idMasked = maskIdNumber(parsed.value);
    } else {
      idMasked = maskIdNumber(rawId);
      problems.push(problem('idNumber', parsed.code, bi(parsed.reason.zh, parsed.reason.en)));
    }
  }
  const name = cell('name') || null;
  let data: PreparedRow['data'] = null;
  if (kind === 'education_enrollment') {
    const school = cell('school');
    const stage = fromLabel(SchoolStage, cell('stage'));
    const grade = parseGrade(cell('grade'));
    const statusText = cell('status');
    const status = statusText ? fromLabel(EnrollmentStatus, statusText) : 'enrolled';
    if (!school)
      problems.push(problem('school', 'required', bi('学校为空', 'The school is empty')));
    if (!stage)
      problems.push(
        problem(
          'stage',
          'unknown',
          bi(`无法识别的学段：${cell('stage')}`, `Unknown stage: ${cell('stage')}`),
        ),
      );
    if (grade === undefined || grade < 1 || grade > 12)
      problems.push(
        problem(
          'grade',
          'invalid',
          bi(`无法识别的年级：${cell('grade')}`, `Unknown grade: ${cell('grade')}`),
        ),
      );
    if (!status)
      problems.push(
        problem(
          'status',
          'unknown',
          bi(`无法识别的学籍状态：${statusText}`, `Unknown enrollment status: ${statusText}`),
        ),
      );
    if (school && stage && grade !== undefined && status) data = { school, stage, grade, status };
  } else {
    const kindText = cell('kind');
    const insurance = kindText ? fromLabel(InsuranceKind, kindText) : 'basic_medical';
    const enrolledText = comparable(cell('enrolled'));
    const enrolled =
      !enrolledText || YES.includes(enrolledText)
        ? true
        : NO.includes(enrolledText)
          ? false
          : undefined;
    if (!insurance)
      problems.push(
        problem(
          'kind',
          'unknown',
          bi(`无法识别的险种：${kindText}`, `Unknown insurance: ${kindText}`),
        ),
      );
    if (enrolled === undefined)
      problems.push(
        problem(
          'enrolled',
          'unknown',
          bi(`无法识别的参保状态：${cell('enrolled')}`, `Unknown status: ${cell('enrolled')}`),
        ),
      );
    if (insurance && enrolled !== undefined) data = { kind: insurance, enrolled };
  }
  return {
    sheet: r.sheet,
    row: r.row,
    idHash,
    ...(idHashes.length > 1 ? { idHashes } : {}),
    idMasked,
    name,
    data,
    problems,
  };
}

/** The key under which a list may hold a person only once (per insurance kind for health). */
export function duplicateKey(kind: ImportKind, r: PreparedRow): string | null {
  if (!r.idHash) return null;
  return kind === 'health_insurance'
    ? `${r.idHash}:${(r.data as InsuranceData | null)?.kind ?? ''}`
    : r.idHash;
}
