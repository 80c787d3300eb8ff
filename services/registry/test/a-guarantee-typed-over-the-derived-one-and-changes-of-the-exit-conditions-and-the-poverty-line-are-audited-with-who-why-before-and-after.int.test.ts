import { AuditRecorded } from '@fupin/contracts';
import { auditModel } from '@fupin/kit';
import { collectTopics, eventually } from '@fupin/testing';
import request from 'supertest';
import { COUNTY, startRegistry, testClock, type TestRegistry } from './fixtures/registry';
import { as, createAreas, registerHousehold } from './fixtures/workflows';

// Issue 19, registry integrity: the decisions an auditor asks about — a guarantee typed over what
// the facts derive (and such a statement cleared), a change of the village exit conditions, the
// provincial poverty line — are written to the audit log through kit's AuditLog with the actor,
// the target, the reason and the values before and after (codes and figures only), and reported
// on audit.v1 for the gateway's audit store (GET /audit there).

let t: TestRegistry;
const clock = testClock('2026-03-02T02:00:00Z');
let observed: Awaited<ReturnType<typeof collectTopics>>;

beforeAll(async () => {
  t = await startRegistry({ now: clock.now });
  await createAreas(t);
  observed = await collectTopics(
    t.rt.kafka,
    [t.rt.topic(AuditRecorded.topic)],
    `${t.config.KAFKA_TOPIC_PREFIX}-decisions-audit-obs`,
  );
});
afterAll(async () => {
  await observed.stop();
  await t.close();
});

const entries = (action: string) => auditModel(t.rt.conn).find({ action }).sort({ at: 1 }).lean();

/** The audit.v1 events reported for an entry id, validated against the contract. */
function reported(id: string) {
  return observed.messages
    .filter((m) => m.key === id)
    .map((m) =>
      AuditRecorded.payload.parse((JSON.parse(m.value!) as { payload: unknown }).payload),
    );
}

test('a guarantee typed over the derived one is audited with who, which household, why, before and after; clearing it too', async () => {
  const h = await registerHousehold(t);
  const url = `/households/${h.id}/guarantees/housing_safety`;
  const typed = await request(t.app)
    .put(url)
    .set(as(t.tokens.townshipA))
    .send({ state: 'not_met', reason: '入户核查房屋漏雨，待鉴定', revision: h.revision });
  expect(typed.status).toBe(200);

  const [entry] = await entries('guarantee_override');
  expect(entry).toMatchObject({
    service: 'registry',
    actorId: 'u-town-a',
    actorName: '漳江街道',
    subjectType: 'household',
    subjectIds: [h.id],
    fields: ['guarantees.housing_safety'],
    reason: '入户核查房屋漏雨，待鉴定',
    before: { state: 'met', source: 'typed' },
    after: { state: 'not_met', source: 'typed', derived: 'unknown' },
  });
  // Codes and figures only: no name, no ID number.
  expect(JSON.stringify([entry!.before, entry!.after])).not.toMatch(/刘|\d{17}[\dX]/);
  await eventually(() => {
    expect(reported(entry!._id)).toEqual([
      expect.objectContaining({
        action: 'guarantee_override',
        reason: '入户核查房屋漏雨，待鉴定',
        before: expect.objectContaining({ state: 'met' }),
        after: expect.objectContaining({ state: 'not_met' }),
      }),
    ]);
  });

  const cleared = await request(t.app)
    .post(`${url}/clear`)
    .set(as(t.tokens.townshipA))
    .send({ reason: '鉴定为 B 级，按鉴定结论' });
  expect(cleared.status).toBe(200);
  expect(await entries('guarantee_override_cleared')).toEqual([
    expect.objectContaining({
      subjectIds: [h.id],
      reason: '鉴定为 B 级，按鉴定结论',
      before: expect.objectContaining({ state: 'not_met', source: 'typed' }),
      after: expect.objectContaining({ source: 'none' }),
    }),
  ]);
});

test('a refused override is not audited', async () => {
  const h = await registerHousehold(t);
  const before = await auditModel(t.rt.conn).countDocuments({ action: 'guarantee_override' });
  const stale = await request(t.app)
    .put(`/households/${h.id}/guarantees/housing_safety`)
    .set(as(t.tokens.townshipA))
    .send({ state: 'not_met', reason: '入户核查', revision: h.revision + 5 });
  expect(stale.status).toBe(409);
  expect(await auditModel(t.rt.conn).countDocuments({ action: 'guarantee_override' })).toBe(before);
});

test('a change of the village exit conditions is audited with the values before and after and why', async () => {
  const set = await request(t.app)
    .put(`/village-exit-conditions/${COUNTY}`)
    .set(as(t.tokens.county))
    .send({
      incidence: { enabled: true, thresholdPercent: 3 },
      infrastructure: { clinic: { enabled: false } },
      reason: '按省扶贫开发领导小组2026年1号文件执行',
      version: 0,
    });
  expect(set.status).toBe(200);
  const [entry] = await entries('exit_conditions_change');
  expect(entry).toMatchObject({
    actorId: 'u-county',
    subjectType: 'exit_conditions',
    subjectIds: [COUNTY],
    reason: '按省扶贫开发领导小组2026年1号文件执行',
    before: {
      version: 0,
      'incidence.thresholdPercent': null,
      'incidence.effectiveThresholdPercent': 2,
      'infrastructure.clinic': true,
    },
    after: {
      version: 1,
      'incidence.thresholdPercent': 3,
      'incidence.effectiveThresholdPercent': 3,
      'infrastructure.clinic': false,
    },
  });
  expect(entry!.fields).toEqual(
    expect.arrayContaining(['incidence.thresholdPercent', 'infrastructure.clinic']),
  );
  expect(entry!.fields).not.toContain('infrastructure.broadband');
});

test('the provincial poverty line set through the API is audited with the line before and after and why', async () => {
  const set = await request(t.app)
    .put('/poverty-lines/2019')
    .set(as(t.tokens.county))
    .send({ fen: 420_000, reason: '湘政办发〔2019〕12号 省定扶贫标准' });
  expect(set.status).toBe(200);
  const again = await request(t.app)
    .put('/poverty-lines/2019')
    .set(as(t.tokens.county))
    .send({ fen: 430_000, reason: '省定标准调整', revision: 1 });
  expect(again.status).toBe(200);
  const list = await entries('poverty_line_change');
  expect(list).toEqual([
    expect.objectContaining({
      subjectType: 'poverty_line',
      subjectIds: ['43:2019'],
      fields: ['fen'],
      reason: '湘政办发〔2019〕12号 省定扶贫标准',
      before: { year: 2019, fen: 374_700, source: 'national', revision: null },
      after: { year: 2019, fen: 420_000, source: 'provincial', revision: 1 },
    }),
    expect.objectContaining({
      reason: '省定标准调整',
      before: expect.objectContaining({ fen: 420_000, revision: 1 }),
      after: expect.objectContaining({ fen: 430_000, revision: 2 }),
    }),
  ]);
});
