import http, { type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { scopePrefix } from '@fupin/reference';

type Doc = { paths?: Record<string, Record<string, unknown>> };

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** One operation of the walk and what it answered. */
export interface CrossTownshipCall {
  operation: string;
  status: number;
}

export interface CrossTownshipOptions {
  app: RequestListener;
  /**
   * The service's OpenAPI document: every operation in it is tried. By default the one the app
   * serves at `/openapi.json` (what a new endpoint is documented in).
   */
  doc?: Doc;
  /** A user of township B with every right the service knows. */
  token: string;
  /**
   * Township A's area code (`431121101000`): records of A must never reach B, so no answer to
   * B may carry an area code under it.
   */
  townshipA: string;
  /**
   * Ids of township A's records for the path parameters: by `METHOD /path` or `/path` first,
   * then by the parameter's name (`id`).
   */
  ids: Record<string, string>;
  /** Bodies for writes whose body is checked before the record is looked up. */
  bodies?: Record<string, unknown>;
  /** Operations that hold no township's records (reference data, status), with the reason. */
  exempt?: Record<string, string>;
}

export interface CrossTownshipResult {
  /** Operations that let township B at township A's records, or that could not be tried. */
  problems: string[];
  /** Every call made, for the report. */
  calls: CrossTownshipCall[];
}

/** The kit's operations on every service that hold no township's records. */
const KIT_EXEMPT: Record<string, string> = {
  'GET /audit/verify': "the service's audit chain: the auditor's, no township's records",
  'GET /keys/reseal': "the reseal after a key rotation: counts per collection, the administrator's",
};

const isRefusal = (status: number) => status === 403 || status === 404;

/**
 * The cross-township walk, generated from a service's OpenAPI document: each operation on a
 * record (a path with parameters) is called by a user of township B with township A's record
 * ids and must be refused (403 or 404); each list or report (a GET without parameters) must
 * answer without any area code of township A. A new endpoint is covered by being documented;
 * an operation that cannot be tried (no id for its parameter, its body refused as invalid
 * before the record is looked up) is a problem until the test gives what it needs or exempts
 * it with a reason.
 */
export async function walkAsAnotherTownship(
  opts: CrossTownshipOptions,
): Promise<CrossTownshipResult> {
  const problems: string[] = [];
  const calls: CrossTownshipCall[] = [];
  const server = http.createServer(opts.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const prefixA = scopePrefix(opts.townshipA);
  try {
    const doc = opts.doc ?? ((await (await fetch(`${base}/openapi.json`)).json()) as Doc);
    for (const [path, ops] of Object.entries(doc.paths ?? {}).sort(([a], [b]) =>
      a.localeCompare(b),
    )) {
      for (const method of Object.keys(ops).filter((m) => METHODS.includes(m))) {
        const operation = `${method.toUpperCase()} ${path}`;
        if (opts.exempt?.[operation] ?? opts.exempt?.[path] ?? KIT_EXEMPT[operation]) continue;
        const params = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
        // A write without a record to aim at creates in the caller's own area: not this walk's.
        if (!params.length && method !== 'get') continue;
        let url = path;
        const missing: string[] = [];
        for (const name of params) {
          const id = opts.ids[operation] ?? opts.ids[path] ?? opts.ids[name];
          if (id === undefined) missing.push(name);
          else url = url.replace(`{${name}}`, encodeURIComponent(id));
        }
        if (missing.length) {
          problems.push(`${operation}: no record of township A for {${missing.join('}, {')}}`);
          continue;
        }
        const body = opts.bodies?.[operation] ?? (method === 'get' ? undefined : {});
        const res = await fetch(base + url, {
          method: method.toUpperCase(),
          headers: {
            authorization: `Bearer ${opts.token}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        const text = await res.text();
        calls.push({ operation, status: res.status });
        const leaks = text.includes(`"${prefixA}`);
        if (params.length) {
          if (isRefusal(res.status)) continue;
          problems.push(
            res.status === 400 || res.status === 422
              ? `${operation}: the body was refused (${res.status}) before the record was looked up; give it a body`
              : `${operation}: answered ${res.status} to township B for township A's record`,
          );
        } else if (res.status !== 200) {
          problems.push(`${operation}: answered ${res.status} ${text.slice(0, 120)}`);
        } else if (leaks) {
          problems.push(`${operation}: the answer carries an area of township A`);
        }
      }
    }
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  return { problems, calls };
}
