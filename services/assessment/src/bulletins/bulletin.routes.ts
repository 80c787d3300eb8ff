import { handle, parseInput, principalOf, requireRight, sendXlsx } from '@fupin/kit';
import type { Response, Router } from 'express';
import { z } from 'zod';
import { rankingIdSchema } from '../rankings/ranking.schemas';
import { bulletinPdf, bulletinXlsx } from './bulletin.documents';
import type { Bulletin, BulletinService } from './bulletin.service';

const formatSchema = z.object({ format: z.enum(['pdf', 'xlsx']).default('pdf') });
const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');

async function send(res: Response, b: Bulletin, format: 'pdf' | 'xlsx'): Promise<void> {
  if (format === 'xlsx') {
    const buf = await bulletinXlsx(b);
    sendXlsx(res, `${b.fileName}.xlsx`);
    res.end(buf);
    return;
  }
  const buf = await bulletinPdf(b);
  const name = `${b.fileName}.pdf`;
  res.status(200);
  res.setHeader('Content-Type', 'application/pdf');
  res.setHeader(
    'Content-Disposition',
    `attachment; filename="bulletin.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`,
  );
  res.end(buf);
}

/** 月通报 and 季度排名通报 as PDF or XLSX. */
export function bulletinRoutes(router: Router, bulletins: BulletinService): void {
  router.get(
    '/bulletins/monthly/:month',
    requireRight('assessment', 'read'),
    handle(async (req, res) => {
      const month = parseInput(monthSchema, req.params.month, {
        where: 'params',
        code: 'ASSESSMENT_MONTH_INVALID',
      });
      const { format } = parseInput(formatSchema, req.query, { where: 'query' });
      await send(res, await bulletins.monthly(principalOf(req), month), format);
    }),
  );
  router.get(
    '/rankings/:id/notice',
    requireRight('assessment', 'read'),
    handle(async (req, res) => {
      const id = parseInput(rankingIdSchema, req.params.id, {
        where: 'params',
        code: 'ASSESSMENT_RANKING_ID_INVALID',
      });
      const { format } = parseInput(formatSchema, req.query, { where: 'query' });
      await send(res, await bulletins.quarterly(principalOf(req), id), format);
    }),
  );
}
