import type { TableRow } from '@fupin/kit';
import { AppError, type Bilingual, bi, type FieldError, parseInput } from '@fupin/kit';
import { householdCreateSchema } from '../households/household.schemas';
import type { HouseholdInput, MemberInput } from '../households/household.service';
import { type Cell, cellText } from '@fupin/kit';
import { type Column, COLUMNS } from './household-columns';
import type { GuaranteeInput } from '../households/guarantee.rules';
import { type GuaranteeCell, guaranteeInput } from './sheet-cells';
import { COLUMN_BY_HEADER, COLUMN_BY_KEY, columnLetter, headerKey } from './household-sheet';
import { headFindings, SAME_HOUSEHOLD_INVALID, sameHouseholdRefusal } from './household-checks';

/** Pure: from sheet rows to household inputs, with every problem tied to its sheet, row and column. */

export interface SheetRow extends TableRow {
  /** Ordinal of the data row in the whole file (headers not counted), for progress. */
  seq?: number;
}

export interface RowProblem {
  /** Column letter (`F`) and header (`身份证号`); null when the problem is the row as a whole. */
  column: string | null;
  header: string | null;
  code: string;
  message: Bilingual;
}

/** A row that was not stored, and why. */
export interface RejectedRow {
  sheet: string;
  row: number;
  householdNo: string | null;
  errors: RowProblem[];
  /**
   * Set on a row that was itself valid but not stored because other rows of its household
   * are invalid: those rows' numbers (the household is stored whole or not at all).
   */
  refusedBecauseOf?: number[];
}

/** Which column of the sheet holds which field; built from the header row. */
export interface HeaderMap {
  byIndex: Map<number, Column>;
  indexOfKey: Map<string, number>;
  unknown: string[];
  missing: string[];
}

export function mapHeader(cells: Cell[]): HeaderMap {
  const byIndex = new Map<number, Column>();
  const indexOfKey = new Map<string, number>();
  const unknown: string[] = [];
  cells.forEach((c, i) => {
    const h = cellText(c);
    if (!h) return;
    const col = COLUMN_BY_HEADER.get(headerKey(h));
    if (!col) unknown.push(h);
    else if (!indexOfKey.has(col.key)) {
      byIndex.set(i, col);
      indexOfKey.set(col.key, i);
    }
  });
  const missing = COLUMNS.filter((c) => c.required && !indexOfKey.has(c.key)).map((c) => c.header);
  return { byIndex, indexOfKey, unknown, missing };
}

/** A sheet is a household sheet when its first row names the household number and the ID number. */
export function isHouseholdHeader(cells: Cell[]): boolean {
  const m = mapHeader(cells);
  return m.indexOfKey.has('householdNo') && m.indexOfKey.has('member.idNumber');
}

export interface ParsedRow {
  source: SheetRow;
  householdNo: string;
  values: Map<string, unknown>;
  /** Raw text of the household columns, to check continuation rows agree with the first. */
  householdText: Map<string, string>;
  errors: RowProblem[];
}

/** One household: its consecutive rows, in file order. */
export interface HouseholdGroup {
  householdNo: string;
  rows: ParsedRow[];
}

function problem(
  header: HeaderMap,
  key: string | null,
  code: string,
  message: Bilingual,
): RowProblem {
  const index = key === null ? undefined : header.indexOfKey.get(key);
  const col = key === null ? undefined : COLUMN_BY_KEY.get(key);
  return {
    column: index === undefined ? null : columnLetter(index),
    header: col?.header ?? null,
    code,
    message,
  };
}

function isBlank(row: SheetRow): boolean {
  return row.cells.every((c) => cellText(c) === '');
}

function parseRow(header: HeaderMap, source: SheetRow): ParsedRow {
  const values = new Map<string, unknown>();
  const householdText = new Map<string, string>();
  const errors: RowProblem[] = [];
  for (const [index, col] of header.byIndex) {
    const cell = source.cells[index] ?? null;
    const parsed = col.parse(cell);
    if (col.scope === 'household') householdText.set(col.key, cellText(cell));
    if (!parsed.ok) {
      errors.push(problem(header, col.key, parsed.code, parsed.message));
      continue;
    }
    values.set(col.key, parsed.value);
  }
  return {
    source,
    householdNo: cellText(source.cells[header.indexOfKey.get('householdNo') ?? -1] ?? null),
    values,
    householdText,
    errors,
  };
}

/**
 * Groups a stream of rows into households. Rows of a household must be consecutive; a
 * household number seen again later is refused rather than merged, so a household is
 * complete (and can be stored) the moment the next one starts.
 */
export class HouseholdGrouper {
  private current: HouseholdGroup | undefined;
  private readonly finished = new Set<string>();

  constructor(private readonly header: HeaderMap) {}

  /** Adds a row; returns what became complete (a finished household, or a refused row). */
  push(row: SheetRow): HouseholdGroup[] {
    if (isBlank(row)) return [];
    const parsed = parseRow(this.header, row);
    const out: HouseholdGroup[] = [];
    const no = parsed.householdNo;
    if (this.current && this.current.householdNo === no && no !== '') {
      this.current.rows.push(parsed);
      return out;
    }
    if (this.current) {
      out.push(this.current);
      this.finished.add(this.current.householdNo);
      this.current = undefined;
    }
    if (no === '') {
      parsed.errors.unshift(
        problem(
          this.header,
          'householdNo',
          'required',
          bi('户编号不能为空', 'the household number is required'),
        ),
      );
      out.push({ householdNo: '', rows: [parsed] });
      return out;
    }
    if (this.finished.has(no)) {
      parsed.errors.unshift(
        problem(
          this.header,
          'householdNo',
          'household_not_contiguous',
          bi(
            `户编号 ${no} 在前面已出现过：同一户的成员行须连续排列`,
            `Household ${no} appeared earlier: the rows of a household must be consecutive`,
          ),
        ),
      );
      out.push({ householdNo: no, rows: [parsed] });
      return out;
    }
    this.current = { householdNo: no, rows: [parsed] };
    return out;
  }

  end(): HouseholdGroup[] {
    const last = this.current;
    this.current = undefined;
    if (last) this.finished.add(last.householdNo);
    return last ? [last] : [];
  }
}

export type GroupResult =
  { ok: true; input: HouseholdInput } | { ok: false; rejected: RejectedRow[] };

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let t = target;
  for (const p of path.slice(0, -1)) {
    t[p] ??= {};
    t = t[p] as Record<string, unknown>;
  }
  t[path[path.length - 1]!] = value;
}

const MEMBER_BOOLEANS = [
  'inSchool',
  'medicalInsurance',
  'pensionInsurance',
  'minimumAllowance',
  'destituteSupport',
];

/**
 * A column present in the sheet states the value (blank means none / 否); a column left out
 * of the sheet keeps what is stored. So the template replaces a household's record, and a
 * narrower sheet updates only its own columns.
 */
function householdFacts(header: HeaderMap, row: ParsedRow, errors: RowProblem[]) {
  const has = (k: string) => header.indexOfKey.has(k);
  const v = (k: string) => row.values.get(k);
  const out: Record<string, unknown> = { householdNo: row.householdNo };
  for (const k of [
    'areaCode',
    'groupNo',
    'phone',
    'bankName',
    'bankAccount',
    'attribute',
    'mainCause',
    'housingGrade',
    'identificationYear',
    'exitYear',
  ]) {
    if (has(k)) out[k] = v(k) ?? null;
  }
  if (has('address')) out.address = (v('address') as string | null) ?? '';
  if (has('status') && v('status')) out.status = v('status');
  if (has('otherCauses')) out.otherCauses = v('otherCauses') ?? [];
  if (has('partyMember')) out.partyMember = v('partyMember') ?? false;
  // A blank guarantee cell is unknown: the guarantee is left out, never sent as met.
  const guarantees: Record<string, GuaranteeInput> = {};
  for (const k of header.indexOfKey.keys()) {
    const state = v(k) as GuaranteeCell | null | undefined;
    if (k.startsWith('guarantees.') && state)
      guarantees[k.slice('guarantees.'.length)] = guaranteeInput(state);
  }
  if (Object.keys(guarantees).length) out.guarantees = guarantees;
  const incomeKeys = ['wagesFen', 'productionFen', 'propertyFen', 'transferFen'];
  if (has('income.year') || incomeKeys.some((k) => has(`income.${k}`))) {
    const year = v('income.year') as number | null | undefined;
    const amounts = incomeKeys.map((k) => v(`income.${k}`) as number | null | undefined);
    if (year == null && amounts.every((a) => a == null)) out.income = null;
    else if (year == null)
      errors.push(
        problem(
          header,
          'income.year',
          'required',
          bi('填写了收入时须填写收入年度', 'give the income year when income is stated'),
        ),
      );
    else
      out.income = {
        year,
        wagesFen: amounts[0] ?? 0,
        productionFen: amounts[1] ?? 0,
        propertyFen: amounts[2] ?? 0,
        transferFen: amounts[3] ?? 0,
      };
  }
  return out;
}

function memberOf(header: HeaderMap, row: ParsedRow): Record<string, unknown> {
  const has = (k: string) => header.indexOfKey.has(`member.${k}`);
  const v = (k: string) => row.values.get(`member.${k}`);
  const m: Record<string, unknown> = {
    name: v('name') ?? '',
    idNumber: v('idNumber') ?? '',
    relation: v('relation') ?? undefined,
  };
  for (const k of [
    'sex',
    'birthDate',
    'ethnicity',
    'educationLevel',
    'schoolStage',
    'health',
    'disabilityGrade',
    'labourCapacity',
    'phone',
  ]) {
    if (has(k)) m[k] = v(k) ?? null;
  }
  for (const k of MEMBER_BOOLEANS) if (has(k)) m[k] = v(k) ?? false;
  if (has('migrantWork.working') || has('migrantWork.place') || has('migrantWork.months')) {
    setPath(m, ['migrantWork', 'working'], v('migrantWork.working') ?? false);
    setPath(m, ['migrantWork', 'place'], v('migrantWork.place') ?? null);
    setPath(m, ['migrantWork', 'months'], v('migrantWork.months') ?? null);
  }
  return m;
}

/** Maps a field of the service input (`members.2.idNumber`, `income.year`) to its row and column. */
export function locateField(
  header: HeaderMap,
  group: HouseholdGroup,
  field: string,
): { row: ParsedRow; key: string | null } {
  const parts = field.split('.');
  const first = group.rows[0]!;
  if (parts[0] === 'members' && parts.length >= 2 && /^\d+$/.test(parts[1]!)) {
    const row = group.rows[Number(parts[1])] ?? first;
    const rest = parts.slice(2).join('.');
    const key = rest ? `member.${rest}` : null;
    return { row, key: key && header.indexOfKey.has(key) ? key : null };
  }
  if (parts[0] === 'members') return { row: first, key: null };
  for (let n = parts.length; n > 0; n--) {
    const key = parts.slice(0, n).join('.');
    if (header.indexOfKey.has(key)) return { row: first, key };
  }
  return { row: first, key: null };
}

/**
 * Turns problems keyed by row into the report's rejected rows: EVERY row of the household,
 * since none of it is stored — the bad rows with their reasons, each other row saying which
 * rows of its household are invalid.
 */
export function rejectedRowsOf(
  group: HouseholdGroup,
  problems: { row: ParsedRow; problem: RowProblem }[],
): RejectedRow[] {
  const byRow = new Map<ParsedRow, RowProblem[]>();
  for (const p of problems) {
    const list = byRow.get(p.row) ?? [];
    list.push(p.problem);
    byRow.set(p.row, list);
  }
  const badRows = group.rows.filter((r) => byRow.has(r)).map((r) => r.source.row);
  return group.rows.map((r) => {
    const at = { sheet: r.source.sheet, row: r.source.row, householdNo: group.householdNo || null };
    const errors = byRow.get(r);
    if (errors) return { ...at, errors };
    return {
      ...at,
      errors: [
        {
          column: null,
          header: null,
          code: SAME_HOUSEHOLD_INVALID,
          message: sameHouseholdRefusal(badRows),
        },
      ],
      refusedBecauseOf: badRows,
    };
  });
}

/** Service-level field errors (422) mapped back onto the sheet. */
export function rejectedFromFieldErrors(
  header: HeaderMap,
  group: HouseholdGroup,
  errors: FieldError[],
  fallback: { code: string; message: Bilingual },
): RejectedRow[] {
  const located = errors.length
    ? errors.map((e) => {
        const at = locateField(header, group, e.field);
        return { row: at.row, problem: problem(header, at.key, e.code, e.message) };
      })
    : [{ row: group.rows[0]!, problem: problem(header, null, fallback.code, fallback.message) }];
  return rejectedRowsOf(group, located);
}

/**
 * Builds the service input of one household, or the rows that make it unstorable. A single
 * bad row rejects its whole household, so a household is never stored half.
 */
export function inputOfGroup(header: HeaderMap, group: HouseholdGroup): GroupResult {
  const problems: { row: ParsedRow; problem: RowProblem }[] = [];
  for (const r of group.rows) {
    for (const col of COLUMNS)
      // Household columns are needed on a household's first row only.
      if (
        (col.scope === 'member' || r === group.rows[0]) &&
        col.required &&
        cellText(r.source.cells[header.indexOfKey.get(col.key) ?? -1] ?? null) === ''
      )
        if (!r.errors.some((e) => e.header === col.header))
          r.errors.push(
            problem(
              header,
              col.key,
              'required',
              bi(`「${col.header}」不能为空`, `${col.header} is required`),
            ),
          );
    for (const e of r.errors) problems.push({ row: r, problem: e });
  }
  const first = group.rows[0]!;
  // A bad value on the first row is reported there once, not again on every later row.
  const firstBad = new Set(first.errors.map((e) => e.header));
  for (const r of group.rows.slice(1)) {
    for (const [key, text] of r.householdText) {
      if (firstBad.has(COLUMN_BY_KEY.get(key)?.header ?? null)) continue;
      if (text !== '' && text !== first.householdText.get(key))
        problems.push({
          row: r,
          problem: problem(
            header,
            key,
            'household_columns_differ',
            bi(
              `同一户各行的户信息须一致（与第 ${first.source.row} 行不同）；续行的户信息可留空`,
              `Household columns must agree on every row of a household (differs from row ${first.source.row}); leave them blank on later rows`,
            ),
          ),
        });
    }
  }
  for (const f of headFindings(
    group.rows.map((r) => ({
      row: r.source.row,
      relation: r.values.get('member.relation'),
      unreadable: r.errors.some((e) => e.header === COLUMN_BY_KEY.get('member.relation')?.header),
    })),
  ))
    problems.push({
      row: group.rows[f.index]!,
      problem: problem(header, 'member.relation', f.code, f.message),
    });
  const householdErrors: RowProblem[] = [];
  const facts = householdFacts(header, first, householdErrors);
  for (const e of householdErrors) problems.push({ row: first, problem: e });
  if (problems.length) return { ok: false, rejected: rejectedRowsOf(group, problems) };

  const raw = { ...facts, members: group.rows.map((r) => memberOf(header, r)) };
  try {
    const input = parseInput(householdCreateSchema, raw, { where: 'row' });
    // The zod schema returns the same shape the service takes.
    return { ok: true, input: input as HouseholdInput & { members: MemberInput[] } };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return {
      ok: false,
      rejected: rejectedFromFieldErrors(
        header,
        group,
        err.errors.map((e) => ({ ...e, field: e.field.replace(/^row\./, '') })),
        { code: err.code, message: err.messages },
      ),
    };
  }
}
