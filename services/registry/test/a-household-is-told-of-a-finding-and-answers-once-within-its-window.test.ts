import {
  approvalWaitsFor,
  giveNotice,
  noticeText,
  recordResponse,
} from '../src/workflows/household-notice.rules';
import type { WorkflowRun, WorkflowState } from '../src/workflows/workflow.types';

// Issue 22, notice and response (告知与答复): a 清退 opened for another department's data tells the
// household, gives it a window (15 days by default) and records its answer once; the approval
// waits for the answer or the window's end. The boundaries of each.

const actor = { id: 'u1', name: '乡镇干部', areaCode: '431121101000' };
const run = (over: Partial<WorkflowRun> = {}): WorkflowRun => ({
  id: 'r1',
  kind: 'clearance',
  stage: 'started',
  outcome: 'pending',
  fromStatus: 'in_poverty',
  startedAt: '2026-03-02T02:00:00Z',
  closedAt: null,
  year: null,
  category: null,
  exclusions: null,
  notice: null,
  findingId: 'f-1',
  steps: [],
  ...over,
});
const state = (r: WorkflowRun | null): WorkflowState =>
  ({ active: r, closed: [], proposals: [] }) as unknown as WorkflowState;
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return (err as { code: string }).code;
  }
  throw new Error('expected a refusal');
};
const tell = { givenOn: '2026-03-02', channel: 'letter' as const, text: '告知书', days: 15, actor };

test('the notice needs a 清退 opened for a finding, once; the window ends 15 days after the day told', () => {
  expect(code(() => giveNotice(state(null), tell))).toBe('REGISTRY_NOTICE_NO_FINDING_RUN');
  expect(code(() => giveNotice(state(run({ findingId: null })), tell))).toBe(
    'REGISTRY_NOTICE_NO_FINDING_RUN',
  );
  const { state: told, notice } = giveNotice(state(run()), tell);
  expect(notice).toMatchObject({ respondBy: '2026-03-17', response: null, channel: 'letter' });
  expect(code(() => giveNotice(told, tell))).toBe('REGISTRY_NOTICE_ALREADY_GIVEN');
});

test('the answer comes after the notice, not before its day, and once', () => {
  const answer = { receivedOn: '2026-03-02', text: '无异议', objects: false, actor };
  expect(code(() => recordResponse(state(run()), answer))).toBe('REGISTRY_NOTICE_NOT_GIVEN');
  const told = giveNotice(state(run()), tell).state;
  expect(code(() => recordResponse(told, { ...answer, receivedOn: '2026-03-01' }))).toBe(
    'REGISTRY_NOTICE_RESPONSE_BEFORE_NOTICE',
  );
  const answered = recordResponse(told, answer);
  expect(answered.notice.response).toMatchObject({ receivedOn: '2026-03-02', objects: false });
  expect(code(() => recordResponse(answered.state, answer))).toBe('REGISTRY_NOTICE_ANSWERED');
});

test('the approval waits until answered or the day after the window; a clearance the village opened itself does not', () => {
  const told = giveNotice(state(run()), tell).notice;
  const r = run({ householdNotice: told });
  expect(approvalWaitsFor(run(), '2026-04-01')?.['zh-CN']).toContain('须先告知农户');
  expect(approvalWaitsFor(r, '2026-03-17')?.['zh-CN']).toContain('答复期至2026-03-17');
  expect(approvalWaitsFor(r, '2026-03-18')).toBeNull();
  const answered = run({
    householdNotice: {
      ...told,
      response: { receivedOn: '2026-03-03', text: '有异议', objects: true, recordedBy: actor },
    },
  });
  expect(approvalWaitsFor(answered, '2026-03-03')).toBeNull();
  expect(approvalWaitsFor(run({ findingId: null }), '2026-03-02')).toBeNull();
});

test('the generated text names the household, the finding, the reason and the last day to answer', () => {
  const text = noticeText({
    householdNo: '4311211010010001',
    headName: '向国栋',
    findingId: 'f-1',
    reason: '家庭名下有小型轿车一辆',
    respondBy: '2026-03-17',
  });
  expect(text).toContain('向国栋户（户编号4311211010010001）');
  expect(text).toContain('问题编号f-1');
  expect(text).toContain('家庭名下有小型轿车一辆');
  expect(text).toContain('请于2026-03-17前');
});
