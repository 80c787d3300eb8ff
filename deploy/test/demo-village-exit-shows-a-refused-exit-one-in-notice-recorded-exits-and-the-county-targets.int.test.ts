import { registryVillageExitPlugin } from '../demo/plugins/registry-village-exit';
import { demoPartContext, demoPlatformForThisFile } from './support/demo-part';

// A county small enough to seed quickly with four poor villages (2016–2018 exits).
const PEOPLE = 2000;
const SEED = 2020;
const t = demoPlatformForThisFile();

interface VillageExit {
  exited: boolean;
  exitYear: number | null;
  checks: { check: string; passed: boolean }[];
  active: { stage: string } | null;
  closed: { outcome: string; steps: { action: string; evidence: string[] }[] }[];
}

test('the village exit demo records the earlier exits, puts one village in notice, shows one refused and sets the county targets', async () => {
  const log: string[] = [];
  const { ctx, seeded } = await demoPartContext(t.platform, {
    people: PEOPLE,
    seed: SEED,
    only: ['gateway', 'registry'],
    log,
  });
  expect(seeded.registry).toMatch(/^seeded/);
  const { county } = ctx;
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
