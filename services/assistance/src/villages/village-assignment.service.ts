import { randomUUID } from 'node:crypto';
import {
  allOf,
  areaWithin,
  bi,
  conflict,
  type FieldError,
  type ListQuery,
  type Principal,
  type ScopedRepository,
  unprocessable,
  isDuplicateKey,
} from '@fupin/kit';
import { areaLevel, Department, isCodeOf, labelOf, shanghaiDateOf } from '@fupin/reference';
import { checkRevision, revisionConflict } from '../common/errors';
import { endDateFor } from '../common/terms';
import type { HelperService } from '../helpers/helper.service';
import type { AssignmentKind, VillageAssignment } from './village-assignment.model';

export interface AssignmentInput {
  kind: AssignmentKind;
  areaCode: string;
  helperId?: string | null;
  personName?: string | null;
  position?: string | null;
  unit?: string | null;
  department?: string | null;
  startDate?: string;
  endDate?: string | null;
}

export interface AssignmentFilter {
  area?: string;
  kind?: AssignmentKind;
  status?: 'active' | 'ended';
  helperId?: string;
}

export type AssignmentView = Omit<VillageAssignment, '_id' | 'slot'> & { id: string };

const MISSING = {
  what: bi('挂包安排', 'Village assignment'),
  code: 'ASSISTANCE_ASSIGNMENT_NOT_FOUND',
};

export function assignmentView(a: VillageAssignment): AssignmentView {
  const { _id, slot: _s, ...rest } = a;
  return { id: _id, ...rest };
}

/** A 12-digit code of a village the caller may manage, or a 422 naming the field. */
export function checkVillage(
  where: ScopedRepository<unknown>,
  p: Principal,
  code: string,
  field = 'areaCode',
): void {
  if (areaLevel(code) !== 'village')
    throw unprocessable(
      'ASSISTANCE_NOT_A_VILLAGE',
      bi('须为行政村代码', 'Must be the code of a village'),
      [{ field, code: 'not_village', message: bi('不是村级代码', 'not a village code') }],
    );
  where.assertWritable(p, code);
}

/**
 * 领导挂点, 部门包村, 驻村第一书记 — who is attached to a village and for which term; a village
 * has one first secretary at a time.
 */
export class VillageAssignmentService {
  constructor(
    private readonly deps: {
      /** Assignments, each in its village's area. */
      assignments: ScopedRepository<VillageAssignment>;
      helpers: HelperService;
      now: () => Date;
    },
  ) {}

  async create(p: Principal, input: AssignmentInput): Promise<AssignmentView> {
    checkVillage(this.deps.assignments, p, input.areaCode);
    const helper = input.helperId ? await this.deps.helpers.forWork(p, input.helperId) : null;
    const personName = input.personName ?? helper?.name ?? null;
    const department = input.department ?? helper?.department ?? null;
    const unit =
      input.unit ??
      helper?.unit ??
      (department && isCodeOf(Department, department)
        ? labelOf(Department, department, 'zh-CN')
        : null);
    const errors: FieldError[] = [];
    if (input.kind !== 'department' && !personName)
      errors.push({
        field: 'personName',
        code: 'required',
        message: bi('请填写姓名或选择帮扶干部', 'give the name or choose a helper'),
      });
    if (!unit)
      errors.push({
        field: 'unit',
        code: 'required',
        message: bi('请填写派出单位', 'give the sending unit'),
      });
    const today = shanghaiDateOf(this.deps.now());
    const startDate = input.startDate ?? today;
    if (input.endDate && input.endDate < startDate)
      errors.push({
        field: 'endDate',
        code: 'before_start',
        message: bi('结束日期早于开始日期', 'ends before it starts'),
      });
    if (errors.length)
      throw unprocessable(
        'ASSISTANCE_ASSIGNMENT_INVALID',
        bi('挂包安排信息不完整', 'The assignment is incomplete'),
        errors,
      );
    const now = this.deps.now();
    const id = randomUUID();
    const doc: VillageAssignment = {
      _id: id,
      kind: input.kind,
      areaCode: input.areaCode,
      helperId: helper?._id ?? null,
      personName,
      position: input.position ?? null,
      unit: unit as string,
      department,
      startDate,
      endDate: input.endDate ?? null,
      status: 'active',
      endReason: null,
      slot: input.kind === 'first_secretary' ? `first_secretary:${input.areaCode}` : id,
      createdAt: now,
      createdBy: p.userId,
      updatedAt: now,
      revision: 1,
    };
    try {
      await this.deps.assignments.create(p, doc);
    } catch (err) {
      if (isDuplicateKey(err))
        throw conflict(
          'ASSISTANCE_VILLAGE_HAS_FIRST_SECRETARY',
          bi(
            '该村已有在任第一书记，请先结束其任期',
            'The village already has a first secretary in office; end that term first',
          ),
        );
      throw err;
    }
    return assignmentView(doc);
  }

  private async load(p: Principal, id: string): Promise<VillageAssignment> {
    return this.deps.assignments.get(p, id, MISSING);
  }

  async get(p: Principal, id: string): Promise<AssignmentView> {
    return assignmentView(await this.load(p, id));
  }

  async end(
    p: Principal,
    id: string,
    input: { reason: string; endDate?: string; revision?: number },
  ): Promise<AssignmentView> {
    const current = await this.load(p, id);
    checkRevision(current.revision, input.revision);
    if (current.status !== 'active')
      throw conflict('ASSISTANCE_ASSIGNMENT_ENDED', bi('该安排已结束', 'Already ended'));
    const endDate = endDateFor(current.startDate, input.endDate, this.deps.now());
    const set = {
      status: 'ended' as const,
      endDate,
      endReason: input.reason,
      slot: id,
      updatedAt: this.deps.now(),
      revision: current.revision + 1,
    };
    const res = await this.deps.assignments.updateOne(
      p,
      { _id: id, revision: current.revision },
      { $set: set },
    );
    if (res.modifiedCount === 0) throw revisionConflict();
    return assignmentView({ ...current, ...set });
  }

  /** A list's own conditions; the repository adds the caller's scope. */
  filterOf(f: AssignmentFilter): Record<string, unknown> {
    const and: Record<string, unknown>[] = [f.area ? areaWithin(f.area) : {}];
    if (f.kind) and.push({ kind: f.kind });
    if (f.status) and.push({ status: f.status });
    if (f.helperId) and.push({ helperId: f.helperId });
    return allOf(...and);
  }

  async list(p: Principal, q: ListQuery<AssignmentFilter>) {
    const { items, total } = await this.deps.assignments.page(p, this.filterOf(q.filter), q);
    return { items: items.map(assignmentView), total };
  }
}
