import {
  type AuditAction,
  type AuditValues,
  actorOf,
  bi,
  conflict,
  type Principal,
} from '@fupin/kit';
import { Guarantee } from '@fupin/reference';
import { readGuarantees, resolveGuarantee } from './guarantee.rules';
import { householdUpdated } from './household.events';
import { derive } from './household.facts';
import type { GuaranteeCode, GuaranteeRecord, GuaranteeState, Household } from './household.model';
import type { HouseholdStore } from './household.store';
import type { HouseholdView } from './household.types';
import { householdView } from './household.views';

// 人工认定 — a person states a guarantee over what the facts derive, with a reason, or clears
// that statement (back to the derived value), also with a reason. The history entry keeps both
// values: the typed one (to) and the derived one with its fact (evidence).

const describe = (r: GuaranteeRecord): string =>
  `${r.state}${r.source === 'none' ? '' : `(${r.source})`}`;

/** The evidence a history entry keeps of the derived value next to the typed one. */
function derivedEvidence(r: GuaranteeRecord): string[] {
  const d = r.derived;
  return [`derived:${d?.state ?? 'unknown'}${d?.fact ? `:${d.fact}` : ''}`];
}

/** A guarantee as the audit log keeps it: state, source and the derived value with its fact. */
export function auditedGuarantee(r: GuaranteeRecord): AuditValues {
  return {
    state: r.state,
    source: r.source,
    derived: r.derived?.state ?? 'unknown',
    derivedFact: r.derived?.fact ?? null,
  };
}

const AUDIT_ACTION: Record<string, AuditAction> = {
  guarantee_overridden: 'guarantee_override',
  guarantee_override_cleared: 'guarantee_override_cleared',
};

async function write(
  store: HouseholdStore,
  p: Principal,
  current: Household,
  code: GuaranteeCode,
  record: GuaranteeRecord,
  action: string,
  reason: string,
): Promise<HouseholdView> {
  const before = readGuarantees(current.guarantees)[code];
  const next = derive({
    ...current,
    guarantees: { ...readGuarantees(current.guarantees), [code]: record },
  });
  const after = next.guarantees[code];
  await store.save(p, current, next, action, {
    changed: [`guarantees.${code}`],
    reason,
    from: describe(before),
    to: describe(after),
    evidence: derivedEvidence(after),
    events: (h) => [householdUpdated(h, ['guarantees'], actorOf(p))],
  });
  // A typed value over the derived one is a decision an auditor asks about: who, which, why.
  await store.deps.audit.record(p, {
    action: AUDIT_ACTION[action]!,
    subjectType: 'household',
    subjectIds: [current._id],
    fields: [`guarantees.${code}`],
    reason,
    before: auditedGuarantee(before),
    after: auditedGuarantee(after),
  });
  return householdView(store.deps.cipher, next, null);
}

/** States a guarantee (met / not met / unknown) with a reason: it overrides the derived value. */
export async function overrideGuarantee(
  store: HouseholdStore,
  p: Principal,
  id: string,
  code: GuaranteeCode,
  input: { state: GuaranteeState; reason: string; note?: string | null | undefined },
  revision?: number,
): Promise<HouseholdView> {
  const current = await store.load(p, id);
  store.checkRevision(current, revision);
  const g = readGuarantees(current.guarantees)[code];
  const typed = {
    state: input.state,
    reason: input.reason.trim(),
    actorId: p.userId,
    actorName: p.username,
    at: store.now(),
  };
  const note = input.note === undefined ? g.note : input.note;
  return write(
    store,
    p,
    current,
    code,
    resolveGuarantee(g.derived, typed, note),
    'guarantee_overridden',
    input.reason.trim(),
  );
}

/** Clears a typed guarantee, with a reason: the derived value (or unknown) is in force again. */
export async function clearGuaranteeOverride(
  store: HouseholdStore,
  p: Principal,
  id: string,
  code: GuaranteeCode,
  reason: string,
  revision?: number,
): Promise<HouseholdView> {
  const current = await store.load(p, id);
  store.checkRevision(current, revision);
  const g = readGuarantees(current.guarantees)[code];
  if (!g.typed) {
    throw conflict(
      'REGISTRY_GUARANTEE_NOT_TYPED',
      bi(
        `${Guarantee[code].zh}没有人工认定，无需清除`,
        `${Guarantee[code].en} has no typed value to clear`,
      ),
    );
  }
  return write(
    store,
    p,
    current,
    code,
    resolveGuarantee(g.derived, null, g.note),
    'guarantee_override_cleared',
    reason.trim(),
  );
}
