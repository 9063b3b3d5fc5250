import {
  Entity,
  ManyToOne,
  PrimaryKey,
  Property,
  Unique,
  type Opt,
  type Ref,
  type Rel,
  PrimaryKeyProp,
} from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { DateTime } from '../../common/scalars.js';
import { Member } from '../members/member.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { SharedEvent } from './event.entity.js';

/** How many people an organization commits to an event; one row per organization. */
@ObjectType('StaffCommitment')
@Entity({ tableName: 'staff_commitment' })
@Unique({ properties: ['event', 'organization'] })
export class StaffCommitment {
  [PrimaryKeyProp]?: 'pk';

  @PrimaryKey({ type: 'integer', fieldName: 'id' })
  pk!: number & Opt;

  @ManyToOne({ entity: () => SharedEvent, ref: true })
  event!: Ref<Rel<SharedEvent>>;

  @ManyToOne({ entity: () => Organization, ref: true })
  organization!: Ref<Organization>;

  @Field(() => Int)
  @Property({ type: 'integer' })
  count!: number;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 500, nullable: true })
  note?: string | null;

  @ManyToOne({ entity: () => Member, ref: true, nullable: true })
  updatedBy?: Ref<Member> | null;

  @Field(() => DateTime)
  @Property({ type: 'datetime' })
  updatedAt: Date & Opt = new Date();
}
