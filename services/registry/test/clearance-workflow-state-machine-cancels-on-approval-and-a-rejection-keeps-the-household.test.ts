import type { Right } from '@fupin/kit';
import type { HouseholdStatus } from '../src/households/household.model';
import { giveNotice, recordResponse } from '../src/workflows/household-notice.rules';
import { allGuaranteesMet } from '../src/households/household.rules';
import {
  type Caller,
  decide,
  pendingStep,
  type StepCommand,
  type WorkflowHousehold,
  type WorkflowState,
} from '../src/workflows/workflow.machine';

const COUNTY = '431121000000';
const TOWNSHIP_A = '431121101000';
const VILLAGE_A1 = '431121101201';
const caller = (areaCode: string, rights: Right[] = ['read', 'write']): Caller => ({
  id: `u-${areaCode}`,
  name: 'tester',
  areaCode,
  rights,
});
const village = caller(VILLAGE_A1);
const township = caller(TOWNSHIP_A);
const county = caller(COUNTY, ['read', 'write', 'approve']);
const DAY = 24 * 3600 * 1000;

function household(status: HouseholdStatus): WorkflowHousehold {
  return {
    status,
    areaCode: VILLAGE_A1,
    townshipCode: TOWNSHIP_A,
    income: { year: 2019, wagesFen: 1_200_000, productionFen: 0, propertyFen: 0, transferFen: 0 },
    perCapitaIncomeFen: 400_000,
    guarantees: allGuaranteesMet(),
    exitYear: null,
  };
}

let ids = 0;
function steps(
  status: HouseholdStatus,
  list: [Partial<StepCommand> & { action: StepCommand['action'] }, Caller, number?][],
  /** 告知与答复 after the start: the day told and whether the household answered at once. */
  told: { givenOn: string; answered: boolean } | null = { givenOn: '2026-03-02', answered: true },
) {
  let at = Date.parse('2026-03-02T02:00:00Z');
  let state: unknown = null;
  let current = status;
  for (const [cmd, who, days] of list) {
    at += (days ?? 0) * DAY;
    const d = decide(
      { ...household(current), status: current },
      state,
      { kind: 'clearance', reason: '比对发现家庭拥有汽车', ...cmd },
      who,
      new Date(at),
      () => `run-${++ids}`,
    );
    state = d.state;
    current = d.to;
    if (cmd.action === 'start' && cmd.findingId && told) {
      state = giveNotice(state, {
        ...told,
        channel: 'letter',
        text: '告知书',
        days: 15,
        actor: village,
      }).state;
      if (told.answered) {
        const answer = { receivedOn: told.givenOn, text: '无异议', objects: false, actor: village };
        state = recordResponse(state, answer).state;
      }
    }
  }
  return { state: state as WorkflowState, status: current, at };
}

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return { status: (err as { status: number }).status, code: (err as { code: string }).code };
  }
  throw new Error('expected a refusal');
};

const FULL: [Partial<StepCommand> & { action: StepCommand['action'] }, Caller, number?][] = [
  [{ action: 'start', findingId: 'f-1' }, village],
  [{ action: 'appraise' }, village],
  [{ action: 'notice' }, village],
  [{ action: 'review' }, township, 7],
  [{ action: 'approve' }, county],
];

test.each<HouseholdStatus>(['in_poverty', 'candidate', 'returned', 'unstable'])(
  '清退 from %s: appraisal, 7-day notice, township review, county approval cancel the household',
  (from) => {
    const r = steps(from, FULL);
    expect(r.status).toBe('cancelled');
    expect(r.state.active).toBeNull();
    const run = r.state.closed[0]!;
    expect(run).toMatchObject({ kind: 'clearance', outcome: 'approved', fromStatus: from });
    expect(run.findingId).toBe('f-1');
    expect(run.steps.map((s) => s.action)).toEqual([
      'start',
      'appraise',
      'notice',
      'review',
      'approve',
    ]);
  },
);

test('清退 does not start from exited, cancelled or a monitoring category', () => {
  for (const from of ['exited', 'cancelled', 'marginal'] as HouseholdStatus[]) {
    expect(refusal(() => steps(from, [[{ action: 'start' }, village]]))).toEqual({
      status: 409,
      code: 'REGISTRY_WORKFLOW_WRONG_STATUS',
    });
  }
});

test('nothing moves past the 7-day notice before it ends, and the steps keep their order', () => {
  const noticed = FULL.slice(0, 3);
  expect(
    refusal(() => steps('in_poverty', [...noticed, [{ action: 'review' }, township, 6]])),
  ).toEqual({ status: 409, code: 'REGISTRY_WORKFLOW_NOTICE_RUNNING' });
  expect(
    refusal(() => steps('in_poverty', [...FULL.slice(0, 2), [{ action: 'review' }, township]])),
  ).toEqual({ status: 409, code: 'REGISTRY_WORKFLOW_STEP_OUT_OF_ORDER' });
  const r = steps('in_poverty', noticed);
  expect(pendingStep(r.state)).toMatchObject({ kind: 'clearance', action: 'review' });
});

test('the review is the township’s and the approval the county’s with approve', () => {
  const reviewed = FULL.slice(0, 4);
  expect(
    refusal(() => steps('in_poverty', [...FULL.slice(0, 3), [{ action: 'review' }, county, 7]])),
  ).toEqual({ status: 403, code: 'REGISTRY_WORKFLOW_TOWNSHIP_ONLY' });
  expect(
    refusal(() => steps('in_poverty', [...reviewed, [{ action: 'approve' }, caller(COUNTY)]])),
  ).toEqual({ status: 403, code: 'FORBIDDEN_RIGHT' });
});

test.each(['appraise', 'notice', 'review', 'approve'] as const)(
  'a rejection at the %s closes the run and the household stays in poverty',
  (at) => {
    const index = FULL.findIndex(([c]) => c.action === at);
    const before = FULL.slice(0, index);
    const who = FULL[index]![1];
    const days = at === 'review' ? 7 : 0;
    const r = steps('in_poverty', [
      ...before,
      [{ action: 'reject', reason: '经核实情况不属实' }, who, days],
    ]);
    expect(r.status).toBe('in_poverty');
    expect(r.state.active).toBeNull();
    expect(r.state.closed[0]).toMatchObject({ kind: 'clearance', outcome: 'rejected' });
  },
);

test('清退 for a finding is approved only once the household was told and answered or its 15 days ran out', () => {
  // Not told: the county cannot approve.
  expect(refusal(() => steps('in_poverty', FULL, null))).toEqual({
    status: 409,
    code: 'REGISTRY_CLEARANCE_WAITS_FOR_HOUSEHOLD',
  });
  // Told on 2 March without an answer: the window runs to 17 March; the approval on 9 March waits.
  const unanswered = { givenOn: '2026-03-02', answered: false };
  expect(refusal(() => steps('in_poverty', FULL, unanswered))).toEqual({
    status: 409,
    code: 'REGISTRY_CLEARANCE_WAITS_FOR_HOUSEHOLD',
  });
  // The last day of the window still waits; the day after it, the county approves.
  const late = (days: number): typeof FULL => [
    ...FULL.slice(0, 4),
    [{ action: 'approve' }, county, days],
  ];
  expect(refusal(() => steps('in_poverty', late(8), unanswered))).toMatchObject({ status: 409 });
  expect(steps('in_poverty', late(9), unanswered).status).toBe('cancelled');
  // A clearance the village opened itself (no finding) needs no notice.
  const own: typeof FULL = [[{ action: 'start' }, village], ...FULL.slice(1)];
  expect(steps('in_poverty', own, null).status).toBe('cancelled');
});
