import {
  createEvent,
  FindingCreated,
  FindingDueChanged,
  type FindingSnapshot,
  SYSTEM_ACTOR,
} from '@fupin/contracts';
import type { FactInput } from '../src/indicators/fact.store';
import type { HandlerContext } from '../src/indicators/handlers/handler';
import { matchingHandler } from '../src/indicators/handlers/matching.handler';

// 督办: the poverty office sets a finding's deadline (matching.finding.due_changed); the
// assessment's 逾期疑点 counts the finding by its new due day.

const VILLAGE = '431121101201';

function snapshot(over: Partial<FindingSnapshot>): FindingSnapshot {
  return {
    id: 'f-1',
    rule: 'VEHICLE_OWNER',
    ruleVersion: 1,
    subject: 'person',
    householdId: 'h-1',
    memberId: 'm-1',
    idHash: null,
    areaCode: VILLAGE,
    townshipCode: '431121101000',
    status: 'assigned',
    conclusion: null,
    createdByRunId: 'run-1',
    createdAt: '2026-03-01T02:00:00.000Z',
    dueAt: '2026-03-31T02:00:00.000Z',
    closedAt: null,
    ...over,
  };
}

async function factOf(event: Parameters<typeof matchingHandler.handle>[0]): Promise<FactInput> {
  let written: FactInput | undefined;
  const ctx = {
    facts: {
      put: async (_e: unknown, input: FactInput) => {
        written = input;
        return { recordId: input.recordId, changed: true, affects: { first: '', last: null } };
      },
    },
  } as unknown as HandlerContext;
  await matchingHandler.handle(event, ctx);
  return written!;
}

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
