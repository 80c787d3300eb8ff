import type { GatewayApi } from '../../../providers/api-types';
import { downloadFile, httpClient } from '../../../providers/http';

type G = GatewayApi.components['schemas'];
/** 受益底册: a household's benefits by year and source, with totals (the gateway's own route). */
export type HouseholdLedger = G['HouseholdLedger'];
export type BenefitRow = G['BenefitRow'];

/** The 受益底册's calls, as data-provider methods (registryCalls). */
export const ledgerCalls = {
  householdLedger: async (id: string): Promise<HouseholdLedger> =>
    (await httpClient(`/households/${encodeURIComponent(id)}/ledger`)).json as HouseholdLedger,
  /** The household's 受益底册 as XLSX (audited); answers the file's name. */
  householdLedgerExport: (id: string, householdNo: string): Promise<string> =>
    downloadFile(
      `/exports/benefit-ledger.xlsx?householdId=${encodeURIComponent(id)}`,
      `受益底册-${householdNo}.xlsx`,
    ),
};
