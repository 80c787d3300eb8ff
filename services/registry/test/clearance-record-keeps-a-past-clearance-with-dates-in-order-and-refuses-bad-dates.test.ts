import { AppError, type Right } from '@fupin/kit';
import type { HouseholdStatus } from '../src/households/household.model';
import { allGuaranteesMet } from '../src/households/household.rules';
import {
  type ClearanceRecordCommand,
  clearanceDateFaults,
  recordPastClearance,
} from '../src/workflows/clearance-record.rules';
import {
  type Caller,
  decide,
  type WorkflowHousehold,
  type WorkflowState,
} from '../src/workflows/workflow.machine';

// 补录清退 as a pure decision: a 清退 completed off-line is kept closed and approved with each
// step at its own date, and the household is cancelled; the dates are checked at their
// boundaries (a notice of exactly seven days passes, six does not; today passes, tomorrow not).

const COUNTY = '431121000000';
const TOWNSHIP_A = '431121101000';
const VILLAGE_A1 = '431121101201';
const caller = (areaCode: string, rights: Right[]): Caller => ({
  id: `u-${areaCode}`,
  name: 'tester',
  areaCode,
  rights,
});
const county = caller(COUNTY, ['read', 'write', 'approve']);
// 2026-03-02 10:00 in Asia/Shanghai.
const NOW = new Date('2026-03-02T02:00:00Z');

function household(status: HouseholdStatus): WorkflowHousehold {
  return {
    status,
    areaCode: VILLAGE_A1,
    townshipCode: TOWNSHIP_A,
    income: null,
    perCapitaIncomeFen: null,
    guarantees: allGuaranteesMet(),
    exitYear: null,
  };
}

const CMD: ClearanceRecordCommand = {
  reason: '经核实家庭拥有小型轿车',
  appraisedOn: '2025-09-01',
  noticeStartsOn: '2025-09-02',
  noticeEndsOn: '2025-09-09',
  reviewedOn: '2025-09-12',
  approvedOn: '2025-09-20',
  document: '临扶组发〔2025〕31号',
  findingId: 'finding-1',
};

const record = (
  h: WorkflowHousehold,
  cmd: ClearanceRecordCommand,
  who = county,
  stored?: unknown,
) => recordPastClearance(h, stored ?? null, cmd, who, NOW, () => 'run-1');

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('not refused');
}

test('a recorded 清退 cancels the household with one closed, approved run whose steps carry their own dates', () => {
  const d = record(household('in_poverty'), CMD);
  expect(d.to).toBe('cancelled');
  expect(d.historyAction).toBe('clearance.record');
  expect(d.state.active).toBeNull();
  const run = d.state.closed[0]!;
  expect(run).toMatchObject({
    kind: 'clearance',
    outcome: 'approved',
    stage: 'approved',
    fromStatus: 'in_poverty',
    findingId: 'finding-1',
    startedAt: '2025-08-31T16:00:00.000Z',
    closedAt: '2025-09-19T16:00:00.000Z',
    notice: { startsAt: '2025-09-01T16:00:00.000Z', endsAt: '2025-09-08T16:00:00.000Z' },
  });
  expect(run.steps.map((s) => [s.action, s.at.slice(0, 10)])).toEqual([
    ['start', '2025-08-31'],
    ['appraise', '2025-08-31'],
    ['notice', '2025-09-01'],
    ['review', '2025-09-11'],
    ['approve', '2025-09-19'],
  ]);
  expect(run.steps.every((s) => s.details.recorded === true)).toBe(true);
  expect(d.step).toMatchObject({
    action: 'approve',
    evidence: ['临扶组发〔2025〕31号'],
    details: {
      document: '临扶组发〔2025〕31号',
      cancelledFrom: 'in_poverty',
      findingId: 'finding-1',
    },
  });
});

test('a notice of exactly seven days passes; six days is refused naming noticeEndsOn', () => {
  expect(clearanceDateFaults(CMD, NOW)).toEqual([]);
  const short = { ...CMD, noticeEndsOn: '2025-09-08', reviewedOn: '2025-09-08' };
  const err = refusal(() => record(household('in_poverty'), short));
  expect(err.status).toBe(422);
  expect(err.code).toBe('REGISTRY_CLEARANCE_RECORD_DATES');
  expect(err.messages['zh-CN']).toContain('公示期须满7天（所填为6天）');
  expect(err.messages.en).toContain('at least 7 days (6 given)');
  expect(err.errors.map((e) => [e.field, e.code])).toEqual([['noticeEndsOn', 'notice_too_short']]);
});

test('today passes, tomorrow is refused; every wrong date is listed, in both languages', () => {
  expect(clearanceDateFaults({ ...CMD, approvedOn: '2026-03-02' }, NOW)).toEqual([]);
  const future = clearanceDateFaults({ ...CMD, approvedOn: '2026-03-03' }, NOW);
  expect(future).toEqual([
    {
      field: 'approvedOn',
      code: 'not_past',
      message: {
        'zh-CN': '不能晚于今天（2026-03-02）',
        en: 'cannot be later than today (2026-03-02)',
      },
    },
  ]);
  const disorder = clearanceDateFaults(
    { ...CMD, appraisedOn: '2025-09-05', reviewedOn: '2025-09-08', approvedOn: '2025-09-07' },
    NOW,
  );
  expect(disorder.map((f) => [f.field, f.code])).toEqual([
    ['appraisedOn', 'after_notice'],
    ['reviewedOn', 'before_notice_end'],
    ['approvedOn', 'before_review'],
  ]);
  expect(clearanceDateFaults({ ...CMD, appraisedOn: '2025-02-30' }, NOW)).toEqual([
    expect.objectContaining({ field: 'appraisedOn', code: 'invalid_date' }),
  ]);
});

test('only the county with the approve right records, only from a status 清退 starts from, never over a running workflow', () => {
  const township = caller(TOWNSHIP_A, ['read', 'write']);
  expect(refusal(() => record(household('in_poverty'), CMD, township)).status).toBe(403);
  const countyNoApprove = caller(COUNTY, ['read', 'write']);
  expect(refusal(() => record(household('in_poverty'), CMD, countyNoApprove)).code).toBe(
    'FORBIDDEN_RIGHT',
  );
  for (const status of ['exited', 'cancelled'] as const)
    expect(refusal(() => record(household(status), CMD)).code).toBe(
      'REGISTRY_WORKFLOW_WRONG_STATUS',
    );
  expect(record(household('candidate'), CMD).to).toBe('cancelled');

  const running = decide(
    household('in_poverty'),
    null,
    { kind: 'clearance', action: 'start', reason: '比对发现家庭拥有汽车' },
    caller(TOWNSHIP_A, ['read', 'write']),
    NOW,
    () => 'run-0',
  ).state as WorkflowState;
  const err = refusal(() => record(household('in_poverty'), CMD, county, running));
  expect(err.status).toBe(409);
  expect(err.code).toBe('REGISTRY_WORKFLOW_ALREADY_ACTIVE');
});
