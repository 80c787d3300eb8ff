import { HouseholdStatusChanged, householdSnapshotSchema } from '@fupin/contracts';
import { codesOf, HouseholdStatus } from '@fupin/reference';
import { HOUSEHOLD_STATUSES } from '../src/households/household.model';

// The contracts package depends on zod alone, so its status enum cannot be built from
// @fupin/reference; this keeps the three lists from drifting apart.

test('the registry stores the reference statuses plus its own candidate and cancelled', () => {
  expect([...HOUSEHOLD_STATUSES]).toEqual(['candidate', ...codesOf(HouseholdStatus), 'cancelled']);
});

test('every status the registry stores is one its events may carry, and no other', () => {
  expect([...householdSnapshotSchema.shape.status.options].sort()).toEqual(
    [...HOUSEHOLD_STATUSES].sort(),
  );
  const payload = HouseholdStatusChanged.payload.shape;
  expect([...payload.from.options].sort()).toEqual([...HOUSEHOLD_STATUSES].sort());
  expect([...payload.to.options].sort()).toEqual([...HOUSEHOLD_STATUSES].sort());
});
