import { downloadFile, httpClient } from '../../providers/http';
import type { Indicator, QuarterPreview, Ranking } from './codes';

/** The assessment service's base path behind the gateway. */
const ASSESSMENT = '/api/assessment';

/** A record an indicator counted, with the owning service's address. */
export interface RecordLink {
  id: string;
  note: string | null;
  link: string;
}

let catalogue: Promise<Indicator[]> | null = null;

/** The assessment service's calls beyond react-admin's CRUD, as data-provider methods. */
export const assessmentCalls = {
  /** The indicator catalogue (labels, value kinds): the same for every scheme, loaded once. */
  assessmentIndicators: (): Promise<Indicator[]> =>
    (catalogue ??= httpClient(`${ASSESSMENT}/indicators`).then((r) => r.json as Indicator[])),
  /** The latest quarter's ranking in force, if any. */
  assessmentLatestRanking: async (): Promise<Ranking | null> => {
    const q = new URLSearchParams({
      filter: JSON.stringify({ current: true }),
      sort: JSON.stringify(['quarterKey', 'DESC']),
      range: '[0,0]',
    });
    const res = await httpClient(`${ASSESSMENT}/rankings?${q.toString()}`);
    return (res.json as Ranking[])[0] ?? null;
  },
  /** 考核预览 — a quarter scored as of today with its year's scheme; nothing stored. */
  assessmentPreview: async (year: number, quarter: number): Promise<QuarterPreview> =>
    (await httpClient(`${ASSESSMENT}/quarters/${year}/${quarter}/preview`)).json as QuarterPreview,
  /** 排名 — ranks a closed quarter; answers the new ranking. */
  assessmentRankQuarter: async (year: number, quarter: number): Promise<{ id: string }> =>
    (
      await httpClient(`${ASSESSMENT}/rankings`, {
        method: 'POST',
        body: JSON.stringify({ year, quarter }),
      })
    ).json as { id: string },
  /** 重新计算 — a new version of a quarter's ranking, for a reason. */
  assessmentRecompute: async (
    year: number,
    quarter: number,
    reason: string,
  ): Promise<{ id: string }> =>
    (
      await httpClient(`${ASSESSMENT}/quarters/${year}/${quarter}/recompute`, {
        method: 'POST',
        body: JSON.stringify({ reason }),
      })
    ).json as { id: string },
  /** The first `shown` records behind one indicator value, and how many there are. */
  assessmentIndicatorRecords: async (href: string, shown: number) => {
    const res = await httpClient(`${href}?range=${encodeURIComponent(`[0,${shown - 1}]`)}`);
    return {
      items: res.json as RecordLink[],
      total: Number(res.headers.get('x-records-total') ?? (res.json as unknown[]).length),
    };
  },
  /** 季度排名通报 of one ranking version as PDF or XLSX. */
  assessmentRankingNotice: (ranking: Ranking, format: 'pdf' | 'xlsx'): Promise<string> =>
    downloadFile(
      `${ASSESSMENT}/rankings/${encodeURIComponent(ranking.id)}/notice?format=${format}`,
      `${ranking.quarterKey}.${format}`,
    ),
  /** 月通报 of a month as PDF or XLSX. */
  assessmentMonthlyBulletin: (month: string, format: 'pdf' | 'xlsx'): Promise<string> =>
    downloadFile(
      `${ASSESSMENT}/bulletins/monthly/${encodeURIComponent(month)}?format=${format}`,
      `${month}.${format}`,
    ),
  /** The targets template of a year's scheme. */
  assessmentTargetsTemplate: (year: number): Promise<string> =>
    downloadFile(`${ASSESSMENT}/schemes/${year}/targets/template.xlsx`, `${year}.xlsx`),
};
