import { AppError, bi, type FreshnessMeter } from '@fupin/kit';
import type { FactsFreshness } from './screening.model';

/**
 * The facts a screening reads from other services' events, each a view of this registry with a
 * meter (support's enrollment, dropout and coverage events; the in-patient costs). A view whose
 * consumer does not run here is recorded as unmeasured (behind: null), not refused.
 */
export interface FactsView {
  name: string;
  label: { 'zh-CN': string; en: string };
  meter: () => FreshnessMeter | undefined;
}

/** Fresh, wait or refuse (pure): only a measured lag beyond 0 after the wait refuses. */
export function factsVerdict(
  behind: (number | null)[],
  waitedMs: number,
  maxWaitMs: number,
): 'fresh' | 'wait' | 'behind' {
  if (behind.every((b) => b === null || b === 0)) return 'fresh';
  return waitedMs < maxWaitMs ? 'wait' : 'behind';
}

export function factsBehind(views: FactsView[], figures: FactsFreshness[]): AppError {
  const late = figures
    .map((f, i) => ({ f, v: views[i]! }))
    .filter(({ f }) => f.behind !== null && f.behind > 0);
  return new AppError(
    409,
    'REGISTRY_MONITORING_FACTS_BEHIND',
    bi(
      `筛查所需的部门数据尚未同步完（${late.map(({ f, v }) => `${v.label['zh-CN']}还差 ${f.behind} 条事件`).join('；')}），未进行筛查，请稍后再试`,
      `The department data the screening reads is still syncing (${late.map(({ f, v }) => `${v.label.en}: ${f.behind} events behind`).join('; ')}); nothing was screened, try again shortly`,
    ),
    {
      errors: late.map(({ f, v }) => ({
        field: 'freshness',
        code: v.name,
        message: bi(`落后 ${f.behind} 条事件`, `${f.behind} events behind`),
      })),
      extra: { freshness: figures },
    },
  );
}

/**
 * Measures every view and waits while any is behind (at most `maxWaitMs`); answers what the
 * screening records, or throws `factsBehind`.
 */
export async function awaitFacts(
  views: FactsView[],
  opts: { maxWaitMs: number; pollMs?: number },
): Promise<FactsFreshness[]> {
  const started = Date.now();
  for (;;) {
    const figures = await Promise.all(
      views.map(async (v): Promise<FactsFreshness> => {
        const meter = v.meter();
        const f = meter
          ? await meter.measure(undefined, { lastApplied: false }).catch(() => null)
          : null;
        return {
          view: v.name,
          behind: f ? f.behind : null,
          measuredAt: f?.measuredAt ?? new Date(),
          waitedMs: Date.now() - started,
        };
      }),
    );
    const verdict = factsVerdict(
      figures.map((f) => f.behind),
      Date.now() - started,
      opts.maxWaitMs,
    );
    if (verdict === 'fresh') return figures;
    if (verdict === 'behind') throw factsBehind(views, figures);
    await new Promise((r) => setTimeout(r, opts.pollMs ?? 500));
  }
}
