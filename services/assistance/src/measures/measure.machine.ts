import { bi, conflict } from '@fupin/kit';
import type { MeasureStatus } from './measure.model';

/**
 * The measure status machine: planned → in_progress → done, and cancelled from either of the
 * first two. Done and cancelled are final (a new measure is planned instead).
 */
export const TRANSITIONS: Readonly<Record<MeasureStatus, readonly MeasureStatus[]>> = {
  planned: ['in_progress', 'cancelled'],
  in_progress: ['done', 'cancelled'],
  done: [],
  cancelled: [],
};

/** The states' names in both languages (messages, the dossier's timeline). */
export const MEASURE_STATUS_LABELS: Record<MeasureStatus, { zh: string; en: string }> = {
  planned: { zh: '计划', en: 'planned' },
  in_progress: { zh: '实施中', en: 'in progress' },
  done: { zh: '已完成', en: 'done' },
  cancelled: { zh: '已取消', en: 'cancelled' },
};

export function canMove(from: MeasureStatus, to: MeasureStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Refuses a step the machine does not have, naming both states and what is allowed. */
export function assertMove(from: MeasureStatus, to: MeasureStatus): void {
  if (canMove(from, to)) return;
  const allowed = TRANSITIONS[from];
  throw conflict(
    'ASSISTANCE_MEASURE_TRANSITION_REFUSED',
    bi(
      `措施不能从「${MEASURE_STATUS_LABELS[from].zh}」变为「${MEASURE_STATUS_LABELS[to].zh}」${
        allowed.length
          ? `，只能变为：${allowed.map((s) => MEASURE_STATUS_LABELS[s].zh).join('、')}`
          : '（已是最终状态）'
      }`,
      `A measure cannot go from ${MEASURE_STATUS_LABELS[from].en} to ${MEASURE_STATUS_LABELS[to].en}${
        allowed.length
          ? `; allowed: ${allowed.map((s) => MEASURE_STATUS_LABELS[s].en).join(', ')}`
          : ' (final state)'
      }`,
    ),
    { from, to, allowed },
  );
}

/** Details may change while the measure is still open; a done or cancelled one is history. */
export function isOpen(status: MeasureStatus): boolean {
  return status === 'planned' || status === 'in_progress';
}
