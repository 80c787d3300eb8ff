import {
  handle,
  parseInput,
  parseListQuery,
  principalOf,
  requireRight,
  RIGHTS,
  sendList,
  zmsg,
  areaCodeDigits,
} from '@fupin/kit';
import type { Request, Router } from 'express';
import { z } from 'zod';
import {
  DEPARTMENT_CODES,
  DEPARTMENTS,
  MODULES,
  ROLE_CODES,
  ROLES,
  type RoleDefinition,
} from './roles';
import type { UserService } from './user.service';

const username = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z][A-Za-z0-9._-]{2,39}$/,
    zmsg(
      '用户名为3–40个字母、数字或 . _ -，以字母开头',
      'a username is 3–40 letters, digits or . _ -, starting with a letter',
    ),
  );
const displayName = z
  .string()
  .trim()
  .min(1, zmsg('姓名不能为空', 'the name is required'))
  .max(100, zmsg('姓名不能超过100个字符', 'the name is at most 100 characters'));
const roles = z.array(z.enum(ROLE_CODES)).min(1).max(ROLE_CODES.length);
const department = z.enum(DEPARTMENT_CODES).nullable();
const rights = z.partialRecord(z.enum(MODULES), z.array(z.enum(RIGHTS)).max(RIGHTS.length));
const id = z.object({ id: z.uuid() });

const createBody = z.strictObject({
  username,
  displayName,
  roles,
  department: department.optional(),
  areaCode: areaCodeDigits,
  rights: rights.optional(),
});
const updateBody = z.strictObject({
  displayName: displayName.optional(),
  roles: roles.optional(),
  department: department.optional(),
  areaCode: areaCodeDigits.optional(),
  rights: rights.optional(),
  status: z.enum(['active', 'disabled']).optional(),
  revision: z.number().int().positive().optional(),
});
const listFilter = z.strictObject({
  q: z.string().max(40).optional(),
  role: z.enum(ROLE_CODES).optional(),
  department: z.enum(DEPARTMENT_CODES).optional(),
  areaCode: areaCodeDigits.optional(),
  status: z.enum(['active', 'disabled']).optional(),
  id: z
    .union([z.uuid(), z.array(z.uuid()).max(500)])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional(),
});

const requestIdOf = (req: Request) => (typeof req.id === 'string' ? req.id : null);

/** The role catalogue, for the console's forms. */
const roleCatalogue = ROLE_CODES.map((code) => {
  const role: RoleDefinition = ROLES[code];
  return {
    id: code,
    zh: role.zh,
    en: role.en,
    levels: role.levels,
    needsDepartment: role.needsDepartment,
    defaultRights: role.needsDepartment
      ? Object.fromEntries(DEPARTMENT_CODES.map((d) => [d, role.defaultRights(d)]))
      : role.defaultRights(),
  };
});
const departmentCatalogue = DEPARTMENT_CODES.map((code) => ({ id: code, ...DEPARTMENTS[code] }));

export function userRoutes(router: Router, users: UserService): void {
  router.get(
    '/users',
    requireRight('users', 'read'),
    handle(async (req, res) => {
      const q = parseListQuery(req.query as Record<string, unknown>, {
        sortable: ['username', 'displayName', 'areaCode', 'createdAt', 'updatedAt'],
        defaultSort: ['username', 'ASC'],
        filter: listFilter,
      });
      const { items, total } = await users.list(principalOf(req), q);
      sendList(res, 'users', q, items, total);
    }),
  );
  router.get(
    '/users/:id',
    requireRight('users', 'read'),
    handle(async (req, res) => {
      const p = parseInput(id, req.params, { where: 'params' });
      res.json(await users.get(principalOf(req), p.id));
    }),
  );
  router.post(
    '/users',
    requireRight('users', 'write'),
    handle(async (req, res) => {
      const body = parseInput(createBody, req.body);
      res.status(201).json(await users.create(principalOf(req), body, requestIdOf(req)));
    }),
  );
  router.put(
    '/users/:id',
    requireRight('users', 'write'),
    handle(async (req, res) => {
      const p = parseInput(id, req.params, { where: 'params' });
      const body = parseInput(updateBody, req.body);
      res.json(await users.update(principalOf(req), p.id, body, requestIdOf(req)));
    }),
  );
  router.post(
    '/users/:id/reset-password',
    requireRight('users', 'write'),
    handle(async (req, res) => {
      const p = parseInput(id, req.params, { where: 'params' });
      res.json(await users.resetPassword(principalOf(req), p.id, requestIdOf(req)));
    }),
  );
  router.post(
    '/users/:id/unlock',
    requireRight('users', 'write'),
    handle(async (req, res) => {
      const p = parseInput(id, req.params, { where: 'params' });
      res.json(await users.unlock(principalOf(req), p.id, requestIdOf(req)));
    }),
  );
  router.get('/roles', requireRight('users', 'read'), (_req, res) => {
    res.setHeader('Content-Range', `roles 0-${roleCatalogue.length - 1}/${roleCatalogue.length}`);
    res.json(roleCatalogue);
  });
  router.get('/departments', requireRight('users', 'read'), (_req, res) => {
    res.setHeader(
      'Content-Range',
      `departments 0-${departmentCatalogue.length - 1}/${departmentCatalogue.length}`,
    );
    res.json(departmentCatalogue);
  });
}
