import { createEvent, type Envelope, FindingOutcomeRecorded, SYSTEM_ACTOR } from '@fupin/contracts';
import { eventually } from '@fupin/testing';
import {
  bearer,
  idNumber,
  project,
  startMatching,
  type TestMatching,
  VILLAGE_A1,
} from './fixtures/matching';
import { closeFinding, walkToReviewed } from './fixtures/walk';

let t: TestMatching;
let findingId: string;

beforeAll(async () => {
  t = await startMatching();
  await project(t, {
    id: 'hy',
    areaCode: VILLAGE_A1,
    status: 'exited',
    exitYear: 2019,
    perCapitaIncomeFen: 150_000,
    incomeYear: 2019,
    members: [
      {
        id: 'my',
        idNumber: idNumber('1962-02-02', 2, 'female'),
        name: '杨二',
        birthDate: '1962-02-02',
        sex: 'female',
      },
    ],
  });
  await t.run(t.tokens.county);
  const res = await t.api().get('/findings').set(bearer(t.tokens.county));
  findingId = (res.body as { id: string }[])[0]!.id;
});
afterAll(async () => {
  await t?.close();
});

/** The registry's event, as its relay publishes it: on the prefixed topic, keyed by the finding. */
function outcome(o: string, at: string, reason: string | null = null): Envelope {
  return createEvent(FindingOutcomeRecorded, {
    aggregateId: findingId,
    areaCode: VILLAGE_A1,
    actor: SYSTEM_ACTOR,
    payload: {
      findingId,
      householdId: 'hy',
      memberId: null,
      areaCode: VILLAGE_A1,
      outcome: o as 'refused',
      workflowId: o === 'refused' ? null : 'wf-1',
      reason,
      at,
    },
  });
}

async function publish(e: Envelope): Promise<void> {
  await t.rt.producer.send({
    topic: t.rt.topic(FindingOutcomeRecorded.topic),
    messages: [{ key: e.aggregateId, value: JSON.stringify(e), headers: { 'event-id': e.id } }],
  });
}

interface FindingBody {
  registryOutcome: { outcome: string; reason: string | null; workflowId: string | null } | null;
  registryOutcomes: { outcome: string }[];
  status: string;
  closing: { reason?: string | null } | null;
}

const get = async () =>
  (await t.api().get(`/findings/${findingId}`).set(bearer(t.tokens.townshipA))).body as FindingBody;

test("the registry's outcome, published on Kafka, shows on the finding once with its history", async () => {
  expect((await get()).registryOutcome).toBeNull();
  const opened = outcome('clearance_opened', '2026-04-01T02:00:00.000Z');
  await publish(opened);
  // The same event delivered twice is recorded once.
  await publish(opened);
  await eventually(async () =>
    expect((await get()).registryOutcome).toMatchObject({
      outcome: 'clearance_opened',
      workflowId: 'wf-1',
    }),
  );
  await publish(outcome('refused', '2026-04-02T02:00:00.000Z', '该户已在清退流程中'));
  await eventually(async () => {
    const f = await get();
    expect(f.registryOutcome).toMatchObject({ outcome: 'refused', reason: '该户已在清退流程中' });
    expect(f.registryOutcomes.map((o) => o.outcome)).toEqual(['clearance_opened', 'refused']);
  });
});

test('closing after the registry refused the change needs a reason (422, field reason)', async () => {
  await walkToReviewed(t, findingId);
  const refused = await closeFinding(t, findingId, { note: '已复核' });
  expect(refused.status).toBe(422);
  expect(refused.body).toMatchObject({ code: 'MATCHING_FINDING_CLOSE_REASON_REQUIRED' });
  const body = refused.body as {
    message: { 'zh-CN': string; en: string };
    errors: { field: string; message: { 'zh-CN': string; en: string } }[];
  };
  expect(body.message['zh-CN']).toContain('登记系统拒绝');
  expect(body.message.en).toContain('the registry refused');
  expect(body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
  expect((await get()).status).toBe('reviewed');

  const closed = await closeFinding(t, findingId, {
    reason: '经核实该户已整改到位，登记系统无需变更',
  });
  expect(closed.status).toBe(200);
  const f = await get();
  expect(f.status).toBe('closed');
  expect(f.closing?.reason).toBe('经核实该户已整改到位，登记系统无需变更');
});
