import { SIGNAL_CODES } from '../src/modules/registry/monitoring/codes';
import {
  isScreeningFinished,
  ruleCounts,
  signalLabelKey,
} from '../src/modules/registry/monitoring/rule-counts';
import {
  sumWarningFigures,
  townshipsToChase,
} from '../src/modules/registry/monitoring/warning-figures';
import { monitoringWarningMessages } from '../src/modules/registry/monitoring/warnings.messages';

// 防返贫监测预警 in the console: a screening's per-rule counts read in the rule table's order
// with a Chinese label each, and the dashboard card sums the townships' figures.

const message = (tree: object, key: string): unknown =>
  key.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown>)?.[k], tree);

test('every signal of the rule table has a label in Chinese and in English', () => {
  const labels = SIGNAL_CODES.map((c) => [
    message(monitoringWarningMessages.zhCN, signalLabelKey(c)),
    message(monitoringWarningMessages.en, signalLabelKey(c)),
  ]);
  expect(labels[1]).toEqual(['医疗自付费用过高', 'High out-of-pocket medical costs']);
  for (const [zh, en] of labels) {
    expect(typeof zh).toBe('string');
    expect(typeof en).toBe('string');
  }
  expect(message(monitoringWarningMessages.zhCN, signalLabelKey('work_lost'))).toBe('务工就业中断');
});

test("a screening's counts follow the rule table, missing data by its count, zeros left out", () => {
  expect(
    ruleCounts({
      work_lost: 2,
      income_below_monitoring_line: 5,
      disaster: 0,
      medical_out_of_pocket: 1,
    }),
  ).toEqual([
    { code: 'income_below_monitoring_line', count: 5 },
    { code: 'medical_out_of_pocket', count: 1 },
    { code: 'work_lost', count: 2 },
  ]);
  expect(
    ruleCounts({
      child_out_of_school: { count: 3, households: ['h1', 'h2', 'h3'] },
      income_below_monitoring_line: { count: 7 },
      member_deceased: { count: 0 },
    }),
  ).toEqual([
    { code: 'income_below_monitoring_line', count: 7 },
    { code: 'child_out_of_school', count: 3 },
  ]);
});

test('a rule the console does not know yet comes after the known ones, by name', () => {
  expect(ruleCounts({ zz_new: 1, aa_new: 2, disaster: 4 })).toEqual([
    { code: 'disaster', count: 4 },
    { code: 'aa_new', count: 2 },
    { code: 'zz_new', count: 1 },
  ]);
  expect(ruleCounts(null)).toEqual([]);
  expect(ruleCounts({})).toEqual([]);
});

test('a run has ended once done, refused or failed', () => {
  expect(['running', 'done', 'refused', 'failed', undefined].map(isScreeningFinished)).toEqual([
    false,
    true,
    true,
    true,
    false,
  ]);
});

test('the card sums the townships: open, overdue, confirmed this month, and whether any was raised', () => {
  const township = (code: string, f: Partial<Record<string, number>>) => ({
    townshipCode: code,
    open: 0,
    overdue: 0,
    confirmed: 0,
    dismissed: 0,
    confirmedThisMonth: 0,
    verifiedOnTime: 0,
    verified: 0,
    ...f,
  });
  expect(
    sumWarningFigures([
      township('431121101000', { open: 3, overdue: 1, confirmed: 2, confirmedThisMonth: 1 }),
      township('431121102000', { open: 1, overdue: 1, dismissed: 4, confirmedThisMonth: 0 }),
    ]),
  ).toEqual({ open: 4, overdue: 2, confirmedThisMonth: 1, raised: 10 });
  // Only verified warnings: nothing open, yet something to show.
  expect(sumWarningFigures([township('431121101000', { dismissed: 1 })])).toEqual({
    open: 0,
    overdue: 0,
    confirmedThisMonth: 0,
    raised: 1,
  });
  expect(sumWarningFigures([])).toEqual({ open: 0, overdue: 0, confirmedThisMonth: 0, raised: 0 });
});

test('per township, the card lists the most overdue first, then the most open, leaving out quiet ones', () => {
  const row = (townshipCode: string, open: number, overdue: number, confirmedThisMonth = 0) => ({
    townshipCode,
    open,
    overdue,
    confirmedThisMonth,
  });
  const rows = [row('A', 9, 0), row('B', 2, 2), row('C', 0, 0), row('D', 5, 2), row('E', 0, 0, 1)];
  expect(townshipsToChase(rows).map((r) => r.townshipCode)).toEqual(['D', 'B', 'A', 'E']);
  expect(townshipsToChase(rows, 2).map((r) => r.townshipCode)).toEqual(['D', 'B']);
});
