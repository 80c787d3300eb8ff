import { COUNTY_CODE, COUNTY_NAME, DATA_YEAR, type DemoCounty, type DemoMember } from '../county';
import type { Sex } from '../names';
import { Random } from '../random';
import type { Person } from './matching-department-lists';
import {
  drawsPension,
  pensionAge,
  USER_LIST_DATES,
  type UserCases,
  type UserListType,
} from './matching-department-user-cases';
import {
  type Cell,
  csv,
  dayIn,
  fillers,
  oldFormOf,
  pad,
  placeOf,
  Residents,
  sexZh,
  titledWorkbook,
  XLSX,
} from './matching-department-user-files';

// The lists the departments upload under their own logins (issue 22), one function per list,
// each giving the file as the department sends it and the findings planted on it with the
// state the demo leaves each in. Mostly rows with nothing to find: residents outside the
// registry, and registered people where they belong on the list.

const Y = DATA_YEAR + 1;

/** Who takes a step: the finding's township, the poverty office, or its second reviewer. */
export type Actor = 'township' | 'office' | 'second';
export interface Step {
  action: 'verify' | 'rectify' | 'review' | 'close';
  by: Actor;
  json: Record<string, string>;
}

/** A planted finding and the steps that take it to the state the demo shows. */
export interface Plan {
  rule: string;
  person: Person;
  status: 'assigned' | 'verified' | 'rectified' | 'reviewed' | 'closed';
  steps: Step[];
  /** 督办: the office gives it a deadline a minute ahead, so the demo shows it overdue. */
  supervised?: true;
  /** 整改 in the registry before the rectification: the member recorded 残疾 of this grade. */
  recordDisabled?: string;
}

/** One department's list as its user uploads it. */
export interface UserList {
  type: UserListType;
  /** The department's own login (the poverty office's for the cadre roster). */
  uploader: string;
  area: string;
  date: string;
  fileName: string;
  /** Upload options the file needs (its header below a title row, an ID column of its own). */
  options: Record<string, string>;
  file: () => Promise<{ body: Buffer | string; contentType: string }>;
  /** Data rows. */
  rows: number;
  plans: Plan[];
}

export const confirm = (note: string): Step => ({
  action: 'verify',
  by: 'township',
  json: { conclusion: 'confirmed', note },
});
/** 不属实, with its reason code: the rule-quality figures count dismissals by it. */
export const dismiss = (reasonCode: string, reason: string): Step => ({
  action: 'verify',
  by: 'township',
  json: { conclusion: 'not_confirmed', reasonCode, reason },
});
export const rectify = (note: string): Step => ({
  action: 'rectify',
  by: 'township',
  json: { note },
});
const review = (note = '核实整改材料齐全，初审通过'): Step => ({
  action: 'review',
  by: 'office',
  json: { note },
});
const close: Step = { action: 'close', by: 'second', json: { note: '复核无误，同意销号' } };

/** Plans for the people of a case, in order: a county with fewer people takes the first ones. */
export const planned = (rule: string, people: Person[], shapes: Omit<Plan, 'rule' | 'person'>[]) =>
  people.slice(0, shapes.length).map((person, i) => ({ rule, person, ...shapes[i]! }));

/** 公安: the quarter's moves out of the county, one of them under a first-generation ID number. */
function householdMoves(county: DemoCounty, c: UserCases, r: Random, s: Residents): UserList {
  const places = [
    '广东省东莞市',
    '广东省深圳市宝安区',
    '浙江省义乌市',
    '长沙市雨花区',
    '江苏省苏州市',
  ];
  const entries: { date: string; cells: (n: number) => Cell[] }[] = [];
  const add = (name: string, id: Cell, sex: Sex, from: string, reason: string) => {
    const date = dayIn(r, 3);
    const to = r.pick(places);
    entries.push({ date, cells: (n) => [n, name, sexZh(sex), id, from, to, date, reason] });
  };
  for (let i = 0; i < fillers(county); i++) {
    const p = s.person(18, 60);
    const v = r.pick(county.villages);
    const { township } = placeOf(county, v.code);
    add(p.name, p.idNumber, p.sex, `${COUNTY_NAME}${township}${v.name}`, r.pick(MOVE_REASONS));
  }
  // An old resident still on the 1990s number: Excel keeps it as a number; the report warns.
  const elder = s.person(72, 85);
  add(elder.name, Number(oldFormOf(elder.idNumber)), elder.sex, `${COUNTY_NAME}城关镇`, '投靠子女');
  for (const { h, m } of c.movedOut) add(m.name, m.idNumber, m.sex, h.address, '务工落户');
  entries.sort((a, b) => a.date.localeCompare(b.date));
  const header = [
    '序号',
    '姓名',
    '性别',
    '公民身份号码',
    '原户籍地址',
    '迁往地区',
    '迁出日期',
    '迁移原因',
  ];
  const titles = [
    `${COUNTY_NAME}公安局户籍迁出人员名单`,
    `统计时段：${Y}年1月1日至${Y}年3月31日\u3000\u3000填报单位：县公安局户政管理大队`,
  ];
  const rows = entries.map((e, i) => e.cells(i + 1));
  return {
    type: 'household_moves',
    uploader: 'gongan',
    area: COUNTY_CODE,
    date: USER_LIST_DATES.household_moves,
    fileName: `公安局-户籍迁出人员名单-${Y}年第一季度.xlsx`,
    options: {},
    file: async () => ({
      body: await titledWorkbook('迁出', titles, header, rows),
      contentType: XLSX,
    }),
    rows: rows.length,
    plans: planned('MOVED_OUT_OF_COUNTY', c.movedOut, [
      { status: 'assigned', steps: [], supervised: true },
      {
        status: 'verified',
        steps: [confirm(`入户核实：本人已于${Y}年1月将户口迁往外省（随配偶落户），家庭人口待调整`)],
      },
      {
        status: 'reviewed',
        steps: [
          dismiss(
            'department_data_wrong',
            '经县公安局户政大队核实，系迁出登记时身份证号录入错误，本人户籍仍在本村',
          ),
          review('核实材料齐全，同意不属实结论'),
        ],
      },
    ]),
  };
}
const MOVE_REASONS = ['务工落户', '婚迁', '升学', '购房落户', '投靠亲属'];

/** 人社: a village's 城乡居民养老保险 roll — its people of 60 or more, a few left off, a death paid. */
function pensionReceipts(c: UserCases, r: Random, s: Residents): UserList {
  const left = new Set(c.pensionLeftOff.map((p) => p.m));
  const monthly = (age: number) => (113 + (age >= 75 ? 30 : 0) + r.int(0, 40)).toFixed(2);
  // 城乡居民养老保险 began in 2011; a survivor's benefit (遗属待遇) since the insured died.
  const since = (m: Pick<DemoMember, 'birthDate'>) =>
    drawsPension(m)
      ? `${Math.max(2011, Number(m.birthDate.slice(0, 4)) + 60)}-${m.birthDate.slice(5, 7)}`
      : `${Y - 2}-06`;
  const entries: Cell[][] = [];
  for (const h of c.pensionHouseholds)
    for (const m of h.members)
      if (drawsPension(m) && !left.has(m))
        entries.push([
          m.name,
          sexZh(m.sex),
          m.idNumber,
          '城乡居民基础养老金',
          monthly(pensionAge(m)),
          since(m),
          '正常发放',
        ]);
  const registered = entries.length;
  for (let i = 0; i < Math.min(200, Math.max(12, registered)); i++) {
    const p = s.person(60, 90);
    const born = `${p.idNumber.slice(6, 10)}-${p.idNumber.slice(10, 12)}-${p.idNumber.slice(12, 14)}`;
    entries.push([
      p.name,
      sexZh(p.sex),
      p.idNumber,
      '城乡居民基础养老金',
      monthly(pensionAge({ birthDate: born })),
      since({ birthDate: born }),
      '正常发放',
    ]);
  }
  // Dead in January, removed from the registry, still paid in March.
  const d = c.deceasedPaid.m;
  const kind = drawsPension(d) ? '城乡居民基础养老金' : '遗属待遇';
  entries.push([
    d.name,
    sexZh(d.sex),
    d.idNumber,
    kind,
    monthly(pensionAge(d)),
    since(d),
    '正常发放',
  ]);
  entries.sort((a, b) => String(a[2]).localeCompare(String(b[2])));
  const header = [
    '序号',
    '姓名',
    '性别',
    '身份证号码',
    '待遇类别',
    '月发放金额（元）',
    '待遇开始年月',
    '发放状态',
  ];
  const rows = entries.map((e, i) => [i + 1, ...e]);
  return {
    type: 'pension_receipts',
    uploader: 'renshe',
    area: c.pensionVillage.code,
    date: USER_LIST_DATES.pension_receipts,
    fileName: `人社局-城乡居民养老保险待遇发放名册-${c.pensionVillage.name}-${Y}年3月.csv`,
    options: {},
    file: async () => ({ body: csv([header, ...rows]), contentType: 'text/csv' }),
    rows: rows.length,
    plans: [
      {
        rule: 'DECEASED_STILL_PAID',
        person: c.deceasedPaid,
        status: 'reviewed',
        steps: [
          confirm(`经派出所核实，该人员已于${Y}年1月死亡，养老金仍按月发放`),
          rectify('已停发养老金，死亡后多发的待遇已由家属退回'),
          review(),
        ],
      },
      ...planned('PENSION_NOT_RECEIVED', c.pensionLeftOff, [
        {
          status: 'rectified',
          steps: [
            confirm('入户核实：本人已满60周岁，未办理城乡居民养老保险待遇领取'),
            rectify('已协助办理待遇领取手续，自4月起按月发放'),
          ],
        },
        { status: 'assigned', steps: [], supervised: true },
        {
          status: 'verified',
          steps: [
            dismiss(
              'department_data_outdated',
              '本人3月已办理待遇领取手续，人社名册导出时尚未录入，4月起发放',
            ),
          ],
        },
      ]),
    ],
  };
}

const DISABILITY_KINDS = ['视力', '听力', '言语', '肢体', '智力', '精神'] as const;
const GRADE_ZH = ['', '一级', '二级', '三级', '四级'];

/** 残联: a village's 持证残疾人名册 — its disabled people but one or two, two holders not recorded. */
function disabilityCertificates(
  county: DemoCounty,
  c: UserCases,
  r: Random,
  s: Residents,
): UserList {
  const left = new Set(c.uncertified.map((p) => p.m));
  const entries: Cell[][] = [];
  const add = (name: string, sex: Sex, id: string, kind: number, grade: number) =>
    entries.push([
      name,
      sexZh(sex),
      // 第二代残疾人证号: the holder's ID number, then the kind and the grade.
      `${id}${kind + 1}${grade}`,
      id,
      `${DISABILITY_KINDS[kind]}残疾`,
      GRADE_ZH[grade]!,
      `${Y - r.int(1, 6)}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`,
    ]);
  for (const h of c.disabilityHouseholds)
    for (const m of h.members)
      if (m.health === 'disabled' && !left.has(m))
        add(m.name, m.sex, m.idNumber, r.int(0, 5), Number(m.disabilityGrade ?? 4));
  for (const { m } of c.certifiedNotRecorded) add(m.name, m.sex, m.idNumber, 1, 4);
  const registered = entries.length;
  for (let i = 0; i < Math.min(120, Math.max(8, registered * 2)); i++) {
    const p = s.person(16, 85);
    add(p.name, p.sex, p.idNumber, r.int(0, 5), r.int(1, 4));
  }
  entries.sort((a, b) => String(a[3]).localeCompare(String(b[3])));
  const { township, village } = placeOf(county, c.disabilityVillage.code);
  const header = [
    '序号',
    '姓名',
    '性别',
    '残疾人证号',
    '持证人身份证号',
    '残疾类别',
    '残疾等级',
    '发证日期',
  ];
  const rows = entries.map((e, i) => [i + 1, ...e]);
  return {
    type: 'disability_certificates',
    uploader: 'canlian',
    area: c.disabilityVillage.code,
    date: USER_LIST_DATES.disability_certificates,
    fileName: `残联-持证残疾人名册-${township}${village}.xlsx`,
    // The holder's ID number is headed in the federation's own words: the column is named.
    options: { headerRow: '2', idColumn: '持证人身份证号' },
    file: async () => ({
      body: await titledWorkbook(
        '持证残疾人',
        [`${COUNTY_NAME}残疾人联合会持证残疾人名册（${township}${village}，截至${Y}年3月20日）`],
        header,
        rows,
      ),
      contentType: XLSX,
    }),
    rows: rows.length,
    plans: [
      ...planned('DISABLED_WITHOUT_CERTIFICATE', c.uncertified, [
        {
          status: 'reviewed',
          steps: [
            confirm('入户核实：本人肢体残疾，一直未办理残疾证'),
            rectify('已协助评残，办理第二代残疾人证（肢体四级）'),
            review(),
          ],
        },
        {
          status: 'verified',
          steps: [
            dismiss(
              'already_handled',
              `本人${Y - 1}年12月已办理残疾证，残联名册尚未更新，已提供证件复印件`,
            ),
          ],
        },
      ]),
      ...planned('CERTIFICATE_NOT_RECORDED_DISABLED', c.certifiedNotRecorded, [
        {
          status: 'closed',
          recordDisabled: '4',
          steps: [
            confirm('入户核实：本人持听力残疾证（四级），建档立卡未登记为残疾'),
            rectify('已在建档立卡系统更正为残疾（听力四级），落实残疾人两项补贴'),
            review(),
            close,
          ],
        },
        {
          status: 'verified',
          steps: [
            dismiss(
              'not_same_person',
              '残联名册中该证号录入错误，持证人系同村同名人员，本人身体健康',
            ),
          ],
        },
      ]),
    ],
  };
}

const POSTS = ['村党支部书记、村委会主任', '村委会委员', '村务监督委员会主任'];
/** Villages on the roster: the organisation department sends it township by township. */
const ROSTER_VILLAGES = 60;

/** 扶贫办: the new village cadres after 换届 — one of them from a household still in poverty. */
function villageCadres(county: DemoCounty, c: UserCases, r: Random, s: Residents): UserList {
  const registered = new Map<string, Person[]>();
  for (const p of [c.cadre, ...c.exitedCadres])
    registered.set(p.h.areaCode, [...(registered.get(p.h.areaCode) ?? []), p]);
  const villages = county.villages.filter((v, i) => i < ROSTER_VILLAGES || registered.has(v.code));
  const rows: Cell[][] = [];
  for (const v of villages) {
    const { township } = placeOf(county, v.code);
    const own = [...(registered.get(v.code) ?? [])];
    POSTS.forEach((post, i) => {
      const p = i > 0 ? own.shift() : undefined;
      const person = p
        ? { name: p.m.name, sex: p.m.sex, idNumber: p.m.idNumber }
        : s.person(30, 58);
      rows.push([
        rows.length + 1,
        township,
        v.name,
        person.name,
        sexZh(person.sex),
        person.idNumber,
        post,
        dayIn(r, 3),
      ]);
    });
    for (const p of own)
      rows.push([
        rows.length + 1,
        township,
        v.name,
        p.m.name,
        sexZh(p.m.sex),
        p.m.idNumber,
        '村委会委员',
        dayIn(r, 3),
      ]);
  }
  const header = ['序号', '乡镇', '村', '姓名', '性别', '身份证号', '职务', '任职时间'];
  return {
    type: 'village_cadres',
    uploader: 'fupinban',
    area: COUNTY_CODE,
    date: USER_LIST_DATES.village_cadres,
    fileName: `组织部-村两委换届后干部名册-${Y}.csv`,
    options: {},
    file: async () => ({ body: csv([header, ...rows]), contentType: 'text/csv' }),
    rows: rows.length,
    plans: planned(
      'VILLAGE_CADRE_FAMILY',
      [c.cadre],
      [
        {
          status: 'verified',
          steps: [
            dismiss(
              'allowed_by_policy',
              `该同志${Y}年换届新当选村委委员，其家庭识别时符合标准并经民主评议公示，经乡镇审核符合政策`,
            ),
          ],
        },
      ],
    ),
  };
}

/** Every department's list, in the order they are uploaded. */
export function userLists(county: DemoCounty, c: UserCases): UserList[] {
  const r = new Random(county.seed, 22, 4);
  const s = new Residents(r);
  return [
    householdMoves(county, c, r, s),
    pensionReceipts(c, r, s),
    disabilityCertificates(county, c, r, s),
    villageCadres(county, c, r, s),
  ];
}
