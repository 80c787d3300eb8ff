import type { Envelope, FindingSnapshot } from '@fupin/contracts';
import { AppError, type Principal } from '@fupin/kit';
import type { HouseholdService } from '../households/household.service';
import type { WorkflowService } from '../workflows/workflow.service';
import { RULE_FLAGS } from '../workflows/workflow.proposals';
import type { OutcomeInput } from './finding-outcomes';

// What the registry does with a verified, confirmed finding: a death removes the member, a wrong
// identification opens 清退 (and proposes the exclusion flag), a 漏评 opens a candidate lead,
// anything else changes nothing. Each action is safe to repeat for the same finding.

/** Rules that say the household should not have been identified. */
export const WRONG_IDENTIFICATION = new Set([
  'VEHICLE_OWNER',
  'BUSINESS_OWNER',
  'PUBLIC_EMPLOYEE',
  'URBAN_PROPERTY',
  'VILLAGE_CADRE_FAMILY',
  'INCOME_ABOVE_LINE',
]);

/** Statuses 清退 applies to (in poverty, or about to be). */
const CLEARABLE = new Set(['in_poverty', 'returned', 'unstable', 'candidate']);

export interface ActionDeps {
  households: HouseholdService;
  workflows: WorkflowService;
}

/** The registry acting for a finding: in the finding's township, with the rights to change. */
export function findingPrincipal(f: FindingSnapshot): Principal {
  return {
    userId: `finding:${f.id}`,
    username: '比对问题回流',
    roles: ['system'],
    areaCode: f.townshipCode,
    rights: { registry: ['read', 'write'] },
  };
}

const refusedBy = (err: unknown): OutcomeInput | null =>
  err instanceof AppError && err.status < 500
    ? { outcome: 'refused', reason: `${err.messages['zh-CN']}（${err.code}）`, workflowId: null }
    : null;

/** The Shanghai date of the verification, for the removal reason. */
const dateOf = (event: Envelope) =>
  new Date(Date.parse(event.occurredAt) + 8 * 3600 * 1000).toISOString().slice(0, 10);

async function memberDied(
  deps: ActionDeps,
  f: FindingSnapshot,
  event: Envelope,
): Promise<OutcomeInput> {
  if (!f.householdId || !f.memberId) {
    return { outcome: 'no_change', reason: '问题未指明户和成员', workflowId: null };
  }
  const p = findingPrincipal(f);
  const h = await deps.households.load(p, f.householdId);
  const member = h.members.find((m) => m.id === f.memberId);
  if (!member || member.status !== 'active') {
    return { outcome: 'no_change', reason: '该成员已不在户内', workflowId: null };
  }
  const reason = `死亡（${dateOf(event)}核实，比对问题 ${f.id}）`;
  // A death takes the member out even when it is the head (the household then awaits 户主变更).
  await deps.households.removeMember(p, f.householdId, f.memberId, reason, undefined, {
    deceased: true,
  });
  return { outcome: 'member_removed', reason, workflowId: null };
}

async function wronglyIdentified(deps: ActionDeps, f: FindingSnapshot): Promise<OutcomeInput> {
  if (!f.householdId) return { outcome: 'no_change', reason: '问题未指明户', workflowId: null };
  const p = findingPrincipal(f);
  const h = await deps.households.load(p, f.householdId);
  const proposed = RULE_FLAGS[f.rule]
    ? await deps.workflows.proposeExclusion(p, f.householdId, { findingId: f.id, rule: f.rule })
    : false;
  const view = await deps.workflows.get(p, f.householdId);
  const open = view.active;
  if (open?.kind === 'clearance' && open.findingId === f.id) {
    return { outcome: 'clearance_opened', reason: null, workflowId: open.id };
  }
  if (!CLEARABLE.has(h.status)) {
    return {
      outcome: 'refused',
      reason: `该户当前状态为 ${h.status}，不适用清退`,
      workflowId: null,
    };
  }
  if (open) {
    // A candidate in its identification: the proposed exclusion stops it at the review.
    if (proposed || open.kind === 'identification') {
      return {
        outcome: 'exclusion_proposed',
        reason: `该户正在办理 ${open.kind}`,
        workflowId: open.id,
      };
    }
    return { outcome: 'refused', reason: `该户正在办理 ${open.kind}，须先办结`, workflowId: null };
  }
  const started = await deps.workflows.step(p, f.householdId, {
    kind: 'clearance',
    action: 'start',
    reason: `比对问题 ${f.id}（${f.rule}）核实属实，提请清退`,
    evidence: [`finding:${f.id}`],
    findingId: f.id,
  });
  return { outcome: 'clearance_opened', reason: null, workflowId: started.active?.id ?? null };
}

/** What the registry does for one confirmed finding; a refusal of the registry's rules is an outcome. */
export async function actOn(
  deps: ActionDeps,
  f: FindingSnapshot,
  event: Envelope,
): Promise<OutcomeInput> {
  try {
    if (f.rule === 'DECEASED_IN_REGISTRY') return await memberDied(deps, f, event);
    if (WRONG_IDENTIFICATION.has(f.rule)) return await wronglyIdentified(deps, f);
    if (f.rule === 'ALLOWANCE_NOT_REGISTERED') {
      return { outcome: 'candidate_opened', reason: '漏评线索待乡镇核实', workflowId: null };
    }
    return { outcome: 'no_change', reason: null, workflowId: null };
  } catch (err) {
    const refused = refusedBy(err);
    if (refused) return refused;
    throw err;
  }
}
