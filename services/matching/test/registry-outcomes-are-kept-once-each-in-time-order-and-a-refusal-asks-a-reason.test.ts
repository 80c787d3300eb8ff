import type { RegistryOutcomeRecord } from '../src/findings/finding.model';
import { closeNeedsReason, withOutcome } from '../src/findings/finding-outcome';

const rec = (eventId: string, outcome: RegistryOutcomeRecord['outcome'], at: string) => ({
  eventId,
  outcome,
  workflowId: null,
  reason: null,
  at: new Date(at),
  receivedAt: new Date('2026-05-01T00:00:00Z'),
});

test('each event is kept once; the latest by time is the outcome, whatever order they came in', () => {
  const approved = rec('e2', 'clearance_approved', '2026-04-10T00:00:00Z');
  const opened = rec('e1', 'clearance_opened', '2026-04-01T00:00:00Z');
  const first = withOutcome({ registryOutcomes: [] }, approved)!;
  const second = withOutcome({ registryOutcomes: first.all }, opened)!;
  expect(second.all.map((o) => o.eventId)).toEqual(['e1', 'e2']);
  expect(second.latest.outcome).toBe('clearance_approved');
  expect(withOutcome({ registryOutcomes: second.all }, opened)).toBeNull();
  expect(withOutcome({}, opened)?.all).toHaveLength(1);
});

test('closing needs a reason after a refusal or a clearance not approved, not otherwise', () => {
  expect(closeNeedsReason({ registryOutcome: rec('a', 'refused', '2026-04-01T00:00:00Z') })).toBe(
    true,
  );
  expect(
    closeNeedsReason({ registryOutcome: rec('b', 'clearance_rejected', '2026-04-01T00:00:00Z') }),
  ).toBe(true);
  for (const o of ['member_removed', 'clearance_opened', 'no_change', 'candidate_opened'] as const)
    expect(closeNeedsReason({ registryOutcome: rec('c', o, '2026-04-01T00:00:00Z') })).toBe(false);
  expect(closeNeedsReason({ registryOutcome: null })).toBe(false);
  expect(closeNeedsReason({})).toBe(false);
});
