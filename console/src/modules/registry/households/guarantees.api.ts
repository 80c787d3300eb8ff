import { httpClient } from '../../../providers/http';
import type { Household } from './household.api';

const enc = encodeURIComponent;
const url = (id: string, code: string) =>
  `/api/registry/households/${enc(id)}/guarantees/${enc(code)}`;

/** 人工认定 and its clearing, as data-provider methods (registryCalls). */
export const guaranteeCalls = {
  /** States a guarantee (met / not_met / unknown) with a reason, over what the facts derive. */
  householdOverrideGuarantee: async (
    id: string,
    code: string,
    revision: number,
    body: Record<string, unknown>,
  ): Promise<Household> =>
    (
      await httpClient(url(id, code), {
        method: 'PUT',
        body: JSON.stringify({ state: body.state, reason: body.reason, revision }),
      })
    ).json as Household,
  /** Clears the typed value, with a reason: the derived one (or unknown) is in force again. */
  householdClearGuarantee: async (
    id: string,
    code: string,
    revision: number,
    reason: string,
  ): Promise<Household> =>
    (
      await httpClient(`${url(id, code)}/clear`, {
        method: 'POST',
        body: JSON.stringify({ reason, revision }),
      })
    ).json as Household,
};
