import type { ResponsibleUnit } from '../src/inspections/inspection.model';
import {
  type CountedOrder,
  countsByUnit,
  isOverdue,
  mayReview,
  nextStatus,
  periodDays,
  quarterOf,
} from '../src/inspections/rectification.rules';

const TOWN: ResponsibleUnit = { kind: 'township', code: '431121101000', name: '城关镇' };
const DEPT: ResponsibleUnit = { kind: 'department', code: 'agriculture', name: '农业农村' };

function order(unit: ResponsibleUnit, o: Partial<CountedOrder>): CountedOrder {
  return {
    unit,
    unitId: `${unit.kind}:${unit.code}`,
    issuedOn: '2026-04-01',
    deadline: '2026-04-30',
    closedOn: null,
    ...o,
  };
}

describe('overdue', () => {
  test('the deadline day itself is not overdue; the day after is', () => {
    expect(isOverdue({ status: 'rectifying', deadline: '2026-04-30' }, '2026-04-29')).toBe(false);
    expect(isOverdue({ status: 'rectifying', deadline: '2026-04-30' }, '2026-04-30')).toBe(false);
    expect(isOverdue({ status: 'rectifying', deadline: '2026-04-30' }, '2026-05-01')).toBe(true);
  });

  test('awaiting review or sent back past the deadline is overdue; closed never is', () => {
    expect(isOverdue({ status: 'awaiting_review', deadline: '2026-04-30' }, '2026-05-01')).toBe(
      true,
    );
    expect(isOverdue({ status: 'returned', deadline: '2026-04-30' }, '2026-05-01')).toBe(true);
    expect(isOverdue({ status: 'closed', deadline: '2026-04-30' }, '2026-06-01')).toBe(false);
  });
});

describe('steps', () => {
  test('evidence is sent while rectifying or after being sent back, reviewed only when awaiting', () => {
    expect(nextStatus('rectifying', 'submit')).toBe('awaiting_review');
    expect(nextStatus('returned', 'submit')).toBe('awaiting_review');
    expect(nextStatus('awaiting_review', 'submit')).toBeNull();
    expect(nextStatus('closed', 'submit')).toBeNull();
    expect(nextStatus('awaiting_review', 'close')).toBe('closed');
    expect(nextStatus('awaiting_review', 'return')).toBe('returned');
    expect(nextStatus('rectifying', 'close')).toBeNull();
    expect(nextStatus('returned', 'return')).toBeNull();
  });

  test('the sender of the evidence may not review it; another person may', () => {
    expect(mayReview({ id: 'u1' }, { id: 'u1' })).toBe(false);
    expect(mayReview({ id: 'u1' }, { id: 'u2' })).toBe(true);
    expect(mayReview(undefined, { id: 'u2' })).toBe(false);
  });
});

describe('counts per unit', () => {
  const period = { from: '2026-04-01', to: '2026-06-30' };

  test('open, overdue, closed on time (on the deadline day) and late, per unit', () => {
    const counts = countsByUnit(
      [
        order(TOWN, { deadline: '2026-06-30' }), // open, not yet due
        order(TOWN, { deadline: '2026-05-31' }), // open, overdue
        order(TOWN, { deadline: '2026-05-10', closedOn: '2026-05-10' }), // on time, the day itself
        order(TOWN, { deadline: '2026-05-10', closedOn: '2026-05-11' }), // late
        order(DEPT, { deadline: '2026-06-01' }), // open, overdue on the 2nd
      ],
      period,
      '2026-06-02',
    );
    expect(counts).toEqual([
      {
        unitId: 'department:agriculture',
        kind: 'department',
        code: 'agriculture',
        name: '农业农村',
        open: 1,
        overdue: 1,
        closedOnTime: 0,
        closedLate: 0,
      },
      {
        unitId: 'township:431121101000',
        kind: 'township',
        code: '431121101000',
        name: '城关镇',
        open: 2,
        overdue: 1,
        closedOnTime: 1,
        closedLate: 1,
      },
    ]);
  });

  test('closed before the period is left out; issued after the measuring day too; closed after it was open', () => {
    const counts = countsByUnit(
      [
        order(TOWN, { issuedOn: '2026-01-05', deadline: '2026-02-01', closedOn: '2026-03-31' }),
        order(TOWN, { issuedOn: '2026-06-20' }),
        order(TOWN, { deadline: '2026-05-01', closedOn: '2026-06-15' }),
      ],
      period,
      '2026-06-10',
    );
    expect(counts).toHaveLength(1);
    expect(counts[0]).toMatchObject({ open: 1, overdue: 1, closedOnTime: 0, closedLate: 0 });
  });

  test('an order due on the measuring day is open but not overdue', () => {
    const [c] = countsByUnit([order(TOWN, { deadline: '2026-06-30' })], period, '2026-06-30');
    expect(c).toMatchObject({ open: 1, overdue: 0 });
  });
});

describe('periods', () => {
  test('a year, a quarter and a month name their first and last days', () => {
    expect(periodDays('2026')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(periodDays('2026-Q1')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(periodDays('2026-Q4')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodDays('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodDays('2026-13')).toBeNull();
    expect(quarterOf('2026-06-30')).toBe('2026-Q2');
    expect(quarterOf('2026-07-01')).toBe('2026-Q3');
  });
});
