import { as, startFunds, testClock, type TestFunds, VILLAGE_A1 } from './fixtures/funds';
import {
  approvedProject,
  issueBatch,
  ok,
  project,
  type ProjectBody,
  rejectPayment,
  reportProgress,
  submitPayment,
} from './fixtures/money';

// The service's day: 2026-06-20 (Asia/Shanghai).
const clock = testClock('2026-06-20T04:00:00Z');
let t: TestFunds;

beforeAll(async () => {
  t = await startFunds({ now: clock.now });
});
afterAll(async () => {
  await t.close();
});

/** A road of 1,000,000.00 yuan, all allocated, reported at 50% (60% may be paid). */
async function roadAtHalf(): Promise<ProjectBody> {
  const road = await approvedProject(t, {
    areaCode: VILLAGE_A1,
    plannedFen: 100_000_000,
    proposedOn: '2026-06-01',
    approvedOn: '2026-06-15',
    plannedStartOn: '2026-06-15',
    plannedFinishOn: '2026-12-31',
  });
  await issueBatch(t, {
    issuedOn: '2026-06-16',
    allocations: [{ projectId: road.id, amountFen: 100_000_000 }],
  });
  ok(await reportProgress(t, road.id, { percent: 50, reportedOn: '2026-06-18' }), 201);
  return road;
}

async function submitted(projectId: string, amountFen: number): Promise<string> {
  return ok<{ id: string }>(await submitPayment(t, { projectId, amountFen }), 201).id;
}

/** Approvals fired at the same time, by the two county approvers in turn. */
function approveAll(ids: string[]) {
  const approvers = [t.tokens.approver, t.tokens.countyNoUnmask];
  return Promise.all(
    ids.map((id, i) =>
      t
        .api()
        .post(`/disbursements/${id}/approve`)
        .set(as(approvers[i % 2]!))
        .send({}),
    ),
  );
}

async function approvedTotal(projectId: string): Promise<number | undefined> {
  const stored = await t.funds.models.projects.findById(projectId, { approvedFen: 1 }).lean();
  return stored?.approvedFen;
}

test('approvals of one project racing past the lowered progress cap: exactly one passes, the others get the cap error', async () => {
  const road = await roadAtHalf();
  // 3 × 200,000.00 = 600,000.00 yuan: within the 60% the 50% allows when submitted.
  const ids = [
    await submitted(road.id, 20_000_000),
    await submitted(road.id, 20_000_000),
    await submitted(road.id, 20_000_000),
  ];
  // At 40% only 30% (300,000.00 yuan) may be paid: each payment fits alone, no two together.
  ok(
    await reportProgress(t, road.id, {
      percent: 40,
      reportedOn: '2026-06-19',
      reason: '监理复核，部分路段返工',
    }),
    201,
  );

  const res = await approveAll(ids);

  const passed = res.filter((r) => r.status === 200);
  const refused = res.filter((r) => r.status !== 200);
  expect(passed).toHaveLength(1);
  expect(refused).toHaveLength(2);
  for (const r of refused) {
    expect(r.status).toBe(422);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.body).toMatchObject({
      code: 'FUNDS_DISBURSEMENT_ABOVE_PROGRESS',
      allowedFen: 30_000_000,
      alreadyDisbursedFen: 20_000_000,
      remainingFen: 10_000_000,
      requestedFen: 20_000_000,
      errors: [{ field: 'amountFen', code: 'above_progress' }],
    });
    expect(r.body.message['zh-CN']).toContain('300,000.00');
    expect(r.body.message.en).toContain('300,000.00');
  }
  expect(await approvedTotal(road.id)).toBe(20_000_000);
  expect((await project(t, road.id)).money).toMatchObject({
    disbursedFen: 20_000_000,
    reservedFen: 40_000_000,
  });
  const statuses = await Promise.all(
    ids.map(
      async (id) =>
        ok<{ status: string }>(
          await t.api().get(`/disbursements/${id}`).set(as(t.tokens.office)),
          200,
        ).status,
    ),
  );
  expect(statuses.sort()).toEqual(['approved', 'submitted', 'submitted']);
});

test('approvals of one project that together fit under the cap both pass', async () => {
  const road = await roadAtHalf();
  const ids = [await submitted(road.id, 30_000_000), await submitted(road.id, 30_000_000)];

  const res = await approveAll(ids);

  expect(res.map((r) => r.status)).toEqual([200, 200]);
  expect(await approvedTotal(road.id)).toBe(60_000_000);
  expect((await project(t, road.id)).money).toMatchObject({
    disbursedFen: 60_000_000,
    reservedFen: 0,
  });
});

test('the same payment approved twice at once is approved once and counted once', async () => {
  const road = await roadAtHalf();
  const id = await submitted(road.id, 10_000_000);

  const res = await approveAll([id, id]);

  expect(res.map((r) => r.status).sort()).toEqual([200, 409]);
  expect(res.find((r) => r.status === 409)!.body.code).toBe('FUNDS_DISBURSEMENT_DECIDED');
  expect(await approvedTotal(road.id)).toBe(10_000_000);
  expect((await project(t, road.id)).money).toMatchObject({ disbursedFen: 10_000_000 });
});

test('a project stored before the approved total existed has it computed once from its approved payments', async () => {
  const road = await roadAtHalf();
  const [first, refused, last] = [
    await submitted(road.id, 25_000_000),
    await submitted(road.id, 5_000_000),
    await submitted(road.id, 30_000_000),
  ];
  ok(await approveAll([first]).then(([r]) => r!), 200);
  await rejectPayment(t, refused, '凭证不全');
  // As stored before: no counter.
  await t.funds.models.projects.updateOne({ _id: road.id }, { $unset: { approvedFen: 1 } });
  expect(await approvedTotal(road.id)).toBeUndefined();

  // 250,000.00 approved + 300,000.00 = 550,000.00 yuan, within the 600,000.00 allowed.
  ok(await approveAll([last]).then(([r]) => r!), 200);

  expect(await approvedTotal(road.id)).toBe(55_000_000);
  expect((await project(t, road.id)).money).toMatchObject({ disbursedFen: 55_000_000 });
  expect(await project(t, road.id)).not.toHaveProperty('approvedFen');
});
