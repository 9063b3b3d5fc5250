import { Entity, Enum, ManyToOne, PrimaryKey, PrimaryKeyProp, Property, type Ref } from '@mikro-orm/core';
import { Member } from '../members/member.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { CommunityIssue } from '../issues/issue.entity.js';
import { SharedEvent } from '../events/event.entity.js';
import { ActivityKind, ActivityVisibility } from './activity.enums.js';
import type { ActivitySnapshot } from '../../realtime/envelope.js';

/**
 * The durable change feed: one row per change, written in the change's own transaction.
 * `seq` is allocated from `activity_sequence` under a row lock held until commit, so it is
 * gapless and in commit order (see realtime/change.ts).
 */
@Entity({ tableName: 'activity' })
export class Activity {
  [PrimaryKeyProp]?: 'seq';

  @PrimaryKey({ type: 'integer', autoincrement: false })
  seq!: number;

  @Property({ type: 'datetime' })
  at!: Date;

  @Enum({ items: () => ActivityKind })
  kind!: ActivityKind;

  @Enum({ items: () => ActivityVisibility })
  visibility!: ActivityVisibility;

  @ManyToOne({ entity: () => Member, ref: true, nullable: true })
  actor?: Ref<Member> | null;

  @ManyToOne({ entity: () => Organization, ref: true, nullable: true })
  actorOrganization?: Ref<Organization> | null;

  @ManyToOne({ entity: () => CommunityIssue, ref: true, nullable: true })
  issue?: Ref<CommunityIssue> | null;

  @ManyToOne({ entity: () => SharedEvent, ref: true, nullable: true })
  event?: Ref<SharedEvent> | null;

  /** Human-readable, safe for the row's visibility (no contact, no internal text when PUBLIC). */
  @Property({ type: 'string', length: 500 })
  summary!: string;

  /** Version of the issue or event after this change. */
  @Property({ type: 'integer', nullable: true })
  subjectVersion?: number | null;

  /** Routing snapshot so subscribers can filter without reading the database. */
  @Property({ type: 'json' })
  snapshot!: ActivitySnapshot;
}

/** Single-row counter behind `Activity.seq`. */
@Entity({ tableName: 'activity_sequence' })
export class ActivitySequence {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  id!: number;

  @Property({ type: 'integer' })
  value!: number;
}

/** Small key/value settings the server keeps for itself (e.g. the token signing secret). */
@Entity({ tableName: 'app_setting' })
export class AppSetting {
  [PrimaryKeyProp]?: 'key';

  @PrimaryKey({ type: 'string', length: 100 })
  key!: string;

  @Property({ type: 'text' })
  value!: string;
}
