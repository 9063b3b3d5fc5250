import { Entity, Index, ManyToOne, PrimaryKey, PrimaryKeyProp, Property, type Opt, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { DateTime } from '../../common/scalars.js';
import { Member } from '../members/member.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { CommunityIssue } from '../issues/issue.entity.js';

/**
 * One read of a resident's contact: who, as which organization, when, which issue. Written
 * before the contact is sent (see ContactAccessService); never changed or deleted by the API.
 */
@ObjectType('ContactAccess', { description: "One read of a resident's contact: who, when, which issue." })
@Entity({ tableName: 'contact_access' })
@Index({ properties: ['issue', 'pk'] })
export class ContactAccess {
  [PrimaryKeyProp]?: 'pk';

  @PrimaryKey({ type: 'integer', fieldName: 'id' })
  pk!: number & Opt;

  @Field(() => DateTime)
  @Property({ type: 'datetime' })
  at: Date & Opt = new Date();

  @ManyToOne({ entity: () => CommunityIssue, ref: true })
  issue!: Ref<CommunityIssue>;

  @ManyToOne({ entity: () => Member, ref: true })
  member!: Ref<Member>;

  /** The member's organization at the time of the read. */
  @ManyToOne({ entity: () => Organization, ref: true })
  organization!: Ref<Organization>;
}
