import {
  Collection,
  Entity,
  Enum,
  Index,
  ManyToMany,
  ManyToOne,
  OneToMany,
  PrimaryKey,
  Property,
  type Opt,
  type Ref,
  type Rel,
  PrimaryKeyProp,
} from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { DateTime } from '../../common/scalars.js';
import { Node, toGlobalId } from '../../common/relay.js';
import { Neighborhood } from '../neighborhoods/neighborhood.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Member } from '../members/member.entity.js';
import { CommunityIssue } from '../issues/issue.entity.js';
import { EventKind, EventStatus } from './event.enums.js';
import { EventRsvp } from './rsvp.entity.js';
import { StaffCommitment } from './staff-commitment.entity.js';
import { EventCoHostInvitation } from './cohost-invitation.entity.js';

/** A town hall, youth program, health fair, walk… hosted by one organization, co-hosted by others. */
@ObjectType('SharedEvent', { implements: Node })
@Entity({ tableName: 'shared_event' })
@Index({ properties: ['startsAt'] })
export class SharedEvent {
  [PrimaryKeyProp]?: 'pk';

  @PrimaryKey({ type: 'integer', fieldName: 'id' })
  pk!: number & Opt;

  /** The Relay id; the GraphQL field is a resolver (see the event resolver), so plain rows get it too. */
  get id(): string & Opt {
    return toGlobalId('SharedEvent', this.pk);
  }

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  description: string & Opt = '';

  @Field(() => EventKind)
  @Enum({ items: () => EventKind })
  kind!: EventKind;

  @Field(() => EventStatus)
  @Enum({ items: () => EventStatus })
  status: EventStatus & Opt = EventStatus.PLANNED;

  @Field(() => DateTime)
  @Property({ type: 'datetime' })
  startsAt!: Date;

  @Field(() => DateTime)
  @Property({ type: 'datetime' })
  endsAt!: Date;

  @Field(() => String, { description: 'Where it happens, e.g. "Eastside Library, room 2".' })
  @Property({ type: 'string', length: 300 })
  locationName!: string;

  @Property({ type: 'double', nullable: true })
  lat?: number | null;

  @Property({ type: 'double', nullable: true })
  lng?: number | null;

  @ManyToOne({ entity: () => Neighborhood, ref: true, nullable: true })
  neighborhood?: Ref<Neighborhood> | null;

  @ManyToOne({ entity: () => Organization, ref: true })
  host!: Ref<Organization>;

  /** Accepted co-hosts only: an organization joins when it accepts an invitation (see cohost.service.ts). */
  @ManyToMany({ entity: () => Organization, pivotTable: 'event_cohost' })
  coHosts = new Collection<Organization>(this);

  @OneToMany({ entity: () => EventCoHostInvitation, mappedBy: 'event' })
  coHostInvitations = new Collection<Rel<EventCoHostInvitation>>(this);

  @ManyToMany({ entity: () => CommunityIssue, pivotTable: 'event_issue' })
  issues = new Collection<Rel<CommunityIssue>>(this);

  @OneToMany({ entity: () => EventRsvp, mappedBy: 'event' })
  rsvps = new Collection<Rel<EventRsvp>>(this);

  @OneToMany({ entity: () => StaffCommitment, mappedBy: 'event' })
  staff = new Collection<Rel<StaffCommitment>>(this);

  @Field(() => Int, { nullable: true, description: 'Maximum attendees; null means no limit.' })
  @Property({ type: 'integer', nullable: true })
  capacity?: number | null;

  @Field(() => Int, { description: 'People coming (sum of RSVP party sizes).' })
  @Property({ type: 'integer' })
  rsvpCount: number & Opt = 0;

  @Field(() => Boolean, { description: 'Listed for residents; otherwise members only.' })
  @Property({ type: 'boolean' })
  isPublic: boolean & Opt = true;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 500, nullable: true })
  cancelReason?: string | null;

  @ManyToOne({ entity: () => Member, ref: true, nullable: true })
  createdBy?: Ref<Member> | null;

  @Field(() => DateTime)
  @Property({ type: 'datetime' })
  createdAt: Date & Opt = new Date();

  @Field(() => DateTime)
  @Property({ type: 'datetime' })
  updatedAt: Date & Opt = new Date();

  @Field(() => Int, { description: 'Increases with every change; pass it back as expectedVersion.' })
  @Property({ type: 'integer', version: true })
  version!: number & Opt;
}
