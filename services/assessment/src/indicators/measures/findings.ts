import { RULE_DEPARTMENT } from '../handlers/matching.handler';
import type { Indicator, MeasureContext } from '../measurement';

const FINDING_DEPARTMENTS = new Set(Object.values(RULE_DEPARTMENT));

/**
 * The matching findings open at the period's end (for a department, the confirmed ones only);
 * `overdue` keeps those past their due day.
 */
function openFindings(overdue: boolean) {
  return ({ unit, last, result, none, factsOf }: MeasureContext) => {
    if (unit.kind === 'department' && !FINDING_DEPARTMENTS.has(unit.code)) return none();
    // A department is charged only with what the township confirmed (属实), not with findings
    // still unverified or dismissed as not a problem; a township answers for all of them.
    const open = factsOf('finding').filter(
      (f) =>
        (f.to === null ? f.status !== 'closed' : f.to > last) &&
        (unit.kind !== 'department' || f.data.conclusion === 'confirmed'),
    );
    const counted = overdue
      ? open.filter((f) => String(f.data.dueDay ?? '9999-12-31') <= last)
      : open;
    return result(
      counted.length,
      counted.length,
      null,
      counted.map((f) => ({ id: f.recordId })),
    );
  };
}

/** 未销号疑点 — matching findings still open. */
export const findingsOpen: Indicator = {
  link: {
    service: 'matching',
    path: '/findings/{id}',
    label: { zh: '未销号的比对疑点', en: 'Open matching findings' },
  },
  facts: ['finding'],
  measure: openFindings(false),
};

/** 逾期疑点 — matching findings still open past their due day. */
export const findingsOverdue: Indicator = {
  link: {
    service: 'matching',
    path: '/findings/{id}',
    label: { zh: '逾期未销号的比对疑点', en: 'Overdue matching findings' },
  },
  facts: ['finding'],
  measure: openFindings(true),
};
