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
import { useDataProvider } from 'react-admin';
import type { ResourceDefinition } from '../modules/types';
import { apiFetch, downloadFile, httpClient, uploadFile } from './http';

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
 * own `api` where its endpoints differ; and every call beyond CRUD as a named method
 * (`calls`), so the pages reach the API through this one seam.
 */
export function createDataProvider<C extends object>(
  resources: ResourceDefinition[],
  calls: C,
): DataProvider & C {
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
  return { ...(provider as unknown as DataProvider), ...calls };
}

/** How far a service's view of the registry's events is behind (null when up to date). */
export interface ViewFreshness {
  behind: number;
  appliedPosition: number;
  registryPosition: number;
}

/**
 * Calls every module makes, as data-provider methods: the file transfers of the shared export
 * and import components (which take their addresses as props) and a view's freshness.
 */
export const commonCalls = {
  /** Downloads a file the API serves with the token; answers the saved file's name. */
  download: (url: string, fallbackName: string): Promise<string> => downloadFile(url, fallbackName),
  /** Sends a file as the request body; answers the API's JSON. */
  upload: (url: string, file: File): Promise<unknown> => uploadFile(url, file),
  /** The service's `GET /projection/status` freshness. */
  projectionStatus: async (service: string): Promise<ViewFreshness | null> => {
    const res = await apiFetch(`${apiBase(service)}/projection/status`);
    if (!res.ok) throw new Error(String(res.status));
    const body = (await res.json()) as { freshness?: ViewFreshness | null };
    return body.freshness ?? null;
  },
};

/** The data provider with the calls every module makes (the shared components use these). */
export const useCommonCalls = () => useDataProvider<DataProvider & typeof commonCalls>();
