import { AsyncLocalStorage } from 'node:async_hooks';
import http, { type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Connection } from 'mongoose';

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
}

/** A query the endpoint sent, as mongoose handed it to the driver. */
export interface RecordedQuery {
  collection: string;
  method: string;
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

/** Methods that read; writes and the driver's own commands are not a list's reading. */
const READS = new Set(['find', 'findOne', 'countDocuments', 'aggregate', 'distinct']);

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

/** What a recorded read asks the server, as a command explain accepts. */
function explainable(q: RecordedQuery): { command: Plan; page?: number } | undefined {
  const [a, b] = q.args as [Plan | undefined, Plan | undefined];
  switch (q.method) {
    case 'find':
    case 'findOne': {
      const opts = b ?? {};
      const limit = q.method === 'findOne' ? 1 : (opts.limit as number | undefined);
      const command: Plan = { find: q.collection, filter: a ?? {} };
      for (const key of ['sort', 'skip', 'projection', 'hint'])
        if (opts[key] !== undefined) command[key] = opts[key];
      if (limit !== undefined) command.limit = limit;
      const page = limit === undefined ? undefined : limit + ((opts.skip as number) ?? 0);
      return page === undefined ? { command } : { command, page };
    }
    case 'countDocuments':
      // What the driver sends for countDocuments.
      return {
        command: {
          aggregate: q.collection,
          pipeline: [{ $match: a ?? {} }, { $group: { _id: 1, n: { $sum: 1 } } }],
          cursor: {},
        },
      };
    case 'aggregate':
      return { command: { aggregate: q.collection, pipeline: a ?? [], cursor: {} } };
    case 'distinct':
      return { command: { distinct: q.collection, key: a, query: b ?? {} } };
    default:
      return undefined;
  }
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
 * while answering (mongoose's `operation-start`, attributed to the request through async
 * context so background work — relays, consumers — is left out), and explains each read on
 * the server. Returns one line per read that is not index-backed, per call that failed or sent
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
  const onOperation = (op: { collectionName: string; method: string; params: unknown[] }) => {
    const into = context.getStore();
    if (into && READS.has(op.method))
      into.push({ collection: op.collectionName, method: op.method, args: op.params });
  };
  opts.conn.on('operation-start', onOperation);
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
        if (!sent.length) problems.push(`${label}: sent no read to explain`);
        for (const q of sent) {
          const what = explainable(q);
          if (!what) continue;
          const answer = (await opts.conn.db!.command({
            explain: what.command,
            verbosity: 'queryPlanner',
          })) as Plan;
          explained++;
          const found = planProblems(answer, what.page);
          if (found.length)
            (secantus && walk.secantusLimit ? tolerated : problems).push(
              `${label}: ${q.collection}.${q.method} ${JSON.stringify(what.command)} → ${found.join(', ')}`,
            );
        }
      }
    }
  } finally {
    opts.conn.off('operation-start', onOperation);
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
