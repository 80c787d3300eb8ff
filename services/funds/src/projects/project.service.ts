import { randomUUID } from 'node:crypto';
import {
  AppError,
  allOf,
  areaWithin,
  bi,
  conflict,
  escapeRegex,
  type FieldError,
  type ListQuery,
  outboxUpdate,
  type Principal,
  type ProjectedHousehold,
  type ProjectedHouseholdModel,
  REGISTERED_HOUSEHOLDS,
  unprocessable,
  withOutbox,
  actorOf,
  isDuplicateKey,
  type ScopedRepository,
} from '@fupin/kit';
import { scopePrefix, shanghaiDateOf, townshipOf } from '@fupin/reference';
import type { FileService } from '../files/file.service';
import { sumFen } from '../shared/money';
import { historyEntry } from '../shared/principal';
import { projectRegistered, projectStatusChanged, projectUpdated } from './project.events';
import { checkApproval } from '../project-notices/project-notice.checks';
import { decideStep, type ProjectAction } from './project.machine';
import {
  type Beneficiaries,
  FIVE_SYSTEMS,
  type FiveSystems,
  type Project,
  SOURCES,
  zeroMoney,
} from './project.model';
import type { ProjectCreate, ProjectFilter, ProjectUpdate } from './project.schemas';

export type ProjectView = Omit<
  Project,
  '_id' | 'history' | 'outbox' | 'hasOutbox' | 'outboxLease' | 'approvedFen'
> & {
  id: string;
};

const MISSING = { what: bi('项目', 'Project'), code: 'FUNDS_PROJECT_NOT_FOUND' };
const HIDDEN = { history: 0, outbox: 0, outboxLease: 0 } as const;

/** Fields fixed once the project is approved into the library (入库). */
const LOCKED_AFTER_PROPOSAL = ['type', 'areaCode', 'plannedInvestment'] as const;

/** 项目库 — registering projects, their facts, status steps, documents and history. */
export class ProjectService {
  constructor(
    private readonly deps: {
      /** Projects, each in its village's (or township's) area. */
      projects: ScopedRepository<Project>;
      households: ProjectedHouseholdModel;
      files: FileService;
      eventsStored: () => void;
      now: () => Date;
    },
  ) {}

  async register(p: Principal, input: ProjectCreate): Promise<ProjectView> {
    this.deps.projects.assertWritable(p, input.areaCode);
    const now = this.deps.now();
    const today = shanghaiDateOf(now);
    const errors: FieldError[] = [];
    if (input.proposedOn && input.proposedOn > today) {
      errors.push({
        field: 'proposedOn',
        code: 'in_future',
        message: bi('申报日期不能晚于今天', 'the proposal date cannot be after today'),
      });
    }
    const beneficiaries = await this.beneficiaries(input.beneficiaries, input.areaCode, errors);
    if (errors.length) throw refused(errors);
    const plannedInvestment = plannedOf(input.plannedInvestment);
    const doc: Project = {
      _id: randomUUID(),
      code: input.code,
      name: input.name,
      type: input.type,
      year: input.year,
      areaCode: input.areaCode,
      townshipCode: townshipOf(input.areaCode) ?? input.areaCode,
      location: input.location ?? null,
      contractor: input.contractor ?? null,
      responsible: input.responsible ?? null,
      plannedInvestment,
      plannedTotalFen: sumFen(Object.values(plannedInvestment)),
      beneficiaries,
      fiveSystems: fiveSystemsOf(input.fiveSystems),
      status: 'proposed',
      dates: {
        proposedOn: input.proposedOn ?? today,
        approvedOn: null,
        startedOn: null,
        completedOn: null,
        acceptedOn: null,
      },
      plannedStartOn: input.plannedStartOn ?? null,
      plannedFinishOn: input.plannedFinishOn ?? null,
      progressPercent: null,
      progressReports: [],
      notices: [],
      documents: [],
      funding: Object.fromEntries(SOURCES.map((s) => [s, zeroMoney()])) as Project['funding'],
      money: zeroMoney(),
      allocations: [],
      holds: [],
      transfers: [],
      history: [historyEntry(p, now, 'register', { to: 'proposed' })],
      createdAt: now,
      updatedAt: now,
      revision: 1,
    };
    try {
      await this.deps.projects.create(
        p,
        withOutbox(doc, [projectRegistered(doc, actorOf(p), now)]),
      );
    } catch (err) {
      if (isDuplicateKey(err)) {
        throw conflict(
          'FUNDS_PROJECT_CODE_EXISTS',
          bi(`项目编号 ${input.code} 已存在`, `Project number ${input.code} already exists`),
        );
      }
      throw err;
    }
    this.deps.eventsStored();
    return viewOf(doc);
  }

  async list(p: Principal, q: ListQuery<ProjectFilter>) {
    const { items, total } = await this.deps.projects.page(p, this.conditionsOf(q.filter), q, {
      ...HIDDEN,
    });
    return { items: items.map(viewOf), total };
  }

  /** Every project of a list's filter in the caller's scope, by code (the export's rows). */
  cursor(p: Principal, f: ProjectFilter): AsyncIterable<Project> {
    return this.deps.projects.cursor(p, this.conditionsOf(f), {
      projection: { history: 0, outbox: 0 },
      sort: { code: 1 },
    });
  }

  private conditionsOf(f: ProjectFilter): Record<string, unknown> {
    const and: Record<string, unknown>[] = [];
    if (f.q) {
      const re = { $regex: `^${escapeRegex(f.q)}` };
      and.push({ $or: [{ code: re }, { name: re }] });
    }
    if (f.status) and.push({ status: Array.isArray(f.status) ? { $in: f.status } : f.status });
    if (f.type) and.push({ type: Array.isArray(f.type) ? { $in: f.type } : f.type });
    if (f.year !== undefined) and.push({ year: f.year });
    if (f.areaCode) and.push(areaWithin(f.areaCode, 'areaCode'));
    if (f.townshipCode) and.push({ townshipCode: f.townshipCode });
    if (f.id) and.push({ _id: Array.isArray(f.id) ? { $in: f.id } : f.id });
    return allOf(...and);
  }

  async get(p: Principal, id: string): Promise<ProjectView> {
    return viewOf(await this.load(p, id));
  }

  /** The whole project, refused (403) outside the caller's scope. */
  load(p: Principal, id: string): Promise<Project> {
    return this.deps.projects.getForChange(p, id, MISSING, { outbox: 0 });
  }

  async update(
    p: Principal,
    id: string,
    patch: ProjectUpdate,
    revision: number,
  ): Promise<ProjectView> {
    const current = await this.load(p, id);
    checkRevision(current, revision);
    const errors: FieldError[] = [];
    if (current.status === 'accepted') {
      throw conflict(
        'FUNDS_PROJECT_CLOSED',
        bi('项目已验收，不能再修改', 'The project has been accepted; it can no longer change'),
      );
    }
    if (current.status !== 'proposed') {
      const planned = patch.plannedInvestment && plannedOf(patch.plannedInvestment);
      const proposed = { ...patch, plannedInvestment: planned };
      for (const k of LOCKED_AFTER_PROPOSAL) {
        if (proposed[k] === undefined) continue;
        if (JSON.stringify(proposed[k]) === JSON.stringify(current[k])) continue;
        errors.push({
          field: k,
          code: 'locked',
          message: bi('项目已审批入库，此项不能修改', 'fixed once the project is approved'),
        });
      }
    }
    if (patch.areaCode) this.deps.projects.assertWritable(p, patch.areaCode);
    const set: Partial<Project> = {};
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.type !== undefined) set.type = patch.type;
    if (patch.year !== undefined) set.year = patch.year;
    if (patch.areaCode !== undefined) {
      set.areaCode = patch.areaCode;
      set.townshipCode = townshipOf(patch.areaCode) ?? patch.areaCode;
    }
    if (patch.location !== undefined) set.location = patch.location;
    if (patch.contractor !== undefined) set.contractor = patch.contractor;
    if (patch.responsible !== undefined) set.responsible = patch.responsible;
    if (patch.plannedInvestment !== undefined) {
      set.plannedInvestment = plannedOf(patch.plannedInvestment);
      set.plannedTotalFen = sumFen(Object.values(set.plannedInvestment));
    }
    if (patch.plannedStartOn !== undefined) set.plannedStartOn = patch.plannedStartOn;
    if (patch.plannedFinishOn !== undefined) set.plannedFinishOn = patch.plannedFinishOn;
    const start = set.plannedStartOn ?? current.plannedStartOn;
    const finish = set.plannedFinishOn ?? current.plannedFinishOn;
    if (start && finish && finish < start) {
      errors.push({
        field: 'plannedFinishOn',
        code: 'before_start',
        message: bi('计划完工日期不能早于计划开工日期', 'the planned finish is before the start'),
      });
    }
    if (patch.fiveSystems !== undefined) {
      set.fiveSystems = { ...current.fiveSystems, ...fiveSystemsOf(patch.fiveSystems, false) };
    }
    if (patch.beneficiaries !== undefined) {
      set.beneficiaries = await this.beneficiaries(
        patch.beneficiaries,
        set.areaCode ?? current.areaCode,
        errors,
      );
    }
    if (errors.length) throw refused(errors);
    const changed = Object.keys(set).filter(
      (k) =>
        JSON.stringify(set[k as keyof Project]) !== JSON.stringify(current[k as keyof Project]),
    );
    if (changed.length === 0) return viewOf(current);
    const now = this.deps.now();
    const next: Project = { ...current, ...set, revision: current.revision + 1, updatedAt: now };
    const fields = Object.fromEntries(changed.map((k) => [k, next[k as keyof Project]]));
    await this.save(p, current, {
      $set: { ...fields, revision: next.revision, updatedAt: now },
      history: historyEntry(p, now, 'update', { changed }),
      events: [projectUpdated(next, changed, actorOf(p), now)],
    });
    return viewOf(next);
  }

  /** A status step (审批入库, 开工, 完工, 验收) on the given date (today by default). */
  async step(
    p: Principal,
    id: string,
    input: {
      action: ProjectAction;
      on?: string | undefined;
      note?: string | null | undefined;
      revision?: number | undefined;
    },
    rights: Parameters<typeof decideStep>[4],
  ): Promise<ProjectView> {
    const current = await this.load(p, id);
    if (input.revision !== undefined) checkRevision(current, input.revision);
    const now = this.deps.now();
    const today = shanghaiDateOf(now);
    const on = input.on ?? today;
    const decision = decideStep(current, input.action, on, today, rights);
    if (input.action === 'approve') checkApproval(current, on);
    const next: Project = {
      ...current,
      status: decision.to,
      dates: { ...current.dates, [decision.dateField]: on },
      revision: current.revision + 1,
      updatedAt: now,
    };
    await this.save(p, current, {
      $set: {
        status: next.status,
        [`dates.${decision.dateField}`]: on,
        revision: next.revision,
        updatedAt: now,
      },
      history: historyEntry(p, now, input.action, {
        from: current.status,
        to: next.status,
        note: input.note ?? null,
        changed: ['status', `dates.${decision.dateField}`],
      }),
      events: [projectStatusChanged(next, current.status, on, actorOf(p), now)],
    });
    return viewOf(next);
  }

  /** Attaches an uploaded file (approval, tender, contract, acceptance papers, photos). */
  async addDocument(
    p: Principal,
    id: string,
    input: { fileId: string; kind: string; title: string },
  ): Promise<ProjectView> {
    const current = await this.load(p, id);
    const [file] = await this.deps.files.resolve(p, [input.fileId], 'fileId');
    const now = this.deps.now();
    const doc = {
      id: randomUUID(),
      fileId: file!.fileId,
      fileName: file!.fileName,
      sha256: file!.sha256,
      kind: input.kind,
      title: input.title,
      addedAt: now,
      addedBy: p.username,
    };
    const next: Project = {
      ...current,
      documents: [...current.documents, doc],
      revision: current.revision + 1,
      updatedAt: now,
    };
    await this.deps.files.link([doc.fileId], current.areaCode);
    await this.save(p, current, {
      $set: { revision: next.revision, updatedAt: now },
      $push: { documents: doc },
      history: historyEntry(p, now, 'document', { changed: ['documents'], note: input.title }),
      events: [projectUpdated(next, ['documents'], actorOf(p), now)],
    });
    return viewOf(next);
  }

  async history(p: Principal, id: string) {
    return (await this.load(p, id)).history;
  }

  /** One single-document write: the change, its history line and its events; guarded by revision. */
  async save(
    p: Principal,
    current: Project,
    change: {
      $set: Record<string, unknown>;
      $push?: Record<string, unknown>;
      history: Project['history'][number];
      events: Parameters<typeof outboxUpdate>[1];
    },
  ): Promise<void> {
    const res = await this.deps.projects.updateOne(
      p,
      { _id: current._id, revision: current.revision },
      outboxUpdate(
        { $set: change.$set, $push: { ...change.$push, history: change.history } },
        change.events,
      ),
    );
    if (res.matchedCount !== 1) throw stale();
    this.deps.eventsStored();
  }

  /**
   * Beneficiaries with the registered poor households looked up in the registry projection:
   * each must be a registered household inside the project's township (or the county, for
   * a county-wide project); their people are counted from the projection's active members.
   */
  private async beneficiaries(
    input: { households: number; people: number; poorHouseholdIds: string[] },
    areaCode: string,
    errors: FieldError[],
  ): Promise<Beneficiaries> {
    const ids = [...new Set(input.poorHouseholdIds)];
    const found = ids.length
      ? await this.deps.households
          .find({ _id: { $in: ids }, ...REGISTERED_HOUSEHOLDS }, { members: 1, areaCode: 1 })
          .lean<Pick<ProjectedHousehold, '_id' | 'members' | 'areaCode'>[]>()
      : [];
    const byId = new Map(found.map((h) => [h._id, h]));
    const within = scopePrefix(townshipOf(areaCode) ?? areaCode);
    let poorPeople = 0;
    input.poorHouseholdIds.forEach((id, i) => {
      const h = byId.get(id);
      if (!h) {
        errors.push({
          field: `beneficiaries.poorHouseholdIds.${i}`,
          code: 'not_registered',
          message: bi('建档立卡户库中没有此户', 'no such household in the registry'),
        });
        return;
      }
      if (!h.areaCode.startsWith(within)) {
        errors.push({
          field: `beneficiaries.poorHouseholdIds.${i}`,
          code: 'outside_project_area',
          message: bi('该户不在项目所在乡镇', 'the household is outside the project township'),
        });
      }
    });
    for (const id of ids) {
      poorPeople += byId.get(id)?.members.filter((m) => m.status === 'active').length ?? 0;
    }
    if (input.households < ids.length) {
      errors.push({
        field: 'beneficiaries.households',
        code: 'below_poor',
        message: bi('受益户数不能少于其中的建档立卡户数', 'fewer households than poor households'),
      });
    }
    if (input.people < poorPeople) {
      errors.push({
        field: 'beneficiaries.people',
        code: 'below_poor',
        message: bi('受益人数不能少于其中的建档立卡人数', 'fewer people than poor people'),
      });
    }
    return {
      households: input.households,
      people: input.people,
      poorHouseholdIds: ids,
      poorHouseholds: ids.length,
      poorPeople,
    };
  }
}

function plannedOf(input: Partial<Record<(typeof SOURCES)[number], number>>) {
  return Object.fromEntries(SOURCES.map((s) => [s, input[s] ?? 0])) as Project['plannedInvestment'];
}

function fiveSystemsOf(
  input: Partial<
    Record<(typeof FIVE_SYSTEMS)[number], { inPlace: boolean; note?: string | null | undefined }>
  >,
  fill = true,
): FiveSystems {
  const out: Partial<FiveSystems> = {};
  for (const k of FIVE_SYSTEMS) {
    const v = input[k];
    if (v) out[k] = { inPlace: v.inPlace, note: v.note ?? null };
    else if (fill) out[k] = { inPlace: false, note: null };
  }
  return out as FiveSystems;
}

function refused(errors: FieldError[]): AppError {
  return unprocessable(
    'FUNDS_PROJECT_INVALID',
    bi('项目信息有误，请查看标出的字段', 'The project is invalid; see the listed fields'),
    errors,
  );
}

function stale(currentRevision?: number): AppError {
  return conflict(
    'FUNDS_PROJECT_STALE',
    bi(
      '项目已被他人修改，请刷新后重试',
      'The project was changed by someone else; reload and retry',
    ),
    currentRevision === undefined ? {} : { currentRevision },
  );
}

function checkRevision(p: Project, revision: number): void {
  if (revision !== p.revision) throw stale(p.revision);
}

export function viewOf(p: Project): ProjectView {
  const {
    _id,
    history: _h,
    outbox: _o,
    hasOutbox: _ho,
    outboxLease: _ol,
    approvedFen: _af,
    ...rest
  } = p;
  // Projects stored before planned dates and progress existed read as having none.
  return {
    id: _id,
    ...rest,
    plannedStartOn: rest.plannedStartOn ?? null,
    plannedFinishOn: rest.plannedFinishOn ?? null,
    progressPercent: rest.progressPercent ?? null,
    progressReports: rest.progressReports ?? [],
    notices: rest.notices ?? [],
  };
}
