/** The same tree of keys with any text: English must have exactly the keys zh-CN has. */
export type SameKeys<T> = { [K in keyof T]: T[K] extends string ? string : SameKeys<T[K]> };

/** A message tree: nested objects with strings at the leaves. */
export interface MessageTree {
  [key: string]: string | MessageTree;
}

/** A service module's own messages in both languages (modules/<name>/i18n.ts). */
export interface ModuleMessages {
  zhCN: MessageTree;
  en: MessageTree;
}
