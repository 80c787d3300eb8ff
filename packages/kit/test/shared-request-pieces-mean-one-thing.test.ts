import {
  actorOf,
  areaCode12,
  idParam,
  isDuplicateKey,
  type Principal,
  queuePrefixOf,
} from '../src';

const principal: Principal = {
  userId: 'u-1',
  username: '张三',
  roles: ['township_staff'],
  areaCode: '430121101000',
  rights: { registry: ['read'] },
};

test('the actor of an event is the signed-in user, by id and name', () => {
  expect(actorOf(principal)).toEqual({ kind: 'user', id: 'u-1', name: '张三' });
});

test('an area code in a request is twelve digits of a real code', () => {
  expect(areaCode12.safeParse('430121101201').success).toBe(true);
  expect(areaCode12.safeParse('43012110120').success).toBe(false);
  expect(areaCode12.safeParse('4301211012０1').success).toBe(false);
  // Twelve digits, but no such province / a village with no township.
  expect(areaCode12.safeParse('990121101201').success).toBe(false);
  expect(areaCode12.safeParse('430121000201').success).toBe(false);
});

test('a route id is a non-empty string of at most 64 characters', () => {
  expect(idParam.safeParse({ id: 'HH-0001' }).success).toBe(true);
  expect(idParam.safeParse({ id: '' }).success).toBe(false);
  expect(idParam.safeParse({ id: 'x'.repeat(65) }).success).toBe(false);
});

test('a duplicate key is E11000 on a single write or on every failed write of a bulk write', () => {
  expect(isDuplicateKey({ code: 11000 })).toBe(true);
  expect(isDuplicateKey({ code: 121 })).toBe(false);
  expect(isDuplicateKey(new Error('network'))).toBe(false);
  expect(isDuplicateKey(undefined)).toBe(false);
  expect(
    isDuplicateKey({ code: 11000, writeErrors: [{ code: 11000 }, { err: { code: 11000 } }] }),
  ).toBe(true);
  // The first failure was a duplicate, another one was not: the write did not store the rest.
  expect(isDuplicateKey({ code: 11000, writeErrors: [{ code: 11000 }, { code: 121 }] })).toBe(
    false,
  );
  expect(isDuplicateKey({ writeErrors: { code: 11000 } })).toBe(true);
});

test('the queue prefix is the caller’s, else the deployment’s, else fupin', () => {
  expect(queuePrefixOf({ KAFKA_TOPIC_PREFIX: 'ci-7' }, { queuePrefix: 't-1' })).toBe('t-1');
  expect(queuePrefixOf({ KAFKA_TOPIC_PREFIX: 'ci-7' }, {})).toBe('ci-7');
  expect(queuePrefixOf({ KAFKA_TOPIC_PREFIX: '' }, {})).toBe('fupin');
});
