import { dossierTimelineEntrySchema } from '@fupin/contracts';
import {
  evidenceSummary,
  findingCounts,
  findingEntry,
  findingTimeline,
} from '../src/dossier/dossier.findings';
import type { Finding } from '../src/findings/finding.model';

const at = (iso: string) => new Date(iso);

function finding(over: Partial<Finding>): Finding {
  return {
    _id: 'f1',
    rule: 'VEHICLE_OWNER',
    ruleVersion: 1,
    listType: 'vehicles',
    subject: 'person',
    idHash: 'a'.repeat(64),
    householdId: 'h1',
    memberId: 'm1',
    householdNo: 'HH-1',
    memberName: '张一',
    areaCode: '431121101201',
    areaCodes: ['431121101201'],
    townshipCode: '431121101000',
    evidence: {
      kind: 'list_row',
      listId: 'l1',
      listType: 'vehicles',
      listVersion: 1,
      listDate: '2026-03-31',
      row: 2,
      idMasked: '431***********0011',
      fact: null,
      columns: { 姓名: '张一', 车牌号: '湘E12345', 联系电话: '138****8000' },
    },
    status: 'verified',
    conclusion: 'confirmed',
    conclusionReason: null,
    verifiedBy: null,
    rectification: null,
    review: null,
    closing: null,
    history: [
      { at: at('2026-04-01T02:00:00Z'), action: 'created', byId: 'run', byName: 'run', note: null },
      { at: at('2026-04-01T02:00:00Z'), action: 'verified', byId: 'u', byName: '乡镇', note: null },
    ],
    createdByRunId: 'r1',
    lastRunId: 'r1',
    confirmations: 1,
    createdAt: at('2026-04-01T02:00:00Z'),
    lastSeenAt: at('2026-04-01T02:00:00Z'),
    dueAt: at('2026-05-01T02:00:00Z'),
    closedAt: null,
    overdueReportedAt: null,
    revision: 2,
    registryOutcomes: [
      {
        eventId: 'e1',
        outcome: 'clearance_opened',
        workflowId: 'w1',
        reason: null,
        at: at('2026-04-02T02:00:00Z'),
        receivedAt: at('2026-04-02T02:00:01Z'),
      },
    ],
    ...over,
  } as Finding;
}

test("a row's evidence keeps the list, its row and the type's fact, never the ID or the cells", () => {
  const summary = evidenceSummary(finding({}).evidence);
  expect(summary).toEqual({
    kind: 'list_row',
    listType: 'vehicles',
    listDate: '2026-03-31',
    listVersion: 1,
    row: 2,
    fact: null,
    mismatch: null,
    change: null,
    wages: null,
    statement: null,
  });
  expect(JSON.stringify(summary)).not.toMatch(/431\*|湘E|138\*/);
});

test("the registry's evidence counts the households a person is in without naming them", () => {
  const summary = evidenceSummary({
    kind: 'registry',
    households: [
      { householdId: 'h8', householdNo: 'HH-8', areaCode: '431121101202', memberName: '郑十二' },
      { householdId: 'h9', householdNo: 'HH-9', areaCode: '431121102201', memberName: '郑十二' },
    ],
  });
  expect(summary).toMatchObject({ kind: 'registry', households: 2, guarantees: [] });
  expect(JSON.stringify(summary)).not.toMatch(/HH-9|郑十二|431121102201/);
});

test('a finding past its deadline is overdue until it is closed', () => {
  const late = new Date('2026-05-02T00:00:00Z');
  expect(findingEntry(finding({}), late).overdue).toBe(true);
  expect(findingEntry(finding({ status: 'closed', closedAt: late }), late).overdue).toBe(false);
  expect(findingEntry(finding({}), new Date('2026-04-02T00:00:00Z')).overdue).toBe(false);
  expect(findingCounts({ assigned: 2, reviewed: 1, closed: 4 }, 1)).toEqual({
    assigned: 2,
    verified: 0,
    rectified: 0,
    reviewed: 1,
    closed: 4,
    open: 3,
    overdue: 1,
  });
});

test("the timeline names each step with the rule, the conclusion and the registry's outcome", () => {
  const timeline = findingTimeline([finding({})]);
  expect(timeline.map((e) => [e.kind, e.label['zh-CN']])).toEqual([
    ['finding_registry_outcome', '登记系统处理结果：已发起清退'],
    ['finding_verified', '核实（属实）：建档立卡户家庭成员名下有车辆，疑似错评'],
    ['finding_created', '比对发现问题：建档立卡户家庭成员名下有车辆，疑似错评'],
  ]);
  for (const e of timeline) dossierTimelineEntrySchema.parse(e);
});
