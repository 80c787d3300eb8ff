import type { Model, mongo, PipelineStage, UpdateQuery } from 'mongoose';
import { scopePrefix } from '@fupin/reference';
import { AppError, bi, type Bilingual, notFound } from './errors';
import type { Principal } from './http/auth';
import type { ListQuery } from './http/list';
import { countOf } from './list-page';
import { decidedPage, MAX_DECIDED_CANDIDATES } from './decided-page';
import { allOf, areaWithin, type Filter } from './query-filter';

/**
 * Why a job reads or writes every area at once (`countyWide('quarterly ranking')`): the one way
 * past the area scope, named so a reader sees why it is lifted. A principal never is one.
 */
export interface CountyWide {
  readonly countyWide: string;
}

export function countyWide(reason: string): CountyWide {
  if (!reason.trim()) throw new Error('countyWide needs the reason the scope is lifted');
  return Object.freeze({ countyWide: reason });
}

/**
 * For a lookup or write on records just read within the caller's scope (by id, with the 404 or
 * 403 answered): the filter keeps to its own fields, because SecantusDB plans an index only
 * when one index covers every field of the filter (its explain shows an `_id` with the area
 * range as a collection scan). A write that moves a record checks the new area itself first.
 */
export const READ_IN_SCOPE: CountyWide = countyWide(
  "the records were read within the caller's scope just before; the filter keeps to its own index",
);

/** Who a query of an area-scoped collection is for: a caller, or a job with its reason. */
export type Scope = Principal | CountyWide;

export function isCountyWide(scope: Scope): scope is CountyWide {
  return 'countyWide' in scope;
}

/** Where a collection keeps a record's area: one field, or several (any of them places it). */
export type AreaFields = string | readonly string[];

const fieldsOf = (area: AreaFields): readonly string[] =>
  typeof area === 'string' ? [area] : area;

/**
 * The scope as a filter: nothing for a county-wide job, else a range on the area field (an
 * index walks it on SecantusDB and MongoDB alike). Several area fields need an `$or`, which
 * SecantusDB does not plan onto an index: keep those collections small.
 */
export function scopeFilter(scope: Scope, area: AreaFields = 'areaCode'): Filter {
  if (isCountyWide(scope)) return {};
  const fields = fieldsOf(area);
  if (fields.length === 1) return areaWithin(scope.areaCode, fields[0]);
  return { $or: fields.map((f) => areaWithin(scope.areaCode, f)) };
}

/** A query's own conditions inside the scope, as one flat filter (see `allOf`). */
export function withinScope(scope: Scope, filter: Filter, area: AreaFields = 'areaCode'): Filter {
  return allOf(scopeFilter(scope, area), filter);
}

/** Whether an area code lies in the scope (a county-wide job's scope holds every area). */
export function areaInScope(scope: Scope, code: string): boolean {
  return isCountyWide(scope) || code.startsWith(scopePrefix(scope.areaCode));
}

function valueAt(doc: unknown, path: string): unknown {
  let v: unknown = doc;
  for (const key of path.split('.')) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

function codesAt(doc: unknown, area: AreaFields): string[] {
  return fieldsOf(area).flatMap((f) => {
    const v = valueAt(doc, f);
    return Array.isArray(v)
      ? v.filter((x): x is string => typeof x === 'string')
      : typeof v === 'string'
        ? [v]
        : [];
  });
}

/** Whether a record lies in the scope: what the scope filter selects, checked in memory. */
export function docInScope(scope: Scope, doc: unknown, area: AreaFields = 'areaCode'): boolean {
  return isCountyWide(scope) || codesAt(doc, area).some((c) => areaInScope(scope, c));
}

/** 403 for a write that would place a record outside the caller's area (FORBIDDEN_AREA, as every service answers it). */
export function outsideScope(): AppError {
  return new AppError(
    403,
    'FORBIDDEN_AREA',
    bi('该记录不在您的管辖范围内', 'The record is outside your area scope'),
  );
}

/**
 * A filter naming records by id (`_id` equal to one or `$in` a few) with `_id` as its first
 * condition. SecantusDB serves a filter of several fields from the first one an index covers, in
 * the filter's own order: the scope's area range in front would walk the area index over the
 * whole township (the whole county for a county-wide user), and a `hint` walks the hinted index
 * from end to end (measured by bench/engine/run.ts). MongoDB 7 plans either order alike.
 */
export function idFirst(filter: Filter): Filter {
  const id = filter._id;
  const namesRecords =
    typeof id === 'string' ||
    typeof id === 'number' ||
    (id !== null && typeof id === 'object' && ('$eq' in id || '$in' in id));
  if (!namesRecords) return filter;
  const { _id, ...rest } = filter;
  return { _id, ...rest };
}

/** What a by-id read answers when the record is missing or out of scope: a 404 with this code. */
export interface NotFound {
  what: Bilingual;
  code: string;
}

export interface FindOptions {
  /** Fields to keep or drop; a string names them as mongoose does (`'+data'` adds a hidden one). */
  projection?: Record<string, 0 | 1> | string;
  sort?: Record<string, 1 | -1>;
  skip?: number;
  limit?: number;
}

/**
 * An area-scoped collection (novu's `BaseRepository<…, EnforceEnvOrOrgIds>` for our tenant,
 * the area): every read and write takes the caller's principal, or `countyWide(reason)`, and
 * adds the scope itself. The model stays inside: route and service code get this, never the
 * model, so a query without the scope does not type-check (and eslint refuses the model's
 * import, see eslint.config.mjs). A record out of scope read by id is not found (404); a write
 * placing a record out of scope is forbidden (403).
 */
export class ScopedRepository<T> {
  private readonly area: AreaFields;

  constructor(
    // Models of any document type; reads state their lean type through T.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
    private readonly model: Model<any>,
    opts: { area: AreaFields },
  ) {
    this.area = opts.area;
  }

  /** The collection's name, for logs and explain reports. */
  get collectionName(): string {
    return this.model.collection.collectionName;
  }

  /** The scope and a query's own conditions as one flat filter (exported for tests of a list). */
  filter(scope: Scope, filter: Filter = {}): Filter {
    return idFirst(withinScope(scope, filter, this.area));
  }

  /** Whether a record (read elsewhere, or in a request) lies in the scope. */
  contains(scope: Scope, doc: unknown): boolean {
    return docInScope(scope, doc, this.area);
  }

  /** Refuses (403) a record or an area outside the scope before it is written. */
  assertWritable(scope: Scope, docOrArea: unknown): void {
    const codes = typeof docOrArea === 'string' ? [docOrArea] : codesAt(docOrArea, this.area);
    if (!codes.every((c) => areaInScope(scope, c))) throw outsideScope();
  }

  find(scope: Scope, filter: Filter, opts: FindOptions = {}): Promise<T[]> {
    let q = this.model.find(this.filter(scope, filter), opts.projection);
    if (opts.sort) q = q.sort(opts.sort);
    if (opts.skip) q = q.skip(opts.skip);
    if (opts.limit) q = q.limit(opts.limit);
    return q.lean<T[]>().exec();
  }

  findOne(scope: Scope, filter: Filter, opts: FindOptions = {}): Promise<T | null> {
    let q = this.model.findOne(this.filter(scope, filter), opts.projection);
    if (opts.sort) q = q.sort(opts.sort);
    return q.lean<T>().exec();
  }

  /**
   * One record by id, or 404 when it is missing or out of scope (its existence not revealed).
   * `everyArea`: a record of several areas is found only when all of them are in the scope
   * (a transfer between two projects is for those who hold both).
   */
  async get(
    scope: Scope,
    id: string,
    missing: NotFound,
    opts: { projection?: Record<string, 0 | 1>; everyArea?: boolean } = {},
  ): Promise<T> {
    const doc = await this.findOne(
      scope,
      { _id: id },
      opts.projection ? { projection: opts.projection } : {},
    );
    const whole = !opts.everyArea || codesAt(doc, this.area).every((c) => areaInScope(scope, c));
    if (!doc || !whole) throw notFound(missing.what, missing.code);
    return doc;
  }

  /**
   * One record by id to change: 404 when missing, 403 when out of scope (the services' answer
   * to a write on another township's record).
   */
  async getForChange(
    scope: Scope,
    id: string,
    missing: NotFound,
    projection?: Record<string, 0 | 1>,
  ): Promise<T> {
    const doc = await this.model.findById(id, projection).lean<T>().exec();
    if (!doc) throw notFound(missing.what, missing.code);
    if (!this.contains(scope, doc)) throw outsideScope();
    return doc;
  }

  count(scope: Scope, filter: Filter = {}): Promise<number> {
    return countOf(this.model, this.filter(scope, filter));
  }

  /** One page of a react-admin list and the total of its filter, both inside the scope. */
  async page(
    scope: Scope,
    filter: Filter,
    q: ListQuery<unknown>,
    projection?: Record<string, 0 | 1>,
  ): Promise<{ items: T[]; total: number }> {
    const [items, total] = await Promise.all([
      this.find(scope, filter, {
        sort: q.sort,
        skip: q.skip,
        limit: q.limit,
        ...(projection ? { projection } : {}),
      }),
      this.count(scope, filter),
    ]);
    return { items, total };
  }

  /**
   * One page of a filter decided on the day (overdue …): the candidates of `filter` (an
   * equality and the scope's range, through their index; several filters — the values of an
   * `$in` — are read one equality each), then `keep` picks and the list's order sorts them
   * here; more than `max` candidates are refused (422, what to narrow named).
   */
  async pageDecided(
    scope: Scope,
    filter: Filter | Filter[],
    q: ListQuery<unknown>,
    keep: (doc: T) => boolean,
    opts: { narrowBy: Bilingual; projection?: Record<string, 0 | 1>; max?: number },
  ): Promise<{ items: T[]; total: number }> {
    const max = opts.max ?? MAX_DECIDED_CANDIDATES;
    const reads = await Promise.all(
      (Array.isArray(filter) ? filter : [filter]).map((f) =>
        this.find(scope, f, {
          limit: max,
          ...(opts.projection ? { projection: opts.projection } : {}),
        }),
      ),
    );
    const byId = new Map<unknown, T>();
    for (const doc of reads.flat()) byId.set((doc as { _id: unknown })._id, doc);
    return decidedPage([...byId.values()], q, keep, { max, narrowBy: opts.narrowBy });
  }

  /** Every record of the filter, streamed (exports, jobs). */
  cursor(
    scope: Scope,
    filter: Filter,
    opts: FindOptions & { batchSize?: number } = {},
  ): AsyncIterable<T> {
    let q = this.model.find(this.filter(scope, filter), opts.projection);
    if (opts.sort) q = q.sort(opts.sort);
    if (opts.limit) q = q.limit(opts.limit);
    return q.lean<T[]>().cursor({ batchSize: opts.batchSize ?? 500 }) as AsyncIterable<T>;
  }

  distinct(scope: Scope, field: string, filter: Filter = {}): Promise<unknown[]> {
    return this.model.distinct(field, this.filter(scope, filter)).exec();
  }

  /** An aggregation whose first `$match` is inside the scope (merged into it when it leads). */
  aggregate<R>(scope: Scope, pipeline: PipelineStage[]): Promise<R[]> {
    const [first, ...rest] = pipeline;
    const scoped: PipelineStage[] =
      first && '$match' in first
        ? [{ $match: this.filter(scope, first.$match as Filter) }, ...rest]
        : [{ $match: this.filter(scope) }, ...pipeline];
    return this.model.aggregate<R>(scoped).exec();
  }

  /** Stores new records, each inside the scope (403 otherwise). */
  async create(scope: Scope, docs: T | T[]): Promise<void> {
    const all = Array.isArray(docs) ? docs : [docs];
    for (const doc of all) this.assertWritable(scope, doc);
    await this.model.create(all);
  }

  /**
   * Stores many new records, each inside the scope. `driver: true` sends them through the
   * driver uncast (complete documents, thousands at a time) and lets its write errors through.
   */
  async insertMany(
    scope: Scope,
    docs: T[],
    opts: { ordered?: boolean; driver?: boolean } = {},
  ): Promise<void> {
    for (const doc of docs) this.assertWritable(scope, doc);
    const ordered = opts.ordered ?? true;
    if (opts.driver)
      await this.model.collection.insertMany(
        docs as unknown as mongo.OptionalId<mongo.Document>[],
        {
          ordered,
        },
      );
    else await this.model.insertMany(docs, { ordered });
  }

  /**
   * Many updates in one round trip, each inside the scope (`many`: every record its filter
   * selects, else the first); answers the count changed.
   */
  async bulkUpdate(
    scope: Scope,
    ops: { filter: Filter; update: UpdateQuery<T>; many?: boolean }[],
    opts: { ordered?: boolean } = {},
  ): Promise<number> {
    if (ops.length === 0) return 0;
    for (const op of ops) this.assertMoves(scope, op.update);
    const res = await this.model.bulkWrite(
      ops.map((op) => {
        // mongoose's update type and the driver's bulk one describe the same operators.
        const write = {
          filter: this.filter(scope, op.filter),
          update: op.update as mongo.UpdateFilter<mongo.Document>,
        };
        return op.many ? { updateMany: write } : { updateOne: write };
      }),
      { ordered: opts.ordered ?? true },
    );
    return res.modifiedCount;
  }

  updateOne(scope: Scope, filter: Filter, update: UpdateQuery<T>, opts: { upsert?: boolean } = {}) {
    this.assertMoves(scope, update);
    return this.model.updateOne(this.filter(scope, filter), update, opts).exec();
  }

  updateMany(scope: Scope, filter: Filter, update: UpdateQuery<T>) {
    this.assertMoves(scope, update);
    return this.model.updateMany(this.filter(scope, filter), update).exec();
  }

  /** Changes one record and answers it as it is after the change (null when none matched). */
  findOneAndUpdate(
    scope: Scope,
    filter: Filter,
    update: UpdateQuery<T>,
    opts: { projection?: Record<string, 0 | 1>; upsert?: boolean } = {},
  ): Promise<T | null> {
    this.assertMoves(scope, update);
    return this.model
      .findOneAndUpdate(this.filter(scope, filter), update, { new: true, ...opts })
      .lean<T>()
      .exec();
  }

  replaceOne(scope: Scope, filter: Filter, doc: Omit<T, '_id'>) {
    this.assertWritable(scope, doc);
    return this.model.replaceOne(this.filter(scope, filter), doc).exec();
  }

  deleteOne(scope: Scope, filter: Filter) {
    return this.model.deleteOne(this.filter(scope, filter)).exec();
  }

  deleteMany(scope: Scope, filter: Filter) {
    return this.model.deleteMany(this.filter(scope, filter)).exec();
  }

  /** An update that sets an area field may only set it inside the scope. */
  private assertMoves(scope: Scope, update: UpdateQuery<T>): void {
    const set = (update as { $set?: Record<string, unknown> }).$set;
    if (!set) return;
    const moved = fieldsOf(this.area).flatMap((f) => {
      const v = set[f];
      return Array.isArray(v) ? v : v === undefined ? [] : [v];
    });
    if (!moved.every((c) => typeof c === 'string' && areaInScope(scope, c))) throw outsideScope();
  }
}

/** The repository of an area-scoped collection whose records keep their area in `area`. */
export function scopedRepository<T>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- models of any document type
  model: Model<any>,
  area: AreaFields = 'areaCode',
): ScopedRepository<T> {
  return new ScopedRepository<T>(model, { area });
}
