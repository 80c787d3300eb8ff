import mongoose, {
  type Connection,
  type Model,
  type MongooseQueryMiddleware,
  type Query,
  type Schema,
} from 'mongoose';
import type { Logger } from 'pino';
import type { ReadinessCheck } from './http/health';
import { allOf, type Filter } from './query-filter';

export interface MongoOptions {
  url: string;
  dbName: string;
  logger: Logger;
  /** Attempts before giving up at start (a pod restarts; a test fails with the reason). */
  attempts?: number;
  serverSelectionTimeoutMS?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Opens the service's own database. Retries with backoff at start; afterwards the driver
 * reconnects by itself, and operations fail fast (no buffering) so the API answers 503
 * instead of hanging while the database is away.
 */
export async function connectMongo(opts: MongoOptions): Promise<Connection> {
  const attempts = opts.attempts ?? 10;
  let lastErr: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const conn = mongoose.createConnection(opts.url, {
      dbName: opts.dbName,
      serverSelectionTimeoutMS: opts.serverSelectionTimeoutMS ?? 5000,
      bufferCommands: false,
      // Collections and indexes are made once, in order, by ensureIndexes: concurrent implicit
      // creation races on some MongoDB-protocol servers ("namespace already exists").
      autoIndex: false,
      autoCreate: false,
      maxPoolSize: 20,
    });
    conn.plugin(flatFilters);
    try {
      await conn.asPromise();
      opts.logger.info({ db: opts.dbName, attempt }, 'mongo connected');
      return conn;
    } catch (err) {
      lastErr = err;
      await conn.close().catch(() => undefined);
      const delay = Math.min(500 * 2 ** (attempt - 1), 5000);
      opts.logger.warn(
        { err, attempt, attempts, delayMs: delay },
        'mongo connection failed; retrying',
      );
      if (attempt < attempts) await sleep(delay);
    }
  }
  throw new Error(`could not connect to MongoDB after ${attempts} attempts: ${String(lastErr)}`);
}

const FILTERED: MongooseQueryMiddleware[] = [
  'find',
  'findOne',
  'countDocuments',
  'distinct',
  'findOneAndUpdate',
  'findOneAndDelete',
  'updateOne',
  'updateMany',
  'deleteOne',
  'deleteMany',
];

/**
 * Every filter reaches the server flat (`allOf`): services write `{ $and: [scope, …] }`, and
 * SecantusDB plans no index for a top-level `$and` (MongoDB 7 flattens it itself). Done once
 * here, for every model of the service's connection, so no call site can forget it.
 */
export function flatFilters(schema: Schema): void {
  schema.pre<Query<unknown, unknown>>(FILTERED, function () {
    this.setQuery(allOf(this.getFilter() as Filter));
  });
  schema.pre('aggregate', function () {
    const first = this.pipeline()[0] as { $match?: Filter } | undefined;
    if (first?.$match) first.$match = allOf(first.$match);
  });
}

export function mongoReadiness(conn: Connection): ReadinessCheck {
  return {
    name: 'mongo',
    check: async () => {
      if (!conn.db) throw new Error('not connected');
      await conn.db.admin().command({ ping: 1 });
    },
  };
}

/** Creates the indexes every model declares; fails loudly, since a missing unique index is a data bug. */
export async function ensureIndexes(conn: Connection): Promise<void> {
  for (const model of Object.values(conn.models)) {
    await createCollectionOnce(model);
    await model.createIndexes();
  }
}

const NAMESPACE_EXISTS = 48;

async function createCollectionOnce(model: Model<unknown>): Promise<void> {
  try {
    await model.createCollection();
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    const message = err instanceof Error ? err.message : String(err);
    if (code === NAMESPACE_EXISTS || /already exist/i.test(message)) return;
    throw err;
  }
}

const DUPLICATE_KEY = 11000;

/**
 * Whether a write failed only on unique indexes (E11000): a single write, or every failed
 * write of an unordered bulk write (which stored all the others).
 */
export function isDuplicateKey(err: unknown): boolean {
  const e = err as { code?: unknown; writeErrors?: unknown } | null | undefined;
  if (!e || typeof e !== 'object') return false;
  if (e.writeErrors !== undefined) {
    const list: unknown[] = Array.isArray(e.writeErrors) ? e.writeErrors : [e.writeErrors];
    if (list.length > 0)
      return list.every((w) => {
        const x = w as { code?: unknown; err?: { code?: unknown } };
        return (x.code ?? x.err?.code) === DUPLICATE_KEY;
      });
  }
  return e.code === DUPLICATE_KEY;
}
