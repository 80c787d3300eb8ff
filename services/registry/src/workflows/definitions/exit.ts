import { exitChecks, exitRefusal } from '../workflow.checks';
import { missing, type WorkflowDefinition } from '../workflow.steps';

/**
 * 脱贫退出 — exit: started for a stated year, refused unless the household meets the exit
 * conditions at the start, at the township review and again at the county approval.
 */
export const exit: WorkflowDefinition = {
  steps: ['appraise', 'notice', 'review', 'approve'],
  from: ['in_poverty', 'returned'],
  onReject: null,
  required(cmd) {
    if (cmd.year === undefined) throw missing('year');
  },
  start({ h, cmd, run, step, lineOf }) {
    const year = cmd.year!;
    const checks = exitChecks(h, year, lineOf);
    const refusal = exitRefusal(checks);
    if (refusal) throw refusal;
    run.year = year;
    step.details = { year, checks };
  },
  review({ h, run, step, lineOf }) {
    const checks = exitChecks(h, run.year!, lineOf);
    const refusal = exitRefusal(checks);
    if (refusal) throw refusal;
    step.details = { checks };
  },
  approve({ h, run, step, set, lineOf }) {
    // The facts may have changed during the notice: the conditions hold at approval too.
    const checks = exitChecks(h, run.year!, lineOf);
    const refusal = exitRefusal(checks);
    if (refusal) throw refusal;
    set.exitYear = run.year!;
    step.details = { checks, exitYear: run.year };
    return 'exited';
  },
};
