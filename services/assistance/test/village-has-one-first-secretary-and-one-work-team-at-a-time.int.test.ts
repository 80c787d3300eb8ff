import request from 'supertest';
import {
  as,
  createHelper,
  startAssistance,
  type TestAssistance,
  testClock,
  TOWNSHIP_A,
  VILLAGE_A1,
} from './fixtures/assistance';

const clock = testClock('2026-07-01T02:00:00Z');
let t: TestAssistance;
beforeAll(async () => {
  t = await startAssistance({ consume: false, now: clock.now });
});
afterAll(async () => {
  await t.close();
});

const c = () => as(t.tokens.county);

test('领导挂点, 部门包村 and 第一书记 are recorded per village with terms; one first secretary at a time', async () => {
  const cadre = await createHelper(t, t.tokens.county, {
    name: '书记甲',
    unit: '县委组织部',
    rank: 'section_level',
  });
  const first = await request(t.app).post('/village-assignments').set(c()).send({
    kind: 'first_secretary',
    areaCode: VILLAGE_A1,
    helperId: cadre,
    startDate: '2026-01-01',
  });
  expect(first.status).toBe(201);
  expect(first.body).toMatchObject({ personName: '书记甲', unit: '县委组织部', status: 'active' });
  const second = await request(t.app).post('/village-assignments').set(c()).send({
    kind: 'first_secretary',
    areaCode: VILLAGE_A1,
    personName: '书记乙',
    unit: '县财政局',
  });
  expect({ status: second.status, code: second.body.code }).toEqual({
    status: 409,
    code: 'ASSISTANCE_VILLAGE_HAS_FIRST_SECRETARY',
  });
  const ended = await request(t.app)
    .post(`/village-assignments/${first.body.id}/end`)
    .set(c())
    .send({ reason: '任期届满' });
  expect(ended.body).toMatchObject({
    status: 'ended',
    endDate: '2026-07-01',
    endReason: '任期届满',
  });
  const next = await request(t.app).post('/village-assignments').set(c()).send({
    kind: 'first_secretary',
    areaCode: VILLAGE_A1,
    personName: '书记乙',
    unit: '县财政局',
  });
  expect(next.status).toBe(201);

  const department = await request(t.app)
    .post('/village-assignments')
    .set(c())
    .send({ kind: 'department', areaCode: VILLAGE_A1, department: 'water' });
  expect(department.body).toMatchObject({ unit: '水利', personName: null });
  const leaderWithoutName = await request(t.app)
    .post('/village-assignments')
    .set(c())
    .send({ kind: 'leader', areaCode: VILLAGE_A1, unit: '县政府' });
  expect(leaderWithoutName.body.errors).toEqual([
    expect.objectContaining({ field: 'personName', code: 'required' }),
  ]);
  const notVillage = await request(t.app)
    .post('/village-assignments')
    .set(c())
    .send({ kind: 'leader', areaCode: TOWNSHIP_A, personName: '县长', unit: '县政府' });
  expect(notVillage.body.code).toBe('ASSISTANCE_NOT_A_VILLAGE');
  const list = await request(t.app)
    .get('/village-assignments')
    .query({
      filter: JSON.stringify({ kind: 'first_secretary' }),
      sort: JSON.stringify(['startDate', 'ASC']),
    })
    .set(c());
  expect(
    list.body.map((a: { personName: string; status: string }) => [a.personName, a.status]),
  ).toEqual([
    ['书记甲', 'ended'],
    ['书记乙', 'active'],
  ]);
});

test('驻村工作队: one team per village, members with their own terms, changes kept in its history', async () => {
  const team = await request(t.app)
    .post('/work-teams')
    .set(c())
    .send({
      areaCode: VILLAGE_A1,
      unit: '县农业农村局',
      termStart: '2026-01-01',
      members: [
        { name: '队长甲', role: 'leader' },
        { name: '队员乙', role: 'member', from: '2026-03-01' },
      ],
    });
  expect(team.status).toBe(201);
  expect(team.body.members.map((m: { name: string; from: string }) => [m.name, m.from])).toEqual([
    ['队长甲', '2026-01-01'],
    ['队员乙', '2026-03-01'],
  ]);
  const twoLeaders = await request(t.app)
    .put(`/work-teams/${team.body.id}`)
    .set(c())
    .send({
      members: [
        { name: 'A', role: 'leader' },
        { name: 'B', role: 'leader' },
      ],
    });
  expect(twoLeaders.body.errors).toEqual([expect.objectContaining({ code: 'two_leaders' })]);
  const rotated = await request(t.app)
    .put(`/work-teams/${team.body.id}`)
    .set(c())
    .send({
      revision: 1,
      members: [
        { ...team.body.members[0], to: '2026-06-30' },
        team.body.members[1],
        { name: '队长丙', role: 'leader', from: '2026-07-01' },
      ],
    });
  expect(rotated.status).toBe(200);
  expect(rotated.body.revision).toBe(2);
  const another = await request(t.app)
    .post('/work-teams')
    .set(c())
    .send({ areaCode: VILLAGE_A1, unit: '县林业局', members: [] });
  expect({ status: another.status, code: another.body.code }).toEqual({
    status: 409,
    code: 'ASSISTANCE_VILLAGE_HAS_WORK_TEAM',
  });
  const ended = await request(t.app)
    .post(`/work-teams/${team.body.id}/end`)
    .set(c())
    .send({ reason: '轮换' });
  expect(ended.body).toMatchObject({ status: 'ended', termEnd: '2026-07-01' });
  expect(ended.body.members.map((m: { to: string }) => m.to)).toEqual([
    '2026-06-30',
    '2026-07-01',
    '2026-07-01',
  ]);
  expect(ended.body.history.map((h: { action: string }) => h.action)).toEqual([
    'created',
    'updated',
    'ended',
  ]);
  expect(
    (
      await request(t.app)
        .post('/work-teams')
        .set(c())
        .send({ areaCode: VILLAGE_A1, unit: '县林业局', members: [] })
    ).status,
  ).toBe(201);
});
