import { supplierOf } from '../src/lists/list-departments';
import { firstOfMonthsBefore } from '../src/quality/quality.service';

test('the default period starts on the first of the month eleven months before the end', () => {
  expect(firstOfMonthsBefore('2026-05-31', 11)).toBe('2025-06-01');
  expect(firstOfMonthsBefore('2026-12-05', 11)).toBe('2026-01-01');
  expect(firstOfMonthsBefore('2026-11-30', 11)).toBe('2025-12-01');
  expect(firstOfMonthsBefore('2026-01-01', 11)).toBe('2025-02-01');
  expect(firstOfMonthsBefore('2026-03-15', 0)).toBe('2026-03-01');
});

test('each list type names the department that supplies it, the first where two may', () => {
  expect(supplierOf('vehicles')).toBe('public_security');
  expect(supplierOf('deaths')).toBe('public_security');
  expect(supplierOf('medical_insurance')).toBe('medical_security');
  expect(supplierOf('pension_receipts')).toBe('human_resources');
  expect(supplierOf('employment_wages')).toBe('human_resources');
  expect(supplierOf('disability_certificates')).toBe('disabled_persons_federation');
  expect(supplierOf('household_moves')).toBe('public_security');
  expect(supplierOf('village_cadres')).toBeUndefined();
});
