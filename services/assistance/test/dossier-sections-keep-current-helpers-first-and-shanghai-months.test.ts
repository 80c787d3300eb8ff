import { bounded, type ProjectedHousehold } from '@fupin/kit';
import { helpersSection, planSection, visitCalendar } from '../src/dossier/dossier.sections';
import type { HelperView } from '../src/helpers/helper.service';
import type { Pairing } from '../src/pairings/pairing.model';
import type { Plan } from '../src/plans/plan.model';

const pairing = (id: string, o: Partial<Pairing>): Pairing =>
  ({
    _id: id,
    helperId: `h-${id}`,
    helperName: `干部${id}`,
    helperUnit: '县农业农村局',
    helperRank: 'general',
    householdId: 'hh',
    role: 'contact',
    startDate: '2025-01-01',
    endDate: null,
    status: 'active',
    endReason: null,
    ...o,
  }) as Pairing;

test('current pairings come first, the key helper before contacts, then the past, latest first', () => {
  const rows = helpersSection(
    bounded(
      [
        pairing('old', { status: 'ended', startDate: '2023-01-01', endDate: '2023-12-31' }),
        pairing('contact', { startDate: '2026-02-01' }),
        pairing('recent', { status: 'ended', startDate: '2024-01-01', endDate: '2024-12-31' }),
        pairing('key', { role: 'key', startDate: '2025-01-01' }),
      ],
      5,
    ),
    [{ id: 'h-key', phone: '138****5678' } as HelperView],
  );
  expect(rows.items.map((r) => r.pairingId)).toEqual(['key', 'contact', 'recent', 'old']);
  // A helper the caller does not see (registered in another township) shows no phone.
  expect(rows.items.map((r) => r.phone)).toEqual(['138****5678', null, null, null]);
  expect(rows).toMatchObject({ total: 5, omitted: 1 });
});

test('the calendar is the twelve Shanghai months up to the current one', () => {
  // 1 March 2026, 00:30 in Beijing: still February in UTC.
  const cal = visitCalendar(
    [
      { month: '2026-03', visits: 2, photos: 0 },
      { month: '2025-04', visits: 1, photos: 0 },
      { month: '2025-03', visits: 5, photos: 0 },
    ],
    new Date('2026-02-28T16:30:00Z'),
  );
  expect(cal).toMatchObject({ from: '2025-04', to: '2026-03', visitedMonths: 2 });
  expect(cal.months[0]).toEqual({ month: '2025-04', visited: true, visits: 1 });
  expect(cal.months[11]).toEqual({ month: '2026-03', visited: true, visits: 2 });
  expect(cal.months.slice(1, 11).every((m) => !m.visited && m.visits === 0)).toBe(true);
});

test("a plan made for other causes than the registry's now says so; no plan is null", () => {
  const household = {
    mainCause: 'illness',
    otherCauses: ['lack_of_capital'],
  } as ProjectedHousehold;
  const plan = {
    _id: 'hh',
    causes: { mainCause: 'lack_of_skills', otherCauses: [] },
    summary: '转移就业',
    targets: [],
    progress: [],
    progressPercent: 0,
    history: [],
    createdAt: new Date('2026-01-01T00:00:00Z'),
    updatedAt: new Date('2026-01-01T00:00:00Z'),
    revision: 1,
  } as unknown as Plan;
  expect(planSection(plan, household)).toMatchObject({
    causesChanged: true,
    currentCauses: { mainCause: 'illness', otherCauses: ['lack_of_capital'] },
  });
  expect(
    planSection(
      { ...plan, causes: { mainCause: 'illness', otherCauses: ['lack_of_capital'] } },
      household,
    )?.causesChanged,
  ).toBe(false);
  expect(planSection(null, household)).toBeNull();
});
