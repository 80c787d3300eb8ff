import { randomUUID } from 'node:crypto';
import {
  actorOf,
  AppError,
  bi,
  conflict,
  outboxUpdate,
  type Principal,
  READ_IN_SCOPE,
  type ScopedRepository,
} from '@fupin/kit';
import type { ExitConditionsService } from './exit-conditions.service';
import {
  type ConditionCheck,
  type ExitConditions,
  villageExitChecks,
} from './exit-conditions.rules';
import { decideVillageExit, pendingVillageExit, recordPastExit } from './village-exit.machine';
import {
  type VillageExitCaller,
  type VillageExitCommand,
  type VillageExitDecision,
  type VillageExitRun,
  villageExitStateOf,
  type VillageExitStep,
  type VillageExitSubject,
} from './village-exit.types';
import { villageUpdated } from './village.events';
import type { Village } from './village.model';
import type { VillageService, VillageView } from './village.service';

/** A village's exit as the API shows it: the conditions checked now, the runs and their steps. */
export interface VillageExitView {
  villageCode: string;
  name: string;
  poorVillage: boolean;
  exited: boolean;
  exitYear: number | null;
  povertyIncidencePercent: number | null;
  revision: number;
  conditions: ExitConditions;
  /** Every condition against the village's facts now; failing ones are what a step would refuse. */
  checks: ConditionCheck[];
  active: VillageExitRun | null;
  pending: ReturnType<typeof pendingVillageExit>;
  closed: VillageExitRun[];
}

const stale = (currentRevision: number) =>
  conflict(
    'REGISTRY_VILLAGE_STALE',
    bi(
      '该村信息已被他人修改，请刷新后重试',
      'The village was changed by someone else; reload and retry',
    ),
    { currentRevision },
  );

const callerOf = (p: Principal): VillageExitCaller => ({
  id: p.userId,
  name: p.username,
  areaCode: p.areaCode,
  rights: p.rights.registry ?? [],
});

/**
 * 贫困村退出 — loads the village, its figures and its county's conditions, lets the machine
 * decide, then one guarded write of the exit state (and, on approval, the exit and its event).
 */
export class VillageExitService {
  constructor(
    private readonly deps: {
      villages: ScopedRepository<Village>;
      facts: VillageService;
      conditions: ExitConditionsService;
      eventsStored?: () => void;
      now: () => Date;
    },
  ) {}

  private async load(p: Principal, code: string) {
    const view = await this.deps.facts.get(p, code);
    const [stored, conditions] = await Promise.all([
      this.deps.villages.findOne(p, { code }),
      this.deps.conditions.forArea(code),
    ]);
    const checks = villageExitChecks(view, conditions);
    const subject: VillageExitSubject = {
      code,
      townshipCode: view.townshipCode,
      poorVillage: view.poorVillage,
      exited: view.exited,
      checks,
      conditionsVersion: conditions.version,
    };
    return { view, stored, conditions, checks, subject };
  }

  async get(p: Principal, code: string): Promise<VillageExitView> {
    const { view, stored, conditions, checks } = await this.load(p, code);
    return this.viewOf(view, stored, conditions, checks);
  }

  private viewOf(
    view: VillageView,
    stored: Pick<Village, 'exitWorkflow' | 'revision'> | null,
    conditions: ExitConditions,
    checks: ConditionCheck[],
  ): VillageExitView {
    const state = villageExitStateOf(stored?.exitWorkflow);
    return {
      villageCode: view.code,
      name: view.name,
      poorVillage: view.poorVillage,
      exited: view.exited,
      exitYear: view.exitYear,
      povertyIncidencePercent: view.povertyIncidencePercent,
      revision: stored?.revision ?? 0,
      conditions,
      checks,
      active: state.active,
      pending: pendingVillageExit(state),
      closed: state.closed,
    };
  }

  /** Takes one step of the village's exit; `revision` guards against a change in between. */
  async step(
    p: Principal,
    code: string,
    cmd: VillageExitCommand & { revision?: number },
  ): Promise<VillageExitView & { step: VillageExitStep }> {
    const { revision, ...command } = cmd;
    const loaded = await this.load(p, code);
    const decision = decideVillageExit(
      loaded.subject,
      loaded.stored?.exitWorkflow,
      command,
      callerOf(p),
      this.deps.now(),
      randomUUID,
    );
    return this.save(p, code, loaded, decision, revision);
  }

  /** 补录 — an exit the county approved in an earlier year, with its approval document. */
  async record(
    p: Principal,
    code: string,
    cmd: { year: number; reason: string; evidence: string[]; revision?: number },
  ): Promise<VillageExitView & { step: VillageExitStep }> {
    const { revision, ...command } = cmd;
    const loaded = await this.load(p, code);
    const decision = recordPastExit(
      loaded.subject,
      loaded.stored?.exitWorkflow,
      command,
      callerOf(p),
      this.deps.now(),
      randomUUID,
    );
    return this.save(p, code, loaded, decision, revision);
  }

  private async save(
    p: Principal,
    code: string,
    loaded: Awaited<ReturnType<VillageExitService['load']>>,
    decision: VillageExitDecision,
    revision: number | undefined,
  ): Promise<VillageExitView & { step: VillageExitStep }> {
    const { stored, view } = loaded;
    // A village the machine lets through is a recorded poor village: its facts exist.
    if (!stored)
      throw new AppError(
        500,
        'REGISTRY_VILLAGE_NOT_RECORDED',
        bi('村信息缺失', 'No village facts'),
      );
    if (revision !== undefined && revision !== stored.revision) throw stale(stored.revision);
    const now = this.deps.now();
    const set: Record<string, unknown> = {
      exitWorkflow: decision.state,
      revision: stored.revision + 1,
      updatedAt: now,
      updatedBy: p.userId,
    };
    let update: Record<string, unknown> = { $set: set };
    if (decision.exitYear !== null) {
      set.exited = true;
      set.exitYear = decision.exitYear;
      const next = { ...stored, exited: true, exitYear: decision.exitYear };
      const event = villageUpdated(next, view.name, ['exited', 'exitYear'], actorOf(p));
      update = outboxUpdate(update, [event]);
    }
    const res = await this.deps.villages.updateOne(
      READ_IN_SCOPE,
      { _id: stored._id, revision: stored.revision },
      update,
    );
    if (res.matchedCount !== 1) throw stale(stored.revision);
    if (decision.exitYear !== null) this.deps.eventsStored?.();
    const after = await this.deps.facts.get(p, code);
    return {
      ...this.viewOf(
        after,
        { exitWorkflow: decision.state, revision: stored.revision + 1 },
        loaded.conditions,
        loaded.checks,
      ),
      step: decision.step,
    };
  }
}
