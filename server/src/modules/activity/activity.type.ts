import type { EntityManager } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTime } from '../../common/scalars.js';
import { Node, toGlobalId } from '../../common/relay.js';
import type { ActivityEnvelope } from '../../realtime/envelope.js';
import { CommunityIssue } from '../issues/issue.entity.js';
import { SharedEvent } from '../events/event.entity.js';
import { ActivityKind, ActivityVisibility } from './activity.enums.js';

/**
 * One entry of the change feed as clients see it, built from an envelope. It carries the
 * EntityManager its relations load through (a fresh one per delivered event).
 */
@ObjectType('Activity', { implements: Node })
export class ActivityItem {
  constructor(
    readonly envelope: ActivityEnvelope,
    readonly em: EntityManager,
  ) {}

  @Field(() => ID)
  get id(): string {
    return toGlobalId('Activity', this.envelope.seq);
  }

  @Field(() => Int, { description: 'Gapless, commit-ordered position in the feed; resume with after: seq.' })
  get seq(): number {
    return this.envelope.seq;
  }

  @Field(() => DateTime)
  get at(): Date {
    return new Date(this.envelope.at);
  }

  @Field(() => ActivityKind)
  get kind(): ActivityKind {
    return this.envelope.kind;
  }

  @Field(() => ActivityVisibility)
  get visibility(): ActivityVisibility {
    return this.envelope.visibility;
  }

  @Field(() => String, { description: 'What happened, in words.' })
  get summary(): string {
    return this.envelope.summary;
  }

  @Field(() => Int, { nullable: true, description: 'Version of the issue or event after this change.' })
  get subjectVersion(): number | null {
    return this.envelope.subjectVersion;
  }
}

@ObjectType('IssueChange')
export class IssueChange {
  @Field(() => Int)
  seq!: number;

  @Field(() => ActivityKind)
  kind!: ActivityKind;

  @Field(() => CommunityIssue, { description: 'The issue as it is now.' })
  issue!: CommunityIssue;

  @Field(() => ActivityItem)
  activity!: ActivityItem;
}

@ObjectType('EventChange')
export class EventChange {
  @Field(() => Int)
  seq!: number;

  @Field(() => ActivityKind)
  kind!: ActivityKind;

  @Field(() => SharedEvent, { description: 'The event as it is now.' })
  event!: SharedEvent;

  @Field(() => ActivityItem)
  activity!: ActivityItem;
}
