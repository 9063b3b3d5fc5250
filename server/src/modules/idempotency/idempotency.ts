import { createHmac, randomBytes } from 'node:crypto';
import { valueFromASTUntyped } from 'graphql';
import {
  UniqueConstraintViolationException,
  type EntityManager,
  type EntityName,
  type MikroORM,
} from '@mikro-orm/core';
import { DomainError, ErrorCode, badInput } from '../../common/errors.js';
import { parseGlobalId, toGlobalId, type NodeTypeName } from '../../common/relay.js';
import { loadOrCreateSetting } from '../../auth/tokens.js';
import type { Viewer } from '../../auth/viewer.js';
import type { Context } from '../../context.js';
import type { ReplayCheck } from '../../security/guard.js';
import { KEYED_MUTATIONS } from './idempotency.apollo.js';
import { IdempotencyKey } from './idempotency-key.entity.js';

/** How long a key answers with its first result. After that the same key creates again. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** 1 to 255 visible ASCII characters (what Stripe and the IETF draft allow in practice). */
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** The `Idempotency-Key` header's name, as the HTTP layer reads it. */
export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** What one keyed request claims: the row `runChange` writes with the change. */
export interface IdempotencyClaim {
  scope: string;
  keyHash: string;
  operation: string;
  requestHash: string;
}

/** A claim plus the type of what the change answers with (an entity whose class name is `type`). */
export interface Idempotent {
  claim: IdempotencyClaim;
  type: NodeTypeName;
}

/** Who sends a keyed request. */
export interface IdempotencyCaller {
  viewer: Viewer | null;
  /** The client's address (after TRUST_PROXY); identifies residents. */
  address: string;
}

/**
 * The key a request carries: the input field, the `Idempotency-Key` header, or both when they
 * agree. Null when neither is given (the mutation is then not idempotent, as before).
 */
export function requestKey(header: string | null | undefined, field: string | null | undefined): string | null {
  if (header != null && field != null && header !== field) {
    throw badInput(
      'idempotencyKey',
      'The idempotencyKey field and the Idempotency-Key header differ; send one of them',
    );
  }
  const key = field ?? header ?? null;
  if (key == null) return null;
  if (!KEY_PATTERN.test(key)) {
    throw badInput('idempotencyKey', 'idempotencyKey must be 1 to 255 visible ASCII characters (no spaces)');
  }
  return key;
}

/** JSON with sorted keys, so the same input always hashes the same whatever its key order. */
function canonical(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([name, v]) => v !== undefined && name !== 'idempotencyKey')
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, v]) => `${JSON.stringify(name)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * Turns a client's key into a claim and decides what a stored key means. Keys and inputs are
 * stored only as HMACs under a per-deployment salt (kept in `app_setting`), so the table holds
 * no key a client chose and no text a client wrote.
 */
export class IdempotencyService {
  private constructor(private readonly salt: Buffer) {}

  static async create(orm: MikroORM): Promise<IdempotencyService> {
    const salt = await loadOrCreateSetting(orm, 'idempotency_salt', () => randomBytes(32).toString('hex'));
    return new IdempotencyService(Buffer.from(salt, 'hex'));
  }

  private hmac(...parts: string[]): string {
    return createHmac('sha256', this.salt).update(parts.join('\u0000')).digest('hex');
  }

  /**
   * The claim for `key` (null without a key). Members and API tokens are scoped by account;
   * residents, and anyone reporting anonymously, get the `hidden` scope: the caller (address or
   * account) is folded into the key's hash, so the row cannot be tied to anyone without the key
   * itself. `input` is everything that decides what the mutation does, `idempotencyKey` aside.
   */
  claim(
    caller: IdempotencyCaller,
    operation: string,
    key: string | null,
    input: unknown,
    options: { anonymous?: boolean } = {},
  ): IdempotencyClaim | null {
    if (key == null) return null;
    const { viewer } = caller;
    const account = viewer?.kind === 'member' ? `member:${viewer.memberPk}` : viewer ? `token:${viewer.tokenPk}` : null;
    const hidden = account == null || options.anonymous === true;
    const who = account ?? `address:${caller.address}`;
    return {
      scope: hidden ? 'hidden' : account,
      keyHash: hidden ? this.hmac('hidden', who, key) : this.hmac('key', key),
      operation,
      requestHash: this.hmac('request', operation, canonical(input)),
    };
  }
}

/**
 * The claim a resolver passes to its service: the request's key (field or header), scoped to
 * the caller. `input` is what decides the outcome (the mutation's input and arguments).
 */
export function claimFor(
  ctx: Context,
  operation: string,
  field: string | null | undefined,
  input: unknown,
  options: { anonymous?: boolean } = {},
): IdempotencyClaim | null {
  const key = requestKey(ctx.idempotencyKey, field);
  const caller = { viewer: ctx.viewer, address: ctx.clientAddress ?? 'unknown' };
  return ctx.services.idempotency.claim(caller, operation, key, input, options);
}

/** What a key already stored answers: the subject's global id to re-read, or nothing (not used yet). */
export async function storedAnswer(
  em: EntityManager,
  claim: IdempotencyClaim,
  now = new Date(),
): Promise<string | null> {
  const cutoff = new Date(now.getTime() - IDEMPOTENCY_TTL_MS);
  const row = await em.findOne(IdempotencyKey, { scope: claim.scope, keyHash: claim.keyHash });
  if (!row) return null;
  if (row.createdAt < cutoff) {
    // Expired but not purged yet: the key is free again. Conditional, so a concurrent fresh
    // claim is never deleted.
    await em.nativeDelete(IdempotencyKey, { pk: row.pk, createdAt: { $lt: cutoff } });
    return null;
  }
  if (row.operation !== claim.operation || row.requestHash !== claim.requestHash) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, 'This idempotency key was used for a different request', {
      field: 'idempotencyKey',
      reason: 'IDEMPOTENCY_KEY_REUSED',
    });
  }
  if (!row.subjectId) throw keyInUse();
  return row.subjectId;
}

/** Re-reads what a replayed request answers with: the object as it is now. */
export async function replay<T>(em: EntityManager, idempotent: Idempotent, subjectId: string): Promise<T> {
  const parsed = parseGlobalId(subjectId);
  if (!parsed || parsed.type !== idempotent.type) throw keyInUse();
  // Node type names are the entities' class names, which MikroORM accepts as entity names.
  const found = await em.findOne<object>(idempotent.type, { pk: parsed.pk });
  if (!found) {
    throw new DomainError(ErrorCode.NOT_FOUND, 'What this idempotency key created no longer exists', {
      field: 'idempotencyKey',
    });
  }
  return found as T;
}

/** The row written with the change; its subject is filled in once the change has flushed. */
export const claimRow = (claim: IdempotencyClaim) => ({ ...claim, subjectId: null, createdAt: new Date() });

export const subjectIdOf = (idempotent: Idempotent, result: { pk: number }): string =>
  toGlobalId(idempotent.type, result.pk);

/** Whether a database error is the key's own unique index refusing a second claim. */
export const isClaimClash = (error: unknown): boolean =>
  error instanceof UniqueConstraintViolationException && /idempotency_key/.test(error.message);

/** A claim whose change has not committed and could not be waited for. */
export const keyInUse = (): DomainError =>
  new DomainError(
    ErrorCode.CONFLICT,
    'Another request with this idempotency key is still running; retry in a moment with the same key',
    { field: 'idempotencyKey', reason: 'IDEMPOTENCY_KEY_IN_USE', retryAfter: 1 },
  );

/** What a service hands `runChange`: the claim (when the request has a key) and its subject's type. */
export const idempotent = (claim: IdempotencyClaim | null | undefined, type: NodeTypeName): Idempotent | null =>
  claim ? { claim, type } : null;

/** The description every `idempotencyKey` field and argument carries. */
export const IDEMPOTENCY_KEY_DESCRIPTION =
  'A key you choose (1 to 255 visible ASCII characters, e.g. a UUID) so a retry is safe: the same key from you within 24 hours answers with what the first request created, as it is now, and changes nothing. The Idempotency-Key HTTP header does the same.';

/**
 * For the rate limits: whether a keyed mutation repeats a request this caller already made and
 * got an answer for (a replay creates nothing, so it is not charged). Read from the operation's
 * arguments before it runs; anything unusual (a malformed key) is charged as usual and refused
 * later by the resolver.
 */
export function replayCheck(orm: MikroORM, service: IdempotencyService): ReplayCheck {
  return async (request, field) => {
    const operation = field.name.value;
    if (!KEYED_MUTATIONS.has(operation)) return false;
    const variables = request.variables ?? {};
    const args = new Map((field.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value, variables)]));
    const raw = args.get('input');
    const input = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
    const fieldKey = args.get('idempotencyKey') ?? input.idempotencyKey;
    let key: string | null;
    try {
      key = requestKey(request.idempotencyKey, typeof fieldKey === 'string' ? fieldKey : null);
    } catch {
      return false;
    }
    const caller = { viewer: request.viewer, address: request.address };
    const claim = service.claim(caller, operation, key, null, { anonymous: input.anonymous === true });
    if (!claim) return false;
    const cutoff = new Date(Date.now() - IDEMPOTENCY_TTL_MS);
    const found = await orm.em.fork().count(IdempotencyKey, {
      scope: claim.scope,
      keyHash: claim.keyHash,
      operation,
      subjectId: { $ne: null },
      createdAt: { $gte: cutoff },
    });
    return found > 0;
  };
}
