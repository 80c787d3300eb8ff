import { Gateway } from '../demo/client';
import { DemoCounty } from '../demo/county';
import { departmentUserLists, userFindingOf } from '../demo/plugins/matching-department-users';
import { seedDemo } from '../demo/seed';
import { type CountyPlatform, startCounty } from '../../services/gateway/test/support/county';

const PEOPLE = 400;
const PASSWORD = 'Demo-pass-2020!';
let platform: CountyPlatform;

beforeAll(async () => {
  platform = await startCounty();
}, 180_000);
afterAll(async () => {
  await platform?.close();
});

const log: string[] = [];

test('the seed writes users, areas, villages, households and exit targets through the gateway, once', async () => {
  const county = new DemoCounty({ people: PEOPLE, seed: 11 });
  const households = [...county.households()];
  const outcome = await seedDemo({
    gatewayUrl: platform.gatewayUrl,
    people: PEOPLE,
    seed: 11,
    password: PASSWORD,
    adminPassword: platform.admin.password,
    log: (m) => log.push(m),
  });
  // Every part seeds: none is skipped because its probe needs a token.
  for (const [part, result] of Object.entries(outcome))
    expect([part, result]).toEqual([part, expect.stringMatching(/^seeded/)]);
  expect(Object.keys(outcome)).toEqual(
    expect.arrayContaining([
      'gateway',
      'registry',
      'registry-village-exit',
      'registry-imports',
      'registry-guarantees',
      'registry-clearance',
      'matching-precision',
      'matching-department-users',
    ]),
  );

  // The poverty office signs in with the demo password and sees the whole county.
  const office = await platform.login('fupinban', PASSWORD);
  const auth = { authorization: `Bearer ${office.accessToken}` };
  const list = await platform
    .api()
    .get('/api/registry/households')
    .query({ range: '[0,0]' })
    .set(auth)
    .expect(200);
  // The county's households, and the dozen at most the precision cases add (an import, blank
  // guarantees, 清退, 户主变更).
  const total = (res: { headers: Record<string, string> }) =>
    Number(/\/(\d+)$/.exec(String(res.headers['content-range']))?.[1]);
  expect(total(list)).toBeGreaterThanOrEqual(households.length);
  expect(total(list)).toBeLessThan(households.length + 15);
  const stats = await platform
    .api()
    .get('/api/registry/statistics/households')
    .set(auth)
    .expect(200);
  expect(JSON.stringify(stats.body)).toMatch(/exited/);
  const village = county.villages.find((v) => v.poorVillage) ?? county.villages[0]!;
  const facts = await platform
    .api()
    .get(`/api/registry/villages/${village.code}`)
    .set(auth)
    .expect(200);
  expect(facts.body).toMatchObject({ ruralPopulation: village.ruralPopulation });
  const targets = await platform
    .api()
    .get('/api/registry/exit-targets')
    .query({ range: '[0,0]' })
    .set(auth)
    .expect(200);
  expect(Number(/\/(\d+)$/.exec(String(targets.headers['content-range']))?.[1])).toBeGreaterThan(
    13,
  );

  // A township's user sees exactly the township's households.
  const township = county.townships[0]!;
  const townshipUser = await platform.login('xiangzhen01', PASSWORD);
  const own = await platform
    .api()
    .get('/api/registry/households')
    .query({ range: '[0,0]' })
    .set({ authorization: `Bearer ${townshipUser.accessToken}` })
    .expect(200);
  const expected = households.filter((h) => h.townshipCode === township.code).length;
  expect(total(own)).toBeGreaterThanOrEqual(expected);
  expect(total(own)).toBeLessThan(expected + 10);

  // 教育扶贫 and 健康扶贫: the departments' lists, subsidies, dropout cases, hospital stays.
  expect(outcome.support).toMatch(/^seeded/);
  const education = await platform.login('jiaoyu', PASSWORD);
  const asEducation = { authorization: `Bearer ${education.accessToken}` };
  const count = async (path: string, auth: Record<string, string>) =>
    Number(
      /\/(\d+)$/.exec(
        String(
          (await platform.api().get(path).query({ range: '[0,0]' }).set(auth).expect(200)).headers[
            'content-range'
          ],
        ),
      )?.[1],
    );
  expect(await count('/api/support/education/enrollments', asEducation)).toBeGreaterThan(20);
  expect(await count('/api/support/education/subsidy-payments', asEducation)).toBeGreaterThan(0);
  const health = await platform.login('weijian', PASSWORD);
  const asHealth = { authorization: `Bearer ${health.accessToken}` };
  expect(await count('/api/support/health/inpatient-episodes', asHealth)).toBeGreaterThan(3);
  const card = await platform.api().get('/api/support/statistics/health').set(asHealth).expect(200);
  expect(card.body).toMatchObject({ year: 2020 });

  // 扶贫手册: a village with a helper's household printed by the gateway's job, every household.
  expect(outcome['gateway-handbook']).toMatch(/^seeded/);
  expect(log).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^扶贫手册: village \d{12}, [1-9]\d* households printed in \d+ s/),
    ]),
  );

  // 防返贫监测: a screening, and warnings open, overdue (督办), confirmed and dismissed.
  expect(outcome['registry-monitoring']).toMatch(/^seeded/);
  const monitoring = await platform
    .api()
    .get('/api/registry/monitoring/statistics')
    .set(auth)
    .expect(200);
  const warned = (k: string) =>
    (monitoring.body.townships as Record<string, number>[]).reduce((a, t) => a + t[k]!, 0);
  for (const k of ['open', 'overdue', 'confirmed', 'dismissed'])
    expect(warned(k)).toBeGreaterThan(0);

  // 挂包帮: helpers, pairings covering most households in poverty, visits with photos.
  expect(outcome.assistance).toMatch(/^seeded/);
  expect(await count('/api/assistance/helpers', auth)).toBeGreaterThan(3);
  expect(await count('/api/assistance/pairings', auth)).toBeGreaterThan(10);
  expect(await count('/api/assistance/visits', auth)).toBeGreaterThan(10);
  expect(await count('/api/assistance/measures', auth)).toBeGreaterThan(3);

  // 项目资金: a project library at every step, batches, payments signed by the finance bureau.
  expect(outcome.funds).toMatch(/^seeded/);
  expect(await count('/api/funds/projects', auth)).toBeGreaterThan(20);
  expect(await count('/api/funds/batches', auth)).toBe(2);
  expect(await count('/api/funds/disbursements', auth)).toBeGreaterThan(3);
  expect(await count('/api/funds/notices', auth)).toBeGreaterThan(0);
  // 根据项目进度分阶段拨付: progress reported, one project slow, its payment refused beyond it.
  expect(await count('/api/funds/projects/slow', auth)).toBeGreaterThanOrEqual(1);
  expect(log).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^ {2}payment refused beyond progress: LX\d{4}-\d{3}-\d — 按项目进度/),
    ]),
  );

  // 考核: the two latest closed quarters ranked.
  expect(outcome.assessment).toMatch(/^seeded/);
  expect(await count('/api/assessment/rankings', auth)).toBeGreaterThanOrEqual(2);

  // 数据比对 by the departments themselves: each list uploaded under its department's login and
  // seen by it (the household-moves workbook warned of its old 15-digit ID), each planted finding
  // of the new rules in its state, overdue where the office set a deadline, dismissed with its
  // reason code — still so after the departments' full run that followed — and the rule-quality
  // figures of each new rule reading decisions.
  const gateway = new Gateway(platform.gatewayUrl);
  const officeSession = await gateway.signIn('fupinban', PASSWORD);
  const userLists = departmentUserLists(county);
  for (const l of userLists) {
    const uploader = await gateway.signIn(l.uploader, PASSWORD);
    const seen = await uploader.list<{ id: string; uploadedBy: { name: string } }>(
      '/api/matching/lists',
      { sort: ['createdAt', 'DESC'], filter: { type: l.type } },
    );
    expect([l.type, seen.map((x) => x.uploadedBy.name)]).toEqual([l.type, [l.uploader]]);
    if (l.type === 'household_moves') {
      const report = await uploader.get<{ warnings: { code: string }[] }>(
        `/api/matching/lists/${seen[0]!.id}`,
      );
      expect(report.body.warnings.map((w) => w.code)).toEqual(['ID_OLD_FORMAT_CONVERTED']);
    }
  }
  const reasons = new Set<string>();
  for (const plan of userLists.flatMap((l) => l.plans)) {
    const f = await userFindingOf(officeSession, plan);
    const reasonCode = plan.steps.find((st) => st.json.reasonCode)?.json.reasonCode ?? null;
    expect([plan.rule, plan.person.m.name, f?.status, f?.overdue, f?.conclusionReasonCode]).toEqual(
      [plan.rule, plan.person.m.name, plan.status, !!plan.supervised, reasonCode],
    );
    if (reasonCode) reasons.add(reasonCode);
  }
  expect(reasons.size).toBeGreaterThanOrEqual(3);
  const quality = await officeSession.get<{ byRule: { rule: string; decided: number }[] }>(
    '/api/matching/quality/rules',
  );
  for (const rule of new Set(userLists.flatMap((l) => l.plans.map((p) => p.rule)))) {
    const decided = quality.body.byRule.find((r) => r.rule === rule)?.decided ?? 0;
    expect([rule, decided > 0]).toEqual([rule, true]);
  }

  // 一户一档核对: a village with a student removed from the registry, a cause added after the
  // plan and an unpaid measure, checked by the gateway's job: each kind found.
  expect(log).toEqual(
    expect.arrayContaining([
      expect.stringMatching(
        /一户一档核对: village \d{12}, \d+ households, \d+ inconsistencies \(person_not_a_member \d+, .*registry_cause_not_in_plan \d+, .*measure_unpaid \d+/,
      ),
    ]),
  );

  // Every user kind can sign in.
  for (const username of ['jiaoyu', 'caizheng', 'cunwei01', 'bangfu01', 'shenji'])
    await platform.login(username, PASSWORD);

  // Again: nothing to do, nothing doubled.
  const again = await seedDemo({
    gatewayUrl: platform.gatewayUrl,
    people: PEOPLE,
    seed: 11,
    password: PASSWORD,
    adminPassword: platform.admin.password,
    log: (m) => log.push(m),
  });
  expect(again).toMatchObject({
    gateway: 'skipped: already seeded',
    registry: 'skipped: already seeded',
    assistance: 'skipped: already seeded',
    funds: 'skipped: already seeded',
    assessment: 'skipped: already seeded',
    support: 'skipped: already seeded',
    'registry-monitoring': 'skipped: already seeded',
    'matching-department-users': 'skipped: already seeded',
  });
}, 600_000);
