import { noticeRequirementFor } from '@fupin/reference';
import { checkApproval, checkFinalPayment } from '../src/project-notices/project-notice.checks';
import {
  decideNoticePeriod,
  disallowedUses,
  isFinalPayment,
} from '../src/project-notices/project-notice.rules';

const notice = (postedOn: string, step: 'approval' | 'final_payment' = 'approval') => ({
  step,
  postedOn,
});

test('a road needs 10 days of 立项公示 before approval and 7 of 验收结果公示 before its 尾款', () => {
  expect(noticeRequirementFor('road', 'approval', '2026-03-01')).toMatchObject({ days: 10 });
  expect(noticeRequirementFor('road', 'final_payment', '2026-03-01')).toMatchObject({
    days: 7,
    abovePercent: 90,
  });
  // A training project pays no stages: only its approval needs a notice.
  expect(noticeRequirementFor('training', 'final_payment', '2026-03-01')).toBeNull();
});

test('posted on the 1st for 10 days: the 10th is the last day of the period, refused; the 11th is allowed', () => {
  const req = { days: 10 };
  expect(decideNoticePeriod(req, 'approval', [notice('2026-03-01')], '2026-03-10')).toEqual({
    ok: false,
    requiredDays: 10,
    postedOn: '2026-03-01',
    lastDayOfPeriod: '2026-03-10',
    firstAllowedOn: '2026-03-11',
  });
  expect(decideNoticePeriod(req, 'approval', [notice('2026-03-01')], '2026-03-11')).toEqual({
    ok: true,
    postedOn: '2026-03-01',
  });
});

test('the earliest notice of the step counts; another step’s notice or none does not', () => {
  const req = { days: 7 };
  const ns = [notice('2026-05-20'), notice('2026-05-10'), notice('2026-01-01', 'final_payment')];
  expect(decideNoticePeriod(req, 'approval', ns, '2026-05-17').ok).toBe(true);
  expect(decideNoticePeriod(req, 'approval', ns, '2026-05-16').ok).toBe(false);
  expect(decideNoticePeriod(req, 'final_payment', [notice('2026-01-01')], '2026-06-01')).toEqual({
    ok: false,
    requiredDays: 7,
    postedOn: null,
    lastDayOfPeriod: null,
    firstAllowedOn: null,
  });
  // Without a requirement there is nothing to wait for.
  expect(decideNoticePeriod(null, 'approval', [], '2026-06-01').ok).toBe(true);
});

test('a payment is final once it takes the paid total above 90%: exactly 90% is not, a fen more is', () => {
  expect(isFinalPayment(1_000_000, 600_000, 300_000, 90)).toBe(false);
  expect(isFinalPayment(1_000_000, 600_000, 300_001, 90)).toBe(true);
  expect(isFinalPayment(1_000_000, 900_000, 100_000, 90)).toBe(true);
});

test('the fiscal poverty funds allow 整村推进, 劳动力转移培训 and 移民开发 only; sector funds allow anything', () => {
  expect(disallowedUses({ type: 'road', plannedInvestment: { central: 1 } }, '2026-01-01')).toEqual(
    { version: 1, refusals: [] },
  );
  expect(
    disallowedUses(
      { type: 'education', plannedInvestment: { central: 1, sector: 5, provincial: 0 } },
      '2026-01-01',
    ).refusals,
  ).toEqual([
    {
      source: 'central',
      use: 'education',
      allowed: ['whole_village', 'labour_training', 'relocation'],
    },
  ]);
  expect(
    disallowedUses({ type: 'health', plannedInvestment: { sector: 5 } }, '2026-01-01').refusals,
  ).toEqual([]);
});

test('the approval checks the uses first, then the notice; the refusals name the source, the use and the days', () => {
  const health = {
    type: 'health' as const,
    plannedInvestment: { county_matching: 100 },
    notices: [],
  };
  expect(() => checkApproval(health, '2026-03-11')).toThrow(
    expect.objectContaining({
      status: 422,
      code: 'FUNDS_PROJECT_USE_NOT_ALLOWED',
      messages: expect.objectContaining({ 'zh-CN': expect.stringContaining('县级配套') }),
      extra: expect.objectContaining({ use: 'health', sources: ['county_matching'] }),
    }),
  );
  const road = { type: 'road' as const, plannedInvestment: { central: 100 } };
  expect(() => checkApproval({ ...road, notices: [] }, '2026-03-11')).toThrow(
    expect.objectContaining({ code: 'FUNDS_NOTICE_PERIOD_NOT_MET' }),
  );
  const posted = { ...road, notices: [{ ...notice('2026-03-01'), id: 'n' }] } as never;
  expect(() => checkApproval(posted, '2026-03-10')).toThrow(
    expect.objectContaining({
      code: 'FUNDS_NOTICE_PERIOD_NOT_MET',
      messages: expect.objectContaining({
        'zh-CN': expect.stringContaining('2026-03-11 起方可办理'),
        en: expect.stringContaining('may be done from 2026-03-11'),
      }),
      extra: expect.objectContaining({
        requiredDays: 10,
        postedOn: '2026-03-01',
        firstAllowedOn: '2026-03-11',
      }),
    }),
  );
  expect(() => checkApproval(posted, '2026-03-11')).not.toThrow();
});

test('the 尾款 of a road waits for the acceptance notice; a payment within 90% does not', () => {
  const road = {
    type: 'road' as const,
    plannedTotalFen: 1_000_000,
    money: { allocatedFen: 0, reservedFen: 0, disbursedFen: 900_000, availableFen: 0 },
  };
  expect(() => checkFinalPayment({ ...road, notices: [] }, 100_000, '2026-09-01')).toThrow(
    expect.objectContaining({
      code: 'FUNDS_NOTICE_PERIOD_NOT_MET',
      extra: expect.objectContaining({ step: 'final_payment', requiredDays: 7 }),
    }),
  );
  const within = { ...road, money: { ...road.money, disbursedFen: 800_000 } };
  expect(() => checkFinalPayment({ ...within, notices: [] }, 100_000, '2026-09-01')).not.toThrow();
  const posted = { ...road, notices: [{ ...notice('2026-08-25', 'final_payment') }] } as never;
  expect(() => checkFinalPayment(posted, 100_000, '2026-08-31')).toThrow();
  expect(() => checkFinalPayment(posted, 100_000, '2026-09-01')).not.toThrow();
});
