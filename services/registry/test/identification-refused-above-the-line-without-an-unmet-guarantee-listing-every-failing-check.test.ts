import { AppError } from '@fupin/kit';
import type { Right } from '@fupin/kit';
import { allGuaranteesMet } from '../src/households/household.rules';
import {
  type Caller,
  decide,
  identificationChecks,
  type StepCommand,
  type WorkflowHousehold,
} from '../src/workflows/workflow.machine';

const COUNTY = '431121000000';
const VILLAGE_A1 = '431121101201';
const caller = (areaCode: string, rights: Right[] = ['read', 'write']): Caller => ({
  id: `u-${areaCode}`,
  name: 'tester',
  areaCode,
  rights,
});
const NO_EXCLUSIONS = {
  car: false,
  business: false,
  urbanHousing: false,
  publicEmployee: false,
  villageCadreFamily: false,
};

/** Three people, 2019 income: 4,000 yuan a head is above the 3,747 line, 3,000 below. */
function household(perCapitaYuan: number, over: Partial<WorkflowHousehold> = {}) {
  return {
    status: 'candidate',
    areaCode: VILLAGE_A1,
    townshipCode: '431121101000',
    income: {
      year: 2019,
      wagesFen: perCapitaYuan * 300,
      productionFen: 0,
      propertyFen: 0,
      transferFen: 0,
    },
    perCapitaIncomeFen: perCapitaYuan * 100,
    guarantees: allGuaranteesMet(),
    exitYear: null,
    ...over,
  } as WorkflowHousehold;
}

function appraise(h: WorkflowHousehold, lineOf?: (y: number) => number | null, extra = {}) {
  const at = new Date('2026-03-02T02:00:00Z');
  const started = decide(
    h,
    null,
    {
      kind: 'identification',
      action: 'start',
      reason: '申请',
      exclusions: NO_EXCLUSIONS,
      ...extra,
    },
    caller(VILLAGE_A1),
    at,
    () => 'run-1',
    lineOf ? { lineOf } : {},
  );
  const cmd: StepCommand = { kind: 'identification', action: 'appraise', reason: '评议' };
  return decide(h, started.state, cmd, caller(VILLAGE_A1), at, () => 'x', lineOf ? { lineOf } : {});
}

function refusalOf(fn: () => unknown) {
  try {
    fn();
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return err;
  }
  throw new Error('expected a refusal');
}

test('above the line with every guarantee met: the appraisal is refused with the reason', () => {
  const err = refusalOf(() => appraise(household(4000)));
  expect(err.status).toBe(422);
  expect(err.code).toBe('REGISTRY_IDENTIFICATION_NOT_ELIGIBLE');
  expect(err.messages['zh-CN']).toContain('人均纯收入 4000.00 元，不低于扶贫标准 3747.00 元');
  expect(err.messages.en).toContain('not below the poverty line of 3747.00 yuan');
  const failed = (err.extra as { failedChecks: string[] }).failedChecks;
  expect(failed).toEqual(['identification_criteria', 'income_below_line']);
});

test('below the line passes; above it with a guarantee known not met passes too', () => {
  expect(appraise(household(3000)).step.details.checks).toEqual([
    expect.objectContaining({ check: 'identification_criteria', passed: true }),
    expect.objectContaining({ check: 'income_below_line', passed: true }),
  ]);
  const g = allGuaranteesMet() as unknown as Record<string, unknown>;
  g.housing_safety = { ...(g.housing_safety as object), met: false, state: 'not_met' };
  const h = household(4000, { guarantees: g as WorkflowHousehold['guarantees'] });
  expect(appraise(h).to).toBe('candidate');
});

test('a guarantee only unknown does not make a household above the line eligible', () => {
  const g = allGuaranteesMet() as unknown as Record<string, unknown>;
  g.housing_safety = { ...(g.housing_safety as object), met: false, state: 'unknown' };
  const h = household(4000, { guarantees: g as WorkflowHousehold['guarantees'] });
  expect(refusalOf(() => appraise(h)).code).toBe('REGISTRY_IDENTIFICATION_NOT_ELIGIBLE');
});

test('a provincial line above the national one decides: 4,000 a head is under a 4,200 line', () => {
  const provincial = (year: number) => (year === 2019 ? 420_000 : null);
  expect(appraise(household(4000), provincial).to).toBe('candidate');
  const noLine = () => null;
  const err = refusalOf(() => appraise(household(4000), noLine));
  expect((err.extra as { failedChecks: string[] }).failedChecks).toContain('poverty_line_known');
});

test('every failing check is listed: above the line and two exclusions without justification', () => {
  const checks = identificationChecks(household(4000), {
    ...NO_EXCLUSIONS,
    car: true,
    publicEmployee: true,
  });
  expect(checks.filter((c) => !c.passed).map((c) => c.check)).toEqual([
    'identification_criteria',
    'income_below_line',
    'exclusion.car',
    'exclusion.publicEmployee',
  ]);
  const justified = identificationChecks(
    household(3000),
    { ...NO_EXCLUSIONS, car: true },
    { justified: true },
  );
  expect(justified.every((c) => c.passed)).toBe(true);
});

test('a county approval checks again: income raised above the line during the notice is refused', () => {
  const at = (d: number) => new Date(Date.parse('2026-03-02T02:00:00Z') + d * 86_400_000);
  let state: unknown = null;
  let h = household(3000);
  const steps: [StepCommand['action'], Caller, number][] = [
    ['start', caller(VILLAGE_A1), 0],
    ['appraise', caller(VILLAGE_A1), 0],
    ['notice', caller(VILLAGE_A1), 0],
    ['review', caller('431121101000'), 7],
  ];
  for (const [action, who, day] of steps) {
    state = decide(
      h,
      state,
      { kind: 'identification', action, reason: '依程序', exclusions: NO_EXCLUSIONS },
      who,
      at(day),
      () => 'run',
    ).state;
  }
  h = household(4000);
  const err = refusalOf(() =>
    decide(
      h,
      state,
      { kind: 'identification', action: 'approve', reason: '审定' },
      caller(COUNTY, ['read', 'write', 'approve']),
      at(8),
      () => 'x',
    ),
  );
  expect(err.code).toBe('REGISTRY_IDENTIFICATION_NOT_ELIGIBLE');
});
