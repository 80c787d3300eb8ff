import { AppError, bi, type Principal, isDuplicateKey } from '@fupin/kit';
import { HelperRank as RankLabels, labelOf } from '@fupin/reference';
import { checkRevision, revisionConflict } from '../common/errors';
import { isCountyWide } from '../common/scope';
import { HELPER_RANKS, type HelperRank, type PairingRole } from '../helpers/helper.model';
import { DEFAULT_LIMITS, type PairingLimitModel } from './pairing-limit.model';

export interface PairingLimitView {
  rank: HelperRank;
  label: { 'zh-CN': string; en: string };
  key: number | null;
  contact: number | null;
  /** True while the seed's default applies (never changed by the county). */
  isDefault: boolean;
  revision: number;
}

export const ROLE_LABELS: Record<PairingRole, { 'zh-CN': string; en: string }> = {
  key: bi('重点帮扶', 'key (responsible) helper of'),
  contact: bi('联系', 'contact for'),
};

/** 帮扶户数标准 — the per-rank pairing limits, as reference data the county may change. */
export class PairingLimitService {
  constructor(private readonly deps: { limits: PairingLimitModel; now: () => Date }) {}

  async all(): Promise<PairingLimitView[]> {
    const stored = new Map((await this.deps.limits.find().lean()).map((l) => [l._id, l] as const));
    return HELPER_RANKS.map((rank) => {
      const s = stored.get(rank);
      return {
        rank,
        label: bi(labelOf(RankLabels, rank, 'zh-CN'), labelOf(RankLabels, rank, 'en')),
        key: s ? s.key : DEFAULT_LIMITS[rank].key,
        contact: s ? s.contact : DEFAULT_LIMITS[rank].contact,
        isDefault: !s,
        revision: s?.revision ?? 0,
      };
    });
  }

  async of(rank: HelperRank): Promise<Record<PairingRole, number | null>> {
    const s = await this.deps.limits.findById(rank).lean();
    return s ? { key: s.key, contact: s.contact } : DEFAULT_LIMITS[rank];
  }

  /** Sets a rank's limits (county-wide reference data); `revision` guards concurrent edits. */
  async set(
    p: Principal,
    rank: HelperRank,
    input: { key: number | null; contact: number | null; revision?: number },
  ): Promise<PairingLimitView> {
    if (!isCountyWide(p)) {
      throw new AppError(
        403,
        'ASSISTANCE_LIMITS_COUNTY_ONLY',
        bi('帮扶户数标准只能由县级设置', 'Pairing limits are set county-wide only'),
      );
    }
    const current = await this.deps.limits.findById(rank).lean();
    const currentRevision = current?.revision ?? 0;
    checkRevision(currentRevision, input.revision);
    const doc = {
      key: input.key,
      contact: input.contact,
      updatedAt: this.deps.now(),
      updatedBy: p.userId,
      revision: currentRevision + 1,
    };
    if (current) {
      const res = await this.deps.limits.updateOne(
        { _id: rank, revision: currentRevision },
        { $set: doc },
      );
      if (res.modifiedCount === 0) throw revisionConflict();
    } else {
      try {
        await this.deps.limits.create({ _id: rank, ...doc });
      } catch (err) {
        if (isDuplicateKey(err)) throw revisionConflict();
        throw err;
      }
    }
    const view = (await this.all()).find((l) => l.rank === rank);
    if (!view) throw new Error(`rank ${rank} vanished`);
    return view;
  }
}
