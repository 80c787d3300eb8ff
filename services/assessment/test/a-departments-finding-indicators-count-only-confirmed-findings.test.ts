import type { Fact } from '../src/indicators/fact.model';
import type { MeasureContext, Measurement } from '../src/indicators/measurement';
import { findingsOpen, findingsOverdue } from '../src/indicators/measures/findings';

const LAST = '2026-03-31';

function finding(
  id: string,
  status: string,
  conclusion: string | null,
  dueDay = '2026-03-01',
): Fact {
  return {
    _id: `finding:${id}`,
    kind: 'finding',
    recordId: id,
    areaCode: '431121101201',
    townshipCode: '431121101000',
    departments: ['public_security'],
    householdId: null,
    personId: null,
    from: '2026-01-10',
    to: status === 'closed' ? '2026-02-01' : null,
    status,
    data: { rule: 'VEHICLE_OWNER', dueDay, conclusion },
  } as unknown as Fact;
}

const facts = [
  finding('assigned', 'assigned', null),
  finding('confirmed', 'verified', 'confirmed'),
  finding('dismissed', 'verified', 'not_confirmed'),
  finding('corrected', 'reviewed', 'data_corrected'),
  finding('rectified', 'rectified', 'confirmed', '2026-04-30'),
  finding('closed', 'closed', 'confirmed'),
];

function measure(kind: 'department' | 'township', m: typeof findingsOpen): Measurement {
  const ctx = {
    unit: { kind, code: kind === 'department' ? 'public_security' : '431121101000' },
    last: LAST,
    factsOf: () => facts,
    none: () => ({ value: null }),
    result: (value: number | null, _n: number | null, _d: number | null, items: unknown[]) => ({
      value,
      items,
    }),
  } as unknown as MeasureContext;
  return m.measure(ctx);
}

test('a department is charged with its confirmed open findings only; a township with all open', () => {
  expect(measure('department', findingsOpen)).toMatchObject({
    value: 2,
    items: [{ id: 'confirmed' }, { id: 'rectified' }],
  });
  expect(measure('department', findingsOverdue)).toMatchObject({
    value: 1,
    items: [{ id: 'confirmed' }],
  });
  expect(measure('township', findingsOpen)).toMatchObject({ value: 5 });
});
