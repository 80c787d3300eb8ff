import type { AuthProvider } from 'react-admin';
import { ACTION_RIGHTS, type Permissions } from './permissions';
import { session, signIn, signOut } from './session';
import type { ResourceDefinition } from '../modules/types';

/** Whether the user's rights allow an action on a resource (menus, buttons, routes). */
export function mayAccess(
  claims: Permissions | undefined,
  def: Pick<ResourceDefinition, 'module' | 'rights'>,
  action: string,
): boolean {
  if (!claims) return false;
  const right = def.rights?.[action] !== undefined ? def.rights[action] : ACTION_RIGHTS[action];
  if (right === null) return false;
  return Boolean(claims.rights[def.module]?.includes(right ?? 'read'));
}

/**
 * react-admin's authProvider on the gateway: POST /auth/login, /auth/refresh (inside the
 * session), /auth/logout. Permissions are the access token's claims; `canAccess` maps a
 * resource's action to the right its module needs, which hides menu entries, buttons and
 * routes the user may not use (every service enforces the same rights again).
 */
export function createAuthProvider(resources: ResourceDefinition[]): AuthProvider {
  const byName = new Map(resources.map((r) => [r.name, r]));
  return {
    async login({ username, password }: { username: string; password: string }) {
      await signIn(username, password);
    },
    async logout() {
      await signOut();
    },
    async checkAuth() {
      if (!session.isSignedIn()) throw new Error('ra.auth.auth_check_error');
    },
    async checkError(error: { status?: number }) {
      // 401 survives one refresh in apiFetch, so here it means the session is over.
      if (error?.status === 401) {
        session.clear();
        throw new Error('ra.notification.logged_out');
      }
      // 403 is a missing right on one action, not the end of the session.
    },
    async getIdentity() {
      const c = session.claims();
      if (!c) throw new Error('ra.auth.auth_check_error');
      return { id: c.userId, fullName: c.username };
    },
    async getPermissions(): Promise<Permissions> {
      return session.claims();
    },
    async canAccess({ resource, action }: { resource: string; action: string }) {
      const def = byName.get(resource);
      return def ? mayAccess(session.claims(), def, action) : false;
    },
  };
}
