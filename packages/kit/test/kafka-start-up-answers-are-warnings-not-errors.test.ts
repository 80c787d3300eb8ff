import { logLevel } from 'kafkajs';
import { kafkaLogLevel } from '../src/kafka/log-level';

// The demo tour found kafkajs error-level lines at every start (topic creation races, the group
// coordinator not yet available) that are not errors: kafkajs retries them and they pass.

test.each([
  'The group coordinator is not available',
  'This is not the correct coordinator for this group',
  'This server does not host this topic-partition',
  'There is no leader for this topic-partition as we are in the middle of a leadership election',
  'This server is not the leader for that topic-partition',
  'Topic with this name already exists',
])('"%s" is a warning', (error) => {
  expect(kafkaLogLevel(logLevel.ERROR, { message: '[Connection] Response Metadata', error })).toBe(
    'warn',
  );
});

test('a real failure stays an error, and other levels keep theirs', () => {
  expect(
    kafkaLogLevel(logLevel.ERROR, { message: '[Consumer] Crash', error: 'Connection timeout' }),
  ).toBe('error');
  expect(kafkaLogLevel(logLevel.ERROR, { message: 'SASL authentication failed' })).toBe('error');
  expect(kafkaLogLevel(logLevel.WARN, { message: 'anything' })).toBe('warn');
  expect(kafkaLogLevel(logLevel.INFO, { message: 'group joined' })).toBe('info');
});
