import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ApiError, Gateway, type Session } from './client';
import { DemoCounty } from './county';
import { areaTreeCsv, householdCsvHeader, householdCsvRows } from './files';
import type { SeedContext } from './plugin';
import { demoPlugins } from './plugins';
import { waitForView } from './plugins/views';
import { standardUsers } from './plugins/gateway';

/**
 * `npm run demo:seed -- [options]`: writes the demo county (临溪县) into a running platform
 * through the gateway's public API, one service after another (deploy/demo/plugins). A part
 * whose service is not running, or already holds data, is skipped, so running it again is
 * harmless. `--out <dir>` writes the files instead (the area tree and one household CSV per
 * township), e.g. for a benchmark: `npm run demo:seed -- --people 1000000 --out /tmp/county`.
 */

export const DEMO_PASSWORD = 'Jzfp@2020!';

const USAGE = `usage: npm run demo:seed -- [--gateway URL] [--people N] [--seed N] [--password P]
       [--admin-password P] [--admin-initial-password P] [--only gateway,registry] [--force]
       [--out DIR] [--no-logins]`;

export interface SeedOptions {
  gatewayUrl: string;
  people: number;
  seed: number;
  password: string;
  adminPassword: string;
  adminInitialPassword?: string;
  only?: string[];
  force?: boolean;
  log?: (message: string) => void;
}

/** The services that keep a view built from the registry's events (GET /projection/status). */
const VIEW_SERVICES = ['assistance', 'funds', 'support', 'matching', 'assessment'];

/** Seeds every part whose service answers; returns what was seeded, skipped and why. */
export async function seedDemo(opts: SeedOptions): Promise<Record<string, string>> {
  const log = opts.log ?? ((m: string) => console.log(m));
  const county = new DemoCounty({ seed: opts.seed, people: opts.people });
  const gateway = new Gateway(opts.gatewayUrl);
  if (!(await gateway.answers('/.well-known/jwks.json')))
    throw new Error(`the gateway does not answer at ${opts.gatewayUrl}`);

  // The bootstrap command gives the first administrator a one-time password.
  if (opts.adminInitialPassword)
    await gateway.changePassword('admin', opts.adminInitialPassword, opts.adminPassword);
  const sessions = new Map<string, Promise<Session>>();
  const waits: { at: number; why: string }[] = [];
  const ctx: SeedContext = {
    county,
    gateway,
    password: opts.password,
    as: (username) => {
      let s = sessions.get(username);
      if (!s) {
        s = gateway.signIn(username, username === 'admin' ? opts.adminPassword : opts.password);
        sessions.set(username, s);
      }
      return s;
    },
    log,
    notBefore: (at, why) => void waits.push({ at, why }),
  };

  const outcome: Record<string, string> = {};
  const probeToken = async () => (await ctx.as('admin')).token();
  for (const plugin of demoPlugins()) {
    if (opts.only && !opts.only.includes(plugin.name)) continue;
    if (!(await gateway.answers(plugin.probe, await probeToken()))) {
      outcome[plugin.name] = 'skipped: the service does not answer';
      log(`${plugin.name}: skipped, the service does not answer (${plugin.probe})`);
      continue;
    }
    if (!opts.force && (await plugin.isSeeded(ctx))) {
      outcome[plugin.name] = 'skipped: already seeded';
      log(`${plugin.name}: already seeded`);
      continue;
    }
    const started = Date.now();
    log(`${plugin.name}: seeding`);
    await plugin.seed(ctx);
    outcome[plugin.name] = `seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`;
    log(`${plugin.name}: ${outcome[plugin.name]}`);
  }
  // The first screen is complete only once every service's view of the registry has caught up.
  if (!opts.only) {
    const office = await ctx.as('fupinban');
    for (const service of VIEW_SERVICES) {
      if (!(await gateway.answers(`/api/${service}/openapi.json`, await probeToken()))) continue;
      await waitForView(office, `/api/${service}/projection/status`, log);
      log(`${service}: its view of the registry is up to date`);
    }
  }
  await waitOut(waits, log);
  return outcome;
}

/** Waits until the latest time a plugin asked for has passed, saying what it waits for. */
async function waitOut(waits: { at: number; why: string }[], log: (m: string) => void) {
  for (const w of waits.filter((w) => w.at > Date.now())) log(`waiting: ${w.why}`);
  const last = Math.max(0, ...waits.map((w) => w.at));
  if (last > Date.now()) await new Promise((r) => setTimeout(r, last - Date.now()));
}

/** The demo logins, for the terminal (the README's one command prints them). */
export function loginTable(people = 25_000, seed = 2020, password = DEMO_PASSWORD): string {
  const county = new DemoCounty({ people, seed });
  const rows = [
    ['admin', '县级系统管理员：用户、角色、审计'],
    ...standardUsers(county).map((u) => [u.username, u.note]),
  ];
  const width = Math.max(...rows.map(([u]) => u!.length));
  return [
    `demo logins (password for all: ${password}) / 演示账号（密码均为 ${password}）:`,
    ...rows.map(([u, note]) => `  ${u!.padEnd(width)}  ${note}`),
  ].join('\n');
}

/** Writes the county's upload files into a directory (no platform needed). */
export async function writeDemoFiles(dir: string, people: number, seed: number): Promise<void> {
  const county = new DemoCounty({ people, seed });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'areas.csv'), areaTreeCsv(county));
  const streams = new Map(
    county.townships.map((t) => {
      const s = fs.createWriteStream(path.join(dir, `households-${t.code}.csv`));
      s.write(householdCsvHeader());
      return [t.code, s] as const;
    }),
  );
  // Streamed with back-pressure: a province-sized county never sits in memory.
  for (const h of county.households()) {
    const s = streams.get(h.townshipCode)!;
    if (!s.write(householdCsvRows(h))) await once(s, 'drain');
  }
  await Promise.all([...streams.values()].map((s) => new Promise((r) => s.end(r))));
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      gateway: { type: 'string', default: process.env.GATEWAY_URL ?? 'http://127.0.0.1:4100' },
      people: { type: 'string', default: '25000' },
      seed: { type: 'string', default: '2020' },
      password: { type: 'string', default: process.env.DEMO_PASSWORD ?? DEMO_PASSWORD },
      'admin-password': { type: 'string' },
      'admin-initial-password': { type: 'string' },
      only: { type: 'string' },
      force: { type: 'boolean', default: false },
      out: { type: 'string' },
      // `npm run demo` prints the logins itself after the console's address.
      'no-logins': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const people = Number(values.people);
  const seed = Number(values.seed);
  if (!Number.isInteger(people) || people < 30 || !Number.isInteger(seed)) {
    console.error(USAGE);
    return 2;
  }
  if (values.out) {
    await writeDemoFiles(values.out, people, seed);
    console.log(`wrote the demo county's files to ${values.out}`);
    return 0;
  }
  const outcome = await seedDemo({
    gatewayUrl: values.gateway,
    people,
    seed,
    password: values.password,
    adminPassword: values['admin-password'] ?? values.password,
    ...(values['admin-initial-password']
      ? { adminInitialPassword: values['admin-initial-password'] }
      : {}),
    ...(values.only ? { only: values.only.split(',') } : {}),
    force: values.force,
  });
  console.log(JSON.stringify(outcome, null, 2));
  if (!values['no-logins']) console.log(loginTable(people, seed, values.password));
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(
        `demo seed failed: ${err instanceof ApiError || err instanceof Error ? err.message : String(err)}`,
      );
      process.exit(1);
    },
  );
}
