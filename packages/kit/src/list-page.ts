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
    countOf(model, filter),
  ]);
  return { items, total };
}

/**
 * The total of a list's filter. An unfiltered list takes the collection's own count (metadata,
 * no document read); a filtered one counts through the filter's index.
 */
export function countOf(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- models of any document type
  model: Model<any>,
  filter: Record<string, unknown>,
): Promise<number> {
  return Object.keys(filter).length === 0
    ? model.estimatedDocumentCount()
    : model.countDocuments(filter);
}
