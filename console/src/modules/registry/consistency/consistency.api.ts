import type { GatewayApi } from '../../../providers/api-types';
import { downloadFile, httpClient } from '../../../providers/http';

type G = GatewayApi.components['schemas'];
/** 一户一档核对: one check of a village or township, its progress and counts by kind. */
export type ConsistencyRun = G['ConsistencyRun'];
export type ConsistencyItem = G['ConsistencyItem'];
export type InconsistencyKind = G['InconsistencyKind'];

/** What a run's inconsistencies are narrowed to. */
export interface ItemFilter {
  kind?: InconsistencyKind;
  areaCode?: string;
}

const filterOf = (f: ItemFilter) =>
  JSON.stringify(Object.fromEntries(Object.entries(f).filter(([, v]) => v)));

/** The total of a `Content-Range: <resource> a-b/total` header. */
const totalOf = (range: string | null) => Number(/\/(\d+)$/.exec(range ?? '')?.[1] ?? 0);

/** 一户一档核对's calls, as data-provider methods (registryCalls). */
export const consistencyCalls = {
  /** Starts a check of a village or township; answers the run's id. */
  consistencyCheckStart: async (areaCode: string, year: number): Promise<string> =>
    (
      (
        await httpClient('/consistency-checks', {
          method: 'POST',
          body: JSON.stringify({ areaCode, year }),
        })
      ).json as { id: string }
    ).id,
  /** The latest runs the user may see, newest first. */
  consistencyChecksRecent: async (): Promise<ConsistencyRun[]> =>
    (await httpClient('/consistency-checks?range=[0,9]&sort=["requestedAt","DESC"]'))
      .json as ConsistencyRun[],
  consistencyCheck: async (id: string): Promise<ConsistencyRun> =>
    (await httpClient(`/consistency-checks/${encodeURIComponent(id)}`)).json as ConsistencyRun,
  /** One page of a run's inconsistencies (in 户号 order) and how many there are in all. */
  consistencyCheckItems: async (
    id: string,
    filter: ItemFilter,
    page: number,
    perPage: number,
  ): Promise<{ items: ConsistencyItem[]; total: number }> => {
    const q = new URLSearchParams({
      filter: filterOf(filter),
      range: JSON.stringify([page * perPage, page * perPage + perPage - 1]),
    });
    const res = await httpClient(`/consistency-checks/${encodeURIComponent(id)}/items?${q}`);
    return {
      items: res.json as ConsistencyItem[],
      total: totalOf(res.headers.get('content-range')),
    };
  },
  /** The run's inconsistencies (as filtered) as XLSX (audited); answers the file's name. */
  consistencyCheckExport: (run: ConsistencyRun, filter: ItemFilter): Promise<string> => {
    const q = new URLSearchParams(
      Object.entries(filter).filter((e): e is [string, string] => Boolean(e[1])),
    );
    return downloadFile(
      `/consistency-checks/${encodeURIComponent(run.id)}/items.xlsx?${q}`,
      `一户一档核对-${run.areaCode}-${run.year}.xlsx`,
    );
  },
};
