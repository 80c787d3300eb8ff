import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { goTool, repoRoot } from './support/go-tool';

const root = repoRoot;

interface Project {
  services: Record<
    string,
    {
      image?: string;
      command?: string[] | null;
      environment?: Record<string, string | null>;
      depends_on?: Record<string, { condition: string }>;
      healthcheck?: { test?: string[] };
      build?: { context: string; dockerfile: string; args?: Record<string, string> };
      profiles?: string[];
      ports?: { target: number; published: string; host_ip?: string }[];
      volumes?: { type: string; source: string; target: string }[];
    }
  >;
  volumes?: Record<string, unknown>;
}

/** The compose-go checker (deploy/tools/compose-check), built once from its source. */
const checker = () => goTool('compose-check');

function load(
  file: string,
  env: Record<string, string>,
): { ok: true; project: Project } | { ok: false; error: string } {
  try {
    const out = execFileSync(checker(), [file], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { ok: true, project: JSON.parse(out) as Project };
  } catch (err) {
    return { ok: false, error: String((err as { stderr?: string }).stderr ?? err) };
  }
}

const composeFile = path.join(root, 'docker-compose.yml');
const env = {
  AUTH_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\nMFk=\n-----END PUBLIC KEY-----',
  AUTH_SIGNING_KEY: '-----BEGIN PRIVATE KEY-----\nMIG=\n-----END PRIVATE KEY-----',
  PII_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
  PII_HMAC_KEY: Buffer.alloc(32, 2).toString('base64'),
};

test('docker-compose.yml loads as Docker Compose would load it', () => {
  const result = load(composeFile, env);
  if (!result.ok) throw new Error(result.error);
  expect(Object.keys(result.project.services).sort()).toEqual(
    expect.arrayContaining(['kafka', 'mongo', 'redis', 'registry']),
  );
});

test('the stack is the production-like one: Mongo replica set, Kafka in KRaft mode, health-gated services', () => {
  const result = load(composeFile, env);
  if (!result.ok) throw new Error(result.error);
  const s = result.project.services;
  expect(s.mongo?.image).toMatch(/^mongo:7/);
  expect(s.mongo?.command).toEqual(expect.arrayContaining(['--replSet', 'rs0']));
  expect(s.kafka?.environment?.KAFKA_PROCESS_ROLES).toBe('broker,controller');
  expect(s.redis?.image).toMatch(/^redis:7/);
  // Every service with a composition root is in the stack, built from the Dockerfile.
  const services = fs
    .readdirSync(path.join(root, 'services'))
    .filter((d) => fs.existsSync(path.join(root, 'services', d, 'src/main.ts')));
  for (const name of services) {
    const svc = s[name];
    expect(svc).toBeDefined();
    expect(svc?.build?.args?.SERVICE).toBe(name);
    expect(svc?.depends_on?.mongo?.condition).toBe('service_healthy');
    expect(svc?.depends_on?.kafka?.condition).toBe('service_healthy');
    expect(svc?.healthcheck?.test?.join(' ')).toMatch(/readyz/);
    expect(svc?.environment?.MONGO_URL).toMatch(/replicaSet=rs0/);
    expect(svc?.environment?.MONGO_DB).toBe(name);
  }
});

test('the checker refuses a broken file and a missing secret', () => {
  const missingSecret = load(composeFile, {});
  expect(missingSecret.ok).toBe(false);
  expect(missingSecret.ok ? '' : missingSecret.error).toMatch(/AUTH_PUBLIC_KEY/);

  const broken = path.join(fs.mkdtempSync('/tmp/compose-'), 'docker-compose.yml');
  fs.writeFileSync(
    broken,
    'services:\n  web:\n    image: nginx\n    ports: "80:80"\n    restart: sometimes\n',
  );
  const invalid = load(broken, {});
  expect(invalid.ok).toBe(false);
});

/** Services with a composition root (the others are still being written). */
const runnable = () =>
  fs
    .readdirSync(path.join(root, 'services'))
    .filter((d) => fs.existsSync(path.join(root, 'services', d, 'src/main.ts')));
const portOf = (name: string) =>
  (
    JSON.parse(fs.readFileSync(path.join(root, 'services', name, 'package.json'), 'utf8')) as {
      fupin: { port: number };
    }
  ).fupin.port;

test('the gateway proxies every service by its compose address, and the console sits behind the gateway', () => {
  const result = load(composeFile, env);
  if (!result.ok) throw new Error(result.error);
  const s = result.project.services;
  const routes = Object.fromEntries(
    (s.gateway?.environment?.GATEWAY_SERVICES ?? '').split(',').map((p) => p.split('=')),
  );
  for (const name of runnable().filter((n) => n !== 'gateway'))
    expect([name, routes[name]]).toEqual([name, `http://${name}:${portOf(name)}`]);

  const console = s.console;
  expect(console?.build?.args?.SERVICE).toBe('console');
  expect(console?.environment?.GATEWAY_URL).toBe('http://gateway:4100');
  expect(console?.depends_on?.gateway?.condition).toBe('service_healthy');
  expect(console?.healthcheck?.test?.join(' ')).toMatch(/8080/);
  expect(console?.ports?.[0]?.host_ip).toBe('127.0.0.1');
});

test('state lives in named volumes, and the observability tools start only with their profile', () => {
  const result = load(composeFile, env);
  if (!result.ok) throw new Error(result.error);
  const s = result.project.services;
  for (const [server, target] of [
    ['mongo', '/data/db'],
    ['kafka', '/var/lib/kafka/data'],
    ['redis', '/data'],
  ] as const) {
    const volume = s[server]?.volumes?.find((v) => v.target === target);
    expect([server, volume?.type]).toEqual([server, 'volume']);
    expect(Object.keys(result.project.volumes ?? {})).toContain(volume?.source);
  }
  // compose-go leaves services of inactive profiles out of the project.
  for (const tool of ['prometheus', 'grafana', 'jaeger']) expect(s[tool]).toBeUndefined();
  const withProfile = load(composeFile, { ...env, COMPOSE_PROFILES: 'observability' });
  if (!withProfile.ok) throw new Error(withProfile.error);
  for (const tool of ['prometheus', 'grafana', 'jaeger'])
    expect(withProfile.project.services[tool]?.profiles).toEqual(['observability']);
});

test('.env.example names every variable the compose file requires', () => {
  const compose = fs.readFileSync(composeFile, 'utf8');
  const required = [...compose.matchAll(/\$\{([A-Z0-9_]+):\?/g)].map((m) => m[1]);
  const example = fs.readFileSync(path.join(root, '.env.example'), 'utf8');
  const named = new Set([...example.matchAll(/^([A-Z0-9_]+)=/gm)].map((m) => m[1]));
  expect(required.length).toBeGreaterThan(0);
  for (const v of required) expect([v, named.has(v)]).toEqual([v, true]);
});

test('one Dockerfile builds every image from SERVICE, running as the unprivileged node user', () => {
  const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');
  expect(dockerfile).toMatch(/^ARG SERVICE$/m);
  expect(dockerfile).toMatch(/^USER node$/m);
  expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(3);
  expect(dockerfile).toMatch(/scripts\/build\.mjs/);
  // The build script bundles exactly what the Dockerfile copies.
  const built = execFileSync(
    process.execPath,
    ['scripts/build.mjs', 'registry', 'console', 'backup'],
    { cwd: root, encoding: 'utf8' },
  );
  try {
    expect(built).toMatch(/built services\/registry\/dist\/main\.js/);
    expect(fs.existsSync(path.join(root, 'services/registry/dist/openapi'))).toBe(true);
    expect(fs.existsSync(path.join(root, 'console/server/dist/main.js'))).toBe(true);
    // The backup image's command (the CronJob's) runs, and says how it is used.
    expect(built).toMatch(/built packages\/backup\/dist\/main\.js/);
    const usage = spawnSync(process.execPath, ['packages/backup/dist/main.js'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(usage.status).toBe(1);
    expect(usage.stderr).toContain('usage: backup --out <dir> | restore --from <dir>');
  } finally {
    fs.rmSync(path.join(root, 'services/registry/dist'), { recursive: true, force: true });
    fs.rmSync(path.join(root, 'console/server/dist'), { recursive: true, force: true });
    fs.rmSync(path.join(root, 'packages/backup/dist'), { recursive: true, force: true });
  }
}, 60_000);
