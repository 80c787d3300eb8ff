import {
  handle,
  parseInput,
  parseListQuery,
  principalOf,
  requireRight,
  sendList,
  idParam,
  areaCode12,
} from '@fupin/kit';
import type { Router } from 'express';
import { z } from 'zod';
import { idsFilter } from '../http';
import type { PersonService } from './person.service';

const personFilter = z.strictObject({
  q: z.string().trim().min(1).max(50).optional(),
  townshipCode: areaCode12.optional(),
  areaCode: areaCode12.optional(),
  householdId: z.string().min(1).max(64).optional(),
  registered: z.boolean().optional(),
  inSchool: z.boolean().optional(),
  id: idsFilter.optional(),
});

/** 建档立卡人员 — the people of registered households, as the projection knows them. */
export function personRoutes(router: Router, people: PersonService): void {
  router.get(
    '/persons',
    requireRight('support', 'read'),
    handle(async (req, res) => {
      const q = parseListQuery(req.query as Record<string, unknown>, {
        sortable: ['name', 'birthDate', 'areaCode', 'householdNo'],
        defaultSort: ['name', 'ASC'],
        filter: personFilter,
      });
      const { items, total } = await people.list(principalOf(req), q);
      sendList(res, 'persons', q, items, total);
    }),
  );
  router.get(
    '/persons/:id',
    requireRight('support', 'read'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      res.json(await people.get(principalOf(req), id));
    }),
  );
}
