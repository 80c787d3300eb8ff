import { Gateway, type Session } from '../demo/client';
import { DemoCounty } from '../demo/county';
import type { SeedContext } from '../demo/plugin';
import {
  guaranteeHouseholdNumbers,
  registryGuaranteesPlugin,
} from '../demo/plugins/registry-guarantees';
import { seedDemo } from '../demo/seed';
import { type CountyPlatform, startCounty } from '../../services/gateway/test/support/county';

const PEOPLE = 600;
const SEED = 2020;
const PASSWORD = 'Demo-pass-2020!';
let platform: CountyPlatform;

beforeAll(async () => {
  platform = await startCounty();
}, 180_000);
afterAll(async () => {
  await platform?.close();
});

interface Guarantee {
  state: string;
  source: string;
  derived: { state: string; fact: string | null } | null;
  typed: { reason: string | null } | null;
}
interface Household {
  id: string;
  householdNo: string;
  guarantees: Record<string, Guarantee>;
  guaranteesUnknown: string[];
}

test('the guarantees demo shows C/D housing not met without typing, a blank household unknown and refused exit, and an override with its reason', async () => {
  await seedDemo({
    gatewayUrl: platform.gatewayUrl,
    people: PEOPLE,
    seed: SEED,
    password: PASSWORD,
    adminPassword: platform.admin.password,
    only: ['gateway', 'registry'],
    log: () => undefined,
  });
  const county = new DemoCounty({ people: PEOPLE, seed: SEED });
  const gateway = new Gateway(platform.gatewayUrl);
  const sessions = new Map<string, Promise<Session>>();
  const ctx: SeedContext = {
    county,
    gateway,
    password: PASSWORD,
    as: (u) => {
      if (!sessions.has(u)) sessions.set(u, gateway.signIn(u, PASSWORD));
      return sessions.get(u)!;
    },
    log: () => undefined,
  };
  expect(await registryGuaranteesPlugin.isSeeded(ctx)).toBe(false);
  await registryGuaranteesPlugin.seed(ctx);
  expect(await registryGuaranteesPlugin.isSeeded(ctx)).toBe(true);

  const office = await ctx.as('fupinban');
  const demo = (
    await Promise.all(
      guaranteeHouseholdNumbers(ctx).map(
        async (no) =>
          (
            await office.get<Household[]>('/api/registry/households', {
              filter: JSON.stringify({ q: no }),
            })
          ).body,
      ),
    )
  ).flat();
  expect(demo).toHaveLength(5);
  const full = await Promise.all(
    demo.map(async (h) => (await office.get<Household>(`/api/registry/households/${h.id}`)).body),
  );
  const housing = full.map((h) => h.guarantees.housing_safety!);
  expect(housing.filter((g) => g.state === 'not_met' && g.source === 'derived')).toHaveLength(3);
  const typed = housing.find((g) => g.source === 'typed')!;
  expect(typed).toMatchObject({ state: 'met', derived: { state: 'not_met' } });
  expect(typed.typed?.reason).toContain('验收');
  const blank = full.find((h) => h.guaranteesUnknown.includes('food'))!;
  // Only what no fact says is unknown: 饮水安全 comes from the village's tap water item.
  expect(blank.guaranteesUnknown).toEqual(['food', 'clothing', 'housing_safety']);
  expect(blank.guarantees.safe_water).toMatchObject({ source: 'derived' });
});
