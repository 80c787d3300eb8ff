import { handle, parseInput, principalOf, requireRight, sendXlsx } from '@fupin/kit';
import express, { type Router } from 'express';
import { INDICATORS, INDICATOR_CODES } from '../indicators/catalogue';
import { importQuerySchema, schemeInputSchema, yearSchema } from './scheme.schemas';
import type { SchemeService } from './scheme.service';
import type { TargetImport } from './target-import';

const yearOf = (raw: unknown) => parseInput(yearSchema, raw, { where: 'params' });

export function schemeRoutes(router: Router, schemes: SchemeService, targets: TargetImport): void {
  router.get(
    '/indicators',
    requireRight('assessment', 'read'),
    handle(async (_req, res) => {
      res.json(INDICATOR_CODES.map((c) => ({ id: c, ...INDICATORS[c] })));
    }),
  );
  router.get(
    '/schemes',
    requireRight('assessment', 'read'),
    handle(async (_req, res) => {
      const all = await schemes.list();
      res.setHeader('Content-Range', `schemes 0-${Math.max(all.length - 1, 0)}/${all.length}`);
      res.setHeader('Access-Control-Expose-Headers', 'Content-Range');
      res.json(all.map((s) => ({ id: s.year, ...s })));
    }),
  );
  router.get(
    '/schemes/:year',
    requireRight('assessment', 'read'),
    handle(async (req, res) => {
      const s = await schemes.get(yearOf(req.params.year));
      res.json({ id: s.year, ...s });
    }),
  );
  router.put(
    '/schemes/:year',
    requireRight('assessment', 'write'),
    handle(async (req, res) => {
      const year = yearOf(req.params.year);
      const input = parseInput(schemeInputSchema, req.body);
      const s = await schemes.put(principalOf(req), year, input);
      res.json({ id: s.year, ...s });
    }),
  );
  router.post(
    '/schemes/:year/targets/import',
    requireRight('assessment', 'write'),
    express.raw({ type: () => true, limit: '10mb' }),
    handle(async (req, res) => {
      const year = yearOf(req.params.year);
      const q = parseInput(importQuerySchema, req.query, { where: 'query' });
      const body: unknown = req.body;
      const file = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
      res.json(await targets.run(principalOf(req), year, file, q.dryRun === 'true'));
    }),
  );
  router.get(
    '/schemes/:year/targets/template.xlsx',
    requireRight('assessment', 'read'),
    handle(async (req, res) => {
      const year = yearOf(req.params.year);
      const buf = await targets.template(year);
      sendXlsx(res, `${year}年考核任务分解表.xlsx`);
      res.end(buf);
    }),
  );
}
