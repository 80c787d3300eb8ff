import {
  handle,
  idParam,
  parseInput,
  parseListQuery,
  principalOf,
  requireRight,
  sendList,
  sendXlsx,
} from '@fupin/kit';
import express, { type Router } from 'express';
import type { TaskImport } from './task.import';
import {
  TASK_SORTABLE,
  taskFilterSchema,
  taskImportQuerySchema,
  taskInputSchema,
  taskProgressSchema,
} from './task.schemas';
import type { TaskService } from './task.service';
import { z } from 'zod';

const updateSchema = taskInputSchema.extend({ revision: z.number().int().min(1) });

/** 倒排工期 — the schedule's routes; the fixed paths before `/tasks/:id`. */
export function taskRoutes(router: Router, tasks: TaskService, imports: TaskImport): void {
  router.get(
    '/tasks',
    requireRight('assessment', 'read'),
    handle(async (req, res) => {
      const q = parseListQuery(req.query as Record<string, unknown>, {
        sortable: TASK_SORTABLE,
        defaultSort: ['dueOn', 'ASC'],
        filter: taskFilterSchema,
        tieBreaker: 'code',
      });
      const { items, total } = await tasks.list(principalOf(req), q);
      sendList(res, 'tasks', q, items, total);
    }),
  );
  router.post(
    '/tasks',
    requireRight('assessment', 'write'),
    handle(async (req, res) => {
      const input = parseInput(taskInputSchema, req.body);
      res.status(201).json(await tasks.create(principalOf(req), input));
    }),
  );
  router.get(
    '/tasks/summary',
    requireRight('assessment', 'read'),
    handle(async (req, res) => {
      res.json(await tasks.summary(principalOf(req)));
    }),
  );
  router.get(
    '/tasks/template.xlsx',
    requireRight('assessment', 'read'),
    handle(async (_req, res) => {
      const buf = await imports.template();
      sendXlsx(res, '倒排工期表.xlsx');
      res.end(buf);
    }),
  );
  router.post(
    '/tasks/import',
    requireRight('assessment', 'write'),
    express.raw({ type: () => true, limit: '10mb' }),
    handle(async (req, res) => {
      const q = parseInput(taskImportQuerySchema, req.query, { where: 'query' });
      const body: unknown = req.body;
      const file = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
      res.json(await imports.run(principalOf(req), file, q.dryRun === 'true'));
    }),
  );
  router.get(
    '/tasks/:id',
    requireRight('assessment', 'read'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      res.json(await tasks.get(principalOf(req), id));
    }),
  );
  router.put(
    '/tasks/:id',
    requireRight('assessment', 'write'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const input = parseInput(updateSchema, req.body);
      res.json(await tasks.update(principalOf(req), id, input));
    }),
  );
  router.post(
    '/tasks/:id/progress',
    requireRight('assessment', 'write'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const input = parseInput(taskProgressSchema, req.body);
      res.status(201).json(await tasks.report(principalOf(req), id, input));
    }),
  );
}
