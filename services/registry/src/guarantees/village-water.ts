import { countyWide, type ScopedRepository } from '@fupin/kit';
import type { Village } from '../villages/village.model';

const READ = countyWide("a household's 饮水安全 reads its village's tap water item");

/**
 * 饮水安全 from the village's facts: its tap water item (自来水) in place or not, null when the
 * village has no record (the guarantee is then typed, or unknown).
 */
export const villageTapWater =
  (villages: ScopedRepository<Village>) =>
  async (villageCode: string): Promise<boolean | null> => {
    const v = await villages.findOne(
      READ,
      { code: villageCode },
      { projection: { infrastructure: 1 } },
    );
    const item = v?.infrastructure?.tapWater;
    return typeof item?.inPlace === 'boolean' ? item.inPlace : null;
  };

/** The tap water item of many villages in one read (a batch of households); missing ones null. */
export const villageTapWaters =
  (villages: ScopedRepository<Village>) =>
  async (villageCodes: string[]): Promise<Map<string, boolean | null>> => {
    const codes = [...new Set(villageCodes)];
    const out = new Map<string, boolean | null>(codes.map((c) => [c, null]));
    if (codes.length === 0) return out;
    const found = await villages.find(
      READ,
      { code: { $in: codes } },
      { projection: { code: 1, infrastructure: 1 } },
    );
    for (const v of found) {
      const item = v.infrastructure?.tapWater;
      out.set(v.code, typeof item?.inPlace === 'boolean' ? item.inPlace : null);
    }
    return out;
  };
