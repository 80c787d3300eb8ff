import {
  ancestors,
  areaLevel,
  isAreaCode,
  isWithin,
  normaliseAreaCode,
  parentCode,
  parseVillagerGroup,
  parseVillagerGroupKey,
  provinceOf,
  scopePrefix,
  villagerGroupKey,
} from '../src';

const PROVINCE = '430000000000';
const CITY = '430100000000';
const COUNTY = '430121000000';
const TOWNSHIP = '430121101000';
const VILLAGE = '430121101201';
// 东莞 has no counties: its townships sit directly under the city.
const DONGGUAN_TOWNSHIP = '441900003000';

describe('area code levels', () => {
  it('each level is read from the last non-zero part', () => {
    const levels = [PROVINCE, CITY, COUNTY, TOWNSHIP, VILLAGE].map(areaLevel);

    expect(levels).toEqual(['province', 'city', 'county', 'township', 'village']);
  });

  it('a township under a city without counties is a township', () => {
    expect(areaLevel(DONGGUAN_TOWNSHIP)).toBe('township');
  });
});

describe('area code parents and ancestors', () => {
  it('the parent of each level is the level above', () => {
    const parents = [VILLAGE, TOWNSHIP, COUNTY, CITY, PROVINCE].map(parentCode);

    expect(parents).toEqual([TOWNSHIP, COUNTY, CITY, PROVINCE, null]);
  });

  it('a village’s ancestors run from the province down to its township', () => {
    expect(ancestors(VILLAGE)).toEqual([PROVINCE, CITY, COUNTY, TOWNSHIP]);
  });

  it('a township under a city without counties has the city as parent', () => {
    expect(parentCode(DONGGUAN_TOWNSHIP)).toBe('441900000000');
    expect(ancestors(DONGGUAN_TOWNSHIP)).toEqual(['440000000000', '441900000000']);
  });

  it('the province of a code carries its names', () => {
    expect(provinceOf(VILLAGE)).toEqual({ code: '43', zh: '湖南省', en: 'Hunan' });
  });
});

describe('area scopes', () => {
  it('the scope prefix is the significant digits of the level', () => {
    const prefixes = [PROVINCE, CITY, COUNTY, TOWNSHIP, VILLAGE].map(scopePrefix);

    expect(prefixes).toEqual(['43', '4301', '430121', '430121101', VILLAGE]);
  });

  it('a village is within its township, county and province', () => {
    const scopes = [TOWNSHIP, COUNTY, PROVINCE].map((scope) => isWithin(VILLAGE, scope));

    expect(scopes).toEqual([true, true, true]);
  });

  it('a village of the neighbouring township is outside a township scope', () => {
    expect(isWithin('430121102201', TOWNSHIP)).toBe(false);
  });

  it('a township user cannot see the county record above it', () => {
    expect(isWithin(COUNTY, TOWNSHIP)).toBe(false);
  });

  it('a scope contains itself', () => {
    expect(isWithin(TOWNSHIP, TOWNSHIP)).toBe(true);
  });

  it('a look-alike prefix in another county is outside', () => {
    // 4301211 would match a naive 7-digit prefix of the township; the county part differs.
    expect(isWithin('430112101201', TOWNSHIP)).toBe(false);
  });
});

describe('normalising area codes', () => {
  it('a 6-digit GB/T 2260 county code is padded to 12 digits', () => {
    expect(normaliseAreaCode('430121')).toEqual({ ok: true, value: COUNTY, level: 'county' });
  });

  it('a 9-digit township code is padded and whitespace trimmed', () => {
    const result = normaliseAreaCode(' 430121101 ');

    expect(result.ok && result.value).toBe(TOWNSHIP);
  });

  it('isAreaCode accepts only the stored 12-digit form', () => {
    expect([isAreaCode(VILLAGE), isAreaCode('430121'), isAreaCode(` ${VILLAGE}`)]).toEqual([
      true,
      false,
      false,
    ]);
  });
});

describe('villager groups (村民小组)', () => {
  it('a group is its village and number, with a sortable key that keeps the village prefix', () => {
    const result = parseVillagerGroup(VILLAGE, 3);

    expect(result).toEqual({ ok: true, value: { villageCode: VILLAGE, groupNo: 3 } });
    expect(result.ok && villagerGroupKey(result.value)).toBe('430121101201-003');
  });

  it('a key reads back into the group', () => {
    const result = parseVillagerGroupKey('430121101201-012');

    expect(result.ok && result.value).toEqual({ villageCode: VILLAGE, groupNo: 12 });
  });

  it('a group must belong to a village code', () => {
    const result = parseVillagerGroup(TOWNSHIP, 1);

    expect(!result.ok && result.code).toBe('VILLAGER_GROUP_VILLAGE');
  });

  it('a group number must be a whole number from 1', () => {
    const codes = [0, 1.5, -2, 1000].map((n) => {
      const result = parseVillagerGroup(VILLAGE, n);
      return result.ok ? 'OK' : result.code;
    });

    expect(codes).toEqual([
      'VILLAGER_GROUP_NUMBER',
      'VILLAGER_GROUP_NUMBER',
      'VILLAGER_GROUP_NUMBER',
      'VILLAGER_GROUP_NUMBER',
    ]);
  });
});
