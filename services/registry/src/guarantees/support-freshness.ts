import { AppError, bi, type FreshnessMeter, type ViewFreshness } from '@fupin/kit';

// How fresh the guarantees derived from support's events are: the registry's consumer of those
// events (group `support-facts`) measured against Kafka — support's events published and not yet
// applied. Measured from shared state (the group's commits), so every instance answers the same.

/** What a household's detail and a workflow step say of the support facts they were read with. */
export interface GuaranteeFreshness {
  /** Support's events (enrollment, dropout, coverage) published and not yet applied; null: unknown. */
  supportBehind: number | null;
  upToDate: boolean | null;
  /** When measured (the derived guarantees are as of this, less the events behind). */
  asOf: string;
  /** When this instance last applied a support event (null: none since it started). */
  lastAppliedAt: string | null;
}

/** A measure that takes longer answers "unknown" rather than hold a household's page. */
const MEASURE_TIMEOUT_MS = 1500;

export class SupportFactsFreshness {
  private meter: FreshnessMeter | undefined;
  private lastApplied: Date | null = null;

  constructor(private readonly now: () => Date = () => new Date()) {}

  /** The consumer has started: its meter (none when this instance does not consume). */
  attach(meter: FreshnessMeter | undefined): void {
    this.meter = meter;
  }

  applied(at: Date = this.now()): void {
    this.lastApplied = at;
  }

  get lastAppliedAt(): Date | null {
    return this.lastApplied;
  }

  /** The consumer's lag as measured now; null figures when it cannot be measured. */
  async measure(): Promise<GuaranteeFreshness & { freshness: ViewFreshness | null }> {
    const freshness = await this.view();
    return {
      supportBehind: freshness?.behind ?? null,
      upToDate: freshness ? freshness.upToDate : null,
      asOf: (freshness?.measuredAt ?? this.now()).toISOString(),
      lastAppliedAt: this.lastApplied?.toISOString() ?? null,
      freshness,
    };
  }

  /** The Kafka lag alone (no registry outbox: support's events are not the registry's). */
  async view(): Promise<ViewFreshness | null> {
    if (!this.meter) return null;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((r) => (timer = setTimeout(() => r(null), MEASURE_TIMEOUT_MS)));
    try {
      return await Promise.race([
        this.meter.measure(undefined, { lastApplied: false }).catch(() => null),
        late,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Before a step that reads the derived guarantees (identification, exit): waits while the
   * consumer is more than `maxBehind` events behind, at most `maxWaitMs`, then refuses (409).
   * Answers what the step records; an unmeasurable lag is recorded as unknown, not refused.
   */
  async forStep(opts: {
    maxBehind: number;
    maxWaitMs: number;
    pollMs?: number;
  }): Promise<GuaranteeFreshness> {
    const started = Date.now();
    for (;;) {
      const { freshness: _f, ...f } = await this.measure();
      const verdict = stepVerdict(f.supportBehind, Date.now() - started, opts);
      if (verdict === 'fresh') return f;
      if (verdict === 'behind') throw supportFactsBehind(f.supportBehind!, opts.maxBehind);
      await new Promise((r) => setTimeout(r, opts.pollMs ?? 250));
    }
  }
}

/** Fresh enough, wait, or refuse (pure). An unknown lag is not refused: it is recorded. */
export function stepVerdict(
  behind: number | null,
  waitedMs: number,
  opts: { maxBehind: number; maxWaitMs: number },
): 'fresh' | 'wait' | 'behind' {
  if (behind === null || behind <= opts.maxBehind) return 'fresh';
  return waitedMs < opts.maxWaitMs ? 'wait' : 'behind';
}

export function supportFactsBehind(behind: number, maxBehind: number): AppError {
  return new AppError(
    409,
    'REGISTRY_SUPPORT_FACTS_BEHIND',
    bi(
      `教育、健康扶贫数据尚未同步完（还差 ${behind} 条事件，允许 ${maxBehind} 条），两不愁三保障的认定可能不是最新的，请稍后再试`,
      `Support's education and health data is still syncing (${behind} events behind, ${maxBehind} allowed): the derived guarantees may be out of date; try again shortly`,
    ),
    {
      errors: [
        {
          field: 'guaranteeFacts',
          code: 'support_behind',
          message: bi(`落后 ${behind} 条事件`, `${behind} events behind`),
        },
      ],
      extra: { guaranteeFacts: { supportBehind: behind, maxBehind } },
    },
  );
}
