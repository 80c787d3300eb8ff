import type { DossierTimelineEntry } from '@fupin/contracts';
import { bi, brief, timelineDay, timelineInstant } from '@fupin/kit';
import { fenToYuanString, labelOf, MeasureCategory } from '@fupin/reference';
import { MEASURE_STATUS_LABELS } from '../measures/measure.machine';
import type { Measure } from '../measures/measure.model';
import type { Pairing } from '../pairings/pairing.model';
import { ROLE_EN, ROLE_ZH } from '../pairings/pairing.service';
import type { Plan } from '../plans/plan.model';
import type { Visit } from '../visits/visit.model';

// What happened to the household in assistance, one entry per fact, pure: pairings begun and
// ended, the plan set, changed and progressed, every measure step, every visit.

type Entry = DossierTimelineEntry;

export function pairingEntries(pairings: Pairing[]): Entry[] {
  return pairings.flatMap((x) => {
    const ref = { resource: 'pairings', id: x._id };
    const who = `${x.helperName}（${x.helperUnit}）`;
    const began: Entry = {
      at: timelineDay(x.startDate),
      kind: 'pairing_started',
      label: bi(
        `${who}开始结对帮扶（${ROLE_ZH[x.role]}）`,
        `${x.helperName} (${x.helperUnit}) began helping the household (${ROLE_EN[x.role]})`,
      ),
      ref,
    };
    if (x.status !== 'ended' || !x.endDate) return [began];
    const reason = x.endReason ? `：${x.endReason}` : '';
    const ended: Entry = {
      at: timelineDay(x.endDate),
      kind: 'pairing_ended',
      label: bi(
        `${who}结束结对帮扶${reason}`,
        `${x.helperName} stopped helping the household${x.endReason ? `: ${x.endReason}` : ''}`,
      ),
      ref,
    };
    return [began, ended];
  });
}

const PLAN_FIELDS: Record<string, { zh: string; en: string }> = {
  summary: { zh: '帮扶思路', en: 'approach' },
  targets: { zh: '年度目标', en: 'yearly targets' },
  causes: { zh: '致贫原因', en: 'causes' },
};
const field = (k: string, lang: 'zh' | 'en') => PLAN_FIELDS[k]?.[lang] ?? k;
/** At most this many of a plan's changes and progress notes each (the newest). */
const PLAN_ENTRIES = 100;

export function planEntries(plan: Plan | null): Entry[] {
  if (!plan) return [];
  const ref = { resource: 'plans', id: plan._id };
  const set: Entry = {
    at: timelineInstant(plan.createdAt),
    kind: 'plan_set',
    label: bi('制定一户一策', 'Assistance plan set'),
    ref,
  };
  const changes = plan.history
    .filter((v) => v.action === 'updated')
    .slice(-PLAN_ENTRIES)
    .map((v): Entry => ({
      at: timelineInstant(v.at),
      kind: 'plan_updated',
      label: bi(
        `修改一户一策（${v.changed.map((k) => field(k, 'zh')).join('、')}）`,
        `Assistance plan changed (${v.changed.map((k) => field(k, 'en')).join(', ')})`,
      ),
      ref,
    }));
  const progress = plan.progress.slice(-PLAN_ENTRIES).map((x): Entry => ({
    at: timelineDay(x.date),
    kind: 'plan_progress',
    label: bi(
      `一户一策进度 ${x.percent}%：${brief(x.note, 60)}`,
      `Plan progress ${x.percent}%: ${brief(x.note, 60)}`,
    ),
    ref,
  }));
  return [set, ...changes, ...progress];
}

export function measureEntries(measures: Measure[]): Entry[] {
  return measures.flatMap((m) => {
    const ref = { resource: 'measures', id: m._id };
    const zh = labelOf(MeasureCategory, m.category, 'zh-CN');
    const en = labelOf(MeasureCategory, m.category, 'en');
    const amount = m.amountFen === null ? null : fenToYuanString(m.amountFen);
    return m.steps.map((s): Entry => {
      const reason = s.reason ? `（${s.reason}）` : '';
      if (s.from === null)
        return {
          at: timelineInstant(s.at),
          kind: 'measure_planned',
          label: bi(
            `计划帮扶措施「${m.type}」（${zh}${amount ? `，${amount} 元` : ''}）`,
            `Measure planned: ${m.type} (${en}${amount ? `, ${amount} yuan` : ''})`,
          ),
          ref,
        };
      const from = MEASURE_STATUS_LABELS[s.from];
      const to = MEASURE_STATUS_LABELS[s.to];
      return {
        at: timelineInstant(s.at),
        kind: 'measure_step',
        label: bi(
          `帮扶措施「${m.type}」：${from.zh} → ${to.zh}${reason}`,
          `Measure ${m.type}: ${from.en} → ${to.en}${s.reason ? ` (${s.reason})` : ''}`,
        ),
        ref,
      };
    });
  });
}

export function visitEntries(visits: Visit[]): Entry[] {
  return visits.map((v) => {
    const found = brief(v.findings, 60);
    return {
      at: v.visitedAt ? timelineInstant(v.visitedAt) : timelineDay(v.date),
      kind: 'visit',
      label: bi(
        `${v.helperName}入户走访${found ? `：${found}` : ''}`,
        `Home visit by ${v.helperName}${found ? `: ${found}` : ''}`,
      ),
      ref: { resource: 'visits', id: v._id },
    };
  });
}
