import type { Session } from '../client';
import { scenePng } from '../images';
import type { DemoPlugin, SeedContext } from '../plugin';

// 督查 in the demo county: the poverty office's monthly plan over the first three townships,
// two inspections with findings and a photo, and rectification orders in each state — one
// closed on time (the township's evidence reviewed by the office: 双人复核), one past its
// deadline and still open (逾期, counted against the water department), one awaiting review
// and one sent back.

interface Finding {
  id: string;
  check: string;
}
interface Inspection {
  id: string;
  findings: Finding[];
}

const API = '/api/assessment';
const CHECKS = [
  'home_visits',
  'guarantees',
  'matching_leads',
  'fund_disbursement',
  'dossier_consistency',
];

/** A day `offset` days from today (Asia/Shanghai). */
const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);

async function photo(s: Session, areaCode: string, name: string, hue: number): Promise<string> {
  const res = await s.request<{ id: string }>(
    'POST',
    `${API}/inspection-files?fileName=${encodeURIComponent(name)}&areaCode=${areaCode}`,
    { body: scenePng(hue), contentType: 'image/png' },
  );
  return res.body.id;
}

async function open(
  s: Session,
  inspection: Inspection,
  check: string,
  o: {
    unit: { kind: string; code: string };
    requirement: string;
    issuedOn: string;
    deadline: string;
  },
): Promise<string> {
  const finding = inspection.findings.find((f) => f.check === check)!;
  const res = await s.request<{ id: string }>('POST', `${API}/rectifications`, {
    json: { inspectionId: inspection.id, findingId: finding.id, ...o },
  });
  return res.body.id;
}

export const assessmentInspectionsPlugin: DemoPlugin = {
  name: 'assessment inspections',
  probe: `${API}/openapi.json`,

  async isSeeded(ctx: SeedContext) {
    const office = await ctx.as('fupinban');
    return (await office.count(`${API}/inspections`)) > 0;
  },

  async seed(ctx: SeedContext) {
    const office = await ctx.as('fupinban');
    const [t1, t2, t3] = ctx.county.townships;
    const v1 = t1!.villages[0]!.code;
    const v2 = t2!.villages[0]!.code;
    const plan = await office.request<{ id: string }>('POST', `${API}/inspection-plans`, {
      json: {
        name: `${day(0).slice(0, 4)}年脱贫攻坚月督查`,
        cadence: 'monthly',
        areas: [t1!.code, t2!.code, t3!.code],
        checks: CHECKS,
        inspectorUnit: '县扶贫开发领导小组督查组',
        startsOn: day(-60),
        note: '每月随机抽查3个乡镇，重点核查走访、两不愁三保障和资金拨付',
      },
    });
    const unit = '县扶贫开发领导小组督查组';
    const first = await office.request<Inspection>('POST', `${API}/inspections`, {
      json: {
        planId: plan.body.id,
        areaCode: v1,
        inspectedOn: day(-40),
        inspectors: ['刘建国', '陈晓梅'],
        inspectorUnit: unit,
        summary: '入户抽查12户，查阅走访记录和一户一档',
        findings: [
          { check: 'home_visits', text: '3户贫困户本月无走访记录', severity: 'major' },
          { check: 'guarantees', text: '2户饮水水量不足，未落实安全饮水', severity: 'serious' },
          { check: 'matching_leads', text: '1条车辆比对疑点超期未核实', severity: 'minor' },
        ],
        photoFileIds: [await photo(office, v1, '入户抽查.png', 30)],
      },
    });
    const second = await office.request<Inspection>('POST', `${API}/inspections`, {
      json: {
        planId: plan.body.id,
        areaCode: v2,
        inspectedOn: day(-12),
        inspectors: ['刘建国', '王海'],
        inspectorUnit: unit,
        summary: '核查产业项目资金拨付和一户一档',
        findings: [
          { check: 'fund_disbursement', text: '产业奖补资金拨付滞后两个月', severity: 'major' },
          { check: 'dossier_consistency', text: '1户家庭成员与一户一档不一致', severity: 'minor' },
        ],
      },
    });

    // 按期销号: the township's evidence, closed by the office.
    const town1 = await ctx.as('xiangzhen01');
    const onTime = await open(office, first.body, 'home_visits', {
      unit: { kind: 'township', code: t1!.code },
      requirement: '限期补齐3户走访并上传走访记录',
      issuedOn: day(-40),
      deadline: day(5),
    });
    await town1.request('POST', `${API}/rectifications/${onTime}/evidence`, {
      json: {
        text: '已于督查后第5天完成3户补访，走访记录已录入系统',
        fileIds: [await photo(town1, v1, '补访照片.png', 90)],
      },
    });
    await office.request('POST', `${API}/rectifications/${onTime}/review`, {
      json: { decision: 'close', note: '走访记录齐全，同意销号' },
    });
    // 逾期: the water department's, past its deadline.
    await open(office, first.body, 'guarantees', {
      unit: { kind: 'department', code: 'water' },
      requirement: '落实2户安全饮水，限期完成管网延伸',
      issuedOn: day(-40),
      deadline: day(-10),
    });
    // 待复核 and 退回: the second township's evidence, one reviewed and sent back.
    const town2 = await ctx.as('xiangzhen02');
    const awaiting = await open(office, second.body, 'fund_disbursement', {
      unit: { kind: 'township', code: t2!.code },
      requirement: '月底前完成产业奖补资金拨付并公示',
      issuedOn: day(-12),
      deadline: day(18),
    });
    await town2.request('POST', `${API}/rectifications/${awaiting}/evidence`, {
      json: { text: '奖补资金已拨付到户，公示照片附后' },
    });
    const returned = await open(office, second.body, 'dossier_consistency', {
      unit: { kind: 'township', code: t2!.code },
      requirement: '核对家庭成员信息，更新一户一档',
      issuedOn: day(-12),
      deadline: day(3),
    });
    await town2.request('POST', `${API}/rectifications/${returned}/evidence`, {
      json: { text: '已核对' },
    });
    await office.request('POST', `${API}/rectifications/${returned}/review`, {
      json: { decision: 'return', note: '未附户籍证明材料，请补充后重新提交' },
    });
    ctx.log(
      '  督查: 1 plan, 2 inspections, 4 rectification orders (closed, overdue, awaiting, returned)',
    );
  },
};
