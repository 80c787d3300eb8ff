import { daysBetween } from '@fupin/reference';
import { monthDays, shanghaiMonth } from '../src/common/calendar';
import { childAreaOf } from '../src/common/scope';
import { readRow, headerMap, columnLetter } from '../src/imports/pairing-sheet';
import { assertMove, canMove, TRANSITIONS } from '../src/measures/measure.machine';
import { MEASURE_STATUSES } from '../src/measures/measure.model';
import { entryDelay, PHOTO_TYPES } from '../src/visits/visit.rules';
import { shanghaiDateOf } from '@fupin/reference';

test('the measure machine: planned → in progress → done, cancel from either, nothing leaves a final state', () => {
  const allowed = MEASURE_STATUSES.flatMap((from) =>
    MEASURE_STATUSES.filter((to) => canMove(from, to)).map((to) => `${from}→${to}`),
  );
  expect(allowed).toEqual([
    'planned→in_progress',
    'planned→cancelled',
    'in_progress→done',
    'in_progress→cancelled',
  ]);
  expect(TRANSITIONS.done).toEqual([]);
  expect(() => assertMove('cancelled', 'planned')).toThrow(/final state/);
});

test('days and months are China’s calendar days, whatever the server zone', () => {
  expect(shanghaiDateOf(new Date('2026-03-31T15:59:59Z'))).toBe('2026-03-31');
  expect(shanghaiDateOf(new Date('2026-03-31T16:00:00Z'))).toBe('2026-04-01');
  expect(shanghaiMonth(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01');
  expect(monthDays('2024-02')).toEqual({ first: '2024-02-01', last: '2024-02-29' });
  expect(monthDays('2026-02')).toEqual({ first: '2026-02-01', last: '2026-02-28' });
  expect(daysBetween('2026-02-25', '2026-03-07')).toBe(10);
});

test('a visit entered more than ten Beijing days later is a late entry', () => {
  expect(entryDelay('2026-03-01', new Date('2026-03-11T15:59:00Z'))).toEqual({
    days: 10,
    late: false,
  });
  // 16:00 UTC on 11 March is already 12 March in Beijing.
  expect(entryDelay('2026-03-01', new Date('2026-03-11T16:00:00Z'))).toEqual({
    days: 11,
    late: true,
  });
});

test('photo types are recognised by their bytes', () => {
  expect(PHOTO_TYPES['image/png']!(Buffer.from('89504e470d0a1a0a00', 'hex'))).toBe(true);
  expect(PHOTO_TYPES['image/jpeg']!(Buffer.from('ffd8ffe000', 'hex'))).toBe(true);
  expect(PHOTO_TYPES['image/webp']!(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe(true);
  expect(PHOTO_TYPES['image/png']!(Buffer.from('<svg/>'))).toBe(false);
});

test('statistics group by the level below the scope', () => {
  expect(childAreaOf('431121101201', '431121000000')).toBe('431121101000');
  expect(childAreaOf('431121101201', '431121101000')).toBe('431121101201');
  expect(childAreaOf('431121101201', '431121101201')).toBe('431121101201');
});

test('a pairing-list row is read with every problem named by its column', () => {
  const { index, missing, unknown } = headerMap([
    '帮扶干部姓名*',
    '工作单位*',
    '职级*',
    '户编号*',
    '帮扶类型*',
    '备注',
  ]);
  expect(missing).toEqual([]);
  expect(unknown).toEqual(['备注']);
  expect(readRow(['张三', '县林业局', '处级干部', 'HH-1', '联系'], index)).toEqual({
    ok: true,
    row: expect.objectContaining({
      rank: 'division_level',
      role: 'contact',
      householdNo: 'HH-1',
      startDate: null,
    }),
  });
  const bad = readRow(['', '县林业局', '部长', 'HH-1', ''], index);
  expect(bad.ok).toBe(false);
  expect(!bad.ok && bad.errors.map((e) => `${e.column}:${e.code}`)).toEqual([
    'A:required',
    'C:unknown',
    'E:required',
  ]);
  expect(columnLetter(26)).toBe('AA');
});
