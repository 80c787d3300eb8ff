import request from 'supertest';
import {
  as,
  createHelper,
  seedHousehold,
  startAssistance,
  type TestAssistance,
  testClock,
  updateSeeded,
  VILLAGE_A1,
} from './fixtures/assistance';

const clock = testClock('2026-06-10T02:00:00Z');
let t: TestAssistance;
let household = '';
let helper = '';

beforeAll(async () => {
  t = await startAssistance({ consume: false, now: clock.now });
  household = await seedHousehold(t, 'PL-1', VILLAGE_A1, {
    mainCause: 'lack_of_skills',
    otherCauses: ['lack_of_capital'],
  });
  helper = await createHelper(t, t.tokens.county, { name: '措施甲', rank: 'section_level' });
});
afterAll(async () => {
  await t.close();
});

const c = () => as(t.tokens.county);

test('一户一策: a plan takes its causes from the registry, and every earlier version is kept', async () => {
  const first = await request(t.app)
    .put(`/plans/${household}`)
    .set(c())
    .send({
      summary: '技能培训后转移就业，发展庭院养殖',
      targets: [
        { year: 2027, perCapitaIncomeFen: 420_000, guarantees: ['housing_safety'], exit: true },
        { year: 2026, perCapitaIncomeFen: 380_000 },
      ],
    });
  expect(first.status).toBe(200);
  expect(first.body).toMatchObject({
    householdId: household,
    householdNo: 'PL-1',
    causes: { mainCause: 'lack_of_skills', otherCauses: ['lack_of_capital'] },
    currentCauses: { mainCause: 'lack_of_skills', otherCauses: ['lack_of_capital'] },
    revision: 1,
  });
  // Targets are kept in year order.
  expect(first.body.targets.map((x: { year: number }) => x.year)).toEqual([2026, 2027]);

  const stale = await request(t.app)
    .put(`/plans/${household}`)
    .set(c())
    .send({ summary: '旧版本上改', revision: 0 });
  expect({ status: stale.status, code: stale.body.code }).toEqual({
    status: 409,
    code: 'ASSISTANCE_REVISION_CONFLICT',
  });

  // The registry now states another main cause; the next save takes it.
  await updateSeeded(t, household, { mainCause: 'illness', revision: 2 });
  const second = await request(t.app)
    .put(`/plans/${household}`)
    .set(c())
    .send({ summary: '先治病，再就业', targets: first.body.targets, revision: 1 });
  expect(second.body).toMatchObject({
    revision: 2,
    causes: { mainCause: 'illness' },
    summary: '先治病，再就业',
  });
  const progress = await request(t.app)
    .post(`/plans/${household}/progress`)
    .set(c())
    .send({ percent: 40, note: '已参加技能培训', revision: 2 });
  expect(progress.status).toBe(201);
  expect(progress.body).toMatchObject({
    progressPercent: 40,
    revision: 3,
    progress: [{ date: '2026-06-10', note: '已参加技能培训' }],
  });

  const history = await request(t.app).get(`/plans/${household}/history`).set(c());
  expect(history.body).toEqual([
    expect.objectContaining({
      revision: 1,
      action: 'updated',
      changed: ['summary', 'causes'],
      summary: '技能培训后转移就业，发展庭院养殖',
      causes: { mainCause: 'lack_of_skills', otherCauses: ['lack_of_capital'] },
      actorId: 'u-county',
    }),
    expect.objectContaining({ revision: 2, action: 'progress', summary: '先治病，再就业' }),
  ]);
  const duplicateYear = await request(t.app)
    .put(`/plans/${household}`)
    .set(c())
    .send({ targets: [{ year: 2026 }, { year: 2026 }] });
  expect(duplicateYear.body.errors).toEqual([
    expect.objectContaining({ field: 'targets.1.year', code: 'duplicate' }),
  ]);
});

test('a measure goes planned → in progress → done; a skipped or backward step is refused naming what is allowed', async () => {
  const created = await request(t.app).post('/measures').set(c()).send({
    householdId: household,
    category: 'employment',
    type: '公益岗位',
    description: '村保洁员',
    amountFen: 600_000,
    helperId: helper,
    projectId: 'fund-project-1',
  });
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({
    status: 'planned',
    helperName: '措施甲',
    householdNo: 'PL-1',
    revision: 1,
  });
  const id = created.body.id as string;

  const skip = await request(t.app).post(`/measures/${id}/status`).set(c()).send({ to: 'done' });
  expect(skip.status).toBe(409);
  expect(skip.body).toMatchObject({
    code: 'ASSISTANCE_MEASURE_TRANSITION_REFUSED',
    from: 'planned',
    to: 'done',
    allowed: ['in_progress', 'cancelled'],
  });
  expect(skip.body.message['zh-CN']).toBe(
    '措施不能从「计划」变为「已完成」，只能变为：实施中、已取消',
  );

  const started = await request(t.app)
    .post(`/measures/${id}/status`)
    .set(c())
    .send({ to: 'in_progress', revision: 1 });
  expect(started.body).toMatchObject({
    status: 'in_progress',
    startDate: '2026-06-10',
    revision: 2,
  });
  const edited = await request(t.app)
    .put(`/measures/${id}`)
    .set(c())
    .send({ amountFen: 720_000, revision: 2 });
  expect(edited.body).toMatchObject({ amountFen: 720_000, revision: 3 });
  const early = await request(t.app)
    .post(`/measures/${id}/status`)
    .set(c())
    .send({ to: 'done', date: '2026-06-09' });
  expect(early.body.errors).toEqual([
    expect.objectContaining({ field: 'endDate', code: 'before_start' }),
  ]);
  clock.set('2026-06-25T02:00:00Z');
  const done = await request(t.app).post(`/measures/${id}/status`).set(c()).send({ to: 'done' });
  expect(done.body).toMatchObject({
    status: 'done',
    startDate: '2026-06-10',
    endDate: '2026-06-25',
  });
  expect(done.body.steps.map((s: { from: string | null; to: string }) => [s.from, s.to])).toEqual([
    [null, 'planned'],
    ['planned', 'in_progress'],
    ['in_progress', 'done'],
  ]);
  const back = await request(t.app)
    .post(`/measures/${id}/status`)
    .set(c())
    .send({ to: 'in_progress' });
  expect(back.body.message['zh-CN']).toBe('措施不能从「已完成」变为「实施中」（已是最终状态）');
  const closed = await request(t.app).put(`/measures/${id}`).set(c()).send({ type: '改' });
  expect({ status: closed.status, code: closed.body.code }).toEqual({
    status: 409,
    code: 'ASSISTANCE_MEASURE_CLOSED',
  });
});

test('cancelling needs a reason; money is whole fen; the plan lists the household measures', async () => {
  const m = await request(t.app).post('/measures').set(c()).send({
    householdId: household,
    category: 'in_kind',
    type: '鸡苗',
    quantity: 100,
    unit: '只',
    amountFen: 50_000,
  });
  const noReason = await request(t.app)
    .post(`/measures/${m.body.id}/status`)
    .set(c())
    .send({ to: 'cancelled' });
  expect(noReason.body.errors).toEqual([
    expect.objectContaining({ field: 'reason', code: 'required' }),
  ]);
  const cancelled = await request(t.app)
    .post(`/measures/${m.body.id}/status`)
    .set(c())
    .send({ to: 'cancelled', reason: '农户改养鸭' });
  expect(cancelled.body.status).toBe('cancelled');

  const yuan = await request(t.app)
    .post('/measures')
    .set(c())
    .send({ householdId: household, category: 'finance', type: '小额信贷', amountFen: 5000.5 });
  expect(yuan.status).toBe(400);
  expect(yuan.body.errors[0]).toMatchObject({ field: 'amountFen' });
  const badDates = await request(t.app).post('/measures').set(c()).send({
    householdId: household,
    category: 'housing',
    type: '危改',
    startDate: '2026-05-02',
    endDate: '2026-05-01',
  });
  expect(badDates.body.errors).toEqual([
    expect.objectContaining({ field: 'endDate', code: 'before_start' }),
  ]);

  const plan = await request(t.app).get(`/plans/${household}`).set(c());
  expect(
    plan.body.measures.map((x: { type: string; status: string }) => [x.type, x.status]),
  ).toEqual([
    ['公益岗位', 'done'],
    ['鸡苗', 'cancelled'],
  ]);
  const stats = await request(t.app).get('/statistics/measures').set(c());
  const employment = stats.body.byCategory.find(
    (x: { category: string }) => x.category === 'employment',
  );
  expect(employment).toMatchObject({
    fiveBatches: false,
    total: 1,
    amountFen: 720_000,
    byStatus: { done: 1 },
  });
  const inKind = stats.body.byCategory.find((x: { category: string }) => x.category === 'in_kind');
  expect(inKind).toMatchObject({ total: 1, amountFen: 0, byStatus: { cancelled: 1 } });
  expect(stats.body.byCategory.filter((x: { fiveBatches: boolean }) => x.fiveBatches)).toHaveLength(
    5,
  );
});
