import {
  handle,
  parseInput,
  principalOf,
  sendXlsx,
  writeSheet,
  idParam,
  areaCode12,
} from '@fupin/kit';
import { codesOf, SchoolStage, shanghaiDateOf } from '@fupin/reference';
import type { Router } from 'express';
import { z } from 'zod';
import { getRoute, listRoute } from '../routes';
import { auditedBatches, stamp, zh } from '../exports/sheet';
import { calendarDay, term } from '../http';
import { allow } from '../scope';
import { DropoutCloseReason } from './education.reference';
import { type EducationRouteDeps, filterOf, revision, text } from './education.inputs';
import { termOfDay } from './school-calendar';

const ownerBody = z.strictObject({
  name: text(50),
  unit: z.string().trim().max(100).nullable().optional(),
  userId: z.string().max(64).nullable().optional(),
  revision,
});

const followUpBody = z.strictObject({ on: calendarDay, note: text(2000) });

const closeBody = z.strictObject({
  reason: z.enum(codesOf(DropoutCloseReason)),
  note: text(2000),
  school: text(100).optional(),
  revision,
});

const dropoutFilter = z.strictObject({
  status: z.enum(['open', 'closed']).optional(),
  schoolYear: z.number().int().optional(),
  townshipCode: areaCode12.optional(),
  areaCode: areaCode12.optional(),
  expectedStage: z.enum(['primary', 'junior_secondary']).optional(),
  q: text(50).optional(),
  hasOwner: z.boolean().optional(),
  personId: text(64).optional(),
});

/** 控辍保学 — dropout cases: the scan, owners, follow-ups, closing, and the case export. */
export function dropoutRoutes(router: Router, deps: EducationRouteDeps): void {
  const { dropouts } = deps;
  const currentTerm = () => termOfDay(shanghaiDateOf(deps.now()));
  router.post(
    '/education/dropout-cases/scan',
    allow('write', 'education'),
    handle(async (req, res) => {
      const body = parseInput(z.strictObject({ term: term.optional() }), req.body ?? {});
      res.json(await dropouts.scan(principalOf(req), body.term ?? currentTerm()));
    }),
  );
  listRoute(router, '/education/dropout-cases', allow('read', 'education'), {
    resource: 'dropout-cases',
    sortable: ['openedAt', 'closedAt', 'name', 'areaCode', 'expectedGrade'],
    defaultSort: ['openedAt', 'DESC'],
    filter: dropoutFilter,
    list: (p, q) => dropouts.list(p, q),
  });
  getRoute(router, '/education/dropout-cases/:id', allow('read', 'education'), (p, id) =>
    dropouts.get(p, id),
  );
  router.put(
    '/education/dropout-cases/:id/owner',
    allow('write', 'education'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const { revision: rev, ...owner } = parseInput(ownerBody, req.body);
      res.json(await dropouts.assignOwner(principalOf(req), id, owner, rev));
    }),
  );
  router.post(
    '/education/dropout-cases/:id/follow-ups',
    allow('write', 'education'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const body = parseInput(followUpBody, req.body);
      res.status(201).json(await dropouts.addFollowUp(principalOf(req), id, body));
    }),
  );
  router.post(
    '/education/dropout-cases/:id/close',
    allow('write', 'education'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const { revision: rev, ...body } = parseInput(closeBody, req.body);
      res.json(await dropouts.close(principalOf(req), id, body, rev));
    }),
  );
  router.get(
    '/exports/dropout-cases.xlsx',
    allow('export', 'education'),
    handle(async (req, res) => {
      const p = principalOf(req);
      const f = filterOf(req, dropoutFilter);
      sendXlsx(res, `控辍保学台账-${stamp(deps.now())}.xlsx`);
      await writeSheet(res, {
        name: '控辍保学',
        rows: dropouts.cursor(p, f),
        beforeBatch: auditedBatches(deps.audit, p, 'dropout_case', ['name', 'birthDate']),
        columns: [
          { header: '姓名', value: (x) => x.name },
          { header: '出生日期', value: (x) => x.birthDate, width: 12 },
          { header: '乡镇', value: (x) => x.townshipCode, width: 14 },
          { header: '行政村', value: (x) => x.areaCode, width: 14 },
          { header: '学年', value: (x) => `${x.schoolYear}-${x.schoolYear + 1}`, width: 11 },
          { header: '应在学段', value: (x) => zh(SchoolStage, x.expectedStage), width: 10 },
          { header: '应在年级（1–9）', value: (x) => x.expectedGrade, width: 8 },
          { header: '状态', value: (x) => (x.status === 'open' ? '未销号' : '已销号'), width: 8 },
          { header: '包保责任人', value: (x) => x.owner?.name ?? null },
          { header: '跟踪次数', value: (x) => x.followUps.length, width: 8 },
          { header: '最近跟踪', value: (x) => x.followUps.at(-1)?.note ?? null, width: 40 },
          { header: '销号原因', value: (x) => zh(DropoutCloseReason, x.closeReason), width: 20 },
          {
            header: '销号时间',
            value: (x) => (x.closedAt ? shanghaiDateOf(x.closedAt) : null),
            width: 12,
          },
        ],
      });
    }),
  );
}
