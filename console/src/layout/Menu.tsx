import ListSubheader from '@mui/material/ListSubheader';
import { Fragment } from 'react';
import { Menu as RaMenu, usePermissions, useSidebarState, useTranslate } from 'react-admin';
import { MODULES } from '../modules';
import { mayAccess } from '../providers/authProvider';
import type { Permissions } from '../providers/permissions';
import type { Claims } from '../providers/session';
import { hasRight } from '../providers/permissions';

/** Whether the user works with it (its `visibleTo`); a page reached directly says whose it is. */
const worksWith = (p: Permissions | undefined, entry: { visibleTo?: (c: Claims) => boolean }) =>
  !entry.visibleTo || Boolean(p && entry.visibleTo(p));

/**
 * The menu: one group per module, each showing only what the user's rights allow (a group
 * whose entries are all hidden is not shown at all), and of support only the department's half.
 */
export function Menu() {
  const translate = useTranslate();
  const [open] = useSidebarState();
  const { permissions } = usePermissions<Permissions>();
  return (
    <RaMenu>
      <RaMenu.DashboardItem primaryText={translate('menu.dashboard')} />
      {MODULES.map((m) => {
        const resources = m.resources.filter(
          (r) =>
            r.list &&
            r.menu !== false &&
            mayAccess(permissions, r, 'list') &&
            worksWith(permissions, r),
        );
        const pages = (m.pages ?? []).filter(
          (p) =>
            p.menu !== false &&
            hasRight(permissions, p.needs.module, p.needs.right) &&
            worksWith(permissions, p),
        );
        if (resources.length === 0 && pages.length === 0) return null;
        return (
          <Fragment key={m.name}>
            {open ? (
              <ListSubheader sx={{ lineHeight: '32px', mt: 1, bgcolor: 'transparent' }}>
                {translate(`menu.${m.name}`)}
              </ListSubheader>
            ) : null}
            {resources.map((r) => (
              <RaMenu.ResourceItem key={r.name} name={r.name} />
            ))}
            {pages.map((p) => (
              <RaMenu.Item
                key={p.path}
                to={p.path}
                primaryText={translate(p.label)}
                leftIcon={<p.icon />}
              />
            ))}
          </Fragment>
        );
      })}
    </RaMenu>
  );
}
