import {
  type ProjectedHousehold,
  type ProjectedHouseholdModel,
  type ProjectedMember,
  type ProjectionChange,
  REGISTERED_HOUSEHOLDS,
  isDuplicateKey,
} from '@fupin/kit';
import type { AnyBulkWriteOperation } from 'mongoose';
import type { Logger } from 'pino';
import {
  bucketOf,
  type GuaranteeCode,
  type Membership,
  type OpenGuarantee,
  memberKey,
  type PersonBucket,
  type PersonBucketModel,
} from './person-index.model';
import { PersonTable } from './person-table';

/**
 * The hashes a member is indexed under: during an HMAC key rotation window the registry sends
 * the hash under every key it holds (current first), so a list hashed under either key finds
 * the person; otherwise the one hash.
 */
export function hashesOf(member: Pick<ProjectedMember, 'idHash' | 'idHashes'>): string[] {
  return member.idHashes?.length ? member.idHashes : [member.idHash];
}

/** The memberships a projected household contributes, by member id, with their hashes. */
export function membershipsOf(
  h: ProjectedHousehold,
): Map<string, { hashes: string[]; m: Membership }> {
  const out = new Map<string, { hashes: string[]; m: Membership }>();
  const guarantees = openGuarantees(h);
  for (const member of h.members) {
    const hashes = hashesOf(member);
    out.set(member.id, {
      hashes,
      m: {
        // Only during a window: tells the run's table the paths of one person (see PersonTable).
        ...(hashes.length > 1 ? { idHashes: hashes } : {}),
        ...(member.idHashKeys?.length === hashes.length ? { idHashKeys: member.idHashKeys } : {}),
        householdId: h._id,
        memberId: member.id,
        householdNo: h.householdNo,
        name: member.name,
        areaCode: h.areaCode,
        registered: h.revision > 0,
        householdStatus: h.status,
        memberStatus: member.status,
        birthDate: member.birthDate,
        sex: member.sex,
        minimumAllowance: member.minimumAllowance,
        destituteSupport: member.destituteSupport,
        disabled: member.health === 'disabled',
        housingGrade: h.housingGrade,
        housingSafe: h.guarantees?.housing_safety ?? false,
        perCapitaIncomeFen: h.perCapitaIncomeFen,
        incomeYear: h.incomeYear,
        wageIncomeFen: h.wageIncomeFen ?? null,
        householdSize: h.size,
        exitYear: h.exitYear,
        ...guarantees,
      },
    });
  }
  return out;
}

const GUARANTEE_CODES: GuaranteeCode[] = [
  'food',
  'clothing',
  'compulsory_education',
  'basic_medical',
  'housing_safety',
  'safe_water',
];

/**
 * The guarantees a household has not met or does not know: from its three states when the
 * registry sent them, else from the flags (false = not met; the flags cannot tell unknown).
 */
export function openGuarantees(
  h: Pick<ProjectedHousehold, 'guarantees' | 'guaranteeStates'>,
): Pick<Membership, 'guaranteesOpen' | 'guaranteeSource'> {
  const states = h.guaranteeStates;
  if (states) {
    const open: OpenGuarantee[] = [];
    for (const code of GUARANTEE_CODES) {
      const state = states[code];
      if (state === 'not_met' || state === 'unknown') open.push({ code, state });
    }
    return { guaranteesOpen: open, guaranteeSource: 'states' };
  }
  return {
    guaranteesOpen: GUARANTEE_CODES.filter((code) => h.guarantees?.[code] === false).map(
      (code) => ({ code, state: 'not_met' as const }),
    ),
    guaranteeSource: 'flags',
  };
}

/** Buckets per round trip when a run reads the whole index. */
const LOAD_BATCH = 256;

type BucketUpdate = { $set: Record<string, unknown>; $unset: Record<string, ''> };

/**
 * 人员索引 — derived from the household projection: each projection change rewrites the
 * memberships of that household's members under each of their hashes (a member whose ID
 * number was corrected, or whose old HMAC key was dropped, leaves the old hash). Idempotent:
 * applying the same household twice writes the same values.
 */
export class PersonIndex {
  private readonly log: Logger;

  constructor(
    private readonly model: PersonBucketModel,
    logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.log = logger.child({ component: 'person-index' });
  }

  /** The projection's onChange. */
  async apply(change: Pick<ProjectionChange, 'before' | 'after'>): Promise<void> {
    await this.write(this.updatesOf([change]));
  }

  /** Many households at once (a rebuild): one write per bucket for the whole batch. */
  async applyMany(changes: Pick<ProjectionChange, 'before' | 'after'>[]): Promise<void> {
    await this.write(this.updatesOf(changes));
  }

  private updatesOf(changes: Pick<ProjectionChange, 'before' | 'after'>[]) {
    const byBucket = new Map<string, BucketUpdate>();
    const bucket = (hash: string) => {
      const b = bucketOf(hash);
      let u = byBucket.get(b);
      if (!u) byBucket.set(b, (u = { $set: {}, $unset: {} }));
      return u;
    };
    for (const { before, after } of changes) {
      const now = membershipsOf(after);
      for (const [memberId, { hashes, m }] of now)
        for (const idHash of hashes)
          bucket(idHash).$set[`people.${idHash}.${memberKey(memberId)}`] = m;
      // A hash the member no longer has (an ID number corrected, an old HMAC key dropped).
      for (const [memberId, { hashes }] of before ? membershipsOf(before) : []) {
        const kept = now.get(memberId)?.hashes ?? [];
        for (const idHash of hashes)
          if (!kept.includes(idHash))
            bucket(idHash).$unset[`people.${idHash}.${memberKey(memberId)}`] = '';
      }
    }
    return byBucket;
  }

  private async write(byBucket: Map<string, BucketUpdate>): Promise<void> {
    if (byBucket.size === 0) return;
    const at = this.now();
    const ops: AnyBulkWriteOperation<PersonBucket>[] = [...byBucket].map(([id, u]) => ({
      updateOne: {
        filter: { _id: id },
        update: {
          $set: { ...u.$set, updatedAt: at },
          ...(Object.keys(u.$unset).length ? { $unset: u.$unset } : {}),
        },
        upsert: true,
      },
    }));
    try {
      await this.model.bulkWrite(ops, { ordered: false });
    } catch (err) {
      // Two instances creating the same new bucket at once: one insert loses; the retry updates.
      if (!isDuplicateKey(err)) throw err;
      await this.model.bulkWrite(ops, { ordered: false });
    }
  }

  /**
   * Re-derives the whole index from the projection (after the projection was rebuilt from the
   * registry snapshot, or when the index is lost). Households are read in pages and written
   * bucket by bucket; memberships that no longer exist are dropped first.
   */
  async rebuild(
    households: ProjectedHouseholdModel,
    opts: { pageSize?: number } = {},
  ): Promise<{ households: number; people: number }> {
    await this.model.deleteMany({});
    let count = 0;
    let page: Pick<ProjectionChange, 'before' | 'after'>[] = [];
    const flush = async () => {
      await this.applyMany(page);
      page = [];
    };
    const cursor = households
      .find(REGISTERED_HOUSEHOLDS)
      .lean<ProjectedHousehold[]>()
      .cursor({ batchSize: 500 });
    for await (const h of cursor as AsyncIterable<ProjectedHousehold>) {
      count++;
      page.push({ before: null, after: h });
      if (page.length >= (opts.pageSize ?? 2000)) await flush();
    }
    await flush();
    const { people } = await this.status();
    this.log.info({ households: count, people }, 'person index rebuilt from the projection');
    return { households: count, people };
  }

  /** Every membership of one person. */
  async lookup(idHash: string): Promise<Membership[]> {
    const doc = await this.model
      .findById(bucketOf(idHash), { [`people.${idHash}`]: 1 })
      .lean<PersonBucket>();
    return Object.values(doc?.people?.[idHash] ?? {});
  }

  /**
   * The whole index in memory, for one run. Read through the driver's cursor (no mongoose
   * query layer) in batches of a few hundred buckets: with 16 per batch the server spent more
   * time answering round trips than reading (SecantusDB, 4,096 buckets: 13 s against 5.5 s).
   * A batch holds LOAD_BATCH buckets (about 150 KB each at a million people), so memory stays
   * bounded by the table itself.
   */
  async load(): Promise<PersonTable> {
    const table = new PersonTable();
    const cursor = this.model.collection.find<PersonBucket>({}, { batchSize: LOAD_BATCH });
    for await (const b of cursor) {
      for (const [idHash, memberships] of Object.entries(b.people ?? {}))
        table.add(idHash, Object.values(memberships));
    }
    return table;
  }

  async status(): Promise<{ people: number; buckets: number }> {
    let people = 0;
    let buckets = 0;
    const cursor = this.model.find({}).lean<PersonBucket[]>().cursor({ batchSize: 16 });
    for await (const b of cursor as AsyncIterable<PersonBucket>) {
      buckets++;
      // A path kept under a previous HMAC key only is the same person again, not counted.
      for (const [idHash, m] of Object.entries(b.people ?? {})) {
        const ms = Object.values(m);
        if (ms.some((x) => (x.idHashes?.[0] ?? idHash) === idHash)) people++;
      }
    }
    return { people, buckets };
  }
}
