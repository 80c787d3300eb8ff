import {
  COUNTY_COMPLAINT_LINES,
  countyComplaintLineFor,
  NATIONAL_COMPLAINT_LINE,
} from '../src/complaint-line';

test('the national line is 12317', () => {
  expect(NATIONAL_COMPLAINT_LINE).toBe('12317');
});

test("an area's county line is its county's, by the first six digits of its code", () => {
  expect(countyComplaintLineFor('431121101001', '2026-12-05')).toMatchObject({
    countyCode: '431121',
    number: '0746-3212317',
    version: 1,
  });
  expect(countyComplaintLineFor('431122101001', '2026-12-05')).toBeNull();
});

test('a line applies from its first day, and a newer row replaces it from its own', () => {
  const rows = COUNTY_COMPLAINT_LINES as unknown as object[];
  const newer = {
    version: 2,
    countyCode: '431121',
    fromDay: '2027-01-01',
    label: '临溪县扶贫办监督举报电话',
    number: '0746-3219999',
  };
  rows.push(newer);
  try {
    expect(countyComplaintLineFor('431121101001', '2013-12-31')).toBeNull();
    expect(countyComplaintLineFor('431121101001', '2026-12-31')?.version).toBe(1);
    expect(countyComplaintLineFor('431121101001', '2027-01-01')?.number).toBe('0746-3219999');
  } finally {
    rows.pop();
  }
});

test('every row has a 6-digit county, a real first day and a version unique in its county', () => {
  const keys = new Set<string>();
  for (const l of COUNTY_COMPLAINT_LINES) {
    expect(l.countyCode).toMatch(/^\d{6}$/);
    expect(l.fromDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(l.number).toMatch(/^[\d-]+$/);
    const key = `${l.countyCode}:${l.version}`;
    expect(keys.has(key)).toBe(false);
    keys.add(key);
  }
});
