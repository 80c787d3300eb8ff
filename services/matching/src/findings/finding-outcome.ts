import type { FindingOutcome } from '@fupin/contracts';
import { bi, type Bilingual } from '@fupin/kit';
import type { Finding, RegistryOutcomeRecord } from './finding.model';

/** Outcomes after which closing the finding needs a reason: the registry did not make the change. */
export const REFUSED_OUTCOMES: ReadonlySet<FindingOutcome> = new Set([
  'refused',
  'clearance_rejected',
]);

/** Whether closing the finding needs a reason (the registry's latest outcome refused the change). */
export function closeNeedsReason(f: Pick<Finding, 'registryOutcome'>): boolean {
  const o = f.registryOutcome;
  return o != null && REFUSED_OUTCOMES.has(o.outcome);
}

/** The refusal of a close without the reason the registry's outcome asks for. */
export function closeReasonRequired(o: RegistryOutcomeRecord): {
  message: Bilingual;
  field: Bilingual;
} {
  const what =
    o.outcome === 'refused'
      ? bi('登记系统拒绝了相应变更', 'the registry refused the change')
      : bi('清退未获批准', 'the 清退 (clearance) was not approved');
  return {
    message: bi(`${what['zh-CN']}，销号须说明原因`, `Closing needs a reason: ${what.en}`),
    field: bi(
      '请说明在登记系统未变更的情况下销号的原因',
      'Say why the finding is closed although the registry did not change',
    ),
  };
}

/**
 * The finding's outcomes with one more: each event once (by its id), kept in the order they
 * happened; the latest is the one with the latest time. Null when the event was applied already.
 */
export function withOutcome(
  f: Pick<Finding, 'registryOutcomes'>,
  rec: RegistryOutcomeRecord,
): { latest: RegistryOutcomeRecord; all: RegistryOutcomeRecord[] } | null {
  const list = f.registryOutcomes ?? [];
  if (list.some((o) => o.eventId === rec.eventId)) return null;
  const all = [...list, rec].sort(
    (a, b) => a.at.getTime() - b.at.getTime() || a.eventId.localeCompare(b.eventId),
  );
  return { latest: all[all.length - 1]!, all };
}
