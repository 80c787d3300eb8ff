import type { GatewayApi } from '../../../providers/api-types';
import { downloadFile, httpClient } from '../../../providers/http';

type G = GatewayApi.components['schemas'];
/** A village's print job (扶贫手册 or 明白卡 of every household): its state and progress. */
export type PrintJob = G['PrintJob'];
export type PrintKind = G['PrintKind'];

/** 扶贫手册's calls, as data-provider methods (registryCalls). */
export const handbookCalls = {
  /**
   * The household's 扶贫手册 as a PDF; with a reason, its personal data in clear (the unmask
   * right; audited). Answers the file's name.
   */
  householdHandbookPdf: (id: string, householdNo: string, unmaskReason?: string): Promise<string> =>
    downloadFile(
      `/households/${encodeURIComponent(id)}/handbook.pdf${
        unmaskReason ? `?${new URLSearchParams({ unmask: 'true', reason: unmaskReason })}` : ''
      }`,
      `扶贫手册-${householdNo}.pdf`,
    ),
  /** Starts printing a village (`kind`: handbook by default); answers the job's id. */
  printJobCreate: async (
    areaCode: string,
    opts: { kind?: PrintKind; unmaskReason?: string } = {},
  ): Promise<string> => {
    const body = {
      areaCode,
      ...(opts.kind ? { kind: opts.kind } : {}),
      ...(opts.unmaskReason ? { unmask: true, reason: opts.unmaskReason } : {}),
    };
    const res = await httpClient('/handbooks', { method: 'POST', body: JSON.stringify(body) });
    return (res.json as { id: string }).id;
  },
  printJob: async (id: string): Promise<PrintJob> =>
    (await httpClient(`/handbooks/${encodeURIComponent(id)}`)).json as PrintJob,
  /** The finished job's PDF; answers the file's name. */
  printJobFile: (id: string, fallbackName: string): Promise<string> =>
    downloadFile(`/handbooks/${encodeURIComponent(id)}/file`, fallbackName),
};
