import type { MessageTree, ModuleMessages } from './types';

const isTree = (v: unknown): v is MessageTree =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The base messages with each module's added: objects merge key by key, so a module adds
 * `resources.plans` or `enums.PlanStatus` beside the others. A module may not redefine a
 * message another part already has (two texts for one key would be a silent bug).
 */
export function mergeMessages<T extends object>(base: T, ...parts: MessageTree[]): T {
  const into = (target: MessageTree, part: MessageTree, path: string): MessageTree => {
    const out: MessageTree = { ...target };
    for (const [key, value] of Object.entries(part)) {
      const here = out[key];
      if (here === undefined) out[key] = value;
      else if (isTree(here) && isTree(value)) out[key] = into(here, value, `${path}${key}.`);
      else throw new Error(`message ${path}${key} is defined twice`);
    }
    return out;
  };
  return parts.reduce(
    (acc, part) => into(acc, part, '') as unknown as MessageTree,
    base as unknown as MessageTree,
  ) as unknown as T;
}

/** A module's messages kept in several files (by resource group), as one. */
export function mergeModuleMessages(...parts: ModuleMessages[]): ModuleMessages {
  return {
    zhCN: mergeMessages({}, ...parts.map((p) => p.zhCN)),
    en: mergeMessages({}, ...parts.map((p) => p.en)),
  };
}
