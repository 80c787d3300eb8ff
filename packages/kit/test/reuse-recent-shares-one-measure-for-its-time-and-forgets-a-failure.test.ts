import { reuseRecent } from '../src/projection/freshness';

describe('reuseRecent', () => {
  it('shares one value for its time, per key, also while it is being made', async () => {
    let t = 1000;
    const reuse = reuseRecent<object, number>(2000, () => t);
    const a = {};
    const b = {};
    let made = 0;
    const make = () => Promise.resolve(++made);
    const [first, same] = await Promise.all([reuse(a, make), reuse(a, make)]);
    expect([first, same]).toEqual([1, 1]);
    expect(await reuse(b, make)).toBe(2);
    t += 1999;
    expect(await reuse(a, make)).toBe(1);
    t += 1;
    expect(await reuse(a, make)).toBe(3);
  });

  it('does not keep a failure: the next caller measures again', async () => {
    const reuse = reuseRecent<object, number>(2000, () => 0);
    const key = {};
    await expect(reuse(key, () => Promise.reject(new Error('kafka away')))).rejects.toThrow(
      'kafka away',
    );
    expect(await reuse(key, () => Promise.resolve(7))).toBe(7);
  });
});
