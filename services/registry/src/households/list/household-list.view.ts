import {
  type ListQuery,
  type PersonalDataCipher,
  type Principal,
  isDuplicateKey,
  type ScopedRepository,
} from '@fupin/kit';
import { areaLevel } from '@fupin/reference';
import type { Household } from '../household.model';
import type { HouseholdFilter } from '../household.service';
import type { HouseholdListModel } from './household-list.model';
import { isUnfiltered, listRowFilter } from './household-list.filter';
import { type RowSource, rowOf } from './household-list.rows';

/**
 * What a list page shows of a household: all but the history (answered empty), the outbox and
 * the ciphertext and hashes of personal values — only their masked form is shown in a list.
 */
const PAGE_PROJECTION = {
  history: 0,
  outbox: 0,
  hasOutbox: 0,
  outboxLease: 0,
  memberIdHashes: 0,
  memberNames: 0,
  'members.idNumber.enc': 0,
  'members.idNumber.hash': 0,
  'members.phone.enc': 0,
  'members.phone.hash': 0,
  'phone.enc': 0,
  'phone.hash': 0,
  'bankAccount.enc': 0,
  'bankAccount.hash': 0,
} as const;

const EXPORT_BATCH = 500;

/**
 * The household list read from its slim rows (`household_list`): the filter, the order, the
 * page and the count are answered by the rows and their indexes; only the page's households
 * are then read, by id. The rows are written by the household's own writes (`record`), right
 * after the household, guarded by its revision so an older write never overwrites a newer row.
 * The rows are scoped by `listRowFilter` (an equality on the caller's scope key, which every
 * list index leads with; kit's range on the village code would lead SecantusDB's planner away
 * from them); the households, the scoped collection, are read through their repository.
 */
export class HouseholdListView {
  constructor(
    private readonly deps: {
      rows: HouseholdListModel;
      households: ScopedRepository<Household>;
      cipher: PersonalDataCipher;
    },
  ) {}

  /**
   * Writes the rows of households just stored (one bulk write). `created`: the households were
   * inserted just now, so their rows are inserted too (one insert command for the lot, which
   * SecantusDB writes several times faster than as many guarded replacements of a 38-index row);
   * a row already there was written from the same first revision.
   */
  async record(households: RowSource[], opts: { created?: boolean } = {}): Promise<void> {
    if (households.length === 0) return;
    const ops = households.map((h) => {
      const row = rowOf(h);
      if (opts.created) return { insertOne: { document: row } };
      return {
        replaceOne: {
          filter: { _id: row._id, revision: { $lte: row.revision } },
          replacement: row,
          upsert: true,
        },
      };
    });
    const coll = this.deps.rows.collection;
    try {
      // The driver's types want ObjectId ids; the rows' ids are the households' strings.
      await coll.bulkWrite(ops as unknown as Parameters<typeof coll.bulkWrite>[0], {
        ordered: false,
      });
    } catch (err) {
      // A duplicate key is a row already at a newer revision (its filter missed, its upsert
      // met the id): that row is right as it stands.
      if (!isDuplicateKey(err)) throw err;
    }
  }

  /** One page of the list (the households, personal values masked only) and the filter's total. */
  async page(
    p: Principal,
    q: ListQuery<HouseholdFilter>,
  ): Promise<{ items: Household[]; total: number }> {
    const filter = listRowFilter(p, q.filter, this.deps.cipher);
    // The driver's own find: a list answer pays no mongoose casting or hooks on its reads.
    const [rows, total] = await Promise.all([
      this.deps.rows.collection
        .find(filter, { projection: { _id: 1 }, sort: q.sort, skip: q.skip, limit: q.limit })
        .toArray() as Promise<unknown[]> as Promise<{ _id: string }[]>,
      this.countOf(p, q.filter, filter),
    ]);
    const items = await this.householdsByIds(
      p,
      rows.map((r) => r._id),
      PAGE_PROJECTION,
    );
    return { items: items.map((h) => ({ ...h, history: [] })), total };
  }

  async count(p: Principal, f: HouseholdFilter): Promise<number> {
    return this.countOf(p, f, listRowFilter(p, f, this.deps.cipher));
  }

  /**
   * The households of a filter, whole but for the history, in the given order (a list's sort;
   * by id without one): the order is read from the rows, the households by id in batches.
   */
  async *households(
    p: Principal,
    f: HouseholdFilter,
    sort: Record<string, 1 | -1> = { _id: 1 },
  ): AsyncGenerator<Household> {
    const rows = this.deps.rows
      .find(listRowFilter(p, f, this.deps.cipher), { _id: 1 })
      .sort(sort)
      .lean<{ _id: string }[]>()
      .cursor({ batchSize: EXPORT_BATCH });
    let ids: string[] = [];
    for await (const row of rows) {
      ids.push(row._id);
      if (ids.length === EXPORT_BATCH) {
        yield* await this.householdsByIds(p, ids, { history: 0 });
        ids = [];
      }
    }
    if (ids.length) yield* await this.householdsByIds(p, ids, { history: 0 });
  }

  /**
   * An unfiltered list of a scope holding every row (a county's own registry) is counted from
   * the collection's metadata; any other count reads the rows an index selects.
   */
  private async countOf(
    p: Principal,
    f: HouseholdFilter,
    filter: Record<string, unknown>,
  ): Promise<number> {
    if (isUnfiltered(f) && (await this.everyRowWithin(p))) {
      return this.deps.rows.estimatedDocumentCount();
    }
    return this.deps.rows.collection.countDocuments(filter);
  }

  /**
   * Whether every row is in the caller's county: no row's county code is below or above it
   * (two index range probes that find nothing in a county's own registry).
   */
  private async everyRowWithin(p: Principal): Promise<boolean> {
    if (areaLevel(p.areaCode) !== 'county') return false;
    const [below, above] = await Promise.all([
      this.deps.rows.exists({ countyCode: { $lt: p.areaCode } }),
      this.deps.rows.exists({ countyCode: { $gt: p.areaCode } }),
    ]);
    return below === null && above === null;
  }

  /** The households of `ids`, in that order (the scope applies again: a row may lag). */
  private async householdsByIds(
    p: Principal,
    ids: string[],
    projection: Record<string, 0>,
  ): Promise<Household[]> {
    if (ids.length === 0) return [];
    const found = await this.deps.households.find(p, { _id: { $in: ids } }, { projection });
    const byId = new Map(found.map((h) => [h._id, h]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }
}
