import type { RecordItem } from '../../rankings/ranking.model';
import type { Indicator, RecordLink } from '../measurement';
import { percent } from '../measurement';
import type { OwnFactKind } from '../own-facts';
import { warningStanding } from './warnings-on-time';

/**
 * A share of records done by their deadline, of those due or done in the period (the due day
 * counts as on time; one still open past its deadline is late) — read by the same rule as the
 * monitoring warnings, from the assessment's own records of a kind.
 */
function doneOnTime(kind: OwnFactKind, link: RecordLink): Indicator {
  return {
    link,
    facts: [kind],
    measure({ period, asOfDay, result, none, factsOf }) {
      let counted = 0;
      const late: RecordItem[] = [];
      for (const r of factsOf(kind)) {
        const standing = warningStanding(r, period.span, asOfDay);
        if (standing === null) continue;
        counted++;
        if (standing === 'late') late.push({ id: r.recordId, note: r.day ?? '' });
      }
      if (counted === 0) return none();
      const onTime = counted - late.length;
      return result(percent(onTime, counted), onTime, counted, late);
    },
  };
}

/** 倒排工期任务按期完成率 — tasks completed by their deadline. */
export const tasksOnTime = doneOnTime('task', {
  service: 'assessment',
  path: '/tasks/{id}',
  label: {
    zh: '未按期完成的任务（备注为完成时限）',
    en: 'Tasks not done on time (note: deadline)',
  },
});

/** 督查整改按期销号率 — rectification orders closed by their deadline. */
export const rectificationsOnTime = doneOnTime('rectification', {
  service: 'assessment',
  path: '/rectifications/{id}',
  label: {
    zh: '未按期销号的整改通知（备注为整改期限）',
    en: 'Rectification orders not closed on time (note: deadline)',
  },
});

/** 信访按期答复率 — complaints answered by their due day. */
export const complaintsOnTime = doneOnTime('complaint', {
  service: 'assessment',
  path: '/complaints/{id}',
  label: {
    zh: '未按期答复的信访件（备注为答复期限）',
    en: 'Complaints not answered on time (note: due day)',
  },
});
