import { describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/core';
import { SignJWT } from 'jose';
import { TokenService, passwordStamp } from './tokens.js';

const SECRET = 'a-test-secret-that-is-long-enough-000';
const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo';
const tokens = () => TokenService.create(null as unknown as MikroORM, SECRET);

describe('TokenService', () => {
  it('signs a member token that verifies to the member, expiring in 12 hours', async () => {
    const service = await tokens();
    const { token, expiresAt } = await service.sign(42, HASH);
    expect(await service.verify(token)).toEqual({
      memberPk: 42,
      passwordStamp: passwordStamp(HASH),
      expiresAt: expiresAt.getTime(),
    });
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(11.9 * 3600_000);
  });

  it('refuses tampered, foreign-secret, expired and unsigned tokens', async () => {
    const service = await tokens();
    const { token } = await service.sign(42, HASH);
    const [h, p, s] = token.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ sub: '1', iss: 'bridgeboard' })).toString('base64url');
    expect(await service.verify(`${h}.${forgedPayload}.${s}`)).toBeNull();
    expect(await service.verify(`${h}.${p}.${s.slice(0, -2)}xx`)).toBeNull();
    expect(await service.verify('not a token')).toBeNull();

    const other = await TokenService.create(null as unknown as MikroORM, 'another-secret-that-is-long-enough-00');
    expect(await service.verify((await other.sign(42, HASH)).token)).toBeNull();

    const key = new TextEncoder().encode(SECRET);
    const expired = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('42')
      .setIssuer('bridgeboard')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 10)
      .sign(key);
    expect(await service.verify(expired)).toBeNull();

    const none = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${p}.`;
    expect(await service.verify(none)).toBeNull();
  });
});
