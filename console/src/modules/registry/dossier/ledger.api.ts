import type { GatewayApi } from '../../../providers/api-types';
import { downloadFile, httpClient } from '../../../providers/http';

type G = GatewayApi.components['schemas'];
/** 受益底册: a household's benefits by year and source, with totals (the gateway's own route). */
export type HouseholdLedger = G['HouseholdLedger'];
export type BenefitRow = G['BenefitRow'];
/** 受益底册核对: where an area's measures and the funds' payments disagree in a year. */
export type LedgerMismatches = G['LedgerMismatches'];
export type LedgerMismatch = G['LedgerMismatch'];

const areaYear = (areaCode: string, year: number) =>
  new URLSearchParams({ areaCode, year: String(year) }).toString();

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
  /** A village's or township's mismatches in a year (`checked: false` when a source is left out). */
  ledgerMismatches: async (areaCode: string, year: number): Promise<LedgerMismatches> =>
    (await httpClient(`/ledger/mismatches?${areaYear(areaCode, year)}`)).json as LedgerMismatches,
  /** A village's or township's 受益底册 of a year as XLSX (audited); answers the file's name. */
  areaLedgerExport: (areaCode: string, year: number): Promise<string> =>
    downloadFile(
      `/exports/benefit-ledger.xlsx?${areaYear(areaCode, year)}`,
      `受益底册-${areaCode}-${year}.xlsx`,
    ),
};
