import {
  bi,
  handle,
  type ListQuery,
  parseInput,
  parseListQuery,
  principalOf,
  requireRight,
  sendList,
  idParam,
} from '@fupin/kit';
import type { Request, Router } from 'express';
import { fileNameOf, readUpload } from '../common/upload';
import {
  photoParams,
  UNVISITED_SORTABLE,
  unvisitedFilterSchema,
  VISIT_SORTABLE,
  visitCreateSchema,
  visitFilterSchema,
} from './visit.schemas';
import type { UnvisitedRow, VisitService } from './visit.service';

export function visitListQuery(req: Request) {
  return parseListQuery(req.query as Record<string, unknown>, {
    sortable: VISIT_SORTABLE,
    defaultSort: ['date', 'DESC'],
    filter: visitFilterSchema,
  });
}

export function unvisitedListQuery(req: Request) {
  return parseListQuery(req.query as Record<string, unknown>, {
    sortable: UNVISITED_SORTABLE,
    defaultSort: ['householdNo', 'ASC'],
    filter: unvisitedFilterSchema,
    tieBreaker: 'householdId',
  });
}

/** Sorts and pages the month view (computed in memory from the pairings and the visits). */
export function pageOf(rows: UnvisitedRow[], q: ListQuery<unknown>): UnvisitedRow[] {
  const [[field, dir] = ['householdNo', 1]] = Object.entries(q.sort);
  const key = field as keyof UnvisitedRow;
  const sorted = [...rows].sort((a, b) => {
    const x = String(a[key] ?? '');
    const y = String(b[key] ?? '');
    return (x < y ? -1 : x > y ? 1 : a.householdId.localeCompare(b.householdId)) * dir;
  });
  return sorted.slice(q.skip, q.skip + q.limit);
}

export function visitRoutes(router: Router, visits: VisitService): void {
  router.get(
    '/visits',
    requireRight('assistance', 'read'),
    handle(async (req, res) => {
      const q = visitListQuery(req);
      const { items, total } = await visits.list(principalOf(req), q);
      sendList(res, 'visits', q, items, total);
    }),
  );
  router.get(
    '/visits/unvisited',
    requireRight('assistance', 'read'),
    handle(async (req, res) => {
      const q = unvisitedListQuery(req);
      const { month, ...f } = q.filter;
      const rows = await visits.unvisited(principalOf(req), visits.monthOf(month), f);
      sendList(res, 'unvisited', q, pageOf(rows, q), rows.length);
    }),
  );
  router.post(
    '/visits',
    requireRight('assistance', 'write'),
    handle(async (req, res) => {
      const body = parseInput(visitCreateSchema, req.body);
      res.status(201).json(await visits.record(principalOf(req), body));
    }),
  );
  router.get(
    '/visits/:id',
    requireRight('assistance', 'read'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      res.json(await visits.get(principalOf(req), id));
    }),
  );
  router.post(
    '/visits/:id/photos',
    requireRight('assistance', 'write'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const p = principalOf(req);
      // The visit is checked before the upload is read: no bytes are taken for a refused visit.
      await visits.get(p, id);
      const data = await readUpload(req, {
        maxBytes: visits.photoMaxBytes,
        code: 'ASSISTANCE_PHOTO_TOO_LARGE',
        what: bi('照片', 'photo'),
      });
      const view = await visits.addPhoto(p, id, {
        contentType: req.headers['content-type'] ?? '',
        data,
        name: fileNameOf(req),
      });
      res.status(201).json(view);
    }),
  );
  router.get(
    '/visits/:id/photos/:photoId',
    requireRight('assistance', 'read'),
    handle(async (req, res) => {
      const { id, photoId } = parseInput(photoParams, req.params, { where: 'params' });
      const photo = await visits.photo(principalOf(req), id, photoId);
      res.status(200);
      res.setHeader('Content-Type', photo.contentType);
      res.setHeader('Content-Length', String(photo.bytes));
      res.setHeader('Cache-Control', 'private, max-age=3600');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.end(photo.data);
    }),
  );
}
