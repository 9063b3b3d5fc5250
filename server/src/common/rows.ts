import { Reference } from '@mikro-orm/core';

/**
 * A relation as a GraphQL type's root may hold it: a plain row's foreign key (a number, from
 * `QueryBuilder.execute('all', true)`), or an entity's reference or entity.
 */
export type KeyOrRef = number | { pk: number } | Reference<{ pk: number }> | null | undefined;

/**
 * The primary key behind a relation, without loading it: field resolvers use it so one
 * resolver serves both plain rows (hot reads) and entities (mutations' answers, live payloads).
 */
export function keyOf(value: KeyOrRef): number | null {
  if (value == null) return null;
  if (typeof value === 'number') return value;
  return (Reference.unwrapReference(value as Reference<{ pk: number }>) as { pk: number }).pk;
}

/** Groups rows by a key, keeping each group in the rows' order, with an empty group for every key asked. */
export function groupBy<K, T>(keys: readonly K[], rows: readonly T[], keyOfRow: (row: T) => K): T[][] {
  const groups = new Map<K, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(keyOfRow(row))?.push(row);
  return keys.map((k) => groups.get(k) ?? []);
}
