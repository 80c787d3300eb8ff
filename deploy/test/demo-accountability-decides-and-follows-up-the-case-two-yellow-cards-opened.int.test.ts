import { findContract } from '@fupin/contracts';
import { EVENTS, SCHEME_2019, UNIT } from '../../services/assessment/test/fixtures/scenario';
import { assessmentAccountabilityPlugin } from '../demo/plugins/assessment-accountability';
import { demoPartContext, demoPlatformForThisFile } from './support/demo-part';

const t = demoPlatformForThisFile();

interface Case {
  id: string;
  status: string;
  unitId: string;
  decision: { kind: string } | null;
  followUps: unknown[];
}

test('the 问责 demo decides the open case and records a follow-up, once', async () => {
  const { ctx } = await demoPartContext(t.platform, { people: 400, seed: 24, only: ['gateway'] });
  const office = await ctx.as('fupinban');
  // Two quarters in which 汾市乡 is last (the assessment service's own fixture), ranked.
  const rt = t.platform.gatewayRt;
  const producer = rt.kafka.producer();
  await producer.connect();
  try {
    for (const e of [...EVENTS.Q1, ...EVENTS.Q2]) {
      const contract = findContract(e.type, e.version)!;
      await producer.send({
        topic: rt.topic(contract.topic),
        acks: -1,
        messages: [{ key: e.aggregateId, value: JSON.stringify(e), headers: { 'event-id': e.id } }],
      });
    }
  } finally {
    await producer.disconnect();
  }
  for (let i = 0; ; i++) {
    const res = await office.request('PUT', '/api/assessment/schemes/2019', {
      json: SCHEME_2019,
      accept: [404, 409, 422],
    });
    if (res.status === 200) break;
    if (i > 240) throw new Error(`scheme: ${res.status}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  for (let i = 0; ; i++) {
    const p = await office.get<{ results: { unitId: string; scoreCenti: number }[] }>(
      '/api/assessment/quarters/2019/2/preview',
    );
    const c = p.body.results.find((r) => r.unitId === UNIT.C);
    if (c?.scoreCenti === 2500 && p.body.results.length === 3) break;
    if (i > 240) throw new Error('the events did not arrive');
    await new Promise((r) => setTimeout(r, 250));
  }
  for (const quarter of [1, 2])
    await office.request('POST', '/api/assessment/rankings', { json: { year: 2019, quarter } });

  expect(await assessmentAccountabilityPlugin.isSeeded(ctx)).toBe(false);
  await assessmentAccountabilityPlugin.seed(ctx);
  expect(await assessmentAccountabilityPlugin.isSeeded(ctx)).toBe(true);
  const cases = (await office.get<Case[]>('/api/assessment/accountability-cases')).body;
  expect(cases.map((c) => [c.unitId, c.status, c.decision?.kind, c.followUps.length])).toEqual([
    [UNIT.C, 'decided', 'talk', 1],
  ]);
}, 600_000);
