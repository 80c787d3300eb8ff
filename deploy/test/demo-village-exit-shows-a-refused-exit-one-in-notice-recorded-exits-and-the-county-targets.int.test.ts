import { Gateway, type Session } from '../demo/client';
import { DemoCounty } from '../demo/county';
import type { SeedContext } from '../demo/plugin';
import { registryVillageExitPlugin } from '../demo/plugins/registry-village-exit';
import { seedDemo } from '../demo/seed';
import { type CountyPlatform, startCounty } from '../../services/gateway/test/support/county';

// A county small enough to seed quickly with four poor villages (2016–2018 exits).
const PEOPLE = 2000;
const SEED = 2020;
const PASSWORD = 'Demo-pass-2020!';
let platform: CountyPlatform;

beforeAll(async () => {
  platform = await startCounty();
}, 180_000);
afterAll(async () => {
  await platform?.close();
});

interface VillageExit {
  exited: boolean;
  exitYear: number | null;
  checks: { check: string; passed: boolean }[];
  active: { stage: string } | null;
  closed: { outcome: string; steps: { action: string; evidence: string[] }[] }[];
}

test('the village exit demo records the earlier exits, puts one village in notice, shows one refused and sets the county targets', async () => {
  const seeded = await seedDemo({
    gatewayUrl: platform.gatewayUrl,
    people: PEOPLE,
    seed: SEED,
    password: PASSWORD,
    adminPassword: platform.admin.password,
    only: ['gateway', 'registry'],
    log: () => undefined,
  });
  expect(seeded.registry).toMatch(/^seeded/);

  const county = new DemoCounty({ people: PEOPLE, seed: SEED });
  const gateway = new Gateway(platform.gatewayUrl);
  const sessions = new Map<string, Promise<Session>>();
  const log: string[] = [];
  const ctx: SeedContext = {
    county,
    gateway,
    password: PASSWORD,
    as: (u) => {
      if (!sessions.has(u)) sessions.set(u, gateway.signIn(u, PASSWORD));
      return sessions.get(u)!;
    },
    log: (m) => log.push(m),
  };
  expect(await registryVillageExitPlugin.isSeeded(ctx)).toBe(false);
  await registryVillageExitPlugin.seed(ctx);
  expect(await registryVillageExitPlugin.isSeeded(ctx)).toBe(true);

  const office = await ctx.as('fupinban');
  const poor = county.villages.filter((v) => v.poorVillage !== null);
  const exits = await Promise.all(
    poor.map(async (v) => ({
      v,
      exit: (await office.get<VillageExit>(`/api/registry/villages/${v.code}/exit`)).body,
    })),
  );
  const recorded = exits.filter((x) => x.exit.exited);
  const inNotice = exits.filter((x) => x.exit.active?.stage === 'noticed');
  const refused = exits.filter((x) => !x.exit.exited && !x.exit.active);
  expect({ recorded: recorded.length, inNotice: inNotice.length, refused: refused.length }).toEqual(
    {
      recorded: poor.length - 2,
      inNotice: 1,
      refused: 1,
    },
  );
  for (const { v, exit } of recorded) {
    expect(exit.exitYear).toBe(v.exitYear);
    expect(exit.closed[0]).toMatchObject({ outcome: 'approved', steps: [{ action: 'record' }] });
  }
  expect(refused[0]!.exit.checks.filter((c) => !c.passed).map((c) => c.check)).toEqual(
    expect.arrayContaining(['infrastructure.broadband', 'infrastructure.clinic']),
  );

  const progress = await office.get<{
    incidence: { targetPercent: number | null };
    villages: { target: number | null; named: { code: string }[] };
  }>('/api/registry/statistics/exit-progress');
  expect(progress.body.incidence.targetPercent).toBe(1.5);
  expect(progress.body.villages.target).toBe(2);
  expect(progress.body.villages.named.map((n) => n.code).sort()).toEqual(
    [inNotice[0]!.v.code, refused[0]!.v.code].sort(),
  );
  expect(log.join('\n')).toContain('exit refused');
}, 600_000);
