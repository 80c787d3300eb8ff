import { assemble, type PartOutcome } from '../src/dossier/dossier.assembly';
import { summarizeGaps } from '../src/consistency/consistency.check';
import { checkedParts } from '../src/consistency/consistency.parts';
import {
  measuresAgainstPayments,
  membersAgainstSupport,
  planCausesAgainstRegistry,
} from '../src/consistency/consistency.rules';
import { benefit } from './support/benefit-rows';

const h = { householdId: 'h-1', householdNo: '4311211010010001', areaCode: '431121101001' };
const members = [
  { id: 'm-1', name: '张三', status: 'active' },
  { id: 'm-2', name: '张小明', status: 'active' },
  { id: 'm-3', name: '张老四', status: 'removed' },
];

describe('the registry’s members against support’s persons', () => {
  test('a student who is a member under the same name is no inconsistency', () => {
    expect(
      membersAgainstSupport(h, members, [
        { personId: 'm-2', name: '张小明', source: 'student' },
        { personId: 'm-2', name: ' 张小明', source: 'insured' },
      ]),
    ).toEqual([]);
  });

  test('a student not in the registry, or removed from it → person_not_a_member, once', () => {
    const found = membersAgainstSupport(h, members, [
      { personId: 'm-9', name: '李四', source: 'student' },
      { personId: 'm-3', name: '张老四', source: 'inpatient' },
      { personId: 'm-3', name: '张老四', source: 'insured' },
    ]);
    expect(found).toEqual([
      expect.objectContaining({
        ...h,
        kind: 'person_not_a_member',
        details: { personId: 'm-9', name: '李四', sources: ['student'], memberStatus: null },
      }),
      expect.objectContaining({
        kind: 'person_not_a_member',
        details: {
          personId: 'm-3',
          name: '张老四',
          sources: ['inpatient', 'insured'],
          memberStatus: 'removed',
        },
      }),
    ]);
    expect(found[0]!.message['zh-CN']).toBe('在校生「李四」不是该户建档立卡的在册成员');
    expect(found[1]!.message.en).toContain('(removed)');
  });

  test('a member whose name support holds otherwise → person_name_differs', () => {
    const [found, ...rest] = membersAgainstSupport(h, members, [
      { personId: 'm-2', name: '张晓明', source: 'student' },
    ]);
    expect(rest).toEqual([]);
    expect(found).toMatchObject({
      kind: 'person_name_differs',
      details: { personId: 'm-2', registryName: '张小明', supportName: '张晓明' },
      message: { 'zh-CN': '在校生姓名「张晓明」与建档立卡「张小明」不一致' },
    });
  });
});

describe('the plan’s causes against the registry’s', () => {
  const registry = { mainCause: 'illness', otherCauses: ['lack_of_skills', 'lack_of_capital'] };

  test('the same causes in another order are no inconsistency; no plan, nothing compared', () => {
    const plan = { mainCause: 'illness', otherCauses: ['lack_of_capital', 'lack_of_skills'] };
    expect(planCausesAgainstRegistry(h, registry, plan)).toEqual([]);
    expect(planCausesAgainstRegistry(h, registry, null)).toEqual([]);
  });

  test('a plan cause missing in the registry, and a registry cause missing in the plan', () => {
    const plan = { mainCause: 'illness', otherCauses: ['lack_of_skills', 'disaster'] };
    expect(planCausesAgainstRegistry(h, registry, plan)).toEqual([
      expect.objectContaining({
        kind: 'plan_cause_not_in_registry',
        details: { cause: 'disaster' },
        message: {
          'zh-CN': '一户一策的致贫原因「因灾」不在建档立卡中',
          en: 'The plan\'s cause "Disaster" is not in the registry',
        },
      }),
      expect.objectContaining({
        kind: 'registry_cause_not_in_plan',
        details: { cause: 'lack_of_capital' },
      }),
    ]);
  });

  test('the same causes with another main cause → main_cause_differs', () => {
    const plan = { mainCause: 'lack_of_skills', otherCauses: ['illness', 'lack_of_capital'] };
    expect(planCausesAgainstRegistry(h, registry, plan)).toEqual([
      expect.objectContaining({
        kind: 'main_cause_differs',
        details: { registryMainCause: 'illness', planMainCause: 'lack_of_skills' },
      }),
    ]);
  });
});

describe('measures against payments (the 受益底册 cross-check, told per household)', () => {
  const households = new Map([['h-1', h]]);
  const measure = (id: string, amountFen: number) =>
    benefit({ id, source: 'assistance', kind: 'measure', amountFen, projectId: 'p-1' });
  const payment = (id: string, amountFen: number, over = {}) =>
    benefit({ id, source: 'funds', amountFen, projectId: 'p-1', ...over });

  test('a measure paid in full is none; an unpaid one and a payment without a measure are', () => {
    expect(measuresAgainstPayments([measure('m', 500), payment('p', 500)], households)).toEqual([]);
    const found = measuresAgainstPayments(
      [measure('m', 150_000), payment('q', 20_000, { projectId: 'p-2', householdId: 'h-2' })],
      households,
    );
    expect(found).toEqual([
      expect.objectContaining({
        ...h,
        kind: 'measure_unpaid',
        details: expect.objectContaining({ measuredFen: 150_000, paidFen: 0, projectId: 'p-1' }),
      }),
      expect.objectContaining({
        householdId: 'h-2',
        householdNo: 'h-2',
        kind: 'paid_without_measure',
      }),
    ]);
    expect(found[0]!.message['zh-CN']).toBe(
      '措施已记录但资金未支付（2026年措施金额1500.00元，资金已付0.00元）',
    );
  });
});

describe('what the check reads of a dossier', () => {
  const ok = (part: string, sections: Record<string, unknown>, behind?: number) =>
    ({
      status: 'ok',
      part: {
        part,
        householdId: 'h-1',
        generatedAt: '2026-12-05T00:00:00Z',
        sections,
        timeline: [],
        ...(behind
          ? { behind: { events: behind, message: { 'zh-CN': '滞后', en: 'behind' } } }
          : {}),
      },
    }) as PartOutcome;
  const gone = (status: 'no_right' | 'not_found' | 'unavailable') =>
    ({ status, message: { 'zh-CN': 'x', en: 'x' } }) as PartOutcome;

  test('members, causes, plan and support persons read; a part left out or behind is a gap', () => {
    const d = assemble(
      'h-1',
      {
        registry: ok('registry', {
          household: { mainCause: 'illness', otherCauses: [] },
          members: { items: [{ id: 'm-1', name: '张三', status: 'active', extra: 1 }] },
        }),
        assistance: ok(
          'assistance',
          { plan: { causes: { mainCause: 'illness', otherCauses: [] } } },
          3,
        ),
        funds: gone('no_right'),
        support: ok('support', {
          students: { items: [{ personId: 'm-2', name: '李四' }] },
          insurance: {
            items: [
              {
                personId: 'm-1',
                name: '张三',
                memberStatus: 'active',
                years: [{ year: 2026, basic_medical: 'enrolled' }],
              },
              {
                personId: 'm-5',
                name: '王五',
                memberStatus: 'removed',
                years: [{ year: 2026, basic_medical: 'enrolled' }],
              },
              {
                personId: 'm-6',
                name: '赵六',
                memberStatus: 'active',
                years: [{ year: 2026, basic_medical: 'not_recorded' }],
              },
            ],
          },
        }),
        matching: gone('unavailable'),
      },
      new Date(),
    );
    const parts = checkedParts(d);
    expect(parts.members).toEqual([{ id: 'm-1', name: '张三', status: 'active' }]);
    expect(parts.planCauses).toEqual({ mainCause: 'illness', otherCauses: [] });
    expect(parts.persons).toEqual([
      { personId: 'm-2', name: '李四', source: 'student' },
      { personId: 'm-1', name: '张三', source: 'insured' },
    ]);
    // Funds is checked from the ledger rows and matching not at all: their parts are no gap here.
    expect(parts.gaps).toEqual([{ part: 'assistance', status: 'behind', events: 3 }]);
  });

  test('a household support and assistance do not know: nothing to compare, no gap', () => {
    const d = assemble(
      'h-1',
      {
        registry: ok('registry', {
          household: { mainCause: null, otherCauses: [] },
          members: { items: [] },
        }),
        assistance: gone('not_found'),
        funds: gone('not_found'),
        support: gone('not_found'),
        matching: gone('not_found'),
      },
      new Date(),
    );
    expect(checkedParts(d)).toMatchObject({ planCauses: null, persons: [], gaps: [] });
  });
});

describe('what a run went without, told once per part and status', () => {
  test('households counted, the most events behind kept, the ledger’s gap counting the area', () => {
    expect(
      summarizeGaps([
        { part: 'support', status: 'behind', events: 3 },
        { part: 'support', status: 'behind', events: 40 },
        { part: 'assistance', status: 'no_right' },
        { part: 'funds', status: 'unavailable', households: 12 },
      ]),
    ).toEqual([
      {
        part: 'support',
        status: 'behind',
        households: 2,
        events: 40,
        message: {
          'zh-CN': '2户的「教育医疗」部分数据滞后，结果可能不是最新',
          en: expect.any(String),
        },
      },
      expect.objectContaining({ part: 'assistance', status: 'no_right', households: 1 }),
      expect.objectContaining({ part: 'funds', status: 'unavailable', households: 12 }),
    ]);
  });
});
