import { AppError, bi } from '@fupin/kit';
import { normaliseExclusions, shanghaiYear, type WorkflowDefinition } from '../workflow.steps';
import { EXCLUSION_FLAGS, EXCLUSION_LABELS } from '../workflow.types';

/**
 * 精准识别 — identification: a candidate applies (declaring the exclusions), the village
 * appraises, the notice runs, the township reviews (an excluded household only with a
 * justification) and the county approves: the household is in poverty from that year.
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
  appraise({ cmd, run, step }) {
    if (cmd.exclusions) {
      run.exclusions = normaliseExclusions(cmd.exclusions, run.exclusions);
      step.details.exclusions = run.exclusions;
    }
  },
  review({ cmd, run, step }) {
    const declared = EXCLUSION_FLAGS.filter((f) => run.exclusions?.[f]);
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
    step.details = { exclusions: run.exclusions, justification: justification || null };
  },
  approve({ cmd, step, now, set }) {
    set.identificationYear = cmd.year ?? shanghaiYear(now);
    step.details = { identificationYear: set.identificationYear };
    return 'in_poverty';
  },
};
