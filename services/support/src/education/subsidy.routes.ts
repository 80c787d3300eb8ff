import {
  handle,
  parseInput,
  principalOf,
  sendXlsx,
  writeSheet,
  idParam,
  areaCode12,
} from '@fupin/kit';
import { SchoolStage, shanghaiDateOf } from '@fupin/reference';
import type { Router } from 'express';
import { z } from 'zod';
import { listRoute } from '../routes';
import { auditedBatches, stamp, yuan, zh } from '../exports/sheet';
import { calendarDay, fen, term } from '../http';
import { allow } from '../scope';
import { SubsidyType } from './education.reference';
import { type EducationRouteDeps, filterOf, stage, subsidyType, text } from './education.inputs';
import { termOfDay } from './school-calendar';

const standardBody = z.strictObject({
  type: subsidyType,
  stage,
  fromTerm: term,
  amountFen: fen,
  note: z.string().trim().max(200).nullable().optional(),
});

const paymentBody = z.strictObject({
  studentId: text(64),
  type: subsidyType,
  term,
  amountFen: fen.optional(),
  paidOn: calendarDay,
  department: text(50),
});

const batchBody = z.strictObject({
  type: subsidyType,
  term,
  stage,
  townshipCode: areaCode12.optional(),
  amountFen: fen.optional(),
  paidOn: calendarDay,
  department: text(50),
});

const paymentFilter = z.strictObject({
  term: term.optional(),
  type: subsidyType.optional(),
  stage: stage.optional(),
  townshipCode: areaCode12.optional(),
  studentId: text(64).optional(),
  personId: text(64).optional(),
  voided: z.boolean().optional(),
});

/** Subsidy standards, payments (one, a batch, a void), totals, and the payment export. */
export function subsidyRoutes(router: Router, deps: EducationRouteDeps): void {
  const { subsidies } = deps;
  const currentTerm = () => termOfDay(shanghaiDateOf(deps.now()));
  listRoute(router, '/education/subsidy-standards', allow('read', 'education'), {
    resource: 'subsidy-standards',
    sortable: ['type', 'stage', 'fromOrdinal', 'amountFen'],
    defaultSort: ['type', 'ASC'],
    filter: z.strictObject({ type: subsidyType.optional(), stage: stage.optional() }),
    // The county's standards: the same for every caller.
    list: (_p, q) => subsidies.listStandards(q),
  });
  router.put(
    '/education/subsidy-standards',
    allow('write', 'education'),
    handle(async (req, res) => {
      const body = parseInput(standardBody, req.body);
      const { _id, ...rest } = await subsidies.setStandard(principalOf(req), body);
      res.json({ id: _id, ...rest });
    }),
  );
  listRoute(router, '/education/subsidy-payments', allow('read', 'education'), {
    resource: 'subsidy-payments',
    sortable: ['paidOn', 'term', 'type', 'amountFen', 'name', 'recordedAt'],
    defaultSort: ['recordedAt', 'DESC'],
    filter: paymentFilter,
    list: (p, q) => subsidies.list(p, q),
  });
  router.post(
    '/education/subsidy-payments',
    allow('write', 'education'),
    handle(async (req, res) => {
      const body = parseInput(paymentBody, req.body);
      res.status(201).json(await subsidies.pay(principalOf(req), body));
    }),
  );
  router.post(
    '/education/subsidy-payments/batch',
    allow('write', 'education'),
    handle(async (req, res) => {
      const body = parseInput(batchBody, req.body);
      res.json(await subsidies.payBatch(principalOf(req), body));
    }),
  );
  router.post(
    '/education/subsidy-payments/:id/void',
    allow('write', 'education'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const { reason } = parseInput(z.strictObject({ reason: text(500) }), req.body);
      res.json(await subsidies.void(principalOf(req), id, reason));
    }),
  );
  router.get(
    '/education/subsidy-totals',
    allow('read', 'education'),
    handle(async (req, res) => {
      const q = parseInput(
        z.strictObject({
          term: term.optional(),
          by: z.enum(['type', 'stage', 'township']).default('type'),
          type: subsidyType.optional(),
          stage: stage.optional(),
        }),
        req.query,
        { where: 'query' },
      );
      res.json(await subsidies.totals(principalOf(req), { ...q, term: q.term ?? currentTerm() }));
    }),
  );
  router.get(
    '/exports/subsidy-payments.xlsx',
    allow('export', 'education'),
    handle(async (req, res) => {
      const p = principalOf(req);
      const f = filterOf(req, paymentFilter);
      sendXlsx(res, `教育资助发放-${stamp(deps.now())}.xlsx`);
      await writeSheet(res, {
        name: '资助发放',
        rows: subsidies.cursor(p, f),
        beforeBatch: auditedBatches(deps.audit, p, 'subsidy_payment', ['name', 'amountFen']),
        columns: [
          { header: '姓名', value: (x) => x.name },
          { header: '乡镇', value: (x) => x.townshipCode, width: 14 },
          { header: '行政村', value: (x) => x.areaCode, width: 14 },
          { header: '学期', value: (x) => x.term, width: 14 },
          { header: '资助类型', value: (x) => zh(SubsidyType, x.type), width: 14 },
          { header: '学段', value: (x) => zh(SchoolStage, x.stage), width: 10 },
          { header: '金额（元）', value: (x) => yuan(x.amountFen), width: 12 },
          { header: '发放日期', value: (x) => x.paidOn, width: 12 },
          { header: '发放部门', value: (x) => x.department },
          { header: '状态', value: (x) => (x.voided ? `已作废：${x.voidReason ?? ''}` : '有效') },
        ],
      });
    }),
  );
}
