import type { Right } from '@fupin/kit';
import { readGuarantee } from '../src/households/guarantee.rules';
import type { HouseholdStatus } from '../src/households/household.model';
import { allGuaranteesMet } from '../src/households/household.rules';
import {
  type Caller,
  decide,
  exitChecks,
  pendingStep,
  type StepCommand,
  type WorkflowHousehold,
  type WorkflowKind,
  type WorkflowState,
} from '../src/workflows/workflow.machine';

const COUNTY = '431121000000';
const TOWNSHIP_A = '431121101000';
const TOWNSHIP_B = '431121102000';
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

function household(over: Partial<WorkflowHousehold> = {}): WorkflowHousehold {
  return {
    status: 'candidate',
    areaCode: VILLAGE_A1,
    townshipCode: TOWNSHIP_A,
    // 12,000 yuan for 3 people in 2019: 4,000 a head, above the 3,747 line.
    income: { year: 2019, wagesFen: 1_200_000, productionFen: 0, propertyFen: 0, transferFen: 0 },
    perCapitaIncomeFen: 400_000,
    guarantees: allGuaranteesMet(),
    exitYear: null,
    ...over,
  };
}

/** A candidate of identification: 9,000 yuan for 3 people in 2019, 3,000 a head (below the line). */
function candidate(): WorkflowHousehold {
  return household({
    income: { year: 2019, wagesFen: 900_000, productionFen: 0, propertyFen: 0, transferFen: 0 },
    perCapitaIncomeFen: 300_000,
  });
}

const DAY = 24 * 3600 * 1000;
let ids = 0;
const newId = () => `run-${++ids}`;

/** Applies steps one after the other as the service does, moving the clock between them. */
function run(
  h: WorkflowHousehold,
  kind: WorkflowKind,
  steps: [Partial<StepCommand> & { action: StepCommand['action'] }, Caller, number?][],
  state: unknown = null,
  start = new Date('2026-03-02T02:00:00Z'),
) {
  let at = start.getTime();
  let current: unknown = state;
  let status: HouseholdStatus = h.status;
  const set: Record<string, number> = {};
  for (const [cmd, who, days] of steps) {
    at += (days ?? 0) * DAY;
    const d = decide(
      { ...h, status },
      current,
      { reason: '依程序办理', kind, ...cmd },
      who,
      new Date(at),
      newId,
    );
    current = d.state;
    status = d.to;
    Object.assign(set, d.set);
  }
  return { state: current as WorkflowState, status, set, at: new Date(at) };
}

const NO_EXCLUSIONS = {
  car: false,
  business: false,
  urbanHousing: false,
  publicEmployee: false,
  villageCadreFamily: false,
};

function refusal(fn: () => unknown): { status: number; code: string; extra: unknown } {
  try {
    fn();
  } catch (err) {
    const e = err as { status: number; code: string; extra: unknown };
    return { status: e.status, code: e.code, extra: e.extra };
  }
  throw new Error('expected a refusal');
}

test('identification runs application → appraisal → 7-day notice → township review → county approval', () => {
  const r = run(candidate(), 'identification', [
    [{ action: 'start', exclusions: NO_EXCLUSIONS }, village],
    [{ action: 'appraise', votes: { for: 30, against: 2 } }, village],
    [{ action: 'notice' }, village],
    [{ action: 'review' }, township, 7],
    [{ action: 'approve' }, county],
  ]);
  expect(r.status).toBe('in_poverty');
  expect(r.set).toEqual({ identificationYear: 2026 });
  expect(r.state.active).toBeNull();
  expect(r.state.closed).toHaveLength(1);
  expect(r.state.closed[0]).toMatchObject({ outcome: 'approved', stage: 'approved' });
  expect(r.state.closed[0]!.steps.map((s) => s.action)).toEqual([
    'start',
    'appraise',
    'notice',
    'review',
    'approve',
  ]);
});

test('nothing moves past the public notice before its seven days end', () => {
  const noticed = run(candidate(), 'identification', [
    [{ action: 'start', exclusions: NO_EXCLUSIONS }, village],
    [{ action: 'appraise' }, village],
    [{ action: 'notice' }, village],
  ]);
  const almost = new Date(noticed.at.getTime() + 7 * DAY - 1000);
  const h = candidate();
  for (const [action, who] of [
    ['review', township],
    ['approve', county],
  ] as const) {
    expect(
      refusal(() =>
        decide(
          h,
          noticed.state,
          { kind: 'identification', action, reason: '审核' },
          who,
          almost,
          newId,
        ),
      ),
    ).toMatchObject({ status: 409, code: 'REGISTRY_WORKFLOW_NOTICE_RUNNING' });
  }
  const ended = new Date(noticed.at.getTime() + 7 * DAY);
  expect(
    decide(
      h,
      noticed.state,
      { kind: 'identification', action: 'review', reason: '审核' },
      township,
      ended,
      newId,
    ).state.active?.stage,
  ).toBe('reviewed');
});

test('a step out of order is refused naming the expected step', () => {
  const started = run(candidate(), 'identification', [
    [{ action: 'start', exclusions: NO_EXCLUSIONS }, village],
  ]);
  expect(
    refusal(() =>
      decide(
        candidate(),
        started.state,
        { kind: 'identification', action: 'notice', reason: '公示' },
        village,
        new Date(),
        newId,
      ),
    ),
  ).toMatchObject({
    status: 409,
    code: 'REGISTRY_WORKFLOW_STEP_OUT_OF_ORDER',
    extra: { expectedAction: 'appraise' },
  });
});

test('township review needs the household township; county approval needs a county user with approve', () => {
  const noticed = run(candidate(), 'identification', [
    [{ action: 'start', exclusions: NO_EXCLUSIONS }, village],
    [{ action: 'appraise' }, village],
    [{ action: 'notice' }, village],
  ]);
  const later = new Date(noticed.at.getTime() + 8 * DAY);
  const review = (who: Caller) => () =>
    decide(
      candidate(),
      noticed.state,
      { kind: 'identification', action: 'review', reason: 'ok' },
      who,
      later,
      newId,
    );
  expect(refusal(review(caller(TOWNSHIP_B)))).toMatchObject({
    status: 403,
    code: 'FORBIDDEN_AREA',
  });
  expect(refusal(review(county))).toMatchObject({ code: 'REGISTRY_WORKFLOW_TOWNSHIP_ONLY' });
  const reviewed = decide(
    candidate(),
    noticed.state,
    { kind: 'identification', action: 'review', reason: 'ok' },
    township,
    later,
    newId,
  );
  const approve = (who: Caller) => () =>
    decide(
      candidate(),
      reviewed.state,
      { kind: 'identification', action: 'approve', reason: 'ok' },
      who,
      later,
      newId,
    );
  expect(refusal(approve(caller(COUNTY, ['read', 'write'])))).toMatchObject({
    status: 403,
    code: 'FORBIDDEN_RIGHT',
  });
  expect(refusal(approve(caller(TOWNSHIP_A, ['read', 'write', 'approve'])))).toMatchObject({
    code: 'REGISTRY_WORKFLOW_COUNTY_ONLY',
  });
  expect(approve(county)().to).toBe('in_poverty');
});

test('a declared exclusion passes the township review only with a justification', () => {
  const noticed = run(candidate(), 'identification', [
    [{ action: 'start', exclusions: { ...NO_EXCLUSIONS, car: true } }, village],
    [{ action: 'appraise', exclusions: { villageCadreFamily: true } }, village],
    [{ action: 'notice' }, village],
  ]);
  const later = new Date(noticed.at.getTime() + 7 * DAY);
  const review = (justification?: string) =>
    decide(
      candidate(),
      noticed.state,
      {
        kind: 'identification',
        action: 'review',
        reason: '审核',
        ...(justification ? { justification } : {}),
      },
      township,
      later,
      newId,
    );
  expect(refusal(() => review())).toMatchObject({
    status: 422,
    code: 'REGISTRY_IDENTIFICATION_EXCLUDED',
    extra: { failedChecks: ['exclusion.car', 'exclusion.villageCadreFamily'] },
  });
  const ok = review('车辆为残疾人代步车，已报废');
  expect(ok.step.details).toMatchObject({ justification: '车辆为残疾人代步车，已报废' });
});

test('exit checks list every failing condition: income under the line and unmet guarantees', () => {
  const g = allGuaranteesMet();
  g.housing_safety = readGuarantee({ met: false, note: 'C级危房' });
  const checks = exitChecks(
    household({ status: 'in_poverty', perCapitaIncomeFen: 300_000, guarantees: g }),
    2019,
  );
  expect(checks.filter((c) => !c.passed).map((c) => c.check)).toEqual([
    'income_above_line',
    'guarantee.housing_safety',
  ]);
  expect(
    refusal(() =>
      decide(
        household({ status: 'in_poverty', perCapitaIncomeFen: 300_000, guarantees: g }),
        null,
        { kind: 'exit', action: 'start', reason: '申请退出', year: 2019 },
        village,
        new Date(),
        newId,
      ),
    ),
  ).toMatchObject({
    status: 422,
    code: 'REGISTRY_EXIT_INCOME_BELOW_LINE',
    extra: { failedChecks: ['income_above_line', 'guarantee.housing_safety'] },
  });
  expect(
    refusal(() =>
      decide(
        household({ status: 'in_poverty' }),
        null,
        { kind: 'exit', action: 'start', reason: '申请', year: 2020 },
        village,
        new Date(),
        newId,
      ),
    ),
  ).toMatchObject({
    code: 'REGISTRY_EXIT_INCOME_UNKNOWN',
    extra: { failedChecks: ['income_recorded'] },
  });
});

test('exit conditions are checked again at approval: a guarantee lost during the notice refuses it', () => {
  const h = household({ status: 'in_poverty' });
  const reviewed = run(h, 'exit', [
    [{ action: 'start', year: 2019 }, village],
    [{ action: 'appraise' }, village],
    [{ action: 'notice' }, village],
    [{ action: 'review' }, township, 7],
  ]);
  const g = allGuaranteesMet();
  g.basic_medical = readGuarantee({ met: false, note: '医保未参保' });
  expect(
    refusal(() =>
      decide(
        { ...h, guarantees: g },
        reviewed.state,
        { kind: 'exit', action: 'approve', reason: '审定' },
        county,
        reviewed.at,
        newId,
      ),
    ),
  ).toMatchObject({
    code: 'REGISTRY_EXIT_GUARANTEE_NOT_MET',
    extra: { failedChecks: ['guarantee.basic_medical'] },
  });
  const ok = decide(
    h,
    reviewed.state,
    { kind: 'exit', action: 'approve', reason: '审定' },
    county,
    reviewed.at,
    newId,
  );
  expect({ to: ok.to, set: ok.set }).toEqual({ to: 'exited', set: { exitYear: 2019 } });
});

test('a rejected identification cancels the candidate and can be applied for again', () => {
  const rejected = run(candidate(), 'identification', [
    [{ action: 'start', exclusions: NO_EXCLUSIONS }, village],
    [{ action: 'reject' }, village],
  ]);
  expect(rejected.status).toBe('cancelled');
  expect(rejected.state.closed[0]).toMatchObject({ outcome: 'rejected' });
  const again = decide(
    household({ status: 'cancelled' }),
    rejected.state,
    { kind: 'identification', action: 'start', reason: '重新申请', exclusions: NO_EXCLUSIONS },
    village,
    new Date(),
    newId,
  );
  expect(again.to).toBe('candidate');
  expect(again.state.closed).toHaveLength(1);
  expect(pendingStep(again.state)).toEqual({
    kind: 'identification',
    action: 'appraise',
    noticeEndsAt: null,
  });
});

test('one workflow at a time, and each starts only from its statuses', () => {
  const started = run(household({ status: 'in_poverty' }), 'exit', [
    [{ action: 'start', year: 2019 }, village],
  ]);
  expect(
    refusal(() =>
      decide(
        household({ status: 'in_poverty' }),
        started.state,
        { kind: 'return', action: 'start', reason: 'x1' },
        village,
        new Date(),
        newId,
      ),
    ),
  ).toMatchObject({ code: 'REGISTRY_WORKFLOW_ALREADY_ACTIVE' });
  expect(
    refusal(() =>
      decide(
        household({ status: 'candidate' }),
        null,
        { kind: 'monitoring_entry', action: 'start', reason: 'x1', category: 'unstable' },
        village,
        new Date(),
        newId,
      ),
    ),
  ).toMatchObject({ code: 'REGISTRY_WORKFLOW_WRONG_STATUS' });
});

test('return to poverty needs income below the line or an unmet guarantee', () => {
  const h = household({ status: 'exited', exitYear: 2019 });
  expect(
    refusal(() =>
      decide(
        h,
        null,
        { kind: 'return', action: 'start', reason: '因病返贫' },
        village,
        new Date(),
        newId,
      ),
    ),
  ).toMatchObject({ status: 422, code: 'REGISTRY_RETURN_NOT_ELIGIBLE' });
  const poorer = { ...h, perCapitaIncomeFen: 200_000 };
  const r = run(poorer, 'return', [
    [{ action: 'start' }, village],
    [{ action: 'appraise' }, village],
    [{ action: 'notice' }, village],
    [{ action: 'review' }, township, 7],
    [{ action: 'approve' }, county],
  ]);
  expect(r.status).toBe('returned');
});

test('monitoring entry puts the household in its category; removal restores the status before it', () => {
  const h = household({ status: 'exited', exitYear: 2019 });
  const entered = run(h, 'monitoring_entry', [
    [{ action: 'start', category: 'unstable' }, village],
    [{ action: 'appraise' }, village],
    [{ action: 'review' }, township],
    [{ action: 'approve' }, county],
  ]);
  expect(entered.status).toBe('unstable');
  const removed = run(
    { ...h, status: 'unstable' },
    'monitoring_removal',
    [
      [{ action: 'start' }, village],
      [{ action: 'appraise' }, village],
      [{ action: 'notice' }, village],
      [{ action: 'review' }, township, 7],
      [{ action: 'approve' }, county],
    ],
    entered.state,
  );
  expect(removed.status).toBe('exited');
  expect(removed.state.closed.map((r) => `${r.kind}:${r.outcome}`)).toEqual([
    'monitoring_entry:approved',
    'monitoring_removal:approved',
  ]);
  const g = allGuaranteesMet();
  g.safe_water = readGuarantee({ met: false, note: null });
  expect(
    refusal(() =>
      decide(
        { ...h, status: 'unstable', guarantees: g },
        entered.state,
        { kind: 'monitoring_removal', action: 'start', reason: '风险消除' },
        village,
        new Date(),
        newId,
      ),
    ),
  ).toMatchObject({
    code: 'REGISTRY_MONITORING_RISK_NOT_CLEARED',
    extra: { failedChecks: ['guarantee.safe_water'] },
  });
});
