import { Entity, ManyToOne, PrimaryKey, Property, type Opt, type Ref, type Rel, PrimaryKeyProp } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { DateTime } from '../../common/scalars.js';
import { Member } from '../members/member.entity.js';
import { SharedEvent } from './event.entity.js';

/** Someone coming to an event. Names and emails are for members only. */
@ObjectType('EventRsvp')
@Entity({ tableName: 'event_rsvp' })
export class EventRsvp {
  [PrimaryKeyProp]?: 'pk';

  @PrimaryKey({ type: 'integer', fieldName: 'id' })
  pk!: number & Opt;

  @ManyToOne({ entity: () => SharedEvent, ref: true })
  event!: Ref<Rel<SharedEvent>>;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 320, nullable: true })
  email?: string | null;

  @Field(() => Int)
  @Property({ type: 'integer' })
  partySize: number & Opt = 1;

  @ManyToOne({ entity: () => Member, ref: true, nullable: true })
  member?: Ref<Member> | null;

  @Field(() => DateTime)
  @Property({ type: 'datetime' })
  createdAt: Date & Opt = new Date();
}
