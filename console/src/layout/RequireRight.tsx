import type { ReactElement } from 'react';
import { Loading, usePermissions } from 'react-admin';
import { hasRight, type Permissions } from '../providers/permissions';
import type { ModulePage } from '../modules/types';
import { AccessDenied } from './AccessDenied';

/**
 * A module page reached by its address: rendered (and its API calls sent) only when the user
 * has the right it needs; otherwise the 无权访问 page, without asking the service first.
 */
export function RequireRight({
  needs,
  children,
}: {
  needs: ModulePage['needs'];
  children: ReactElement;
}) {
  const { permissions, isPending } = usePermissions<Permissions>();
  if (isPending) return <Loading />;
  return hasRight(permissions, needs.module, needs.right) ? children : <AccessDenied />;
}
