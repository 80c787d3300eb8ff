import { exportSPKI, generateKeyPair, SignJWT, type KeyLike } from 'jose';

export interface TestClaims {
  sub?: string;
  name?: string;
  roles?: string[];
  dept?: string;
  area: string;
  rights?: Record<string, string[]>;
}

/**
 * Signs access tokens the way the gateway does (ES256, issuer/audience), so services can be
 * tested with real signature checks and no gateway running.
 */
export async function createTestIssuer(opts: { issuer?: string; audience?: string } = {}) {
  const issuer = opts.issuer ?? 'fupin-gateway';
  const audience = opts.audience ?? 'fupin';
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const publicKeyPem = await exportSPKI(publicKey);

  async function sign(
    claims: TestClaims,
    o: { expiresIn?: string | number; key?: KeyLike; issuer?: string; audience?: string } = {},
  ): Promise<string> {
    return new SignJWT({
      name: claims.name ?? claims.sub ?? 'tester',
      roles: claims.roles ?? [],
      area: claims.area,
      rights: claims.rights ?? {},
      ...(claims.dept ? { dept: claims.dept } : {}),
    })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject(claims.sub ?? 'u-test')
      .setIssuer(o.issuer ?? issuer)
      .setAudience(o.audience ?? audience)
      .setIssuedAt()
      .setJti(crypto.randomUUID())
      .setExpirationTime(o.expiresIn ?? '15m')
      .sign(o.key ?? privateKey);
  }

  return { issuer, audience, publicKeyPem, sign };
}
