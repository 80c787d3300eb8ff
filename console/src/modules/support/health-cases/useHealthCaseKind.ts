import { useResourceContext } from 'react-admin';
import { HEALTH_CASE_KINDS, type HealthCaseKind } from './kinds';

/** The kind of the page's resource (the pages are shared by every kind). */
export function useHealthCaseKind(): HealthCaseKind {
  const resource = useResourceContext();
  const kind = HEALTH_CASE_KINDS[resource as keyof typeof HEALTH_CASE_KINDS];
  if (!kind) throw new Error(`not a health case resource: ${String(resource)}`);
  return kind;
}
