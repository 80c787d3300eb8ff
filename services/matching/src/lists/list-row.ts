import { bi, type Cell, cellText, redactString } from '@fupin/kit';
import {
  ID_NORMALISE_WARNINGS,
  ID_OLD_FORMAT_CONVERTED,
  idTextOfCell,
  isAreaCode,
  isWithin,
  maskIdNumber,
  normaliseIdNumber,
  parseIdNumber,
  parseYuan,
  type Reason,
  upgradeOldIdNumber,
} from '@fupin/reference';
import { type ColumnChoice, type factColumnOf, gradeOf } from './list-columns';
import type { ListRow } from './list-rows';
import type { DepartmentList, RowProblem } from './list.model';

// One row of a department list: its ID number normalised, checked and hashed, its fact read,
// a few cells kept (masked) as evidence, and what was refused or warned about counted in the
// list's report.

/** Rows (and warnings) kept in the report; the counts by code are always complete. */
export const REPORT_LIMIT = 1000;
/** Cells of a row kept as evidence, and their length. */
export const EVIDENCE_COLUMNS = 12;
const EVIDENCE_CHARS = 64;
/** Well-formed but failing GB 11643 (checksum, date, area): hashed to find the same number in the registry. */
const WELL_FORMED_ID = /^\d{17}[\dX]$/;

/** A year's wages in fen from a number or text (`36000`, `36,000.00`, `¥36000元`), or null. */
function wageOf(cell: Cell | undefined): number | null {
  const read = parseYuan(typeof cell === 'number' ? cell : cellText(cell));
  return read.ok && read.fen >= 0 && read.fen <= MAX_WAGE_FEN ? read.fen : null;
}
/** ¥10,000,000 a year: anything larger is a unit or typing error. */
const MAX_WAGE_FEN = 1_000_000_000;

/** A cell kept as evidence: numbers that look like personal data masked, the length bounded. */
function evidenceOf(text: string): string {
  // Most cells hold no long number: the masking patterns run only where one could match.
  const masked = /\d{11}|bearer/i.test(text) ? redactString(text) : text;
  return masked.length > EVIDENCE_CHARS ? masked.slice(0, EVIDENCE_CHARS) : masked;
}

/** The columns a list is read by, chosen from its header row. */
export interface ListColumns {
  headers: string[];
  id: ColumnChoice;
  fact: ReturnType<typeof factColumnOf>;
  evidence: number[];
}

/** What reading a list found: the rows refused and warned about, and the counts. */
export interface Report {
  rejected: RowProblem[];
  warnings: RowProblem[];
  rejectedByCode: Record<string, number>;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  rowsWithInvalidId: number;
  warningsCount: number;
  truncated: boolean;
}

export function emptyReport(): Report {
  return {
    rejected: [],
    warnings: [],
    rejectedByCode: {},
    rowsRead: 0,
    rowsAccepted: 0,
    rowsRejected: 0,
    rowsWithInvalidId: 0,
    warningsCount: 0,
    truncated: false,
  };
}

export function rowOf(
  /** The keyed hash of an ID number. */
  hash: (idNumber: string) => string,
  rowNo: number,
  cells: Cell[],
  columns: ListColumns,
  list: DepartmentList,
  report: Report,
): ListRow | null {
  let empty = true;
  for (let i = 1; i < cells.length; i++) {
    if (cellText(cells[i]) !== '') {
      empty = false;
      break;
    }
  }
  if (empty) return null;
  report.rowsRead++;
  const reject = (
    column: string,
    code: string,
    message: { zh: string; en: string },
    value: string,
  ) => {
    report.rowsRejected++;
    report.rejectedByCode[code] = (report.rejectedByCode[code] ?? 0) + 1;
    if (report.rejected.length < REPORT_LIMIT)
      report.rejected.push({
        row: rowNo,
        column,
        code,
        message: bi(message.zh, message.en),
        value,
      });
    else report.truncated = true;
  };
  const warn = (code: string, reason: Reason, value: string) => {
    report.warningsCount++;
    if (report.warnings.length < REPORT_LIMIT)
      report.warnings.push({
        row: rowNo,
        column: columns.id.header,
        code,
        message: bi(reason.zh, reason.en),
        value,
      });
    else report.truncated = true;
  };
  const cell = cells[columns.id.index];
  // An ID number Excel stored as a number has lost its last digits (every 18-digit one): the
  // row is refused with the reason; an exact 15-digit number is read as its digits.
  const asText = idTextOfCell(typeof cell === 'number' ? cell : cellText(cell));
  if (!asText.ok) {
    reject(columns.id.header, asText.code, asText.reason, evidenceOf(cellText(cell)));
    return null;
  }
  const { value, warnings } = normaliseIdNumber(asText.value);
  const masked = maskIdNumber(value);
  for (const w of warnings) warn(w, ID_NORMALISE_WARNINGS[w], masked);
  // A first-generation 15-digit number is read as its 18-character form, with a warning.
  const parsed = /^\d{15}$/.test(value) ? upgradeOldIdNumber(value) : parseIdNumber(value);
  if (parsed.ok && value.length === 15)
    warn('ID_OLD_FORMAT_CONVERTED', ID_OLD_FORMAT_CONVERTED, masked);
  let fact = '';
  if (columns.fact) {
    const text = cellText(cells[columns.fact.index]);
    if (columns.fact.fact.name === 'wage') {
      const wage = wageOf(cells[columns.fact.index]);
      if (wage === null) {
        reject(
          columns.fact.header,
          'MATCHING_WAGE_INVALID',
          {
            zh: '工资收入应为不小于 0 的金额（元，最多两位小数）',
            en: 'The wages must be an amount of at least 0 (yuan, at most two decimals)',
          },
          evidenceOf(text),
        );
        return null;
      }
      fact = String(wage);
    } else if (columns.fact.fact.name === 'grade') {
      const grade = gradeOf(text);
      if (!grade) {
        reject(
          columns.fact.header,
          'MATCHING_GRADE_MISSING',
          { zh: '鉴定等级应为 A、B、C 或 D', en: 'The appraisal grade must be A, B, C or D' },
          evidenceOf(text),
        );
        return null;
      }
      fact = grade;
    } else if (isAreaCode(text) && isWithin(text, list.areaCode)) fact = text;
  }
  if (!parsed.ok) {
    reject(columns.id.header, parsed.code, parsed.reason, masked);
    if (!WELL_FORMED_ID.test(value)) return null;
    report.rowsWithInvalidId++;
  } else report.rowsAccepted++;
  return {
    hash: Buffer.from(hash(parsed.ok ? parsed.value : value), 'hex'),
    row: rowNo,
    invalid: !parsed.ok,
    sex: parsed.ok ? parsed.sex : null,
    birthDate: parsed.ok ? parsed.birthDate : null,
    masked,
    fact,
    values: columns.evidence.map((i) => evidenceOf(cellText(cells[i]))),
  };
}
