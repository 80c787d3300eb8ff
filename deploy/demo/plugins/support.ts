import { compulsoryPlace, SchoolStage } from '@fupin/reference';
import { inParallel, type Session } from '../client';
import type { DemoCounty, DemoMember } from '../county';
import { DATA_YEAR } from '../county-shape';
import type { DemoPlugin, SeedContext } from '../plugin';
import { Random } from '../random';
import { waitForView } from './views';

// The support service's part of the demo county (教育扶贫, 健康扶贫): the education department's
// enrollment lists for the two terms of the data year and the health department's insurance
// list of that year (one list: the support import reconciles about 40 rows a second here),
// uploaded as the departments' own files; subsidy standards and payments
// (seed 002's high-school tuition waiver among them); the dropout scan with cases open, followed
// and closed; in-patient episodes with the 90% top-up paid and still owed; chronic-care
// contracts and serious-illness cases. Deterministic from the county's seed.

const SPRING = `${DATA_YEAR}-spring`;
const AUTUMN = `${DATA_YEAR}-autumn`;
const EDUCATION = '县教育局';
const HEALTH = '县医疗保障局';

interface Student {
  member: DemoMember;
  stage: string;
  grade: number;
  school: string;
}

interface DepartmentImport {
  id: string;
  status: 'queued' | 'running' | 'completed' | 'failed';
  counts: Record<string, number>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Where a registered child studies in a term (compulsory grades from the 31 August cut-off). */
function placeOf(m: DemoMember, term: string, town: string, village: string): Student | null {
  if (!m.inSchool || !m.schoolStage || !(m.schoolStage in SchoolStage)) return null;
  const place = compulsoryPlace(m.birthDate, term);
  const age = DATA_YEAR - Number(m.birthDate.slice(0, 4));
  const grade = place ? place.gradeInStage : Math.min(3, Math.max(1, age - 15));
  const stage = place ? place.stage : m.schoolStage;
  const school =
    stage === 'primary'
      ? `${village}小学`
      : stage === 'junior_secondary'
        ? `${town}中学`
        : stage === 'preschool'
          ? `${town}中心幼儿园`
          : stage === 'senior_secondary'
            ? '临溪县第一中学'
            : '临溪县职业中专';
  return { member: m, stage, grade, school };
}

const csvLine = (cells: (string | number)[]) =>
  `${cells.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : c)).join(',')}\n`;

/** The education department's list for a term: some children missing, some 休学 (planted). */
function enrollmentList(county: DemoCounty, term: string, r: Random): string {
  let csv = csvLine(['身份证号', '姓名', '学校', '学段', '年级', '学籍状态']);
  const towns = new Map(county.townships.map((t) => [t.code, t.name]));
  const villages = new Map(county.villages.map((v) => [v.code, v.name]));
  // However small the county, at least five children are missing (one case per dashboard figure).
  let compulsorySeen = 0;
  let missing = 0;
  for (const h of county.households()) {
    for (const m of h.members) {
      const s = placeOf(m, term, towns.get(h.townshipCode) ?? '', villages.get(h.areaCode) ?? '');
      if (!s) continue;
      // 控辍保学: in the autumn term about one compulsory-age child in 80 is on no school's list.
      const compulsory = s.stage === 'primary' || s.stage === 'junior_secondary';
      if (term === AUTUMN && compulsory) {
        const skip = r.chance(0.0125) || (missing < 5 && compulsorySeen++ % 9 === 4);
        if (skip) {
          missing++;
          continue;
        }
      }
      const status = r.chance(0.004) ? '休学' : '在读';
      csv += csvLine([
        m.idNumber,
        m.name,
        s.school,
        SchoolStage[s.stage as keyof typeof SchoolStage].zh,
        s.grade,
        status,
      ]);
    }
  }
  return csv;
}

/** The health department's insurance list for a year: the insured, a few gaps in the later year. */
function insuranceList(county: DemoCounty, year: number, r: Random): string {
  let csv = csvLine(['身份证号', '姓名', '险种', '参保状态']);
  for (const h of county.households()) {
    for (const m of h.members) {
      if (!m.medicalInsurance) continue;
      if (year === DATA_YEAR && r.chance(0.006)) continue;
      csv += csvLine([m.idNumber, m.name, '基本医疗保险', '参保']);
      csv += csvLine([m.idNumber, m.name, '大病保险', '参保']);
      if (m.pensionInsurance) csv += csvLine([m.idNumber, m.name, '城乡居民基本养老保险', '参保']);
    }
  }
  return csv;
}

async function upload(
  session: Session,
  path: string,
  query: Record<string, string>,
  csv: string,
  log: (m: string) => void,
  label: string,
): Promise<void> {
  const res = await session.request<DepartmentImport>('POST', path, {
    body: Buffer.from(`\uFEFF${csv}`, 'utf8'),
    contentType: 'text/csv',
    query,
  });
  for (;;) {
    const job = (await session.get<DepartmentImport>(`/api/support/imports/${res.body.id}`)).body;
    if (job.status === 'failed') throw new Error(`${label}: the import failed`);
    if (job.status === 'completed') {
      log(`  ${label}: ${JSON.stringify(job.counts)}`);
      return;
    }
    await sleep(1000);
  }
}

/** 资助标准 of the data year (yuan per term, in fen). */
const STANDARDS = [
  { type: 'tuition_waiver', stage: 'senior_secondary', amountFen: 80_000 },
  { type: 'national_grant', stage: 'senior_secondary', amountFen: 100_000 },
  { type: 'living_allowance', stage: 'primary', amountFen: 50_000 },
  { type: 'living_allowance', stage: 'junior_secondary', amountFen: 62_500 },
  { type: 'national_grant', stage: 'secondary_vocational', amountFen: 100_000 },
] as const;

async function education(ctx: SeedContext, r: Random): Promise<void> {
  const edu = await ctx.as('jiaoyu');
  for (const term of [SPRING, AUTUMN])
    await upload(
      edu,
      '/api/support/imports/education-enrollment',
      { term, fileName: `临溪县教育局-${term}-学籍名单.csv` },
      enrollmentList(ctx.county, term, r),
      ctx.log,
      `enrollment ${term}`,
    );
  for (const s of STANDARDS)
    await edu.request('PUT', '/api/support/education/subsidy-standards', {
      json: { ...s, fromTerm: SPRING, note: '演示：县教育局公布的资助标准' },
    });
  let paid = 0;
  for (const term of [SPRING, AUTUMN])
    for (const s of STANDARDS) {
      const res = await edu.request<{ created: number }>(
        'POST',
        '/api/support/education/subsidy-payments/batch',
        {
          json: {
            type: s.type,
            term,
            stage: s.stage,
            paidOn: term === SPRING ? `${DATA_YEAR}-04-15` : `${DATA_YEAR}-10-20`,
            department: EDUCATION,
          },
          accept: [422],
        },
      );
      paid += res.body.created ?? 0;
    }
  ctx.log(`  subsidies: ${paid} payments`);

  const scan = await edu.request<{ opened: number }>(
    'POST',
    '/api/support/education/dropout-cases/scan',
    { json: { term: AUTUMN } },
  );
  const cases = await edu.get<{ id: string; name: string; revision: number }[]>(
    '/api/support/education/dropout-cases',
    { range: '[0,39]', filter: JSON.stringify({ status: 'open' }) },
  );
  // Most cases get an owner and a visit; a few are closed (back at school), a few (the last one
  // at least) left unowned.
  let closed = 0;
  for (const [i, c] of cases.body.entries()) {
    if (i % 5 === 4 || (i > 0 && i === cases.body.length - 1)) continue;
    await edu.request('PUT', `/api/support/education/dropout-cases/${c.id}/owner`, {
      json: { name: `${c.name.slice(0, 1)}老师`, unit: '所在学校' },
    });
    await edu.request('POST', `/api/support/education/dropout-cases/${c.id}/follow-ups`, {
      json: {
        on: `${DATA_YEAR}-10-${10 + (i % 15)}`,
        note: '班主任与村干部上门劝返，家长同意返校',
      },
    });
    if (i % 3 === 0) {
      await edu.request('POST', `/api/support/education/dropout-cases/${c.id}/close`, {
        json: { reason: 'returned_to_school', note: '已返校就读', school: '所在乡镇中学' },
      });
      closed++;
    }
  }
  ctx.log(`  dropout cases: ${scan.body.opened} opened, ${closed} closed after follow-up`);
}

interface Person {
  id: string;
  name: string;
  birthDate: string;
}

async function health(ctx: SeedContext, r: Random): Promise<void> {
  const doctor = await ctx.as('weijian');
  await upload(
    doctor,
    '/api/support/imports/health-insurance',
    { year: String(DATA_YEAR), fileName: `临溪县医保局-${DATA_YEAR}-参保名单.csv` },
    insuranceList(ctx.county, DATA_YEAR, r),
    ctx.log,
    `insurance ${DATA_YEAR}`,
  );
  // Patients: one registered person in about 60, the elder first.
  const wanted = Math.max(12, Math.round(ctx.county.people / 60));
  const persons = await doctor.list<Person>('/api/support/persons', {
    sort: ['birthDate', 'ASC'],
    filter: { registered: true },
    limit: wanted * 3,
  });
  const patients = persons.filter(() => r.chance(0.34)).slice(0, wanted);
  const hospitals = ['临溪县人民医院', '临溪县中医医院', '常德市第一人民医院', '乡镇卫生院'];
  let episodes = 0;
  let topUps = 0;
  await inParallel(patients, 3, async (p, i) => {
    const r = new Random(ctx.county.seed, 41, i);
    const total = r.int(3_000, 60_000) * 100;
    // The three layers reach 80–95% of the cost: below 90% a top-up is owed.
    const basic = Math.round(total * (0.55 + r.int(0, 10) / 100));
    const serious = total > 2_000_000 ? Math.round(total * 0.12) : 0;
    const assistance = Math.round(total * (r.int(5, 20) / 100));
    const month = r.int(1, 11);
    const res = await doctor.request<{ id: string; topUpFen: number }>(
      'POST',
      '/api/support/health/inpatient-episodes',
      {
        json: {
          personId: p.id,
          hospital: r.pick(hospitals),
          admittedOn: `${DATA_YEAR}-${String(month).padStart(2, '0')}-0${r.int(1, 9)}`,
          dischargedOn: `${DATA_YEAR}-${String(month).padStart(2, '0')}-2${r.int(0, 8)}`,
          diagnosis: r.pick(['高血压', '糖尿病', '脑梗塞', '慢性阻塞性肺病', '骨折', '肺炎']),
          totalCostFen: total,
          basicInsuranceFen: basic,
          seriousIllnessInsuranceFen: serious,
          medicalAssistanceFen: Math.min(assistance, total - basic - serious),
          treatFirstPayLater: r.chance(0.7),
        },
      },
    );
    episodes++;
    // Two owed top-ups in three are paid.
    if (res.body.topUpFen > 0 && r.chance(0.66)) {
      await doctor.request(
        'POST',
        `/api/support/health/inpatient-episodes/${res.body.id}/top-up-payments`,
        { json: { paidOn: `${DATA_YEAR}-12-0${r.int(1, 9)}`, department: HEALTH } },
      );
      topUps++;
    }
  });
  for (const [i, p] of patients.slice(0, Math.ceil(patients.length / 2)).entries()) {
    await doctor.request('POST', '/api/support/health/chronic-care-contracts', {
      json: {
        personId: p.id,
        disease: r.pick(['高血压', '糖尿病', '严重精神障碍', '结核病']),
        doctor: `乡村医生${i + 1}号`,
        team: '乡镇卫生院家庭医生团队',
        signedOn: `${DATA_YEAR}-0${r.int(1, 6)}-15`,
      },
    });
    if (i % 4 === 0)
      await doctor.request('POST', '/api/support/health/serious-illness-cases', {
        json: {
          personId: p.id,
          disease: r.pick(['儿童白血病', '终末期肾病', '肺癌', '食道癌']),
          hospital: '常德市第一人民医院',
          includedOn: `${DATA_YEAR}-0${r.int(3, 9)}-01`,
        },
      });
  }
  ctx.log(`  in-patient episodes: ${episodes} (${topUps} top-ups paid), care contracts and cases`);
}

/**
 * 教育扶贫 and 健康扶贫 of the data year, entered by the education and health departments
 * (jiaoyu, weijian) once the support service's people view has caught up with the registry.
 */
export const supportPlugin: DemoPlugin = {
  name: 'support',
  probe: '/api/support/openapi.json',

  async isSeeded(ctx: SeedContext) {
    const edu = await ctx.as('jiaoyu');
    return (await edu.count('/api/support/education/enrollments')) > 0;
  },

  async seed(ctx: SeedContext) {
    await waitForView(await ctx.as('fupinban'), '/api/support/projection/status', ctx.log);
    const r = new Random(ctx.county.seed, 20);
    await education(ctx, r);
    await health(ctx, r);
  },
};
