import {
  handle,
  idParam,
  type ListQuery,
  parseInput,
  parseListQuery,
  type Principal,
  principalOf,
  sendList,
} from '@fupin/kit';
import type { RequestHandler, Router } from 'express';
import type { z } from 'zod';

// The two routes every support resource has, written once: its list and one record by id.

/** What a list route answers with: a page of the caller's records and the filter's total. */
export interface ListRoute<F extends z.ZodType> {
  /** react-admin's resource name, for the Content-Range header. */
  resource: string;
  sortable: string[];
  defaultSort: [string, 'ASC' | 'DESC'];
  filter: F;
  list(p: Principal, q: ListQuery<z.output<F>>): Promise<{ items: unknown[]; total: number }>;
}

/** GET `path`: the list query parsed, one page of the caller's records sent. */
export function listRoute<F extends z.ZodType>(
  router: Router,
  path: string,
  guard: RequestHandler | RequestHandler[],
  route: ListRoute<F>,
): void {
  router.get(
    path,
    guard,
    handle(async (req, res) => {
      const q = parseListQuery(req.query as Record<string, unknown>, {
        sortable: route.sortable,
        defaultSort: route.defaultSort,
        filter: route.filter,
      });
      const { items, total } = await route.list(principalOf(req), q);
      sendList(res, route.resource, q, items, total);
    }),
  );
}

/** GET `path` with its `:id`: one record as the service answers it for the caller. */
export function getRoute(
  router: Router,
  path: string,
  guard: RequestHandler | RequestHandler[],
  get: (p: Principal, id: string) => Promise<unknown>,
): void {
  router.get(
    path,
    guard,
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      res.json(await get(principalOf(req), id));
    }),
  );
}
