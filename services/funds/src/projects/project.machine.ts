import { AppError, bi, type Bilingual, type FieldError, type Right } from '@fupin/kit';
import type { ProjectStatus } from '@fupin/reference';
import { FIVE_SYSTEMS, type FiveSystem, type Project } from './project.model';

/*
 * The project's status machine, pure: proposed (申报) → approved (审批入库) → in progress (实施)
 * → completed (完工) → accepted (验收). Given the project, the step, its date and who asks,
 * either the next status or a refusal with a stable code. No database, no HTTP.
 */

export const PROJECT_ACTIONS = ['approve', 'start', 'complete', 'accept'] as const;
export type ProjectAction = (typeof PROJECT_ACTIONS)[number];

type DateField = keyof Project['dates'];

interface Step {
  from: ProjectStatus;
  to: ProjectStatus;
  right: Right;
  date: DateField;
  label: Bilingual;
}

export const PROJECT_STEPS: Record<ProjectAction, Step> = {
  approve: {
    from: 'proposed',
    to: 'approved',
    right: 'approve',
    date: 'approvedOn',
    label: bi('审批入库', 'approval into the library'),
  },
  start: {
    from: 'approved',
    to: 'in_progress',
    right: 'write',
    date: 'startedOn',
    label: bi('开工实施', 'start of work'),
  },
  complete: {
    from: 'in_progress',
    to: 'completed',
    right: 'write',
    date: 'completedOn',
    label: bi('完工', 'completion'),
  },
  accept: {
    from: 'completed',
    to: 'accepted',
    right: 'approve',
    date: 'acceptedOn',
    label: bi('验收', 'acceptance'),
  },
};

const STATUS_DATE: Record<ProjectStatus, DateField> = {
  proposed: 'proposedOn',
  approved: 'approvedOn',
  in_progress: 'startedOn',
  completed: 'completedOn',
  accepted: 'acceptedOn',
};

const FIVE_SYSTEM_LABELS: Record<FiveSystem, Bilingual> = {
  legalPerson: bi('项目法人制', 'project legal-person system'),
  tendering: bi('招投标制', 'tendering system'),
  supervision: bi('工程监理制', 'supervision system'),
  contract: bi('合同管理制', 'contract system'),
  integrity: bi('廉政责任制', 'integrity responsibility system'),
};

export interface Decision {
  to: ProjectStatus;
  dateField: DateField;
}

/** Decides a step; throws the refusal. `on` defaults to today. */
export function decideStep(
  project: Pick<Project, 'status' | 'dates' | 'plannedTotalFen' | 'fiveSystems'>,
  action: ProjectAction,
  on: string,
  today: string,
  rights: Right[],
): Decision {
  const step = PROJECT_STEPS[action];
  if (!rights.includes(step.right)) {
    throw new AppError(
      403,
      'FORBIDDEN_RIGHT',
      bi(
        `「${step.label['zh-CN']}」需要项目资金模块的「${step.right}」权限`,
        `The ${step.label.en} needs the "${step.right}" right on the funds module`,
      ),
    );
  }
  if (project.status !== step.from) {
    throw new AppError(
      409,
      'FUNDS_PROJECT_STATUS_CONFLICT',
      bi(
        `项目当前状态不能办理「${step.label['zh-CN']}」`,
        `The project's current status (${project.status}) does not allow the ${step.label.en}`,
      ),
      { extra: { status: project.status, expected: step.from } },
    );
  }
  const errors: FieldError[] = [];
  if (on > today) {
    errors.push({
      field: 'on',
      code: 'in_future',
      message: bi('日期不能晚于今天', 'the date cannot be after today'),
    });
  }
  const previous = project.dates[STATUS_DATE[project.status]];
  if (previous && on < previous) {
    errors.push({
      field: 'on',
      code: 'before_previous',
      message: bi(`日期不能早于上一环节（${previous}）`, `the date cannot be before ${previous}`),
    });
  }
  if (action === 'approve' && project.plannedTotalFen <= 0) {
    errors.push({
      field: 'plannedInvestment',
      code: 'required',
      message: bi('入库前须填写计划投资', 'a planned investment is needed before approval'),
    });
  }
  if (action === 'accept') {
    for (const k of FIVE_SYSTEMS) {
      if (project.fiveSystems[k]?.inPlace) continue;
      errors.push({
        field: `fiveSystems.${k}`,
        code: 'not_in_place',
        message: bi(
          `${FIVE_SYSTEM_LABELS[k]['zh-CN']}未落实`,
          `the ${FIVE_SYSTEM_LABELS[k].en} is not in place`,
        ),
      });
    }
  }
  if (errors.length) {
    throw new AppError(
      422,
      'FUNDS_PROJECT_STEP_REFUSED',
      bi(
        `不能办理「${step.label['zh-CN']}」，请查看标出的原因`,
        `The ${step.label.en} is refused; see the listed reasons`,
      ),
      { errors },
    );
  }
  return { to: step.to, dateField: step.date };
}

/** 开工率 and 完成率 over the projects that reached the library (approved or later). */
export function rates(byStatus: Partial<Record<ProjectStatus, number>>): {
  inLibrary: number;
  started: number;
  finished: number;
  startRatePercent: number | null;
  completionRatePercent: number | null;
} {
  const n = (s: ProjectStatus) => byStatus[s] ?? 0;
  const finished = n('completed') + n('accepted');
  const started = n('in_progress') + finished;
  const inLibrary = n('approved') + started;
  // Percentages are ratios of counts, not money: one decimal is what the bulletins print.
  const pct = (x: number) => (inLibrary ? Math.round((x * 1000) / inLibrary) / 10 : null);
  return {
    inLibrary,
    started,
    finished,
    startRatePercent: pct(started),
    completionRatePercent: pct(finished),
  };
}
