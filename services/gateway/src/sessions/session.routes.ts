import { handle, parseInput, principalOf, type TokenVerifier } from '@fupin/kit';
import type { Request, Router } from 'express';
import { z } from 'zod';
import type { SessionService } from './session.service';
import type { SigningKeys } from './signing-keys';

const loginBody = z.strictObject({
  username: z.string().trim().min(1).max(40),
  password: z.string().min(1).max(256),
});
const passwordBody = z.strictObject({
  username: z.string().trim().min(1).max(40),
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});
const refreshBody = z.strictObject({ refreshToken: z.string().min(20).max(200) });
const logoutBody = z.strictObject({ refreshToken: z.string().min(20).max(200).optional() });

const infoOf = (req: Request) => ({
  ip: req.ip ?? req.socket.remoteAddress ?? 'unknown',
  requestId: typeof req.id === 'string' ? req.id : null,
});

function sessionIdOfBearer(req: Request): string | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  if (!m?.[1]) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(m[1].split('.')[1] ?? '', 'base64url').toString()) as {
      sid?: unknown;
    };
    return typeof payload.sid === 'string' ? payload.sid : undefined;
  } catch {
    return undefined;
  }
}

/** Sign-in, refresh, logout, password change and the public keys: no access token needed. */
export function sessionPublicRoutes(
  router: Router,
  sessions: SessionService,
  keys: SigningKeys,
  verify: TokenVerifier,
): void {
  router.get('/.well-known/jwks.json', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.json(keys.jwks);
  });
  router.post(
    '/auth/login',
    handle(async (req, res) => {
      const body = parseInput(loginBody, req.body);
      res.setHeader('Cache-Control', 'no-store');
      res.json(await sessions.login(body.username, body.password, infoOf(req)));
    }),
  );
  router.post(
    '/auth/refresh',
    handle(async (req, res) => {
      const body = parseInput(refreshBody, req.body);
      res.setHeader('Cache-Control', 'no-store');
      res.json(await sessions.refresh(body.refreshToken));
    }),
  );
  router.post(
    '/auth/logout',
    handle(async (req, res) => {
      const body = parseInput(logoutBody, req.body ?? {});
      // The access token's session ends only when its signature is ours: a forged `sid`
      // must not let anyone end somebody else's session.
      let sid: string | undefined;
      const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
      if (bearer) {
        try {
          await verify(bearer);
          sid = sessionIdOfBearer(req);
        } catch {
          sid = undefined;
        }
      }
      await sessions.logout(body.refreshToken, sid);
      res.status(204).end();
    }),
  );
  router.post(
    '/auth/password',
    handle(async (req, res) => {
      const body = parseInput(passwordBody, req.body);
      await sessions.changePassword(
        body.username,
        body.currentPassword,
        body.newPassword,
        infoOf(req),
      );
      res.status(204).end();
    }),
  );
}

/** Who the caller is, from the verified token. */
export function sessionRoutes(router: Router): void {
  router.get('/auth/me', (req, res) => {
    res.json(principalOf(req));
  });
}
