import type { Job, Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { createQueue, createWorker } from '../queue';
import { type CollectionReseal, resealCollection, valuesOnOldKeys } from './reseal-collection';
import type { Resealers, SealedCollection } from './sealed-fields';

export interface KeyResealProgress {
  collections: CollectionReseal[];
}

/** A key the service holds, by id only: the current one and the previous ones it still opens. */
export interface HeldKeys {
  current: string;
  previous: string[];
}

export interface KeyResealStatus {
  /** The latest run: its BullMQ id, state and progress; null before the first. */
  run: {
    id: string;
    state: string;
    progress: KeyResealProgress;
    failedReason: string | null;
  } | null;
  /** Per collection, how many sealed values still use an old key (zero: the old key can go). */
  collections: { collection: string; valuesOnOldKeys: number }[];
  /** The keys this service holds, by id (never a key): what the reseal seals and hashes with. */
  keys: { encryption: HeldKeys; hmac: HeldKeys };
}

/**
 * 重新加密任务 — after a key rotation, seals again with the current key every value of the
 * service still sealed with an old one, collection by collection, reporting its progress. One
 * run per service at a time: a start while one is waiting or running is the same run.
 */
export class KeyResealJob {
  private queue: Queue<unknown, KeyResealProgress> | undefined;
  private worker: Worker<unknown, KeyResealProgress> | undefined;

  constructor(
    private readonly deps: {
      service: string;
      collections: SealedCollection[];
      resealers: Resealers;
      connection: Redis;
      prefix?: string | undefined;
      logger: Logger;
      batchSize?: number;
    },
  ) {}

  /** The key ids the run seals and hashes with (for the audit of its start). */
  get currentKeys(): { encryptionKey: string; hmacKey: string } {
    return {
      encryptionKey: this.deps.resealers.values.currentKeyId,
      hmacKey: this.deps.resealers.values.hashKeyIds[0]!,
    };
  }

  /** The ids of the keys held, the current and the previous of each (never a key). */
  get heldKeys(): KeyResealStatus['keys'] {
    const [encryption, ...oldEncryption] = this.deps.resealers.values.encryptionKeyIds;
    const [hmac, ...oldHmac] = this.deps.resealers.values.hashKeyIds;
    return {
      encryption: { current: encryption!, previous: oldEncryption },
      hmac: { current: hmac!, previous: oldHmac },
    };
  }

  get queueName(): string {
    return `${this.deps.service}-key-reseal`;
  }

  private get queueOptions() {
    return { connection: this.deps.connection, prefix: this.deps.prefix, logger: this.deps.logger };
  }

  /** Starts this instance's worker (the queue itself is opened on first use). */
  start(): void {
    this.worker ??= createWorker(this.queueName, (job) => this.reseal(job), {
      ...this.queueOptions,
      lockDuration: 5 * 60_000,
    });
  }

  /** Starts a run, or answers the one waiting or running; its job id. */
  async request(): Promise<string> {
    const job = await this.jobs().add(
      'reseal',
      {},
      { deduplication: { id: this.queueName }, attempts: 3 },
    );
    return job.id!;
  }

  async status(): Promise<KeyResealStatus> {
    const jobs = await this.jobs().getJobs(['active', 'waiting', 'completed', 'failed'], 0, 50);
    const latest = jobs.sort((a, b) => b.timestamp - a.timestamp)[0];
    const collections = [];
    for (const c of this.deps.collections)
      collections.push({
        collection: c.model.collection.collectionName,
        valuesOnOldKeys: await valuesOnOldKeys(c, this.deps.resealers),
      });
    return {
      run: latest
        ? {
            id: latest.id!,
            state: await latest.getState(),
            progress: progressOf(latest),
            failedReason: latest.failedReason ?? null,
          }
        : null,
      collections,
      keys: this.heldKeys,
    };
  }

  async stop(): Promise<void> {
    await this.worker?.close();
    await this.queue?.close();
  }

  private jobs(): Queue<unknown, KeyResealProgress> {
    this.queue ??= createQueue(this.queueName, this.queueOptions);
    return this.queue;
  }

  private async reseal(job: Job<unknown, KeyResealProgress>): Promise<KeyResealProgress> {
    const done: CollectionReseal[] = [];
    for (const c of this.deps.collections) {
      const last = await resealCollection(c, this.deps.resealers, {
        batchSize: this.deps.batchSize,
        onBatch: (p) => job.updateProgress({ collections: [...done, p] }),
      });
      done.push(last);
    }
    const result = { collections: done };
    await job.updateProgress(result);
    this.deps.logger.info({ jobId: job.id, ...result }, 'key reseal ran');
    return result;
  }
}

function progressOf(job: Job<unknown, KeyResealProgress>): KeyResealProgress {
  const p = job.progress as KeyResealProgress | number;
  return typeof p === 'object' && p && Array.isArray(p.collections) ? p : { collections: [] };
}
