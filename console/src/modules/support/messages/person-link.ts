import type { SameKeys } from '../../../i18n/types';

/** The fields every record linked to a person carries (PersonLink). */
export const personLinkZh = {
  personId: '人员',
  householdId: '所在户',
  name: '姓名',
  areaCode: '所在村',
  townshipCode: '所在乡镇',
};
export const personLinkEn: SameKeys<typeof personLinkZh> = {
  personId: 'Person',
  householdId: 'Household',
  name: 'Name',
  areaCode: 'Village',
  townshipCode: 'Township',
};
