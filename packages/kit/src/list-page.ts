import type { Model } from 'mongoose';
import type { ListQuery } from './http/list';

/**
 * One page of a react-admin list and the total of the filter, in two queries run together:
 * what every list endpoint's service method does. `projection` drops fields (the outbox).
 */
export async function findPage<T>(
  // Any model: the caller states the lean document type it reads.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- models of any document type
  model: Model<any>,
  filter: Record<string, unknown>,
  q: ListQuery<unknown>,
  projection?: Record<string, 0 | 1>,
): Promise<{ items: T[]; total: number }> {
  const [items, total] = await Promise.all([
    model.find(filter, projection).sort(q.sort).skip(q.skip).limit(q.limit).lean<T[]>(),
    model.countDocuments(filter),
  ]);
  return { items, total };
}
