import { transition, type WorkflowState } from '../src/findings/finding.workflow';

const state = (over: Partial<WorkflowState>): WorkflowState => ({
  status: 'assigned',
  conclusion: null,
  review: null,
  ...over,
});
const code = (t: ReturnType<typeof transition>) => (t.ok ? t.status : t.code);

test('an assigned finding is verified before anything else', () => {
  expect(code(transition(state({}), 'verify', 'a'))).toBe('verified');
  expect(code(transition(state({}), 'rectify', 'a'))).toBe('MATCHING_FINDING_NOT_VERIFIED');
  expect(code(transition(state({}), 'review', 'a'))).toBe('MATCHING_FINDING_NOT_READY_FOR_REVIEW');
  expect(code(transition(state({}), 'close', 'a'))).toBe('MATCHING_FINDING_REVIEW_REQUIRED');
});

test('a confirmed finding is rectified before review; others go to review directly', () => {
  const confirmed = state({ status: 'verified', conclusion: 'confirmed' });
  expect(code(transition(confirmed, 'review', 'a'))).toBe('MATCHING_FINDING_NOT_READY_FOR_REVIEW');
  expect(code(transition(confirmed, 'rectify', 'a'))).toBe('rectified');
  expect(
    code(transition(state({ status: 'rectified', conclusion: 'confirmed' }), 'review', 'a')),
  ).toBe('reviewed');
  for (const conclusion of ['not_confirmed', 'data_corrected'] as const)
    expect(code(transition(state({ status: 'verified', conclusion }), 'review', 'a'))).toBe(
      'reviewed',
    );
  expect(
    code(transition(state({ status: 'verified', conclusion: 'not_confirmed' }), 'rectify', 'a')),
  ).toBe('MATCHING_FINDING_NOTHING_TO_RECTIFY');
});

test('closing needs a second reviewer other than the first', () => {
  const reviewed = state({ status: 'reviewed', conclusion: 'confirmed', review: { id: 'first' } });
  expect(code(transition(reviewed, 'close', 'first'))).toBe(
    'MATCHING_FINDING_SECOND_REVIEWER_REQUIRED',
  );
  expect(code(transition(reviewed, 'close', 'second'))).toBe('closed');
  expect(code(transition(state({ status: 'closed' }), 'verify', 'x'))).toBe(
    'MATCHING_FINDING_CLOSED',
  );
});
