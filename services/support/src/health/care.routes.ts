import { handle, parseInput, principalOf, idParam, areaCode12 } from '@fupin/kit';
import type { Router } from 'express';
import { z } from 'zod';
import { getRoute, listRoute } from '../routes';
import { calendarDay } from '../http';
import { allow } from '../scope';
import { type HealthRouteDeps, optionalText, revision, text } from './health.inputs';
import {} from './insurance.service';

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
    townshipCode: areaCode12.optional(),
    areaCode: areaCode12.optional(),
    personId: text(64).optional(),
    disease: text(100).optional(),
    q: text(50).optional(),
  });

/** Chronic-care contracts (家庭医生签约) and serious-illness cases (大病专项救治). */
export function careRoutes(router: Router, deps: HealthRouteDeps): void {
  const { care } = deps;
  listRoute(router, '/health/chronic-care-contracts', allow('read', 'health'), {
    resource: 'chronic-care-contracts',
    sortable: ['signedOn', 'name', 'disease', 'doctor', 'updatedAt'],
    defaultSort: ['signedOn', 'DESC'],
    filter: careFilter(['active', 'ended']),
    list: (p, q) => care.listContracts(p, q),
  });
  router.post(
    '/health/chronic-care-contracts',
    allow('write', 'health'),
    handle(async (req, res) => {
      res
        .status(201)
        .json(await care.signContract(principalOf(req), parseInput(contractCreate, req.body)));
    }),
  );
  getRoute(router, '/health/chronic-care-contracts/:id', allow('read', 'health'), (p, id) =>
    care.getContract(p, id),
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
  listRoute(router, '/health/serious-illness-cases', allow('read', 'health'), {
    resource: 'serious-illness-cases',
    sortable: ['includedOn', 'name', 'disease', 'updatedAt'],
    defaultSort: ['includedOn', 'DESC'],
    filter: careFilter(['active', 'closed']),
    list: (p, q) => care.listIllnesses(p, q),
  });
  router.post(
    '/health/serious-illness-cases',
    allow('write', 'health'),
    handle(async (req, res) => {
      res
        .status(201)
        .json(await care.includeIllness(principalOf(req), parseInput(illnessCreate, req.body)));
    }),
  );
  getRoute(router, '/health/serious-illness-cases/:id', allow('read', 'health'), (p, id) =>
    care.getIllness(p, id),
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
}
