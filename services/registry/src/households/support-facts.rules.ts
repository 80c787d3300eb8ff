import {
  CoverageRecorded,
  DropoutCaseClosed,
  DropoutCaseOpened,
  EnrollmentRecorded,
  type Envelope,
} from '@fupin/contracts';
import { termOrdinal } from '@fupin/reference';
import type { MemberSupportFacts } from './household.model';

// What support's events tell the registry of a member (pure): the latest enrollment, the open
// dropout cases, the latest basic medical coverage. Applying an event twice changes nothing.

/** The support topics the registry follows for the guarantees. */
export const SUPPORT_FACT_TOPICS = [
  EnrollmentRecorded.topic,
  DropoutCaseOpened.topic,
  CoverageRecorded.topic,
];

/** The household an event of those topics belongs to, or null for one that says nothing here. */
export function householdOfSupportEvent(e: Envelope): string | null {
  if (e.type === EnrollmentRecorded.type)
    return EnrollmentRecorded.payload.parse(e.payload).householdId;
  if (e.type === DropoutCaseOpened.type || e.type === DropoutCaseClosed.type)
    return DropoutCaseOpened.payload.parse(e.payload).dropoutCase.householdId;
  if (e.type === CoverageRecorded.type) {
    const p = CoverageRecorded.payload.parse(e.payload);
    return p.kind === 'basic_medical' ? p.householdId : null;
  }
  return null;
}

const empty = (memberId: string): MemberSupportFacts => ({
  memberId,
  enrollment: null,
  openDropoutCases: [],
  basicMedical: null,
});

function change(
  facts: MemberSupportFacts[],
  memberId: string,
  f: (m: MemberSupportFacts) => MemberSupportFacts,
): MemberSupportFacts[] {
  const found = facts.some((m) => m.memberId === memberId);
  const all = found ? facts : [...facts, empty(memberId)];
  return all.map((m) => (m.memberId === memberId ? f(m) : m));
}

/**
 * The facts after one event. An enrollment of an earlier term than the one known, or a coverage
 * of an earlier year, is kept out (the latest wins; the same term or year is replaced).
 */
export function applySupportEvent(facts: MemberSupportFacts[], e: Envelope): MemberSupportFacts[] {
  if (e.type === EnrollmentRecorded.type) {
    const p = EnrollmentRecorded.payload.parse(e.payload);
    return change(facts, p.personId, (m) =>
      m.enrollment && termOrdinal(m.enrollment.term) > termOrdinal(p.term)
        ? m
        : { ...m, enrollment: { term: p.term, status: p.status, stage: p.stage } },
    );
  }
  if (e.type === DropoutCaseOpened.type || e.type === DropoutCaseClosed.type) {
    const c = DropoutCaseOpened.payload.parse(e.payload).dropoutCase;
    const open = c.status === 'open' && e.type === DropoutCaseOpened.type;
    return change(facts, c.personId, (m) => {
      const others = m.openDropoutCases.filter((id) => id !== c.id);
      return { ...m, openDropoutCases: open ? [...others, c.id].sort() : others };
    });
  }
  if (e.type === CoverageRecorded.type) {
    const p = CoverageRecorded.payload.parse(e.payload);
    if (p.kind !== 'basic_medical') return facts;
    return change(facts, p.personId, (m) =>
      m.basicMedical && m.basicMedical.year > p.year
        ? m
        : { ...m, basicMedical: { year: p.year, enrolled: p.enrolled } },
    );
  }
  return facts;
}
