import {
  canonicalJson,
  CHAIN_START,
  type ChainedEntry,
  type ChainSource,
  chainHash,
  linkEntries,
  verifyChain,
} from '../src';

function entry(n: number, extra: Record<string, unknown> = {}) {
  return {
    _id: `e${n}`,
    at: new Date(Date.UTC(2026, 0, 1, 0, n)),
    service: 'registry',
    action: 'unmask',
    actorId: 'u1',
    actorName: '张三',
    actorArea: '360781000000',
    subjectType: 'household',
    subjectIds: [`h${n}`],
    fields: ['idCard'],
    reason: '核查',
    requestId: null,
    count: 1,
    before: null,
    after: null,
    ...extra,
  };
}

/** A chain of `n` entries held in memory, with legacy entries (no seq) besides. */
function memory(chain: ChainedEntry[], legacy: { _id: string; at: Date }[] = []): ChainSource {
  return {
    chainedAfter: async (afterSeq, limit) =>
      chain
        .filter((e) => e.seq > afterSeq)
        .sort((a, b) => a.seq - b.seq)
        .slice(0, limit),
    unchainedBefore: async (at) => legacy.filter((e) => !at || e.at < at).length,
    unchainedSince: async (at, limit) => legacy.filter((e) => e.at >= at).slice(0, limit),
  };
}

function chainOf(n: number): ChainedEntry[] {
  return linkEntries(
    null,
    Array.from({ length: n }, (_, i) => entry(i + 1)),
  ) as unknown as ChainedEntry[];
}

test('the canonical form does not depend on the order keys were stored in, and dates are ISO text', () => {
  const a = canonicalJson({ b: 1, a: { y: [2, null], x: new Date('2026-01-01T00:00:00Z') } });
  const b = canonicalJson({ a: { x: new Date('2026-01-01T00:00:00Z'), y: [2, null] }, b: 1 });
  expect(a).toBe(b);
  expect(a).toBe('{"a":{"x":"2026-01-01T00:00:00.000Z","y":[2,null]},"b":1}');
});

test('the hash covers the audited fields and the previous hash, not the outbox bookkeeping', () => {
  const [linked] = linkEntries(null, [entry(1)]);
  expect(linked!.seq).toBe(1);
  expect(linked!.prevHash).toBe(CHAIN_START);
  expect(linked!.hash).toMatch(/^[0-9a-f]{64}$/);
  expect(chainHash({ ...linked, outbox: [{ id: 'x' }], hasOutbox: true })).toBe(linked!.hash);
  expect(chainHash({ ...linked, reason: '另一事由' })).not.toBe(linked!.hash);
  expect(chainHash({ ...linked, prevHash: 'f'.repeat(64) })).not.toBe(linked!.hash);
  const [second] = linkEntries(linked!, [entry(2)]);
  expect(second!.seq).toBe(2);
  expect(second!.prevHash).toBe(linked!.hash);
});

test('an intact chain read in small batches is ok, legacy entries before it counted as unchained', async () => {
  const chain = chainOf(7);
  const legacy = [{ _id: 'old', at: new Date(Date.UTC(2025, 11, 31)) }];
  const report = await verifyChain(memory(chain, legacy), { batch: 3 });
  expect(report).toEqual({
    ok: true,
    checked: 7,
    firstSeq: 1,
    lastSeq: 7,
    lastHash: chain[6]!.hash,
    unchained: 1,
    problems: [],
  });
});

test('an entry changed in place is named by its seq and id', async () => {
  const chain = chainOf(5);
  chain[2] = { ...chain[2]!, reason: '改过的事由' };
  const report = await verifyChain(memory(chain), { batch: 2 });
  expect(report.ok).toBe(false);
  expect(report.problems).toEqual([
    expect.objectContaining({ kind: 'changed', seq: 3, entryId: 'e3' }),
  ]);
});

test('a deleted entry shows as a gap in seq; a rewritten one as a broken link', async () => {
  const chain = chainOf(5);
  const gap = await verifyChain(memory(chain.filter((e) => e.seq !== 3)));
  expect(gap.problems).toEqual([
    expect.objectContaining({ kind: 'deleted', seq: 3, entryId: null }),
  ]);

  // Entry 3 deleted and entry 4 renumbered with a hash of its own: the link to 2 breaks at 3.
  const renumbered = chain.filter((e) => e.seq !== 3).map((e) => (e.seq > 3 ? { ...e } : e));
  const moved = renumbered[2]!;
  moved.seq = 3;
  moved.hash = chainHash(moved);
  const broken = await verifyChain(memory(renumbered.slice(0, 3)));
  expect(broken.problems).toEqual([
    expect.objectContaining({ kind: 'deleted', seq: 3, entryId: 'e4' }),
  ]);

  const head = await verifyChain(memory(chain.slice(1)));
  expect(head.problems).toEqual([expect.objectContaining({ kind: 'deleted', seq: 1 })]);
});

test('an entry inserted without a place in the chain, or repeating a seq, is reported as inserted', async () => {
  const chain = chainOf(3);
  const late = { _id: 'forged', at: new Date(Date.UTC(2026, 0, 1, 0, 2, 30)) };
  const report = await verifyChain(memory(chain, [late]));
  expect(report.problems).toEqual([
    expect.objectContaining({ kind: 'inserted', seq: null, entryId: 'forged' }),
  ]);

  const twin = { ...chain[1]!, _id: 'twin' };
  twin.hash = chainHash(twin);
  const repeated = await verifyChain(memory([chain[0]!, chain[1]!, twin, chain[2]!]));
  expect(repeated.problems).toContainEqual(
    expect.objectContaining({ kind: 'inserted', seq: 2, entryId: 'twin' }),
  );
});

test('an anchor newer than the chain shows the tail missing; an anchor not matching shows a change', async () => {
  const chain = chainOf(5);
  const tail = await verifyChain(memory(chain.slice(0, 3)), {
    anchors: [{ seq: 5, hash: chain[4]!.hash }],
  });
  expect(tail.problems).toEqual([expect.objectContaining({ kind: 'tail_missing', seq: 4 })]);

  const matched = await verifyChain(memory(chain), { anchors: [{ seq: 5, hash: chain[4]!.hash }] });
  expect(matched.ok).toBe(true);

  const other = await verifyChain(memory(chain), { anchors: [{ seq: 4, hash: 'a'.repeat(64) }] });
  expect(other.problems).toEqual([
    expect.objectContaining({ kind: 'changed', seq: 4, entryId: 'e4' }),
  ]);
});
