import { shareInFlight } from '../src/projection/freshness';

/** A value made when `resolve` is called, and how many were made. */
function maker() {
  let made = 0;
  const pending: ((v: number) => void)[] = [];
  const make = () =>
    new Promise<number>((resolve) => {
      made += 1;
      pending.push(resolve);
    });
  return { make, made: () => made, settle: (v: number) => pending.shift()!(v) };
}

describe('shareInFlight', () => {
  it('shares one value among the callers while it is being made, per key', async () => {
    const share = shareInFlight<object, number>();
    const a = {};
    const b = {};
    const m = maker();
    const first = share(a, m.make);
    const second = share(a, m.make);
    const other = share(b, m.make);
    expect(m.made()).toBe(2);
    m.settle(1);
    m.settle(2);
    await expect(Promise.all([first, second, other])).resolves.toEqual([1, 1, 2]);
  });

  it('makes a new value for a caller after the last one was made: nothing older is answered', async () => {
    const share = shareInFlight<object, number>();
    const key = {};
    const m = maker();
    const first = share(key, m.make);
    m.settle(1);
    await first;
    const next = share(key, m.make);
    expect(m.made()).toBe(2);
    m.settle(5);
    await expect(next).resolves.toBe(5);
  });

  it('does not keep a failure: the next caller measures again', async () => {
    const share = shareInFlight<object, number>();
    const key = {};
    await expect(share(key, () => Promise.reject(new Error('kafka away')))).rejects.toThrow(
      'kafka away',
    );
    await expect(share(key, () => Promise.resolve(7))).resolves.toBe(7);
  });
});
