import { handle, parseInput, principalOf, sendList, idParam, areaCode12 } from '@fupin/kit';
import type { Router } from 'express';
import { z } from 'zod';
import { calendarDay } from '../http';
import { allow } from '../scope';
import { type HealthRouteDeps, list, optionalText, revision, text } from './health.inputs';
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
}
