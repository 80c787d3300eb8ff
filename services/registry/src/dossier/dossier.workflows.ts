import type { DossierTimelineEntry } from '@fupin/contracts';
import { bi, type Bounded, bounded, timelineDay, timelineInstant } from '@fupin/kit';
import { pendingStep } from '../workflows/workflow.machine';
import {
  ACTION_LABELS,
  type ExclusionProposal,
  KIND_LABELS,
  NOTICE_CHANNELS,
  stateOf,
  type WorkflowRun,
} from '../workflows/workflow.types';

// The household's workflows in its dossier (pure): the running one with the step it waits for,
// the recent closed ones (识别, 退出, 返贫, 监测, 清退 with 告知与答复), and their timeline.

/** Closed runs shown, newest first. */
export const CLOSED_RUN_LIMIT = 50;

export interface RunEntry {
  id: string;
  kind: WorkflowRun['kind'];
  stage: WorkflowRun['stage'];
  outcome: WorkflowRun['outcome'];
  fromStatus: string;
  startedAt: string;
  closedAt: string | null;
  year: number | null;
  category: string | null;
  /** The matching finding a 清退 was opened for. */
  findingId: string | null;
  /** 公示: its first and last instants. */
  notice: { startsAt: string; endsAt: string } | null;
  /** 告知与答复: the household told of the finding, and its answer. */
  householdNotice: {
    givenOn: string;
    channel: string;
    text: string;
    respondBy: string;
    givenBy: string;
    response: { receivedOn: string; objects: boolean; text: string; recordedBy: string } | null;
  } | null;
  steps: { action: string; at: string; actorName: string; reason: string; evidence: string[] }[];
}

export interface WorkflowsSection {
  active: RunEntry | null;
  /** The step the running workflow waits for, and when its notice ends. */
  pending: ReturnType<typeof pendingStep>;
  recent: Bounded<RunEntry>;
  /** Exclusion flags proposed from matching findings, with their decisions. */
  proposals: {
    findingId: string;
    rule: string;
    flag: string;
    status: ExclusionProposal['status'];
    proposedAt: string;
    decidedAt: string | null;
    decidedBy: string | null;
    reason: string | null;
  }[];
}

export function runEntry(run: WorkflowRun): RunEntry {
  const n = run.householdNotice ?? null;
  return {
    id: run.id,
    kind: run.kind,
    stage: run.stage,
    outcome: run.outcome,
    fromStatus: run.fromStatus,
    startedAt: timelineInstant(run.startedAt),
    closedAt: run.closedAt ? timelineInstant(run.closedAt) : null,
    year: run.year ?? null,
    category: run.category ?? null,
    findingId: run.findingId ?? null,
    notice: run.notice
      ? {
          startsAt: timelineInstant(run.notice.startsAt),
          endsAt: timelineInstant(run.notice.endsAt),
        }
      : null,
    householdNotice: n && {
      givenOn: n.givenOn,
      channel: n.channel,
      text: n.text,
      respondBy: n.respondBy,
      givenBy: n.givenBy.name,
      response: n.response && {
        receivedOn: n.response.receivedOn,
        objects: n.response.objects,
        text: n.response.text,
        recordedBy: n.response.recordedBy.name,
      },
    },
    steps: run.steps.map((s) => ({
      action: s.action,
      at: timelineInstant(s.at),
      actorName: s.actor.name,
      reason: s.reason,
      evidence: s.evidence ?? [],
    })),
  };
}

/** The household's `workflow` field as the dossier shows it. */
export function workflowsSection(stored: unknown): WorkflowsSection {
  const state = stateOf(stored);
  const closed = [...state.closed].reverse();
  return {
    active: state.active ? runEntry(state.active) : null,
    pending: pendingStep(stored),
    recent: bounded(closed.slice(0, CLOSED_RUN_LIMIT).map(runEntry), closed.length),
    proposals: (state.proposals ?? []).map((p) => ({
      findingId: p.findingId,
      rule: p.rule,
      flag: p.flag,
      status: p.status,
      proposedAt: timelineInstant(p.proposedAt),
      decidedAt: p.decidedAt ? timelineInstant(p.decidedAt) : null,
      decidedBy: p.decidedBy?.name ?? null,
      reason: p.reason,
    })),
  };
}

/** Each step of the runs shown, and each notice given to the household and its answer. */
export function workflowTimeline(
  householdId: string,
  section: WorkflowsSection,
): DossierTimelineEntry[] {
  const ref = { resource: 'households', id: householdId };
  const runs = [...(section.active ? [section.active] : []), ...section.recent.items];
  return runs.flatMap((run) => {
    const kind = KIND_LABELS[run.kind];
    // Newest first, so steps of one instant stay newest first once the timeline is sorted.
    const entries: DossierTimelineEntry[] = [...run.steps].reverse().map((s) => {
      const action =
        ACTION_LABELS[s.action as keyof typeof ACTION_LABELS] ?? bi(s.action, s.action);
      return {
        at: s.at,
        kind: 'workflow_step',
        label: bi(`${kind['zh-CN']}：${action['zh-CN']}`, `${kind.en}: ${action.en}`),
        ref,
      };
    });
    const n = run.householdNotice;
    if (n) {
      const channel = NOTICE_CHANNELS[n.channel as keyof typeof NOTICE_CHANNELS];
      entries.push({
        at: timelineDay(n.givenOn),
        kind: 'household_notified',
        label: bi(
          `${kind['zh-CN']}：告知农户（${channel?.zh ?? n.channel}），答复期至${n.respondBy}`,
          `${kind.en}: the household told (${channel?.en ?? n.channel}), to answer by ${n.respondBy}`,
        ),
        ref,
      });
      if (n.response)
        entries.push({
          at: timelineDay(n.response.receivedOn),
          kind: 'household_answered',
          label: bi(
            `${kind['zh-CN']}：农户答复（${n.response.objects ? '提出异议' : '无异议'}）`,
            `${kind.en}: the household answered (${n.response.objects ? 'objects' : 'no objection'})`,
          ),
          ref,
        });
    }
    return entries;
  });
}
