import { bi, type Bilingual } from '@fupin/kit';
import { fromLabel, HelperRank, isAreaCode, normaliseAreaCode } from '@fupin/reference';
import { parseCalendarDate } from '@fupin/reference';
import type { HelperRank as Rank, PairingRole } from '../helpers/helper.model';
import type { RowError } from './pairing-import.model';

/** The pairing list's columns: the header people write, and how a cell is read. */
export const COLUMNS = [
  { key: 'helperName', header: '帮扶干部姓名', required: true, note: '干部姓名' },
  { key: 'unit', header: '工作单位', required: true, note: '派出单位全称；同一单位同名视为同一人' },
  { key: 'rank', header: '职级', required: true, note: '厅级、处级、科级或一般干部' },
  { key: 'position', header: '职务', required: false, note: '' },
  { key: 'phone', header: '联系电话', required: false, note: '手机或固定电话' },
  {
    key: 'helperArea',
    header: '干部所在地区代码',
    required: false,
    note: '12位；留空为导入人所在地区',
  },
  { key: 'householdNo', header: '户编号', required: true, note: '建档立卡户编号' },
  { key: 'role', header: '帮扶类型', required: true, note: '重点帮扶或联系' },
  { key: 'startDate', header: '开始日期', required: false, note: '如 2016-01-01；留空为今天' },
] as const;
export type ColumnKey = (typeof COLUMNS)[number]['key'];

const ROLE_ALIASES: Record<string, PairingRole> = {
  重点帮扶: 'key',
  帮扶: 'key',
  重点: 'key',
  key: 'key',
  联系: 'contact',
  联系户: 'contact',
  contact: 'contact',
};

export interface PairingRow {
  helperName: string;
  unit: string;
  rank: Rank;
  position: string | null;
  phone: string | null;
  helperArea: string | null;
  householdNo: string;
  role: PairingRole;
  startDate: string | null;
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const normalHeader = (h: string) => h.replace(/[*＊\s]/g, '');

/** Where each column is in the sheet, read from its header row. */
export function headerMap(cells: string[]): {
  index: Partial<Record<ColumnKey, number>>;
  unknown: string[];
  missing: string[];
} {
  const index: Partial<Record<ColumnKey, number>> = {};
  const unknown: string[] = [];
  cells.forEach((raw, i) => {
    const h = normalHeader(raw);
    if (!h) return;
    const col = COLUMNS.find((c) => c.header === h);
    if (col) index[col.key] = i;
    else unknown.push(raw);
  });
  const missing = COLUMNS.filter((c) => c.required && index[c.key] === undefined).map(
    (c) => c.header,
  );
  return { index, unknown, missing };
}

const PHONE = /^(\+?86[- ]?)?1[3-9]\d{9}$|^0\d{2,3}-?\d{7,8}$/;

/** Reads one data row; every problem of the row is reported, not just the first. */
export function readRow(
  cells: string[],
  index: Partial<Record<ColumnKey, number>>,
):
  | { ok: true; row: PairingRow }
  | { ok: false; errors: RowError[]; householdNo: string; helperName: string } {
  const errors: RowError[] = [];
  const at = (key: ColumnKey) => {
    const i = index[key];
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const fail = (key: ColumnKey, code: string, message: Bilingual) => {
    const i = index[key];
    const col = COLUMNS.find((c) => c.key === key);
    errors.push({
      column: i === undefined ? '' : columnLetter(i),
      header: col?.header ?? key,
      code,
      message,
    });
  };
  for (const c of COLUMNS)
    if (c.required && !at(c.key))
      fail(c.key, 'required', bi(`${c.header}不能为空`, `${c.header} is required`));
  if (at('helperName').length > 50) fail('helperName', 'too_long', bi('姓名过长', 'name too long'));
  if (at('unit').length > 100) fail('unit', 'too_long', bi('单位名称过长', 'unit too long'));
  const rank = at('rank') ? fromLabel(HelperRank, at('rank')) : undefined;
  if (at('rank') && !rank)
    fail('rank', 'unknown', bi(`无法识别的职级「${at('rank')}」`, `Unknown rank "${at('rank')}"`));
  const role = ROLE_ALIASES[at('role').replace(/\s/g, '')];
  if (at('role') && !role)
    fail(
      'role',
      'unknown',
      bi(`帮扶类型应为「重点帮扶」或「联系」`, 'The role is 重点帮扶 or 联系'),
    );
  const phone = at('phone') || null;
  if (phone && !PHONE.test(phone))
    fail('phone', 'invalid', bi('电话号码格式不正确', 'Not a valid phone number'));
  let helperArea: string | null = null;
  if (at('helperArea')) {
    const parsed = normaliseAreaCode(at('helperArea'));
    if (parsed.ok && isAreaCode(parsed.value)) helperArea = parsed.value;
    else fail('helperArea', 'invalid', bi('地区代码无效', 'Invalid area code'));
  }
  let startDate: string | null = null;
  if (at('startDate')) {
    startDate = parseCalendarDate(at('startDate')) ?? null;
    if (!startDate)
      fail(
        'startDate',
        'invalid',
        bi('日期无效（示例：2016-01-01）', 'Invalid date (e.g. 2016-01-01)'),
      );
  }
  // The report reads left to right, as the sheet does.
  errors.sort((a, b) => a.column.length - b.column.length || a.column.localeCompare(b.column));
  if (errors.length || !rank || !role)
    return { ok: false, errors, householdNo: at('householdNo'), helperName: at('helperName') };
  return {
    ok: true,
    row: {
      helperName: at('helperName'),
      unit: at('unit'),
      rank,
      position: at('position') || null,
      phone,
      helperArea,
      householdNo: at('householdNo'),
      role,
      startDate,
    },
  };
}
