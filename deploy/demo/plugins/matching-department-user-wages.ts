import { DATA_YEAR, type DemoCounty, type DemoHousehold, type DemoMember } from '../county';
import { Random } from '../random';
import type { Person } from './matching-department-lists';
import { USER_LIST_DATES, type UserCases } from './matching-department-user-cases';
import { type Cell, csv, Residents, sexZh } from './matching-department-user-files';
import {
  confirm,
  dismiss,
  planned,
  rectify,
  type UserList,
} from './matching-department-user-lists';

// 人社's 就业与工资 list (issue 22): the wages paid on record in the data year to the people of
// the village its pension roll covers who work, and to residents outside the registry. A
// registered worker's wages on it are the share of the 工资性收入 the household reported, so
// nothing is found — but for two households whose member is paid far more than the household
// reported (WAGE_INCOME_UNDERREPORTED: below half of the record and ¥3,000 or more short).

const Y = DATA_YEAR + 1;
const EMPLOYERS = [
  '桃源县工业园区电子厂',
  '常德市建筑工程公司',
  '东莞市长安镇五金厂',
  '桃源县茶业专业合作社',
  '县城物业管理公司',
];
const WORKING_AGE = { from: 18, to: 59 };
const ageIn = (m: DemoMember) => DATA_YEAR - Number(m.birthDate.slice(0, 4));
const yuan = (fen: number) => (fen / 100).toFixed(2);

/** The household's members working for wages in the data year. */
const workersOf = (h: DemoHousehold) =>
  h.members.filter(
    (m) => m.migrantWork.working && ageIn(m) >= WORKING_AGE.from && ageIn(m) <= WORKING_AGE.to,
  );

export function employmentWages(county: DemoCounty, c: UserCases): UserList {
  const r = new Random(county.seed, 22, 5);
  const s = new Residents(r);
  const busy = new Set([...c.pensionLeftOff, c.deceasedPaid].map((p) => p.h.householdNo));
  const households = c.pensionHouseholds.filter(
    (h) => !busy.has(h.householdNo) && h.income.year === DATA_YEAR && workersOf(h).length > 0,
  );
  // Two households (one in a tiny village) whose first worker is paid far above what was reported.
  const under: Person[] = households
    .slice(0, households.length >= 6 ? 2 : 1)
    .map((h) => ({ h, m: workersOf(h)[0]! }));
  const planted = new Set(under.map((p) => p.m));
  const rows: Cell[][] = [];
  const add = (name: string, sex: 'male' | 'female', id: string, fen: number) =>
    rows.push([name, sexZh(sex), id, r.pick(EMPLOYERS), yuan(fen), '正常参保']);
  for (const h of households) {
    const workers = workersOf(h);
    const share = Math.floor(h.income.wagesFen / workers.length);
    for (const m of workers) {
      const fen = planted.has(m)
        ? h.income.wagesFen * 2 + 1_200_000 + r.int(0, 120) * 10_000
        : share;
      if (fen > 0) add(m.name, m.sex, m.idNumber, fen);
    }
  }
  for (let i = 0; i < Math.min(200, Math.max(12, rows.length)); i++) {
    const p = s.person(20, 58);
    add(p.name, p.sex, p.idNumber, r.int(180, 720) * 10_000);
  }
  rows.sort((a, b) => String(a[2]).localeCompare(String(b[2])));
  const header = [
    '序号',
    '姓名',
    '性别',
    '公民身份号码',
    '就业单位',
    `${DATA_YEAR}年工资收入（元）`,
    '参保状态',
  ];
  const numbered = rows.map((row, i) => [i + 1, ...row]);
  return {
    type: 'employment_wages',
    uploader: 'renshe',
    area: c.pensionVillage.code,
    date: USER_LIST_DATES.employment_wages,
    fileName: `人社局-就业人员工资发放信息-${c.pensionVillage.name}-${DATA_YEAR}年度.csv`,
    options: {},
    file: async () => ({ body: csv([header, ...numbered]), contentType: 'text/csv' }),
    rows: numbered.length,
    plans: planned('WAGE_INCOME_UNDERREPORTED', under, [
      {
        status: 'rectified',
        steps: [
          confirm(`入户核实：家庭成员${DATA_YEAR}年在外务工全年工资与人社记录一致，申报时漏报`),
          rectify('已更正家庭工资性收入并重新测算人均纯收入，经村民代表评议公示'),
        ],
      },
      {
        status: 'verified',
        steps: [
          dismiss(
            'department_data_wrong',
            `人社名册中的工资为劳务公司代发的班组工程款合计，本人${Y - 1}年实得工资已如实申报，已向人社局反馈更正`,
          ),
        ],
      },
    ]),
  };
}
