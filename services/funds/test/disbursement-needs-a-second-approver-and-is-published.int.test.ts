import { collectTopics, eventually } from '@fupin/testing';
import { as, startFunds, type TestFunds, VILLAGE_A1 } from './fixtures/funds';
import {
  approvedProject,
  issueBatch,
  ok,
  project,
  type ProjectBody,
  rejectPayment,
  submitPayment,
} from './fixtures/money';

let t: TestFunds;
let p: ProjectBody;
let collector: Awaited<ReturnType<typeof collectTopics>>;

beforeAll(async () => {
  t = await startFunds();
  collector = await collectTopics(
    t.rt.kafka,
    [t.rt.topic('funds.disbursement.v1'), t.rt.topic('funds.project.v1')],
    `${t.config.KAFKA_TOPIC_PREFIX}-collector`,
  );
  p = await approvedProject(t, { areaCode: VILLAGE_A1 });
  await issueBatch(t, {
    issuedOn: '2017-06-01',
    allocations: [{ projectId: p.id, amountFen: 5_000_000 }],
  });
});
afterAll(async () => {
  await collector.stop();
  await t.close();
});

test('the submitter cannot approve their own payment; nothing is disbursed', async () => {
  const d = ok<{ id: string; status: string }>(
    await submitPayment(t, { projectId: p.id, amountFen: 1_234_567 }),
    201,
  );
  expect(d.status).toBe('submitted');
  expect((await project(t, p.id)).money).toMatchObject({ reservedFen: 1_234_567, disbursedFen: 0 });

  const self = await t
    .api()
    .post(`/disbursements/${d.id}/approve`)
    .set(as(t.tokens.office))
    .send({});
  expect(self.status).toBe(403);
  expect(self.body.code).toBe('FUNDS_FOUR_EYES');
  const stored = await t.funds.models.disbursements.findById(d.id).lean();
  expect(stored?.status).toBe('submitted');
  expect((await project(t, p.id)).money).toMatchObject({ reservedFen: 1_234_567, disbursedFen: 0 });
});

test('a second person with the approve right approves it, and the money is disbursed', async () => {
  const d = ok<{ id: string }>(
    await submitPayment(t, { projectId: p.id, amountFen: 765_433 }),
    201,
  );
  const before = (await project(t, p.id)).money;
  const approved = ok<{ status: string; decidedBy: { id: string }; paidOn: string }>(
    await t.api().post(`/disbursements/${d.id}/approve`).set(as(t.tokens.approver)).send({}),
    200,
  );
  expect(approved).toMatchObject({ status: 'approved', decidedBy: { id: 'u-approver' } });
  const after = (await project(t, p.id)).money;
  expect(after.disbursedFen).toBe(before.disbursedFen + 765_433);
  expect(after.reservedFen).toBe(before.reservedFen - 765_433);
  expect(after.availableFen).toBe(before.availableFen);
  // Deciding twice is refused.
  const again = await t
    .api()
    .post(`/disbursements/${d.id}/approve`)
    .set(as(t.tokens.approver))
    .send({});
  expect(again.status).toBe(409);
  const history = ok<{ action: string; actorId: string }[]>(
    await t.api().get(`/disbursements/${d.id}/history`).set(as(t.tokens.office)),
    200,
  );
  expect(history.map((h) => [h.action, h.actorId])).toEqual([
    ['submit', 'u-office'],
    ['approve', 'u-approver'],
  ]);
});

test('a user without the approve right cannot approve at all', async () => {
  const d = ok<{ id: string }>(await submitPayment(t, { projectId: p.id, amountFen: 1000 }), 201);
  const res = await t
    .api()
    .post(`/disbursements/${d.id}/approve`)
    .set(as(t.tokens.townshipA))
    .send({});
  expect(res.status).toBe(403);
  expect(res.body.code).toBe('FORBIDDEN_RIGHT');
});

test('a refused payment gives its reservation back', async () => {
  const d = ok<{ id: string }>(await submitPayment(t, { projectId: p.id, amountFen: 50_000 }), 201);
  const before = (await project(t, p.id)).money;
  await rejectPayment(t, d.id, '凭证不全');
  const after = (await project(t, p.id)).money;
  expect(after.availableFen).toBe(before.availableFen + 50_000);
  expect(after.reservedFen).toBe(before.reservedFen - 50_000);
});

test('submissions, approvals, refusals and project changes are published, keyed by aggregate', async () => {
  await eventually(
    () => {
      const types = collector.messages.map((m) => JSON.parse(m.value!).type as string);
      expect(types).toEqual(
        expect.arrayContaining([
          'funds.project.registered',
          'funds.project.status_changed',
          'funds.project.funding_changed',
          'funds.disbursement.submitted',
          'funds.disbursement.approved',
          'funds.disbursement.rejected',
        ]),
      );
    },
    { timeoutMs: 20_000 },
  );
  const approved = collector.messages
    .map((m) => ({ key: m.key, e: JSON.parse(m.value!) }))
    .find((x) => x.e.type === 'funds.disbursement.approved')!;
  expect(approved.key).toBe(approved.e.aggregateId);
  expect(approved.e.payload.disbursement).toMatchObject({
    projectId: p.id,
    amountFen: 765_433,
    status: 'approved',
    submittedBy: 'u-office',
    decidedBy: 'u-approver',
  });
  // The approval also publishes the project's new totals, for the disbursement rate.
  const paid = collector.messages
    .map((m) => JSON.parse(m.value!))
    .filter(
      (e) => e.type === 'funds.project.funding_changed' && e.payload.reason === 'disbursement',
    );
  expect(paid.map((e) => e.payload.amountFen)).toContain(765_433);
  // Events never carry personal data: no bank account in any payload.
  // (The whole account, as typed and as digits: a 4-digit prefix can occur in any id or time.)
  const published = collector.messages.map((m) => m.value).join('\n');
  expect(published).not.toContain('6222 0219 0000 1234');
  expect(published.replace(/\s/g, '')).not.toContain('6222021900001234');
});
