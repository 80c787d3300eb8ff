import type { Connection } from 'mongoose';
import { COUNTY } from '@fupin/testing';
import { MODULES } from '../../../services/gateway/src/users/roles';
import { type CountyPlatform, startCounty } from '../../../services/gateway/test/support/county';

// A text/plain body sent to a JSON endpoint was answered 400 VALIDATION_FAILED. Through the
// gateway, every operation of every service (and the gateway's own) whose body is JSON only
// answers 415 naming the type it takes, before anything is read or written.

interface Doc {
  paths: Record<string, Record<string, { requestBody?: { $ref?: string; content?: object } }>>;
  components?: { requestBodies?: Record<string, { content?: object }> };
}

let t: CountyPlatform;
let token: string;
const targets: { name: string; base: string; doc: Doc }[] = [];

beforeAll(async () => {
  t = await startCounty();
  const rights = Object.fromEntries(MODULES.map((m) => [m, ['read', 'write', 'approve']]));
  token = (await t.signedInUser({ roles: ['county_admin'], areaCode: COUNTY, rights })).accessToken;
  const read = async (url: string) => (await (await fetch(`${url}/openapi.json`)).json()) as Doc;
  targets.push({ name: 'gateway', base: t.gatewayUrl, doc: await read(t.gatewayUrl) });
  for (const s of t.services)
    targets.push({ name: s.name, base: `${t.gatewayUrl}/api/${s.name}`, doc: await read(s.url) });
}, 120_000);
afterAll(async () => {
  await t?.close();
});

/** `METHOD /path` of each operation whose request body is JSON and nothing else. */
function jsonOperations(doc: Doc): { method: string; path: string }[] {
  const out: { method: string; path: string }[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of ['post', 'put', 'patch']) {
      let body = item[method]?.requestBody;
      if (body?.$ref) body = doc.components?.requestBodies?.[body.$ref.split('/').pop()!];
      const types = Object.keys(body?.content ?? {});
      if (types.length && types.every((m) => /^application\/([a-z0-9.+-]*\+)?json$/.test(m)))
        out.push({ method: method.toUpperCase(), path: path.replace(/\{[^}]+\}/g, 'X1') });
    }
  }
  return out;
}

async function counts(conn: Connection): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const c of await conn.db!.listCollections().toArray()) {
    if (/^(audit|security_audit|processed_events|system\.)/.test(c.name)) continue;
    out[c.name] = await conn.db!.collection(c.name).countDocuments();
  }
  return out;
}

const everything = async () => ({
  gateway: await counts(t.gatewayRt.conn),
  ...Object.fromEntries(
    await Promise.all(t.services.map(async (s) => [s.name, await counts(s.conn)])),
  ),
});

test('every JSON-only operation answers a text/plain body with 415 naming application/json', async () => {
  const before = await everything();
  const wrong: string[] = [];
  let asked = 0;
  for (const target of targets) {
    for (const op of jsonOperations(target.doc)) {
      asked++;
      const res = await fetch(`${target.base}${op.path}`, {
        method: op.method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' },
        body: '{"name":"x"}',
      });
      const body = (await res.json()) as { code?: string; message?: Record<string, string> };
      const named =
        body.message?.en?.includes('application/json') &&
        body.message?.['zh-CN']?.includes('application/json');
      if (res.status !== 415 || body.code !== 'UNSUPPORTED_MEDIA_TYPE' || !named)
        wrong.push(`${target.name} ${op.method} ${op.path}: ${res.status} ${body.code}`);
      else expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
  }
  expect(targets.map((x) => x.name)).toEqual(['gateway', ...t.services.map((s) => s.name)]);
  expect(asked).toBeGreaterThan(40);
  expect(wrong).toEqual([]);
  expect(await everything()).toEqual(before);
}, 600_000);

test('a request without a body is not refused for its content type', async () => {
  const res = await fetch(`${t.gatewayUrl}/api/registry/areas`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' },
  });
  expect(res.status).not.toBe(415);
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(((await res.json()) as { code: string }).code).not.toBe('UNSUPPORTED_MEDIA_TYPE');
});
