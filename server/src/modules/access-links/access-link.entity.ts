import { Entity, Enum, ManyToOne, PrimaryKey, PrimaryKeyProp, Property, type Opt, type Ref } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { Role } from '../../auth/roles.js';
import { Member } from '../members/member.entity.js';
import { Organization } from '../organizations/organization.entity.js';

export enum AccessLinkKind {
  /** First-run setup: creates the partnership and its first coordinator. */
  SETUP = 'SETUP',
  /** A coordinator invites someone: following it creates their member account. */
  INVITATION = 'INVITATION',
  /** An existing member sets a new password (reset, or the CLI's first sign-in). */
  PASSWORD = 'PASSWORD',
}
registerEnumType(AccessLinkKind, { name: 'AccessLinkKind', description: 'What a one-time link is for.' });

/**
 * A one-time link (`…?code=…`). Only the SHA-256 of the code is stored: the code exists in the
 * link handed out (a log line, the coordinator's screen, an email) and nowhere else. A link is
 * spent by `usedAt`, ended early by `revokedAt`, and refused after `expiresAt`.
 */
@Entity({ tableName: 'access_link' })
export class AccessLink {
  [PrimaryKeyProp]?: 'pk';

  @PrimaryKey({ type: 'integer', fieldName: 'id' })
  pk!: number & Opt;

  @Enum({ items: () => AccessLinkKind })
  kind!: AccessLinkKind;

  /** Hex SHA-256 of the code. */
  @Property({ type: 'string', length: 64, unique: true })
  codeHash!: string;

  /** INVITATION: who is invited (lower-cased). PASSWORD: the member's email when issued. */
  @Property({ type: 'string', length: 320, nullable: true })
  email?: string | null;

  @Property({ type: 'string', length: 200, nullable: true })
  name?: string | null;

  /** INVITATION: the role the new member gets. */
  @Enum({ items: () => Role, nullable: true })
  role?: Role | null;

  /** INVITATION: the organization the new member joins. */
  @ManyToOne({ entity: () => Organization, ref: true, nullable: true })
  organization?: Ref<Organization> | null;

  /** PASSWORD: whose password it sets. */
  @ManyToOne({ entity: () => Member, ref: true, nullable: true, deleteRule: 'cascade' })
  member?: Ref<Member> | null;

  @ManyToOne({ entity: () => Member, ref: true, nullable: true, deleteRule: 'set null' })
  createdBy?: Ref<Member> | null;

  @Property({ type: 'datetime' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  usedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date | null;
}
