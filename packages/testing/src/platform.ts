import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import {
  type BaseConfig,
  createLogger,
  generatePersonalDataKey,
  listen,
  loadConfig,
  openRuntime,
  type ServiceRuntime,
} from '@fupin/kit';
import express, { type Express } from 'express';
import type { Connection } from 'mongoose';
import request from 'supertest';
import type { z } from 'zod';
import { getInfra } from './infra';
import { uniqueDbName, uniqueName } from './names';

export const COUNTY = '431121000000';
export const TOWNSHIP_A = '431121101000';
export const TOWNSHIP_B = '431121102000';
export const VILLAGE_A1 = '431121101201';
export const VILLAGE_B1 = '431121102201';

/** Captures every log line of the instances a test starts, for the personal-data scan. */
export class LogCapture {
  readonly lines: string[] = [];
  stream(): Writable {
    return new Writable({
      write: (chunk: Buffer, _enc, done) => {
        this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
  }
}

export interface RunningService {
  name: string;
  url: string;
  app: Express;
  /** The service's own database connection (for tests that check nothing was stored). */
  conn: Connection;
}

export interface SignedIn {
  userId: string;
  username: string;
  password: string;
  accessToken: string;
  refreshToken: string;
}

/**
 * A service of the platform, composed in the test's process by its own composition root
 * (the caller passes it: this package imports no service source).
 */
export interface PlatformService {
  name: string;
  /** Environment besides the platform's own (the registry's URL and the keys are added). */
  env?: Record<string, string>;
  /** It keeps personal data: the platform's one pair of personal-data keys is added. */
  personalData?: boolean;
  /** It reads the registry (`REGISTRY_URL` is added; the registry is started first). */
  readsRegistry?: boolean;
  start(
    env: Record<string, string>,
    destination: Writable,
  ): Promise<{ rt: ServiceRuntime; app: Express }>;
}

/**
 * A service from its configuration schema and its composition root, on a runtime opened
 * as main.ts opens it (its logger writing to the platform's capture).
 */
export function platformService<S extends z.ZodObject>(
  spec: Omit<PlatformService, 'start'> & {
    schema: S;
    compose: (rt: ServiceRuntime, config: z.infer<S>) => Promise<{ app: Express }>;
  },
): PlatformService {
  const { schema, compose, ...rest } = spec;
  return {
    ...rest,
    start: async (env, destination) => {
      const config = loadConfig(schema, env) as z.infer<S> & BaseConfig;
      const logger = createLogger({ name: spec.name, level: env.LOG_LEVEL, destination });
      const rt = await openRuntime(spec.name, config, logger);
      const composed = await compose(rt, config).catch(async (err: unknown) => {
        await rt.shutdown.run('start failed');
        throw err;
      });
      return { rt, app: composed.app };
    },
  };
}

/** The gateway once composed: its runtime and app, and the first administrator's creation. */
export interface OpenedGateway {
  rt: ServiceRuntime;
  gateway: { app: Express };
  /** The first county administrator, as the bootstrap command makes it. */
  bootstrapAdmin(input: {
    username: string;
    displayName: string;
    areaCode: string;
  }): Promise<{ initialPassword: string }>;
}

/** What a platform is made of: the services (the registry first) and the gateway in front. */
export interface PlatformParts<G extends OpenedGateway> {
  services: PlatformService[];
  /** Opens and composes the gateway on `env`; on failure it shuts down what it opened. */
  gateway(env: Record<string, string>, destination: Writable): Promise<G>;
}

const urlOf = (server: { address(): unknown }) =>
  `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

/**
 * The gateway and every service, on the real servers, each listening on its own port with
 * its own database, sharing one topic prefix (so the gateway consumes the services' audit
 * events and the services see the gateway's revocations). The services verify tokens
 * with the gateway's JWKS, as in production.
 */
export async function startPlatform<G extends OpenedGateway>(
  parts: PlatformParts<G>,
  opts: { gatewayEnv?: Record<string, string> } = {},
) {
  const infra = await getInfra();
  const prefix = uniqueName();
  const logs = new LogCapture();
  // The gateway's port is bound first and held: the services need its JWKS address before the
  // gateway exists. (A port picked and released here could be taken by any socket meanwhile —
  // seen as EADDRINUSE when the gateway then listened.) Requests before it is up get a 503.
  let gatewayApp: Express | null = null;
  const front = express();
  front.disable('x-powered-by');
  front.use((req, res, next) => {
    if (gatewayApp) gatewayApp(req, res, next);
    else res.status(503).end();
  });
  const gatewayServer = await listen(front, 0, '127.0.0.1');
  const gatewayUrl = urlOf(gatewayServer);
  const common = {
    MONGO_URL: infra.mongoUrl,
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: prefix,
    REDIS_URL: infra.redisUrl,
    OUTBOX_POLL_MS: '100',
    // Captured in memory (never printed), at debug so the personal-data scans see everything.
    LOG_LEVEL: 'debug',
  };
  const closers: (() => Promise<void>)[] = [];
  // One pair of personal-data keys for every service: the keyed hash of an ID number must be
  // the same everywhere (matching joins on it), as in production.
  const pii = {
    PII_ENCRYPTION_KEY: generatePersonalDataKey(),
    PII_HMAC_KEY: generatePersonalDataKey(),
  };

  // Services first (the gateway proxies to them); their JWKS fetch waits for first use.
  const services: RunningService[] = [];
  for (const spec of parts.services) {
    const registry = services.find((s) => s.name === 'registry');
    if (spec.readsRegistry && !registry) throw new Error(`${spec.name} needs the registry first`);
    const { rt, app } = await spec.start(
      {
        ...common,
        MONGO_DB: uniqueDbName(spec.name),
        AUTH_JWKS_URL: `${gatewayUrl}/.well-known/jwks.json`,
        ...(spec.readsRegistry ? { REGISTRY_URL: registry!.url } : {}),
        ...(spec.personalData ? pii : {}),
        ...spec.env,
      },
      logs.stream(),
    );
    const server = await listen(app, 0, '127.0.0.1');
    rt.shutdown.add('http', () => new Promise<void>((r) => server.close(() => r())));
    closers.push(async () => {
      await rt.conn.dropDatabase().catch(() => undefined);
      await rt.shutdown.run('test end');
    });
    services.push({ name: spec.name, url: urlOf(server), app, conn: rt.conn });
  }

  const opened = await parts
    .gateway(
      {
        ...common,
        NODE_ENV: 'test',
        MONGO_DB: uniqueDbName('gateway'),
        PORT: String((gatewayServer.address() as AddressInfo).port),
        GATEWAY_SERVICES: services.map((s) => `${s.name}=${s.url}`).join(','),
        LOGIN_RATE_PER_IP: '10000',
        LOGIN_RATE_PER_USER: '10000',
        ...opts.gatewayEnv,
      },
      logs.stream(),
    )
    .catch(async (err: unknown) => {
      for (const c of closers) await c();
      await new Promise<void>((r) => gatewayServer.close(() => r()));
      throw err;
    });
  const { rt } = opened;
  gatewayApp = opened.gateway.app;
  closers.unshift(async () => {
    await new Promise<void>((r) => gatewayServer.close(() => r()));
    await rt.conn.dropDatabase().catch(() => undefined);
    await rt.shutdown.run('test end');
  });

  const api = () => request(gatewayUrl);
  const users = await platformUsers(api, opened);

  return {
    ...opened,
    prefix,
    logs,
    gatewayRt: rt,
    gatewayUrl,
    services,
    api,
    ...users,
    service(name: string): RunningService {
      const s = services.find((x) => x.name === name);
      if (!s) throw new Error(`no service ${name}`);
      return s;
    },
    /** Log lines that carry a secret this fixture handled, or anything shaped like personal data. */
    leakedLines(extra: string[] = []): string[] {
      const needles = [...users.secrets, ...extra].filter((s) => s.length >= 6);
      return logs.lines.filter((line) => needles.some((n) => line.includes(n)));
    },
    async close() {
      for (const c of closers) await c();
    },
  };
}
export type Platform<G extends OpenedGateway = OpenedGateway> = Awaited<
  ReturnType<typeof startPlatform<G>>
>;

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/**
 * The platform's users: the first administrator (bootstrapped, password changed, signed in)
 * and the helpers that create, sign in and change passwords through the gateway's API. Every
 * secret handled is kept, for the scans of the log lines.
 */
async function platformUsers(api: () => ReturnType<typeof request>, opened: OpenedGateway) {
  /** Secrets the fixture handled; none may appear in any captured log line. */
  const secrets = new Set<string>();

  async function changePassword(username: string, current: string, next: string) {
    const res = await api()
      .post('/auth/password')
      .send({ username, currentPassword: current, newPassword: next });
    if (res.status !== 204) throw new Error(`password change: ${res.status} ${res.text}`);
  }

  async function login(username: string, password: string): Promise<SignedIn> {
    const res = await api().post('/auth/login').send({ username, password });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${res.text}`);
    const body = res.body as { accessToken: string; refreshToken: string };
    secrets.add(body.accessToken);
    secrets.add(body.refreshToken);
    const me = await api().get('/auth/me').set('authorization', `Bearer ${body.accessToken}`);
    return {
      userId: (me.body as { userId: string }).userId,
      username,
      password,
      accessToken: body.accessToken,
      refreshToken: body.refreshToken,
    };
  }

  let counter = 0;
  const newPassword = () => `Pw-${Math.random().toString(36).slice(2, 10)}-X9!`;

  // The first administrator, as the bootstrap command makes it, then signed in.
  const boot = await opened.bootstrapAdmin({
    username: 'admin',
    displayName: '系统管理员',
    areaCode: COUNTY,
  });
  secrets.add(boot.initialPassword);
  const adminPassword = newPassword();
  secrets.add(adminPassword);
  await changePassword('admin', boot.initialPassword, adminPassword);
  const admin = await login('admin', adminPassword);

  /** Creates a user through the admin API, changes the initial password and signs in. */
  async function signedInUser(input: {
    roles: string[];
    areaCode: string;
    department?: string;
    rights?: Record<string, string[]>;
    username?: string;
  }): Promise<SignedIn> {
    counter += 1;
    const username = input.username ?? `u${counter}-${input.roles[0]!.replace(/_/g, '')}`;
    const res = await api()
      .post('/users')
      .set('authorization', `Bearer ${admin.accessToken}`)
      .send({
        username,
        displayName: username,
        roles: input.roles,
        areaCode: input.areaCode,
        ...(input.department ? { department: input.department } : {}),
        ...(input.rights ? { rights: input.rights } : {}),
      });
    if (res.status !== 201) throw new Error(`create user: ${res.status} ${res.text}`);
    const initial = (res.body as { initialPassword: string }).initialPassword;
    secrets.add(initial);
    const password = newPassword();
    secrets.add(password);
    await changePassword(username, initial, password);
    return login(username, password);
  }

  return { secrets, admin, login, changePassword, signedInUser, newPassword };
}
