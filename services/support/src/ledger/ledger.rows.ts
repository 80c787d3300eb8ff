import type { BenefitRow } from '@fupin/contracts';
import type { SubsidyPayment } from '../education/education.model';
import { SubsidyType } from '../education/education.reference';
import type { InpatientEpisode } from '../health/health.model';
import { labelOf, termLabel } from '../dossier/dossier-time';

// 受益底册, the support rows, pure: each education subsidy paid to a student (免学费 as
// tuition_waiver, the others education_subsidy; voided ones counted nowhere), and each 90% top-up
// paid after an in-patient stay, with what is still owed as a row only recorded.

const yearOf = (day: string) => Number(day.slice(0, 4));

/** How a subsidy's kind reads in the ledger where its code's label alone is too short. */
const SUBSIDY_TITLES: Partial<Record<SubsidyType, { zh: string; en: string }>> = {
  rain_dew_plan: { zh: '雨露计划补助', en: 'Rain-dew plan grant' },
};

/** The subsidies paid and not voided, one row each, for the student as the member. */
export function subsidyRows(payments: SubsidyPayment[]): BenefitRow[] {
  return payments
    .filter((x) => !x.voided)
    .map((x) => {
      const title = SUBSIDY_TITLES[x.type] ?? labelOf(SubsidyType, x.type);
      const term = termLabel(x.term);
      return {
        id: x._id,
        source: 'support',
        kind: x.type === 'tuition_waiver' ? 'tuition_waiver' : 'education_subsidy',
        householdId: x.householdId,
        areaCode: x.areaCode,
        year: yearOf(x.paidOn),
        on: x.paidOn,
        amountFen: x.amountFen,
        status: 'paid',
        label: { 'zh-CN': `${title.zh} ${term.zh}`, en: `${title.en}, ${term.en}` },
        projectId: null,
        memberId: x.personId,
        // The console shows a subsidy on its student's page.
        ref: { resource: 'support-students', id: x.studentId },
      };
    });
}

/** 住院费用追补到90%: each top-up paid (its day), and the part still owed, recorded. */
export function topUpRows(episodes: InpatientEpisode[]): BenefitRow[] {
  return episodes.flatMap((e) => {
    const stay = e.dischargedOn ?? e.admittedOn;
    const common = {
      source: 'support' as const,
      kind: 'medical_top_up',
      householdId: e.householdId,
      areaCode: e.areaCode,
      projectId: null,
      memberId: e.personId,
      ref: { resource: 'support-inpatient-episodes', id: e._id },
    };
    const label = (zh: string, en: string) => ({
      'zh-CN': `住院费用追补到90% ${e.hospital}（${e.admittedOn}入院）${zh}`,
      en: `In-patient top-up to 90%, ${e.hospital} (admitted ${e.admittedOn})${en}`,
    });
    const rows: BenefitRow[] = e.topUpPayments.map((t) => ({
      ...common,
      id: `${e._id}:${t.id}`,
      year: yearOf(t.paidOn),
      on: t.paidOn,
      amountFen: t.amountFen,
      status: 'paid',
      label: label('', ''),
    }));
    const owed = e.topUpFen - e.topUpPaidFen;
    if (owed > 0)
      rows.push({
        ...common,
        id: `${e._id}:owed`,
        year: yearOf(stay),
        on: null,
        amountFen: owed,
        status: 'recorded',
        label: label(' 待追补', ', still owed'),
      });
    return rows;
  });
}
