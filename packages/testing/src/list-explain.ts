import { AsyncLocalStorage } from 'node:async_hooks';
import http, { type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Connection, mongo } from 'mongoose';

/** One way of calling a list endpoint: who calls it and with which query. */
export interface ListCall {
  /** What the walk calls this call in its report: `township`, `filter status`. */
  name: string;
  token: string;
  /** Query parameters as sent (`filter` given as an object is sent as JSON). */
  query?: Record<string, unknown>;
}

/** A list endpoint of the OpenAPI document and the calls that walk it. */
export interface ListWalk {
  /** The documented path, `/rankings/{id}/results`. */
  path: string;
  /** The path with its parameters filled in, when it has any. */
  url?: string;
  calls: ListCall[];
  /**
   * Why SecantusDB's planner cannot serve this list with an index although MongoDB 7 does
   * (two ranges in one filter; a filter field outside every index alongside the scope). On
   * SecantusDB its plan problems are returned as `tolerated`, not `problems`; on any other
   * server they are problems like any other.
   */
  secantusLimit?: string;
  /**
   * Why the list reads none of this service's collections (the gateway assembling a list from
   * the services' own lists, each walked in that service's test): its calls must answer 200,
   * and a read it did send is explained like any other.
   */
  readsNoCollection?: string;
}

/** A read the endpoint sent, as the driver received it (from mongoose or a direct driver call). */
export interface RecordedQuery {
  collection: string;
  method: 'find' | 'aggregate' | 'countDocuments' | 'distinct';
  /** The cursor of a find or an aggregation: explained with its final sort, skip and limit. */
  cursor?: mongo.FindCursor | mongo.AggregationCursor;
  args: unknown[];
}

type Doc = { paths?: Record<string, Record<string, { parameters?: unknown[] } | undefined>> };

/** The GET operations of a document that page through `range` (react-admin lists). */
export function listPathsOf(doc: Doc): string[] {
  return Object.entries(doc.paths ?? {})
    .filter(([, ops]) =>
      JSON.stringify(ops?.get?.parameters ?? []).match(/"(\$ref":"[^"]*\/)?range"/),
    )
    .map(([path]) => path)
    .sort();
}

type Plan = Record<string, unknown>;

function stagesOf(plan: unknown): Plan[] {
  if (!plan || typeof plan !== 'object') return [];
  const p = plan as Plan;
  const children = [p.inputStage, ...((p.inputStages as unknown[]) ?? [])];
  return [p, ...children.flatMap(stagesOf)];
}

/** The winning plans in an explain answer: a find's, or each of an aggregation's cursors. */
function winningPlans(explained: Plan): Plan[] {
  const plans: Plan[] = [];
  const qp = explained.queryPlanner as Plan | undefined;
  if (qp?.winningPlan) plans.push(qp.winningPlan as Plan);
  // An aggregation's plan is either at the top (pushed down whole) or in its $cursor stage.
  else
    for (const stage of (explained.stages as Plan[] | undefined) ?? []) {
      const cursor = stage.$cursor as Plan | undefined;
      const inner = cursor?.queryPlanner as Plan | undefined;
      if (inner?.winningPlan) plans.push(inner.winningPlan as Plan);
    }
  // MongoDB 7's slot-based engine nests the plan one level further.
  return plans.map((p) => (p.queryPlan as Plan | undefined) ?? p);
}

/** The explain answer of a recorded read, the page it asked for, and what it was (for the report). */
async function explainRead(
  db: NonNullable<Connection['db']>,
  q: RecordedQuery,
): Promise<{ answer: Plan; page?: number; shown: unknown }> {
  if (q.cursor instanceof mongo.FindCursor) {
    // The cursor's own explain: its filter, sort, skip and limit as finally sent.
    const c = q.cursor as unknown as { cursorFilter: unknown; findOptions: Plan };
    const { sort, skip, limit, projection } = c.findOptions;
    const page =
      typeof limit === 'number' && limit !== 0
        ? Math.abs(limit) + ((skip as number | undefined) ?? 0)
        : undefined;
    const answer = (await q.cursor.explain('queryPlanner')) as Plan;
    const shown = { filter: c.cursorFilter, sort, skip, limit, projection };
    return page === undefined ? { answer, shown } : { answer, page, shown };
  }
  if (q.cursor instanceof mongo.AggregationCursor) {
    const pipeline = (q.cursor as unknown as { pipeline: unknown[] }).pipeline;
    return { answer: (await q.cursor.explain('queryPlanner')) as Plan, shown: { pipeline } };
  }
  const [a, b] = q.args as [Plan | undefined, Plan | undefined];
  const command: Plan =
    q.method === 'countDocuments'
      ? // What the driver sends for countDocuments.
        {
          aggregate: q.collection,
          pipeline: [{ $match: a ?? {} }, { $group: { _id: 1, n: { $sum: 1 } } }],
          cursor: {},
        }
      : { distinct: q.collection, key: a, query: b ?? {} };
  const answer = (await db.command({ explain: command, verbosity: 'queryPlanner' })) as Plan;
  return { answer, shown: q.method === 'countDocuments' ? { filter: a ?? {} } : command };
}

type Reader = (this: mongo.Collection, ...args: unknown[]) => unknown;

/**
 * Records every read the driver is asked for while `store` says which call it belongs to: the
 * driver's Collection methods are wrapped for the walk and restored after it.
 */
function recordReads(store: () => RecordedQuery[] | undefined): () => void {
  const proto = mongo.Collection.prototype as unknown as Record<RecordedQuery['method'], Reader>;
  const methods: RecordedQuery['method'][] = ['find', 'aggregate', 'countDocuments', 'distinct'];
  const originals = methods.map((m) => [m, proto[m]] as const);
  for (const [method, original] of originals) {
    proto[method] = function (this: mongo.Collection, ...args: unknown[]) {
      const result = original.apply(this, args);
      const into = store();
      if (into) {
        const cursor =
          result instanceof mongo.FindCursor || result instanceof mongo.AggregationCursor
            ? result
            : undefined;
        into.push({ collection: this.collectionName, method, args, ...(cursor ? { cursor } : {}) });
      }
      return result;
    };
  }
  return () => {
    for (const [method, original] of originals) proto[method] = original;
  };
}

/**
 * Why a plan is not index-backed, or nothing: a collection scan, or an in-memory sort of more
 * than the page asked for (a top-k SORT over an index scan is allowed, as MongoDB 7 and
 * SecantusDB both show it for a range-scoped page).
 */
export function planProblems(explained: Plan, page: number | undefined): string[] {
  const problems: string[] = [];
  const plans = winningPlans(explained);
  if (!plans.length) problems.push('no winning plan in the explain answer');
  for (const stage of plans.flatMap(stagesOf)) {
    if (stage.stage === 'COLLSCAN') problems.push('COLLSCAN');
    if (stage.stage === 'SORT') {
      const limit = stage.limitAmount as number | undefined;
      if (limit === undefined || page === undefined || limit > page)
        problems.push(`SORT in memory of ${limit ?? 'every'} documents (page ${page ?? 'none'})`);
    }
  }
  for (const stage of (explained.stages as Plan[] | undefined) ?? []) {
    const sort = stage.$sort as Plan | undefined;
    if (sort && (sort.limit === undefined || (page !== undefined && (sort.limit as number) > page)))
      problems.push(`$sort stage of ${String(sort.limit ?? 'every document')}`);
  }
  return problems;
}

/**
 * Calls each list endpoint of a service as its walk says, records the reads the service sends
 * while answering (at the driver, so mongoose's reads and direct driver reads alike; attributed
 * to the request through async context, so background work — relays, consumers — is left
 * out), and explains each read on the server. Returns one line per read that is not index-backed, per call that failed or sent
 * no read, and per documented list without a walk: an empty array means every list passed.
 */
export async function explainListEndpoints(opts: {
  app: RequestListener;
  conn: Connection;
  doc: Doc;
  walks: ListWalk[];
}): Promise<{ problems: string[]; tolerated: string[]; explained: number }> {
  const problems: string[] = [];
  const tolerated: string[] = [];
  const build = (await opts.conn.db!.admin().command({ buildInfo: 1 })) as Plan;
  const secantus = typeof build.secantusVersion === 'string';
  const walked = new Set(opts.walks.map((w) => w.path));
  for (const path of listPathsOf(opts.doc))
    if (!walked.has(path))
      problems.push(`${path}: a list endpoint in the OpenAPI document is not walked`);

  const context = new AsyncLocalStorage<RecordedQuery[]>();
  const restore = recordReads(() => context.getStore());
  // Calls are made one at a time, so the last request's reads are the call's.
  let sent: RecordedQuery[] = [];
  const server = http.createServer((req, res) => {
    const into: RecordedQuery[] = [];
    sent = into;
    context.run(into, () => opts.app(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let explained = 0;
  try {
    for (const walk of opts.walks) {
      for (const call of walk.calls) {
        const label = `GET ${walk.path} (${call.name})`;
        const url = new URL(base + (walk.url ?? walk.path));
        for (const [k, v] of Object.entries({ range: [0, 24], ...call.query }))
          url.searchParams.set(k, typeof v === 'string' ? v : JSON.stringify(v));
        const res = await fetch(url, { headers: { authorization: `Bearer ${call.token}` } });
        const body = await res.text();
        if (res.status !== 200) {
          problems.push(`${label}: answered ${res.status} ${body.slice(0, 200)}`);
          continue;
        }
        if (!sent.length && !walk.readsNoCollection)
          problems.push(`${label}: sent no read to explain`);
        for (const q of sent) {
          const { answer, page, shown } = await explainRead(opts.conn.db!, q);
          explained++;
          const found = planProblems(answer, page);
          if (found.length)
            (secantus && walk.secantusLimit ? tolerated : problems).push(
              `${label}: ${q.collection}.${q.method} ${JSON.stringify(shown)} → ${found.join(', ')}`,
            );
        }
      }
    }
  } finally {
    restore();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  return { problems, tolerated, explained };
}

/**
 * The calls of a walk: the default page for a county user and for a township user, then each
 * common filter alone (as the county user, so the scope is the widest).
 */
export function listCalls(
  tokens: { county: string; township: string },
  filters: Record<string, unknown>[] = [],
  query: Record<string, unknown> = {},
): ListCall[] {
  return [
    { name: 'county', token: tokens.county, query },
    { name: 'township', token: tokens.township, query },
    ...filters.map((filter) => ({
      name: `filter ${Object.keys(filter).join(',')}`,
      token: tokens.county,
      query: { ...query, filter },
    })),
  ];
}
