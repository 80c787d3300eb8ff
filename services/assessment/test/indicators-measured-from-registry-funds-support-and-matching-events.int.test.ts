import {
  type Actor,
  CoverageRecorded,
  createEvent,
  DropoutCaseClosed,
  DropoutCaseOpened,
  type Envelope,
  findContract,
  FundsDisbursementApproved,
  FundsDisbursementSubmitted,
  FundsIdleAssessed,
  FundsProjectRegistered,
  FundsProjectStatusChanged,
  MeasurePlanned,
  MeasureStatusChanged,
  MemberAdded,
  ReimbursementRecorded,
  SYSTEM_ACTOR,
} from '@fupin/contracts';
import request from 'supertest';
import {
  bearer,
  startAssessment,
  testClock,
  type TestAssessment,
  TOWNSHIP_A,
  TOWNSHIP_B,
} from './fixtures/assessment';
import { exitTarget, finding, household, township } from './fixtures/events';

/**
 * Every producer's events applied to the assessment's records, then measured: the township
 * and department values of each indicator a scheme can use.
 */
let t: TestAssessment;
const clock = testClock('2019-04-02T02:00:00Z');
const actor: Actor = SYSTEM_ACTOR;
const VA = '431121101201';
const VB = '431121102201';
const at = (day: string) => new Date(`${day}T10:00:00+08:00`);
const hash = (n: number) => String(n).padStart(64, 'a');

function member(id: string, householdId: string, areaCode: string, insured: boolean): Envelope {
  return createEvent(MemberAdded, {
    aggregateId: householdId,
    areaCode,
    actor,
    occurredAt: at('2019-01-01'),
    payload: {
      areaCode,
      member: {
        id,
        householdId,
        idHash: hash(id.length + id.charCodeAt(id.length - 1)),
        name: '成员',
        relation: 'head',
        sex: 'male',
        birthDate: '1970-01-01',
        status: 'active',
        schoolStage: null,
        inSchool: false,
        health: null,
        labourCapacity: null,
        medicalInsurance: insured,
        pensionInsurance: true,
        minimumAllowance: false,
        destituteSupport: false,
      },
    },
  });
}

function project(
  id: string,
  type: string,
  dates: { approvedOn: string; startedOn?: string },
  allocatedFen: number,
  revision: number,
  status: 'approved' | 'in_progress' = dates.startedOn ? 'in_progress' : 'approved',
) {
  return {
    id,
    code: `P-${id}`,
    name: `项目${id}`,
    type,
    year: 2019,
    areaCode: VA,
    townshipCode: TOWNSHIP_A,
    status,
    plannedTotalFen: allocatedFen,
    beneficiaries: { households: 10, people: 30, poorHouseholds: 5, poorPeople: 15 },
    dates: {
      proposedOn: '2019-01-10',
      approvedOn: dates.approvedOn,
      startedOn: dates.startedOn ?? null,
      completedOn: null,
      acceptedOn: null,
    },
    money: { allocatedFen, reservedFen: 0, disbursedFen: 0, availableFen: allocatedFen },
    revision,
  };
}

function disbursement(
  id: string,
  projectId: string,
  amountFen: number,
  status: 'submitted' | 'approved',
) {
  return {
    id,
    projectId,
    projectCode: `P-${projectId}`,
    areaCode: VA,
    townshipCode: TOWNSHIP_A,
    source: 'central',
    amountFen,
    payeeKind: 'contractor' as const,
    payeeCount: 1,
    voucherCount: 2,
    status,
    submittedBy: 'u1',
    decidedBy: status === 'approved' ? 'u2' : null,
    paidOn: status === 'approved' ? '2019-03-15' : null,
  };
}

function dropout(id: string, opened: string, closed: string | null) {
  return {
    id,
    personId: `m-${id}`,
    householdId: 'hh-a1',
    idHash: hash(7),
    areaCode: VA,
    schoolYear: 2018,
    term: '2019-spring',
    expectedStage: 'junior_secondary' as const,
    expectedGrade: 8,
    status: closed ? ('closed' as const) : ('open' as const),
    ownerName: null,
    closeReason: closed ? '已返校' : null,
    openedAt: at(opened).toISOString(),
    closedAt: closed ? at(closed).toISOString() : null,
  };
}

function measure(
  id: string,
  householdId: string,
  areaCode: string,
  status: 'planned' | 'cancelled',
  revision: number,
) {
  return {
    id,
    householdId,
    areaCode,
    category: 'production' as const,
    type: '产业扶持',
    amountFen: 100_000,
    startDate: '2019-02-01',
    endDate: null,
    status,
    helperId: null,
    projectId: null,
    revision,
  };
}

const startedP1 = createEvent(FundsProjectStatusChanged, {
  aggregateId: 'p1',
  areaCode: VA,
  actor,
  occurredAt: at('2019-03-01'),
  payload: {
    project: project(
      'p1',
      'industry',
      { approvedOn: '2019-02-01', startedOn: '2019-03-01' },
      1_000_000,
      3,
    ),
    from: 'approved',
    to: 'in_progress',
    on: '2019-03-01',
  },
});

const EVENTS: Envelope[] = [
  township(TOWNSHIP_A, '城关镇'),
  township(TOWNSHIP_B, '南强镇'),
  household('hh-a1', VA),
  household('hh-a2', VA, { status: 'exited', exitYear: 2019 }),
  household('hh-b1', VB),
  member('m-a1', 'hh-a1', VA, true),
  member('m-a2', 'hh-a1', VA, false),
  member('m-a3', 'hh-a2', VA, false),
  member('m-b1', 'hh-b1', VB, true),
  createEvent(CoverageRecorded, {
    aggregateId: 'm-a2',
    areaCode: VA,
    actor,
    occurredAt: at('2019-01-15'),
    payload: {
      personId: 'm-a2',
      householdId: 'hh-a1',
      idHash: hash(3),
      areaCode: VA,
      year: 2019,
      kind: 'basic_medical',
      enrolled: true,
      source: 'import',
    },
  }),
  exitTarget(TOWNSHIP_A, 2019, 2),
  // The project's later status arrives before its registration: the later one must win.
  startedP1,
  createEvent(FundsProjectRegistered, {
    aggregateId: 'p1',
    areaCode: VA,
    actor,
    occurredAt: at('2019-01-10'),
    payload: { project: project('p1', 'industry', { approvedOn: '2019-02-01' }, 1_000_000, 1) },
  }),
  createEvent(FundsProjectRegistered, {
    aggregateId: 'p2',
    areaCode: VA,
    actor,
    occurredAt: at('2019-03-10'),
    payload: { project: project('p2', 'road', { approvedOn: '2019-03-10' }, 500_000, 2) },
  }),
  createEvent(FundsDisbursementSubmitted, {
    aggregateId: 'd1',
    areaCode: VA,
    actor,
    occurredAt: at('2019-03-12'),
    payload: { disbursement: disbursement('d1', 'p1', 300_000, 'submitted') },
  }),
  createEvent(FundsDisbursementApproved, {
    aggregateId: 'd1',
    areaCode: VA,
    actor,
    occurredAt: at('2019-03-15'),
    payload: { disbursement: disbursement('d1', 'p1', 300_000, 'approved') },
  }),
  createEvent(FundsDisbursementSubmitted, {
    aggregateId: 'd2',
    areaCode: VA,
    actor,
    occurredAt: at('2019-03-20'),
    payload: { disbursement: disbursement('d2', 'p1', 100_000, 'submitted') },
  }),
  createEvent(FundsIdleAssessed, {
    aggregateId: `2019-03-31:${TOWNSHIP_A}`,
    areaCode: TOWNSHIP_A,
    actor,
    occurredAt: at('2019-03-31'),
    payload: {
      date: '2019-03-31',
      asOf: at('2019-03-31').toISOString(),
      townshipCode: TOWNSHIP_A,
      days: 90,
      startDays: 30,
      idleFen: 1_200_000,
      unfinishedFen: 1_200_000,
      completedUnpaidFen: 0,
      idleProjects: 2,
      notStartedProjects: 1,
      allocatedFen: 1_500_000,
      disbursedFen: 300_000,
    },
  }),
  createEvent(DropoutCaseOpened, {
    aggregateId: 'c1',
    areaCode: VA,
    actor,
    occurredAt: at('2019-02-01'),
    payload: { dropoutCase: dropout('c1', '2019-02-01', null) },
  }),
  createEvent(DropoutCaseOpened, {
    aggregateId: 'c2',
    areaCode: VA,
    actor,
    occurredAt: at('2019-01-10'),
    payload: { dropoutCase: dropout('c2', '2019-01-10', null) },
  }),
  createEvent(DropoutCaseClosed, {
    aggregateId: 'c2',
    areaCode: VA,
    actor,
    occurredAt: at('2019-03-20'),
    payload: { dropoutCase: dropout('c2', '2019-01-10', '2019-03-20') },
  }),
  createEvent(ReimbursementRecorded, {
    aggregateId: 'e1',
    areaCode: VA,
    actor,
    occurredAt: at('2019-02-20'),
    payload: {
      episode: {
        id: 'e1',
        personId: 'm-a1',
        householdId: 'hh-a1',
        idHash: hash(1),
        areaCode: VA,
        admittedOn: '2019-02-10',
        dischargedOn: '2019-02-18',
        totalCostFen: 1_000_000,
        basicInsuranceFen: 700_000,
        seriousIllnessInsuranceFen: 100_000,
        medicalAssistanceFen: 50_000,
        reimbursedFen: 850_000,
        ratioBasisPoints: 8500,
        targetBasisPoints: 9000,
        topUpFen: 50_000,
        topUpPaidFen: 20_000,
        topUpStatus: 'partly_paid',
      },
    },
  }),
  createEvent(MeasurePlanned, {
    aggregateId: 'ms1',
    areaCode: VA,
    actor,
    occurredAt: at('2019-02-01'),
    payload: { measure: measure('ms1', 'hh-a1', VA, 'planned', 1) },
  }),
  createEvent(MeasurePlanned, {
    aggregateId: 'ms2',
    areaCode: VB,
    actor,
    occurredAt: at('2019-02-01'),
    payload: { measure: measure('ms2', 'hh-b1', VB, 'planned', 1) },
  }),
  createEvent(MeasureStatusChanged, {
    aggregateId: 'ms2',
    areaCode: VB,
    actor,
    occurredAt: at('2019-02-05'),
    payload: {
      measure: measure('ms2', 'hh-b1', VB, 'cancelled', 2),
      from: 'planned',
      to: 'cancelled',
    },
  }),
  finding(VA, '2019-03-05').created,
];

const TOWNSHIP_INDICATORS = [
  'exit_progress',
  'insurance_coverage',
  'project_start_rate',
  'project_completion_rate',
  'fund_disbursement_rate',
  'idle_funds',
  'dropouts_open',
  'topups_outstanding',
  'findings_open',
  'plan_coverage',
];
const DEPARTMENT_INDICATORS = [
  'project_start_rate',
  'dropouts_open',
  'topups_outstanding',
  'insurance_coverage',
];

beforeAll(async () => {
  t = await startAssessment({ now: clock.now, consume: false });
  for (const e of EVENTS)
    await t.assessment.projection.apply(e, findContract(e.type, e.version)!.topic);
  const res = await request(t.app)
    .put('/schemes/2019')
    .set(bearer(t.tokens.county))
    .send({
      revision: 0,
      tracks: [
        {
          kind: 'township',
          units: [{ code: TOWNSHIP_A }, { code: TOWNSHIP_B }],
          indicators: TOWNSHIP_INDICATORS.map((code) => ({ code, weight: 10, rule: 'rank' })),
        },
        {
          kind: 'department',
          units: ['education', 'health', 'agriculture', 'transport'].map((code) => ({ code })),
          indicators: DEPARTMENT_INDICATORS.map((code) => ({ code, weight: 25, rule: 'rank' })),
        },
      ],
    });
  expect(res.status).toBe(200);
});
afterAll(async () => {
  await t?.close();
});

async function values() {
  const res = await request(t.app).get('/quarters/2019/1/preview').set(bearer(t.tokens.county));
  expect(res.status).toBe(200);
  const out: Record<string, Record<string, number | null>> = {};
  for (const r of res.body.results as {
    code: string;
    indicators: { code: string; value: number | null }[];
  }[])
    out[r.code] = Object.fromEntries(r.indicators.map((i) => [i.code, i.value]));
  return out;
}

test('township values are measured from every producer, as of the quarter end', async () => {
  const v = await values();
  expect(v[TOWNSHIP_A]).toEqual({
    exit_progress: 50,
    insurance_coverage: 66.67,
    project_start_rate: 50,
    project_completion_rate: 0,
    fund_disbursement_rate: 20,
    idle_funds: 1_200_000,
    dropouts_open: 1,
    topups_outstanding: 30_000,
    findings_open: 1,
    plan_coverage: 100,
  });
  expect(v[TOWNSHIP_B]).toMatchObject({
    exit_progress: null,
    insurance_coverage: 100,
    project_start_rate: null,
    idle_funds: null,
    dropouts_open: 0,
    plan_coverage: 0,
  });
});

test('department values count only what belongs to the department; the rest does not apply', async () => {
  const v = await values();
  expect(v.education).toEqual({
    project_start_rate: null,
    dropouts_open: 1,
    topups_outstanding: null,
    insurance_coverage: null,
  });
  expect(v.health).toEqual({
    project_start_rate: null,
    dropouts_open: null,
    topups_outstanding: 30_000,
    insurance_coverage: 75,
  });
  expect(v.agriculture).toMatchObject({ project_start_rate: 100 });
  expect(v.transport).toMatchObject({ project_start_rate: 0 });
});

test('events applied again, or an older event after a newer one, change nothing', async () => {
  const snapshot = async () =>
    JSON.stringify(
      await t.assessment.models.facts.find({}, { receivedAt: 0 }).sort({ _id: 1 }).lean(),
    );
  const before = await snapshot();
  const project = await t.assessment.models.facts.findById('project:p1').lean();
  expect(project).toMatchObject({ status: 'in_progress', eventId: startedP1.id });
  for (const e of [...EVENTS].reverse()) {
    const changes = await t.assessment.projection.apply(e, findContract(e.type, e.version)!.topic);
    expect(changes.filter((c) => c.changed)).toEqual([]);
  }
  expect(await snapshot()).toBe(before);
  expect(await t.assessment.models.facts.findById('disbursement:d1').lean()).toMatchObject({
    status: 'approved',
  });
  expect(await t.assessment.models.facts.findById('dropout:c2').lean()).toMatchObject({
    status: 'closed',
    to: '2019-03-20',
  });
});

test('a finding counts for its township and for the department its rule concerns', async () => {
  const f = await t.assessment.models.facts.findOne({ kind: 'finding' }).lean();
  expect(f).toMatchObject({
    townshipCode: TOWNSHIP_A,
    departments: ['public_security'],
    status: 'assigned',
  });
});
