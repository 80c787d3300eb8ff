import { createHmac, randomBytes } from 'node:crypto';
import { factColumnOf, gradeOf, headerKey, idColumnOf } from '../src/lists/list-columns';
import { SegmentReader, SegmentWriter, type ListRow } from '../src/lists/list-rows';
import { ageOn } from '../src/runs/matcher';

const row = (n: number, over: Partial<ListRow> = {}): ListRow => ({
  hash: createHmac('sha256', 'k').update(String(n)).digest(),
  row: n,
  invalid: false,
  sex: n % 2 ? 'male' : 'female',
  birthDate: '1980-02-29',
  masked: '4311**********1234',
  fact: n % 3 ? 'C' : '',
  values: ['张三', `湘E${n}`, ''],
  ...over,
});

test('rows packed into a segment read back the same, the hash first', () => {
  const w = new SegmentWriter();
  const rows = [
    row(1),
    row(2, { invalid: true, sex: null, birthDate: null }),
    row(3, { values: [] }),
  ];
  for (const r of rows) w.push(r);
  const { data, rows: count } = w.take();
  expect(count).toBe(3);
  const reader = new SegmentReader(data);
  const back: ListRow[] = [];
  const keys: string[] = [];
  while (reader.next()) {
    keys.push(reader.key);
    back.push(reader.row());
  }
  expect(back).toEqual(rows.map((r) => ({ ...r, values: r.values.length ? r.values : [] })));
  expect(keys).toEqual(rows.map((r) => r.hash.toString('latin1')));
  expect(w.take().rows).toBe(0);
});

test('a segment fills up at its target size', () => {
  const w = new SegmentWriter(1000);
  let n = 0;
  while (!w.full) w.push(row(n++, { hash: randomBytes(32) }));
  expect(n).toBeGreaterThan(5);
  expect(w.take().data.length).toBeGreaterThanOrEqual(1000);
});

test('the ID column is found under the common headers, or chosen by name, letter or number', () => {
  const headers = ['', '序号', ' 姓 名 ', '公民身份号码', '证件号码'];
  expect(idColumnOf(headers)).toEqual({ index: 3, header: '公民身份号码' });
  expect(idColumnOf(['', '证件号码*'])).toEqual({ index: 1, header: '证件号码*' });
  expect(idColumnOf(headers, '证件号码')).toEqual({ index: 4, header: '证件号码' });
  expect(idColumnOf(headers, 'D')).toEqual({ index: 4, header: '证件号码' });
  expect(idColumnOf(headers, '2').header).toBe(' 姓 名 ');
  expect(() => idColumnOf(['', '姓名'])).toThrow(
    expect.objectContaining({ code: 'MATCHING_LIST_ID_COLUMN_NOT_FOUND' }),
  );
  expect(() => idColumnOf(headers, 'Z')).toThrow(expect.objectContaining({ status: 422 }));
  expect(headerKey(' 身份证　号 ')).toBe('身份证号');
});

test('appraisal grades are read as written, and the grade column is required', () => {
  expect(['C', 'c级', 'Ｄ级危房', 'B级', '无'].map(gradeOf)).toEqual(['C', 'C', 'D', 'B', null]);
  expect(factColumnOf('dangerous_houses', ['', '身份证号', '鉴定等级'])?.index).toBe(2);
  // A wage column under its year and with its unit, as 人社's exports head it.
  for (const header of ['年工资收入', '2020年工资收入（元）', '2020年度工资总额(元)', '应发工资'])
    expect(factColumnOf('employment_wages', ['', '身份证号', '单位', header])?.index).toBe(3);
  expect(() => factColumnOf('employment_wages', ['', '身份证号', '2020年'])).toThrow();
  expect(() => factColumnOf('dangerous_houses', ['', '身份证号'])).toThrow(
    expect.objectContaining({ code: 'MATCHING_LIST_COLUMN_MISSING' }),
  );
  expect(factColumnOf('vehicles', ['', '身份证号'])).toBeNull();
});

test('age is counted in whole years on the list date', () => {
  expect(ageOn('2012-05-01', '2026-03-31')).toBe(13);
  expect(ageOn('2012-03-31', '2026-03-31')).toBe(14);
  expect(ageOn('2012-04-01', '2026-03-31')).toBe(13);
});
