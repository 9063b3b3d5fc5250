import {
  Cursor,
  Reference,
  type EntityClass,
  type EntityManager,
  type EntityMetadata,
  type FilterQuery,
  type FindByCursorOptions,
  type QueryOrderMap,
} from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { toConnection, type ConnectionShape } from './relay.js';

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

/** Both drivers (SQLite, PostgreSQL) are SQL drivers: their EntityManager builds queries. */
export const sql = (em: EntityManager) => em as SqlEntityManager;

interface CursorConditions {
  processCursorOptions<T extends object>(
    meta: EntityMetadata<T>,
    options: FindByCursorOptions<T>,
    orderBy: QueryOrderMap<T>,
  ): { orderBy: QueryOrderMap<T>[]; where: FilterQuery<T> };
}

export interface PageOptions<T> {
  first: number;
  after: string | undefined;
  orderBy: QueryOrderMap<T>;
  /** The filter joins a to-many relation: select and count each entity once, not once per joined row. */
  distinctCount: boolean;
}

/**
 * One Relay page of plain rows (`columns`, as property names) in two statements: the page,
 * overfetched by one, and the count. The cursors are `em.findByCursor`'s, so clients' cursors
 * keep working whichever path answered them.
 */
export async function readPage<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  columns: readonly string[],
  where: FilterQuery<T>,
  { first, after, orderBy, distinctCount }: PageOptions<T>,
): Promise<ConnectionShape<T>> {
  const meta = em.getMetadata().get<T>(entity.name);
  const options = { first, after, orderBy, overfetch: true };
  // The driver's own cursor conditions (what findByCursor runs), so the pages and cursors are
  // exactly em.findByCursor's; the method is protected in 6.6, hence the cast.
  const driver = sql(em).getDriver() as unknown as CursorConditions;
  const cursor = driver.processCursorOptions(meta, { ...options }, orderBy);
  const pageWhere = (Object.keys(cursor.where).length ? { $and: [where, cursor.where] } : where) as FilterQuery<T>;
  const page = sql(em)
    .createQueryBuilder(entity, 'r')
    .select([...columns] as never)
    .where(pageWhere)
    .orderBy(cursor.orderBy)
    .limit(first + 1);
  if (distinctCount) page.distinct();
  const [rows, count] = await Promise.all([
    page.execute('all', true),
    sql(em)
      .createQueryBuilder(entity, 'r')
      .where(where)
      .count('pk' as never, distinctCount)
      .execute('get', false),
  ]);
  const total = Number((count as unknown as { count: number | string }).count);
  return toConnection(new Cursor(rows as never[], total, options, meta)) as ConnectionShape<T>;
}
