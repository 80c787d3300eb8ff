import type { HistoryEntry, Member, MemberSupportFacts } from '../src/households/household.model';
import {
  DEFAULT_MEDICAL_THRESHOLD_FEN,
  DEFAULT_MONITORING_LINE_FACTOR,
  LOOKBACK_MONTHS,
  ruleOf,
  WARNING_RULES,
} from '../src/monitoring/warning-rules.table';
import {
  childOutOfSchool,
  disaster,
  incomeBelowMonitoringLine,
  labourerDisabled,
  lookbackStart,
  medicalOutOfPocket,
  memberDeceased,
  screenHousehold,
  withinLookback,
  workLost,
} from '../src/monitoring/warning.rules';
import {
  type FiredSignal,
  type MedicalCostFact,
  type ScreeningInput,
  SIGNAL_CODES,
} from '../src/monitoring/warning.types';

const TODAY = '2026-06-15';
const LINE_2025 = 600_000;
const LINE_2026 = 650_000;
/** A moment of a Shanghai calendar day (noon, so no time zone moves it). */
const at = (day: string) => new Date(`${day}T12:00:00+08:00`);

const member = (id: string, over: Partial<Member> = {}): Member =>
  ({
    id,
    name: `name-${id}`,
    birthDate: '1980-03-01',
    status: 'active',
    inSchool: false,
    labourCapacity: 'ordinary',
    migrantWork: { working: false, place: null, months: null },
    removedAt: null,
    ...over,
  }) as Member;

const support = (memberId: string, over: Partial<MemberSupportFacts>): MemberSupportFacts => ({
  ...{ memberId, enrollment: null, openDropoutCases: [], basicMedical: null },
  ...over,
});

const change = (day: string, action: string, changed: string[]): HistoryEntry =>
  ({ at: at(day), action, changed }) as HistoryEntry;

/** A quiet household (nothing fires) changed by `hh` and `over`. */
const input = (
  hh: Partial<ScreeningInput['household']> = {},
  over: Partial<ScreeningInput> = {},
): ScreeningInput => ({
  household: {
    _id: 'h1',
    areaCode: '522601101201',
    status: 'exited',
    size: 1,
    perCapitaIncomeFen: 900_000,
    income: { year: 2025, wagesFen: 900_000, productionFen: 0, propertyFen: 0, transferFen: 0 },
    members: [member('a')],
    supportFacts: [],
    ...hh,
  } as ScreeningInput['household'],
  history: [],
  medical: [],
  disasters: [],
  settings: (year) => ({
    year,
    monitoringLineFen: year === 2025 ? LINE_2025 : LINE_2026,
    medicalThresholdFen: DEFAULT_MEDICAL_THRESHOLD_FEN,
  }),
  today: TODAY,
  ...over,
});

const asFired = (o: unknown) => o as FiredSignal;
const withIncome = (perCapitaIncomeFen: number) => input({ perCapitaIncomeFen });
const episode = (day: string, outOfPocketFen: number, personId = 'a') =>
  ({ episodeId: `${day}/${personId}`, personId, day, outOfPocketFen }) as MedicalCostFact;

test('the table holds one versioned, bilingual rule per signal code, in order, with the defaults', () => {
  expect(WARNING_RULES.map((r) => r.code)).toEqual([...SIGNAL_CODES]);
  for (const r of WARNING_RULES) {
    expect([r.version, ruleOf(r.code)]).toEqual([1, r]);
    for (const text of [r.label, r.inputs, r.threshold]) {
      expect(text['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(text.en).not.toMatch(/[\u4e00-\u9fff]/);
    }
  }
  expect(ruleOf('income_below_monitoring_line').label['zh-CN']).toBe('收入低于监测线');
  expect(ruleOf('disaster').source).toBe('disaster');
  expect([DEFAULT_MONITORING_LINE_FACTOR, DEFAULT_MEDICAL_THRESHOLD_FEN, LOOKBACK_MONTHS]).toEqual([
    1.5, 2_000_000, 12,
  ]);
});

test('the lookback runs from after the same day twelve months before up to today', () => {
  expect(lookbackStart(TODAY)).toBe('2025-06-15');
  expect(lookbackStart('2024-02-29')).toBe('2023-02-28');
  expect(lookbackStart('2026-03-31', 1)).toBe('2026-02-28');
  expect(lookbackStart('2026-01-31', 1)).toBe('2025-12-31');
  expect(withinLookback('2025-06-15', TODAY)).toBe(false);
  expect(withinLookback('2025-06-16', TODAY)).toBe(true);
  expect(withinLookback(TODAY, TODAY)).toBe(true);
  expect(withinLookback('2026-06-16', TODAY)).toBe(false);
  expect(() => lookbackStart('2026-02-30')).toThrow(RangeError);
});

test('income: one fen below the line of the income year fires, explained; at or above it does not', () => {
  const below = asFired(incomeBelowMonitoringLine(withIncome(LINE_2025 - 1)));
  expect([below.code, below.version]).toEqual(['income_below_monitoring_line', 1]);
  const values = { perCapitaIncomeFen: LINE_2025 - 1, monitoringLineFen: LINE_2025 };
  expect(below.values).toEqual({ ...values, incomeYear: 2025 });
  expect(incomeBelowMonitoringLine(withIncome(LINE_2025))).toBeNull();
  expect(incomeBelowMonitoringLine(withIncome(LINE_2025 + 1))).toBeNull();
  // The line of the income's year (2025), not the screening's (2026, higher).
  expect(incomeBelowMonitoringLine(withIncome(LINE_2026 - 1))).toBeNull();
  expect(asFired(incomeBelowMonitoringLine(withIncome(510_000))).explanation).toEqual({
    'zh-CN': '2025年家庭年人均纯收入¥5,100.00，低于监测线¥6,000.00',
    en: 'Per-capita income ¥5,100.00 in 2025 is below the monitoring line ¥6,000.00',
  });
});

test('income: no per-capita income or no income is missing data, never a warning', () => {
  for (const hh of [{ perCapitaIncomeFen: null }, { income: null }]) {
    const { fired, missing } = screenHousehold(input(hh));
    expect(fired).toEqual([]);
    expect(missing.map((m) => m.code)).toEqual(['income_below_monitoring_line']);
    expect(missing[0]?.reason['zh-CN']).toMatch(/人均纯收入/);
    expect(missing[0]?.reason.en).toMatch(/per-capita income/);
  }
});

test('medical: one fen above the threshold fires, at the threshold does not, none is never missing', () => {
  const half = DEFAULT_MEDICAL_THRESHOLD_FEN / 2;
  const over = { medical: [episode('2026-01-10', half), episode('2026-03-10', half + 1)] };
  const fired = asFired(medicalOutOfPocket(input({}, over)));
  const threshold = DEFAULT_MEDICAL_THRESHOLD_FEN;
  expect(fired.values).toEqual({
    outOfPocketFen: threshold + 1,
    thresholdFen: threshold,
    episodes: 2,
  });
  expect(fired.explanation['zh-CN']).toMatch(/2次.*¥20,000\.01.*超过¥20,000\.00/);
  expect(fired.explanation.en).toMatch(/¥20,000\.01 over 2 episode.*exceed ¥20,000\.00/);
  const at = { medical: [episode('2026-01-10', DEFAULT_MEDICAL_THRESHOLD_FEN)] };
  expect(medicalOutOfPocket(input({}, at))).toBeNull();
  expect(medicalOutOfPocket(input())).toBeNull();
});

test('medical: only episodes after today minus 12 months and up to today count; removed members are ignored', () => {
  const big = DEFAULT_MEDICAL_THRESHOLD_FEN + 1;
  const only = (e: MedicalCostFact) =>
    medicalOutOfPocket(
      input({ members: [member('a'), member('gone', { status: 'removed' })] }, { medical: [e] }),
    );
  expect(only(episode('2025-06-14', big))).toBeNull(); // 12 months and a day ago
  expect(only(episode('2025-06-15', big))).toBeNull(); // exactly 12 months ago
  expect(only(episode('2025-06-16', big))).not.toBeNull();
  expect(only(episode(TODAY, big))).not.toBeNull();
  expect(only(episode('2026-06-16', big))).toBeNull();
  expect(only(episode('2026-01-10', big, 'gone'))).toBeNull();
});

test('child: the compulsory-age cut-off is 31 August; a 16-year-old does not count', () => {
  const child = (birthDate: string) => member('c', { name: '小明', birthDate, inSchool: false });
  const out = (birthDate: string, today = TODAY) =>
    childOutOfSchool(input({ members: [member('a'), child(birthDate)] }, { today }));
  // On 2026-06-15 the school year is 2025: six by 31 August 2025 counts, a day later does not.
  expect(out('2019-08-31')).not.toBeNull();
  expect(out('2019-09-01')).toBeNull();
  // Turning 6 for the autumn of 2026: counted from 1 September 2026.
  expect(out('2020-08-31', '2026-08-31')).toBeNull();
  expect(out('2020-08-31', '2026-09-01')).not.toBeNull();
  // Nine years: born 2010-09-01 is in grade 9; a 16-year-old is past compulsory education.
  expect(out('2010-09-01')).not.toBeNull();
  expect(out('2010-01-01')).toBeNull();
});

test('child: a dropout case, an enrollment not enrolled or (without one) not in school fires, naming the child', () => {
  const kid = member('c', { name: '小明', birthDate: '2015-05-01', inSchool: true });
  const run = (facts: MemberSupportFacts[], inSchool = true) =>
    childOutOfSchool(input({ members: [member('a'), { ...kid, inSchool }], supportFacts: facts }));
  const enrolled = { term: '2026-spring', status: 'enrolled', stage: 'primary' };
  const dropout = asFired(run([support('c', { enrollment: enrolled, openDropoutCases: ['d1'] })]));
  expect(dropout.explanation['zh-CN']).toBe('义务教育适龄子女未在校：小明（有未结辍学案件）');
  expect(dropout.explanation.en).toMatch(/^Of compulsory-education age .*: 小明 \(an open dropout/);
  expect(dropout.values).toEqual({ children: 1, names: '小明', memberIds: 'c' });
  const suspended = { ...enrolled, status: 'suspended' };
  const notEnrolled = asFired(run([support('c', { enrollment: suspended })]));
  expect(notEnrolled.explanation.en).toContain('enrollment of 2026-spring is suspended');
  expect(run([support('c', { enrollment: enrolled })], false)).toBeNull(); // support wins
  expect(asFired(run([], false)).explanation['zh-CN']).toContain('登记为不在校');
  expect(run([])).toBeNull();
});

test('child: a removed child is ignored; a missing or invalid birth date is missing data', () => {
  const gone = member('c', { birthDate: '2015-05-01', status: 'removed' });
  expect(childOutOfSchool(input({ members: [member('a'), gone] }))).toBeNull();
  for (const birthDate of ['', '2015-02-30']) {
    const odd = member('c', { name: '小红', birthDate });
    const result = screenHousehold(input({ members: [member('a'), odd] }));
    expect(result.fired).toEqual([]);
    expect(result.missing.map((m) => m.code)).toEqual(['child_out_of_school']);
    expect(result.missing[0]?.reason['zh-CN']).toContain('小红');
  }
});

test('deceased: a death 11 months ago fires, 13 months ago or a removal for another reason does not', () => {
  const dead = (day: string, deceased: boolean) =>
    member('d', { status: 'removed', deceased, removedAt: at(day) });
  const died = (day: string, deceased = true) =>
    memberDeceased(input({ members: [member('a'), dead(day, deceased)] }));
  const fired = asFired(died('2025-07-15'));
  expect(fired.values).toEqual({ deceased: 1 });
  expect(fired.explanation['zh-CN']).toContain('name-d（2025-07-15）');
  expect(fired.explanation.en).toContain('1 member(s) died');
  expect(died('2025-05-15')).toBeNull();
  expect(died('2025-07-15', false)).toBeNull();
});

test('labour lost: no ordinary or skilled labourer left fires only after a recent change of a member', () => {
  const weak = [member('a', { labourCapacity: 'weak' }), member('b', { labourCapacity: 'none' })];
  const gone = member('x', { labourCapacity: 'ordinary', status: 'removed' });
  const run = (history: HistoryEntry[], members = [...weak, gone]) =>
    labourerDisabled(input({ members }, { history }));
  const lost = change('2026-02-01', 'member_updated', ['members.labourCapacity']);
  const disabled = asFired(run([lost]));
  expect(disabled.values).toEqual({ labourers: 0, changedOn: '2026-02-01' });
  expect(disabled.explanation['zh-CN']).toContain('2026-02-01');
  expect(run([change('2026-02-01', 'member_removed', ['members'])])).not.toBeNull();
  expect(run([change('2026-02-01', 'member_updated', ['members.health'])])).not.toBeNull();
  expect(run([])).toBeNull(); // never had labour
  expect(run([change('2025-06-10', 'member_updated', ['members.labourCapacity'])])).toBeNull();
  expect(run([change('2026-02-01', 'member_added', ['members'])])).toBeNull();
  expect(run([change('2026-02-01', 'member_updated', ['members.phone'])])).toBeNull();
  const skilled = [...weak, member('s', { labourCapacity: 'skilled' })];
  expect(run([change('2026-02-01', 'member_updated', ['members.health'])], skilled)).toBeNull();
});

test('disaster: a day inside the lookback fires naming kind, day and losses; outside does not', () => {
  const flood = {
    id: 'd',
    kind: 'flood',
    day: '2025-06-16',
    lossesFen: 1_234_500,
    description: '',
  };
  const fired = asFired(disaster(input({}, { disasters: [flood] })));
  // The kind in each language, never its code.
  expect(fired.explanation['zh-CN']).toContain('2025-06-16 洪涝（损失¥12,345.00）');
  expect(fired.explanation.en).toContain('flood on 2025-06-16 (losses ¥12,345.00)');
  expect(fired.explanation['zh-CN']).not.toMatch(/[a-z]/);
  expect(fired.values).toEqual({ disasters: 1, lastDay: '2025-06-16', lossesFen: 1_234_500 });
  const noLoss = asFired(disaster(input({}, { disasters: [{ ...flood, lossesFen: null }] })));
  expect(noLoss.values.lossesFen).toBeNull();
  expect(noLoss.explanation['zh-CN']).not.toContain('损失');
  expect(disaster(input({}, { disasters: [{ ...flood, day: '2025-06-14' }] }))).toBeNull();
});

test('work lost: a recent migrant-work change and nobody working away fires; no change or a worker does not', () => {
  const worker = member('w', { migrantWork: { working: true, place: '广东', months: 10 } });
  const recent = [change('2026-03-01', 'member_updated', ['members.migrantWork'])];
  const run = (members: Member[], history: HistoryEntry[]) =>
    workLost(input({ members }, { history }));
  const fired = asFired(run([member('a')], recent));
  expect(fired.values).toEqual({ changedOn: '2026-03-01' });
  expect(fired.explanation.en).toMatch(/^Migrant work changed on 2026-03-01 and no member works/);
  expect(run([member('a')], [])).toBeNull();
  expect(run([member('a'), worker], recent)).toBeNull();
  expect(run([member('a'), { ...worker, status: 'removed' }], recent)).not.toBeNull();
  const old = [change('2025-05-01', 'member_updated', ['members.migrantWork'])];
  expect(run([member('a')], old)).toBeNull();
});

test('screening a quiet household finds nothing; a troubled one fires in table order, each explained in both languages', () => {
  expect(screenHousehold(input())).toEqual({ fired: [], missing: [] });
  const troubled = input(
    { perCapitaIncomeFen: 400_000, members: [member('a', { labourCapacity: 'lost' })] },
    {
      medical: [episode('2026-05-01', 2_500_000)],
      disasters: [{ id: 'd', kind: '冰雹', day: '2026-04-01', lossesFen: null, description: '' }],
      history: [
        change('2026-04-02', 'member_updated', ['members.labourCapacity', 'members.migrantWork']),
      ],
    },
  );
  const { fired, missing } = screenHousehold(troubled);
  expect(missing).toEqual([]);
  const quiet: string[] = ['child_out_of_school', 'member_deceased'];
  expect(fired.map((f) => f.code)).toEqual(SIGNAL_CODES.filter((c) => !quiet.includes(c)));
  for (const f of fired) {
    expect(f.explanation['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    expect(f.explanation.en).toMatch(/^[A-Z]/);
    expect(f.explanation.en).not.toMatch(/[，；（）]/);
  }
});
