import {
  calendarDay,
  handle,
  idParam,
  parseInput,
  parseListQuery,
  principalOf,
  requireRight,
  sendList,
  sendXlsx,
} from '@fupin/kit';
import type { Router } from 'express';
import { z } from 'zod';

import { idSchema, optionalText, text } from '../shared/schemas';
import { noticePdf, noticeXlsx } from './notice.documents';
import { NOTICE_KINDS } from './notice.model';
import type { NoticeService } from './notice.service';

const generateSchema = z
  .strictObject({
    kind: z.enum(NOTICE_KINDS),
    projectId: idSchema.optional(),
    disbursementId: idSchema.optional(),
    issuer: text(100),
    periodDays: z.number().int().min(5).max(30).default(7),
    startsOn: calendarDay.optional(),
    supervisionPhone: optionalText(30),
  })
  .refine((v) => (v.kind === 'project' ? !!v.projectId : !!v.disbursementId), {
    message: '项目公示须填 projectId，发放名单公示须填 disbursementId',
    path: ['projectId'],
  });

const postingSchema = z.strictObject({
  place: text(200),
  postedOn: calendarDay,
  takenDownOn: calendarDay.nullable().optional(),
  photoFileId: idSchema.nullable().optional(),
});

export function noticeRoutes(router: Router, notices: NoticeService, fontPath: string): void {
  router.get(
    '/notices',
    requireRight('funds', 'read'),
    handle(async (req, res) => {
      const q = parseListQuery(req.query as Record<string, unknown>, {
        sortable: ['createdAt', 'startsOn'],
        defaultSort: ['createdAt', 'DESC'],
        filter: z.strictObject({
          projectId: idSchema.optional(),
          kind: z.enum(NOTICE_KINDS).optional(),
        }),
      });
      const { items, total } = await notices.list(principalOf(req), q);
      sendList(res, 'notices', q, items, total);
    }),
  );
  router.post(
    '/notices',
    requireRight('funds', 'write'),
    handle(async (req, res) => {
      const body = parseInput(generateSchema, req.body);
      const view = await notices.generate(principalOf(req), body);
      res.status(201).setHeader('Location', `/notices/${view.id}`).json(view);
    }),
  );
  router.get(
    '/notices/:id',
    requireRight('funds', 'read'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      res.json(await notices.get(principalOf(req), id));
    }),
  );
  router.get(
    '/notices/:id/notice.pdf',
    requireRight('funds', 'read'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const notice = await notices.load(principalOf(req), id);
      const pdf = await noticePdf(notice, { fontPath });
      res.attachment(`${notice.title}.pdf`);
      res.type('application/pdf').send(pdf);
    }),
  );
  router.get(
    '/notices/:id/notice.xlsx',
    requireRight('funds', 'read'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const notice = await notices.load(principalOf(req), id);
      const xlsx = await noticeXlsx(notice);
      sendXlsx(res, `${notice.title}.xlsx`);
      res.send(xlsx);
    }),
  );
  router.post(
    '/notices/:id/postings',
    requireRight('funds', 'write'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const body = parseInput(postingSchema, req.body);
      res.status(201).json(await notices.post(principalOf(req), id, body));
    }),
  );
}
