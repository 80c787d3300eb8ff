import {
  missingInfrastructure,
  noInfrastructure,
  povertyIncidencePercent,
  villageFigures,
} from '../src/villages/village.rules';

test('incidence is still-poor people over the rural population, in percent with two decimals', () => {
  expect(povertyIncidencePercent(7, 350)).toBe(2);
  expect(povertyIncidencePercent(5, 350)).toBe(1.43);
  expect(povertyIncidencePercent(0, 350)).toBe(0);
  // Unknown or empty population: no figure rather than a division by zero or a guess.
  expect(povertyIncidencePercent(5, null)).toBeNull();
  expect(povertyIncidencePercent(5, 0)).toBeNull();
});

test('returned households are still poor; exited and unstable are registered only; monitoring-only ones are neither', () => {
  const byStatus = new Map([
    ['in_poverty', { households: 2, people: 5 }],
    ['returned', { households: 1, people: 2 }],
    ['exited', { households: 3, people: 9 }],
    ['unstable', { households: 1, people: 4 }],
    ['marginal', { households: 4, people: 12 }],
    ['candidate', { households: 1, people: 3 }],
  ]);
  expect(villageFigures(byStatus, 700)).toEqual({
    registered: { households: 7, people: 20 },
    stillPoor: { households: 3, people: 7 },
    povertyIncidencePercent: 1,
  });
});

test('a village lacks every infrastructure item until it is recorded in place', () => {
  const infra = noInfrastructure();
  expect(missingInfrastructure(infra)).toHaveLength(6);
  infra.broadband = { inPlace: true, note: null };
  expect(missingInfrastructure(infra)).not.toContain('broadband');
});
