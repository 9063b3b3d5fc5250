import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Opt, type Ref, PrimaryKeyProp } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Node, toGlobalId } from '../../common/relay.js';
import { Role } from '../../auth/roles.js';
import { Organization } from '../organizations/organization.entity.js';

/** A signed-in person: coordinator, officer or partner. Email and hash never reach the schema here. */
@ObjectType('Member', { implements: Node })
@Entity({ tableName: 'member' })
export class Member {
  [PrimaryKeyProp]?: 'pk';

  @PrimaryKey({ type: 'integer', fieldName: 'id' })
  pk!: number & Opt;

  @Field(() => ID)
  get id(): string & Opt {
    return toGlobalId('Member', this.pk);
  }

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name!: string;

  /** Lower-cased on write; unique. Exposed only through `Member.email`'s resolver. */
  @Property({ type: 'string', length: 320, unique: true })
  email!: string;

  /**
   * argon2id hash (PHC string). A member created by `pnpm admin create-coordinator` gets the hash
   * of a random secret nobody knows, until they follow their sign-in link.
   */
  @Property({ type: 'string', length: 200, lazy: true })
  passwordHash!: string;

  @Field(() => Role)
  @Enum({ items: () => Role })
  role!: Role;

  @ManyToOne({ entity: () => Organization, ref: true })
  organization!: Ref<Organization>;

  @Property({ type: 'datetime' })
  createdAt: Date & Opt = new Date();

  /** Set by a coordinator: the member can no longer sign in; their history stays. */
  @Property({ type: 'datetime', nullable: true })
  deactivatedAt?: Date | null;
}
