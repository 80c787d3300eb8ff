import { createEvent, HouseholdRegistered, MemberAdded } from '@fupin/contracts';
import { eventually } from '@fupin/testing';
import {
  as,
  householdSnapshot,
  idNumber,
  memberSnapshot,
  startFunds,
  type TestFunds,
  VILLAGE_A1,
} from './fixtures/funds';
import { approvedProject, issueBatch, ok, uploadVoucher } from './fixtures/money';

let t: TestFunds;

beforeAll(async () => {
  t = await startFunds({ consume: true });
});
afterAll(async () => {
  await t.close();
});

const household = householdSnapshot('hh-kafka', VILLAGE_A1, 1);

test('households arrive from the registry topics, a redelivered event changes nothing, and payees are checked against them', async () => {
  const actor = { kind: 'system' as const, id: 'registry' };
  const registered = createEvent(HouseholdRegistered, {
    aggregateId: household.id,
    areaCode: VILLAGE_A1,
    actor,
    payload: { household },
  });
  const member = createEvent(MemberAdded, {
    aggregateId: household.id,
    areaCode: VILLAGE_A1,
    actor,
    payload: {
      areaCode: VILLAGE_A1,
      member: memberSnapshot(t, household.id, {
        id: 'm-kafka',
        name: '周八',
        idNumber: idNumber(41),
      }),
    },
  });
  const send = (topic: string, e: { id: string; aggregateId: string }) =>
    t.rt.producer.send({
      topic: t.rt.topic(topic),
      messages: [{ key: e.aggregateId, value: JSON.stringify(e), headers: { 'event-id': e.id } }],
    });
  await send('registry.household.v1', registered);
  await send('registry.member.v1', member);
  await send('registry.household.v1', registered);

  const projected = await eventually(
    async () => {
      const h = await t.funds.models.households.findById(household.id).lean();
      expect(h?.revision).toBe(1);
      expect(h?.members.map((m) => m.id)).toEqual(['m-kafka']);
      return h!;
    },
    { timeoutMs: 30_000 },
  );
  // Applied once per change: the household event and the member event, not the repeat.
  expect(projected.seq).toBe(2);
  const status = ok<{ households: number }>(
    await t.api().get('/projection/status').set(as(t.tokens.office)),
    200,
  );
  expect(status.households).toBe(1);

  const p = await approvedProject(t, { areaCode: VILLAGE_A1 });
  await issueBatch(t, {
    issuedOn: '2017-06-01',
    allocations: [{ projectId: p.id, amountFen: 100_000 }],
  });
  const voucher = await uploadVoucher(t, 'kafka list');
  const d = ok<{ payees: { registered: boolean; householdId: string }[]; findingIds: string[] }>(
    await t
      .api()
      .post('/disbursements')
      .set(as(t.tokens.office))
      .send({
        projectId: p.id,
        source: 'central',
        amountFen: 10_000,
        purpose: '到户补助',
        payeeKind: 'households',
        payees: [{ name: '周八', idNumber: idNumber(41), amountFen: 10_000 }],
        voucherFileIds: [voucher.id],
      }),
    201,
  );
  expect(d.payees).toEqual([
    expect.objectContaining({ registered: true, householdId: 'hh-kafka' }),
  ]);
  expect(d.findingIds).toEqual([]);
});
