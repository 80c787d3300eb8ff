import { positionOf, viewVerdict } from '../src/projection/freshness-rule';

describe('how far a view is behind the registry', () => {
  test('a group that committed every high watermark with nothing in the outbox is not behind', () => {
    expect(
      positionOf({
        partitions: [
          { low: 0, high: 10, committed: 10 },
          { low: 0, high: 5, committed: 5 },
        ],
        registryPending: 0,
      }),
    ).toEqual({ registryPosition: 15, appliedPosition: 15, behind: 0 });
  });

  test('events still in the registry outbox count as behind even when Kafka has no lag', () => {
    const p = positionOf({ partitions: [{ low: 0, high: 10, committed: 10 }], registryPending: 1 });
    expect(p).toEqual({ registryPosition: 11, appliedPosition: 10, behind: 1 });
  });

  test('Kafka lag and the outbox add up', () => {
    const p = positionOf({
      partitions: [
        { low: 0, high: 100, committed: 60 },
        { low: 0, high: 50, committed: 50 },
      ],
      registryPending: 30,
    });
    expect(p).toEqual({ registryPosition: 180, appliedPosition: 110, behind: 70 });
  });

  test('a partition the group never committed on counts from its oldest kept message', () => {
    expect(
      positionOf({ partitions: [{ low: 20, high: 25, committed: null }], registryPending: 0 }),
    ).toEqual({ registryPosition: 25, appliedPosition: 20, behind: 5 });
  });

  test('a commit read after the high watermark (the view went on meanwhile) is never ahead', () => {
    expect(
      positionOf({ partitions: [{ low: 0, high: 7, committed: 9 }], registryPending: 0 }),
    ).toEqual({ registryPosition: 7, appliedPosition: 7, behind: 0 });
  });

  test('a commit below the oldest kept message counts from that message', () => {
    expect(
      positionOf({ partitions: [{ low: 4, high: 6, committed: 1 }], registryPending: null }),
    ).toEqual({ registryPosition: 6, appliedPosition: 4, behind: 2 });
  });

  test('empty topics and an unknown outbox: nothing written, nothing behind', () => {
    expect(
      positionOf({ partitions: [{ low: 0, high: 0, committed: null }], registryPending: null }),
    ).toEqual({ registryPosition: 0, appliedPosition: 0, behind: 0 });
  });
});

describe('whether something may act on a view', () => {
  const wait = { maxWaitMs: 5000 };

  test('no event missing: fresh at once', () => {
    expect(viewVerdict(0, 0, wait)).toBe('fresh');
  });

  test('one event missing before the wait is over: wait', () => {
    expect(viewVerdict(1, 0, wait)).toBe('wait');
    expect(viewVerdict(1, 4999, wait)).toBe('wait');
  });

  test('one event missing when the wait is over: behind (refused)', () => {
    expect(viewVerdict(1, 5000, wait)).toBe('behind');
  });

  test('no wait allowed: refused at the first measure', () => {
    expect(viewVerdict(1, 0, { maxWaitMs: 0 })).toBe('behind');
    expect(viewVerdict(0, 0, { maxWaitMs: 0 })).toBe('fresh');
  });

  test('a tolerance lets exactly that many events be missing', () => {
    expect(viewVerdict(3, 9999, { ...wait, maxBehind: 3 })).toBe('fresh');
    expect(viewVerdict(4, 9999, { ...wait, maxBehind: 3 })).toBe('behind');
  });
});
