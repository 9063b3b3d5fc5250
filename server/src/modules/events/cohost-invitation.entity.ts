import {
  Entity,
  Enum,
  Index,
  ManyToOne,
  PrimaryKey,
  PrimaryKeyProp,
  Property,
  type Opt,
  type Ref,
  type Rel,
} from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime } from '../../common/scalars.js';
import { Node, toGlobalId } from '../../common/relay.js';
import { ApiToken } from '../api-tokens/api-token.entity.js';
import { Member } from '../members/member.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { SharedEvent } from './event.entity.js';

/** Where an invitation to co-host stands. Only PENDING can change, and only once. */
export enum CoHostInvitationStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  /** The host took the organization off the list: before an answer, or ending an accepted co-hosting. */
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(CoHostInvitationStatus, { name: 'CoHostInvitationStatus' });

/**
 * An organization asked to co-host an event. Co-hosting is the invited organization's to
 * consent to: `SharedEvent.coHosts` gains the organization only when one of its members (or
 * one of its events:write tokens) accepts, and loses it when the host withdraws. The rows stay
 * as the record of who asked whom and who answered; a declined organization may be asked again
 * (a new row).
 */
@ObjectType('CoHostInvitation', { implements: Node })
@Entity({ tableName: 'event_cohost_invitation' })
@Index({ properties: ['organization', 'status'] })
export class EventCoHostInvitation {
  [PrimaryKeyProp]?: 'pk';

  @PrimaryKey({ type: 'integer', fieldName: 'id' })
  pk!: number & Opt;

  /** The Relay id; the GraphQL field is a resolver (see its resolver), so plain rows get it too. */
  get id(): string & Opt {
    return toGlobalId('CoHostInvitation', this.pk);
  }

  @ManyToOne({ entity: () => SharedEvent, ref: true, deleteRule: 'cascade' })
  event!: Ref<Rel<SharedEvent>>;

  /** The organization invited to co-host. */
  @ManyToOne({ entity: () => Organization, ref: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  @Field(() => CoHostInvitationStatus)
  @Enum({ items: () => CoHostInvitationStatus })
  status: CoHostInvitationStatus & Opt = CoHostInvitationStatus.PENDING;

  @ManyToOne({ entity: () => Member, ref: true, nullable: true })
  invitedBy?: Ref<Member> | null;

  @ManyToOne({ entity: () => ApiToken, ref: true, nullable: true })
  invitedByToken?: Ref<ApiToken> | null;

  @Field(() => DateTime)
  @Property({ type: 'datetime' })
  createdAt: Date & Opt = new Date();

  @Field(() => DateTime, { nullable: true, description: 'When the invited organization accepted or declined.' })
  @Property({ type: 'datetime', nullable: true })
  respondedAt?: Date | null;

  @ManyToOne({ entity: () => Member, ref: true, nullable: true })
  respondedBy?: Ref<Member> | null;

  @ManyToOne({ entity: () => ApiToken, ref: true, nullable: true })
  respondedByToken?: Ref<ApiToken> | null;

  @Field(() => DateTime, { nullable: true, description: 'When the host took the organization off the list.' })
  @Property({ type: 'datetime', nullable: true })
  withdrawnAt?: Date | null;

  @ManyToOne({ entity: () => Member, ref: true, nullable: true })
  withdrawnBy?: Ref<Member> | null;
}
