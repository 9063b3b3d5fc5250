import { Entity, Index, PrimaryKey, PrimaryKeyProp, Property, Unique, type Opt } from '@mikro-orm/core';

/**
 * A client's idempotency key, remembered for 24 hours with what it created, so a retried
 * creating mutation answers with the first result instead of creating again.
 *
 * Written in the same transaction as the change it guards (see `runChange`), so a key exists
 * exactly when its change committed; the unique index on (scope, key_hash) lets the database
 * decide a race between two requests with the same key. The key itself is never stored, only
 * a keyed hash of it, and for residents and anonymous reports the hash also covers the caller
 * (their address), so `scope` is the constant `hidden` and the row names nobody.
 */
@Entity({ tableName: 'idempotency_key' })
@Unique({ properties: ['scope', 'keyHash'] })
export class IdempotencyKey {
  [PrimaryKeyProp]?: 'pk';

  @PrimaryKey({ type: 'integer', fieldName: 'id' })
  pk!: number & Opt;

  /** Whose key: `member:<pk>`, `token:<pk>`, or `hidden` (residents, anonymous reports). */
  @Property({ type: 'string', length: 40 })
  scope!: string;

  /** Hex HMAC-SHA-256 of the key (and, for `hidden`, of the caller's address or account). */
  @Property({ type: 'string', length: 64 })
  keyHash!: string;

  /** The mutation it was used for, e.g. `reportIssue`. */
  @Property({ type: 'string', length: 64 })
  operation!: string;

  /** Hex HMAC-SHA-256 of the normalized input: the same key with another input is refused. */
  @Property({ type: 'string', length: 64 })
  requestHash!: string;

  /** Global id of the object the mutation answered with; set in the same transaction. */
  @Property({ type: 'string', length: 100, nullable: true })
  subjectId?: string | null;

  @Index()
  @Property({ type: 'datetime' })
  createdAt: Date & Opt = new Date();
}
