import {
  handle,
  idParam,
  parseInput,
  parseListQuery,
  principalOf,
  requireRight,
  sendList,
} from '@fupin/kit';
import express, { type Router } from 'express';
import { INSPECTION_FILE_MAX_BYTES, type InspectionFiles } from './inspection-files';
import {
  evidenceInputSchema,
  fileUploadQuerySchema,
  INSPECTION_SORTABLE,
  inspectionFilterSchema,
  inspectionInputSchema,
  PLAN_SORTABLE,
  planFilterSchema,
  planInputSchema,
  RECTIFICATION_SORTABLE,
  rectificationFilterSchema,
  rectificationInputSchema,
  reviewInputSchema,
  unitCountsQuerySchema,
} from './inspection.schemas';
import type { InspectionService } from './inspection.service';
import type { PlanService } from './plan.service';
import type { RectificationService } from './rectification.service';

const READ = requireRight('assessment', 'read');
const WRITE = requireRight('assessment', 'write');
const idOf = (raw: unknown) => parseInput(idParam, raw, { where: 'params' }).id;

export interface InspectionParts {
  plans: PlanService;
  inspections: InspectionService;
  rectifications: RectificationService;
  files: InspectionFiles;
}

/** 督查计划 and 督查记录, with their photos. */
function inspectionRoutes(router: Router, d: InspectionParts): void {
  router.get(
    '/inspection-plans',
    READ,
    handle(async (req, res) => {
      const q = parseListQuery(req.query, {
        sortable: PLAN_SORTABLE,
        defaultSort: ['createdAt', 'DESC'],
        filter: planFilterSchema,
      });
      const { items, total } = await d.plans.list(principalOf(req), q);
      sendList(res, 'inspection-plans', q, items, total);
    }),
  );
  router.post(
    '/inspection-plans',
    WRITE,
    handle(async (req, res) => {
      const body = parseInput(planInputSchema, req.body);
      res.status(201).json(await d.plans.create(principalOf(req), body));
    }),
  );
  router.get(
    '/inspection-plans/:id',
    READ,
    handle(async (req, res) => {
      res.json(await d.plans.get(principalOf(req), idOf(req.params)));
    }),
  );
  router.put(
    '/inspection-plans/:id',
    WRITE,
    handle(async (req, res) => {
      const id = idOf(req.params);
      const body = parseInput(planInputSchema, req.body);
      res.json(await d.plans.update(principalOf(req), id, body));
    }),
  );
  router.get(
    '/inspections',
    READ,
    handle(async (req, res) => {
      const q = parseListQuery(req.query, {
        sortable: INSPECTION_SORTABLE,
        defaultSort: ['inspectedOn', 'DESC'],
        filter: inspectionFilterSchema,
      });
      const { items, total } = await d.inspections.list(principalOf(req), q);
      sendList(res, 'inspections', q, items, total);
    }),
  );
  router.post(
    '/inspections',
    WRITE,
    handle(async (req, res) => {
      const body = parseInput(inspectionInputSchema, req.body);
      res.status(201).json(await d.inspections.create(principalOf(req), body));
    }),
  );
  router.get(
    '/inspections/:id',
    READ,
    handle(async (req, res) => {
      res.json(await d.inspections.get(principalOf(req), idOf(req.params)));
    }),
  );
  router.post(
    '/inspection-files',
    WRITE,
    // The file is the request body itself; one byte over the limit answers 413.
    express.raw({ type: () => true, limit: INSPECTION_FILE_MAX_BYTES }),
    handle(async (req, res) => {
      const q = parseInput(fileUploadQuerySchema, req.query, { where: 'query' });
      const body: unknown = req.body;
      const view = await d.files.store(
        principalOf(req),
        Buffer.isBuffer(body) ? body : Buffer.alloc(0),
        {
          fileName: q.fileName ?? 'upload',
          areaCode: q.areaCode,
          contentType: req.headers['content-type'],
        },
        {},
      );
      res.status(201).setHeader('Location', `/inspection-files/${view.id}`).json(view);
    }),
  );
  router.get(
    '/inspection-files/:id',
    READ,
    handle(async (req, res) => {
      const { view, data } = await d.files.content(principalOf(req), idOf(req.params));
      res.attachment(view.fileName);
      res.setHeader('Content-Type', view.contentType);
      res.setHeader('X-Content-SHA256', view.sha256);
      res.send(data);
    }),
  );
}

/** 整改通知: opened from a finding, evidence sent, reviewed by another person; counts by unit. */
function rectificationRoutes(router: Router, d: InspectionParts): void {
  router.get(
    '/rectifications',
    READ,
    handle(async (req, res) => {
      const q = parseListQuery(req.query, {
        sortable: RECTIFICATION_SORTABLE,
        defaultSort: ['deadline', 'ASC'],
        filter: rectificationFilterSchema,
      });
      const { items, total } = await d.rectifications.list(principalOf(req), q);
      sendList(res, 'rectifications', q, items, total);
    }),
  );
  router.post(
    '/rectifications',
    WRITE,
    handle(async (req, res) => {
      const body = parseInput(rectificationInputSchema, req.body);
      res.status(201).json(await d.rectifications.create(principalOf(req), body));
    }),
  );
  // Before `/rectifications/:id`, so `units` is not taken for an id.
  router.get(
    '/rectifications/units',
    READ,
    handle(async (req, res) => {
      const q = parseInput(unitCountsQuerySchema, req.query, { where: 'query' });
      res.json(await d.rectifications.countsByUnit(principalOf(req), q.period));
    }),
  );
  router.get(
    '/rectifications/:id',
    READ,
    handle(async (req, res) => {
      res.json(await d.rectifications.get(principalOf(req), idOf(req.params)));
    }),
  );
  router.post(
    '/rectifications/:id/evidence',
    WRITE,
    handle(async (req, res) => {
      const id = idOf(req.params);
      const body = parseInput(evidenceInputSchema, req.body);
      res.json(await d.rectifications.submit(principalOf(req), id, body));
    }),
  );
  router.post(
    '/rectifications/:id/review',
    requireRight('assessment', 'approve'),
    handle(async (req, res) => {
      const id = idOf(req.params);
      const body = parseInput(reviewInputSchema, req.body);
      res.json(await d.rectifications.review(principalOf(req), id, body));
    }),
  );
}

export function inspectionsRoutes(router: Router, d: InspectionParts): void {
  inspectionRoutes(router, d);
  rectificationRoutes(router, d);
}
