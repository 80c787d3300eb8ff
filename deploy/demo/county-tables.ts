// The distributions the demo county is drawn from, as the seeds have them: townships and
// village names, causes, statuses, exit and identification years, household sizes, work places.

import type { HouseholdStatus } from './county-shape';

export const TOWNSHIP_NAMES = [
  '城关镇',
  '青石镇',
  '白沙镇',
  '双溪乡',
  '桃源乡',
  '龙潭镇',
  '松柏乡',
  '金竹乡',
  '梅花镇',
  '大坪乡',
  '高桥镇',
  '石门乡',
  '清水镇',
];
export const VILLAGE_FIRST = [...'上下东西新老大小高黄白石竹杨枫茶柳桂杉樟梨荷岩水花马龙凤'];
export const VILLAGE_SECOND = [...'家塘坪冲湾岭坳洞垅田源口溪山桥坡铺寨庄岗'];
export const GROUP_NAMES = [...'一二三四五六七八九十'];

export const MAIN_CAUSES: readonly (readonly [string, number])[] = [
  ['illness', 38],
  ['lack_of_skills', 18],
  ['disability', 11],
  ['lack_of_labour', 10],
  ['schooling', 7],
  ['lack_of_capital', 7],
  ['disaster', 3],
  ['lack_of_land', 2],
  ['poor_transport', 2],
  ['lack_of_water', 1],
  ['lack_of_drive', 1],
];
export const STATUSES: readonly (readonly [HouseholdStatus, number])[] = [
  ['exited', 78],
  ['in_poverty', 8],
  ['returned', 2],
  ['unstable', 5],
  ['marginal', 5],
  ['sudden_hardship', 2],
];
/** Exits by year: seed 002 has 59 % out by the end of 2017, 1,674 of 8,186 households in 2017. */
export const EXIT_YEARS: readonly (readonly [number, number])[] = [
  [2014, 8],
  [2015, 12],
  [2016, 19],
  [2017, 21],
  [2018, 24],
  [2019, 11],
  [2020, 5],
];
export const IDENTIFICATION_YEARS: readonly (readonly [number, number])[] = [
  [2014, 75],
  [2015, 12],
  [2016, 8],
  [2017, 5],
];
export const SIZES: readonly (readonly [number, number])[] = [
  [1, 15],
  [2, 22],
  [3, 22],
  [4, 20],
  [5, 13],
  [6, 6],
  [7, 2],
];
export const WORK_PLACES = [
  '广东东莞',
  '广东深圳',
  '广东广州',
  '浙江义乌',
  '本县工业园',
  '长沙',
  '福建泉州',
];
export const BANKS = ['农村商业银行', '邮政储蓄银行', '农业银行'];
/** Mean members per household (the size table above); seed 002: 24,192 / 8,186 = 2.96. */
export const MEAN_SIZE = 3.06;

export const pad = (n: number, width: number) => String(n).padStart(width, '0');
export const daysIn = (year: number, month: number) =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();
