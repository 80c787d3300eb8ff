import { evidenceProblems } from '../src/receipts/receipt.rules';

test('a confirmation without a photo or a code names the missing evidence', () => {
  expect(evidenceProblems({}, ['p1'])).toEqual([
    expect.objectContaining({ field: 'signaturePhotoId', code: 'evidence_required' }),
  ]);
  expect(evidenceProblems({ signaturePhotoId: null, confirmationCode: null }, [])).toHaveLength(1);
});

test('a code alone is enough, and a photo must be one of the visit', () => {
  expect(evidenceProblems({ confirmationCode: 'A7K2' }, [])).toEqual([]);
  expect(evidenceProblems({ signaturePhotoId: 'p1' }, ['p1', 'p2'])).toEqual([]);
  expect(evidenceProblems({ signaturePhotoId: 'p9' }, ['p1'])).toEqual([
    expect.objectContaining({ field: 'signaturePhotoId', code: 'not_of_visit' }),
  ]);
});
