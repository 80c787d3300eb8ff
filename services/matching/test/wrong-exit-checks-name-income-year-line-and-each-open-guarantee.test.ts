import type { MatchingRuleCode } from '@fupin/contracts';
import type { Membership } from '../src/persons/person-index.model';
import { openGuarantees } from '../src/persons/person-index.service';
import { exitedHouseholdFindings } from '../src/runs/review-checks';

const ALL = new Set<MatchingRuleCode>(['EXITED_BELOW_LINE', 'EXITED_GUARANTEE_UNMET']);
/** The national line for 2019: 3,747 yuan. */
const LINE_2019 = 374_700;

function exited(over: Partial<Membership> = {}): Membership {
  return {
    householdId: 'h1',
    memberId: 'm1',
    householdNo: 'HH-1',
    name: '张一',
    areaCode: '431121101201',
    registered: true,
    householdStatus: 'exited',
    memberStatus: 'active',
    birthDate: '1970-01-01',
    sex: 'male',
    minimumAllowance: false,
    destituteSupport: false,
    housingGrade: 'A',
    housingSafe: true,
    perCapitaIncomeFen: LINE_2019,
    incomeYear: 2019,
    householdSize: 3,
    exitYear: 2019,
    guaranteesOpen: [],
    guaranteeSource: 'states',
    ...over,
  };
}

test('an exited household one fen below the line is a wrong exit naming income, year and line', () => {
  const [f, ...rest] = exitedHouseholdFindings(exited({ perCapitaIncomeFen: LINE_2019 - 1 }), ALL);
  expect(rest).toEqual([]);
  expect(f).toMatchObject({
    rule: 'EXITED_BELOW_LINE',
    subject: 'household',
    householdId: 'h1',
    evidence: {
      kind: 'registry',
      perCapitaIncomeFen: LINE_2019 - 1,
      povertyLineFen: LINE_2019,
      incomeYear: 2019,
      householdStatus: 'exited',
    },
  });
  const statement = (f!.evidence as { statement: { 'zh-CN': string; en: string } }).statement;
  expect(statement['zh-CN']).toContain('2019年人均纯收入3746.99元');
  expect(statement['zh-CN']).toContain('扶贫标准3747.00元');
  expect(statement.en).toContain('for 2019 is 3746.99 yuan');
  expect(statement.en).toContain('poverty line of 3747.00 yuan');
});

test('exactly at the line, or with no income year, is no wrong exit', () => {
  expect(exitedHouseholdFindings(exited(), ALL)).toEqual([]);
  expect(exitedHouseholdFindings(exited({ perCapitaIncomeFen: 1, incomeYear: null }), ALL)).toEqual(
    [],
  );
});

test('an unstable exited household counts; one still in poverty or cancelled does not', () => {
  const poor = { perCapitaIncomeFen: 100 };
  expect(
    exitedHouseholdFindings(exited({ ...poor, householdStatus: 'unstable' }), ALL),
  ).toHaveLength(1);
  expect(exitedHouseholdFindings(exited({ ...poor, householdStatus: 'in_poverty' }), ALL)).toEqual(
    [],
  );
  expect(exitedHouseholdFindings(exited({ ...poor, householdStatus: 'cancelled' }), ALL)).toEqual(
    [],
  );
});

test('a guarantee unknown is a wrong exit naming that guarantee and its state', () => {
  const states = {
    food: 'met',
    clothing: 'met',
    compulsory_education: 'met',
    basic_medical: 'unknown',
    housing_safety: 'not_met',
    safe_water: 'met',
  } as const;
  const open = openGuarantees({
    guarantees: {
      food: true,
      clothing: true,
      compulsory_education: true,
      basic_medical: false,
      housing_safety: false,
      safe_water: true,
    },
    guaranteeStates: states,
  });
  const [f] = exitedHouseholdFindings(exited(open), ALL);
  expect(f).toMatchObject({
    rule: 'EXITED_GUARANTEE_UNMET',
    evidence: {
      guarantees: [
        { code: 'basic_medical', state: 'unknown' },
        { code: 'housing_safety', state: 'not_met' },
      ],
      guaranteeSource: 'states',
    },
  });
  const statement = (f!.evidence as { statement: { 'zh-CN': string; en: string } }).statement;
  expect(statement['zh-CN']).toContain('基本医疗有保障（情况不明）');
  expect(statement['zh-CN']).toContain('住房安全有保障（未达标）');
  expect(statement.en).toContain('basic medical care (unknown)');
});

test('without the three states the flags decide, and say they cannot tell unknown', () => {
  const open = openGuarantees({
    guarantees: {
      food: true,
      clothing: true,
      compulsory_education: false,
      basic_medical: true,
      housing_safety: true,
      safe_water: true,
    },
  });
  expect(open).toEqual({
    guaranteesOpen: [{ code: 'compulsory_education', state: 'not_met' }],
    guaranteeSource: 'flags',
  });
  const [f] = exitedHouseholdFindings(exited(open), ALL);
  expect(f?.rule).toBe('EXITED_GUARANTEE_UNMET');
  expect(openGuarantees({ guarantees: { ...allMet() } }).guaranteesOpen).toEqual([]);
});

test('a rule the run does not apply finds nothing', () => {
  const m = exited({ perCapitaIncomeFen: 1, guaranteesOpen: [{ code: 'food', state: 'unknown' }] });
  expect(
    exitedHouseholdFindings(m, new Set(['EXITED_GUARANTEE_UNMET'])).map((f) => f.rule),
  ).toEqual(['EXITED_GUARANTEE_UNMET']);
  expect(exitedHouseholdFindings(m, new Set())).toEqual([]);
});

function allMet() {
  return {
    food: true,
    clothing: true,
    compulsory_education: true,
    basic_medical: true,
    housing_safety: true,
    safe_water: true,
  };
}
