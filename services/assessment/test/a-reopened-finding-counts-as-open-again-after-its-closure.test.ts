import {
  createEvent,
  FindingClosed,
  FindingReopened,
  type FindingSnapshot,
  SYSTEM_ACTOR,
} from '@fupin/contracts';
import type { FactInput } from '../src/indicators/fact.store';
import type { HandlerContext } from '../src/indicators/handlers/handler';
import { matchingHandler } from '../src/indicators/handlers/matching.handler';

const VILLAGE = '431121101201';

function snapshot(over: Partial<FindingSnapshot>): FindingSnapshot {
  return {
    id: 'f-1',
    rule: 'EXITED_BELOW_LINE',
    ruleVersion: 1,
    subject: 'household',
    householdId: 'h-1',
    memberId: null,
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

/** The facts the handler writes, with the rank that orders one record's events. */
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

test('a finding reopened by a later run outranks its closure, so it counts as open again', async () => {
  const base = { aggregateId: 'f-1', areaCode: VILLAGE, actor: SYSTEM_ACTOR };
  const closed = await factOf(
    createEvent(FindingClosed, {
      ...base,
      payload: {
        finding: snapshot({
          status: 'closed',
          conclusion: 'confirmed',
          closedAt: '2026-03-10T02:00:00.000Z',
        }),
      },
    }),
  );
  const reopened = await factOf(
    createEvent(FindingReopened, {
      ...base,
      payload: {
        finding: snapshot({ status: 'assigned', reopenings: 1 }),
        runId: 'run-2',
        previousClosedAt: '2026-03-10T02:00:00.000Z',
        previousConclusion: 'confirmed',
      },
    }),
  );
  expect(reopened.rank).toBeGreaterThan(closed.rank);
  expect(reopened).toMatchObject({ status: 'assigned', to: null, departments: ['poverty_office'] });
});
