import { AppError, bi, type FieldError } from '@fupin/kit';
import {
  allowedUsesFor,
  FundUse,
  type FundingSource,
  FundingSource as Sources,
  labelOf,
  NOTICE_SUBJECT_OF,
  type NoticeRequirement,
  type NoticeStep,
  type ProjectType,
  USE_OF_PROJECT_TYPE,
} from '@fupin/reference';
import { shiftDay } from '../shared/calendar';

/*
 * 公示 and 资金用途 — the rules, pure: whether a notice has been up for the days a step needs
 * (the step may be taken the day after the period's last day, not on it), whether a payment is
 * the final one, whether a project's use is allowed for each of its funding sources, and the
 * refusals (422 problem+json, zh-CN and en). No database, no HTTP; days as `YYYY-MM-DD`.
 */

/** The part of a recorded notice the period reads. */
export interface PostedNotice {
  step: NoticeStep;
  postedOn: string;
}

export type PeriodDecision =
  | { ok: true; postedOn: string | null }
  | {
      ok: false;
      requiredDays: number;
      /** The earliest posting of the step's notice; null when none was recorded. */
      postedOn: string | null;
      /** The period's last day (postedOn + days − 1); null without a posting. */
      lastDayOfPeriod: string | null;
      /** The first day the step may be taken; null without a posting. */
      firstAllowedOn: string | null;
    };

/**
 * Whether a step taken on `on` comes after its notice period: the earliest notice of the step
 * posted on D covers D … D + days − 1, so the step may be taken from D + days. No requirement,
 * no check.
 */
export function decideNoticePeriod(
  req: Pick<NoticeRequirement, 'days'> | null,
  step: NoticeStep,
  notices: readonly PostedNotice[],
  on: string,
): PeriodDecision {
  const posted = notices
    .filter((n) => n.step === step)
    .map((n) => n.postedOn)
    .sort()[0];
  if (!req) return { ok: true, postedOn: posted ?? null };
  if (!posted) {
    return {
      ok: false,
      requiredDays: req.days,
      postedOn: null,
      lastDayOfPeriod: null,
      firstAllowedOn: null,
    };
  }
  const firstAllowedOn = shiftDay(posted, req.days);
  if (on >= firstAllowedOn) return { ok: true, postedOn: posted };
  return {
    ok: false,
    requiredDays: req.days,
    postedOn: posted,
    lastDayOfPeriod: shiftDay(posted, req.days - 1),
    firstAllowedOn,
  };
}

/**
 * A payment is final (尾款) when it takes what the project has paid above `abovePercent` of its
 * planned investment: exactly at the share is not final, one fen above is.
 */
export function isFinalPayment(
  plannedTotalFen: number,
  disbursedFen: number,
  amountFen: number,
  abovePercent: number,
): boolean {
  return (disbursedFen + amountFen) * 100 > plannedTotalFen * abovePercent;
}

const STEP_LABEL: Record<NoticeStep, { 'zh-CN': string; en: string }> = {
  approval: bi('审批入库', 'approval into the library'),
  final_payment: bi('拨付尾款', 'the final payment'),
};

/** The refusal of a step taken before its notice period ended (nothing is written). */
export function noticePeriodNotMet(
  d: Extract<PeriodDecision, { ok: false }>,
  step: NoticeStep,
  on: string,
  version: number,
): AppError {
  const what = STEP_LABEL[step];
  const subject = NOTICE_SUBJECT_OF[step];
  const message = d.postedOn
    ? bi(
        `${what['zh-CN']}前须${subject['zh-CN']}满 ${d.requiredDays} 天：公示于 ${d.postedOn} 张贴，公示期至 ${d.lastDayOfPeriod}，${d.firstAllowedOn} 起方可办理（办理日期 ${on}）`,
        `${capital(what.en)} needs the ${subject.en} posted for ${d.requiredDays} days: posted on ${d.postedOn}, the period ends on ${d.lastDayOfPeriod}, so it may be done from ${d.firstAllowedOn} (asked for ${on})`,
      )
    : bi(
        `${what['zh-CN']}前须${subject['zh-CN']}满 ${d.requiredDays} 天，尚未登记公示`,
        `${capital(what.en)} needs the ${subject.en} posted for ${d.requiredDays} days; no notice has been recorded`,
      );
  return new AppError(422, 'FUNDS_NOTICE_PERIOD_NOT_MET', message, {
    errors: [{ field: 'notices', code: 'period_not_met', message }],
    extra: {
      step,
      requiredDays: d.requiredDays,
      postedOn: d.postedOn,
      lastDayOfPeriod: d.lastDayOfPeriod,
      firstAllowedOn: d.firstAllowedOn,
      on,
      rulesVersion: version,
    },
  });
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export interface UseRefusal {
  source: FundingSource;
  use: FundUse;
  allowed: readonly FundUse[];
}

/**
 * The funding sources of a project (those with a planned investment) that do not allow its use
 * on a day; empty when every source allows it.
 */
export function disallowedUses(
  p: { type: ProjectType; plannedInvestment: Partial<Record<FundingSource, number>> },
  on: string,
): { version: number; refusals: UseRefusal[] } {
  const use = USE_OF_PROJECT_TYPE[p.type];
  const refusals: UseRefusal[] = [];
  let version = 0;
  for (const [source, fen] of Object.entries(p.plannedInvestment) as [FundingSource, number][]) {
    if (!(fen > 0)) continue;
    const allowed = allowedUsesFor(source, on);
    version = allowed.version;
    if (allowed.uses && !allowed.uses.includes(use)) {
      refusals.push({ source, use, allowed: allowed.uses });
    }
  }
  return { version, refusals };
}

/** The refusal of an approval whose use a funding source does not allow. */
export function useNotAllowed(refusals: UseRefusal[], version: number): AppError {
  const lab = (u: FundUse, l: 'zh-CN' | 'en') => labelOf(FundUse, u, l);
  const src = (s: FundingSource, l: 'zh-CN' | 'en') => labelOf(Sources, s, l);
  const errors: FieldError[] = refusals.map((r) => ({
    field: `plannedInvestment.${r.source}`,
    code: 'use_not_allowed',
    message: bi(
      `「${src(r.source, 'zh-CN')}」资金只能用于${r.allowed.map((u) => lab(u, 'zh-CN')).join('、')}，不能用于「${lab(r.use, 'zh-CN')}」`,
      `${src(r.source, 'en')} funds may be used for ${r.allowed.map((u) => lab(u, 'en')).join(', ')} only, not for ${lab(r.use, 'en')}`,
    ),
  }));
  const first = refusals[0]!;
  return new AppError(
    422,
    'FUNDS_PROJECT_USE_NOT_ALLOWED',
    bi(
      `资金来源「${src(first.source, 'zh-CN')}」不能用于「${lab(first.use, 'zh-CN')}」，不能审批入库`,
      `The ${src(first.source, 'en')} funding may not be used for ${lab(first.use, 'en')}; the approval is refused`,
    ),
    {
      errors,
      extra: {
        use: first.use,
        sources: refusals.map((r) => r.source),
        allowedUses: Object.fromEntries(refusals.map((r) => [r.source, r.allowed])),
        rulesVersion: version,
      },
    },
  );
}
