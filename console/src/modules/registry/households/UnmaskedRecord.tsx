import type { ReactNode } from 'react';
import { UnmaskedRecord as Unmasked } from '../../../common/UnmaskedRecord';
import { useCalls } from '../../calls';
import type { Household } from './household.api';

/**
 * Shows the household masked (4301**********1234) by default; with the registry's unmask right
 * and a reason, the registry answers the clear values and writes the view to its audit log.
 */
export function UnmaskedRecord({ children }: { children: ReactNode }) {
  const calls = useCalls();
  return (
    <Unmasked<Household>
      module="registry"
      fetchClear={(h, reason) => calls.householdUnmasked(String(h.id), reason)}
    >
      {children}
    </Unmasked>
  );
}
