import type { DossierTimelineEntry } from '@fupin/contracts';
import { type Bounded, bounded, timelineDay, timelineInstant } from '@fupin/kit';
import { SchoolStage } from '@fupin/reference';
import type {
  DropoutCase,
  Enrollment,
  Student,
  SubsidyPayment,
} from '../education/education.model';
import {
  DropoutCloseReason,
  EnrollmentStatus,
  SubsidyType,
} from '../education/education.reference';
import { parseTerm, schoolYearOf } from '../education/school-calendar';
import type { PaymentGroup } from './dossier.reads';
import { entry, labelOf, money, termLabel, termStart } from './dossier-time';

// 教育扶贫 in a household's dossier: its students with their current terms, the subsidies paid,
// the 控辍保学 cases, and what of them the timeline tells. Pure: records in, sections out.

/** The term before a term (autumn → that year's spring; spring → the autumn before). */
export function previousTerm(term: string): string {
  const t = parseTerm(term);
  if (!t) throw new RangeError(`not a term: ${term}`);
  return t.season === 'autumn' ? `${t.year}-spring` : `${t.year - 1}-autumn`;
}

/** A student's status in one term; `status` null when nothing was recorded for the term. */
export interface TermEnrollment {
  term: string;
  status: string | null;
  school: string | null;
  stage: string | null;
  grade: number | null;
  source: string | null;
}

export interface DossierStudent {
  studentId: string;
  personId: string;
  name: string;
  /** The current school, stage and grade (those of the latest term recorded). */
  school: string;
  stage: string;
  grade: number;
  latestTerm: string | null;
  /** The current term then the one before. */
  terms: TermEnrollment[];
}

/** 在校生: each student with their enrollment in the current and the previous term. */
export function studentsSection(
  students: Bounded<Student>,
  enrollments: Bounded<Enrollment>,
  currentTerm: string,
) {
  const terms = [currentTerm, previousTerm(currentTerm)];
  const byKey = new Map(enrollments.items.map((e) => [`${e.studentId}:${e.term}`, e]));
  const items: DossierStudent[] = students.items.map((s) => ({
    studentId: s._id,
    personId: s.personId,
    name: s.name,
    school: s.school,
    stage: s.stage,
    grade: s.grade,
    latestTerm: s.latestTerm,
    terms: terms.map((term) => {
      const e = byKey.get(`${s._id}:${term}`);
      return {
        term,
        status: e?.status ?? null,
        school: e?.school ?? null,
        stage: e?.stage ?? null,
        grade: e?.grade ?? null,
        source: e?.source ?? null,
      };
    }),
  }));
  const { total, omitted } = enrollments;
  return { currentTerm, ...bounded(items, students.total), enrollments: { total, omitted } };
}

/** 资助发放: every payment (a voided one flagged), and the paid totals by year and type. */
export function subsidiesSection(payments: Bounded<SubsidyPayment>, groups: PaymentGroup[]) {
  const items = payments.items.map((x) => ({
    id: x._id,
    studentId: x.studentId,
    personId: x.personId,
    name: x.name,
    type: x.type,
    stage: x.stage,
    term: x.term,
    schoolYear: schoolYearOf(x.term),
    amountFen: x.amountFen,
    standard: x.standard,
    paidOn: x.paidOn,
    department: x.department,
    voided: x.voided,
    voidReason: x.voidReason,
  }));
  return { ...bounded(items, payments.total), totals: subsidyTotals(groups) };
}

/**
 * What was paid, by calendar year of payment and type, newest year first; voided payments
 * were never a benefit and count nowhere.
 */
export function subsidyTotals(groups: PaymentGroup[]) {
  const rows = new Map<
    string,
    { year: number; type: string; payments: number; amountFen: number }
  >();
  for (const g of groups) {
    if (g._id.voided) continue;
    const year = Number(g._id.paidOn.slice(0, 4));
    const key = `${year}:${g._id.type}`;
    const row = rows.get(key) ?? { year, type: g._id.type, payments: 0, amountFen: 0 };
    row.payments += g.payments;
    row.amountFen += g.amountFen;
    rows.set(key, row);
  }
  const byYear = [...rows.values()].sort((a, b) => b.year - a.year || a.type.localeCompare(b.type));
  return {
    byYear,
    payments: byYear.reduce((n, r) => n + r.payments, 0),
    amountFen: byYear.reduce((n, r) => n + r.amountFen, 0),
  };
}

/** 控辍保学: open and closed cases, with who follows them up and how they ended. */
export function dropoutCasesSection(dropouts: Bounded<DropoutCase>) {
  const items = dropouts.items.map((c) => {
    const last = c.followUps.length ? c.followUps[c.followUps.length - 1] : undefined;
    return {
      id: c._id,
      personId: c.personId,
      name: c.name,
      schoolYear: c.schoolYear,
      term: c.term,
      expectedStage: c.expectedStage,
      expectedGrade: c.expectedGrade,
      status: c.status,
      owner: c.owner ? { name: c.owner.name, unit: c.owner.unit } : null,
      followUps: c.followUps.length,
      lastFollowUp: last ? { on: last.on, note: last.note } : null,
      openedAt: timelineInstant(c.openedAt),
      closedAt: c.closedAt ? timelineInstant(c.closedAt) : null,
      closeReason: c.closeReason,
      closeNote: c.closeNote,
      returnedTo: c.returnedTo,
    };
  });
  return {
    ...bounded(items, dropouts.total),
    open: items.filter((c) => c.status === 'open').length,
  };
}

const STUDENT = 'support-students';
const DROPOUT = 'support-dropout-cases';

/** Enrollments (at their term's start), subsidies paid, dropout cases opened and closed. */
export function educationTimeline(
  enrollments: Enrollment[],
  payments: SubsidyPayment[],
  dropouts: DropoutCase[],
): DossierTimelineEntry[] {
  const out: DossierTimelineEntry[] = [];
  for (const e of enrollments) {
    const term = termLabel(e.term);
    const status = labelOf(EnrollmentStatus, e.status);
    const stage = labelOf(SchoolStage, e.stage);
    out.push(
      entry(
        termStart(e.term),
        'enrollment',
        `${e.name} ${term.zh}${status.zh}（${e.school}，${stage.zh}${e.grade}年级）`,
        `${e.name}: ${status.en.toLowerCase()}, ${term.en} (${e.school}, ${stage.en} grade ${e.grade})`,
        { resource: STUDENT, id: e.studentId },
      ),
    );
  }
  for (const x of payments) {
    if (x.voided) continue;
    const type = labelOf(SubsidyType, x.type);
    const amount = money(x.amountFen);
    const term = termLabel(x.term);
    out.push(
      entry(
        timelineDay(x.paidOn),
        'subsidy_paid',
        `${x.name} 获发${type.zh}${amount.zh}（${term.zh}，${x.department}）`,
        `${x.name} was paid ${type.en} of ${amount.en} (${term.en}, ${x.department})`,
        { resource: STUDENT, id: x.studentId },
      ),
    );
  }
  for (const c of dropouts) out.push(...dropoutEntries(c));
  return out;
}

function dropoutEntries(c: DropoutCase): DossierTimelineEntry[] {
  const ref = { resource: DROPOUT, id: c._id };
  const stage = labelOf(SchoolStage, c.expectedStage);
  const out = [
    entry(
      timelineInstant(c.openedAt),
      'dropout_case_opened',
      `${c.name} 未在读，控辍保学立案（应读${stage.zh}${c.expectedGrade}年级）`,
      `${c.name} not in school: dropout case opened (due in ${stage.en} grade ${c.expectedGrade})`,
      ref,
    ),
  ];
  if (c.status === 'closed' && c.closedAt) {
    const reason = c.closeReason
      ? labelOf(DropoutCloseReason, c.closeReason)
      : { zh: '已销号', en: 'closed' };
    out.push(
      entry(
        timelineInstant(c.closedAt),
        'dropout_case_closed',
        `${c.name} 控辍保学销号：${reason.zh}`,
        `${c.name}'s dropout case closed: ${reason.en}`,
        ref,
      ),
    );
  }
  return out;
}
