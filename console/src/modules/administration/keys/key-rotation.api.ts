import { httpClient } from '../../../providers/http';

/**
 * The services that keep sealed personal data (their composition declares `sealed:`), in the
 * menu's order: each serves `/keys/reseal`, reached through the gateway's `/api/<service>`.
 */
export const SEALED_SERVICES = ['registry', 'assistance', 'funds', 'matching', 'assessment'];

/** A key a service holds, by id only: the current one and the previous ones it still opens. */
export interface HeldKeys {
  current: string;
  previous: string[];
}

export interface CollectionReseal {
  collection: string;
  total: number;
  done: number;
  resealed: number;
  skipped: number;
}

/**
 * `GET /keys/reseal` (documentKeyReseal in packages/kit/src/http/key-reseal.ts: served by
 * every sealed service, so not in one service's generated types): the latest run, the values
 * left on old keys per collection, and the ids of the keys held.
 */
export interface KeyResealStatus {
  run: {
    id: string;
    state: string;
    progress: { collections: CollectionReseal[] };
    failedReason: string | null;
  } | null;
  collections: { collection: string; valuesOnOldKeys: number }[];
  keys: { encryption: HeldKeys; hmac: HeldKeys };
}

const path = (service: string) => `/api/${encodeURIComponent(service)}/keys/reseal`;

/** 密钥轮换's calls, as data-provider methods. */
export const keyRotationCalls = {
  keyResealStatus: async (service: string): Promise<KeyResealStatus> =>
    (await httpClient(path(service))).json as KeyResealStatus,
  /** Starts the service's reseal (or answers the one waiting or running); its job id. */
  keyResealStart: async (service: string): Promise<string> =>
    ((await httpClient(path(service), { method: 'POST' })).json as { jobId: string }).jobId,
};
