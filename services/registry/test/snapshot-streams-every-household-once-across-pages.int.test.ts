import { householdSnapshotSchema, memberSnapshotSchema } from '@fupin/contracts';
import request from 'supertest';
import { as, registerHousehold, seedAreas } from './fixtures/villages';
import {
  startRegistry,
  type TestRegistry,
  TOWNSHIP_B,
  VILLAGE_A1,
  VILLAGE_A2,
  VILLAGE_B1,
} from './fixtures/registry';

let t: TestRegistry;
const registered: { id: string; village: string; idNumbers: string[] }[] = [];

beforeAll(async () => {
  t = await startRegistry();
  await seedAreas(t);
  const villages = [VILLAGE_A1, VILLAGE_A2, VILLAGE_B1];
  for (let i = 0; i < 11; i++) {
    const village = villages[i % 3]!;
    const status = i % 4 === 0 ? 'exited' : 'in_poverty';
    const h = await registerHousehold(t, {
      village,
      status,
      size: 1 + (i % 3),
      ...(status === 'exited' ? { exitYear: 2019 } : {}),
    });
    registered.push({ ...h, village });
  }
});

afterAll(async () => {
  await t.close();
});

interface Line {
  kind: string;
  household?: { id: string; areaCode: string };
  members?: { idHash: string }[];
  count?: number;
  next?: string | null;
}

/** Reads every page of the snapshot, following the cursor, as the rebuilding service does. */
async function readAll(token: string, limit: number, query: Record<string, string> = {}) {
  const pages: { raw: string; lines: Line[] }[] = [];
  let after: string | null = null;
  do {
    const res = await request(t.app)
      .get('/snapshot/households')
      .query({ limit: String(limit), ...query, ...(after ? { after } : {}) })
      .set(as(token))
      .buffer(true)
      .parse((r, cb) => {
        let text = '';
        r.setEncoding('utf8');
        r.on('data', (c: string) => (text += c));
        r.on('end', () => cb(null, text));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const raw = res.body as string;
    const lines = raw
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Line);
    pages.push({ raw, lines });
    const end = lines[lines.length - 1];
    expect(end?.kind).toBe('end');
    after = end?.next ?? null;
  } while (after !== null && pages.length < 20);
  return pages;
}

test('paging by cursor returns every household exactly once, with members and no clear ID number', async () => {
  const pages = await readAll(t.tokens.county, 4);
  expect(pages).toHaveLength(3);
  expect(pages.map((p) => p.lines[p.lines.length - 1]?.count)).toEqual([4, 4, 3]);
  const households = pages.flatMap((p) => p.lines.filter((l) => l.kind === 'household'));
  const ids = households.map((l) => l.household!.id);
  expect(ids).toHaveLength(11);
  expect(new Set(ids).size).toBe(11);
  expect([...ids].sort()).toEqual(registered.map((r) => r.id).sort());
  // Stable order by id, so a later page never repeats an earlier one.
  expect(ids).toEqual([...ids].sort());

  for (const line of households) {
    expect(householdSnapshotSchema.safeParse(line.household).success).toBe(true);
    for (const m of line.members ?? [])
      expect(memberSnapshotSchema.safeParse(m).success).toBe(true);
  }
  const byId = new Map(households.map((l) => [l.household!.id, l]));
  for (const r of registered) expect(byId.get(r.id)?.members).toHaveLength(r.idNumbers.length);

  const everything = pages.map((p) => p.raw).join('');
  for (const r of registered) {
    for (const n of r.idNumbers) {
      expect(everything).not.toContain(n);
      expect(everything).not.toContain(n.slice(6));
    }
  }
});

test('a township user streams only its own township; a bad cursor is refused', async () => {
  const pages = await readAll(t.tokens.townshipA, 3);
  const areas = pages.flatMap((p) =>
    p.lines.filter((l) => l.kind === 'household').map((l) => l.household!.areaCode),
  );
  const expected = registered.filter((r) => r.village !== VILLAGE_B1).length;
  expect(areas).toHaveLength(expected);
  expect(areas.every((a) => a === VILLAGE_A1 || a === VILLAGE_A2)).toBe(true);

  const narrowed = await readAll(t.tokens.county, 100, { area: VILLAGE_B1 });
  expect(narrowed).toHaveLength(1);
  expect(narrowed[0]!.lines.filter((l) => l.kind === 'household')).toHaveLength(
    registered.filter((r) => r.village === VILLAGE_B1).length,
  );

  const other = await request(t.app)
    .get('/snapshot/households')
    .query({ area: TOWNSHIP_B })
    .set(as(t.tokens.townshipA));
  expect({ status: other.status, code: other.body.code }).toEqual({
    status: 403,
    code: 'FORBIDDEN_AREA',
  });
  const bad = await request(t.app)
    .get('/snapshot/households')
    .query({ after: 'not-a-cursor' })
    .set(as(t.tokens.county));
  expect({ status: bad.status, code: bad.body.code }).toEqual({
    status: 400,
    code: 'REGISTRY_SNAPSHOT_CURSOR_INVALID',
  });
});
