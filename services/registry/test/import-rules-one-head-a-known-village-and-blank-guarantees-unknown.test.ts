import {
  headFindings,
  sameHouseholdRefusal,
  villageCodesToLookUp,
  villageFinding,
} from '../src/imports/household-checks';
import { HeaderFinder, stackHeaderRows } from '../src/imports/header-rows';
import { date, guarantee, guaranteeInput, idText, digitsText } from '../src/imports/sheet-cells';
import type { SheetRow } from '../src/imports/household-rows';

const rel = (...relations: (string | null)[]) =>
  relations.map((relation, i) => ({ row: 2 + i, relation, unreadable: false }));

test('a household has exactly one 户主: none is refused on its first row, a second on its own row naming the first', () => {
  expect(headFindings(rel('head', 'spouse', 'son'))).toEqual([]);
  expect(headFindings(rel('spouse', 'son'))).toEqual([
    expect.objectContaining({ index: 0, code: 'no_head' }),
  ]);
  const two = headFindings(rel('head', 'spouse', 'head'));
  expect(two).toEqual([expect.objectContaining({ index: 2, code: 'second_head' })]);
  expect(two[0]!.message['zh-CN']).toContain('第 2 行已是户主');
  expect(two[0]!.message.en).toContain('row 2 is the head already');
  // Three heads: the second and third are refused.
  expect(headFindings(rel('head', 'head', 'head')).map((f) => f.index)).toEqual([1, 2]);
  // An unreadable relation (reported on its own) leaves the head count unknown.
  expect(headFindings([{ row: 2, relation: undefined, unreadable: true }])).toEqual([]);
});

test('only well-formed village codes are looked up; an absent one is refused naming the column and the code, a retired one too', () => {
  expect(
    villageCodesToLookUp(['431121101201', '431121101201', '4311211012', 'x', '431121101000']),
  ).toEqual(['431121101201']);
  const known = new Map([
    ['431121101201', 'active' as const],
    ['431121101203', 'retired' as const],
  ]);
  expect(villageFinding('431121101201', known)).toBeNull();
  const unknown = villageFinding('431121101299', known)!;
  expect(unknown.code).toBe('unknown_village');
  expect(unknown.message['zh-CN']).toContain('行政村代码 431121101299');
  expect(unknown.message.en).toContain('行政村代码 431121101299');
  expect(villageFinding('431121101203', known)?.code).toBe('village_retired');
  // Malformed codes and codes of other levels are the registry's own refusals.
  expect(villageFinding('4311211012', known)).toBeNull();
  expect(villageFinding('431121101000', known)).toBeNull();
});

test('the other rows of a refused household say which rows refused it', () => {
  expect(sameHouseholdRefusal([5])).toEqual({
    'zh-CN': '同户第5行有误，整户未导入',
    en: 'not stored: row 5 of the same household is invalid',
  });
  expect(sameHouseholdRefusal([5, 7])).toEqual({
    'zh-CN': '同户第5、7行有误，整户未导入',
    en: 'not stored: rows 5, 7 of the same household are invalid',
  });
});

test('a guarantee cell is met, not met, or — blank or 未知 — unknown; never met by default', () => {
  for (const t of ['是', '达标', '有', '已达标', 'Y'])
    expect(guarantee(t)).toEqual({ ok: true, value: 'met' });
  for (const t of ['否', '未达标', '无', '不达标', 'n'])
    expect(guarantee(t)).toEqual({ ok: true, value: 'not_met' });
  for (const t of ['', '  ', null, '未知']) expect(guarantee(t)).toEqual({ ok: true, value: null });
  expect(guarantee(true)).toEqual({ ok: true, value: 'met' });
  expect(guarantee('也许')).toMatchObject({ ok: false, code: 'not_guarantee_state' });
  expect(guaranteeInput('met')).toEqual({ state: 'met' });
  expect(guaranteeInput('not_met')).toEqual({ state: 'not_met' });
});

test('dates written as text in the usual forms are read; numbers for ID and account columns are refused with the reason', () => {
  for (const t of [
    '1990-01-02',
    '1990/1/2',
    '19900102',
    '1990年1月2日',
    '1990.1.2',
    '1990-01-02 00:00:00',
  ])
    expect(date(t)).toEqual({ ok: true, value: '1990-01-02' });
  expect(date(19900102)).toEqual({ ok: true, value: '1990-01-02' });
  expect(date('1990-02-30')).toMatchObject({ ok: false, code: 'not_a_date' });
  expect(idText(Number('431121199001020011'))).toMatchObject({ ok: false, code: 'ID_NOT_TEXT' });
  expect(
    (idText(Number('431121199001020011')) as { message: { 'zh-CN': string } }).message['zh-CN'],
  ).toContain('身份证号必须以文本填写');
  expect(idText('43112119900102001X')).toEqual({ ok: true, value: '43112119900102001X' });
  // A bank account of 19 digits stored as a number has lost its last digits.
  const account = digitsText(40, '银行账号', 'bank account');
  expect(account(Number('6228480012345678901'))).toMatchObject({
    ok: false,
    code: 'NUMBER_NOT_TEXT',
  });
  expect(account(62284800123)).toEqual({ ok: true, value: '62284800123' });
  expect(account('6228480012345678901')).toEqual({ ok: true, value: '6228480012345678901' });
});

const row = (n: number, ...cells: (string | null)[]): SheetRow => ({
  sheet: 'S',
  row: n,
  cells: [null, ...cells],
});

function headerOf(rows: SheetRow[]) {
  const f = new HeaderFinder();
  for (const r of rows) {
    const step = f.push(r);
    if (step.header) return { header: step.header, data: step.data?.row ?? null, at: r.row };
  }
  const h = f.end();
  return h ? { header: h, data: null, at: null } : null;
}

const KEYS = ['户编号', '行政村代码', '成员姓名', '身份证号', '与户主关系'];

test('the header is found under a title row, and the first data row follows it', () => {
  const found = headerOf([
    row(1, '桃源县建档立卡贫困户花名册', null, null, null, null),
    row(2, null, null, null, null, null),
    row(3, ...KEYS),
    row(4, 'H-1', '431121101201', '张三', '431121199001020011', '户主'),
  ])!;
  expect(found.data).toBe(4);
  expect(found.header.indexOfKey.get('householdNo')).toBe(1);
  expect(found.header.indexOfKey.get('member.relation')).toBe(5);
  expect(found.header.missing).toEqual([]);
});

test('a header over two rows (group titles merged over their columns, single headers merged down) is read whole', () => {
  const found = headerOf([
    row(1, '户编号', '行政村代码', '家庭成员', null, null, '收入'),
    row(2, null, null, '成员姓名', '身份证号', '与户主关系', '工资性收入（元）'),
    row(3, 'H-1', '431121101201', '张三', '431121199001020011', '户主', '100'),
  ])!;
  expect(found.data).toBe(3);
  expect([...found.header.indexOfKey.entries()]).toEqual([
    ['householdNo', 1],
    ['areaCode', 2],
    ['member.name', 3],
    ['member.idNumber', 4],
    ['member.relation', 5],
    ['income.wagesFen', 6],
  ]);
  expect(found.header.unknown).toEqual([]);
  expect(stackHeaderRows([null, 'a', 'b'], [null, null, 'c'])).toEqual([null, 'a', 'c']);
});

test('a header that is whole on its first row but continued on the next takes both rows', () => {
  const found = headerOf([
    row(1, ...KEYS, '收入'),
    row(2, null, null, null, null, null, '工资性收入（元）'),
    row(3, 'H-1', '431121101201', '张三', '431121199001020011', '户主', '100'),
  ])!;
  expect(found.at).toBe(2);
  expect(found.header.indexOfKey.get('income.wagesFen')).toBe(6);
});

test('a sheet whose header is not within its first ten rows, or that has none, is not a household sheet', () => {
  const late = Array.from({ length: 10 }, (_, i) => row(i + 1, `说明${i}`));
  expect(headerOf([...late, row(11, ...KEYS)])).toBeNull();
  // The instructions sheet: one header name per row in column A, its hint beside it.
  expect(headerOf([row(1, '户编号*', '4–32位'), row(2, '身份证号*', '文本')])).toBeNull();
  // A header with no row after it is still the header.
  expect(headerOf([row(1, ...KEYS)])?.header.missing).toEqual([]);
});
