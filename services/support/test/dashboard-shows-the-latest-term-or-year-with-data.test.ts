import { healthYearToShow, termToShow, yearToShow } from '../src/statistics/default-period';

// The demo's records end in 2020 while the cards asked for the current term and year: they
// showed zeros. Asked for none, they show the current period when it has data, else the latest
// earlier one that has.

test('the current term when it has data or when nothing earlier has', () => {
  expect(termToShow('2026-autumn', ['2019-spring', '2026-autumn'])).toEqual({
    term: '2026-autumn',
    latestWithData: false,
  });
  expect(termToShow('2026-autumn', [])).toEqual({ term: '2026-autumn', latestWithData: false });
  expect(termToShow('2026-autumn', ['2027-spring'])).toEqual({
    term: '2026-autumn',
    latestWithData: false,
  });
});

test('else the latest earlier term, autumn after spring of the same year', () => {
  expect(termToShow('2026-autumn', ['2020-autumn', '2020-spring', '2019-autumn'])).toEqual({
    term: '2020-autumn',
    latestWithData: true,
  });
  expect(termToShow('2021-spring', ['2020-autumn', '2021-autumn'])).toEqual({
    term: '2020-autumn',
    latestWithData: true,
  });
});

test('the year by the same rule', () => {
  expect(yearToShow(2026, [2018, 2020, 2027])).toEqual({ year: 2020, latestWithData: true });
  expect(yearToShow(2026, [2026, 2020])).toEqual({ year: 2026, latestWithData: false });
  expect(yearToShow(2026, [])).toEqual({ year: 2026, latestWithData: false });
});

test('the health card follows the insurance years; hospital stays alone only without any', () => {
  // The demo: insurance of 2020, three stays this year (防返贫 monitoring's): the card shows 2020.
  expect(healthYearToShow(2026, [2019, 2020], 2026)).toEqual({ year: 2020, latestWithData: true });
  expect(healthYearToShow(2026, [2026], 2026)).toEqual({ year: 2026, latestWithData: false });
  expect(healthYearToShow(2026, [], 2019)).toEqual({ year: 2019, latestWithData: true });
  expect(healthYearToShow(2026, [], null)).toEqual({ year: 2026, latestWithData: false });
});
