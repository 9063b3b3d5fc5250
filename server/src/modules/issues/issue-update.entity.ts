import {
  Entity,
  Enum,
  Index,
  ManyToOne,
  PrimaryKey,
  Property,
  type Opt,
  type Ref,
  type Rel,
  PrimaryKeyProp,
} from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { DateTime } from '../../common/scalars.js';
import { Node, toGlobalId } from '../../common/relay.js';
import { Member } from '../members/member.entity.js';
import { IssueStatus, IssueUpdateKind, UpdateVisibility } from './issue.enums.js';
import { CommunityIssue } from './issue.entity.js';

/** A comment or status note on an issue. PARTNERS updates are for members only. */
@ObjectType('IssueUpdate', { implements: Node })
@Entity({ tableName: 'issue_update' })
@Index({ properties: ['issue', 'pk'] })
export class IssueUpdate {
  [PrimaryKeyProp]?: 'pk';

  @PrimaryKey({ type: 'integer', fieldName: 'id' })
  pk!: number & Opt;

  /** The Relay id; the GraphQL field is a resolver (see IssueUpdate's resolver), so plain rows get it too. */
  get id(): string & Opt {
    return toGlobalId('IssueUpdate', this.pk);
  }

  @ManyToOne({ entity: () => CommunityIssue, ref: true })
  issue!: Ref<Rel<CommunityIssue>>;

  @ManyToOne({ entity: () => Member, ref: true, nullable: true })
  author?: Ref<Member> | null;

  @Field(() => IssueUpdateKind)
  @Enum({ items: () => IssueUpdateKind })
  kind!: IssueUpdateKind;

  @Field(() => String)
  @Property({ type: 'text' })
  body!: string;

  @Field(() => UpdateVisibility)
  @Enum({ items: () => UpdateVisibility })
  visibility!: UpdateVisibility;

  @Field(() => IssueStatus, { nullable: true })
  @Enum({ items: () => IssueStatus, nullable: true })
  fromStatus?: IssueStatus | null;

  @Field(() => IssueStatus, { nullable: true })
  @Enum({ items: () => IssueStatus, nullable: true })
  toStatus?: IssueStatus | null;

  @Field(() => DateTime)
  @Property({ type: 'datetime' })
  createdAt: Date & Opt = new Date();
}
