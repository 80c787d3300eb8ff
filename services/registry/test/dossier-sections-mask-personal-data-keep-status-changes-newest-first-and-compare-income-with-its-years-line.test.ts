import { dossierTimelineEntrySchema } from '@fupin/contracts';
import { bounded, newestFirst } from '@fupin/kit';
import {
  householdTimeline,
  incomeSection,
  membersSection,
  statusHistorySection,
  STATUS_HISTORY_LIMIT,
} from '../src/dossier/dossier.household';
import { monitoringSection, monitoringTimeline } from '../src/dossier/dossier.monitoring';
import { workflowsSection, workflowTimeline } from '../src/dossier/dossier.workflows';
import type { HistoryEntry, Household, Member } from '../src/households/household.model';
import type { MonitoringWarning } from '../src/monitoring/warning.model';
import type { WorkflowState } from '../src/workflows/workflow.types';

const sealed = (masked: string) => ({ enc: 'x', hash: 'h', masked });

function member(over: Partial<Member>): Member {
  return {
    id: 'm1',
    name: '刘大山',
    idNumber: sealed('431***********0011'),
    relation: 'head',
    sex: 'male',
    birthDate: '1970-01-01',
    ethnicity: null,
    educationLevel: null,
    inSchool: false,
    schoolStage: null,
    health: null,
    disabilityGrade: null,
    labourCapacity: null,
    migrantWork: { working: false, place: null, months: null },
    medicalInsurance: true,
    pensionInsurance: false,
    minimumAllowance: false,
    destituteSupport: false,
    phone: sealed('138****8000'),
    status: 'active',
    removedReason: null,
    removedAt: null,
    ...over,
  };
}

const entry = (over: Partial<HistoryEntry>): HistoryEntry => ({
  at: new Date('2026-03-02T02:00:00Z'),
  actorId: 'u',
  actorName: '漳江街道',
  action: 'updated',
  from: null,
  to: null,
  reason: null,
  evidence: [],
  changed: [],
  ...over,
});

test('members show masked ID numbers and phones only, the active ones first', () => {
  const removed = member({
    id: 'm0',
    name: '刘老',
    status: 'removed',
    removedReason: '死亡',
    // 23:30 in Shanghai on 1 March is 15:30 UTC: the day is the 1st.
    removedAt: new Date('2026-03-01T15:30:00Z'),
    deceased: true,
  });
  const { items, omitted } = membersSection([removed, member({})]);
  expect(omitted).toBe(0);
  expect(items.map((m) => [m.id, m.idNumber, m.phone, m.removedOn, m.deceased])).toEqual([
    ['m1', '431***********0011', '138****8000', null, false],
    ['m0', '431***********0011', '138****8000', '2026-03-01', true],
  ]);
  expect(JSON.stringify(items)).not.toContain('"enc"');
});

test('the status history keeps the registration and each change, newest first, naming the workflow', () => {
  const history = [
    entry({ action: 'registered', to: 'in_poverty', at: new Date('2020-01-01T00:00:00Z') }),
    entry({ action: 'updated', changed: ['address'] }),
    entry({ action: 'exit.review', from: 'in_poverty', to: 'in_poverty', changed: ['workflow'] }),
    entry({
      action: 'exit.approve',
      from: 'in_poverty',
      to: 'exited',
      reason: '县级审定',
      at: new Date('2026-03-10T02:00:00Z'),
    }),
    entry({ action: 'imported', changed: ['status', 'income'], at: new Date('2026-04-01') }),
  ];
  const { items } = statusHistorySection(history);
  expect(items.map((c) => [c.action, c.from, c.to, c.workflow])).toEqual([
    ['imported', null, null, null],
    ['exit.approve', 'in_poverty', 'exited', 'exit'],
    ['registered', null, 'in_poverty', null],
  ]);
  const h = { _id: 'h1', status: 'exited' } as Household;
  const timeline = householdTimeline(h, items);
  expect(timeline.map((e) => [e.kind, e.label['zh-CN']])).toEqual([
    ['status_changed', '状态变更：未知 → 未知'],
    ['status_changed', '状态变更：未脱贫 → 已脱贫'],
    ['registered', '建档立卡登记（未脱贫）'],
  ]);
  for (const e of timeline) dossierTimelineEntrySchema.parse(e);
});

test('a long history is cut to the newest changes, saying how many were left out', () => {
  const history = Array.from({ length: STATUS_HISTORY_LIMIT + 3 }, (_, i) =>
    i % 2
      ? entry({ action: 'return.approve', from: 'exited', to: 'returned' })
      : entry({ action: 'exit.approve', from: 'returned', to: 'exited' }),
  );
  const { items, omitted } = statusHistorySection(history);
  expect([items.length, omitted]).toEqual([STATUS_HISTORY_LIMIT, 3]);
  expect(statusHistorySection(history.slice(0, 3))).toMatchObject({ total: 3, omitted: 0 });
});

test("the income is compared with its year's line, and unknown without a line for the year", () => {
  const income = {
    year: 2019,
    wagesFen: 900_000,
    productionFen: 200_000,
    propertyFen: 0,
    transferFen: 100_000,
  };
  const lines = (y: number) => (y === 2019 ? 374_700 : null);
  const below = incomeSection({ income, size: 4, perCapitaIncomeFen: 300_000 }, lines);
  expect(below.items).toEqual([
    expect.objectContaining({ year: 2019, totalFen: 1_200_000, povertyLineFen: 374_700 }),
  ]);
  expect(below.items[0]!.belowLine).toBe(true);
  expect(below.kept).toBe('latest_year_only');
  const noLine = incomeSection(
    { income: { ...income, year: 2031 }, size: 4, perCapitaIncomeFen: 300_000 },
    lines,
  );
  expect(noLine.items[0]).toMatchObject({ povertyLineFen: null, belowLine: null });
  expect(incomeSection({ income: null, size: 2, perCapitaIncomeFen: null }, lines).items).toEqual(
    [],
  );
});

test('a clearance told to the household puts the notice and the answer on the timeline at their days', () => {
  const actor = { id: 'u', name: '漳江街道', areaCode: '431121101000' };
  const state: WorkflowState = {
    active: null,
    closed: [
      {
        id: 'r1',
        kind: 'clearance',
        stage: 'rejected',
        outcome: 'rejected',
        fromStatus: 'in_poverty',
        startedAt: '2026-03-02T02:00:00.000Z',
        closedAt: '2026-03-12T02:00:00.000Z',
        year: null,
        category: null,
        exclusions: null,
        notice: null,
        findingId: 'f-1',
        householdNotice: {
          givenOn: '2026-03-03',
          channel: 'letter',
          text: '告知书',
          respondBy: '2026-03-18',
          givenBy: actor,
          response: { receivedOn: '2026-03-05', text: '已转让', objects: true, recordedBy: actor },
        },
        steps: [
          {
            action: 'start',
            at: '2026-03-02T02:00:00.000Z',
            actor,
            reason: '比对发现车辆',
            evidence: [],
            details: { findingId: 'f-1' },
          },
        ],
      },
    ],
  };
  const section = workflowsSection(state);
  expect(section.recent.items[0]).toMatchObject({
    findingId: 'f-1',
    householdNotice: { givenBy: '漳江街道', response: { objects: true, recordedBy: '漳江街道' } },
  });
  const timeline = newestFirst(workflowTimeline('h1', section));
  expect(timeline.map((e) => [e.at, e.kind])).toEqual([
    ['2026-03-05T00:00:00+08:00', 'household_answered'],
    ['2026-03-03T00:00:00+08:00', 'household_notified'],
    ['2026-03-02T02:00:00.000Z', 'workflow_step'],
  ]);
  expect(timeline[1]!.label['zh-CN']).toBe('清退：告知农户（书面告知书），答复期至2026-03-18');
});

test('warnings count by status; only an open one past its deadline is overdue', () => {
  const base = {
    householdId: 'h1',
    householdNo: 'H-1',
    headName: '刘大山',
    areaCode: '431121101201',
    townshipCode: '431121101000',
    householdStatus: 'exited',
    signals: [],
    suggestedCategory: 'unstable',
    raisedAt: new Date('2026-03-02T02:00:00Z'),
    dueOn: '2026-03-17',
    dueAt: new Date('2026-03-17T15:59:59.999Z'),
    lastScreeningId: 's',
    lastScreenedAt: new Date('2026-03-02T02:00:00Z'),
    decision: null,
    events: [
      {
        at: new Date('2026-03-02T02:00:00Z'),
        action: 'raised',
        actorName: '筛查',
        screeningId: 's',
        signals: [],
        note: null,
      },
    ],
    revision: 1,
  } as unknown as MonitoringWarning;
  const open = { ...base, _id: 'w2', status: 'open' } as MonitoringWarning;
  const dismissed = { ...base, _id: 'w1', status: 'dismissed' } as MonitoringWarning;
  const section = monitoringSection({
    warnings: [open, dismissed],
    byStatus: { open: 1, dismissed: 1 },
    followUps: bounded([], 0),
    now: new Date('2026-03-18T00:00:00Z'),
  });
  expect(section.counts).toEqual({ open: 1, confirmed: 0, dismissed: 1, overdue: 1 });
  expect(section.warnings.items.map((w) => [w.id, w.overdue])).toEqual([
    ['w2', true],
    ['w1', false],
  ]);
  expect(monitoringTimeline('h1', [open], []).map((e) => [e.kind, e.ref])).toEqual([
    ['warning_raised', { resource: 'monitoring-warnings', id: 'w2' }],
  ]);
});
