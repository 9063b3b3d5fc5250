import { Entity, ManyToOne, PrimaryKey, PrimaryKeyProp, Property, type Opt, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateTime } from '../../common/scalars.js';
import { toGlobalId } from '../../common/relay.js';
import { ApiScope, parseScopes } from '../../auth/scopes.js';
import { Member } from '../members/member.entity.js';
import { Organization } from '../organizations/organization.entity.js';

/**
 * A key another tool calls the API with. The secret is shown once when the token is created;
 * only its SHA-256 is stored (the secret carries 256 random bits, so a slow password hash would
 * add nothing but latency on every request). Revoking keeps the row, for the record.
 */
@ObjectType('ApiToken', { description: 'A key another tool uses to call the API, with the scopes it was given.' })
@Entity({ tableName: 'api_token' })
export class ApiToken {
  [PrimaryKeyProp]?: 'pk';

  @PrimaryKey({ type: 'integer', fieldName: 'id' })
  pk!: number & Opt;

  @Field(() => ID)
  get id(): string & Opt {
    return toGlobalId('ApiToken', this.pk);
  }

  @Field(() => String, { description: 'What it is for, e.g. "Dispatch sync".' })
  @Property({ type: 'string', length: 100 })
  name!: string;

  /** Hex SHA-256 of the whole secret (`bbt_…`). Never exposed. */
  @Property({ type: 'string', length: 64, unique: true })
  secretHash!: string;

  @Field(() => String, { description: 'The start of the secret (e.g. "bbt_Xy3k…"), to tell tokens apart.' })
  @Property({ type: 'string', length: 20 })
  hint!: string;

  /** Comma-separated scope values, see auth/scopes.ts. */
  @Property({ type: 'string', length: 200, fieldName: 'scopes' })
  scopeList!: string;

  @Field(() => [ApiScope])
  get scopes(): ApiScope[] & Opt {
    return parseScopes(this.scopeList);
  }

  /** The organization the token acts as. */
  @ManyToOne({ entity: () => Organization, ref: true })
  organization!: Ref<Organization>;

  @ManyToOne({ entity: () => Member, ref: true, nullable: true })
  createdBy?: Ref<Member> | null;

  @Field(() => DateTime)
  @Property({ type: 'datetime' })
  createdAt: Date & Opt = new Date();

  @Field(() => DateTime, {
    nullable: true,
    description: 'When it was last presented, on an HTTP call or a WebSocket connection (to the minute).',
  })
  @Property({ type: 'datetime', nullable: true })
  lastUsedAt?: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'Set once revoked: every call with it is then refused.' })
  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date | null;

  @ManyToOne({ entity: () => Member, ref: true, nullable: true })
  revokedBy?: Ref<Member> | null;
}
