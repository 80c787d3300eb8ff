import type { ModuleMessages, SameKeys } from '../../i18n/types';

/**
 * The matching module's messages: `resources.<name>` for each of its resources (name, fields,
 * actions), `enums.<Type>` for its enumerations, `matching.*` for its own pages. English has
 * exactly the keys Chinese has (the type says so, and a test checks the merged trees).
 */
const zhCN = {};

const en: SameKeys<typeof zhCN> = {};

export const matchingMessages: ModuleMessages = { zhCN, en };
