import { z } from 'zod';
import { areaCodeSchema } from './envelope';

export type ContractErrorIssue = { path: string; message: string };

/**
 * One event contract: where it is published, what it is called and the schema its payload
 * must satisfy on both sides (producer before publishing, consumer before handling).
 */
export interface EventContract<S extends z.ZodType = z.ZodType> {
  readonly topic: string;
  readonly type: string;
  readonly version: number;
  readonly payload: S;
  readonly description: string;
}

const contracts = new Map<string, EventContract>();

function key(type: string, version: number): string {
  return `${type}@${version}`;
}

/** Declares an event contract and adds it to the registry. */
export function defineEvent<S extends z.ZodType>(def: {
  topic: string;
  type: string;
  version: number;
  payload: S;
  description: string;
}): EventContract<S> {
  const topicVersion = /\.v(\d+)$/.exec(def.topic)?.[1];
  if (Number(topicVersion) !== def.version) {
    throw new Error(
      `contract ${def.type}: topic ${def.topic} does not carry version ${def.version}`,
    );
  }
  const k = key(def.type, def.version);
  if (contracts.has(k)) throw new Error(`contract ${k} is defined twice`);
  const contract: EventContract<S> = Object.freeze({ ...def });
  contracts.set(k, contract);
  return contract;
}

export function findContract(type: string, version: number): EventContract | undefined {
  return contracts.get(key(type, version));
}

export function allContracts(): EventContract[] {
  return [...contracts.values()];
}

/** Topics in the registry, each once. */
export function allTopics(): string[] {
  return [...new Set(allContracts().map((c) => c.topic))];
}

export { areaCodeSchema };
