import type { Session } from '../client';
import type { DemoPlugin, SeedContext } from '../plugin';

// 防返贫监测预警: the poverty office records this year's thresholds; a township records a flood
// in one of its villages; the health bureau records this year's hospital stays of three exited
// households whose top-up is still owed (their own share above ¥20,000); the office screens the
// county (on top of the demo's registry incomes, some below the monitoring line). The township
// then verifies: two warnings confirmed (one household taken through its monitoring entry and
// three months of follow-up), two dismissed with evidence, and two given a deadline a minute
// ahead by the office (督办), so the demo shows them overdue; the rest stay open.

interface Warning {
  id: string;
  householdId: string;
  householdNo: string;
  status: string;
  suggestedCategory: string;
  signals: { code: string }[];
}
interface Run {
  id: string;
  status: string;
  screened: number;
  raised: number;
  error: { message: { 'zh-CN': string } } | null;
}

const SCREEN_POLL_MS = 2000;
const SCREEN_TRIES = 20;
/** 督办: the office's deadline for two warnings, a minute ahead. */
const SUPERVISION_MS = 60_000;

const day = (offset: number) => {
  const d = new Date(Date.now() + offset * 86_400_000 + 8 * 3_600_000);
  return d.toISOString().slice(0, 10);
};
const month = (back: number) => {
  const d = new Date(Date.now() + 8 * 3_600_000);
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - back);
  return d.toISOString().slice(0, 7);
};

/** This year's hospital stays of three exited households of the first township (top-up owed). */
async function hospitalStays(ctx: SeedContext) {
  const township = await ctx.as('xiangzhen01');
  const doctor = await ctx.as('weijian');
  const exited = await township.list<{ id: string }>('/api/registry/households', {
    sort: ['householdNo', 'ASC'],
    filter: { status: ['exited'] },
    limit: 12,
  });
  let stays = 0;
  for (const h of exited.filter((_, i) => i % 4 === 1).slice(0, 3)) {
    const [person] = await doctor.list<{ id: string }>('/api/support/persons', {
      sort: ['birthDate', 'ASC'],
      filter: { householdId: h.id },
      limit: 1,
    });
    if (!person) continue;
    // ¥120,000: 60% basic, 10% serious illness; the 90% top-up (¥24,000) not yet paid.
    await doctor.request('POST', '/api/support/health/inpatient-episodes', {
      json: {
        personId: person.id,
        hospital: '常德市第一人民医院',
        admittedOn: day(-50),
        dischargedOn: day(-35),
        diagnosis: '脑梗塞',
        totalCostFen: 12_000_000,
        basicInsuranceFen: 7_200_000,
        seriousIllnessInsuranceFen: 1_200_000,
        medicalAssistanceFen: 0,
        treatFirstPayLater: true,
      },
    });
    stays++;
  }
  ctx.log(`  monitoring: ${stays} hospital stays this year with ¥36,000 out of pocket`);
}

/** The office screens the county; a run refused while support's data syncs is asked again. */
async function screen(ctx: SeedContext, office: Session): Promise<Run> {
  for (let attempt = 1; ; attempt++) {
    const queued = await office.request<Run>('POST', '/api/registry/monitoring/screenings');
    let run = queued.body;
    while (run.status === 'running') {
      await new Promise((r) => setTimeout(r, SCREEN_POLL_MS));
      run = (await office.get<Run>(`/api/registry/monitoring/screenings/${run.id}`)).body;
    }
    if (run.status === 'done') return run;
    ctx.log(`  monitoring: screening ${run.status}: ${run.error?.message['zh-CN'] ?? ''}`);
    if (attempt >= SCREEN_TRIES) throw new Error(`the screening ended ${run.status}`);
  }
}

/** The township's verification: confirmed, dismissed, and two supervised by the office. */
async function verify(ctx: SeedContext, office: Session, township: Session) {
  const open = await township.list<Warning>('/api/registry/monitoring/warnings', {
    sort: ['householdNo', 'ASC'],
    filter: { status: 'open' },
    limit: 40,
  });
  const pick = (n: number) => open.splice(0, n);
  // A household whose status or running workflow refuses the monitoring entry stays open.
  const sudden = open.filter((w) =>
    w.signals.some((s) => s.code !== 'income_below_monitoring_line'),
  );
  const confirmed: Warning[] = [];
  const tried = new Set<Warning>();
  for (const w of [...sudden, ...open]) {
    if (confirmed.length === 2) break;
    if (tried.has(w)) continue;
    tried.add(w);
    try {
      await township.request('POST', `/api/registry/monitoring/warnings/${w.id}/confirm`, {
        json: {
          reason: '入户核实：家庭刚性支出大、收入骤降，存在返贫风险，同意纳入监测',
          evidence: ['入户核实照片（演示）', '村民主评议记录（演示）'],
        },
      });
      confirmed.push(w);
    } catch (err) {
      ctx.log(`  monitoring: ${w.householdNo} not confirmed (${(err as Error).message})`);
    }
    open.splice(open.indexOf(w), 1);
  }
  for (const w of pick(2)) {
    await township.request('POST', `/api/registry/monitoring/warnings/${w.id}/dismiss`, {
      json: {
        reason: '入户核实：家庭成员在县城稳定务工，登记收入未及时更新，不存在返贫风险',
        evidence: ['务工收入证明（演示）', '入户核实照片（演示）'],
      },
    });
  }
  const supervised = pick(2);
  const dueAt = new Date(Date.now() + SUPERVISION_MS).toISOString();
  for (const w of supervised) {
    await office.request('PUT', `/api/registry/monitoring/warnings/${w.id}/due`, {
      json: { dueAt, reason: '县防返贫领导小组督办：限期核实' },
    });
  }
  if (supervised.length) ctx.notBefore(Date.parse(dueAt) + 1000, '防返贫预警督办期限到期（逾期）');
  ctx.log(
    `  monitoring: ${confirmed.length} confirmed, 2 dismissed, ${supervised.length} supervised, ${open.length} left open`,
  );
  return confirmed[0];
}

/** The first confirmed household through its entry, then three months of follow-up. */
async function followUp(ctx: SeedContext, office: Session, township: Session, w: Warning) {
  const steps = `/api/registry/households/${w.householdId}/workflows/monitoring_entry/steps`;
  for (const action of ['appraise', 'review']) {
    await township.request('POST', steps, {
      json: { action, reason: '经评议、审核，同意纳入监测' },
    });
  }
  await office.request('POST', steps, {
    json: { action: 'approve', reason: '县级审定，纳入监测' },
  });
  for (let back = 2; back >= 0; back--) {
    await township.request(
      'PUT',
      `/api/registry/monitoring/households/${w.householdId}/follow-ups/${month(back)}`,
      {
        json: {
          incomeFen: 420_000 + back * 10_000,
          homeCheckOn: back === 0 ? day(0) : null,
          note: back === 0 ? '入户走访：落实公益性岗位，收入逐步恢复' : '帮扶责任人电话回访',
        },
      },
    );
  }
  ctx.log(`  monitoring: household ${w.householdNo} monitored, three months of follow-up`);
}

export const registryMonitoringPlugin: DemoPlugin = {
  name: 'registry-monitoring',
  probe: '/api/registry/openapi.json',
  async isSeeded(ctx) {
    const office = await ctx.as('fupinban');
    return (await office.count('/api/registry/monitoring/screenings')) > 0;
  },
  async seed(ctx) {
    const office = await ctx.as('fupinban');
    const township = await ctx.as('xiangzhen01');
    const year = new Date().getFullYear();
    await office.request('PUT', `/api/registry/monitoring/settings/${year}`, {
      json: {
        monitoringLineFen: null,
        medicalThresholdFen: 2_000_000,
        reason: `县防返贫监测和帮扶工作方案（${year}年，演示）`,
      },
    });
    const village = ctx.county.townships[0]!.villages[1] ?? ctx.county.townships[0]!.villages[0]!;
    await township.request('POST', '/api/registry/monitoring/disasters', {
      json: {
        kind: 'flood',
        areaCode: village.code,
        day: day(-25),
        lossesFen: 86_000_000,
        description: `${village.name}遭受强降雨引发洪涝，部分农户房屋受损、农作物绝收`,
      },
    });
    await hospitalStays(ctx);
    const run = await screen(ctx, office);
    ctx.log(`  monitoring: screened ${run.screened} households, ${run.raised} warnings`);
    const confirmed = await verify(ctx, office, township);
    if (confirmed) await followUp(ctx, office, township, confirmed);
  },
};
