import { HouseholdRegistered, MemberAdded } from '@fupin/contracts';
import { auditModel } from '@fupin/kit';
import { collectTopics, eventually } from '@fupin/testing';
import request from 'supertest';
import {
  COUNTY,
  idNumber,
  startRegistry,
  type TestRegistry,
  TOWNSHIP_A,
  TOWNSHIP_B,
  VILLAGE_A1,
  VILLAGE_A2,
  VILLAGE_B1,
} from './fixtures/registry';

let t: TestRegistry;
const as = (token: string) => ({ authorization: `Bearer ${token}` });

const HEAD_A = idNumber('1968-04-12', 11, 'male');
const WIFE_A = idNumber('1970-09-30', 12, 'female');
const CHILD_A = idNumber('2012-06-01', 13, 'female');
const HEAD_B = idNumber('1959-01-20', 21, 'male');

function household(no: string, village: string, members: object[], extra: object = {}) {
  return {
    householdNo: no,
    areaCode: village,
    address: '桃花源村三组',
    phone: '13812345678',
    bankName: '农村信用社',
    bankAccount: '6222020200112233445',
    attribute: 'ordinary',
    mainCause: 'illness',
    otherCauses: ['lack_of_skills'],
    status: 'in_poverty',
    identificationYear: 2015,
    income: {
      year: 2019,
      wagesFen: 600_000,
      productionFen: 200_000,
      propertyFen: 0,
      transferFen: 100_000,
    },
    guarantees: { housing_safety: { met: false, note: 'C级危房' } },
    members,
    ...extra,
  };
}

const headA = { name: '张建国', idNumber: HEAD_A, relation: 'head', phone: '13912345678' };
const wifeA = {
  name: '李秀英',
  idNumber: WIFE_A,
  relation: 'spouse',
  sex: 'female',
  birthDate: '1970-09-30',
};
const childA = {
  name: '张小花',
  idNumber: CHILD_A.toLowerCase().replace(/^(\d{17})x$/, '$1x'),
  relation: 'daughter',
  inSchool: true,
  schoolStage: 'primary',
};

beforeAll(async () => {
  t = await startRegistry();
  for (const [code, name] of [
    [COUNTY, '桃源县'],
    [TOWNSHIP_A, '漳江街道'],
    [TOWNSHIP_B, '陬市镇'],
    [VILLAGE_A1, '桃花源村'],
    [VILLAGE_A2, '白石村'],
    [VILLAGE_B1, '陬市村'],
  ]) {
    const res = await request(t.app).post('/areas').set(as(t.tokens.county)).send({ code, name });
    expect(res.status).toBe(201);
  }
});
afterAll(async () => {
  await t.close();
});

let householdA: { id: string; members: { id: string }[] };

test('a household is registered with derived figures, masked personal data and events carrying hashes only', async () => {
  const seen = await collectTopics(
    t.rt.kafka,
    [t.rt.topic(HouseholdRegistered.topic), t.rt.topic(MemberAdded.topic)],
    `${t.config.KAFKA_TOPIC_PREFIX}-obs`,
  );
  try {
    const candidate = await request(t.app)
      .post('/households')
      .set(as(t.tokens.townshipA))
      .send(household('HH-0001', VILLAGE_A1, [headA, wifeA, childA]));
    expect({ status: candidate.status, code: candidate.body.code }).toEqual({
      status: 403,
      code: 'FORBIDDEN_STATUS',
    });
    const res = await request(t.app)
      .post('/households')
      .set(as(t.tokens.county))
      .send(household('HH-0001', VILLAGE_A1, [headA, wifeA, childA]));
    expect(res.status).toBe(201);
    householdA = res.body;
    expect(res.body).toMatchObject({
      householdNo: 'HH-0001',
      townshipCode: TOWNSHIP_A,
      headName: '张建国',
      size: 3,
      // (6,000 + 2,000 + 0 + 1,000 yuan) / 3 = 3,000 yuan, under the 2019 line of 3,747 yuan.
      perCapitaIncomeFen: 300_000,
      belowPovertyLine: true,
      // Not met or unknown: nothing stated of food, clothing and water; a member uninsured.
      guaranteesUnmet: ['food', 'clothing', 'basic_medical', 'housing_safety', 'safe_water'],
      phone: '138****5678',
      bankAccount: `${'*'.repeat(15)}3445`,
      unmasked: false,
    });
    expect(res.body.members.map((m: { idNumber: string }) => m.idNumber)).toEqual(
      [HEAD_A, WIFE_A, CHILD_A].map((v) => `${v.slice(0, 4)}**********${v.slice(-4)}`),
    );
    const head = res.body.members[0];
    expect(head).toMatchObject({ sex: 'male', birthDate: '1968-04-12', phone: '139****5678' });

    await eventually(() => expect(seen.messages).toHaveLength(4), { timeoutMs: 30_000 });
    const text = seen.messages.map((m) => m.value).join('\n');
    for (const clear of [
      HEAD_A,
      WIFE_A,
      CHILD_A,
      '13812345678',
      '13912345678',
      '6222020200112233445',
    ])
      expect(text).not.toContain(clear);
    const added = seen.messages.filter(
      (m) => JSON.parse(m.value ?? '{}').type === 'registry.member.added',
    );
    expect(added.map((m) => m.key)).toEqual([householdA.id, householdA.id, householdA.id]);
    expect(JSON.parse(added[0]?.value ?? '{}').payload.member.idHash).toBe(
      t.registry.cipher.hash(HEAD_A),
    );
    // The reported wage income of the income year goes out with the household (the wage check).
    const registered = seen.messages.find(
      (m) => JSON.parse(m.value ?? '{}').type === 'registry.household.registered',
    );
    expect(JSON.parse(registered?.value ?? '{}').payload.household).toMatchObject({
      incomeYear: 2019,
      wageIncomeFen: 600_000,
    });
  } finally {
    await seen.stop();
  }
});

test('nothing is stored in clear: the database holds ciphertext and keyed hashes', async () => {
  const raw = await t.rt.conn.db!.collection('households').findOne({ householdNo: 'HH-0001' });
  const text = JSON.stringify(raw);
  for (const clear of [HEAD_A, WIFE_A, '13812345678', '6222020200112233445'])
    expect(text).not.toContain(clear);
  expect(raw?.members[0].idNumber.hash).toBe(t.registry.cipher.hash(HEAD_A));
});

test('the same ID number cannot be an active member of a second household; the error names the other household, masked', async () => {
  const res = await request(t.app)
    .post('/households')
    .set(as(t.tokens.county))
    .send(
      household('HH-0002', VILLAGE_B1, [
        { name: '王五', idNumber: HEAD_B, relation: 'head' },
        { name: '张建国', idNumber: HEAD_A, relation: 'other' },
      ]),
    );
  expect(res.status).toBe(409);
  expect(res.body.code).toBe('REGISTRY_ID_NUMBER_IN_OTHER_HOUSEHOLD');
  expect(res.body.otherHouseholdNo).toBe('HH-0001');
  expect(res.body.message['zh-CN']).toContain('张**');
  expect(JSON.stringify(res.body)).not.toContain(HEAD_A);
  // Nothing half-written: no household, and HEAD_B is free to register.
  expect(await t.registry.models.households.countDocuments({ householdNo: 'HH-0002' })).toBe(0);
  const ok = await request(t.app)
    .post('/households')
    .set(as(t.tokens.county))
    .send(household('HH-0002', VILLAGE_B1, [{ name: '王五', idNumber: HEAD_B, relation: 'head' }]));
  expect(ok.status).toBe(201);
});

test('invalid checksums and birth dates or sexes that disagree with the ID number are refused field by field', async () => {
  const badChecksum = HEAD_B.slice(0, 17) + (HEAD_B.endsWith('0') ? '1' : '0');
  const res = await request(t.app)
    .post('/households')
    .set(as(t.tokens.county))
    .send(
      household('HH-0003', VILLAGE_B1, [
        { name: '赵六', idNumber: badChecksum, relation: 'head' },
        {
          name: '钱七',
          idNumber: idNumber('1980-02-02', 31, 'female'),
          relation: 'spouse',
          birthDate: '1980-02-03',
          sex: 'male',
        },
        { name: '孙八', idNumber: '４３１１２１１９８０', relation: 'son' },
      ]),
    );
  expect(res.status).toBe(422);
  const fields = Object.fromEntries(
    res.body.errors.map((e: { field: string; code: string }) => [e.field, e.code]),
  );
  expect(fields).toEqual({
    'members.0.idNumber': 'ID_CHECKSUM',
    'members.1.birthDate': 'ID_BIRTH_DATE_MISMATCH',
    'members.1.sex': 'ID_SEX_MISMATCH',
    'members.2.idNumber': 'ID_FULL_WIDTH',
  });
  expect(res.body.errors[0].message['zh-CN']).toMatch(/校验/);
  expect(await t.registry.models.households.countDocuments({ householdNo: 'HH-0003' })).toBe(0);
});

test('a township user cannot read, list, count, change or add to another township', async () => {
  const [b] = (
    await request(t.app)
      .get('/households')
      .query({ filter: JSON.stringify({ q: 'HH-0002' }) })
      .set(as(t.tokens.county))
  ).body;
  const tokenA = t.tokens.townshipA;
  expect((await request(t.app).get(`/households/${b.id}`).set(as(tokenA))).status).toBe(403);
  const list = await request(t.app).get('/households').set(as(tokenA));
  expect(list.body.map((h: { householdNo: string }) => h.householdNo)).toEqual(['HH-0001']);
  expect(list.headers['content-range']).toBe('households 0-0/1');
  expect((await request(t.app).get('/households/count').set(as(tokenA))).body).toEqual({
    count: 1,
  });
  expect((await request(t.app).get('/households/count').set(as(t.tokens.county))).body).toEqual({
    count: 2,
  });
  // Asking for another township's area answers nothing rather than widening the scope.
  expect(
    (
      await request(t.app)
        .get('/households/count')
        .query({ filter: JSON.stringify({ area: TOWNSHIP_B }) })
        .set(as(tokenA))
    ).body,
  ).toEqual({ count: 0 });
  const change = await request(t.app)
    .put(`/households/${b.id}`)
    .set(as(tokenA))
    .send({ address: '改' });
  expect({ status: change.status, code: change.body.code }).toEqual({
    status: 403,
    code: 'FORBIDDEN_AREA',
  });
  const add = await request(t.app)
    .post(`/households/${b.id}/members`)
    .set(as(tokenA))
    .send({ name: '甲', idNumber: idNumber('1990-01-01', 41, 'male'), relation: 'son' });
  expect(add.status).toBe(403);
  const create = await request(t.app)
    .post('/households')
    .set(as(tokenA))
    .send({
      ...household('HH-0009', VILLAGE_B1, [
        { name: '乙', idNumber: idNumber('1991-01-01', 42, 'male'), relation: 'head' },
      ]),
      status: undefined,
    });
  expect({ status: create.status, code: create.body.code }).toEqual({
    status: 403,
    code: 'FORBIDDEN_AREA',
  });
});

test('unmasking needs the right and a reason, and every unmasked read is audited', async () => {
  const id = householdA.id;
  const noRight = await request(t.app)
    .get(`/households/${id}`)
    .query({ unmask: 'true', reason: '核实身份' })
    .set(as(t.tokens.countyNoUnmask));
  expect({ status: noRight.status, code: noRight.body.code }).toEqual({
    status: 403,
    code: 'FORBIDDEN_UNMASK',
  });
  const noReason = await request(t.app)
    .get(`/households/${id}`)
    .query({ unmask: 'true' })
    .set(as(t.tokens.county));
  expect({ status: noReason.status, code: noReason.body.code }).toEqual({
    status: 400,
    code: 'AUDIT_REASON_REQUIRED',
  });

  const before = await auditModel(t.rt.conn).countDocuments();
  const res = await request(t.app)
    .get(`/households/${id}`)
    .query({ unmask: 'true', reason: '核实低保资格' })
    .set(as(t.tokens.county))
    .set('x-request-id', 'req-unmask-1');
  expect(res.status).toBe(200);
  expect(res.body.unmasked).toBe(true);
  expect(res.body.members.map((m: { idNumber: string }) => m.idNumber)).toEqual([
    HEAD_A,
    WIFE_A,
    CHILD_A,
  ]);
  expect(res.body.phone).toBe('13812345678');

  const entries = await auditModel(t.rt.conn).find().sort({ at: -1 }).lean();
  expect(entries).toHaveLength(before + 1);
  expect(entries[0]).toMatchObject({
    action: 'unmask',
    actorId: 'u-county',
    subjectType: 'household',
    subjectIds: [id],
    reason: '核实低保资格',
    requestId: 'req-unmask-1',
  });
});

test('members are added, updated and removed with history; the derived figures follow', async () => {
  const id = householdA.id;
  const current = (await request(t.app).get(`/households/${id}`).set(as(t.tokens.townshipA))).body;
  const stale = await request(t.app)
    .put(`/households/${id}`)
    .set(as(t.tokens.townshipA))
    .send({ address: 'x', revision: current.revision + 5 });
  expect({ status: stale.status, code: stale.body.code }).toEqual({
    status: 409,
    code: 'REGISTRY_HOUSEHOLD_STALE',
  });

  const added = await request(t.app)
    .post(`/households/${id}/members`)
    .set(as(t.tokens.townshipA))
    .send({
      name: '张奶奶',
      idNumber: idNumber('1940-03-03', 14, 'female'),
      relation: 'parent',
      revision: current.revision,
    });
  expect(added.status).toBe(201);
  expect(added.body).toMatchObject({ size: 4, perCapitaIncomeFen: 225_000 });

  const child = added.body.members.find((m: { name: string }) => m.name === '张小花');
  const updated = await request(t.app)
    .put(`/households/${id}/members/${child.id}`)
    .set(as(t.tokens.townshipA))
    .send({ schoolStage: 'junior_secondary' });
  expect(updated.status).toBe(200);
  const wrongSex = await request(t.app)
    .put(`/households/${id}/members/${child.id}`)
    .set(as(t.tokens.townshipA))
    .send({ sex: 'male' });
  expect({ status: wrongSex.status, field: wrongSex.body.errors?.[0]?.field }).toEqual({
    status: 422,
    field: 'member.sex',
  });

  const grandma = added.body.members.find((m: { name: string }) => m.name === '张奶奶');
  const removed = await request(t.app)
    .post(`/households/${id}/members/${grandma.id}/remove`)
    .set(as(t.tokens.townshipA))
    .send({ reason: '去世' });
  expect(removed.status).toBe(200);
  expect(removed.body.size).toBe(3);
  expect(removed.body.members.find((m: { id: string }) => m.id === grandma.id)).toMatchObject({
    status: 'removed',
    removedReason: '去世',
  });

  const history = (
    await request(t.app).get(`/households/${id}/history`).set(as(t.tokens.townshipA))
  ).body;
  expect(history.map((h: { action: string }) => h.action)).toEqual([
    'registered',
    'member_added',
    'member_updated',
    'member_removed',
  ]);
  expect(history[3]).toMatchObject({ actorId: 'u-town-a', reason: '去世' });

  // The removed member's ID number is free again for another household.
  const moved = await request(t.app)
    .post('/households')
    .set(as(t.tokens.county))
    .send(
      household('HH-0010', VILLAGE_A2, [
        { name: '张奶奶', idNumber: idNumber('1940-03-03', 14, 'female'), relation: 'head' },
      ]),
    );
  expect(moved.status).toBe(201);
});

test('lists filter by status, cause, guarantees, income band, member name and ID number (by hash)', async () => {
  const q = async (filter: object) =>
    (
      await request(t.app)
        .get('/households')
        .query({ filter: JSON.stringify(filter), sort: '["householdNo","ASC"]' })
        .set(as(t.tokens.county))
    ).body.map((h: { householdNo: string }) => h.householdNo);
  expect(await q({ idNumber: ` ${WIFE_A} ` })).toEqual(['HH-0001']);
  expect(await q({ idNumber: '110105194912310021' })).toEqual([]);
  expect(await q({ memberName: '王五' })).toEqual(['HH-0002']);
  expect(await q({ cause: 'lack_of_skills' })).toEqual(['HH-0001', 'HH-0002', 'HH-0010']);
  expect(await q({ guaranteeUnmet: 'housing_safety', area: TOWNSHIP_A })).toEqual([
    'HH-0001',
    'HH-0010',
  ]);
  expect(await q({ perCapitaMaxFen: 300_000, perCapitaMinFen: 300_000 })).toEqual(['HH-0001']);
  expect(await q({ status: ['in_poverty'], area: VILLAGE_B1 })).toEqual(['HH-0002']);
  const bad = await request(t.app)
    .get('/households')
    .query({ filter: '{"status":{"$ne":null}}' })
    .set(as(t.tokens.county));
  expect({ status: bad.status, code: bad.body.code }).toEqual({
    status: 400,
    code: 'LIST_FILTER_INVALID',
  });
});
