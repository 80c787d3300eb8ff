import type { Session } from '../client';
import type { DemoPlugin, SeedContext } from '../plugin';

// 涉贫信访 — a handful of complaints about poverty work in the demo county, one in each state:
// one waiting to be assigned, one past its due day without an answer (逾期), one answered and
// rated 满意, one linked to a registered household and answered, one rated 不满意 and reopened
// (重新办理), one from the media closed 基本满意. The names and phones are made up.

interface Complaint {
  id: string;
  revision: number;
}

/** The day `days` before today (Asia/Shanghai), YYYY-MM-DD. */
const daysAgo = (days: number) =>
  new Date(Date.now() + 8 * 3600_000 - days * 86_400_000).toISOString().slice(0, 10);

async function register(office: Session, body: Record<string, unknown>): Promise<Complaint> {
  return (await office.request<Complaint>('POST', '/api/assessment/complaints', { json: body }))
    .body;
}

async function step(
  office: Session,
  c: Complaint,
  name: 'assign' | 'answer' | 'satisfaction' | 'reopen',
  body: Record<string, unknown>,
): Promise<Complaint> {
  const path = `/api/assessment/complaints/${encodeURIComponent(c.id)}/${name}`;
  return (
    await office.request<Complaint>('POST', path, { json: { ...body, revision: c.revision } })
  ).body;
}

export const assessmentComplaintsPlugin: DemoPlugin = {
  name: 'assessment-complaints',
  probe: '/api/assessment/openapi.json',

  async isSeeded(ctx: SeedContext) {
    const office = await ctx.as('fupinban');
    return (await office.count('/api/assessment/complaints')) > 0;
  },

  async seed(ctx: SeedContext) {
    const office = await ctx.as('fupinban');
    const [t1, t2, t3, t4] = ctx.county.townships;
    if (!t1 || !t2 || !t3 || !t4) return;
    const unit = (code: string) => `township:${code}`;

    await register(office, {
      receivedOn: daysAgo(2),
      channel: 'hotline_12317',
      complainantName: '刘桂兰',
      complainantPhone: '13907461234',
      areaCode: t1.villages[0]?.code ?? t1.code,
      subject: 'wrong_identification',
      text: '反映本组一户家中有小轿车和门面仍被评为贫困户，请求核实。',
    });

    // 逾期: received 30 days ago, assigned, the 15 days passed without an answer.
    await register(office, {
      receivedOn: daysAgo(30),
      channel: 'letter',
      complainantName: '陈建国',
      complainantPhone: '13574620987',
      areaCode: t2.code,
      subject: 'assistance_lacking',
      text: '来信反映帮扶责任人三个月未入户，一户一策措施未落实。',
      unitId: unit(t2.code),
    });

    let rated = await register(office, {
      receivedOn: daysAgo(40),
      channel: 'online',
      complainantName: '张爱华',
      complainantPhone: '18674631122',
      areaCode: t3.code,
      subject: 'funds',
      text: '网上反映2季度低保金未按时发放。',
      unitId: 'department:civil_affairs',
    });
    rated = await step(office, rated, 'answer', {
      text: '经核实，系银行代发批次延误，已于次日补发到户。',
      answeredOn: daysAgo(31),
    });
    await step(office, rated, 'satisfaction', { satisfaction: 'satisfied' });

    // Linked to a registered household of the fourth township, answered, awaiting the rating.
    const [household] = await office.list<{ id: string; areaCode: string }>(
      '/api/registry/households',
      { sort: ['householdNo', 'ASC'], filter: { area: t4.code }, limit: 1 },
    );
    const linked = await register(office, {
      receivedOn: daysAgo(12),
      channel: 'visit',
      complainantName: '李明华',
      complainantPhone: '15207469876',
      areaCode: household?.areaCode ?? t4.code,
      subject: 'assistance_lacking',
      text: '来访反映危房改造补助尚未到位，房屋漏雨。',
      ...(household ? { householdId: household.id } : {}),
      unitId: unit(t4.code),
    });
    await step(office, linked, 'answer', {
      text: '乡镇已现场查看，改造补助第一批已拨付，剩余部分竣工验收后拨付。',
      answeredOn: daysAgo(5),
    });

    // 不满意 and reopened: answered late, rated unsatisfied, reopened with a new due day.
    let reopened = await register(office, {
      receivedOn: daysAgo(35),
      channel: 'hotline_12345',
      complainantName: '王秀英',
      complainantPhone: '13762410055',
      areaCode: t1.code,
      subject: 'false_exit',
      text: '县长热线反映家庭收入未达标即被标注脱贫。',
      unitId: unit(t1.code),
    });
    reopened = await step(office, reopened, 'answer', {
      text: '经入户核算，家庭人均纯收入已超过当年扶贫标准，符合退出条件。',
      answeredOn: daysAgo(15),
    });
    reopened = await step(office, reopened, 'satisfaction', { satisfaction: 'unsatisfied' });
    await step(office, reopened, 'reopen', {
      reason: '信访人对收入核算有异议，要求重新入户核实。',
    });

    let media = await register(office, {
      receivedOn: daysAgo(50),
      channel: 'media',
      areaCode: t3.code,
      subject: 'conduct',
      text: '网络舆情：某村干部优亲厚友，扶贫物资分配不公。',
      unitId: unit(t3.code),
    });
    media = await step(office, media, 'answer', {
      text: '乡纪委已调查，物资分配名单已重新公示。',
      answeredOn: daysAgo(40),
    });
    await step(office, media, 'satisfaction', { satisfaction: 'basically_satisfied' });
    ctx.log('  信访件: 6 complaints (one overdue, one linked to a household, one reopened)');
  },
};
