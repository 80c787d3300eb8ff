import { AppError, bi } from '@fupin/kit';
import {
  EXCLUSION_LABELS,
  type ExclusionFlag,
  type ExclusionProposal,
  stateOf,
  type WorkflowActor,
  type WorkflowState,
} from './workflow.types';

// 排除情形的提议 — exclusion flags proposed from a household's open matching findings; a person
// confirms (the flag then counts in identification) or dismisses them, each with a reason.
// Pure: given the stored workflow state, the next one.

/** The matching rules that propose an exclusion flag, and which. */
export const RULE_FLAGS: Record<string, ExclusionFlag> = {
  VEHICLE_OWNER: 'car',
  BUSINESS_OWNER: 'business',
  PUBLIC_EMPLOYEE: 'publicEmployee',
  URBAN_PROPERTY: 'urbanHousing',
  VILLAGE_CADRE_FAMILY: 'villageCadreFamily',
};

/** Adds a proposal for the finding; null when the finding already proposed one (a redelivery). */
export function propose(
  stored: unknown,
  input: { findingId: string; rule: string; at: Date },
): { state: WorkflowState; proposal: ExclusionProposal } | null {
  const flag = RULE_FLAGS[input.rule];
  const state = stateOf(stored);
  if (!flag) return null;
  const proposals = state.proposals ?? [];
  if (proposals.some((p) => p.findingId === input.findingId)) return null;
  const proposal: ExclusionProposal = {
    findingId: input.findingId,
    rule: input.rule,
    flag,
    proposedAt: input.at.toISOString(),
    status: 'proposed',
    decidedAt: null,
    decidedBy: null,
    reason: null,
  };
  return { state: { ...state, proposals: [...proposals, proposal] }, proposal };
}

/** Confirms or dismisses a proposal still open; 404 unknown, 409 already decided. */
export function decideProposal(
  stored: unknown,
  input: {
    findingId: string;
    decision: 'confirm' | 'dismiss';
    reason: string;
    actor: WorkflowActor;
    at: Date;
  },
): { state: WorkflowState; proposal: ExclusionProposal } {
  const state = stateOf(stored);
  const proposals = state.proposals ?? [];
  const current = proposals.find((p) => p.findingId === input.findingId);
  if (!current) {
    throw new AppError(
      404,
      'REGISTRY_EXCLUSION_PROPOSAL_NOT_FOUND',
      bi('该户没有此比对问题提出的排除情形', 'No exclusion was proposed from this finding'),
    );
  }
  if (current.status !== 'proposed') {
    throw new AppError(
      409,
      'REGISTRY_EXCLUSION_PROPOSAL_DECIDED',
      bi(
        `「${EXCLUSION_LABELS[current.flag]['zh-CN']}」已${current.status === 'confirmed' ? '确认' : '驳回'}`,
        `The proposed ${EXCLUSION_LABELS[current.flag].en} was already ${current.status}`,
      ),
      { extra: { status: current.status } },
    );
  }
  const proposal: ExclusionProposal = {
    ...current,
    status: input.decision === 'confirm' ? 'confirmed' : 'dismissed',
    decidedAt: input.at.toISOString(),
    decidedBy: input.actor,
    reason: input.reason,
  };
  return {
    state: {
      ...state,
      proposals: proposals.map((p) => (p.findingId === input.findingId ? proposal : p)),
    },
    proposal,
  };
}
