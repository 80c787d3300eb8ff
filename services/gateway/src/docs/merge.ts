type Json = unknown;
type Doc = {
  openapi?: string;
  paths?: Record<string, Record<string, Json>>;
  components?: Record<string, Record<string, Json>>;
  tags?: { name: string; description?: string }[];
  [k: string]: Json;
};

/** Renames every `#/components/<kind>/<name>` reference to the service's prefixed name. */
function rewriteRefs(value: Json, service: string): Json {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, service));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] =
      k === '$ref' && typeof v === 'string'
        ? v.replace(/^#\/components\/([^/]+)\/(.+)$/, `#/components/$1/${service}.$2`)
        : rewriteRefs(v, service);
  }
  return out;
}

/**
 * One OpenAPI document for the whole platform: each service's paths under
 * `/api/<service>`, its components prefixed with its name (two services may both have a
 * `Problem` schema), and its operations tagged with it. The gateway's own paths stay as they are.
 */
export function mergeOpenApi(gateway: Doc, services: Record<string, Doc>): Doc {
  const merged: Doc = {
    ...gateway,
    servers: [{ url: '/' }],
    paths: { ...(gateway.paths ?? {}) },
    components: JSON.parse(JSON.stringify(gateway.components ?? {})) as Doc['components'],
    tags: [{ name: 'gateway', description: 'Sign-in, users, roles, audit' }],
  };
  for (const [service, doc] of Object.entries(services)) {
    merged.tags!.push({
      name: service,
      description: String((doc.info as { title?: string })?.title ?? service),
    });
    const security = doc.security;
    for (const [path, ops] of Object.entries(doc.paths ?? {})) {
      const rewritten = rewriteRefs(ops, service) as Record<string, Json>;
      for (const [method, op] of Object.entries(rewritten)) {
        if (method === 'parameters' || typeof op !== 'object' || op === null) continue;
        const o = op as Record<string, Json>;
        o.tags = [service];
        if (o.operationId) o.operationId = `${service}.${String(o.operationId)}`;
        if (security && !o.security) o.security = security;
      }
      merged.paths![`/api/${service}${path}`] = rewritten;
    }
    for (const [kind, entries] of Object.entries(doc.components ?? {})) {
      const target = (merged.components![kind] ??= {});
      for (const [name, v] of Object.entries(entries)) {
        target[`${service}.${name}`] = rewriteRefs(v, service);
      }
    }
  }
  return merged;
}
