import simpleRestProvider from 'ra-data-simple-rest';
import type {
  CreateParams,
  DataProvider,
  GetListParams,
  GetManyParams,
  GetManyReferenceParams,
  GetOneParams,
  UpdateParams,
} from 'react-admin';
import type { ResourceDefinition } from '../modules/types';
import { httpClient } from './http';

/** Where a service's API is reached: the gateway's own routes at its root, the others under /api/<service>. */
export const apiBase = (service: string): string =>
  service === 'gateway' ? '' : `/api/${service}`;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** JSON with object keys sorted, so two values compare equal whatever their key order. */
const canonical = (v: unknown): string =>
  JSON.stringify(v ?? null, (_k, x: unknown) =>
    isObject(x)
      ? Object.fromEntries(
          Object.keys(x)
            .sort()
            .map((k) => [k, x[k]]),
        )
      : x,
  );

/**
 * The fields of a form that differ from the record as it was loaded, so a PUT carries only
 * what the user changed: the services' update bodies are strict, and masked personal data
 * (4301**********1234) must never be written back as if it were a value.
 */
export function changedFields(
  data: Record<string, unknown>,
  previous: Record<string, unknown>,
  allowed: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of allowed) {
    if (!(key in data)) continue;
    if (canonical(data[key]) !== canonical(previous[key])) {
      out[key] = data[key] === '' ? null : data[key];
    }
  }
  return out;
}

/** Keeps only the named keys of an object (deeply for the nested ones given as `a.b`). */
export function pickKeys<T extends Record<string, unknown>>(
  v: unknown,
  keys: readonly string[],
): T {
  if (!isObject(v)) return v as T;
  return Object.fromEntries(keys.filter((k) => k in v).map((k) => [k, v[k]])) as T;
}

/**
 * One data provider over every service: ra-data-simple-rest's conventions (range, sort,
 * filter, Content-Range) through the gateway, one base per service, with the resource's
 * own `api` where its endpoints differ.
 */
export function createDataProvider(resources: ResourceDefinition[]): DataProvider {
  const byName = new Map(resources.map((r) => [r.name, r]));
  const providers = new Map<string, DataProvider>();
  const restOf = (service: string) => {
    let p = providers.get(service);
    if (!p) {
      p = simpleRestProvider(apiBase(service), httpClient);
      providers.set(service, p);
    }
    return p;
  };
  const route = (resource: string) => {
    const def = byName.get(resource);
    if (!def) throw new Error(`unknown resource ${resource}`);
    return { def, rest: restOf(def.service), path: def.path ?? def.name };
  };

  // The methods below return RaRecord results; react-admin's DataProvider type makes every
  // method generic in the record type, which a provider over several APIs cannot be.
  const provider = {
    getList: (resource: string, params: GetListParams) => {
      const { def, rest, path } = route(resource);
      const p = def.api?.listFilter
        ? { ...params, filter: def.api.listFilter(params.filter ?? {}) }
        : params;
      return def.api?.getList ? def.api.getList(resource, p) : rest.getList(path, p);
    },
    getOne: (resource: string, params: GetOneParams) => {
      const { def, rest, path } = route(resource);
      return def.api?.getOne ? def.api.getOne(resource, params) : rest.getOne(path, params);
    },
    getMany: (resource: string, params: GetManyParams) => {
      const { def, rest, path } = route(resource);
      return def.api?.getMany ? def.api.getMany(resource, params) : rest.getMany(path, params);
    },
    getManyReference: (resource: string, params: GetManyReferenceParams) => {
      const { def, rest, path } = route(resource);
      const p = def.api?.listFilter
        ? { ...params, filter: def.api.listFilter(params.filter ?? {}) }
        : params;
      return rest.getManyReference(path, p);
    },
    create: (resource: string, params: CreateParams) => {
      const { def, rest, path } = route(resource);
      return def.api?.create ? def.api.create(resource, params) : rest.create(path, params);
    },
    update: (resource: string, params: UpdateParams) => {
      const { def, rest, path } = route(resource);
      if (def.api?.update) return def.api.update(resource, params);
      const data = def.api?.updateBody
        ? def.api.updateBody(params.data as Record<string, unknown>, params.previousData ?? {})
        : params.data;
      return rest.update(path, { ...params, data });
    },
    updateMany: () => Promise.reject(new Error('ra.notification.not_authorized')),
    delete: () => Promise.reject(new Error('ra.notification.not_authorized')),
    deleteMany: () => Promise.reject(new Error('ra.notification.not_authorized')),
  };
  return provider as unknown as DataProvider;
}
