import type { AssistanceApi, GatewayApi } from '../../../providers/api-types';
import { httpClient } from '../../../providers/http';

type S = AssistanceApi.components['schemas'];
type G = GatewayApi.components['schemas'];
/** 到户资金确认 — what a household said of one payment at a visit. */
export type Receipt = S['Receipt'];
export type ReceiptRequest =
  AssistanceApi.operations['recordReceipts']['requestBody']['content']['application/json'];
/** 截留预警: an area's payments not confirmed, per township and listed. */
export type UnconfirmedPayments = G['UnconfirmedPayments'];
export type UnconfirmedPayment = G['UnconfirmedPayment'];

const enc = encodeURIComponent;

/** The 到户资金确认's calls, as data-provider methods. */
export const receiptCalls = {
  assistanceRecordReceipts: async (visitId: string, body: ReceiptRequest): Promise<Receipt[]> =>
    (
      await httpClient(`/api/assistance/visits/${enc(visitId)}/receipts`, {
        method: 'POST',
        body: JSON.stringify(body),
      })
    ).json as Receipt[],
  /** The gateway's list: an area (the user's own by default), a year or every year, one page. */
  unconfirmedPayments: async (
    q: { areaCode?: string | null; year?: number | null },
    first = 500,
  ): Promise<UnconfirmedPayments> => {
    const params = new URLSearchParams({ range: JSON.stringify([0, first - 1]) });
    if (q.areaCode) params.set('areaCode', q.areaCode);
    if (q.year) params.set('year', String(q.year));
    return (await httpClient(`/ledger/unconfirmed?${params}`)).json as UnconfirmedPayments;
  },
};
