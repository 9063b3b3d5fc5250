import { createHash, randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify, errors } from 'jose';
import type { MikroORM } from '@mikro-orm/core';
import { AppSetting } from '../modules/activity/activity.entity.js';

export const TOKEN_TTL_SECONDS = 12 * 60 * 60;
const ISSUER = 'bridgeboard';

/** What a valid session token says: whose it is, and which password it was issued under. */
export interface SessionClaims {
  memberPk: number;
  passwordStamp: string;
  /** When the session ends (ms since the epoch): an open WebSocket is closed then. */
  expiresAt: number;
}

/**
 * A short digest of the member's password hash, carried in their session tokens: changing or
 * resetting the password changes it, which ends every session issued before. It reveals
 * nothing (a truncated SHA-256 of an argon2id hash) and needs no session table.
 */
export const passwordStamp = (passwordHash: string): string =>
  createHash('sha256').update(passwordHash).digest('base64url').slice(0, 16);

/**
 * Signs and checks member session tokens (HS256 JWT, 12 h). The secret comes from
 * TOKEN_SECRET, or is created once and kept in the database so every instance agrees.
 */
export class TokenService {
  private constructor(private readonly key: Uint8Array) {}

  static async create(orm: MikroORM, configured: string | null): Promise<TokenService> {
    if (configured) return new TokenService(new TextEncoder().encode(configured));
    const secret = await loadOrCreateSetting(orm, 'token_secret', () => randomBytes(32).toString('hex'));
    return new TokenService(new TextEncoder().encode(secret));
  }

  /** A session token for the member, valid `ttlSeconds` (12 hours unless told otherwise). */
  async sign(
    memberPk: number,
    passwordHash: string,
    ttlSeconds = TOKEN_TTL_SECONDS,
  ): Promise<{ token: string; expiresAt: Date }> {
    // `exp` is in whole seconds: the answer says exactly when the token stops working.
    const exp = Math.floor(Date.now() / 1000) + ttlSeconds;
    const expiresAt = new Date(exp * 1000);
    const token = await new SignJWT({ pw: passwordStamp(passwordHash) })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(String(memberPk))
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(exp)
      .sign(this.key);
    return { token, expiresAt };
  }

  /** The token's claims, or null for a forged, malformed, expired or never-expiring token. */
  async verify(token: string): Promise<SessionClaims | null> {
    try {
      // Every token the server signs expires; one without `exp` (however it was made) is refused.
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        algorithms: ['HS256'],
        requiredClaims: ['exp', 'sub'],
      });
      const pk = Number(payload.sub);
      if (!Number.isInteger(pk) || pk <= 0 || typeof payload.pw !== 'string') return null;
      return { memberPk: pk, passwordStamp: payload.pw, expiresAt: payload.exp! * 1000 };
    } catch (error) {
      if (error instanceof errors.JOSEError) return null;
      throw error;
    }
  }
}

/** Reads a setting, creating it with `make()` if absent; safe when instances race. */
export async function loadOrCreateSetting(orm: MikroORM, key: string, make: () => string): Promise<string> {
  const em = orm.em.fork();
  await em
    .getConnection()
    .execute('insert into app_setting (key, value) values (?, ?) on conflict (key) do nothing', [key, make()]);
  const row = await em.findOneOrFail(AppSetting, { key });
  return row.value;
}
