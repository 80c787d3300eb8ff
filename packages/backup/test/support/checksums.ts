import { createHash } from 'node:crypto';
import { BSON, type Db } from 'mongodb';

/** Count and SHA-256 of each collection read as the backup reads it (by `_id`, canonical EJSON). */
export async function databaseChecksums(db: Db) {
  const names = (await db.listCollections({}, { nameOnly: true }).toArray())
    .map((c) => c.name)
    .filter((n) => !n.startsWith('system.'))
    .sort();
  const out: { name: string; count: number; sha256: string }[] = [];
  for (const name of names) {
    const hash = createHash('sha256');
    let count = 0;
    for await (const doc of db.collection(name).find().sort({ _id: 1 })) {
      hash.update(`${BSON.EJSON.stringify(doc, { relaxed: false })}\n`);
      count += 1;
    }
    out.push({ name, count, sha256: hash.digest('hex') });
  }
  return out;
}
