import { flagOf, latestReceipts, type ReceiptSeen } from '../src/ledger/ledger.unconfirmed';

const seen = (result: ReceiptSeen['result'], recordedAt: string): ReceiptSeen => ({
  source: 'funds',
  rowId: 'f-1',
  result,
  amountFen: 0,
  visitId: 'v-1',
  visitDate: '2026-03-01',
  note: '',
  recordedAt,
});

test('a payment made exactly the grace days ago is not yet flagged, one day more is', () => {
  expect(flagOf('2026-03-01', undefined, '2026-03-31', 30)).toBeNull();
  expect(flagOf('2026-03-01', undefined, '2026-04-01', 30)).toBe('unconfirmed');
});

test("the household's word counts at once: confirmed clears, not received flags within the grace", () => {
  expect(flagOf('2026-03-01', seen('confirmed', 'x'), '2026-09-01', 30)).toBeNull();
  expect(flagOf('2026-03-01', seen('not_received', 'x'), '2026-03-02', 30)).toBe('not_received');
  expect(flagOf('2026-03-01', seen('amount_differs', 'x'), '2026-03-02', 30)).toBe(
    'amount_differs',
  );
});

test('the latest confirmation of a row wins over an earlier one', () => {
  const latest = latestReceipts([
    seen('not_received', '2026-03-02T00:00:00Z'),
    seen('confirmed', '2026-03-05T00:00:00Z'),
    seen('amount_differs', '2026-03-03T00:00:00Z'),
  ]);
  expect(latest.get('funds:f-1')?.result).toBe('confirmed');
});
