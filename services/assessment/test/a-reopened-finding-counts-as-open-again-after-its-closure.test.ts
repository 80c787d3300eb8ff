import { createEvent, FindingClosed, FindingReopened, SYSTEM_ACTOR } from '@fupin/contracts';
import { factOf, findingSnapshot as snapshot, VILLAGE } from './fixtures/matching-facts';

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
