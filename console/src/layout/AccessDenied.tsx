import { AccessDenied as RaAccessDenied, Title } from 'react-admin';

/** 无权访问 — with its title in the app bar and the tab (react-admin's page has none). */
export function AccessDenied() {
  return (
    <>
      <Title title="ra.page.access_denied" />
      <RaAccessDenied />
    </>
  );
}
