// 统计用区划代码 — 12-digit area codes: GB/T 2260's six digits (province 2, city 2, county 2)
// then township 3 and village 3. Always strings: as numbers they lose nothing today but
// invite arithmetic and get mangled by spreadsheets.

import type { CodeOf, EnumDefinition } from './enums';
import { ReferenceDataError, type Rejected, rejected } from './reason';

/** 行政区划级别. */
export const AreaLevel = {
  province: { zh: '省级', en: 'Province' },
  city: { zh: '市级', en: 'City' },
  county: { zh: '县级', en: 'County' },
  township: { zh: '乡级', en: 'Township', aliases: ['乡镇', '乡镇级'] },
  village: { zh: '村级', en: 'Village', aliases: ['行政村'] },
} as const satisfies EnumDefinition;
export type AreaLevel = CodeOf<typeof AreaLevel>;

/** How many leading digits are significant at each level: the prefix a scope query uses. */
export const SIGNIFICANT_DIGITS: Readonly<Record<AreaLevel, number>> = {
  province: 2,
  city: 4,
  county: 6,
  township: 9,
  village: 12,
};

const LEVELS_TOP_DOWN: readonly AreaLevel[] = ['province', 'city', 'county', 'township', 'village'];

export interface Province {
  /** The two-digit GB/T 2260 province code. */
  readonly code: string;
  readonly zh: string;
  readonly en: string;
}

/** The 34 provincial-level divisions of GB/T 2260. */
export const PROVINCES: readonly Province[] = [
  { code: '11', zh: '北京市', en: 'Beijing' },
  { code: '12', zh: '天津市', en: 'Tianjin' },
  { code: '13', zh: '河北省', en: 'Hebei' },
  { code: '14', zh: '山西省', en: 'Shanxi' },
  { code: '15', zh: '内蒙古自治区', en: 'Inner Mongolia' },
  { code: '21', zh: '辽宁省', en: 'Liaoning' },
  { code: '22', zh: '吉林省', en: 'Jilin' },
  { code: '23', zh: '黑龙江省', en: 'Heilongjiang' },
  { code: '31', zh: '上海市', en: 'Shanghai' },
  { code: '32', zh: '江苏省', en: 'Jiangsu' },
  { code: '33', zh: '浙江省', en: 'Zhejiang' },
  { code: '34', zh: '安徽省', en: 'Anhui' },
  { code: '35', zh: '福建省', en: 'Fujian' },
  { code: '36', zh: '江西省', en: 'Jiangxi' },
  { code: '37', zh: '山东省', en: 'Shandong' },
  { code: '41', zh: '河南省', en: 'Henan' },
  { code: '42', zh: '湖北省', en: 'Hubei' },
  { code: '43', zh: '湖南省', en: 'Hunan' },
  { code: '44', zh: '广东省', en: 'Guangdong' },
  { code: '45', zh: '广西壮族自治区', en: 'Guangxi' },
  { code: '46', zh: '海南省', en: 'Hainan' },
  { code: '50', zh: '重庆市', en: 'Chongqing' },
  { code: '51', zh: '四川省', en: 'Sichuan' },
  { code: '52', zh: '贵州省', en: 'Guizhou' },
  { code: '53', zh: '云南省', en: 'Yunnan' },
  { code: '54', zh: '西藏自治区', en: 'Xizang (Tibet)' },
  { code: '61', zh: '陕西省', en: 'Shaanxi' },
  { code: '62', zh: '甘肃省', en: 'Gansu' },
  { code: '63', zh: '青海省', en: 'Qinghai' },
  { code: '64', zh: '宁夏回族自治区', en: 'Ningxia' },
  { code: '65', zh: '新疆维吾尔自治区', en: 'Xinjiang' },
  { code: '71', zh: '台湾省', en: 'Taiwan' },
  { code: '81', zh: '香港特别行政区', en: 'Hong Kong' },
  { code: '82', zh: '澳门特别行政区', en: 'Macao' },
];

const PROVINCE_BY_CODE = new Map(PROVINCES.map((p) => [p.code, p]));

export type AreaCodeProblemCode =
  | 'AREA_CODE_EMPTY'
  | 'AREA_CODE_CHARACTERS'
  | 'AREA_CODE_LENGTH'
  | 'AREA_CODE_PROVINCE'
  | 'AREA_CODE_STRUCTURE';

export type AreaCodeResult =
  | { readonly ok: true; readonly value: string; readonly level: AreaLevel }
  | Rejected<AreaCodeProblemCode>;

const isZeros = (digits: string): boolean => /^0+$/.test(digits);

// Cities directly under a province (东莞 441900, 中山 442000 ...) have no county level, so a
// township may sit under a zero county part; nothing may sit under a zero city or township.
function levelOfDigits(code: string): AreaCodeResult {
  const city = code.slice(2, 4);
  const county = code.slice(4, 6);
  const township = code.slice(6, 9);
  const village = code.slice(9, 12);
  if (!isZeros(village) && isZeros(township)) {
    return rejected(
      'AREA_CODE_STRUCTURE',
      `区划代码 ${code} 有村级代码但乡级部分（第7-9位）为000，村必须隶属于乡镇`,
      `Area code ${code} has a village part but its township part (digits 7-9) is 000: a village must sit under a township`,
    );
  }
  if (isZeros(city) && !isZeros(code.slice(4))) {
    return rejected(
      'AREA_CODE_STRUCTURE',
      `区划代码 ${code} 的市级部分（第3-4位）为00，其下不能有县、乡、村`,
      `Area code ${code} has a city part (digits 3-4) of 00 with a lower level under it`,
    );
  }
  const level: AreaLevel = !isZeros(village)
    ? 'village'
    : !isZeros(township)
      ? 'township'
      : !isZeros(county)
        ? 'county'
        : !isZeros(city)
          ? 'city'
          : 'province';
  return { ok: true, value: code, level };
}

function checkDigits(text: string, allowedLengths: readonly number[]): AreaCodeResult | undefined {
  if (text === '') {
    return rejected('AREA_CODE_EMPTY', '区划代码不能为空', 'The area code is empty');
  }
  if (!/^[0-9]+$/.test(text)) {
    return rejected(
      'AREA_CODE_CHARACTERS',
      `区划代码只能包含半角数字：${text}`,
      `An area code may only contain the digits 0-9: ${text}`,
    );
  }
  if (!allowedLengths.includes(text.length)) {
    const expected = allowedLengths.join('/');
    return rejected(
      'AREA_CODE_LENGTH',
      `区划代码应为${expected}位，实际为${text.length}位`,
      `An area code has ${expected} digits, this one has ${text.length}`,
    );
  }
  return undefined;
}

function checkProvince(code: string): AreaCodeResult | undefined {
  if (PROVINCE_BY_CODE.has(code.slice(0, 2))) return undefined;
  return rejected(
    'AREA_CODE_PROVINCE',
    `区划代码 ${code} 的前两位 ${code.slice(0, 2)} 不是有效的省级代码`,
    `The first two digits of area code ${code} (${code.slice(0, 2)}) are not a province`,
  );
}

/** Validates a 12-digit area code exactly as stored (no padding, no trimming). */
export function parseAreaCode(input: string): AreaCodeResult {
  const text = typeof input === 'string' ? input : '';
  return checkDigits(text, [12]) ?? checkProvince(text) ?? levelOfDigits(text);
}

/**
 * Reads an area code as people supply it: trims it, and pads a 6-digit GB/T 2260 code
 * (`430121` → `430121000000`) or a 9-digit township code to 12 digits.
 */
export function normaliseAreaCode(input: string): AreaCodeResult {
  const text = typeof input === 'string' ? input.trim() : '';
  const problem = checkDigits(text, [6, 9, 12]);
  if (problem) return problem;
  return parseAreaCode(text.padEnd(12, '0'));
}

export function isAreaCode(input: string): boolean {
  return parseAreaCode(input).ok;
}

function validLevel(code: string): AreaLevel {
  const result = parseAreaCode(code);
  if (!result.ok) throw new ReferenceDataError(result.code, result.reason);
  return result.level;
}

/** The level of a valid 12-digit code; throws `ReferenceDataError` on a malformed one. */
export function areaLevel(code: string): AreaLevel {
  return validLevel(code);
}

/**
 * The significant prefix of a code, for prefix queries over a scope: township
 * `430121101000` → `430121101`.
 */
export function scopePrefix(code: string): string {
  return code.slice(0, SIGNIFICANT_DIGITS[validLevel(code)]);
}

/**
 * The code one level up, or null for a province. Under a city without counties (东莞) a
 * township's parent is the city itself.
 */
export function parentCode(code: string): string | null {
  const index = LEVELS_TOP_DOWN.indexOf(validLevel(code));
  const above = LEVELS_TOP_DOWN[index - 1];
  return above === undefined ? null : code.slice(0, SIGNIFICANT_DIGITS[above]).padEnd(12, '0');
}

/**
 * 乡镇 — the township an area lies in: a village's township, a township itself; null for the
 * county and above, which lie in no one township. Throws `ReferenceDataError` on a malformed
 * code, like every function here that reads a level.
 */
export function townshipOf(code: string): string | null {
  const level = validLevel(code);
  if (level === 'village') return `${code.slice(0, SIGNIFICANT_DIGITS.township)}000`;
  return level === 'township' ? code : null;
}

/** Every code above this one, province first, ending with the direct parent. */
export function ancestors(code: string): string[] {
  const chain: string[] = [];
  for (let parent = parentCode(code); parent !== null; parent = parentCode(parent)) {
    chain.unshift(parent);
  }
  return chain;
}

/**
 * Whether a record's area lies inside a user's scope (the scope itself included): a
 * township user with scope `430121101000` sees `430121101201`, not `430121102201`.
 */
export function isWithin(code: string, scopeCode: string): boolean {
  validLevel(code);
  return code.startsWith(scopePrefix(scopeCode));
}

/** The province a code belongs to. */
export function provinceOf(code: string): Province {
  validLevel(code);
  const province = PROVINCE_BY_CODE.get(code.slice(0, 2));
  if (province === undefined) throw new RangeError(`No province for ${code}`);
  return province;
}

/**
 * 村民小组 — a villager group. Groups sit below the village and have no digits of their own
 * in the 12-digit code: a group is its village and its number.
 */
export interface VillagerGroup {
  readonly villageCode: string;
  readonly groupNo: number;
}

export type VillagerGroupResult =
  | { readonly ok: true; readonly value: VillagerGroup }
  | Rejected<AreaCodeProblemCode | 'VILLAGER_GROUP_VILLAGE' | 'VILLAGER_GROUP_NUMBER'>;

export const MAX_VILLAGER_GROUP_NO = 999;

export function parseVillagerGroup(villageCode: string, groupNo: number): VillagerGroupResult {
  const village = parseAreaCode(villageCode);
  if (!village.ok) return village;
  if (village.level !== 'village') {
    return rejected(
      'VILLAGER_GROUP_VILLAGE',
      `村民小组必须隶属于村，${villageCode} 不是村级代码`,
      `A villager group belongs to a village; ${villageCode} is not a village code`,
    );
  }
  if (!Number.isInteger(groupNo) || groupNo < 1 || groupNo > MAX_VILLAGER_GROUP_NO) {
    return rejected(
      'VILLAGER_GROUP_NUMBER',
      `村民小组编号应为1至${MAX_VILLAGER_GROUP_NO}的整数：${String(groupNo)}`,
      `A villager group number is a whole number from 1 to ${MAX_VILLAGER_GROUP_NO}: ${String(groupNo)}`,
    );
  }
  return { ok: true, value: { villageCode, groupNo } };
}

/**
 * A sortable string key for a group, `430121101201-003`, for indexes and lookups; the
 * village code stays a prefix so scope prefix queries still work on it.
 */
export function villagerGroupKey(group: VillagerGroup): string {
  const result = parseVillagerGroup(group.villageCode, group.groupNo);
  if (!result.ok) throw new ReferenceDataError(result.code, result.reason);
  return `${group.villageCode}-${String(group.groupNo).padStart(3, '0')}`;
}

export function parseVillagerGroupKey(key: string): VillagerGroupResult {
  const match = /^(\d{12})-(\d{3})$/.exec(key.trim());
  if (!match) {
    return rejected(
      'VILLAGER_GROUP_NUMBER',
      `村民小组编码格式应为“12位村代码-3位组号”：${key}`,
      `A villager group key is "<12-digit village code>-<3-digit group number>": ${key}`,
    );
  }
  return parseVillagerGroup(match[1] ?? '', Number(match[2]));
}
