import { AppError, bi } from '@fupin/kit';
import { identificationChecks, identificationRefusal } from '../workflow.eligibility';
import {
  effectiveExclusions,
  normaliseExclusions,
  shanghaiYear,
  type StepContext,
  type WorkflowDefinition,
} from '../workflow.steps';
import { EXCLUSION_FLAGS, EXCLUSION_LABELS } from '../workflow.types';

/**
 * 精准识别 — identification: a candidate applies (declaring the exclusions), the village
 * appraises, the notice runs, the township reviews (an excluded household only with a
 * justification) and the county approves: the household is in poverty from that year. The
 * appraisal and the approval check the conditions (income under the year's line or a guarantee
 * known not met, and no exclusion left unjustified) and refuse with every failing check.
 */
export const identification: WorkflowDefinition = {
  steps: ['appraise', 'notice', 'review', 'approve'],
  from: ['candidate', 'cancelled'],
  onReject: 'cancelled',
  // Re-applying after a refusal puts the household back among the candidates.
  runningStatus: 'candidate',
  start({ cmd, run, step }) {
    run.exclusions = normaliseExclusions(cmd.exclusions, null);
    step.details = { exclusions: run.exclusions };
  },
  appraise(ctx) {
    const { cmd, run, step } = ctx;
    if (cmd.exclusions) {
      run.exclusions = normaliseExclusions(cmd.exclusions, run.exclusions);
      step.details.exclusions = run.exclusions;
    }
    // The village lists the exclusions; the township's review justifies them or refuses.
    step.details.checks = eligible(ctx, { beforeReview: true });
  },
  review({ cmd, run, step, state }) {
    const exclusions = effectiveExclusions(run, state);
    const declared = EXCLUSION_FLAGS.filter((f) => exclusions[f]);
    const justification = cmd.justification?.trim() ?? '';
    if (declared.length && justification.length < 2) {
      throw new AppError(
        422,
        'REGISTRY_IDENTIFICATION_EXCLUDED',
        bi(
          `该户属于排除情形（${declared.map((f) => EXCLUSION_LABELS[f]['zh-CN']).join('、')}），须说明理由方可通过审核`,
          `The household falls under an exclusion (${declared.map((f) => EXCLUSION_LABELS[f].en).join(', ')}); a justification is required to pass the review`,
        ),
        {
          errors: declared.map((f) => ({
            field: `exclusions.${f}`,
            code: 'excluded',
            message: EXCLUSION_LABELS[f],
          })),
          extra: { failedChecks: declared.map((f) => `exclusion.${f}`) },
        },
      );
    }
    step.details = { exclusions, justification: justification || null };
  },
  approve(ctx) {
    const { cmd, step, now, set, run } = ctx;
    // The township's review justified the exclusions it saw; the facts may have changed since.
    const review = run.steps.find((s) => s.action === 'review');
    const checks = eligible(ctx, { justified: typeof review?.details.justification === 'string' });
    set.identificationYear = cmd.year ?? shanghaiYear(now);
    step.details = { identificationYear: set.identificationYear, checks };
    return 'in_poverty';
  },
};

/** The identification conditions now, refused with every failing check. */
function eligible(
  { h, run, state, lineOf }: StepContext,
  opts: { justified?: boolean; beforeReview?: boolean },
) {
  const checks = identificationChecks(h, effectiveExclusions(run, state), { lineOf, ...opts });
  const refusal = identificationRefusal(checks);
  if (refusal) throw refusal;
  return checks;
}
