import { bi, conflict, type Principal } from '@fupin/kit';
import { type Quarter, quarterKey } from '../scoring/period';
import type { SchemeService } from '../schemes/scheme.service';
import { type RankingModel, type RankingVersion, VERSION_SUMMARY } from './ranking.model';
import type { RankingPublisher } from './ranking.publish';

/**
 * 重新计算 — the next version of a ranked quarter, with the reason; the late events go into it.
 * Answers the new version's id.
 */
export async function recomputeQuarter(
  deps: { rankings: RankingModel; schemes: SchemeService; publisher: RankingPublisher },
  p: Principal,
  q: Quarter,
  reason: string,
  authorization?: string,
): Promise<string> {
  deps.schemes.assertCountyWide(p);
  const scheme = await deps.schemes.find(q.year);
  if (!scheme) await deps.schemes.get(q.year);
  const latest = await deps.rankings
    .findOne({ quarterKey: quarterKey(q) }, VERSION_SUMMARY)
    .sort({ version: -1 })
    .lean<RankingVersion>();
  if (!latest)
    throw conflict(
      'ASSESSMENT_RANKING_NOT_PUBLISHED',
      bi('该季度尚未排名，请先排名', 'The quarter has not been ranked yet; rank it first'),
    );
  const opts = { trigger: 'recompute' as const, reason, actor: p, authorization };
  const view = await deps.publisher.viewFor(q, latest.version + 1, opts);
  const claim =
    latest.status === 'published'
      ? await deps.publisher.claim(q, latest.version + 1, opts, latest._id)
      : { id: latest._id, token: null };
  if (!claim.token)
    throw conflict(
      'ASSESSMENT_RANKING_IN_PROGRESS',
      bi(
        '该季度的排名正在计算中，请稍后再试',
        'The quarter is being ranked right now; try again shortly',
      ),
    );
  await deps.publisher.publish(claim.id, claim.token, q, scheme!, { ...opts, view }, latest._id);
  return claim.id;
}
