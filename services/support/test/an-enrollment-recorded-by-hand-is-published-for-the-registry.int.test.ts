import { decodeEvent, EnrollmentRecorded } from '@fupin/contracts';
import { collectTopics, eventually } from '@fupin/testing';
import request from 'supertest';
import {
  as,
  type SeededHousehold,
  startSupport,
  type TestSupport,
  VILLAGE_A1,
} from './fixtures/support';

// 义务教育 in the registry follows support's enrollments: each one recorded (or changed) is
// published as support.enrollment.recorded, keyed by the person (the registry's member id).

let t: TestSupport;
let h: SeededHousehold;

beforeAll(async () => {
  t = await startSupport();
  h = t.household(VILLAGE_A1, [
    { name: '王父', birthDate: '1980-01-01' },
    { name: '王小', birthDate: '2012-05-05' },
  ]);
  await t.seed([h]);
});
afterAll(async () => {
  await t.close();
});

test('an enrollment recorded by hand goes out as support.enrollment.recorded with its status and term', async () => {
  const child = h.members.find((m) => m.name === '王小')!;
  const seen = await collectTopics(
    t.rt.kafka,
    [t.rt.topic(EnrollmentRecorded.topic)],
    `${t.config.KAFKA_TOPIC_PREFIX}-obs-enrol`,
  );
  try {
    const created = await request(t.app)
      .post('/education/students')
      .set(as(t.tokens.education))
      .send({ personId: child.id, school: '漳江小学', stage: 'primary', grade: 1 });
    expect(created.status).toBe(201);
    for (const status of ['enrolled', 'dropped_out']) {
      const res = await request(t.app)
        .put(`/education/students/${created.body.id}/enrollments/2018-autumn`)
        .set(as(t.tokens.education))
        .send({ status });
      expect(res.status).toBe(200);
    }
    const events = await eventually(
      () => {
        const got = seen.messages.map((m) => decodeEvent(m.value!));
        expect(got).toHaveLength(2);
        return got;
      },
      { timeoutMs: 20_000 },
    );
    expect(seen.messages.map((m) => m.key)).toEqual([child.id, child.id]);
    expect(events.map((e) => e.payload)).toEqual([
      expect.objectContaining({
        personId: child.id,
        householdId: h.id,
        term: '2018-autumn',
        stage: 'primary',
        status: 'enrolled',
        source: 'manual',
      }),
      expect.objectContaining({ status: 'dropped_out' }),
    ]);
  } finally {
    await seen.stop();
  }
});
