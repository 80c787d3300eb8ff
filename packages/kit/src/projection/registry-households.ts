import {
  type Envelope,
  HouseholdRegistered,
  type HouseholdSnapshot,
  householdSnapshotSchema,
  HouseholdStatusChanged,
  HouseholdUpdated,
  MemberAdded,
  MemberRemoved,
  type MemberSnapshot,
  memberSnapshotSchema,
  MemberUpdated,
} from '@fupin/contracts';
import type { Router } from 'express';
import { type AnyBulkWriteOperation, type Connection, type Model, Schema } from 'mongoose';
import type { Logger } from 'pino';
import { z } from 'zod';
import { AppError, bi } from '../errors';
import { handle } from '../http/app';
import { principalOf, requireRight } from '../http/auth';
import { ensureTopics } from '../kafka/client';
import { EventConsumer } from '../kafka/consumer';
import { isDuplicateKey } from '../mongo';
import { traceHeaders } from '../observability/tracing';
import type { ServiceRuntime } from '../runtime';
import { viewStatus, watchFreshness } from './freshness';

/**
 * 建档立卡户投影 — what a service keeps of the registry's households and members, built only
 * from the registry's events and rebuildable from its snapshot stream. Every service that
 * needs household facts (assistance, support, matching, assessment, funds) uses this one.
 */

export interface ProjectedMember extends MemberSnapshot {
  /** When the registry made the change last applied (event time, or the snapshot's read time). */
  at: Date;
}

export interface ProjectedHousehold extends Omit<HouseholdSnapshot, 'id'> {
  _id: string;
  /** Active and removed members (see each member's `status`). */
  members: ProjectedMember[];
  /** Optimistic-concurrency counter of this document (not the registry's revision). */
  seq: number;
  projectedAt: Date;
}

export type ProjectedHouseholdModel = Model<ProjectedHousehold>;

/**
 * Members may arrive before their household (two topics, no order between them): such a
 * document holds the members only and has `revision` 0. Queries for households filter with this.
 */
export const REGISTERED_HOUSEHOLDS = { revision: { $gt: 0 } } as const;

export const REGISTRY_PROJECTION_TOPICS = [HouseholdRegistered.topic, MemberAdded.topic];

const memberSchema = new Schema<ProjectedMember>(
  {
    id: { type: String, required: true },
    householdId: { type: String, required: true },
    idHash: { type: String, required: true },
    // The event's idHashes (an HMAC rotation window, see member-by-hash) and each hash's key id.
    idHashes: { type: [String], default: undefined },
    idHashKeys: { type: [String], default: undefined },
    name: String,
    relation: String,
    sex: String,
    birthDate: String,
    status: String,
    schoolStage: { type: String, default: null },
    inSchool: Boolean,
    health: { type: String, default: null },
    labourCapacity: { type: String, default: null },
    medicalInsurance: Boolean,
    pensionInsurance: Boolean,
    minimumAllowance: Boolean,
    destituteSupport: Boolean,
    at: { type: Date, required: true },
  },
  { _id: false },
);

const householdSchema = new Schema<ProjectedHousehold>(
  {
    _id: String,
    householdNo: String,
    areaCode: String,
    groupNo: { type: Number, default: null },
    status: String,
    attribute: { type: String, default: null },
    mainCause: { type: String, default: null },
    otherCauses: [String],
    size: Number,
    perCapitaIncomeFen: { type: Number, default: null },
    incomeYear: { type: Number, default: null },
    wageIncomeFen: { type: Number, default: null },
    housingGrade: { type: String, default: null },
    guarantees: { type: Schema.Types.Mixed },
    // The three states (met / not met / unknown) when the registry's event carries them.
    guaranteeStates: { type: Schema.Types.Mixed, default: undefined },
    identificationYear: { type: Number, default: null },
    exitYear: { type: Number, default: null },
    partyMember: Boolean,
    revision: { type: Number, required: true },
    members: { type: [memberSchema], default: [] },
    seq: { type: Number, required: true },
    projectedAt: { type: Date, required: true },
  },
  { collection: 'registry_households', versionKey: false, minimize: false },
);
householdSchema.index({ areaCode: 1, status: 1 });
householdSchema.index({ status: 1 });
householdSchema.index({ 'members.idHash': 1 });
householdSchema.index({ 'members.idHashes': 1 });

export function projectedHouseholdModel(conn: Connection): ProjectedHouseholdModel {
  return (
    (conn.models.RegistryHousehold as ProjectedHouseholdModel | undefined) ??
    conn.model<ProjectedHousehold>('RegistryHousehold', householdSchema)
  );
}

export interface ProjectionChange {
  householdId: string;
  before: ProjectedHousehold | null;
  after: ProjectedHousehold;
  /** The event type, or `registry.snapshot` for a rebuild. */
  eventType: string;
}

/** A change to one household and what caused it (an event type or `registry.snapshot`). */
interface Keyed {
  id: string;
  c: Change;
  eventType: string;
}

/** The household and the change a registry event carries; null for other event types. */
function keyedOf(event: Envelope): Keyed | null {
  const at = new Date(event.occurredAt);
  switch (event.type) {
    case HouseholdRegistered.type: {
      // The members come with the registration: the household is written once, and the
      // member.added events after it (the same snapshots) change nothing.
      const { household, members } = HouseholdRegistered.payload.parse(event.payload);
      return {
        id: household.id,
        c: { household, ...(members ? { members } : {}), areaCode: household.areaCode, at },
        eventType: event.type,
      };
    }
    case HouseholdUpdated.type:
    case HouseholdStatusChanged.type: {
      const { household } = z.object({ household: householdSnapshotSchema }).parse(event.payload);
      return {
        id: household.id,
        c: { household, areaCode: household.areaCode, at },
        eventType: event.type,
      };
    }
    case MemberAdded.type:
    case MemberUpdated.type:
    case MemberRemoved.type: {
      const { member, areaCode } = z
        .object({ member: memberSnapshotSchema, areaCode: z.string() })
        .parse(event.payload);
      return {
        id: member.householdId,
        c: { members: [member], areaCode, at },
        eventType: event.type,
      };
    }
    default:
      return null;
  }
}

const snapshotLineSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('household'),
    household: householdSnapshotSchema,
    members: z.array(memberSnapshotSchema),
  }),
  z.object({ kind: z.literal('end'), count: z.number().int(), next: z.string().nullable() }),
]);
import { type Change, merged } from './household-merge';

const ATTEMPTS = 8;

/** What the consumer needs of a service's runtime. */
export type ProjectionRuntime = Pick<
  ServiceRuntime,
  'kafka' | 'conn' | 'producer' | 'logger' | 'shutdown' | 'topic'
> & { config: Pick<ServiceRuntime['config'], 'KAFKA_TOPIC_PREFIX' | 'CONSUMER_MAX_ATTEMPTS'> };

export class RegistryProjection {
  private readonly log: Logger;

  constructor(
    private readonly opts: {
      model: ProjectedHouseholdModel;
      logger: Logger;
      /** Called once per change; prefer `onChanges`, which a batch calls once. */
      onChange?: (c: ProjectionChange) => Promise<void>;
      /** Called with every change a batch (or a snapshot page) made, so hooks can write in bulk. */
      onChanges?: (changes: ProjectionChange[]) => Promise<void>;
      now?: () => Date;
    },
  ) {
    this.log = opts.logger.child({ component: 'registry-projection' });
  }

  get model(): ProjectedHouseholdModel {
    return this.opts.model;
  }

  /** Applies one registry event; true when the projection changed (a repeat or stale event changes nothing). */
  async apply(event: Envelope): Promise<boolean> {
    const k = keyedOf(event);
    return k ? this.change(k.id, k.c, k.eventType) : false;
  }

  /**
   * Applies many registry events as `apply` would one after the other, with one read and one
   * bulk write for all their households; resolves with the ids of the households that changed.
   */
  async applyMany(events: Envelope[]): Promise<string[]> {
    const keyed = events.map(keyedOf).filter((k): k is Keyed => k !== null);
    return [...(await this.changeMany(keyed))];
  }

  private async notify(changes: ProjectionChange[]): Promise<void> {
    if (changes.length === 0) return;
    if (this.opts.onChanges) return this.opts.onChanges(changes);
    for (const c of changes) await this.opts.onChange?.(c);
  }

  /**
   * Reads every household of `items` with one `$in`, merges their changes in order in memory
   * (the rules of `merged`), and writes them with one bulkWrite guarded by `seq`. A household
   * another writer changed in between is merged again through the one-by-one optimistic path.
   * Resolves with the ids of the households that changed.
   */
  private async changeMany(items: Keyed[]): Promise<Set<string>> {
    const model = this.opts.model;
    const changedIds = new Set<string>();
    if (items.length === 0) return changedIds;
    const byId = new Map<string, Keyed[]>();
    for (const k of items) byId.set(k.id, [...(byId.get(k.id) ?? []), k]);
    const stored = new Map(
      (await model.find({ _id: { $in: [...byId.keys()] } }).lean<ProjectedHousehold[]>()).map(
        (d) => [d._id, d],
      ),
    );
    const now = this.opts.now?.() ?? new Date();
    const planned: {
      id: string;
      before: ProjectedHousehold | null;
      after: ProjectedHousehold;
      eventType: string;
    }[] = [];
    for (const [id, list] of byId) {
      const before = stored.get(id) ?? null;
      let acc = before;
      let eventType: string | undefined;
      for (const k of list) {
        const next = merged(acc, id, k.c, now);
        if (next) {
          acc = next;
          eventType = k.eventType;
        }
      }
      if (!acc || !eventType) continue;
      // One write per household, so its counter moves by one whatever the events merged.
      planned.push({ id, before, after: { ...acc, seq: (before?.seq ?? 0) + 1 }, eventType });
    }
    if (planned.length === 0) return changedIds;
    const ops: AnyBulkWriteOperation<ProjectedHousehold>[] = planned.map((p) =>
      p.before
        ? { replaceOne: { filter: { _id: p.id, seq: p.before.seq }, replacement: p.after } }
        : { insertOne: { document: p.after } },
    );
    const lost = new Set<string>();
    let written: { matched: number; inserted: number } = { matched: 0, inserted: 0 };
    try {
      const res = await model.bulkWrite(ops, { ordered: false });
      written = { matched: res.matchedCount, inserted: res.insertedCount };
    } catch (err) {
      const failed = duplicateKeyIndexes(err);
      if (!failed) throw err;
      for (const i of failed) lost.add(planned[i]!.id);
      written = { matched: Number.NaN, inserted: 0 };
    }
    const replaced = planned.filter((p) => p.before);
    if (written.matched !== replaced.length) {
      // Some guarded replace found another seq: the households whose stored state is not ours.
      const current = await model
        .find({ _id: { $in: replaced.map((p) => p.id) } }, { seq: 1, projectedAt: 1 })
        .lean<Pick<ProjectedHousehold, '_id' | 'seq' | 'projectedAt'>[]>();
      const mine = new Set(
        current
          .filter((d) => {
            const p = replaced.find((r) => r.id === d._id)!;
            return (
              d.seq === p.after.seq && d.projectedAt.getTime() === p.after.projectedAt.getTime()
            );
          })
          .map((d) => d._id),
      );
      for (const p of replaced) if (!mine.has(p.id)) lost.add(p.id);
    }
    const won = planned.filter((p) => !lost.has(p.id));
    for (const p of won) changedIds.add(p.id);
    await this.notify(
      won.map((p) => ({
        householdId: p.id,
        before: p.before,
        after: p.after,
        eventType: p.eventType,
      })),
    );
    for (const id of lost) {
      for (const k of byId.get(id)!)
        if (await this.change(id, k.c, k.eventType)) changedIds.add(id);
    }
    return changedIds;
  }

  /** Optimistic read-modify-write, so two instances on one household never lose a change. */
  private async change(id: string, c: Change, eventType: string): Promise<boolean> {
    const model = this.opts.model;
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const current = await model.findById(id).lean<ProjectedHousehold>();
      const next = merged(current, id, c, this.opts.now?.() ?? new Date());
      if (!next) return false;
      try {
        if (current) {
          const res = await model.replaceOne({ _id: id, seq: current.seq }, next);
          if (res.modifiedCount === 0) continue;
        } else {
          await model.create(next);
        }
      } catch (err) {
        if (isDuplicateKey(err)) continue;
        throw err;
      }
      await this.notify([{ householdId: id, before: current, after: next, eventType }]);
      return true;
    }
    throw new Error(`household ${id}: too many concurrent projection updates`);
  }

  /** Consumes the registry's household and member topics until the runtime shuts down. */
  async start(rt: ProjectionRuntime, opts: { groupId: string }): Promise<void> {
    await ensureTopics(rt.kafka, REGISTRY_PROJECTION_TOPICS.map(rt.topic));
    const consumer = new EventConsumer({
      kafka: rt.kafka,
      conn: rt.conn,
      producer: rt.producer,
      groupId: opts.groupId,
      topics: REGISTRY_PROJECTION_TOPICS,
      topicPrefix: rt.config.KAFKA_TOPIC_PREFIX,
      logger: rt.logger,
      maxAttempts: rt.config.CONSUMER_MAX_ATTEMPTS,
      handle: (event) => this.apply(event).then(() => undefined),
      handleBatch: (events) => this.applyMany(events).then(() => undefined),
    });
    await consumer.start();
    rt.shutdown.add('registry projection consumer', () => consumer.stop());
    watchFreshness(this, rt, {
      groupId: opts.groupId,
      topics: REGISTRY_PROJECTION_TOPICS.map(rt.topic),
      projection: 'registry-households',
      lastAppliedAt: async () => (await this.status()).lastProjectedAt,
    });
  }

  /**
   * Reads the registry's snapshot stream page by page with the caller's own token (so it sees
   * exactly the caller's area) and merges every household and member into the projection.
   */
  async rebuild(opts: {
    registryUrl: string;
    authorization: string;
    area?: string;
    pageSize?: number;
  }): Promise<{ households: number; members: number; changed: number }> {
    const readAt = this.opts.now?.() ?? new Date();
    const totals = { households: 0, members: 0, changed: 0 };
    let after: string | null = null;
    do {
      const url = new URL('/snapshot/households', opts.registryUrl);
      url.searchParams.set('limit', String(opts.pageSize ?? 1000));
      if (after) url.searchParams.set('after', after);
      if (opts.area) url.searchParams.set('area', opts.area);
      const res = await fetch(url, {
        headers: { authorization: opts.authorization, ...traceHeaders() },
      });
      if (!res.ok) throw snapshotFailed(res.status, await res.text());
      const lines = (await res.text()).split('\n').filter(Boolean);
      let ended = false;
      after = null;
      const page: Keyed[] = [];
      for (const raw of lines) {
        const line = snapshotLineSchema.parse(JSON.parse(raw));
        if (line.kind === 'end') {
          ended = true;
          after = line.next;
          continue;
        }
        totals.households++;
        totals.members += line.members.length;
        page.push({
          id: line.household.id,
          c: {
            household: line.household,
            members: line.members,
            areaCode: line.household.areaCode,
            at: readAt,
          },
          eventType: 'registry.snapshot',
        });
      }
      totals.changed += (await this.changeMany(page)).size;
      // A page cut short (no end line) is an error, not the end of the data.
      if (!ended) throw snapshotFailed(502, 'the snapshot page ended without its end line');
    } while (after);
    this.log.info(totals, 'projection rebuilt from the registry snapshot');
    return totals;
  }

  async status(): Promise<{ households: number; pending: number; lastProjectedAt: Date | null }> {
    const model = this.opts.model;
    const [households, pending, last] = await Promise.all([
      model.countDocuments(REGISTERED_HOUSEHOLDS),
      model.countDocuments({ revision: 0 }),
      model.findOne({}, { projectedAt: 1 }).sort({ projectedAt: -1 }).lean(),
    ]);
    return { households, pending, lastProjectedAt: last?.projectedAt ?? null };
  }
}

/** The indexes of the operations of a failed bulk write, when duplicate keys were all that failed. */
function duplicateKeyIndexes(err: unknown): number[] | null {
  const { writeErrors } = err as { writeErrors?: unknown };
  if (!Array.isArray(writeErrors) || writeErrors.length === 0) return null;
  return isDuplicateKey(err) ? (writeErrors as { index: number }[]).map((w) => w.index) : null;
}

function snapshotFailed(status: number, detail: string): AppError {
  return new AppError(
    502,
    'PROJECTION_SNAPSHOT_FAILED',
    bi(
      `读取户籍快照失败（登记服务返回 ${status}）`,
      `Reading the registry snapshot failed (the registry answered ${status})`,
    ),
    {
      errors: [
        {
          field: 'registry',
          code: String(status),
          message: bi(detail.slice(0, 300), detail.slice(0, 300)),
        },
      ],
    },
  );
}

/**
 * `POST /projection/rebuild` (the module's approve right; the registry applies the caller's own
 * area scope to the snapshot) and `GET /projection/status`.
 */
export function registryProjectionRoutes(
  router: Router,
  projection: RegistryProjection,
  opts: { module: string; registryUrl: string },
): void {
  router.post(
    '/projection/rebuild',
    requireRight(opts.module, 'approve'),
    handle(async (req, res) => {
      req.log.info({ by: principalOf(req).userId }, 'projection rebuild requested');
      const result = await projection.rebuild({
        registryUrl: opts.registryUrl,
        authorization: req.headers.authorization ?? '',
      });
      res.json(result);
    }),
  );
  router.get(
    '/projection/status',
    requireRight(opts.module, 'read'),
    handle(async (req, res) => {
      const access = { registryUrl: opts.registryUrl, authorization: req.headers.authorization };
      res.json(await viewStatus(projection, access, req.log));
    }),
  );
}
