import {
  type IndicatorRule,
  scoreTrack,
  type UnitInput,
  type UnitScore,
} from '../src/scoring/scoring.engine';

const INDICATORS: IndicatorRule[] = [
  {
    code: 'visit_coverage',
    label: { zh: '走访覆盖率', en: 'Visit coverage' },
    valueKind: 'percent',
    weight: 40,
    direction: 'higher',
    rule: 'linear',
    floor: 60,
    target: 100,
  },
  {
    code: 'idle_funds',
    label: { zh: '趴账资金', en: 'Idle funds' },
    valueKind: 'fen',
    weight: 30,
    direction: 'lower',
    rule: 'linear',
    floor: 100_000_000,
    target: 0,
  },
  {
    code: 'findings_open',
    label: { zh: '未销号疑点', en: 'Open findings' },
    valueKind: 'count',
    weight: 30,
    direction: 'lower',
    rule: 'rank',
    floor: null,
    target: null,
  },
];

const NAMES: Record<string, string> = { A: '城关镇', B: '南强镇', C: '汾市乡', D: '金江镇' };

function units(values: Record<string, [number | null, number | null, number | null]>) {
  return Object.entries(values).map(([id, [visit, idle, findings]]): UnitInput => ({
    unitId: id,
    name: NAMES[id]!,
    values: { visit_coverage: visit, idle_funds: idle, findings_open: findings },
  }));
}

const summary = (rs: UnitScore[]) =>
  rs.map((r) => ({
    unit: r.unitId,
    score: r.scoreCenti / 100,
    rank: r.rank,
    yellow: r.yellowCard,
    streak: r.consecutiveYellowCards,
    accountable: r.accountability,
  }));

const streaksOf = (rs: UnitScore[]) =>
  Object.fromEntries(rs.map((r) => [r.unitId, r.consecutiveYellowCards]));

describe('three quarters of one township track', () => {
  const q1 = scoreTrack({
    indicators: INDICATORS,
    previousStreaks: {},
    units: units({
      A: [100, 0, 2],
      B: [80, 50_000_000, 2],
      C: [60, 100_000_000, 5],
      D: [90, 20_000_000, 0],
    }),
  });
  const q2 = scoreTrack({
    indicators: INDICATORS,
    previousStreaks: streaksOf(q1),
    units: units({
      A: [70, 0, 1],
      B: [100, 0, 0],
      C: [65, 90_000_000, 3],
      D: [null, 0, 1],
    }),
  });
  const q3 = scoreTrack({
    indicators: INDICATORS,
    previousStreaks: streaksOf(q2),
    units: units({
      A: [60, 100_000_000, 4],
      B: [100, 0, 0],
      C: [60, 100_000_000, 4],
      D: [100, 0, 0],
    }),
  });

  test('Q1: linear and rank points add up; the last place gets a yellow card', () => {
    expect(summary(q1)).toEqual([
      { unit: 'A', score: 90, rank: 1, yellow: false, streak: 0, accountable: false },
      { unit: 'D', score: 84, rank: 2, yellow: false, streak: 0, accountable: false },
      { unit: 'B', score: 55, rank: 3, yellow: false, streak: 0, accountable: false },
      { unit: 'C', score: 0, rank: 4, yellow: true, streak: 1, accountable: false },
    ]);
    const b = q1.find((r) => r.unitId === 'B')!;
    expect(b.indicators.map((i) => [i.code, i.pointsCenti])).toEqual([
      ['visit_coverage', 2000],
      ['idle_funds', 1500],
      ['findings_open', 2000],
    ]);
    // B and A share the better place of the rank-based indicator, and its points.
    const findings = b.indicators[2]!;
    expect(findings.place).toBe(2);
    expect(findings.tiedWith).toEqual(['A']);
    expect(findings.explanation.zh).toContain('与城关镇并列');
    expect(b.indicators[0]!.explanation.zh).toBe(
      '走访覆盖率 80.00%，底线 60.00%、目标 100.00%，按线性插值得权重 40 分的 50.00%，计 20.00 分',
    );
    expect(q1.find((r) => r.unitId === 'C')!.explanation.map((e) => e.zh)).toContain(
      '排名倒数第一，给予预黄牌警告',
    );
  });

  test('Q2: an indicator without data is left out and its weight spread; a second yellow card in a row means accountability', () => {
    expect(summary(q2)).toEqual([
      { unit: 'B', score: 100, rank: 1, yellow: false, streak: 0, accountable: false },
      { unit: 'D', score: 83.33, rank: 2, yellow: false, streak: 0, accountable: false },
      { unit: 'A', score: 60, rank: 3, yellow: false, streak: 0, accountable: false },
      { unit: 'C', score: 8, rank: 4, yellow: true, streak: 2, accountable: true },
    ]);
    const d = q2.find((r) => r.unitId === 'D')!;
    expect(d.indicators[0]!.applicable).toBe(false);
    expect(d.explanation[0]!.zh).toBe(
      '总分 83.33：各指标得分之和 50.00 ÷ 适用指标权重合计 60.00 × 100（无数据的指标不计）',
    );
    expect(q2.find((r) => r.unitId === 'C')!.explanation.at(-1)!.zh).toBe(
      '连续 2 个季度预黄牌，对主要负责人和分管负责人问责',
    );
  });

  test('Q3: equal totals share a rank; everyone sharing the last place is warned, each on its own streak', () => {
    expect(summary(q3)).toEqual([
      { unit: 'B', score: 100, rank: 1, yellow: false, streak: 0, accountable: false },
      { unit: 'D', score: 100, rank: 1, yellow: false, streak: 0, accountable: false },
      { unit: 'A', score: 10, rank: 3, yellow: true, streak: 1, accountable: false },
      { unit: 'C', score: 10, rank: 3, yellow: true, streak: 3, accountable: true },
    ]);
    const a = q3.find((r) => r.unitId === 'A')!;
    expect(a.tiedWith).toEqual(['C']);
    expect(a.explanation.map((e) => e.zh)).toEqual([
      '总分 10.00：各指标得分之和 10.00（满分 100.00）折算为百分制',
      '在 4 个单位中排第 3 名，与汾市乡同分并列',
      '并列排名倒数第一，给予预黄牌警告',
    ]);
  });
});

test('when every unit has the same total there is no last place and no yellow card', () => {
  const rs = scoreTrack({
    indicators: INDICATORS,
    previousStreaks: { A: 1 },
    units: units({ A: [100, 0, 0], B: [100, 0, 0] }),
  });
  expect(summary(rs).map((r) => [r.rank, r.yellow])).toEqual([
    [1, false],
    [1, false],
  ]);
});

test("a unit's own floor and target from the task sheet replace the indicator's", () => {
  const [r] = scoreTrack({
    indicators: [INDICATORS[0]!],
    previousStreaks: {},
    units: [
      {
        unitId: 'A',
        name: '城关镇',
        values: { visit_coverage: 90 },
        targets: { visit_coverage: { floor: 80, target: 95 } },
      },
    ],
  });
  expect(r!.indicators[0]!.pointsCenti).toBe(Math.round(4000 * (10 / 15)));
  expect(r!.indicators[0]!.explanation.zh).toContain('（分解表目标）');
});

test('a linear rule whose target is on the wrong side of its floor is refused', () => {
  expect(() =>
    scoreTrack({
      indicators: [{ ...INDICATORS[0]!, floor: 100, target: 60 }],
      previousStreaks: {},
      units: units({ A: [90, 0, 0] }),
    }),
  ).toThrow(/target \(60\) must exceed the floor \(100\)/);
});

test('the same input always gives the same result', () => {
  const input = {
    indicators: INDICATORS,
    previousStreaks: {},
    units: units({ A: [73.33, 1234, 2], B: [66.67, 4321, 2], C: [91.1, 0, 7] }),
  };
  expect(scoreTrack(input)).toEqual(scoreTrack(structuredClone(input)));
});
