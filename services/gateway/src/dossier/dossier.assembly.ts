import {
  DOSSIER_PARTS,
  type DossierPart,
  type DossierPartName,
  type DossierTimelineEntry,
} from '@fupin/contracts';
import { type Bilingual, bi } from '@fupin/kit';

// 一户一档: the parts the services answered, put together. Pure: what each service answered in,
// the dossier out — a part the caller has no right to, or a service that did not answer, is
// left out and says why; the timeline is every part's, newest first.

/** What asking one service for its part came to. */
export type PartOutcome =
  | { status: 'ok'; part: DossierPart }
  | { status: 'no_right' | 'not_found' | 'unavailable'; message: Bilingual };

export type DossierPartView =
  | ({ status: 'ok' } & Omit<DossierPart, 'householdId' | 'timeline'>)
  | { status: 'no_right' | 'not_found' | 'unavailable'; part: DossierPartName; message: Bilingual };

export interface Dossier {
  householdId: string;
  generatedAt: string;
  parts: DossierPartView[];
  timeline: (DossierTimelineEntry & { part: DossierPartName })[];
  /** Timeline entries beyond the limit, left out (the oldest). */
  timelineOmitted: number;
}

/** The module whose read right each part needs (the services' own module names). */
export const PART_RIGHT: Record<DossierPartName, string> = {
  registry: 'registry',
  assistance: 'assistance',
  funds: 'funds',
  support: 'support',
  matching: 'matching',
};

export const PART_NAMES: Record<DossierPartName, Bilingual> = {
  registry: bi('建档立卡', 'registry'),
  assistance: bi('帮扶', 'assistance'),
  funds: bi('项目资金', 'projects and funds'),
  support: bi('教育医疗', 'education and health support'),
  matching: bi('数据比对', 'data matching'),
};

/** Why a part is left out, in both languages. */
export function leftOut(
  part: DossierPartName,
  status: 'no_right' | 'not_found' | 'unavailable',
): Bilingual {
  const name = PART_NAMES[part];
  if (status === 'no_right')
    return bi(
      `无权查看「${name['zh-CN']}」部分，已略去`,
      `No right to read the ${name.en} part: left out`,
    );
  if (status === 'not_found')
    return bi(
      `「${name['zh-CN']}」中暂无该户的记录`,
      `The ${name.en} part holds no record of the household yet`,
    );
  return bi(
    `「${name['zh-CN']}」服务暂时无法应答，该部分已略去，请稍后再试`,
    `The ${name.en} service did not answer: the part is left out; try again shortly`,
  );
}

export const TIMELINE_LIMIT = 1000;

export function assemble(
  householdId: string,
  /** Every part's outcome; a part not asked for (a printed document's) is not shown at all. */
  outcomes: Partial<Record<DossierPartName, PartOutcome>>,
  now: Date,
): Dossier {
  const parts: DossierPartView[] = [];
  const timeline: Dossier['timeline'] = [];
  for (const name of DOSSIER_PARTS) {
    const o = outcomes[name];
    if (!o) continue;
    if (o.status !== 'ok') {
      parts.push({ status: o.status, part: name, message: o.message });
      continue;
    }
    const { householdId: _id, timeline: entries, ...rest } = o.part;
    parts.push({ status: 'ok', ...rest });
    for (const e of entries) timeline.push({ ...e, part: name });
  }
  // Newest first; ties keep the parts' order (the registry first), each part's own order.
  const at = timeline.map((e) => Date.parse(e.at));
  const order = timeline.map((_, i) => i).sort((a, b) => at[b]! - at[a]! || a - b);
  const sorted = order.map((i) => timeline[i]!);
  return {
    householdId,
    generatedAt: now.toISOString(),
    parts,
    timeline: sorted.slice(0, TIMELINE_LIMIT),
    timelineOmitted: Math.max(0, sorted.length - TIMELINE_LIMIT),
  };
}
