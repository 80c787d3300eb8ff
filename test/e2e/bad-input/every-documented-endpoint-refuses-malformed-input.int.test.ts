import JSZip from 'jszip';
import type { Connection } from 'mongoose';
import { MODULES } from '../../../services/gateway/src/users/roles';
import { COUNTY } from '@fupin/testing';
import { type CountyPlatform, startCounty } from '../../../services/gateway/test/support/county';
import { type BadRequest, casesFor, type OpenApiDoc, operationsOf } from './cases';

/**
 * For every operation of every service's served OpenAPI document (the gateway's too),
 * generated malformed requests — wrong types, missing fields, huge strings, deep JSON, invalid
 * ID numbers, operator injection, path traversal, oversized and wrong-type uploads — sent
 * through the gateway as a user with every right: each answer is a 4xx problem+json, never a
 * 5xx, and no database gains or loses a document.
 */

let t: CountyPlatform;
let token: string;
const ALL_RIGHTS = ['read', 'write', 'approve', 'unmask', 'export'];
/** Collections a refused request may legitimately write: the audit trail and consumer bookkeeping. */
const BOOKKEEPING =
  /^(audit|audit_log|security_audit|processed_events|login_failures|refresh_tokens)/;

interface Target {
  name: string;
  /** Where requests go: the gateway itself, or the gateway's proxy prefix for a service. */
  base: string;
  doc: OpenApiDoc;
}
const targets: Target[] = [];
let zipBomb: Buffer;

/** A small .xlsx whose worksheet unpacks to 150 MB. */
async function makeZipBomb(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types/>');
  zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(150 * 1024 * 1024, 0x20));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

beforeAll(async () => {
  zipBomb = await makeZipBomb();
  t = await startCounty();
  const rights = Object.fromEntries(MODULES.map((m) => [m, ALL_RIGHTS]));
  const su = await t.signedInUser({ roles: ['county_admin'], areaCode: COUNTY, rights });
  token = su.accessToken;
  const gatewayDoc = (await (await fetch(`${t.gatewayUrl}/openapi.json`)).json()) as OpenApiDoc;
  targets.push({ name: 'gateway', base: t.gatewayUrl, doc: gatewayDoc });
  for (const s of t.services) {
    const doc = (await (await fetch(`${s.url}/openapi.json`)).json()) as OpenApiDoc;
    targets.push({ name: s.name, base: `${t.gatewayUrl}/api/${s.name}`, doc });
  }
}, 120_000);
afterAll(async () => {
  await t?.close();
});

async function contents(conn: Connection): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const db = conn.db!;
  for (const c of await db.listCollections().toArray()) {
    if (BOOKKEEPING.test(c.name) || c.name.startsWith('system.')) continue;
    out[c.name] = await db.collection(c.name).countDocuments();
  }
  return out;
}

async function everything(): Promise<Record<string, Record<string, number>>> {
  const out: Record<string, Record<string, number>> = {
    gateway: await contents(t.gatewayRt.conn),
  };
  for (const s of t.services) out[s.name] = await contents(s.conn);
  return out;
}

async function send(target: Target, c: BadRequest): Promise<string | null> {
  const url = new URL(`${target.base}${c.path}`);
  for (const [k, v] of Object.entries(c.query ?? {})) url.searchParams.set(k, v);
  const headers: Record<string, string> = {
    authorization: c.authorization ?? `Bearer ${token}`,
  };
  if (c.contentType) headers['content-type'] = c.contentType;
  let res: Response;
  // A 503 says "try again" (a dependency briefly away on a loaded machine: the sign-in status
  // not checkable in time); it is asked again once, a second later, before it counts.
  for (let attempt = 1; ; attempt++) {
    try {
      res = await fetch(url, {
        method: c.method.toUpperCase(),
        headers,
        ...(c.body !== undefined ? { body: c.body } : {}),
      });
    } catch (err) {
      return `no answer (${err instanceof Error ? err.message : String(err)})`;
    }
    if (res.status !== 503 || attempt === 2) break;
    await res.arrayBuffer();
    await new Promise((r) => setTimeout(r, 1000));
  }
  const type = res.headers.get('content-type') ?? '';
  const text = await res.text();
  if (res.status >= 500) return `${res.status}: ${text.slice(0, 300)}`;
  if (res.status < 400) return `accepted with ${res.status}: ${text.slice(0, 200)}`;
  if (!type.startsWith('application/problem+json'))
    return `${res.status} with ${type || 'no content type'}, not problem+json`;
  const problem = JSON.parse(text) as { code?: string; title?: string };
  if (!problem.code) return `${res.status} problem without a stable code`;
  return null;
}

test('every documented endpoint answers generated bad input with a 4xx problem and stores nothing', async () => {
  const before = await everything();
  const failures: string[] = [];
  const covered = new Set<string>();
  const documented: string[] = [];
  for (const target of targets) {
    documented.push(...operationsOf(target.doc).map((o) => `${target.name} ${o}`));
    const cases = casesFor(target.doc, { seed: 20261123, zipBomb });
    for (const c of cases) {
      const failure = await send(target, c);
      covered.add(`${target.name} ${c.operation}`);
      if (failure) failures.push(`${target.name} ${c.operation} — ${c.what}: ${failure}`);
    }
  }
  // Coverage: an endpoint without generated cases fails the suite.
  expect(documented.filter((o) => !covered.has(o))).toEqual([]);
  expect(documented.length).toBeGreaterThan(40);
  expect(failures).toEqual([]);
  expect(await everything()).toEqual(before);
  // Every service's every documented operation: more than ten minutes on a loaded 2-core machine.
}, 1_200_000);
