import {
  handle,
  parseInput,
  parseListQuery,
  principalOf,
  requireReason,
  requireRight,
  sendList,
  idParam,
} from '@fupin/kit';
import type { Request, Router } from 'express';
import { z } from 'zod';
import {
  guaranteeClearSchema,
  guaranteeOverrideSchema,
  headChangeSchema,
  HOUSEHOLD_SORTABLE,
  householdCreateSchema,
  householdFilterSchema,
  householdUpdateSchema,
  memberInputSchema,
  memberPatchSchema,
  removeMemberSchema,
  unmaskQuerySchema,
} from './household.schemas';
import { GUARANTEES } from './household.model';
import type { HouseholdService, UnmaskRequest } from './household.service';

const memberParam = idParam.extend({ memberId: z.string().min(1).max(64) });
const guaranteeParam = idParam.extend({ code: z.enum(GUARANTEES) });

/** `?unmask=true&reason=…` asks for personal data in clear; the reason is mandatory and audited. */
export function unmaskOf(req: Request): UnmaskRequest | null {
  const q = parseInput(unmaskQuerySchema, req.query, { where: 'query' });
  if (q.unmask !== 'true') return null;
  return { reason: requireReason(q.reason), requestId: typeof req.id === 'string' ? req.id : null };
}

/**
 * The reason given for an export that keeps personal data masked (the console asks one for
 * every export): it is recorded with the export, not required. An unmasked export's reason is
 * the unmask request's own (required).
 */
export function exportReasonOf(req: Request): string | null {
  const q = parseInput(unmaskQuerySchema, req.query, { where: 'query' });
  return q.reason?.trim() || null;
}

export function listQueryOf(req: Request) {
  return parseListQuery(req.query as Record<string, unknown>, {
    sortable: HOUSEHOLD_SORTABLE,
    defaultSort: ['householdNo', 'ASC'],
    filter: householdFilterSchema,
  });
}

export function householdRoutes(router: Router, households: HouseholdService): void {
  router.get(
    '/households',
    requireRight('registry', 'read'),
    handle(async (req, res) => {
      const q = listQueryOf(req);
      const { items, total } = await households.list(principalOf(req), q);
      sendList(res, 'households', q, items, total);
    }),
  );
  router.get(
    '/households/count',
    requireRight('registry', 'read'),
    handle(async (req, res) => {
      const q = listQueryOf(req);
      res.json({ count: await households.count(principalOf(req), q.filter) });
    }),
  );
  router.get(
    '/households/:id',
    requireRight('registry', 'read'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      res.json(await households.get(principalOf(req), id, unmaskOf(req)));
    }),
  );
  router.get(
    '/households/:id/history',
    requireRight('registry', 'read'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const h = await households.load(principalOf(req), id);
      res.json(h.history);
    }),
  );
  router.post(
    '/households',
    requireRight('registry', 'write'),
    handle(async (req, res) => {
      const body = parseInput(householdCreateSchema, req.body);
      res.status(201).json(await households.register(principalOf(req), body));
    }),
  );
  router.put(
    '/households/:id',
    requireRight('registry', 'write'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const { revision, ...patch } = parseInput(householdUpdateSchema, req.body);
      res.json(await households.update(principalOf(req), id, patch, revision));
    }),
  );
  router.post(
    '/households/:id/members',
    requireRight('registry', 'write'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const { revision, ...member } = parseInput(
        memberInputSchema.extend({ revision: z.number().int().positive().optional() }),
        req.body,
      );
      res.status(201).json(await households.addMember(principalOf(req), id, member, revision));
    }),
  );
  router.put(
    '/households/:id/members/:memberId',
    requireRight('registry', 'write'),
    handle(async (req, res) => {
      const { id, memberId } = parseInput(memberParam, req.params, { where: 'params' });
      const { revision, ...patch } = parseInput(memberPatchSchema, req.body);
      res.json(await households.updateMember(principalOf(req), id, memberId, patch, revision));
    }),
  );
  router.put(
    '/households/:id/guarantees/:code',
    requireRight('registry', 'write'),
    handle(async (req, res) => {
      const { id, code } = parseInput(guaranteeParam, req.params, { where: 'params' });
      const { revision, ...input } = parseInput(guaranteeOverrideSchema, req.body);
      res.json(await households.overrideGuarantee(principalOf(req), id, code, input, revision));
    }),
  );
  router.post(
    '/households/:id/guarantees/:code/clear',
    requireRight('registry', 'write'),
    handle(async (req, res) => {
      const { id, code } = parseInput(guaranteeParam, req.params, { where: 'params' });
      const { reason, revision } = parseInput(guaranteeClearSchema, req.body);
      res.json(
        await households.clearGuaranteeOverride(principalOf(req), id, code, reason, revision),
      );
    }),
  );
  router.post(
    '/households/:id/head',
    requireRight('registry', 'write'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const { revision, ...input } = parseInput(headChangeSchema, req.body);
      res.json(await households.changeHead(principalOf(req), id, input, revision));
    }),
  );
  router.post(
    '/households/:id/members/:memberId/remove',
    requireRight('registry', 'write'),
    handle(async (req, res) => {
      const { id, memberId } = parseInput(memberParam, req.params, { where: 'params' });
      const { reason, revision } = parseInput(removeMemberSchema, req.body);
      res.json(await households.removeMember(principalOf(req), id, memberId, reason, revision));
    }),
  );
}
