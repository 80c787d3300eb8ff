import { DropoutCaseClosed, DropoutCaseOpened } from '@fupin/contracts';
import { collectTopics, eventually } from '@fupin/testing';
import request from 'supertest';
import {
  as,
  type SeededHousehold,
  startSupport,
  type TestSupport,
  VILLAGE_A1,
  VILLAGE_B1,
} from './fixtures/support';

let t: TestSupport;
let a: SeededHousehold;
let b: SeededHousehold;
const TERM = '2018-autumn';

beforeAll(async () => {
  t = await startSupport();
  a = t.household(VILLAGE_A1, [
    { name: '刘父', birthDate: '1980-01-01' },
    // Turns 6 on 31 August 2018: due for 小学 that autumn.
    { name: '刘一', birthDate: '2012-08-31' },
    // Turns 6 on 1 September 2018: not yet.
    { name: '刘二', birthDate: '2012-09-01' },
    // 初二 age.
    { name: '刘三', birthDate: '2005-03-01' },
    // Past the nine years (grade 10 by age).
    { name: '刘四', birthDate: '2003-08-31' },
    // Of age and enrolled.
    { name: '刘五', birthDate: '2009-05-05' },
  ]);
  b = t.household(VILLAGE_B1, [{ name: '陈一', birthDate: '2010-10-10' }]);
  await t.seed([a, b]);
});
afterAll(async () => {
  await t.close();
});

const edu = () => as(t.tokens.education);
const memberId = (name: string) => [...a.members, ...b.members].find((m) => m.name === name)!.id;

async function enroll(name: string, stage: string, grade: number, term = TERM) {
  const created = await request(t.app)
    .post('/education/students')
    .set(edu())
    .send({ personId: memberId(name), school: '漳江小学', stage, grade });
  const id =
    created.status === 201
      ? created.body.id
      : (
          await request(t.app)
            .get('/education/students')
            .query({ filter: JSON.stringify({ personId: memberId(name) }) })
            .set(edu())
        ).body[0].id;
  const res = await request(t.app)
    .put(`/education/students/${id}/enrollments/${term}`)
    .set(edu())
    .send({ status: 'enrolled' });
  expect(res.status).toBe(200);
}

let caseOfLiuYi: { id: string };

test('every registered child of compulsory-education age not enrolled in the term becomes one case', async () => {
  await enroll('刘五', 'primary', 4);
  const seen = await collectTopics(
    t.rt.kafka,
    [t.rt.topic(DropoutCaseOpened.topic)],
    `${t.config.KAFKA_TOPIC_PREFIX}-obs`,
  );
  try {
    const scan = await request(t.app)
      .post('/education/dropout-cases/scan')
      .set(edu())
      .send({ term: TERM });
    expect(scan.status).toBe(200);
    expect(scan.body).toEqual({
      term: TERM,
      schoolYear: 2018,
      checked: 4,
      enrolled: 1,
      opened: 3,
      alreadyOpen: 0,
      settled: 0,
      closedReturned: 0,
      closedLeftRegistry: 0,
    });
    const open = await request(t.app)
      .get('/education/dropout-cases')
      .query({ filter: JSON.stringify({ status: 'open' }), sort: JSON.stringify(['name', 'ASC']) })
      .set(edu());
    expect(
      open.body.map((c: { name: string; expectedStage: string; expectedGrade: number }) => [
        c.name,
        c.expectedStage,
        c.expectedGrade,
      ]),
    ).toEqual([
      ['刘一', 'primary', 1],
      ['刘三', 'junior_secondary', 8],
      ['陈一', 'primary', 2],
    ]);
    caseOfLiuYi = open.body[0];
    await eventually(() =>
      expect(seen.messages.filter((m) => m.value?.includes('support.dropout.opened')).length).toBe(
        3,
      ),
    );
  } finally {
    await seen.stop();
  }

  const again = await request(t.app)
    .post('/education/dropout-cases/scan')
    .set(edu())
    .send({ term: TERM });
  expect(again.body).toMatchObject({ checked: 4, opened: 0, alreadyOpen: 3 });
  expect(await t.support.models.dropouts.countDocuments({})).toBe(3);
});

test('a case closes only with an owner, a follow-up log and an allowed reason', async () => {
  const url = `/education/dropout-cases/${caseOfLiuYi.id}`;
  const early = await request(t.app)
    .post(`${url}/close`)
    .set(edu())
    .send({ reason: 'returned_to_school', note: '已入学' });
  expect(early.status).toBe(422);
  expect(early.body.code).toBe('SUPPORT_DROPOUT_CLOSE_REFUSED');
  expect(early.body.errors.map((e: { field: string }) => e.field)).toEqual([
    'owner',
    'followUps',
    'school',
  ]);

  const owner = await request(t.app)
    .put(`${url}/owner`)
    .set(edu())
    .send({ name: '王老师', unit: '漳江小学' });
  expect(owner.body.owner).toEqual({ name: '王老师', unit: '漳江小学', userId: null });
  const follow = await request(t.app)
    .post(`${url}/follow-ups`)
    .set(edu())
    .send({ on: '2018-09-05', note: '入户动员，家长同意送学' });
  expect(follow.status).toBe(201);
  expect(follow.body.followUps).toHaveLength(1);

  const badReason = await request(t.app)
    .post(`${url}/close`)
    .set(edu())
    .send({ reason: 'too_far', note: 'x' });
  expect(badReason.status).toBe(400);
  const closed = await request(t.app)
    .post(`${url}/close`)
    .set(edu())
    .send({ reason: 'returned_to_school', note: '9月6日入学', school: '漳江小学' });
  expect(closed.status).toBe(200);
  expect(closed.body).toMatchObject({
    status: 'closed',
    closeReason: 'returned_to_school',
    returnedTo: '漳江小学',
  });
  const twice = await request(t.app)
    .post(`${url}/follow-ups`)
    .set(edu())
    .send({ on: '2018-09-07', note: 'x' });
  expect(twice.status).toBe(409);
});

test('a case closes by itself when the term records show the child enrolled; home schooling settles the year', async () => {
  await enroll('刘三', 'junior_secondary', 2);
  const seen = await collectTopics(
    t.rt.kafka,
    [t.rt.topic(DropoutCaseClosed.topic)],
    `${t.config.KAFKA_TOPIC_PREFIX}-obs2`,
  );
  try {
    const scan = await request(t.app)
      .post('/education/dropout-cases/scan')
      .set(edu())
      .send({ term: TERM });
    // 刘一's case was closed as returned but he is not in the term records: a new case opens.
    expect(scan.body).toMatchObject({ enrolled: 2, closedReturned: 1, opened: 1, alreadyOpen: 1 });
    await eventually(() =>
      expect(
        seen.messages.some((m) => m.value?.includes('"closeReason":"returned_to_school"')),
      ).toBe(true),
    );
  } finally {
    await seen.stop();
  }

  const [chen] = (
    await request(t.app)
      .get('/education/dropout-cases')
      .query({ filter: JSON.stringify({ status: 'open', q: '陈' }) })
      .set(edu())
  ).body;
  await request(t.app)
    .put(`/education/dropout-cases/${chen.id}/owner`)
    .set(edu())
    .send({ name: '陈村长' });
  await request(t.app)
    .post(`/education/dropout-cases/${chen.id}/follow-ups`)
    .set(edu())
    .send({ on: '2018-09-10', note: '重度残疾，安排送教上门' });
  const closed = await request(t.app)
    .post(`/education/dropout-cases/${chen.id}/close`)
    .set(edu())
    .send({ reason: 'home_schooling', note: '每周送教两次' });
  expect(closed.status).toBe(200);
  const spring = await request(t.app)
    .post('/education/dropout-cases/scan')
    .set(edu())
    .send({ term: '2019-spring' });
  expect(spring.body).toMatchObject({ schoolYear: 2018, settled: 1 });
});

test('a township user sees and works only its own township’s cases', async () => {
  const town = as(t.tokens.townshipB);
  const list = await request(t.app).get('/education/dropout-cases').set(town);
  expect(list.status).toBe(200);
  expect(list.body.every((c: { townshipCode: string }) => c.townshipCode === '431121102000')).toBe(
    true,
  );
  const other = await request(t.app).get(`/education/dropout-cases/${caseOfLiuYi.id}`).set(town);
  expect(other.status).toBe(403);
  const scan = await request(t.app)
    .post('/education/dropout-cases/scan')
    .set(town)
    .send({ term: TERM });
  expect(scan.body.checked).toBe(1);
});
