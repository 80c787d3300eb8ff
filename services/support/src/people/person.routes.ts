import { requireRight, areaCode12 } from '@fupin/kit';
import type { Router } from 'express';
import { z } from 'zod';
import { getRoute, listRoute } from '../routes';
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
  listRoute(router, '/persons', requireRight('support', 'read'), {
    resource: 'persons',
    sortable: ['name', 'birthDate', 'areaCode', 'householdNo'],
    defaultSort: ['name', 'ASC'],
    filter: personFilter,
    list: (p, q) => people.list(p, q),
  });
  getRoute(router, '/persons/:id', requireRight('support', 'read'), (p, id) => people.get(p, id));
}
