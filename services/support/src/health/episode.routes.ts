import {
  handle,
  parseInput,
  principalOf,
  sendXlsx,
  writeSheet,
  idParam,
  areaCode12,
} from '@fupin/kit';
import type { Router } from 'express';
import { z } from 'zod';
import { getRoute, listRoute } from '../routes';
import { auditedBatches, stamp, yuan } from '../exports/sheet';
import { calendarDay, fen, parseFilter } from '../http';
import { allow } from '../scope';
import { type HealthRouteDeps, optionalText, revision, text } from './health.inputs';
import {} from './insurance.service';

const episodeFields = {
  hospital: text(100),
  admittedOn: calendarDay,
  dischargedOn: calendarDay.nullable().optional(),
  diagnosis: optionalText(200),
  totalCostFen: fen,
  basicInsuranceFen: fen,
  seriousIllnessInsuranceFen: fen,
  medicalAssistanceFen: fen,
  treatFirstPayLater: z.boolean().optional(),
};

const episodeCreate = z.strictObject({ personId: text(64), ...episodeFields });

const episodeCorrect = z.strictObject({ ...episodeFields, revision });

const topUpBody = z.strictObject({
  amountFen: z.number().int().positive().max(1e12).optional(),
  paidOn: calendarDay,
  department: text(50),
  voucherNo: optionalText(50),
});

const episodeFilter = z.strictObject({
  topUpStatus: z.enum(['not_needed', 'owed', 'partly_paid', 'paid']).optional(),
  townshipCode: areaCode12.optional(),
  areaCode: areaCode12.optional(),
  personId: text(64).optional(),
  admittedFrom: calendarDay.optional(),
  admittedTo: calendarDay.optional(),
});

/** In-patient episodes: recording, correcting, top-up payments, and the episode export. */
export function episodeRoutes(router: Router, deps: HealthRouteDeps): void {
  const { episodes } = deps;
  listRoute(router, '/health/inpatient-episodes', allow('read', 'health'), {
    resource: 'inpatient-episodes',
    sortable: ['admittedOn', 'totalCostFen', 'topUpFen', 'ratioBasisPoints', 'name', 'recordedAt'],
    defaultSort: ['admittedOn', 'DESC'],
    filter: episodeFilter,
    list: (p, q) => episodes.list(p, q),
  });
  router.post(
    '/health/inpatient-episodes',
    allow('write', 'health'),
    handle(async (req, res) => {
      const body = parseInput(episodeCreate, req.body);
      res.status(201).json(await episodes.record(principalOf(req), body));
    }),
  );
  getRoute(router, '/health/inpatient-episodes/:id', allow('read', 'health'), (p, id) =>
    episodes.get(p, id),
  );
  router.put(
    '/health/inpatient-episodes/:id',
    allow('write', 'health'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const { revision: rev, ...body } = parseInput(episodeCorrect, req.body);
      res.json(await episodes.correct(principalOf(req), id, body, rev));
    }),
  );
  router.post(
    '/health/inpatient-episodes/:id/top-up-payments',
    allow('write', 'health'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const body = parseInput(topUpBody, req.body);
      res.status(201).json(await episodes.payTopUp(principalOf(req), id, body));
    }),
  );
  router.get(
    '/exports/inpatient-episodes.xlsx',
    allow('export', 'health'),
    handle(async (req, res) => {
      const p = principalOf(req);
      const f = parseFilter(req.query as Record<string, unknown>, episodeFilter);
      sendXlsx(res, `住院报账与追补-${stamp(deps.now())}.xlsx`);
      await writeSheet(res, {
        name: '住院报账',
        rows: episodes.cursor(p, f),
        beforeBatch: auditedBatches(deps.audit, p, 'inpatient_episode', ['name', 'diagnosis']),
        columns: [
          { header: '姓名', value: (x) => x.name },
          { header: '乡镇', value: (x) => x.townshipCode, width: 14 },
          { header: '行政村', value: (x) => x.areaCode, width: 14 },
          { header: '医院', value: (x) => x.hospital, width: 20 },
          { header: '入院日期', value: (x) => x.admittedOn, width: 12 },
          { header: '出院日期', value: (x) => x.dischargedOn, width: 12 },
          { header: '总费用（元）', value: (x) => yuan(x.totalCostFen), width: 12 },
          { header: '基本医保（元）', value: (x) => yuan(x.basicInsuranceFen), width: 12 },
          { header: '大病保险（元）', value: (x) => yuan(x.seriousIllnessInsuranceFen), width: 12 },
          { header: '医疗救助（元）', value: (x) => yuan(x.medicalAssistanceFen), width: 12 },
          { header: '报付比例（%）', value: (x) => x.ratioBasisPoints / 100, width: 10 },
          { header: '应追补（元）', value: (x) => yuan(x.topUpFen), width: 12 },
          { header: '已追补（元）', value: (x) => yuan(x.topUpPaidFen), width: 12 },
          { header: '追补状态', value: (x) => TOP_UP_STATUS[x.topUpStatus], width: 10 },
        ],
      });
    }),
  );
}

const TOP_UP_STATUS = {
  not_needed: '无需追补',
  owed: '待追补',
  partly_paid: '部分追补',
  paid: '已追补',
};
