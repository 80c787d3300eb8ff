import type { RaRecord } from 'react-admin';
import { pickKeys } from '../../../providers/dataProvider';
import type { ResourceApi } from '../../types';
import { post, put, type InpatientEpisode } from '../support.api';

const FIELDS = [
  'hospital',
  'admittedOn',
  'dischargedOn',
  'diagnosis',
  'totalCostFen',
  'basicInsuranceFen',
  'seriousIllnessInsuranceFen',
  'medicalAssistanceFen',
  'treatFirstPayLater',
] as const;
const AMOUNTS = [
  'totalCostFen',
  'basicInsuranceFen',
  'seriousIllnessInsuranceFen',
  'medicalAssistanceFen',
] as const;

/** The episode's fields as the strict bodies take them: blanks as null, layers as 0 when left out. */
function fieldsOf(d: Record<string, unknown>): Record<string, unknown> {
  const out = pickKeys<Record<string, unknown>>(d, FIELDS);
  for (const k of ['dischargedOn', 'diagnosis']) if (!out[k]) out[k] = null;
  for (const k of AMOUNTS) if (typeof out[k] !== 'number') out[k] = 0;
  out.treatFirstPayLater = Boolean(out.treatFirstPayLater);
  return out;
}

/** 登记 and 更正: the whole episode each time (a correction replaces every figure). */
export const episodeApi: ResourceApi = {
  create: async (_resource, params) => {
    const d = params.data as Record<string, unknown>;
    return {
      data: (await post<InpatientEpisode>('/health/inpatient-episodes', {
        personId: d.personId,
        ...fieldsOf(d),
      })) as RaRecord,
    };
  },
  update: async (_resource, params) => {
    const d = params.data as Record<string, unknown>;
    const revision = (params.previousData as { revision?: number } | undefined)?.revision;
    return {
      data: (await put<InpatientEpisode>(
        `/health/inpatient-episodes/${encodeURIComponent(String(params.id))}`,
        { ...fieldsOf(d), ...(revision ? { revision } : {}) },
      )) as RaRecord,
    };
  },
};

/** 追补发放 — all that is still owed unless an amount is given. */
export const payTopUp = (id: string, body: Record<string, unknown>) =>
  post<InpatientEpisode>(`/health/inpatient-episodes/${encodeURIComponent(id)}/top-up-payments`, {
    paidOn: body.paidOn,
    department: body.department,
    ...(typeof body.amountFen === 'number' ? { amountFen: body.amountFen } : {}),
    voucherNo: body.voucherNo ? body.voucherNo : null,
  });
