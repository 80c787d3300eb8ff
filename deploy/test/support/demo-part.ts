import { Gateway, type Session } from '../../demo/client';
import { DemoCounty } from '../../demo/county';
import type { SeedContext } from '../../demo/plugin';
import { seedDemo } from '../../demo/seed';
import { type CountyPlatform, startCounty } from '../../../services/gateway/test/support/county';

export const DEMO_PASSWORD = 'Demo-pass-2020!';

/**
 * The county platform a demo part's test seeds into: started before the file's tests, closed
 * after them. Read `platform` inside the tests.
 */
export function demoPlatformForThisFile(): { platform: CountyPlatform } {
  const t = {} as { platform: CountyPlatform };
  beforeAll(async () => {
    t.platform = await startCounty();
  }, 180_000);
  afterAll(async () => {
    await t.platform?.close();
  });
  return t;
}

/**
 * Seeds the parts a demo part stands on (`only`, users and registry first) and gives the context
 * the part itself is seeded with: the same county, its users signed in on demand (the
 * administrator with the platform's own password), the log kept in `log` when one is passed.
 */
export async function demoPartContext(
  platform: CountyPlatform,
  opts: { people: number; seed: number; only: string[]; log?: string[] },
): Promise<{ ctx: SeedContext; seeded: Record<string, string>; settle: () => Promise<void> }> {
  const log = (m: string) => opts.log?.push(m);
  const seeded = await seedDemo({
    gatewayUrl: platform.gatewayUrl,
    people: opts.people,
    seed: opts.seed,
    password: DEMO_PASSWORD,
    adminPassword: platform.admin.password,
    only: opts.only,
    log,
  });
  const gateway = new Gateway(platform.gatewayUrl);
  const sessions = new Map<string, Promise<Session>>();
  let until = 0;
  const ctx: SeedContext = {
    county: new DemoCounty({ people: opts.people, seed: opts.seed }),
    gateway,
    password: DEMO_PASSWORD,
    as: (u) => {
      if (!sessions.has(u))
        sessions.set(u, gateway.signIn(u, u === 'admin' ? platform.admin.password : DEMO_PASSWORD));
      return sessions.get(u)!;
    },
    log,
    notBefore: (at) => void (until = Math.max(until, at)),
  };
  // What `seedDemo` does after every plugin: wait until the latest time a part asked for.
  const settle = () => new Promise<void>((r) => setTimeout(r, Math.max(0, until - Date.now())));
  return { ctx, seeded, settle };
}
