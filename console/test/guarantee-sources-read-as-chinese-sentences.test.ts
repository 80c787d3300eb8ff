import { guaranteeMessages } from '../src/modules/registry/households/guarantees.messages';
import {
  evidenceText,
  freshnessText,
  sourceText,
  stateOf,
} from '../src/modules/registry/households/guarantee-source';

// The guarantees card says where each state comes from: the fact it was derived from (with
// the member's name), or who stated it and why.

const zh = (key: string, args: Record<string, unknown> = {}): string => {
  let node: unknown = guaranteeMessages.zhCN;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`no message ${key}`);
  return node.replace(/%\{(\w+)\}/g, (_, k: string) => String(args[k]));
};
const members = [{ id: 'm1', name: '张三' }];

test('derived states name their fact in Chinese, with the member by name', () => {
  const derived = (fact: string) =>
    sourceText(
      { state: 'not_met', source: 'derived', derived: { state: 'not_met', fact } },
      members,
      zh,
    );
  expect(derived('housing_grade:C')).toBe('由住房等级C级推定');
  expect(derived('member:m1:no_medical_insurance')).toBe('由成员张三未参加基本医保推定');
  expect(derived('member:m1:dropout_case_open')).toBe('由张三辍学案件推定');
  expect(derived('village:safe_water')).toBe('由所在村自来水通达推定');
});

test('a stated value names who and why, and the derived value beside it; no data says so', () => {
  expect(
    sourceText(
      {
        state: 'met',
        source: 'typed',
        derived: { state: 'not_met', fact: 'housing_grade:C' },
        typed: { state: 'met', reason: '已改造', actorName: '王五' },
      },
      members,
      zh,
    ),
  ).toBe('人工认定：王五（理由：已改造）；数据推定为未达标');
  expect(sourceText({ state: 'unknown', source: 'none' }, members, zh)).toBe(
    '无数据，按未达标处理',
  );
  expect(stateOf({ met: true })).toBe('met');
  expect(stateOf(undefined)).toBe('unknown');
});

test('the card says whether the derived values are current: as of when, how many events behind, or unknown', () => {
  const at = (iso: string) => iso.slice(0, 10);
  expect(
    freshnessText({ upToDate: true, supportBehind: 0, asOf: '2026-12-05T04:00:00Z' }, zh, at),
  ).toEqual({ warn: false, text: '教育、医保数据已同步（截至 2026-12-05），推定结果为最新' });
  expect(freshnessText({ upToDate: false, supportBehind: 12, asOf: '' }, zh, at)).toEqual({
    warn: true,
    text: '教育、医保数据尚有 12 条未同步，由其推定的义务教育、基本医疗可能未更新',
  });
  expect(freshnessText({ upToDate: null, supportBehind: null, asOf: '' }, zh, at).warn).toBe(true);
});

test("a history entry's coded evidence reads as words; anything typed stays as written", () => {
  expect(evidenceText('village:431121101201:tapWater', zh)).toBe(
    '行政村 431121101201 的自来水通达情况',
  );
  expect(evidenceText('derivation:v2', zh)).toBe('保障推定规则第 2 版');
  expect(evidenceText('临扶组发〔2020〕23号', zh)).toBe('临扶组发〔2020〕23号');
});
