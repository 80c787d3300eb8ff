/** What a service serves and documents, compared (the test that keeps the two in step). */
export interface OpenApiMismatch {
  /** `METHOD /path` served but not in the document. */
  undocumented: string[];
  /** Documented but not served. */
  unserved: string[];
  /** Operations without `x-right: <module>.<right>` or without 401 and 403 answers. */
  incomplete: string[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const PUBLIC = ['GET /healthz', 'GET /readyz', 'GET /metrics', 'GET /openapi.json'];

type Doc = { paths?: Record<string, Record<string, unknown>> };
type Operation = { 'x-right'?: string; responses?: Record<string, unknown> };

/**
 * Compares a service's OpenAPI document with the routes its app serves (kit's `routesOf`):
 * every route documented, every operation served, each naming the right it needs on `module`
 * and answering 401 and 403. Every list is empty when they agree.
 */
export function compareOpenApi(doc: Doc, served: string[], module: string): OpenApiMismatch {
  const documented: string[] = [];
  const incomplete: string[] = [];
  const right = new RegExp(`^${module}\\.(read|write|approve|export|unmask)$`);
  // The kit's own operations on every service: the audit chain needs the auditor's right, the
  // reseal after a key rotation (on services keeping personal data) the administrator's.
  const kitRights: Record<string, string> = {
    'GET /audit/verify': 'audit.read',
    'POST /keys/reseal': 'users.write',
    'GET /keys/reseal': 'users.write',
  };
  for (const [path, ops] of Object.entries(doc.paths ?? {})) {
    for (const [method, raw] of Object.entries(ops)) {
      if (!METHODS.includes(method)) continue;
      const key = `${method.toUpperCase()} ${path}`;
      documented.push(key);
      const op = raw as Operation;
      const kitRight = kitRights[key];
      if (kitRight ? op['x-right'] !== kitRight : !right.test(op['x-right'] ?? ''))
        incomplete.push(`${key}: x-right ${op['x-right'] ?? '(none)'}`);
      const answers = Object.keys(op.responses ?? {});
      if (!answers.includes('401') || !answers.includes('403'))
        incomplete.push(`${key}: answers ${answers.join(', ')} (needs 401 and 403)`);
    }
  }
  const routes = served.filter((r) => !PUBLIC.includes(r));
  return {
    undocumented: routes.filter((r) => !documented.includes(r)),
    unserved: documented.filter((r) => !routes.includes(r)),
    incomplete,
  };
}
