import { mergedRangeOf, type MergedRange } from '@fupin/kit';
import { findHeader, type SheetRow } from '../src/lists/list-header';

const row = (n: number, ...texts: (string | number)[]): SheetRow => ({
  row: n,
  cells: [null, ...texts],
});
const merges = (...refs: string[]): MergedRange[] => refs.map((r) => mergedRangeOf(r)!);
const titles = (count: number) =>
  Array.from({ length: count }, (_, i) => row(i + 1, `标题${i + 1}`));

test('the header is the first row holding a known ID header, title rows above skipped', () => {
  const band = findHeader([...titles(2), row(3, '姓名', '公民身份号码'), row(4, '张三', 'x')], []);
  expect(band).toMatchObject({
    row: 3,
    lastRow: 3,
    found: true,
    headers: ['', '姓名', '公民身份号码'],
  });
});

test('an ID header in row 10 is found; in row 11 it is not, and the first row is the header', () => {
  const at10 = findHeader([...titles(9), row(10, '身份证号'), row(11, 'x')], []);
  expect(at10).toMatchObject({ row: 10, found: true });
  const at11 = findHeader([...titles(10), row(11, '身份证号'), row(12, 'x')], []);
  expect(at11).toMatchObject({ row: 1, found: false });
});

test.each([
  '身份证号',
  '身份证号码',
  '公民身份号码',
  '证件号码',
  '居民身份证号码',
  '身份证号（18位）',
  ' 身份证号 *',
])('the header %s is known', (header) => {
  expect(findHeader([row(1, '标题'), row(2, header)], [])?.row).toBe(2);
});

test('a header unknown but chosen as the ID column by its text is found', () => {
  expect(findHeader([row(1, '标题'), row(2, '姓名', '号码')], [], { idColumn: '号码' })?.row).toBe(
    2,
  );
});

test('a picked header row wins over the one found; an empty one is refused', () => {
  const rows = [row(1, '身份证号'), row(2, '姓名', '号码')];
  expect(findHeader(rows, [], { headerRow: 2 })).toMatchObject({ row: 2, found: false });
  expect(() => findHeader(rows, [], { headerRow: 3 })).toThrow(/empty/);
});

test('no rows, no header', () => {
  expect(findHeader([], [])).toBeNull();
});

test('a header cell merged across columns names each of them by its master', () => {
  const band = findHeader(
    [row(1, '姓名', '身份证号', ''), row(2, '张三', 'x', '')],
    merges('B1:C1'),
  );
  // Data under a header merged across two columns is data, not a sub-header.
  expect(band).toMatchObject({ row: 1, lastRow: 1, headers: ['', '姓名', '身份证号', '身份证号'] });
});

test('a two-row header: cells merged down read their master, the sub-header wins under a group', () => {
  const band = findHeader(
    [
      row(1, '名单', '', '', ''),
      row(2, '姓名', '身份证号', '车辆信息', ''),
      row(3, '', '', '车牌号', ''),
      row(4, '张三', 'x', '湘E1', '蓝'),
    ],
    merges('A1:D1', 'A2:A3', 'B2:B3', 'C2:D2'),
  );
  expect(band).toMatchObject({
    row: 2,
    lastRow: 3,
    headers: ['', '姓名', '身份证号', '车牌号', '车辆信息'],
  });
});

test('a group header over its sub-headers without merges down still spans two rows', () => {
  const band = findHeader(
    [
      row(1, '身份证号', '车辆信息', ''),
      row(2, '', '车牌号', '品牌'),
      row(3, 'x', '湘E1', '比亚迪'),
    ],
    merges('B1:C1'),
  );
  expect(band).toMatchObject({ lastRow: 2, headers: ['', '身份证号', '车牌号', '品牌'] });
});

test('merged ranges are read from their references', () => {
  expect(mergedRangeOf('C2:A1')).toEqual({ top: 1, left: 1, bottom: 2, right: 3 });
  expect(mergedRangeOf('AB10:$AC$12')).toEqual({ top: 10, left: 28, bottom: 12, right: 29 });
  expect(mergedRangeOf('A1')).toBeNull();
});
