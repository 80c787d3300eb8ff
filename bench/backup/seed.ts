import { BSON } from 'mongodb';
import type { Connection } from 'mongoose';
import type { Household } from '../../services/registry/src/households/household.model';

const BATCH = 1000;

/**
 * `n` copies of the template straight into the registry's households, each with its own id
 * and household number; returns the BSON size written.
 */
export async function seedCopies(conn: Connection, template: Household, n: number) {
  const households = conn.db!.collection('households');
  const { _id: _ignored, ...rest } = template as Household & { _id: unknown };
  let bytes = 0;
  for (let from = 0; from < n; from += BATCH) {
    const docs = Array.from({ length: Math.min(BATCH, n - from) }, (_, k) => {
      const i = from + k;
      return {
        ...rest,
        _id: `bench-${String(i).padStart(7, '0')}`,
        householdNo: `BENCH-${String(i).padStart(7, '0')}`,
      };
    });
    bytes += docs.reduce((sum, d) => sum + BSON.calculateObjectSize(d), 0);
    await households.insertMany(docs as never[]);
  }
  return bytes;
}
