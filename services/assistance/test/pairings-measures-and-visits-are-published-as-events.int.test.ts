import {
  AuditRecorded,
  decodeEvent,
  MeasurePlanned,
  PairingCreated,
  VisitRecorded,
} from '@fupin/contracts';
import { collectTopics, eventually } from '@fupin/testing';
import request from 'supertest';
import {
  as,
  createHelper,
  seedHousehold,
  startAssistance,
  type TestAssistance,
  VILLAGE_A1,
} from './fixtures/assistance';

let t: TestAssistance;

beforeAll(async () => {
  t = await startAssistance({ consume: false });
});
afterAll(async () => {
  await t.close();
});

test('each change is published once on its topic, keyed by its aggregate, with no personal data or notes', async () => {
  const topics = [
    PairingCreated.topic,
    MeasurePlanned.topic,
    VisitRecorded.topic,
    AuditRecorded.topic,
  ].map(t.rt.topic);
  const seen = await collectTopics(t.rt.kafka, topics, `${t.prefix}-observer`);
  try {
    const c = as(t.tokens.county);
    const household = await seedHousehold(t, 'EV-1', VILLAGE_A1);
    const helper = await createHelper(t, t.tokens.county, {
      name: '事件甲',
      rank: 'general',
      phone: '13712345678',
    });
    const pairing = await request(t.app)
      .post('/pairings')
      .set(c)
      .send({ helperId: helper, householdId: household, role: 'contact' });
    await request(t.app).post(`/pairings/${pairing.body.id}/end`).set(c).send({ reason: '调整' });
    const measure = await request(t.app)
      .post('/measures')
      .set(c)
      .send({ householdId: household, category: 'health', type: '慢病签约', amountFen: 12_000 });
    await request(t.app)
      .post(`/measures/${measure.body.id}/status`)
      .set(c)
      .send({ to: 'in_progress' });
    const visit = await request(t.app).post('/visits').set(c).send({
      householdId: household,
      helperId: helper,
      date: '2020-01-02',
      findings: '户主电话13712345678已停机',
    });
    const unmasked = await request(t.app)
      .get(`/helpers/${helper}`)
      .query({ unmask: 'true', reason: '核实联系方式' })
      .set(c);
    expect(unmasked.body.phone).toBe('13712345678');

    await eventually(() => expect(seen.messages).toHaveLength(6), { timeoutMs: 30_000 });
    const events = seen.messages.map((m) => ({ key: m.key, event: decodeEvent(m.value, m.topic) }));
    expect(events.map((e) => [e.event.type, e.key]).sort()).toEqual(
      [
        ['assistance.pairing.created', pairing.body.id],
        ['assistance.pairing.ended', pairing.body.id],
        ['assistance.measure.planned', measure.body.id],
        ['assistance.measure.status_changed', measure.body.id],
        ['assistance.visit.recorded', visit.body.id],
        ['audit.entry.recorded', expect.any(String)],
      ].sort(),
    );
    const ended = events.find((e) => e.event.type === 'assistance.pairing.ended')!.event;
    expect(ended.payload).toMatchObject({
      reason: '调整',
      pairing: { status: 'ended', helperRank: 'general', areaCode: VILLAGE_A1, revision: 2 },
    });
    const audit = events.find((e) => e.event.type === 'audit.entry.recorded')!.event;
    expect(audit.payload).toMatchObject({
      service: 'assistance',
      action: 'unmask',
      subjectType: 'helper',
      subjectIds: [helper],
      reason: '核实联系方式',
    });
    const text = seen.messages.map((m) => m.value).join('\n');
    expect(text).not.toContain('13712345678');
    expect(text).not.toContain('停机');
  } finally {
    await seen.stop();
  }
});

test('a phone is stored encrypted and shown masked; unmasking needs the right and a reason', async () => {
  const helper = await createHelper(t, t.tokens.county, {
    name: '事件乙',
    rank: 'general',
    phone: '13612345678',
  });
  const stored = await t.rt.conn.collection('helpers').findOne({ _id: helper as never });
  expect(JSON.stringify(stored)).not.toContain('13612345678');
  const masked = await request(t.app).get(`/helpers/${helper}`).set(as(t.tokens.county));
  expect(masked.body).toMatchObject({ phone: '136****5678', unmasked: false });
  const noReason = await request(t.app)
    .get(`/helpers/${helper}`)
    .query({ unmask: 'true' })
    .set(as(t.tokens.county));
  expect({ status: noReason.status, code: noReason.body.code }).toEqual({
    status: 400,
    code: 'AUDIT_REASON_REQUIRED',
  });
  const noRight = await request(t.app)
    .get(`/helpers/${helper}`)
    .query({ unmask: 'true', reason: '核实' })
    .set(as(t.tokens.townshipA));
  expect({ status: noRight.status, code: noRight.body.code }).toEqual({
    status: 403,
    code: 'FORBIDDEN_UNMASK',
  });
});
