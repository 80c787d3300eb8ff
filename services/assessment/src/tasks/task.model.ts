import type { Actor } from '@fupin/contracts';
import { type Connection, type Model, Schema } from 'mongoose';
import type { Milestone } from './task.rules';

/** What a task is tied to: an indicator of the scheme, or a funds project (by its code). */
export interface TaskLink {
  kind: 'indicator' | 'project';
  ref: string;
}

export interface TaskProgressReport {
  percent: number;
  reportedOn: string;
  note: string | null;
  reason: string | null;
  by: Actor;
  at: Date;
}

/** 倒排工期 — one task of the county's schedule: who owes what, where, by when. */
export interface ScheduleTask {
  _id: string;
  /** 任务编号, as the county numbers its schedule; unique. */
  code: string;
  title: string;
  /** 责任单位: the unit (township or department) that owes it. */
  ownerUnit: string;
  /** 责任人 (a post or a name as the county writes it); optional. */
  leader: string | null;
  /** The area it is done in: the county, or a township or village (scopes who sees it). */
  areaCode: string;
  startOn: string;
  dueOn: string;
  milestones: Milestone[];
  progressPercent: number;
  completedOn: string | null;
  /** Whether it is completed: what the lists filter on (an index does not find a null day). */
  done: boolean;
  link: TaskLink | null;
  reports: TaskProgressReport[];
  createdBy: Actor;
  createdAt: Date;
  updatedAt: Date;
  revision: number;
}

const taskSchema = new Schema<ScheduleTask>(
  {
    _id: String,
    code: { type: String, required: true },
    title: { type: String, required: true },
    ownerUnit: { type: String, required: true },
    leader: { type: String, default: null },
    areaCode: { type: String, required: true },
    startOn: { type: String, required: true },
    dueOn: { type: String, required: true },
    milestones: { type: Schema.Types.Mixed, default: [] },
    progressPercent: { type: Number, required: true },
    completedOn: { type: String, default: null },
    done: { type: Boolean, required: true },
    link: { type: Schema.Types.Mixed, default: null },
    reports: { type: Schema.Types.Mixed, default: [] },
    createdBy: { type: Schema.Types.Mixed, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    revision: { type: Number, required: true },
  },
  { collection: 'schedule_tasks', versionKey: false, minimize: false },
);
taskSchema.index({ code: 1 }, { unique: true });
// The list: by deadline within the caller's area, alone and with the unit or the open ones.
taskSchema.index({ areaCode: 1, dueOn: 1 });
taskSchema.index({ ownerUnit: 1, areaCode: 1, dueOn: 1 });
taskSchema.index({ done: 1, areaCode: 1, dueOn: 1 });
// The on-time indicator: the tasks started by a period's end.
taskSchema.index({ startOn: 1 });
taskSchema.index({ 'link.kind': 1, 'link.ref': 1, areaCode: 1 });

export type ScheduleTaskModel = Model<ScheduleTask>;

export function scheduleTaskModel(conn: Connection): ScheduleTaskModel {
  return (
    (conn.models.ScheduleTask as ScheduleTaskModel | undefined) ??
    conn.model<ScheduleTask>('ScheduleTask', taskSchema)
  );
}
