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
import { checkRevision, revisionConflict } from '../common/errors';
import { endDateFor } from '../common/terms';
import type { HelperService } from '../helpers/helper.service';
import { checkVillage } from './village-assignment.service';
import type { TeamMember, TeamRole, WorkTeam } from './village-assignment.model';
import { shanghaiDateOf } from '@fupin/reference';

export interface TeamMemberInput {
  id?: string;
  name?: string;
  helperId?: string | null;
  role: TeamRole;
  unit?: string | null;
  from?: string;
  to?: string | null;
}

export interface WorkTeamInput {
  areaCode: string;
  name?: string | null;
  unit: string;
  termStart?: string;
  termEnd?: string | null;
  members: TeamMemberInput[];
}

export type WorkTeamPatch = Partial<Omit<WorkTeamInput, 'areaCode'>>;

export interface WorkTeamFilter {
  area?: string;
  status?: 'active' | 'ended';
}

export type WorkTeamView = Omit<WorkTeam, '_id' | 'slot'> & { id: string };

const MISSING = { what: bi('驻村工作队', 'Work team'), code: 'ASSISTANCE_WORK_TEAM_NOT_FOUND' };

export function workTeamView(t: WorkTeam): WorkTeamView {
  const { _id, slot: _s, ...rest } = t;
  return { id: _id, ...rest };
}

/** 驻村工作队 — one active team per village, its members each with their own term. */
export class WorkTeamService {
  constructor(
    private readonly deps: {
      /** Work teams, each in its village's area. */
      teams: ScopedRepository<WorkTeam>;
      helpers: HelperService;
      now: () => Date;
    },
  ) {}

  private async members(
    p: Principal,
    inputs: TeamMemberInput[],
    termStart: string,
  ): Promise<TeamMember[]> {
    const errors: FieldError[] = [];
    const out: TeamMember[] = [];
    for (const [i, m] of inputs.entries()) {
      const helper = m.helperId
        ? await this.deps.helpers.forWork(p, m.helperId, `members.${i}.helperId`)
        : null;
      const name = m.name ?? helper?.name;
      if (!name) {
        errors.push({
          field: `members.${i}.name`,
          code: 'required',
          message: bi('请填写姓名或选择帮扶干部', 'give the name or choose a helper'),
        });
        continue;
      }
      const from = m.from ?? termStart;
      if (m.to && m.to < from)
        errors.push({
          field: `members.${i}.to`,
          code: 'before_start',
          message: bi('离队日期早于入队日期', 'leaves before joining'),
        });
      out.push({
        id: m.id ?? randomUUID(),
        name,
        helperId: helper?._id ?? null,
        role: m.role,
        unit: m.unit ?? helper?.unit ?? null,
        from,
        to: m.to ?? null,
      });
    }
    const leaders = out.filter((m) => m.role === 'leader' && m.to === null);
    if (leaders.length > 1)
      errors.push({
        field: 'members',
        code: 'two_leaders',
        message: bi('在任队长只能有一名', 'only one serving team leader'),
      });
    if (errors.length)
      throw unprocessable(
        'ASSISTANCE_WORK_TEAM_INVALID',
        bi('工作队信息有误', 'The work team is invalid'),
        errors,
      );
    return out;
  }

  async create(p: Principal, input: WorkTeamInput): Promise<WorkTeamView> {
    checkVillage(this.deps.teams, p, input.areaCode);
    const now = this.deps.now();
    const termStart = input.termStart ?? shanghaiDateOf(now);
    if (input.termEnd && input.termEnd < termStart)
      throw unprocessable(
        'ASSISTANCE_END_BEFORE_START',
        bi('任期结束早于开始', 'The term ends before it starts'),
        [{ field: 'termEnd', code: 'before_start', message: bi('早于开始日期', 'before start') }],
      );
    const members = await this.members(p, input.members, termStart);
    const doc: WorkTeam = {
      _id: randomUUID(),
      areaCode: input.areaCode,
      name: input.name ?? null,
      unit: input.unit,
      termStart,
      termEnd: input.termEnd ?? null,
      members,
      status: 'active',
      slot: `team:${input.areaCode}`,
      history: [
        { at: now, actorId: p.userId, actorName: p.username, action: 'created', note: null },
      ],
      createdAt: now,
      updatedAt: now,
      revision: 1,
    };
    try {
      await this.deps.teams.create(p, doc);
    } catch (err) {
      if (isDuplicateKey(err))
        throw conflict(
          'ASSISTANCE_VILLAGE_HAS_WORK_TEAM',
          bi('该村已有在任驻村工作队', 'The village already has a work team in office'),
        );
      throw err;
    }
    return workTeamView(doc);
  }

  private async load(p: Principal, id: string): Promise<WorkTeam> {
    return this.deps.teams.get(p, id, MISSING);
  }

  async get(p: Principal, id: string): Promise<WorkTeamView> {
    return workTeamView(await this.load(p, id));
  }

  async update(p: Principal, id: string, patch: WorkTeamPatch, revision?: number) {
    const current = await this.load(p, id);
    checkRevision(current.revision, revision);
    if (current.status !== 'active')
      throw conflict('ASSISTANCE_WORK_TEAM_ENDED', bi('该工作队任期已结束', 'The team has ended'));
    const termStart = patch.termStart ?? current.termStart;
    const next: WorkTeam = {
      ...current,
      name: patch.name !== undefined ? patch.name : current.name,
      unit: patch.unit ?? current.unit,
      termStart,
      termEnd: patch.termEnd !== undefined ? patch.termEnd : current.termEnd,
      members: patch.members ? await this.members(p, patch.members, termStart) : current.members,
      updatedAt: this.deps.now(),
      revision: current.revision + 1,
    };
    await this.save(p, current, next, 'updated', null);
    return workTeamView(next);
  }

  async end(
    p: Principal,
    id: string,
    input: { reason: string; endDate?: string; revision?: number },
  ): Promise<WorkTeamView> {
    const current = await this.load(p, id);
    checkRevision(current.revision, input.revision);
    if (current.status !== 'active')
      throw conflict('ASSISTANCE_WORK_TEAM_ENDED', bi('该工作队任期已结束', 'The team has ended'));
    const termEnd = endDateFor(current.termStart, input.endDate, this.deps.now());
    const next: WorkTeam = {
      ...current,
      status: 'ended',
      termEnd,
      slot: id,
      members: current.members.map((m) => ({ ...m, to: m.to ?? termEnd })),
      updatedAt: this.deps.now(),
      revision: current.revision + 1,
    };
    await this.save(p, current, next, 'ended', input.reason);
    return workTeamView(next);
  }

  private async save(
    p: Principal,
    current: WorkTeam,
    next: WorkTeam,
    action: string,
    note: string | null,
  ) {
    const { _id, history: _h, ...set } = next;
    const entry = { at: next.updatedAt, actorId: p.userId, actorName: p.username, action, note };
    next.history = [...current.history, entry];
    const res = await this.deps.teams.updateOne(
      p,
      { _id, revision: current.revision },
      { $set: set, $push: { history: entry } },
    );
    if (res.modifiedCount === 0) throw revisionConflict();
  }

  /** A list's own conditions; the repository adds the caller's scope. */
  filterOf(f: WorkTeamFilter): Record<string, unknown> {
    const and: Record<string, unknown>[] = [f.area ? areaWithin(f.area) : {}];
    if (f.status) and.push({ status: f.status });
    return allOf(...and);
  }

  async list(p: Principal, q: ListQuery<WorkTeamFilter>) {
    const { items, total } = await this.deps.teams.page(p, this.filterOf(q.filter), q);
    return { items: items.map(workTeamView), total };
  }
}
