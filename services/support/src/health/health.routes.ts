import {
  type AuditLog,
  handle,
  parseInput,
  parseListQuery,
  principalOf,
  sendList,
  sendXlsx,
  writeSheet,
} from '@fupin/kit';
import type { Request, Router } from 'express';
import { z } from 'zod';
import { auditedBatches, stamp, yuan } from '../exports/sheet';
import { areaCode, calendarDay, fen, idParam, parseFilter, shanghaiDay, year } from '../http';
import { allow } from '../scope';
import type { CareService } from './care.service';
import { INSURANCE_KINDS } from './coverage.rules';
import type { EpisodeService } from './episode.service';
import { type InsuranceService, insuredView } from './insurance.service';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const revision = z.number().int().positive().optional();
const kind = z.enum(INSURANCE_KINDS);

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
const contractCreate = z.strictObject({
  personId: text(64),
  disease: text(100),
  doctor: text(50),
  team: optionalText(100),
  signedOn: calendarDay,
  validUntil: calendarDay.nullable().optional(),
});
const contractUpdate = z.strictObject({
  disease: text(100).optional(),
  doctor: text(50).optional(),
  team: optionalText(100),
  validUntil: calendarDay.nullable().optional(),
  endedOn: calendarDay.optional(),
  revision,
});
const illnessCreate = z.strictObject({
  personId: text(64),
  disease: text(100),
  hospital: optionalText(100),
  diagnosedOn: calendarDay.nullable().optional(),
  includedOn: calendarDay,
  note: optionalText(1000),
});
const illnessUpdate = z.strictObject({
  disease: text(100).optional(),
  hospital: optionalText(100),
  note: optionalText(1000),
  closedOn: calendarDay.optional(),
  revision,
});
const careFilter = (statuses: [string, ...string[]]) =>
  z.strictObject({
    status: z.enum(statuses).optional(),
    townshipCode: areaCode.optional(),
    areaCode: areaCode.optional(),
    personId: text(64).optional(),
    disease: text(100).optional(),
    q: text(50).optional(),
  });

const insuranceFilter = z.strictObject({
  kind: kind.optional(),
  enrolled: z.boolean().optional(),
  townshipCode: areaCode.optional(),
  areaCode: areaCode.optional(),
  q: text(50).optional(),
});
const episodeFilter = z.strictObject({
  topUpStatus: z.enum(['not_needed', 'owed', 'partly_paid', 'paid']).optional(),
  townshipCode: areaCode.optional(),
  areaCode: areaCode.optional(),
  personId: text(64).optional(),
  admittedFrom: calendarDay.optional(),
  admittedTo: calendarDay.optional(),
});

const list = <F extends z.ZodType>(
  req: Request,
  sortable: string[],
  defaultSort: [string, 'ASC' | 'DESC'],
  filter: F,
) => parseListQuery(req.query as Record<string, unknown>, { sortable, defaultSort, filter });

/** 健康扶贫 — insurance coverage, chronic-care contracts, in-patient top-ups, serious illness. */
export function healthRoutes(
  router: Router,
  deps: {
    insurance: InsuranceService;
    episodes: EpisodeService;
    care: CareService;
    audit: AuditLog;
    now: () => Date;
  },
): void {
  const { insurance, episodes, care } = deps;
  const thisYear = () => Number(shanghaiDay(deps.now()).slice(0, 4));
  const yearQuery = (req: Request) =>
    parseInput(z.object({ year: year.optional() }).passthrough(), req.query, { where: 'query' })
      .year ?? thisYear();

  // ---------------------------------------------------------------- insurance
  router.get(
    '/health/insurance',
    allow('read', 'health'),
    handle(async (req, res) => {
      const y = yearQuery(req);
      const q = list(
        req,
        ['name', 'areaCode', 'birthDate', 'householdNo'],
        ['name', 'ASC'],
        insuranceFilter,
      );
      const { items, total } = await insurance.list(principalOf(req), y, q);
      sendList(res, 'insurance', q, items, total);
    }),
  );
  router.post(
    '/health/insurance',
    allow('write', 'health'),
    handle(async (req, res) => {
      const body = parseInput(
        z.strictObject({ personId: text(64), year, kind, enrolled: z.boolean() }),
        req.body,
      );
      res.json(await insurance.record(principalOf(req), body));
    }),
  );
  router.get(
    '/health/coverage',
    allow('read', 'health'),
    handle(async (req, res) => {
      const q = parseInput(
        z.strictObject({
          year: year.optional(),
          by: z.enum(['township', 'village']).default('township'),
          area: areaCode.optional(),
        }),
        req.query,
        { where: 'query' },
      );
      res.json(await insurance.coverage(principalOf(req), { ...q, year: q.year ?? thisYear() }));
    }),
  );

  // ---------------------------------------------------------------- in-patient episodes
  router.get(
    '/health/inpatient-episodes',
    allow('read', 'health'),
    handle(async (req, res) => {
      const q = list(
        req,
        ['admittedOn', 'totalCostFen', 'topUpFen', 'ratioBasisPoints', 'name', 'recordedAt'],
        ['admittedOn', 'DESC'],
        episodeFilter,
      );
      const { items, total } = await episodes.list(principalOf(req), q);
      sendList(res, 'inpatient-episodes', q, items, total);
    }),
  );
  router.post(
    '/health/inpatient-episodes',
    allow('write', 'health'),
    handle(async (req, res) => {
      const body = parseInput(episodeCreate, req.body);
      res.status(201).json(await episodes.record(principalOf(req), body));
    }),
  );
  router.get(
    '/health/inpatient-episodes/:id',
    allow('read', 'health'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      res.json(await episodes.get(principalOf(req), id));
    }),
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

  // ---------------------------------------------------------------- chronic care, serious illness
  router.get(
    '/health/chronic-care-contracts',
    allow('read', 'health'),
    handle(async (req, res) => {
      const q = list(
        req,
        ['signedOn', 'name', 'disease', 'doctor', 'updatedAt'],
        ['signedOn', 'DESC'],
        careFilter(['active', 'ended']),
      );
      const { items, total } = await care.listContracts(principalOf(req), q);
      sendList(res, 'chronic-care-contracts', q, items, total);
    }),
  );
  router.post(
    '/health/chronic-care-contracts',
    allow('write', 'health'),
    handle(async (req, res) => {
      res
        .status(201)
        .json(await care.signContract(principalOf(req), parseInput(contractCreate, req.body)));
    }),
  );
  router.get(
    '/health/chronic-care-contracts/:id',
    allow('read', 'health'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      res.json(await care.getContract(principalOf(req), id));
    }),
  );
  router.put(
    '/health/chronic-care-contracts/:id',
    allow('write', 'health'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const { revision: rev, ...patch } = parseInput(contractUpdate, req.body);
      res.json(await care.updateContract(principalOf(req), id, patch, rev));
    }),
  );
  router.get(
    '/health/serious-illness-cases',
    allow('read', 'health'),
    handle(async (req, res) => {
      const q = list(
        req,
        ['includedOn', 'name', 'disease', 'updatedAt'],
        ['includedOn', 'DESC'],
        careFilter(['active', 'closed']),
      );
      const { items, total } = await care.listIllnesses(principalOf(req), q);
      sendList(res, 'serious-illness-cases', q, items, total);
    }),
  );
  router.post(
    '/health/serious-illness-cases',
    allow('write', 'health'),
    handle(async (req, res) => {
      res
        .status(201)
        .json(await care.includeIllness(principalOf(req), parseInput(illnessCreate, req.body)));
    }),
  );
  router.get(
    '/health/serious-illness-cases/:id',
    allow('read', 'health'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      res.json(await care.getIllness(principalOf(req), id));
    }),
  );
  router.put(
    '/health/serious-illness-cases/:id',
    allow('write', 'health'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const { revision: rev, ...patch } = parseInput(illnessUpdate, req.body);
      res.json(await care.updateIllness(principalOf(req), id, patch, rev));
    }),
  );

  // ---------------------------------------------------------------- exports
  router.get(
    '/exports/insurance.xlsx',
    allow('export', 'health'),
    handle(async (req, res) => {
      const p = principalOf(req);
      const y = yearQuery(req);
      const f = parseFilter(req.query as Record<string, unknown>, insuranceFilter);
      sendXlsx(res, `参保情况-${y}-${stamp(deps.now())}.xlsx`);
      const mark = (b: boolean) => (b ? '已参保' : '未参保');
      await writeSheet(res, {
        name: `${y}年参保`,
        rows: insurance.cursor(p, y, f),
        beforeBatch: auditedBatches(deps.audit, p, 'person', ['name', 'insurance']),
        columns: [
          { header: '姓名', value: (x) => x.name },
          { header: '出生日期', value: (x) => x.birthDate, width: 12 },
          { header: '户编号', value: (x) => x.householdNo },
          { header: '乡镇', value: (x) => x.townshipCode, width: 14 },
          { header: '行政村', value: (x) => x.areaCode, width: 14 },
          {
            header: '基本医疗保险',
            value: (x) => mark(insuredView(x, y).basic_medical),
            width: 12,
          },
          { header: '大病保险', value: (x) => mark(insuredView(x, y).serious_illness), width: 12 },
          { header: '养老保险', value: (x) => mark(insuredView(x, y).pension), width: 12 },
        ],
      });
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
