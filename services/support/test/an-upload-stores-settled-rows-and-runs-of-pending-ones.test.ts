import { storedRowsOf } from '../src/imports/import-upload';
import type { ImportRow, Outcome } from '../src/imports/import.model';

const row = (seq: number, outcome: Outcome): ImportRow => ({
  _id: `job:${seq}`,
  importId: 'job',
  seq,
  sheet: 'Sheet1',
  row: seq + 1,
  idHash: `h${seq}`,
  idMasked: null,
  name: null,
  data: null,
  outcome,
  problems: [],
  personId: null,
  areaCode: null,
  changed: 0,
});

test('rejected and duplicate rows are stored as report rows; the pending ones in runs, in order', () => {
  const outcomes: Outcome[] = ['pending', 'rejected', 'pending', 'duplicate', 'pending', 'pending'];
  const { settled, pending } = storedRowsOf(
    'job',
    outcomes.map((o, i) => row(i + 1, o)),
    2,
  );
  expect(settled.map((r) => [r.seq, r.outcome])).toEqual([
    [2, 'rejected'],
    [4, 'duplicate'],
  ]);
  expect(pending.map((p) => [p._id, p.firstSeq, p.lastSeq, p.rows.map((r) => r.seq)])).toEqual([
    ['job:1', 1, 3, [1, 3]],
    ['job:5', 5, 6, [5, 6]],
  ]);
});

test('a list without pending rows stores no run; one with fewer rows than a run stores one', () => {
  expect(storedRowsOf('job', [row(1, 'rejected')]).pending).toEqual([]);
  const { pending } = storedRowsOf('job', [row(1, 'pending'), row(2, 'pending')]);
  expect(pending).toHaveLength(1);
  expect(pending[0]!.rows).toHaveLength(2);
});
