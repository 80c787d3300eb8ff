import { mapLimit } from '../src/dossier/area-households';

describe('mapLimit', () => {
  it('keeps the items order, runs at most the limit at once and reports each one done', async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    const items = [30, 5, 20, 1, 10, 2, 15];
    const out = await mapLimit(
      items,
      3,
      async (ms, i) => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((r) => setTimeout(r, ms));
        running -= 1;
        return `${i}:${ms}`;
      },
      (n) => {
        done.push(n);
      },
    );
    expect(out).toEqual(items.map((ms, i) => `${i}:${ms}`));
    expect(most).toBe(3);
    expect(done).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('answers an empty list at once', async () => {
    await expect(mapLimit([], 4, async () => 1)).resolves.toEqual([]);
  });

  it('fails with the first failure', async () => {
    await expect(
      mapLimit([1, 2, 3], 2, async (n) => {
        if (n === 2) throw new Error('two');
        return n;
      }),
    ).rejects.toThrow('two');
  });
});
