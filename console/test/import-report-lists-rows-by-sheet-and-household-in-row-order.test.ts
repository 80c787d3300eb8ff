import { refusedByOther, reportSections } from '../src/modules/registry/imports/report-sections';

const row = (
  sheet: string,
  n: number,
  householdNo: string | null,
  refusedBecauseOf?: number[],
) => ({
  sheet,
  row: n,
  householdNo,
  errors: [{ column: null, header: null, code: 'x', message: { 'zh-CN': 'x', en: 'x' } }],
  ...(refusedBecauseOf ? { refusedBecauseOf } : {}),
});

test('rejected rows are shown under their sheet by its own name, the rows of a household together, in row order', () => {
  const sections = reportSections([
    row('漳江街道花名册', 5, 'V-1'),
    row('漳江街道花名册', 6, 'V-1', [5]),
    row('漳江街道花名册', 7, 'T-1', [8]),
    row('漳江街道花名册', 8, 'T-1'),
    row('漳江街道花名册', 10, null),
    row('漳江街道花名册', 11, null),
    row('陬市镇', 3, 'V-1'),
  ]);
  expect(sections.map((s) => s.sheet)).toEqual(['漳江街道花名册', '陬市镇']);
  expect(sections[0]!.households.map((h) => [h.householdNo, h.rows.map((r) => r.row)])).toEqual([
    ['V-1', [5, 6]],
    ['T-1', [7, 8]],
    [null, [10]],
    [null, [11]],
  ]);
  // The same household number on another sheet is another household.
  expect(sections[1]!.households).toHaveLength(1);
  expect(refusedByOther(sections[0]!.households[0]!.rows[1]!)).toBe(true);
  expect(refusedByOther(sections[0]!.households[0]!.rows[0]!)).toBe(false);
});
