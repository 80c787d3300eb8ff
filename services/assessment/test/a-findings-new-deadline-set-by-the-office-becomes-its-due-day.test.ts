import {
  createEvent,
  FindingCreated,
  FindingDueChanged,
  type FindingSnapshot,
  SYSTEM_ACTOR,
} from '@fupin/contracts';
import { factOf, findingSnapshot, VILLAGE } from './fixtures/matching-facts';

const snapshot = (over: Partial<FindingSnapshot>) =>
  findingSnapshot({ rule: 'VEHICLE_OWNER', subject: 'person', memberId: 'm-1', ...over });

// 督办: the poverty office sets a finding's deadline (matching.finding.due_changed); the
// assessment's 逾期疑点 counts the finding by its new due day.

test('the new deadline is the due day, ranked with the step the finding is at (the later event wins)', async () => {
  const base = { aggregateId: 'f-1', areaCode: VILLAGE, actor: SYSTEM_ACTOR };
  const created = await factOf(
    createEvent(FindingCreated, {
      ...base,
      occurredAt: new Date('2026-03-01T02:00:00.000Z'),
      payload: { finding: snapshot({}) },
    }),
  );
  // 请于3月5日17:00前反馈 (Beijing time: 09:00Z).
  const due = await factOf(
    createEvent(FindingDueChanged, {
      ...base,
      occurredAt: new Date('2026-03-02T02:00:00.000Z'),
      payload: {
        finding: snapshot({ dueAt: '2026-03-05T09:00:00.000Z' }),
        previousDueAt: '2026-03-31T02:00:00.000Z',
      },
    }),
  );
  expect(created.data).toMatchObject({ dueDay: '2026-03-31' });
  expect(due.data).toMatchObject({ dueDay: '2026-03-05' });
  expect(due).toMatchObject({ status: 'assigned', to: null });
  expect(due.rank).toBe(created.rank);
});
