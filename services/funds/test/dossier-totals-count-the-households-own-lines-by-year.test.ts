import { bounded } from '@fupin/kit';
import type { Disbursement } from '../src/disbursements/disbursement.model';
import { paymentsSection, projectsSection, totalsSection } from '../src/dossier/dossier.sections';
import type { DossierProject } from '../src/dossier/dossier.sections';
import type { Loan } from '../src/loans/loan.model';
import { buildSchedule } from '../src/loans/loan.schedule';

const HH = 'hh-1';

const payment = (id: string, o: Partial<Disbursement>): Disbursement =>
  ({
    _id: id,
    projectId: 'p-1',
    projectCode: 'P-1',
    projectName: '产业扶持',
    source: 'central',
    amountFen: 0,
    purpose: '到户补助',
    payees: [],
    vouchers: [],
    status: 'approved',
    submittedAt: new Date('2019-12-30T02:00:00Z'),
    paidOn: '2020-01-02',
    rejectionReason: null,
    findingIds: [],
    ...o,
  }) as Disbursement;

const line = (householdId: string, amountFen: number, masked = '4311**********1234') => ({
  householdId,
  name: householdId,
  idNumber: { enc: 'x', hash: 'y', masked },
  amountFen,
  registered: true,
});

test("only the household's own lines count, paid by the day paid, pending by the day submitted", () => {
  const payments = [
    payment('paid', { payees: [line(HH, 30_000), line('hh-2', 70_000)], amountFen: 100_000 }),
    payment('two-lines', {
      payees: [line(HH, 1_000), line(HH, 2_000)],
      paidOn: '2019-06-01',
      submittedAt: new Date('2019-05-30T02:00:00Z'),
    }),
    // Submitted on 31 December 2019 in UTC, 1 January 2020 in Beijing.
    payment('pending', {
      payees: [line(HH, 5_000)],
      status: 'submitted',
      paidOn: null,
      submittedAt: new Date('2019-12-31T17:00:00Z'),
    }),
    payment('refused', { payees: [line(HH, 9_000)], status: 'rejected', paidOn: null }),
  ];
  const totals = totalsSection(payments, [], HH, '2020-03-01');
  expect(totals.byYear).toEqual([
    {
      year: 2019,
      paidFen: 3_000,
      pendingFen: 0,
      loanPrincipalFen: 0,
      discountFen: 0,
      repaidFen: 0,
    },
    {
      year: 2020,
      paidFen: 30_000,
      pendingFen: 5_000,
      loanPrincipalFen: 0,
      discountFen: 0,
      repaidFen: 0,
    },
  ]);
  expect(totals).toMatchObject({ paidFen: 33_000, pendingFen: 5_000 });

  const section = paymentsSection(bounded(payments, 4), HH);
  expect(section.items[0]).toMatchObject({
    amountFen: 30_000,
    paymentAmountFen: 100_000,
    payees: [{ name: HH, idNumber: '4311**********1234' }],
  });
  expect(section.items[2]).toMatchObject({ date: '2020-01-01', submittedOn: '2020-01-01' });
  expect(JSON.stringify(section)).not.toContain('hh-2');
});

test('贴息 counts the installments due up to today, and none after a write-off', () => {
  const terms = {
    principalFen: 1_200_000,
    termMonths: 12,
    intervalMonths: 3,
    annualRateBp: 400,
    discountBp: 400,
    repayment: 'equal_principal' as const,
    startOn: '2019-10-01',
  };
  const schedule = buildSchedule(terms);
  const loan = (o: Partial<Loan>) =>
    ({
      ...terms,
      _id: 'l',
      schedule,
      repayments: [],
      status: 'active',
      writeOff: null,
      owedFen: 0,
      ...o,
    }) as Loan;
  // Due 2020-01-01 and 2020-04-01 by 1 May 2020; the one of 2020-07-01 is not due yet.
  const open = totalsSection([], [loan({})], HH, '2020-05-01');
  expect(open.byYear).toEqual([
    expect.objectContaining({ year: 2019, loanPrincipalFen: 1_200_000, discountFen: 0 }),
    expect.objectContaining({
      year: 2020,
      discountFen: schedule[0]!.discountFen + schedule[1]!.discountFen,
    }),
  ]);
  const writtenOff = totalsSection(
    [],
    [
      loan({
        status: 'written_off',
        writeOff: {
          on: '2020-02-01',
          reason: '房屋冲毁',
          disaster: '洪灾',
          documentNo: null,
          amountFen: 1,
          by: 'x',
          at: new Date(),
        },
      }),
    ],
    HH,
    '2020-05-01',
  );
  expect(writtenOff.discountFen).toBe(schedule[0]!.discountFen);
});

test('a project says whether it lists the household, paid it, or both', () => {
  const project = (id: string, poorHouseholdIds: string[]): DossierProject =>
    ({
      _id: id,
      code: id,
      name: id,
      type: 'industry',
      year: 2020,
      areaCode: '431121101201',
      status: 'in_progress',
      dates: {},
      plannedTotalFen: 0,
      money: { allocatedFen: 0, reservedFen: 0, disbursedFen: 0, availableFen: 0 },
      beneficiaries: { poorHouseholdIds },
    }) as DossierProject;
  const payments = [payment('d', { projectId: 'both', payees: [line(HH, 4_000)] })];
  const s = projectsSection(
    bounded([project('listed', [HH]), project('both', [HH])], 2),
    [project('paid', [])],
    [
      ...payments,
      payment('e', { projectId: 'paid', payees: [line(HH, 1_000)], status: 'submitted' }),
    ],
    HH,
  );
  expect(s.items.map((x) => [x.id, x.linkedBy, x.paidToHouseholdFen])).toEqual([
    ['listed', ['beneficiary'], 0],
    ['both', ['beneficiary', 'payment'], 4_000],
    ['paid', ['payment'], 0],
  ]);
  expect(s).toMatchObject({ total: 3, omitted: 0 });
});
