import { randomUUID } from 'node:crypto';
import {
  bi,
  conflict,
  countyWide,
  escapeRegex,
  type ListQuery,
  type Principal,
  type Scope,
  type ScopedRepository,
  unprocessable,
  isDuplicateKey,
} from '@fupin/kit';
import { areaLevel, isAreaCode } from '@fupin/reference';
import { auditActorOf, type SecurityAudit } from '../audit/security-audit';
import { generateInitialPassword, hashPassword } from './password';
import {
  type Department,
  defaultRightsOf,
  normaliseRights,
  type Rights,
  type Role,
  ROLES,
} from './roles';
import { type User, userView } from './user.model';

export interface UserInput {
  username: string;
  displayName: string;
  roles: Role[];
  department?: Department | null | undefined;
  areaCode: string;
  /** Omitted: the roles' default rights. */
  rights?: Rights | undefined;
}

export interface UserChange {
  displayName?: string | undefined;
  roles?: Role[] | undefined;
  department?: Department | null | undefined;
  areaCode?: string | undefined;
  rights?: Rights | undefined;
  status?: 'active' | 'disabled' | undefined;
  revision?: number | undefined;
}

export interface UserFilter {
  q?: string;
  role?: Role;
  department?: Department;
  areaCode?: string;
  status?: 'active' | 'disabled';
  id?: string[];
}

export interface UserServiceDeps {
  /** Users by their area scope: an administrator manages the users of its own area. */
  users: ScopedRepository<User>;
  audit: SecurityAudit;
  /** Ends the user's sessions and voids issued access tokens (rights changed, disabled …). */
  voidCredentials: (userId: string, now: Date) => Promise<void>;
  clearFailures: (userId: string) => Promise<void>;
  now: () => Date;
}

const MISSING = { what: bi('用户', 'User'), code: 'GATEWAY_USER_NOT_FOUND' };

/** The bootstrap command has no caller yet: it looks across the county for an administrator. */
const BOOTSTRAP = countyWide('the bootstrap command creates the first county administrator');

/** Fields whose change alters what the user may do: audited as permission changes. */
const PERMISSION_FIELDS = ['roles', 'department', 'areaCode', 'rights', 'status'] as const;

/** 用户管理 — users, their roles, area scope and rights, administered by the county. */
export class UserService {
  constructor(private readonly d: UserServiceDeps) {}

  private checkRoleFits(roles: Role[], department: Department | null, areaCode: string): void {
    const level = isAreaCode(areaCode) ? areaLevel(areaCode) : null;
    for (const role of roles) {
      const def = ROLES[role];
      if (!level || !(def.levels as readonly string[]).includes(level)) {
        throw unprocessable(
          'GATEWAY_ROLE_SCOPE_MISMATCH',
          bi(
            `角色「${def.zh}」的管辖范围须为：${def.levels.join('、')}级`,
            `The role "${def.en}" needs an area scope at level ${def.levels.join(' or ')}`,
          ),
          [
            {
              field: 'areaCode',
              code: 'SCOPE_LEVEL',
              message: bi('管辖范围级别不符', 'wrong scope level'),
            },
          ],
        );
      }
    }
    const needsDepartment = roles.some((r) => ROLES[r].needsDepartment);
    if (needsDepartment !== (department !== null)) {
      throw unprocessable(
        'GATEWAY_DEPARTMENT_MISMATCH',
        needsDepartment
          ? bi('行业部门人员须指定部门', 'Department staff need a department')
          : bi('只有行业部门人员才有部门', 'Only department staff have a department'),
        [
          {
            field: 'department',
            code: 'DEPARTMENT',
            message: bi('部门与角色不符', 'department does not fit the roles'),
          },
        ],
      );
    }
  }

  async list(p: Principal, q: ListQuery<UserFilter>) {
    const f = q.filter;
    const filter: Record<string, unknown> = {
      ...(f.q
        ? {
            $or: [
              { username: { $regex: `^${escapeRegex(f.q.toLowerCase())}` } },
              { displayName: { $regex: `^${escapeRegex(f.q)}` } },
            ],
          }
        : {}),
      ...(f.role ? { roles: f.role } : {}),
      ...(f.department ? { department: f.department } : {}),
      ...(f.status ? { status: f.status } : {}),
      ...(f.id ? { _id: { $in: f.id } } : {}),
    };
    if (f.areaCode) {
      this.d.users.assertWritable(p, f.areaCode);
      filter.areaCode = f.areaCode;
    }
    const { items, total } = await this.d.users.page(p, filter, q);
    return { items: items.map(userView), total };
  }

  /** One user: 404 when missing, 403 when of another area (as every change answers). */
  async get(p: Principal, id: string) {
    return userView(await this.d.users.getForChange(p, id, MISSING));
  }

  /** Creates a user with a random initial password, shown once, to be changed at first sign-in. */
  async create(p: Principal, input: UserInput, requestId: string | null = null) {
    this.d.users.assertWritable(p, input.areaCode);
    const department = input.department ?? null;
    this.checkRoleFits(input.roles, department, input.areaCode);
    const initialPassword = generateInitialPassword();
    const user = await this.insert(
      p,
      {
        username: input.username.trim().toLowerCase(),
        displayName: input.displayName,
        roles: input.roles,
        department,
        areaCode: input.areaCode,
        rights: normaliseRights(
          input.rights ?? defaultRightsOf(input.roles, department ?? undefined),
        ),
        passwordHash: await hashPassword(initialPassword),
      },
      p.userId,
    );
    await this.d.audit.record(
      auditActorOf(p),
      'permission_change',
      { type: 'user', ids: [user._id], fields: ['roles', 'department', 'areaCode', 'rights'] },
      { reason: 'user created', requestId },
    );
    return { user: userView(user), initialPassword };
  }

  private async insert(
    scope: Scope,
    fields: Pick<
      User,
      'username' | 'displayName' | 'roles' | 'department' | 'areaCode' | 'rights' | 'passwordHash'
    >,
    by: string,
  ): Promise<User> {
    const now = this.d.now();
    const doc: User = {
      _id: randomUUID(),
      ...fields,
      status: 'active',
      mustChangePassword: true,
      lockedUntil: null,
      passwordChangedAt: now,
      createdAt: now,
      updatedAt: now,
      createdBy: by,
      updatedBy: by,
      revision: 1,
    };
    try {
      await this.d.users.create(scope, doc);
    } catch (err) {
      if (isDuplicateKey(err)) {
        throw conflict(
          'GATEWAY_USERNAME_TAKEN',
          bi(`用户名「${doc.username}」已被使用`, `The username "${doc.username}" is taken`),
        );
      }
      throw err;
    }
    return doc;
  }

  /** Changes a user; a change of rights, roles, scope or status ends the user's sessions. */
  async update(p: Principal, id: string, change: UserChange, requestId: string | null = null) {
    const current = await this.d.users.getForChange(p, id, MISSING);
    if (change.areaCode) this.d.users.assertWritable(p, change.areaCode);
    if (change.revision !== undefined && change.revision !== current.revision) {
      throw conflict(
        'GATEWAY_USER_REVISION_CONFLICT',
        bi('该用户已被他人修改，请刷新后重试', 'Someone else changed the user; reload and retry'),
        { revision: current.revision },
      );
    }
    const roles = change.roles ?? current.roles;
    const department = change.department !== undefined ? change.department : current.department;
    const areaCode = change.areaCode ?? current.areaCode;
    this.checkRoleFits(roles, department, areaCode);
    if (id === p.userId && change.status === 'disabled') {
      throw unprocessable(
        'GATEWAY_CANNOT_DISABLE_SELF',
        bi('不能停用自己的账号', 'You cannot disable your own account'),
      );
    }
    const rolesChanged = change.roles !== undefined || change.department !== undefined;
    const rights = normaliseRights(
      change.rights ??
        (rolesChanged ? defaultRightsOf(roles, department ?? undefined) : current.rights),
    );
    const next = {
      displayName: change.displayName ?? current.displayName,
      roles,
      department,
      areaCode,
      rights,
      status: change.status ?? current.status,
    };
    const changed = PERMISSION_FIELDS.filter(
      (f) => JSON.stringify(next[f]) !== JSON.stringify(current[f]),
    );
    const now = this.d.now();
    const updated = await this.d.users.findOneAndUpdate(
      p,
      { _id: id, revision: current.revision },
      { $set: { ...next, updatedAt: now, updatedBy: p.userId }, $inc: { revision: 1 } },
    );
    if (!updated) {
      throw conflict(
        'GATEWAY_USER_REVISION_CONFLICT',
        bi('该用户已被他人修改，请刷新后重试', 'Someone else changed the user; reload and retry'),
      );
    }
    if (changed.length) {
      await this.d.voidCredentials(id, now);
      await this.d.audit.record(
        auditActorOf(p),
        'permission_change',
        { type: 'user', ids: [id], fields: [...changed] },
        { requestId },
      );
    }
    return userView(updated);
  }

  /** A new initial password (shown once); the user's sessions end. */
  async resetPassword(p: Principal, id: string, requestId: string | null = null) {
    await this.d.users.getForChange(p, id, MISSING);
    const initialPassword = generateInitialPassword();
    const now = this.d.now();
    await this.d.users.updateOne(
      p,
      { _id: id },
      {
        $set: {
          passwordHash: await hashPassword(initialPassword),
          mustChangePassword: true,
          passwordChangedAt: now,
          updatedAt: now,
          updatedBy: p.userId,
        },
        $inc: { revision: 1 },
      },
    );
    await this.d.voidCredentials(id, now);
    await this.d.audit.record(
      auditActorOf(p),
      'permission_change',
      { type: 'user', ids: [id], fields: ['password'] },
      { reason: 'password reset', requestId },
    );
    return { initialPassword };
  }

  async unlock(p: Principal, id: string, requestId: string | null = null) {
    await this.d.users.getForChange(p, id, MISSING);
    const now = this.d.now();
    const updated = await this.d.users.findOneAndUpdate(
      p,
      { _id: id },
      { $set: { lockedUntil: null, updatedAt: now, updatedBy: p.userId }, $inc: { revision: 1 } },
    );
    await this.d.clearFailures(id);
    await this.d.audit.record(
      auditActorOf(p),
      'permission_change',
      { type: 'user', ids: [id], fields: ['lockedUntil'] },
      { reason: 'account unlocked', requestId },
    );
    return userView(updated!);
  }

  /**
   * The first county administrator, created once by the bootstrap command. Refused when any
   * administrator exists already.
   */
  async bootstrapAdmin(input: { username: string; displayName: string; areaCode: string }) {
    const anyAdmin = await this.d.users.findOne(
      BOOTSTRAP,
      { roles: 'county_admin' },
      { projection: { _id: 1 } },
    );
    if (anyAdmin) {
      throw conflict(
        'GATEWAY_ALREADY_BOOTSTRAPPED',
        bi('系统管理员已存在，初始化命令只能执行一次', 'An administrator exists already'),
      );
    }
    this.checkRoleFits(['county_admin'], null, input.areaCode);
    const initialPassword = generateInitialPassword();
    const user = await this.insert(
      BOOTSTRAP,
      {
        username: input.username.trim().toLowerCase(),
        displayName: input.displayName,
        roles: ['county_admin'],
        department: null,
        areaCode: input.areaCode,
        rights: defaultRightsOf(['county_admin']),
        passwordHash: await hashPassword(initialPassword),
      },
      'bootstrap',
    );
    await this.d.audit.record(
      { id: 'bootstrap', name: 'bootstrap', areaCode: input.areaCode },
      'permission_change',
      { type: 'user', ids: [user._id], fields: ['roles', 'areaCode', 'rights'] },
      { reason: 'first administrator' },
    );
    return { user: userView(user), initialPassword };
  }
}
