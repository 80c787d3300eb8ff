import { createQueue, createWorker } from '@fupin/kit';
import type { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { ZONE } from '../scoring/period';
import type { RankingService } from './ranking.service';

export const RANKING_QUEUE = 'assessment-quarterly-ranking';
export const RANKING_SCHEDULER = 'rank-closed-quarter';

export interface RankingJobResult {
  quarterKey: string;
  outcome: string;
  rankingId: string | null;
  /** Which instance ran it (for operators and for the two-worker test). */
  worker: string;
}

/**
 * 季度排名任务 — a BullMQ job scheduler that fires after each quarter closes (Asia/Shanghai) and
 * ranks the quarter just closed. Every instance upserts the same scheduler (one schedule in
 * Redis, one job per firing) and runs a worker; the ranking itself is claimed by version id,
 * so a quarter is ranked exactly once however often or wherever the job runs.
 */
export class RankingJob {
  private queue: Queue | undefined;
  private worker: Worker | undefined;

  constructor(
    private readonly deps: {
      rankings: RankingService;
      connection: Redis;
      prefix: string;
      logger: Logger;
      /** Cron pattern with seconds; default 02:00 on the first day of each quarter. */
      pattern: string;
      instance: string;
    },
  ) {}

  async start(): Promise<void> {
    const opts = {
      connection: this.deps.connection,
      prefix: this.deps.prefix,
      logger: this.deps.logger,
    };
    this.queue = createQueue(RANKING_QUEUE, opts);
    await this.queue.upsertJobScheduler(
      RANKING_SCHEDULER,
      { pattern: this.deps.pattern, tz: ZONE },
      {
        name: 'rank-closed-quarter',
        data: {},
        opts: { attempts: 5, backoff: { type: 'exponential', delay: 5000 } },
      },
    );
    this.worker = createWorker<unknown, RankingJobResult>(
      RANKING_QUEUE,
      async () => {
        const r = await this.deps.rankings.rankClosedQuarter();
        this.deps.logger.info({ ...r, worker: this.deps.instance }, 'quarterly ranking job ran');
        return { ...r, worker: this.deps.instance };
      },
      { ...opts, lockDuration: 5 * 60_000 },
    );
  }

  get jobs(): Queue | undefined {
    return this.queue;
  }

  async stop(): Promise<void> {
    await this.worker?.close();
    await this.queue?.close();
  }
}
