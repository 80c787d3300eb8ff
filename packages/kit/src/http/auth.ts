import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { createRemoteJWKSet, importSPKI, jwtVerify, type JWTPayload, type KeyLike } from 'jose';
import { z } from 'zod';
import { isAreaCode } from '@fupin/reference';
import { bi, forbidden, unauthorized } from '../errors';

export const RIGHTS = ['read', 'write', 'approve', 'unmask', 'export'] as const;
export type Right = (typeof RIGHTS)[number];

/** What a verified access token says about the caller. */
export interface Principal {
  userId: string;
  username: string;
  roles: string[];
  /** Line department (教育, 卫健 …) for department staff. */
  department?: string;
  /** 12-digit area code of the caller's scope: the county, a township or a village. */
  areaCode: string;
  /** Rights per module: `{ registry: ['read', 'write'] }`. */
  rights: Record<string, Right[]>;
  tokenId?: string;
}

const claimsSchema = z.object({
  sub: z.string().min(1),
  name: z.string().min(1),
  roles: z.array(z.string()).default([]),
  dept: z.string().optional(),
  area: z.string().refine(isAreaCode, 'area must be a valid 12-digit area code'),
  rights: z.record(z.string(), z.array(z.enum(RIGHTS))).default({}),
  jti: z.string().optional(),
});

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
  }
}

export interface AuthOptions {
  issuer: string;
  audience: string;
  jwksUrl?: string;
  publicKeyPem?: string;
  /** Revocation check (the gateway's revoked token ids); tokens are refused when true. */
  isRevoked?: (payload: JWTPayload) => Promise<boolean>;
}

const ALGORITHMS = ['ES256', 'EdDSA', 'RS256'];

export type TokenVerifier = (token: string) => Promise<Principal>;

export async function createTokenVerifier(opts: AuthOptions): Promise<TokenVerifier> {
  let key: KeyLike | ReturnType<typeof createRemoteJWKSet>;
  if (opts.jwksUrl) key = createRemoteJWKSet(new URL(opts.jwksUrl), { cooldownDuration: 30_000 });
  else if (opts.publicKeyPem) {
    const alg = /BEGIN PUBLIC KEY/.test(opts.publicKeyPem) ? detectAlg(opts.publicKeyPem) : 'ES256';
    key = await importSPKI(opts.publicKeyPem, alg);
  } else throw new Error('auth needs AUTH_JWKS_URL or AUTH_PUBLIC_KEY');

  return async (token) => {
    let payload: JWTPayload;
    try {
      // Both overloads of jwtVerify take the key or the JWKS function; the union needs a branch.
      const result =
        typeof key === 'function'
          ? await jwtVerify(token, key, {
              issuer: opts.issuer,
              audience: opts.audience,
              algorithms: ALGORITHMS,
            })
          : await jwtVerify(token, key, {
              issuer: opts.issuer,
              audience: opts.audience,
              algorithms: ALGORITHMS,
            });
      payload = result.payload;
    } catch (err) {
      const expired = err instanceof Error && 'code' in err && err.code === 'ERR_JWT_EXPIRED';
      throw unauthorized(
        expired ? 'AUTH_TOKEN_EXPIRED' : 'AUTH_TOKEN_INVALID',
        expired
          ? bi('登录已过期，请重新登录', 'The session has expired; sign in again')
          : bi('令牌无效', 'The access token is invalid'),
      );
    }
    if (opts.isRevoked && (await opts.isRevoked(payload))) {
      throw unauthorized(
        'AUTH_TOKEN_REVOKED',
        bi('令牌已被撤销，请重新登录', 'The token has been revoked; sign in again'),
      );
    }
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success)
      throw unauthorized(
        'AUTH_TOKEN_INVALID',
        bi('令牌内容不完整', 'The token lacks required claims'),
      );
    const c = claims.data;
    return {
      userId: c.sub,
      username: c.name,
      roles: c.roles,
      areaCode: c.area,
      rights: c.rights,
      ...(c.dept ? { department: c.dept } : {}),
      ...(c.jti ? { tokenId: c.jti } : {}),
    };
  };
}

function detectAlg(pem: string): string {
  // Ed25519 SPKI keys are 44 bytes; EC P-256 are 91; RSA far longer.
  const der = Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
  if (der.length < 60) return 'EdDSA';
  if (der.length < 120) return 'ES256';
  return 'RS256';
}

/** Verifies the bearer token of every request that reaches it and sets `req.principal`. */
export function authenticate(verify: TokenVerifier): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    const header = req.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match?.[1]) return next(unauthorized());
    verify(match[1]).then((principal) => {
      req.principal = principal;
      next();
    }, next);
  };
}

export function principalOf(req: Request): Principal {
  if (!req.principal) throw unauthorized();
  return req.principal;
}

export function hasRight(p: Principal, module: string, right: Right): boolean {
  return p.rights[module]?.includes(right) ?? false;
}

/** Route guard: the caller needs `right` on `module`. */
export function requireRight(module: string, right: Right): RequestHandler {
  return (req, _res, next) => {
    const p = req.principal;
    if (!p) return next(unauthorized());
    if (!hasRight(p, module, right)) {
      return next(
        forbidden(
          'FORBIDDEN_RIGHT',
          bi(
            `没有「${module}」模块的「${right}」权限`,
            `You lack the "${right}" right on the "${module}" module`,
          ),
        ),
      );
    }
    next();
  };
}
