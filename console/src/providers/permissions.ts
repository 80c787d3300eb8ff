import type { Claims, Module, Right } from './session';

/** What react-admin's getPermissions gives the pages: the token's claims. */
export type Permissions = Claims | null;

export function hasRight(p: Permissions | undefined, module: Module, right: Right): boolean {
  return Boolean(p?.rights[module]?.includes(right));
}

/** Whether the user works county-wide (a county-level scope code ends in six zeros). */
export function isCountyWide(p: Permissions | undefined): boolean {
  return Boolean(p && /^\d{6}0{6}$/.test(p.areaCode));
}

/** The react-admin actions and the right each needs by default. */
export const ACTION_RIGHTS: Record<string, Right | null> = {
  list: 'read',
  show: 'read',
  create: 'write',
  edit: 'write',
  export: 'export',
  // Nothing in the platform is deleted: records are retired, removed or closed with a reason.
  delete: null,
};
