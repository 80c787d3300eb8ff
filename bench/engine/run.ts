/**
 * The engine comparison the local MongoDB-wire server was chosen by (README, "Which MongoDB
 * engine"): the same household-shaped documents (~4 KB: members with ciphertext, a history)
 * and the same two indexes on each server named by --url, then the medians of the queries a
 * county's lists make. Prints the date, the engine and the figures.
 *
 *   npx tsx bench/engine/run.ts --url mongodb://127.0.0.1:27017 [--docs 20000] [--runs 15]
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { MongoClient } from 'mongodb';
import { engineName } from '../common/engine';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017' },
    docs: { type: 'string', default: '20000' },
    runs: { type: 'string', default: '15' },
  },
});
const DOCS = Number(values.docs);
const RUNS = Number(values.runs);
const TOWNSHIPS = 20;

function household(i: number) {
  const township = `4307210${String(i % TOWNSHIPS).padStart(2, '0')}`;
  return {
    _id: `h${String(i).padStart(7, '0')}`,
    householdNo: `H${i}`,
    areaCode: `${township}${String(i % 997).padStart(3, '0')}`,
    status: ['in_poverty', 'exited', 'monitored'][i % 3],
    updatedAt: new Date(Date.UTC(2026, 0, 1) + i * 61_000),
    members: Array.from({ length: 3 }, (_, m) => ({
      id: `m${i}-${m}`,
      idHash: randomBytes(32).toString('hex'),
      idCipher: randomBytes(180).toString('base64'),
      phoneCipher: randomBytes(90).toString('base64'),
      name: '张三丰',
    })),
    history: Array.from({ length: 8 }, (_, h) => ({
      at: new Date(Date.UTC(2025, h, 1)),
      by: 'township-staff',
      note: randomBytes(150).toString('base64'),
    })),
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

async function main() {
  const client = await MongoClient.connect(values.url!);
  const db = client.db(`bench_engine_${Date.now()}`);
  try {
    const col = db.collection<ReturnType<typeof household>>('households');
    console.log(`date:        ${new Date().toISOString()}`);
    console.log(`server:      ${await engineName(db)} at ${new URL(values.url!).host}`);
    await col.createIndex({ areaCode: 1, updatedAt: -1 });
    await col.createIndex({ status: 1, updatedAt: -1 });
    const docs = Array.from({ length: DOCS }, (_, i) => household(i));
    const size = JSON.stringify(docs[0]).length;
    const t0 = performance.now();
    for (let i = 0; i < docs.length; i += 1000)
      await col.insertMany(docs.slice(i, i + 1000), { ordered: false });
    const insertSec = (performance.now() - t0) / 1000;
    console.log(
      `documents:   ${DOCS.toLocaleString()} of ~${(size / 1024).toFixed(1)} KB, inserted at ${Math.round(DOCS / insertSec).toLocaleString()}/s`,
    );

    const township = { areaCode: { $gte: '430721003000', $lt: '430721004000' } };
    const county = { areaCode: { $gte: '430721000000', $lt: '430722000000' } };
    const rows: [string, () => Promise<unknown>][] = [
      [
        'township page of 25 by time',
        () => col.find(township).sort({ updatedAt: -1 }).limit(25).toArray(),
      ],
      ['its count', () => col.countDocuments(township)],
      [
        'status page of 25 by time',
        () => col.find({ status: 'exited' }).sort({ updatedAt: -1 }).limit(25).toArray(),
      ],
      ['county page of 25 by time', () => col.find({}).sort({ updatedAt: -1 }).limit(25).toArray()],
      ['county count (metadata)', () => col.estimatedDocumentCount()],
      ['one household by id', () => col.findOne({ _id: 'h0012345' })],
      // What the scoped repository sends for a county-wide user: the id and the area range.
      ['by id, id first (kit)', () => col.findOne({ _id: 'h0012345', ...county })],
      ['by id, area range first', () => col.findOne({ ...county, _id: 'h0012345' })],
      [
        'by id, hinted to _id',
        () => col.findOne({ _id: 'h0012345', ...county }, { hint: { _id: 1 } }),
      ],
      [
        'update by id, id first (kit)',
        () => col.updateOne({ _id: 'h0012345', ...county }, { $set: { note: 'x' } }),
      ],
      [
        'update by id, area first',
        () => col.updateOne({ ...county, _id: 'h0012345' }, { $set: { note: 'x' } }),
      ],
    ];
    for (const [label, fn] of rows)
      console.log(`${label.padEnd(30)} ${(await timed(fn)).toFixed(1).padStart(8)} ms`);
  } finally {
    await db.dropDatabase().catch(() => undefined);
    await client.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
