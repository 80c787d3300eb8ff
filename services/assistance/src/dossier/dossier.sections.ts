import { type Bounded, bounded, brief, type ProjectedHousehold, timelineInstant } from '@fupin/kit';
import dayjs from 'dayjs';
import { ZONE } from '../common/calendar';
import type { HelperView } from '../helpers/helper.service';
import type { Measure } from '../measures/measure.model';
import type { Pairing } from '../pairings/pairing.model';
import type { Plan } from '../plans/plan.model';
import type { Visit } from '../visits/visit.model';
import { photoUrl } from '../visits/visit.service';

// The assistance part's sections, pure: the records read for one household in, what a township
// clerk or an inspector reads of them out. Codes stay codes (the console translates them),
// money is integer fen, days are YYYY-MM-DD; a phone is only ever its masked form.

/** Visits and photos of one month of the household (its visits grouped by month). */
export interface MonthOfVisits {
  month: string;
  visits: number;
  photos: number;
}

/** 帮扶责任人 — a helper paired with the household, now or before. */
export interface HelperRow {
  pairingId: string;
  helperId: string;
  name: string;
  unit: string;
  rank: string;
  role: string;
  /** Masked (138****1234); null when none is on record or the helper is not visible here. */
  phone: string | null;
  startDate: string;
  endDate: string | null;
  status: 'active' | 'ended';
  endReason: string | null;
}

export function helpersSection(
  pairings: Bounded<Pairing>,
  helpers: HelperView[],
): Bounded<HelperRow> {
  const phones = new Map(helpers.map((h) => [h.id, h.phone]));
  // Current pairings first (the key helper before contacts), then the past, latest first.
  const rank = (x: Pairing) => (x.status === 'active' ? (x.role === 'key' ? 0 : 1) : 2);
  const rows = [...pairings.items]
    .sort((a, b) => rank(a) - rank(b) || b.startDate.localeCompare(a.startDate))
    .map((x) => ({
      pairingId: x._id,
      helperId: x.helperId,
      name: x.helperName,
      unit: x.helperUnit,
      rank: x.helperRank,
      role: x.role,
      phone: phones.get(x.helperId) ?? null,
      startDate: x.startDate,
      endDate: x.endDate,
      status: x.status,
      endReason: x.endReason,
    }));
  return bounded(rows, pairings.total);
}

const PROGRESS_SHOWN = 50;

/** 一户一策 as the dossier shows it; null when the household has no plan yet. */
export function planSection(plan: Plan | null, household: ProjectedHousehold) {
  if (!plan) return null;
  const currentCauses = { mainCause: household.mainCause, otherCauses: household.otherCauses };
  const progress = [...plan.progress].reverse();
  return {
    summary: plan.summary,
    /** The causes as the registry stated them when the plan was last saved. */
    causes: plan.causes,
    /** The registry's causes now: a plan made for other causes needs revisiting. */
    currentCauses,
    causesChanged: !sameCauses(plan.causes, currentCauses),
    targets: [...plan.targets].sort((a, b) => a.year - b.year),
    progressPercent: plan.progressPercent,
    progress: bounded(
      progress.slice(0, PROGRESS_SHOWN).map((x) => ({
        date: x.date,
        percent: x.percent,
        note: x.note,
        by: x.actorName,
      })),
      progress.length,
    ),
    versions: plan.history.length,
    createdAt: timelineInstant(plan.createdAt),
    updatedAt: timelineInstant(plan.updatedAt),
    revision: plan.revision,
  };
}

function sameCauses(
  a: { mainCause: string | null; otherCauses: string[] },
  b: { mainCause: string | null; otherCauses: string[] },
): boolean {
  const set = (x: string[]) => [...x].sort().join('\u241f');
  return a.mainCause === b.mainCause && set(a.otherCauses) === set(b.otherCauses);
}

/** 五个一批 and the other measures, newest first, with their amounts and every status step. */
export function measuresSection(measures: Bounded<Measure>) {
  const items = measures.items.map((m) => ({
    id: m._id,
    category: m.category,
    type: m.type,
    description: m.description,
    status: m.status,
    amountFen: m.amountFen,
    quantity: m.quantity,
    unit: m.unit,
    startDate: m.startDate,
    endDate: m.endDate,
    helperName: m.helperName,
    projectId: m.projectId,
    steps: m.steps.map((s) => ({
      at: timelineInstant(s.at),
      from: s.from,
      to: s.to,
      reason: s.reason,
    })),
  }));
  const counted = measures.items.filter((m) => m.status !== 'cancelled');
  return {
    ...bounded(items, measures.total),
    /** The amounts of the measures shown, cancelled ones left out (integer fen). */
    amountFen: counted.reduce((sum, m) => sum + (m.amountFen ?? 0), 0),
  };
}

const SUMMARY_CHARS = 120;

/** 入户走访 — the visits, newest first, each with a summary of what was found and done. */
export function visitsSection(visits: Visit[], months: MonthOfVisits[]) {
  const total = months.reduce((sum, m) => sum + m.visits, 0);
  const items = visits.map((v) => ({
    id: v._id,
    date: v.date,
    helperId: v.helperId,
    helperName: v.helperName,
    findings: brief(v.findings, SUMMARY_CHARS),
    actions: brief(v.actions, SUMMARY_CHARS),
    nextSteps: brief(v.nextSteps, SUMMARY_CHARS),
    photos: v.photos.length,
    lateEntry: v.lateEntry,
  }));
  return { ...bounded(items, total), lastVisitDate: visits[0]?.date ?? null };
}

/** The twelve months up to `now`'s month in Asia/Shanghai, oldest first. */
export function lastTwelveMonths(now: Date): string[] {
  const current = dayjs(now).tz(ZONE).startOf('month');
  return Array.from({ length: 12 }, (_, i) => current.subtract(11 - i, 'month').format('YYYY-MM'));
}

/** 走访日历 — for each of the last twelve months, how many visits the household had. */
export function visitCalendar(months: MonthOfVisits[], now: Date) {
  const byMonth = new Map(months.map((m) => [m.month, m.visits]));
  const shown = lastTwelveMonths(now).map((month) => {
    const visits = byMonth.get(month) ?? 0;
    return { month, visited: visits > 0, visits };
  });
  return {
    from: shown[0]!.month,
    to: shown[shown.length - 1]!.month,
    months: shown,
    visitedMonths: shown.filter((m) => m.visited).length,
  };
}

const PHOTOS_SHOWN = 200;

/** The visits' photos as the service serves them (links, no bytes), newest visit first. */
export function photosSection(visits: Visit[], months: MonthOfVisits[]) {
  const total = months.reduce((sum, m) => sum + m.photos, 0);
  const items = visits
    .flatMap((v) =>
      v.photos.map((ph) => ({
        visitId: v._id,
        photoId: ph.id,
        date: v.date,
        helperName: v.helperName,
        contentType: ph.contentType,
        bytes: ph.bytes,
        url: photoUrl(v._id, ph.id),
      })),
    )
    .slice(0, PHOTOS_SHOWN);
  return bounded(items, total);
}
