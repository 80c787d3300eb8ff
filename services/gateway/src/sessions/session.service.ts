import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  AppError,
  bi,
  countyWide,
  forbidden,
  type ScopedRepository,
  type TokenRevoker,
  unauthorized,
} from '@fupin/kit';
import type { SecurityAudit } from '../audit/security-audit';
import type { User } from '../users/user.model';
import {
  checkPasswordRules,
  hashPassword,
  passwordMatches,
  spendVerifyTime,
} from '../users/password';
import type { LoginGuard } from './login-guard';
import type { RefreshTokenModel } from './refresh-token.model';
import type { TokenIssuer } from './token-issuer';

export interface SessionServiceDeps {
  users: ScopedRepository<User>;
  refreshTokens: RefreshTokenModel;
  issuer: TokenIssuer;
  guard: LoginGuard;
  revoker: TokenRevoker;
  audit: SecurityAudit;
  countyAreaCode: string;
  refreshTtlSeconds: number;
  lockSeconds: number;
  now: () => Date;
}

export interface RequestInfo {
  ip: string;
  requestId: string | null;
}

export interface IssuedTokens {
  tokenType: 'Bearer';
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresIn: number;
}

const loginFailed = () =>
  unauthorized('AUTH_LOGIN_FAILED', bi('用户名或密码错误', 'Wrong username or password'));
const accountLocked = (until: Date) =>
  new AppError(
    423,
    'AUTH_ACCOUNT_LOCKED',
    bi(
      '密码错误次数过多，账号已锁定，请稍后再试或联系管理员',
      'Too many wrong passwords: the account is locked; try later or ask an administrator',
    ),
    { extra: { lockedUntil: until.toISOString() } },
  );

/** Who signs in has no token yet: the user is found by name, wherever its area. */
const SIGN_IN = countyWide('sign-in finds the user by name before any token exists');

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** 登录 — sign-in, token refresh with rotation, logout and password change. */
export class SessionService {
  constructor(private readonly d: SessionServiceDeps) {}

  /**
   * Checks a username and password, counting wrong passwords: the one after
   * `LOGIN_MAX_FAILURES` within the window locks the account. Every outcome is audited.
   */
  private async verifyCredentials(
    usernameRaw: string,
    password: string,
    info: RequestInfo,
  ): Promise<User> {
    const username = usernameRaw.trim().toLowerCase();
    await this.d.guard.attempt(info.ip, username);
    const now = this.d.now();
    const user = await this.d.users.findOne(SIGN_IN, { username }, { projection: '+passwordHash' });
    const reqOpts = { requestId: info.requestId };
    if (!user) {
      await spendVerifyTime(password);
      await this.d.audit.record(
        { id: 'unknown', name: username, areaCode: this.d.countyAreaCode },
        'login_failed',
        { type: 'user', ids: [] },
        { ...reqOpts, reason: 'unknown username' },
      );
      throw loginFailed();
    }
    const actor = { id: user._id, name: user.username, areaCode: user.areaCode };
    const subject = { type: 'user', ids: [user._id] };
    if (user.lockedUntil && user.lockedUntil > now) {
      await this.d.audit.record(actor, 'login_failed', subject, {
        ...reqOpts,
        reason: 'account locked',
      });
      throw accountLocked(user.lockedUntil);
    }
    if (!(await passwordMatches(user.passwordHash, password))) {
      const mustLock = await this.d.guard.failed(user._id);
      await this.d.audit.record(actor, 'login_failed', subject, {
        ...reqOpts,
        reason: 'wrong password',
      });
      if (!mustLock) throw loginFailed();
      const until = new Date(now.getTime() + this.d.lockSeconds * 1000);
      await this.d.users.updateOne(SIGN_IN, { _id: user._id }, { $set: { lockedUntil: until } });
      await this.d.guard.clearFailures(user._id);
      await this.voidCredentials(user._id, now);
      await this.d.audit.record(actor, 'account_locked', subject, {
        ...reqOpts,
        reason: 'too many wrong passwords',
      });
      throw accountLocked(until);
    }
    await this.d.guard.clearFailures(user._id);
    if (user.status !== 'active') {
      await this.d.audit.record(actor, 'login_failed', subject, {
        ...reqOpts,
        reason: 'account disabled',
      });
      throw forbidden('AUTH_ACCOUNT_DISABLED', bi('账号已停用', 'The account is disabled'));
    }
    return user;
  }

  async login(username: string, password: string, info: RequestInfo): Promise<IssuedTokens> {
    const user = await this.verifyCredentials(username, password, info);
    if (user.mustChangePassword) {
      throw forbidden(
        'AUTH_PASSWORD_CHANGE_REQUIRED',
        bi(
          '首次登录或密码被重置，请先修改密码',
          'This is an initial password: change it before signing in',
        ),
      );
    }
    const tokens = await this.startSession(user);
    await this.d.audit.record(
      { id: user._id, name: user.username, areaCode: user.areaCode },
      'login',
      { type: 'user', ids: [user._id] },
      { requestId: info.requestId },
    );
    return tokens;
  }

  /** Changes a password with the current one; every existing session ends. */
  async changePassword(
    username: string,
    currentPassword: string,
    newPassword: string,
    info: RequestInfo,
  ): Promise<void> {
    const user = await this.verifyCredentials(username, currentPassword, info);
    checkPasswordRules(newPassword, { username: user.username });
    if (newPassword === currentPassword) {
      throw new AppError(
        422,
        'AUTH_PASSWORD_UNCHANGED',
        bi('新密码不能与当前密码相同', 'The new password must differ from the current one'),
        {
          errors: [
            {
              field: 'newPassword',
              code: 'PASSWORD_UNCHANGED',
              message: bi('与当前密码相同', 'same as the current password'),
            },
          ],
        },
      );
    }
    const now = this.d.now();
    await this.d.users.updateOne(
      SIGN_IN,
      { _id: user._id },
      {
        $set: {
          passwordHash: await hashPassword(newPassword),
          mustChangePassword: false,
          passwordChangedAt: now,
          updatedAt: now,
          updatedBy: user._id,
        },
        $inc: { revision: 1 },
      },
    );
    await this.voidCredentials(user._id, now);
  }

  /** Uses a refresh token up and issues the next one, with claims read afresh from the user. */
  async refresh(refreshToken: string): Promise<IssuedTokens> {
    const now = this.d.now();
    const hash = sha256(refreshToken);
    const claimed = await this.d.refreshTokens.findOneAndUpdate(
      { _id: hash, usedAt: null, revokedAt: null, expiresAt: { $gt: now } },
      { $set: { usedAt: now } },
      { new: true },
    );
    const invalid = () =>
      unauthorized(
        'AUTH_REFRESH_INVALID',
        bi('登录已失效，请重新登录', 'The session is no longer valid; sign in again'),
      );
    if (!claimed) {
      // A used token presented again means it was copied: end the whole session.
      const seen = await this.d.refreshTokens.findById(hash).lean();
      if (seen?.usedAt) await this.endSession(seen.sessionId, now);
      throw invalid();
    }
    const user = await this.d.users.findOne(SIGN_IN, { _id: claimed.userId });
    if (
      !user ||
      user.status !== 'active' ||
      user.mustChangePassword ||
      (user.lockedUntil && user.lockedUntil > now)
    ) {
      await this.endSession(claimed.sessionId, now);
      throw invalid();
    }
    return this.issuePair(user, claimed.sessionId, now);
  }

  /** Ends the session of a refresh token and, when given, the access token's session too. */
  async logout(refreshToken: string | undefined, accessSessionId: string | undefined) {
    const now = this.d.now();
    const sessions = new Set<string>();
    if (accessSessionId) sessions.add(accessSessionId);
    if (refreshToken) {
      const doc = await this.d.refreshTokens.findById(sha256(refreshToken)).lean();
      if (doc) sessions.add(doc.sessionId);
    }
    for (const sid of sessions) await this.endSession(sid, now);
  }

  /** Ends every session of a user and voids the access tokens already issued. */
  async voidCredentials(userId: string, now: Date): Promise<void> {
    await this.d.revoker.revokeUserTokens(userId, now);
    await this.d.refreshTokens.updateMany(
      { userId, revokedAt: null },
      { $set: { revokedAt: now } },
    );
  }

  private async endSession(sessionId: string, now: Date): Promise<void> {
    await this.d.revoker.revokeSession(sessionId);
    await this.d.refreshTokens.updateMany(
      { sessionId, revokedAt: null },
      { $set: { revokedAt: now } },
    );
  }

  private startSession(user: User): Promise<IssuedTokens> {
    return this.issuePair(user, randomUUID(), this.d.now());
  }

  private async issuePair(user: User, sessionId: string, now: Date): Promise<IssuedTokens> {
    const access = await this.d.issuer.issue(user, sessionId, now);
    const refreshToken = randomBytes(32).toString('base64url');
    await this.d.refreshTokens.create({
      _id: sha256(refreshToken),
      sessionId,
      userId: user._id,
      issuedAt: now,
      expiresAt: new Date(now.getTime() + this.d.refreshTtlSeconds * 1000),
      usedAt: null,
      revokedAt: null,
    });
    return {
      tokenType: 'Bearer',
      accessToken: access.token,
      expiresIn: Math.round((access.expiresAt.getTime() - now.getTime()) / 1000),
      refreshToken,
      refreshExpiresIn: this.d.refreshTtlSeconds,
    };
  }
}
