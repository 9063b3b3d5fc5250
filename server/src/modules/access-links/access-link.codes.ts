import { createHash, randomBytes } from 'node:crypto';
import { LockMode, type EntityManager } from '@mikro-orm/core';
import { DomainError, ErrorCode } from '../../common/errors.js';
import { AccessLink, AccessLinkKind } from './access-link.entity.js';

const HOUR = 3600_000;

/** How long each kind of link stays valid, in milliseconds. */
export const LINK_TTL_MS = {
  SETUP: 24 * HOUR,
  INVITATION: 7 * 24 * HOUR,
  /** A reset issued by a coordinator, or the CLI's first sign-in link. */
  PASSWORD: 24 * HOUR,
  /** A reset a member asked for by email: short, since the mailbox is the only proof. */
  PASSWORD_BY_EMAIL: HOUR,
} as const;

/** The board's page for each kind of link. */
const PAGE: Record<AccessLinkKind, string> = {
  SETUP: '/setup',
  INVITATION: '/invitation',
  PASSWORD: '/password',
};

/** 32 random bytes as base64url (43 characters). */
const CODE_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export const hashLinkCode = (code: string): string => createHash('sha256').update(code).digest('hex');

/** A fresh code and the hash to store; the code itself is stored nowhere. */
export function newLinkCode(): { code: string; codeHash: string } {
  const code = randomBytes(32).toString('base64url');
  return { code, codeHash: hashLinkCode(code) };
}

/**
 * Builds the links the server hands out. `publicUrl` is known once the server listens (tests use
 * port 0), so bootstrap sets it then: `PUBLIC_URL`, or `http://localhost:<port>`.
 */
export class LinkIssuer {
  publicUrl = 'http://localhost';

  url(kind: AccessLinkKind, code: string): string {
    return `${this.publicUrl}${PAGE[kind]}?code=${code}`;
  }
}

const linkError = (reason: 'LINK_USED' | 'LINK_EXPIRED' | 'LINK_REVOKED', message: string) =>
  new DomainError(ErrorCode.BAD_USER_INPUT, message, { field: 'code', reason });

/**
 * The link behind `code`, if it is of `kind` and may still be used: NOT_FOUND for an unknown code
 * (or one of another kind), BAD_USER_INPUT with `reason` LINK_USED, LINK_EXPIRED or LINK_REVOKED.
 * Pass `lock` inside the transaction that spends it, so two uses at once cannot both succeed.
 */
export async function findUsableLink(
  em: EntityManager,
  code: string,
  kind: AccessLinkKind,
  options: { lock?: boolean } = {},
): Promise<AccessLink> {
  const invalid = new DomainError(ErrorCode.NOT_FOUND, 'This link is not valid; check that it was copied whole', {
    field: 'code',
  });
  if (!CODE_SHAPE.test(code)) throw invalid;
  const link = await em.findOne(
    AccessLink,
    { codeHash: hashLinkCode(code), kind },
    options.lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {},
  );
  if (!link) throw invalid;
  if (link.usedAt) throw linkError('LINK_USED', 'This link has already been used; ask for a new one');
  if (link.revokedAt) throw linkError('LINK_REVOKED', 'This link was withdrawn; ask for a new one');
  if (link.expiresAt.getTime() <= Date.now())
    throw linkError('LINK_EXPIRED', 'This link has expired; ask for a new one');
  return link;
}
