import { randomUUID } from 'node:crypto';
import {
  actorOf,
  bi,
  conflict,
  type ListQuery,
  type Principal,
  type ScopedRepository,
  unprocessable,
} from '@fupin/kit';
import { shanghaiDateOf, taskRiskRuleFor } from '@fupin/reference';
import type { ScheduleTask } from './task.model';
import {
  progressErrors,
  type TaskStanding,
  taskDateErrors,
  taskStandingOf,
  TASK_STATES,
  type TaskState,
} from './task.rules';
import type { TaskFilter, TaskInput, TaskProgressInput } from './task.schemas';

export type TaskView = Omit<ScheduleTask, '_id'> & { id: string; standing: TaskStanding };

const MISSING = { what: bi('任务', 'Task'), code: 'ASSESSMENT_TASK_NOT_FOUND' };
export const taskStale = (currentRevision: number) =>
  conflict(
    'ASSESSMENT_TASK_STALE',
    bi('任务已被他人修改，请刷新后重试', 'The task was changed by someone else; reload and retry'),
    { currentRevision },
  );

const duplicateCode = (code: string) =>
  conflict(
    'ASSESSMENT_TASK_CODE_TAKEN',
    bi(`任务编号 ${code} 已存在`, `Task code ${code} is already used`),
  );

const isDuplicateKey = (err: unknown) => (err as { code?: number }).code === 11000;

/** 倒排工期 — the county's task schedule: entered, imported, reported on, and read by state. */
export class TaskService {
  constructor(private readonly deps: { tasks: ScopedRepository<ScheduleTask>; now: () => Date }) {}

  today(): string {
    return shanghaiDateOf(this.deps.now());
  }

  view(t: ScheduleTask, today = this.today()): TaskView {
    const { _id, ...rest } = t;
    return { id: _id, ...rest, standing: taskStandingOf(t, today, taskRiskRuleFor(today)) };
  }

  /** A new task, or the documents an import stores: validated, in the caller's area. */
  build(p: Principal, input: TaskInput): ScheduleTask {
    const errors = taskDateErrors(input);
    if (errors.length)
      throw unprocessable(
        'ASSESSMENT_TASK_INVALID',
        bi('任务的日期不一致', "The task's dates do not agree"),
        errors,
      );
    const at = this.deps.now();
    return {
      _id: randomUUID(),
      code: input.code,
      title: input.title,
      ownerUnit: input.ownerUnit,
      leader: input.leader ?? null,
      areaCode: input.areaCode,
      startOn: input.startOn,
      dueOn: input.dueOn,
      milestones: input.milestones.map((m) => ({ ...m, doneOn: null })),
      progressPercent: 0,
      completedOn: null,
      done: false,
      link: input.link ?? null,
      reports: [],
      createdBy: actorOf(p),
      createdAt: at,
      updatedAt: at,
      revision: 1,
    };
  }

  async create(p: Principal, input: TaskInput): Promise<TaskView> {
    const doc = this.build(p, input);
    this.deps.tasks.assertWritable(p, doc);
    try {
      await this.deps.tasks.create(p, doc);
    } catch (err) {
      if (isDuplicateKey(err)) throw duplicateCode(input.code);
      throw err;
    }
    return this.view(doc);
  }

  async get(p: Principal, id: string): Promise<TaskView> {
    return this.view(await this.deps.tasks.get(p, id, MISSING));
  }

  /** Changes what a task is (its progress is reported, not edited). */
  async update(p: Principal, id: string, input: TaskInput & { revision: number }) {
    const current = await this.deps.tasks.getForChange(p, id, MISSING);
    if (current.revision !== input.revision) throw taskStale(current.revision);
    const next = this.build(p, input);
    this.deps.tasks.assertWritable(p, next);
    const milestones = next.milestones.map((m) => ({
      ...m,
      doneOn: current.milestones.find((o) => o.title === m.title)?.doneOn ?? null,
    }));
    const { revision, ...fields } = input;
    const set = {
      ...fields,
      leader: next.leader,
      link: next.link,
      milestones,
      updatedAt: this.deps.now(),
      revision: revision + 1,
    };
    try {
      const done = await this.deps.tasks.findOneAndUpdate(
        p,
        { _id: id, revision: current.revision },
        { $set: set },
      );
      if (!done) throw taskStale(current.revision);
      return this.view(done);
    } catch (err) {
      if (isDuplicateKey(err)) throw duplicateCode(input.code);
      throw err;
    }
  }

  /** 进度填报: the progress on a day and the milestones done; 100% completes the task. */
  async report(p: Principal, id: string, input: TaskProgressInput): Promise<TaskView> {
    const current = await this.deps.tasks.getForChange(p, id, MISSING);
    if (input.revision !== undefined && input.revision !== current.revision)
      throw taskStale(current.revision);
    const errors = progressErrors(input, current, this.today());
    const unknown = input.milestonesDone.filter((i) => i >= current.milestones.length);
    if (unknown.length)
      errors.push({
        field: 'milestonesDone',
        code: 'unknown',
        message: bi(`没有第 ${unknown[0]! + 1} 个节点`, `there is no milestone ${unknown[0]! + 1}`),
      });
    if (errors.length)
      throw unprocessable(
        'ASSESSMENT_TASK_PROGRESS_INVALID',
        bi('进度填报有误', 'The progress report is not valid'),
        errors,
      );
    const milestones = current.milestones.map((m, i) =>
      input.milestonesDone.includes(i) && !m.doneOn ? { ...m, doneOn: input.reportedOn } : m,
    );
    const completedOn = input.percent === 100 ? (current.completedOn ?? input.reportedOn) : null;
    const entry = {
      percent: input.percent,
      reportedOn: input.reportedOn,
      note: input.note ?? null,
      reason: input.reason ?? null,
      by: actorOf(p),
      at: this.deps.now(),
    };
    const done = await this.deps.tasks.findOneAndUpdate(
      p,
      { _id: id, revision: current.revision },
      {
        $set: {
          progressPercent: input.percent,
          completedOn,
          done: completedOn !== null,
          milestones,
          updatedAt: entry.at,
          revision: current.revision + 1,
        },
        $push: { reports: entry },
      },
    );
    if (!done) throw taskStale(current.revision);
    return this.view(done);
  }

  /** One page of the schedule; a state filter is decided on the day, over indexed candidates. */
  async list(
    p: Principal,
    q: ListQuery<TaskFilter>,
  ): Promise<{ items: TaskView[]; total: number }> {
    const today = this.today();
    const { state, linkKind, linkRef, ...rest } = q.filter;
    const filter: Record<string, unknown> = { ...rest };
    if (linkKind) filter['link.kind'] = linkKind;
    if (linkRef) filter['link.ref'] = linkRef;
    const noReports = { reports: 0 } as const;
    if (!state) {
      const { items, total } = await this.deps.tasks.page(p, filter, q, noReports);
      return { items: items.map((t) => this.view(t, today)), total };
    }
    // The state is decided on the day: the open (or the finished) tasks of the filter are read
    // through their index (an equality and the area's range: one range is all a scan may bound)
    // and the day's rule picks and orders them.
    filter.done = state === 'done' || state === 'done_late';
    const { items, total } = await this.deps.tasks.pageDecided(
      p,
      filter,
      q,
      (t) => this.view(t, today).standing.state === state,
      { narrowBy: bi('按责任单位或地区', 'by unit or area'), projection: noReports },
    );
    return { items: items.map((t) => this.view(t, today)), total };
  }

  /** The dashboard's and the bulletin's figures: tasks by state, per unit, and the late ones. */
  async summary(p: Principal): Promise<TaskSummary> {
    const today = this.today();
    const byState = Object.fromEntries(TASK_STATES.map((s) => [s, 0])) as Record<TaskState, number>;
    const units = new Map<string, Record<TaskState, number>>();
    const late: TaskView[] = [];
    for await (const t of this.deps.tasks.cursor(p, {}, { projection: { reports: 0 } })) {
      const v = this.view(t, today);
      byState[v.standing.state] += 1;
      const u =
        units.get(t.ownerUnit) ??
        (Object.fromEntries(TASK_STATES.map((s) => [s, 0])) as Record<TaskState, number>);
      u[v.standing.state] += 1;
      units.set(t.ownerUnit, u);
      if (v.standing.state === 'overdue' || v.standing.state === 'at_risk') late.push(v);
    }
    late.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.code.localeCompare(b.code));
    const finished = byState.done + byState.done_late;
    return {
      today,
      ruleVersion: taskRiskRuleFor(today).version,
      byState,
      onTimePercent: finished === 0 ? null : Math.round((byState.done / finished) * 1000) / 10,
      units: [...units].map(([ownerUnit, counts]) => ({ ownerUnit, ...counts })),
      late: late.slice(0, 50),
    };
  }
}

export interface TaskSummary {
  today: string;
  ruleVersion: number;
  byState: Record<TaskState, number>;
  /** Finished tasks done by their deadline, percent (one decimal); null before any is done. */
  onTimePercent: number | null;
  units: ({ ownerUnit: string } & Record<TaskState, number>)[];
  /** The overdue and at-risk tasks, earliest deadline first (at most 50). */
  late: TaskView[];
}
