import { AppError } from '@fupin/kit';
import { decideStep, rates } from '../src/projects/project.machine';

const inPlace = { inPlace: true, note: null };
const notYet = { inPlace: false, note: null };
const project = (status: string, extra: Record<string, unknown> = {}) =>
  ({
    status,
    plannedTotalFen: 100,
    dates: {
      proposedOn: '2018-01-01',
      approvedOn: status === 'proposed' ? null : '2018-02-01',
      startedOn: ['in_progress', 'completed', 'accepted'].includes(status) ? '2018-03-01' : null,
      completedOn: ['completed', 'accepted'].includes(status) ? '2018-04-01' : null,
      acceptedOn: null,
    },
    fiveSystems: {
      legalPerson: inPlace,
      tendering: inPlace,
      supervision: inPlace,
      contract: inPlace,
      integrity: inPlace,
    },
    ...extra,
  }) as Parameters<typeof decideStep>[0];

const ALL = ['read', 'write', 'approve'] as const;
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError)
      return { status: err.status, code: err.code, fields: err.errors.map((e) => e.field) };
    throw err;
  }
  throw new Error('not refused');
};

test('the project moves proposed → approved → in progress → completed → accepted', () => {
  expect(decideStep(project('proposed'), 'approve', '2018-02-01', '2018-06-01', [...ALL])).toEqual({
    to: 'approved',
    dateField: 'approvedOn',
  });
  expect(decideStep(project('approved'), 'start', '2018-03-01', '2018-06-01', [...ALL]).to).toBe(
    'in_progress',
  );
  expect(
    decideStep(project('in_progress'), 'complete', '2018-04-01', '2018-06-01', [...ALL]).to,
  ).toBe('completed');
  expect(decideStep(project('completed'), 'accept', '2018-05-01', '2018-06-01', [...ALL]).to).toBe(
    'accepted',
  );
});

test('steps out of order, in the future or before the previous step are refused', () => {
  expect(
    refusal(() => decideStep(project('proposed'), 'start', '2018-03-01', '2018-06-01', [...ALL])),
  ).toEqual({
    status: 409,
    code: 'FUNDS_PROJECT_STATUS_CONFLICT',
    fields: [],
  });
  expect(
    refusal(() => decideStep(project('approved'), 'start', '2018-07-01', '2018-06-01', [...ALL])),
  ).toMatchObject({
    status: 422,
    fields: ['on'],
  });
  expect(
    refusal(() => decideStep(project('approved'), 'start', '2018-01-15', '2018-06-01', [...ALL])),
  ).toMatchObject({
    status: 422,
    fields: ['on'],
  });
});

test('approval and acceptance need the approve right; approval needs a planned investment', () => {
  expect(
    refusal(() =>
      decideStep(project('proposed'), 'approve', '2018-02-01', '2018-06-01', ['read', 'write']),
    ),
  ).toMatchObject({
    status: 403,
    code: 'FORBIDDEN_RIGHT',
  });
  expect(
    refusal(() =>
      decideStep(
        project('proposed', { plannedTotalFen: 0 }),
        'approve',
        '2018-02-01',
        '2018-06-01',
        [...ALL],
      ),
    ),
  ).toMatchObject({
    fields: ['plannedInvestment'],
  });
  expect(
    decideStep(project('approved'), 'start', '2018-03-01', '2018-06-01', ['read', 'write']).to,
  ).toBe('in_progress');
});

test('acceptance (验收) needs the five-systems checklist (五制) complete, naming what is missing', () => {
  const incomplete = project('completed', {
    fiveSystems: {
      legalPerson: inPlace,
      tendering: notYet,
      supervision: inPlace,
      contract: inPlace,
      integrity: notYet,
    },
  });
  expect(
    refusal(() => decideStep(incomplete, 'accept', '2018-05-01', '2018-06-01', [...ALL])),
  ).toEqual({
    status: 422,
    code: 'FUNDS_PROJECT_STEP_REFUSED',
    fields: ['fiveSystems.tendering', 'fiveSystems.integrity'],
  });
});

test('start rate (开工率) and completion rate (完成率) count the projects in the library', () => {
  expect(rates({ proposed: 5, approved: 2, in_progress: 3, completed: 4, accepted: 1 })).toEqual({
    inLibrary: 10,
    started: 8,
    finished: 5,
    startRatePercent: 80,
    completionRatePercent: 50,
  });
  expect(rates({ proposed: 3 })).toMatchObject({
    startRatePercent: null,
    completionRatePercent: null,
  });
  expect(rates({ approved: 2, in_progress: 1 }).startRatePercent).toBe(33.3);
});
