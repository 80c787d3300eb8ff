import { post, put, type DropoutCase, type DropoutScanResult } from '../support.api';

const path = (id: string, step: string) =>
  `/education/dropout-cases/${encodeURIComponent(id)}/${step}`;

/** The case's steps: name the owner, log follow-ups, close for an allowed reason. */
export const dropoutCalls = {
  scan: (term: string) => post<DropoutScanResult>('/education/dropout-cases/scan', { term }),
  assignOwner: (c: DropoutCase, owner: { name: string; unit?: string | null }) =>
    put<DropoutCase>(path(c.id, 'owner'), {
      name: owner.name,
      unit: owner.unit ? owner.unit : null,
      revision: c.revision,
    }),
  followUp: (c: DropoutCase, on: string, note: string) =>
    post<DropoutCase>(path(c.id, 'follow-ups'), { on, note }),
  close: (c: DropoutCase, body: { reason: string; note: string; school?: string | null }) =>
    post<DropoutCase>(path(c.id, 'close'), {
      reason: body.reason,
      note: body.note,
      ...(body.school ? { school: body.school } : {}),
      revision: c.revision,
    }),
};
