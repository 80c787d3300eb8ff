/**
 * A list of every member of a string union, checked by the compiler: a code missing from
 * the list, or one the union does not have, is a type error. The console keeps its lists
 * of codes (roles, statuses, infrastructure items …) in step with the services' OpenAPI
 * documents this way, through the generated types.
 */
export const allOf =
  <T extends string>() =>
  <const L extends readonly T[]>(
    list: L & ([T] extends [L[number]] ? unknown : { missing: Exclude<T, L[number]> }),
  ) =>
    list;
