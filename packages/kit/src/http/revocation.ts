import type { Redis } from 'ioredis';
import type { JWTPayload } from 'jose';
import { bi, unavailable } from '../errors';

/**
 * Access-token revocation shared by the gateway (which writes) and every service (which
 * reads on each request). Three kinds of entry live in Redis, so every instance of every
 * service sees the same answer at once:
 * - a token id (`jti`) revoked by itself;
 * - a session id (`sid`, one per sign-in, kept across refreshes) revoked at logout;
 * - per user, "tokens issued before this instant are void" (lock, password or rights change).
 * Entries only need to outlive the access tokens they void, so each expires after the
 * longest access-token lifetime.
 */
export function revocationKeys(namespace: string) {
  const base = `${namespace || 'fupin'}:auth`;
  return {
    token: (jti: string) => `${base}:revoked-token:${jti}`,
    session: (sid: string) => `${base}:revoked-session:${sid}`,
    userValidAfter: (userId: string) => `${base}:valid-after:${userId}`,
  };
}

/** The instant a token was issued, in ms: the gateway's `iat_ms`, else the standard `iat`. */
function issuedAtMs(payload: JWTPayload): number {
  const ms = payload.iat_ms;
  if (typeof ms === 'number' && Number.isFinite(ms)) return ms;
  return (payload.iat ?? 0) * 1000;
}

/**
 * The `isRevoked` check for `createTokenVerifier`. Fails closed: when Redis cannot answer,
 * the request gets a 503 rather than a pass.
 */
export function redisRevocationCheck(
  redis: Redis,
  namespace: string,
): (payload: JWTPayload) => Promise<boolean> {
  const keys = revocationKeys(namespace);
  return async (payload) => {
    const jti = typeof payload.jti === 'string' ? payload.jti : '';
    const sid = typeof payload.sid === 'string' ? payload.sid : '';
    const sub = typeof payload.sub === 'string' ? payload.sub : '';
    let values: (string | null)[];
    try {
      values = await redis.mget(
        keys.token(jti || '-'),
        keys.session(sid || '-'),
        keys.userValidAfter(sub || '-'),
      );
    } catch {
      throw unavailable(
        'AUTH_REVOCATION_UNAVAILABLE',
        bi('暂时无法校验登录状态，请稍后重试', 'Sign-in status cannot be checked now; try again'),
      );
    }
    const [byToken, bySession, validAfter] = values;
    if ((jti && byToken) || (sid && bySession)) return true;
    return validAfter !== null && issuedAtMs(payload) < Number(validAfter);
  };
}

/** The gateway's side: writes the entries `redisRevocationCheck` reads. */
export class TokenRevoker {
  private readonly keys: ReturnType<typeof revocationKeys>;

  constructor(
    private readonly redis: Redis,
    namespace: string,
    /** The longest access-token lifetime, plus clock skew. */
    private readonly ttlSeconds: number,
  ) {
    this.keys = revocationKeys(namespace);
  }

  async revokeToken(jti: string): Promise<void> {
    await this.redis.set(this.keys.token(jti), '1', 'EX', this.ttlSeconds);
  }

  async revokeSession(sid: string): Promise<void> {
    await this.redis.set(this.keys.session(sid), '1', 'EX', this.ttlSeconds);
  }

  /** Voids every access token of the user issued before `at`. */
  async revokeUserTokens(userId: string, at: Date): Promise<void> {
    await this.redis.set(
      this.keys.userValidAfter(userId),
      String(at.getTime()),
      'EX',
      this.ttlSeconds,
    );
  }
}
