import { type OpenedService, type ScopedRepository, TokenRevoker } from '@fupin/kit';
import { SecurityAudit } from '../audit/security-audit';
import type { GatewayConfig } from '../config';
import type { User } from '../users/user.model';
import { UserService } from '../users/user.service';
import { LoginGuard } from './login-guard';
import type { RefreshTokenModel } from './refresh-token.model';
import { SessionService } from './session.service';
import type { SigningKeys } from './signing-keys';
import { TokenIssuer } from './token-issuer';

/**
 * Signing in and the accounts: revocations, the login guard, the token issuer, the sessions and
 * the users, on the service's Redis and audit log.
 */
export function signIn(
  service: Pick<OpenedService<GatewayConfig>, 'redis' | 'now' | 'audit'>,
  config: GatewayConfig,
  keys: SigningKeys,
  stores: { users: ScopedRepository<User>; refreshTokens: RefreshTokenModel },
) {
  const { redis, now } = service;
  const audit = new SecurityAudit(service.audit);
  // Revocations must outlive every access token they void (plus clock skew).
  const revoker = new TokenRevoker(
    redis,
    config.KAFKA_TOPIC_PREFIX,
    config.ACCESS_TOKEN_TTL_SECONDS + 120,
  );
  const guard = new LoginGuard({
    redis,
    namespace: config.KAFKA_TOPIC_PREFIX,
    maxFailures: config.LOGIN_MAX_FAILURES,
    failureWindowSeconds: config.LOGIN_FAILURE_WINDOW_SECONDS,
    perIpPerMinute: config.LOGIN_RATE_PER_IP,
    perUserPerMinute: config.LOGIN_RATE_PER_USER,
  });
  const issuer = new TokenIssuer(keys, {
    issuer: config.AUTH_ISSUER,
    audience: config.AUTH_AUDIENCE,
    ttlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
  });
  const sessions = new SessionService({
    users: stores.users,
    refreshTokens: stores.refreshTokens,
    issuer,
    guard,
    revoker,
    audit,
    countyAreaCode: config.COUNTY_AREA_CODE,
    refreshTtlSeconds: config.REFRESH_TOKEN_TTL_SECONDS,
    lockSeconds: config.LOGIN_LOCK_SECONDS,
    now,
  });
  const users = new UserService({
    users: stores.users,
    audit,
    voidCredentials: (id, at) => sessions.voidCredentials(id, at),
    clearFailures: (id) => guard.clearFailures(id),
    now,
  });
  return { revoker, guard, issuer, sessions, users };
}
