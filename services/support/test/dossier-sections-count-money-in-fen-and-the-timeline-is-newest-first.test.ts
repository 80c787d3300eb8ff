import { dossierTimelineEntrySchema } from '@fupin/contracts';
import { bounded, newestFirst } from '@fupin/kit';
import type {
  DropoutCase,
  Enrollment,
  Student,
  SubsidyPayment,
} from '../src/education/education.model';
import type { InpatientEpisode } from '../src/health/health.model';
import { termStart } from '../src/dossier/dossier-time';
import {
  educationTimeline,
  previousTerm,
  studentsSection,
  subsidyTotals,
} from '../src/dossier/education.dossier';
import { healthTimeline, inpatientSection } from '../src/dossier/health.dossier';

const link = {
  personId: 'p1',
  householdId: 'h1',
  idHash: 'hash-p1',
  name: '甲一',
  areaCode: '431121101201',
  townshipCode: '431121101000',
};
const at = new Date('2018-09-20T02:00:00Z');

const student: Student = {
  _id: 's1',
  ...link,
  birthDate: '2010-05-05',
  school: '漳江小学',
  stage: 'primary',
  grade: 3,
  latestTerm: '2018-autumn',
  revision: 2,
  createdAt: at,
  updatedAt: at,
};

const enrollment = (term: string, status: Enrollment['status']): Enrollment => ({
  _id: `s1:${term}`,
  ...link,
  studentId: 's1',
  term,
  school: '漳江小学',
  stage: 'primary',
  grade: term === '2018-autumn' ? 3 : 2,
  status,
  source: 'manual',
  importId: null,
  recordedAt: at,
  recordedBy: 'u-edu',
});

const payment = (id: string, over: Partial<SubsidyPayment>): SubsidyPayment => ({
  _id: id,
  ...link,
  studentId: 's1',
  type: 'national_grant',
  stage: 'primary',
  term: '2018-autumn',
  amountFen: 100_000,
  standard: false,
  paidOn: '2018-10-08',
  department: '县教育局',
  activeKey: `s1:national_grant:2018-autumn:${id}`,
  voided: false,
  voidReason: null,
  recordedAt: at,
  recordedBy: 'u-edu',
  ...over,
});

test('a term starts on 1 September or 1 February, a day at its start in Asia/Shanghai', () => {
  expect(termStart('2018-autumn')).toBe('2018-09-01T00:00:00+08:00');
  expect(termStart('2019-spring')).toBe('2019-02-01T00:00:00+08:00');
  expect(previousTerm('2018-autumn')).toBe('2018-spring');
  expect(previousTerm('2018-spring')).toBe('2017-autumn');
});

test("a student's current and previous terms; a term without a record says so", () => {
  const s = studentsSection(
    bounded([student], 1),
    bounded([enrollment('2018-autumn', 'enrolled')], 1),
    '2018-autumn',
  );
  expect(s.items[0]!.terms).toEqual([
    {
      term: '2018-autumn',
      status: 'enrolled',
      school: '漳江小学',
      stage: 'primary',
      grade: 3,
      source: 'manual',
    },
    { term: '2018-spring', status: null, school: null, stage: null, grade: null, source: null },
  ]);
});

test('subsidy totals add what was paid by year and type, and leave voided payments out', () => {
  const totals = subsidyTotals([
    {
      _id: { paidOn: '2018-10-08', type: 'national_grant', voided: false },
      payments: 1,
      amountFen: 100_000,
    },
    {
      _id: { paidOn: '2018-03-08', type: 'national_grant', voided: false },
      payments: 2,
      amountFen: 150_000,
    },
    {
      _id: { paidOn: '2018-03-08', type: 'national_grant', voided: true },
      payments: 1,
      amountFen: 99_999,
    },
    {
      _id: { paidOn: '2017-09-30', type: 'tuition_waiver', voided: false },
      payments: 1,
      amountFen: 50_000,
    },
  ]);
  expect(totals).toEqual({
    byYear: [
      { year: 2018, type: 'national_grant', payments: 3, amountFen: 250_000 },
      { year: 2017, type: 'tuition_waiver', payments: 1, amountFen: 50_000 },
    ],
    payments: 4,
    amountFen: 300_000,
  });
});

const episode: InpatientEpisode = {
  _id: 'e1',
  ...link,
  hospital: '县人民医院',
  admittedOn: '2018-01-10',
  dischargedOn: '2018-01-20',
  diagnosis: null,
  totalCostFen: 1_000_000,
  basicInsuranceFen: 650_000,
  seriousIllnessInsuranceFen: 150_000,
  medicalAssistanceFen: 50_000,
  reimbursedFen: 850_000,
  ratioBasisPoints: 8500,
  targetBasisPoints: 9000,
  topUpFen: 50_000,
  topUpPaidFen: 20_000,
  topUpStatus: 'partly_paid',
  topUpPayments: [
    {
      id: 't1',
      amountFen: 20_000,
      paidOn: '2018-02-01',
      department: '县医保局',
      voucherNo: 'V-1',
      recordedAt: at,
      recordedBy: 'u-health',
    },
  ],
  treatFirstPayLater: true,
  recordedAt: at,
  recordedBy: 'u-health',
  revision: 2,
};

test('an in-patient stay shows the top-up outstanding and what the patient paid, in fen', () => {
  const s = inpatientSection(bounded([episode], 1), {
    episodes: 1,
    totalCostFen: 1_000_000,
    reimbursedFen: 850_000,
    topUpFen: 50_000,
    topUpPaidFen: 20_000,
  });
  expect(s.items[0]).toMatchObject({
    topUpOutstandingFen: 30_000,
    outOfPocketFen: 130_000,
    topUpStatus: 'partly_paid',
  });
  expect(s.totals).toMatchObject({ topUpOutstandingFen: 30_000, outOfPocketFen: 130_000 });
  expect(JSON.stringify(s)).not.toContain('hash-p1');
});

test('the timeline dates each fact, links it to its record and lists the newest first', () => {
  const dropout: DropoutCase = {
    _id: 'd1',
    ...link,
    birthDate: '2010-05-05',
    schoolYear: 2018,
    term: '2018-autumn',
    expectedStage: 'primary',
    expectedGrade: 3,
    status: 'closed',
    openKey: 'closed:d1',
    owner: null,
    followUps: [],
    closeReason: 'returned_to_school',
    closeNote: '已入学',
    returnedTo: '漳江小学',
    openedAt: new Date('2018-09-20T02:00:00Z'),
    closedAt: new Date('2018-10-01T02:00:00Z'),
    closedBy: 'u-edu',
    revision: 2,
  };
  const timeline = newestFirst([
    ...educationTimeline(
      [enrollment('2018-autumn', 'enrolled'), enrollment('2018-spring', 'enrolled')],
      [payment('x1', {}), payment('x2', { voided: true, paidOn: '2018-10-09' })],
      [dropout],
    ),
    ...healthTimeline([episode], [], []),
  ]);
  expect(timeline.map((e) => [e.at, e.kind])).toEqual([
    ['2018-10-08T00:00:00+08:00', 'subsidy_paid'],
    ['2018-10-01T02:00:00.000Z', 'dropout_case_closed'],
    ['2018-09-20T02:00:00.000Z', 'dropout_case_opened'],
    ['2018-09-01T00:00:00+08:00', 'enrollment'],
    ['2018-02-01T00:00:00+08:00', 'enrollment'],
    ['2018-02-01T00:00:00+08:00', 'top_up_paid'],
    ['2018-01-10T00:00:00+08:00', 'inpatient_stay'],
  ]);
  for (const e of timeline) dossierTimelineEntrySchema.parse(e);
  expect(timeline[0]).toMatchObject({
    label: {
      'zh-CN': '甲一 获发国家助学金1,000.00元（2018年秋季学期，县教育局）',
      en: '甲一 was paid National grant of ¥1,000.00 (2018 autumn term, 县教育局)',
    },
    ref: { resource: 'support-students', id: 's1' },
  });
  expect(timeline.find((e) => e.kind === 'inpatient_stay')).toMatchObject({
    label: { 'zh-CN': expect.stringContaining('报销8,500.00元（85.00%）') },
    ref: { resource: 'support-inpatient-episodes', id: 'e1' },
  });
});
