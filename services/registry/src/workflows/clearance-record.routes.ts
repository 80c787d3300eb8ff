import { handle, idParam, parseInput, principalOf, requireRight } from '@fupin/kit';
import type { Router } from 'express';
import { clearanceRecordSchema } from './clearance-record.schemas';
import type { ClearanceRecordService } from './clearance-record.service';

/** 补录清退 — a 清退 completed off-line, recorded by the county with its approval document. */
export function clearanceRecordRoutes(router: Router, records: ClearanceRecordService): void {
  router.post(
    '/households/:id/workflows/clearance/record',
    requireRight('registry', 'approve'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const body = parseInput(clearanceRecordSchema, req.body);
      res.status(201).json(await records.record(principalOf(req), id, body));
    }),
  );
}
