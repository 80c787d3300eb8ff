import type { Random } from './random';

/**
 * Chinese names from a built-in table (姓氏 weighted roughly as in southern Hunan, given-name
 * characters by sex and generation). Every name is made up; any likeness is chance.
 */
const SURNAMES: readonly (readonly [string, number])[] = [
  ['李', 80],
  ['王', 70],
  ['张', 60],
  ['刘', 65],
  ['陈', 60],
  ['杨', 40],
  ['黄', 45],
  ['周', 35],
  ['唐', 40],
  ['蒋', 30],
  ['邓', 30],
  ['曹', 20],
  ['谢', 25],
  ['何', 25],
  ['胡', 25],
  ['罗', 25],
  ['雷', 15],
  ['欧阳', 8],
  ['彭', 18],
  ['廖', 18],
  ['肖', 18],
  ['朱', 18],
  ['曾', 15],
  ['邹', 12],
  ['吴', 15],
  ['徐', 12],
  ['孙', 8],
  ['马', 8],
  ['郭', 10],
  ['林', 10],
  ['赵', 10],
  ['钟', 10],
  ['谭', 12],
  ['龙', 8],
  ['盘', 6],
  ['冯', 6],
  ['袁', 8],
  ['文', 8],
  ['许', 6],
  ['贺', 8],
  ['段', 6],
  ['邱', 6],
  ['宋', 6],
  ['伍', 6],
  ['蔡', 5],
  ['卢', 5],
  ['田', 6],
  ['侯', 4],
  ['颜', 4],
  ['尹', 4],
  ['汤', 5],
  ['左', 4],
  ['奉', 3],
  ['首', 2],
  ['司马', 1],
  ['诸葛', 1],
];

const MALE_OLD = '国建德福明华志忠文春金永海荣富贵成林才宝';
const MALE_YOUNG = '浩宇子轩博涛鹏晨俊杰磊鑫睿泽昊宇航天佑';
const FEMALE_OLD = '秀英桂兰玉珍凤芳红梅淑华春花冬梅月娥菊';
const FEMALE_YOUNG = '欣怡雨萱梓涵诗琪思雅佳琳紫嘉悦婷若曦';

export type Sex = 'male' | 'female';

export function surname(r: Random): string {
  return r.weighted(SURNAMES);
}

/** A given name of one or two characters, in the fashion of the person's birth decade. */
export function givenName(r: Random, sex: Sex, birthYear: number): string {
  const pool =
    birthYear < 1985
      ? sex === 'male'
        ? MALE_OLD
        : FEMALE_OLD
      : sex === 'male'
        ? MALE_YOUNG
        : FEMALE_YOUNG;
  const chars = [...pool];
  return r.chance(0.25) ? r.pick(chars) : r.pick(chars) + r.pick(chars);
}
