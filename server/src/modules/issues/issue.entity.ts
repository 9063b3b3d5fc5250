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
import { IssueCategory, IssuePriority, IssueStatus, PRIORITY_RANK } from './issue.enums.js';
import { IssueUpdate } from './issue-update.entity.js';

/**
 * A community issue. Public fields are decorated here; the reporter's contact, the precise
 * location and the reporter are exposed only through resolvers that check the viewer.
 */
@ObjectType('CommunityIssue', { implements: Node })
@Entity({ tableName: 'community_issue' })
@Index({ properties: ['status', 'reportedAt'] })
// The board's default order (newest first, every status): an index walk instead of sorting every issue.
@Index({ properties: ['reportedAt', 'pk'] })
export class CommunityIssue {
  [PrimaryKeyProp]?: 'pk';

  @PrimaryKey({ type: 'integer', fieldName: 'id' })
  pk!: number & Opt;

  /** The Relay id; the GraphQL field is a resolver (see CommunityIssue's resolver), so plain rows get it too. */
  get id(): string & Opt {
    return toGlobalId('CommunityIssue', this.pk);
  }

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  description!: string;

  @Field(() => IssueCategory)
  @Enum({ items: () => IssueCategory })
  category!: IssueCategory;

  @Field(() => IssueStatus)
  @Enum({ items: () => IssueStatus })
  status: IssueStatus & Opt = IssueStatus.OPEN;

  @Field(() => IssuePriority)
  @Enum({ items: () => IssuePriority })
  priority: IssuePriority & Opt = IssuePriority.NORMAL;

  @Property({ type: 'integer' })
  priorityRank: number & Opt = PRIORITY_RANK.NORMAL;

  @ManyToOne({ entity: () => Neighborhood, ref: true })
  neighborhood!: Ref<Neighborhood>;

  /** Precise point: members only; public readers get it coarsened. */
  @Property({ type: 'double', nullable: true })
  lat?: number | null;

  @Property({ type: 'double', nullable: true })
  lng?: number | null;

  @Property({ type: 'string', length: 300, nullable: true })
  address?: string | null;

  /** The member who reported it, if a member did. */
  @ManyToOne({ entity: () => Member, ref: true, nullable: true })
  reporter?: Ref<Member> | null;

  /** A resident's contact; never set for anonymous reports. */
  @Property({ type: 'string', length: 300, nullable: true })
  contact?: string | null;

  @Field(() => Boolean, { description: 'Reported without any identity.' })
  @Property({ type: 'boolean' })
  anonymous: boolean & Opt = false;

  /** Organizations the issue is shared with and assigned to. */
  @ManyToMany({ entity: () => Organization, pivotTable: 'issue_organization' })
  organizations = new Collection<Organization>(this);

  @OneToMany({ entity: () => IssueUpdate, mappedBy: 'issue' })
  updates = new Collection<Rel<IssueUpdate>>(this);

  @Field(() => Int)
  @Property({ type: 'integer' })
  supportersCount: number & Opt = 0;

  @Field(() => DateTime)
  @Property({ type: 'datetime' })
  reportedAt: Date & Opt = new Date();

  @Field(() => DateTime, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  acknowledgedAt?: Date | null;

  @Field(() => DateTime, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  resolvedAt?: Date | null;

  @Field(() => DateTime)
  @Property({ type: 'datetime' })
  updatedAt: Date & Opt = new Date();

  @Field(() => Int, { description: 'Increases with every change; pass it back as expectedVersion.' })
  @Property({ type: 'integer', version: true })
  version!: number & Opt;

  setPriority(priority: IssuePriority): void {
    this.priority = priority;
    this.priorityRank = PRIORITY_RANK[priority];
  }
}
