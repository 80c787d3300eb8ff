import { bounded, brief, newestFirst, timelineDay, timelineInstant } from '../src/dossier-part';

test('the timeline is newest first and keeps the order of entries of one instant', () => {
  const e = (at: string, kind: string) => ({ at, kind });
  const sorted = newestFirst([
    e('2026-01-01T00:00:00+08:00', 'a'),
    e('2026-01-02T00:00:00Z', 'b'),
    e('2025-12-31T16:00:00Z', 'c'),
    e('2026-01-02T08:00:00+08:00', 'd'),
  ]);
  // a and c are the same instant, as are b and d.
  expect(sorted.map((x) => x.kind)).toEqual(['b', 'd', 'a', 'c']);
});

test('a day is its start in Beijing; an instant is written in UTC', () => {
  expect(timelineDay('2026-03-01')).toBe('2026-03-01T00:00:00+08:00');
  expect(Date.parse(timelineDay('2026-03-01'))).toBe(Date.parse('2026-02-28T16:00:00Z'));
  expect(timelineInstant(new Date('2026-03-01T00:30:00+08:00'))).toBe('2026-02-28T16:30:00.000Z');
});

test('a cut list says how many exist and how many were left out', () => {
  expect(bounded([1, 2], 5)).toEqual({ items: [1, 2], total: 5, omitted: 3 });
  expect(bounded([1, 2], 2)).toEqual({ items: [1, 2], total: 2, omitted: 0 });
});

test('a summary is one line, cut with an ellipsis', () => {
  expect(brief('  鸡苗\n长势   良好 ', 20)).toBe('鸡苗 长势 良好');
  expect(brief('一二三四五六', 4)).toBe('一二三…');
});
