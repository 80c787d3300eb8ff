import { countOf, type ListQuery } from '@fupin/kit';
import type { Model, ProjectionType, RootFilterQuery } from 'mongoose';

/** One page of a list (react-admin's range and sort) and the total for its Content-Range. */
export async function findPage<T>(
  model: Model<T>,
  filter: Record<string, unknown>,
  q: Pick<ListQuery<unknown>, 'sort' | 'skip' | 'limit'>,
  projection: Record<string, 0 | 1> = {},
): Promise<{ items: T[]; total: number }> {
  const where = filter as RootFilterQuery<T>;
  const [items, total] = await Promise.all([
    model
      .find(where, projection as ProjectionType<T>)
      .sort(q.sort)
      .skip(q.skip)
      .limit(q.limit)
      .lean<T[]>(),
    countOf(model, filter),
  ]);
  return { items, total };
}
