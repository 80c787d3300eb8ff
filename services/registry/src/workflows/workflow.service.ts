import { randomUUID } from 'node:crypto';
import type { RiskFacts } from '../monitoring/risk.rules';
import { bi, type Principal, unprocessable } from '@fupin/kit';
import { shanghaiDateOf } from '@fupin/reference';
import type { HouseholdStatus } from '../households/household.model';
import type { HouseholdService } from '../households/household.service';
import type { PovertyLineService } from './poverty-line.service';
import {
  decide,
  EXCLUSION_LABELS,
  type ExclusionProposal,
  pendingStep,
  type StepCommand,
  stateOf,
  type WorkflowRun,
  type WorkflowStep,
} from './workflow.machine';
import { decideProposal, propose } from './workflow.proposals';
import {
  giveNotice,
  NOTICE_CHANNELS,
  type NoticeChannel,
  noticeText,
  recordResponse,
} from './household-notice.rules';
import dayjs from 'dayjs';
import type { GuaranteeFreshness } from '../guarantees/support-freshness';

/**
 * The steps that read the derived guarantees (exit conditions, identification eligibility, the
 * removal from monitoring): each records how far behind support's events they were, and waits
 * or refuses when too far.
 */
export const GUARANTEE_STEPS: Partial<Record<StepCommand['kind'], readonly string[]>> = {
  exit: ['start', 'review', 'approve'],
  identification: ['appraise', 'approve'],
  monitoring_removal: ['start'],
};

/** Support's events a guarantee-reading step accepts being behind, and how long it waits. */
export const SUPPORT_FACTS_DEFAULTS = { maxBehind: 500, maxWaitMs: 10_000 };
/** 告知与答复: days a household has to answer, unless configured. */
export const DEFAULT_RESPONSE_DAYS = 15;

const actorOf = (p: Principal) => ({ id: p.userId, name: p.username, areaCode: p.areaCode });

/** A household's workflows as the API shows them. */
export interface WorkflowView {
  householdId: string;
  householdNo: string;
  status: HouseholdStatus;
  revision: number;
  /** The running workflow, or null. */
  active: WorkflowRun | null;
  /** The step the running workflow waits for, and when its notice ends. */
  pending: ReturnType<typeof pendingStep>;
  /** Earlier runs, approved or rejected, oldest first. */
  closed: WorkflowRun[];
  /** Exclusion flags proposed from matching findings, with their decisions. */
  proposals: ExclusionProposal[];
}

/** Told when a run opened for a matching finding closes (approved or rejected). */
export type RunClosedHook = (findingId: string, run: WorkflowRun, reason: string) => Promise<void>;

export interface StepRequest extends StepCommand {
  /** The household revision the step is based on; a newer one is a 409. */
  revision?: number;
}

/**
 * 识别 / 退出 / 返贫 / 监测 — runs the workflow machines over households: load, decide (pure),
 * then one guarded write of the new status, workflow state, history entry and events.
 */
export class WorkflowService {
  constructor(
    private readonly deps: {
      households: HouseholdService;
      now: () => Date;
      lines: PovertyLineService;
      onFindingRunClosed?: RunClosedHook;
      supportFacts?: { maxBehind: number; maxWaitMs: number };
      /** Days a household told of a finding has to answer (告知与答复; 15 by default). */
      responseDays?: number;
      /** 风险消除's facts of a household (the monitoring module's follow-up log and warnings). */
      riskFacts?: (householdId: string, areaCode: string) => Promise<RiskFacts>;
    },
  ) {}

  /** How fresh the support facts a guarantee-reading step uses are; null for other steps. */
  private async guaranteeFacts(cmd: StepCommand): Promise<GuaranteeFreshness | null> {
    if (!GUARANTEE_STEPS[cmd.kind]?.includes(cmd.action)) return null;
    return this.deps.households.supportFreshness.forStep(
      this.deps.supportFacts ?? SUPPORT_FACTS_DEFAULTS,
    );
  }

  async get(p: Principal, householdId: string): Promise<WorkflowView> {
    const h = await this.deps.households.load(p, householdId);
    const state = stateOf(h.workflow);
    return {
      householdId: h._id,
      householdNo: h.householdNo,
      status: h.status,
      revision: h.revision,
      active: state.active,
      pending: pendingStep(h.workflow),
      closed: state.closed,
      proposals: state.proposals ?? [],
    };
  }

  async step(
    p: Principal,
    householdId: string,
    req: StepRequest,
  ): Promise<WorkflowView & { step: WorkflowStep }> {
    const { revision, ...cmd } = req;
    const h = await this.deps.households.load(p, householdId);
    const facts = await this.guaranteeFacts(cmd);
    const decision = decide(
      h,
      h.workflow,
      cmd,
      {
        id: p.userId,
        name: p.username,
        areaCode: p.areaCode,
        rights: p.rights.registry ?? [],
      },
      this.deps.now(),
      randomUUID,
      {
        lineOf: await this.deps.lines.lookupFor(h.areaCode),
        risk:
          cmd.kind === 'monitoring_removal' && cmd.action === 'start' && this.deps.riskFacts
            ? await this.deps.riskFacts(householdId, h.areaCode)
            : undefined,
      },
    );
    // The step records the support facts' lag it read the guarantees with.
    if (facts) decision.step.details = { ...decision.step.details, guaranteeFacts: facts };
    const next = await this.deps.households.transition(p, householdId, {
      from: [h.status],
      to: decision.to,
      action: decision.historyAction,
      workflow: cmd.kind,
      reason: cmd.reason,
      evidence: cmd.evidence ?? [],
      workflowState: decision.state,
      set: decision.set,
      // The decision was made on this revision: a change in between must not be overwritten.
      revision: revision ?? h.revision,
    });
    const closedRun = decision.state.active ? null : decision.state.closed.at(-1);
    if (closedRun?.findingId && closedRun.closedAt === decision.step.at) {
      await this.deps.onFindingRunClosed?.(closedRun.findingId, closedRun, cmd.reason);
    }
    return {
      householdId: next.id,
      householdNo: next.householdNo,
      status: next.status,
      revision: next.revision,
      active: decision.state.active,
      pending: pendingStep(decision.state),
      closed: decision.state.closed,
      proposals: decision.state.proposals ?? [],
      step: decision.step,
    };
  }

  /**
   * Records an exclusion flag proposed from a matching finding on the household's workflow
   * state (a history entry naming the finding); false when the finding proposed it already.
   */
  async proposeExclusion(
    p: Principal,
    householdId: string,
    input: { findingId: string; rule: string },
  ): Promise<boolean> {
    const h = await this.deps.households.load(p, householdId);
    const next = propose(h.workflow, { ...input, at: this.deps.now() });
    if (!next) return false;
    const label = EXCLUSION_LABELS[next.proposal.flag];
    await this.deps.households.transition(p, householdId, {
      from: [h.status],
      to: h.status,
      action: 'exclusion.proposed',
      workflow: 'identification',
      reason: `比对问题 ${input.findingId}（${input.rule}）提出排除情形：${label['zh-CN']}`,
      evidence: [`finding:${input.findingId}`],
      workflowState: next.state,
      revision: h.revision,
    });
    return true;
  }

  /** A person confirms or dismisses a proposed exclusion, with a reason. */
  async decideExclusion(
    p: Principal,
    householdId: string,
    findingId: string,
    body: { decision: 'confirm' | 'dismiss'; reason: string; revision?: number },
  ): Promise<WorkflowView> {
    const h = await this.deps.households.load(p, householdId);
    const next = decideProposal(h.workflow, {
      findingId,
      decision: body.decision,
      reason: body.reason,
      actor: { id: p.userId, name: p.username, areaCode: p.areaCode },
      at: this.deps.now(),
    });
    await this.deps.households.transition(p, householdId, {
      from: [h.status],
      to: h.status,
      action: `exclusion.${body.decision === 'confirm' ? 'confirmed' : 'dismissed'}`,
      workflow: 'identification',
      reason: body.reason,
      evidence: [`finding:${findingId}`],
      workflowState: next.state,
      revision: body.revision ?? h.revision,
    });
    return this.get(p, householdId);
  }

  /**
   * 告知: the household of a clearance opened for a finding is told (the text generated from the
   * finding unless the township writes its own), with the day, the channel and the window.
   */
  async giveHouseholdNotice(
    p: Principal,
    householdId: string,
    body: { givenOn: string; channel: NoticeChannel; text?: string; revision?: number },
  ): Promise<WorkflowView> {
    this.refuseFutureDay(body.givenOn, 'givenOn');
    const h = await this.deps.households.load(p, householdId);
    const days = this.deps.responseDays ?? DEFAULT_RESPONSE_DAYS;
    const run = stateOf(h.workflow).active;
    const text =
      body.text ??
      noticeText({
        householdNo: h.householdNo,
        headName: h.headName,
        findingId: run?.findingId ?? '',
        reason: run?.steps[0]?.reason ?? '',
        respondBy: dayjs(body.givenOn).add(days, 'day').format('YYYY-MM-DD'),
      });
    const next = giveNotice(h.workflow, { ...body, text, days, actor: actorOf(p) });
    await this.deps.households.transition(p, householdId, {
      from: [h.status],
      to: h.status,
      action: 'clearance.household_notified',
      workflow: 'clearance',
      reason: `${NOTICE_CHANNELS[body.channel].zh}（${body.givenOn}），答复期至${next.notice.respondBy}`,
      evidence: [`finding:${run?.findingId ?? ''}`],
      workflowState: next.state,
      revision: body.revision ?? h.revision,
    });
    return this.get(p, householdId);
  }

  /** 答复: what the household answered (an objection or not), once. */
  async recordHouseholdResponse(
    p: Principal,
    householdId: string,
    body: { receivedOn: string; text: string; objects: boolean; revision?: number },
  ): Promise<WorkflowView> {
    this.refuseFutureDay(body.receivedOn, 'receivedOn');
    const h = await this.deps.households.load(p, householdId);
    const next = recordResponse(h.workflow, { ...body, actor: actorOf(p) });
    await this.deps.households.transition(p, householdId, {
      from: [h.status],
      to: h.status,
      action: 'clearance.household_answered',
      workflow: 'clearance',
      reason: `${body.objects ? '提出异议' : '无异议'}：${body.text}`,
      evidence: [],
      workflowState: next.state,
      revision: body.revision ?? h.revision,
    });
    return this.get(p, householdId);
  }

  /** A day told or answered cannot be after today (Asia/Shanghai, the service clock). */
  private refuseFutureDay(day: string, field: string): void {
    if (day <= shanghaiDateOf(this.deps.now())) return;
    throw unprocessable(
      'REGISTRY_DAY_IN_FUTURE',
      bi('日期不能晚于今天', 'The day cannot be after today'),
      [{ field, code: 'future', message: bi('不能晚于今天', 'not after today') }],
    );
  }
}
