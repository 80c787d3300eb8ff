import {
  handle,
  parseInput,
  principalOf,
  sendList,
  sendXlsx,
  writeSheet,
  areaCode12,
} from '@fupin/kit';
import type { Request, Router } from 'express';
import { z } from 'zod';
import { auditedBatches, stamp } from '../exports/sheet';
import { parseFilter, year } from '../http';
import { allow } from '../scope';
import { type HealthRouteDeps, kind, list, text } from './health.inputs';
import { insuredView } from './insurance.service';
import { shanghaiDateOf } from '@fupin/reference';

const insuranceFilter = z.strictObject({
  kind: kind.optional(),
  enrolled: z.boolean().optional(),
  townshipCode: areaCode12.optional(),
  areaCode: areaCode12.optional(),
  q: text(50).optional(),
});

/** Insurance enrolment by person and year, coverage by area, and the insurance export. */
export function insuranceRoutes(router: Router, deps: HealthRouteDeps): void {
  const { insurance } = deps;
  const thisYear = () => Number(shanghaiDateOf(deps.now()).slice(0, 4));
  const yearQuery = (req: Request) =>
    parseInput(z.object({ year: year.optional() }).passthrough(), req.query, { where: 'query' })
      .year ?? thisYear();
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
          area: areaCode12.optional(),
        }),
        req.query,
        { where: 'query' },
      );
      res.json(await insurance.coverage(principalOf(req), { ...q, year: q.year ?? thisYear() }));
    }),
  );
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
}
