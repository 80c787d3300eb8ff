import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { User } from '../users/user.model';
import type { SigningKeys } from './signing-keys';

export interface IssuedAccessToken {
  token: string;
  jti: string;
  expiresAt: Date;
}

/**
 * Signs access tokens with exactly the claims the kit's auth middleware reads (`sub`,
 * `name`, `roles`, `dept`, `area`, `rights`, `jti`), plus `sid` (the sign-in session, for
 * logout) and `iat_ms` (so a revocation in the same second as a new sign-in is exact).
 */
export class TokenIssuer {
  constructor(
    private readonly keys: SigningKeys,
    private readonly opts: { issuer: string; audience: string; ttlSeconds: number },
  ) {}

  async issue(user: User, sessionId: string, now: Date): Promise<IssuedAccessToken> {
    const jti = randomUUID();
    const iat = Math.floor(now.getTime() / 1000);
    const exp = iat + this.opts.ttlSeconds;
    const token = await new SignJWT({
      name: user.username,
      roles: user.roles,
      ...(user.department ? { dept: user.department } : {}),
      area: user.areaCode,
      rights: user.rights,
      sid: sessionId,
      iat_ms: now.getTime(),
    })
      .setProtectedHeader({ alg: this.keys.alg, kid: this.keys.kid, typ: 'JWT' })
      .setSubject(user._id)
      .setIssuer(this.opts.issuer)
      .setAudience(this.opts.audience)
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .setJti(jti)
      .sign(this.keys.privateKey);
    return { token, jti, expiresAt: new Date(exp * 1000) };
  }
}
