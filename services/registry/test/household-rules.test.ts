import { readGuarantee } from '../src/households/guarantee.rules';
import {
  allGuaranteesMet,
  checkMemberIdentity,
  headNameOf,
  isBelowPovertyLine,
  perCapitaIncomeFen,
  unmetGuarantees,
} from '../src/households/household.rules';
import { idNumber } from './fixtures/registry';

test('per-capita income is the year total over active members, in whole fen', () => {
  const income = {
    year: 2019,
    wagesFen: 1_000_001,
    productionFen: 0,
    propertyFen: 0,
    transferFen: 0,
  };
  expect(perCapitaIncomeFen(income, 3)).toBe(333_333);
  expect(perCapitaIncomeFen(income, 0)).toBeNull();
  expect(perCapitaIncomeFen(null, 3)).toBeNull();
});

test('the comparison uses the poverty line of the income year; an unknown year gives no verdict', () => {
  expect(isBelowPovertyLine(374_699, 2019)).toBe(true);
  expect(isBelowPovertyLine(374_700, 2019)).toBe(false);
  expect(isBelowPovertyLine(300_000, 2014)).toBe(false);
  expect(isBelowPovertyLine(300_000, 1999)).toBeNull();
  expect(isBelowPovertyLine(null, 2019)).toBeNull();
});

test('unmet guarantees are listed in the guide order', () => {
  const g = allGuaranteesMet();
  g.safe_water = readGuarantee({ met: false, note: '季节性缺水' });
  g.food = readGuarantee({ met: false, note: null });
  expect(unmetGuarantees(g)).toEqual(['food', 'safe_water']);
});

test('a member identity takes sex and birth date from the ID number and refuses disagreements', () => {
  const id = idNumber('2008-08-31', 7, 'female');
  expect(checkMemberIdentity({ idNumber: ` ${id.toLowerCase()} ` }, 'members.0')).toEqual({
    ok: true,
    identity: { idNumber: id.toUpperCase(), birthDate: '2008-08-31', sex: 'female' },
  });
  const wrong = checkMemberIdentity(
    { idNumber: id, birthDate: '2008-09-01', sex: 'male' },
    'members.3',
  );
  expect(wrong.ok).toBe(false);
  expect(wrong.ok ? [] : wrong.errors.map((e) => [e.field, e.code])).toEqual([
    ['members.3.birthDate', 'ID_BIRTH_DATE_MISMATCH'],
    ['members.3.sex', 'ID_SEX_MISMATCH'],
  ]);
});

test('the head is the member related as head, else the first active member', () => {
  expect(
    headNameOf([
      { name: '甲', relation: 'son', status: 'active' },
      { name: '乙', relation: 'head', status: 'active' },
    ]),
  ).toBe('乙');
  expect(
    headNameOf([
      { name: '甲', relation: 'head', status: 'removed' },
      { name: '丙', relation: 'spouse', status: 'active' },
    ]),
  ).toBe('丙');
});
