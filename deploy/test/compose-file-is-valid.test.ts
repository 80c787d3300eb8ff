import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const toolDir = path.join(root, 'deploy/tools/compose-check');
const binary = path.join(root, 'deploy/local/.cache/bin/compose-check');

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
    }
  >;
  volumes?: Record<string, unknown>;
}

/** Builds the compose-go checker once (Go module proxy), rebuilt when its source changes. */
function checker(): string {
  const src = ['main.go', 'go.mod', 'go.sum'].map((f) => path.join(toolDir, f));
  const fresh =
    fs.existsSync(binary) &&
    src.every((f) => fs.statSync(f).mtimeMs <= fs.statSync(binary).mtimeMs);
  if (!fresh) {
    fs.mkdirSync(path.dirname(binary), { recursive: true });
    execFileSync('go', ['build', '-o', binary, '.'], { cwd: toolDir, stdio: 'inherit' });
  }
  return binary;
}

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
