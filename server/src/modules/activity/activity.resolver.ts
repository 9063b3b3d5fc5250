import {
  Arg,
  Ctx,
  FieldResolver,
  Int,
  Query,
  Resolver,
  Root,
  Subscription,
  type SubscribeResolverData,
} from 'type-graphql';
import { Public } from '../../auth/access.js';
import type { Context } from '../../context.js';
import { ApiScope } from '../../auth/scopes.js';
import { hasScope } from '../../auth/viewer.js';
import { badInput } from '../../common/errors.js';
import type { ActivityEnvelope } from '../../realtime/envelope.js';
import { Member } from '../members/member.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { CommunityIssue } from '../issues/issue.entity.js';
import { SharedEvent } from '../events/event.entity.js';
import { IssueFilter } from '../issues/issue.input.js';
import { EventFilter } from '../events/event.input.js';
import { readActivities } from './activity.rows.js';
import type { IssueRow, OrganizationRow } from '../issues/issue.rows.js';
import type { EventRow } from '../events/event.rows.js';
import { ActivityItem, EventChange, IssueChange } from './activity.type.js';
import { activityAccept, eventAccept, issueAccept, visibilitiesFor } from './activity.filters.js';

interface StreamArgs {
  after?: number | null;
  filter?: IssueFilter & EventFilter;
}
type Data = SubscribeResolverData<unknown, StreamArgs, Context>;

@Resolver(() => ActivityItem)
export class ActivityResolver {
  @Public()
  @Query(() => [ActivityItem], { description: 'Recent activity the viewer may see, newest first.' })
  async activities(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('before', () => Int, { nullable: true, description: 'Only entries with seq below this.' }) before?: number,
  ): Promise<ActivityItem[]> {
    if (first < 1 || first > 100) throw badInput('first', 'first must be between 1 and 100');
    const visible = visibilitiesFor(ctx.viewer, ApiScope.ACTIVITY_READ);
    const rows = await readActivities(ctx.em, visible, first, before ?? null);
    return rows.map((row) => new ActivityItem(row, ctx.em));
  }

  @Public()
  @Query(() => Int, {
    description:
      'The newest committed seq. Read it with a page of data, then subscribe with after: latestSeq to miss nothing in between.',
  })
  latestSeq(@Ctx() ctx: Context): Promise<number> {
    return ctx.services.bus.latestSeq();
  }

  @Public()
  @Subscription(() => ActivityItem, {
    description: 'Everything the viewer may see, in seq order. after: seq replays what was missed, once.',
    subscribe: ({ args, context, info }: Data) =>
      context.services.live.join({ context, info, after: args.after, acceptFor: activityAccept }),
  })
  activity(
    @Root() envelope: ActivityEnvelope,
    @Ctx() ctx: Context,
    @Arg('after', () => Int, { nullable: true }) _after?: number,
  ): ActivityItem {
    return new ActivityItem(envelope, ctx.em);
  }

  @Public()
  @Subscription(() => IssueChange, {
    description: 'Changes to issues matching the filter (before or after the change), in seq order.',
    subscribe: ({ args, context, info }: Data) =>
      context.services.live.join({
        context,
        info,
        after: args.after,
        acceptFor: (viewer) => issueAccept(viewer, args.filter),
      }),
  })
  async issueChanged(
    @Root() envelope: ActivityEnvelope,
    @Ctx() ctx: Context,
    @Arg('filter', () => IssueFilter, { nullable: true }) _filter?: IssueFilter,
    @Arg('after', () => Int, { nullable: true }) _after?: number,
  ): Promise<IssueChange> {
    // ctx.em is the change's own EntityManager, shared by every group it is delivered to.
    const issue = await ctx.em.findOneOrFail(CommunityIssue, { pk: envelope.issue! });
    return { seq: envelope.seq, kind: envelope.kind, issue, activity: new ActivityItem(envelope, ctx.em) };
  }

  @Public()
  @Subscription(() => EventChange, {
    description: 'Changes to events matching the filter, in seq order.',
    subscribe: ({ args, context, info }: Data) =>
      context.services.live.join({
        context,
        info,
        after: args.after,
        acceptFor: (viewer) => eventAccept(viewer, args.filter),
      }),
  })
  async eventChanged(
    @Root() envelope: ActivityEnvelope,
    @Ctx() ctx: Context,
    @Arg('filter', () => EventFilter, { nullable: true }) _filter?: EventFilter,
    @Arg('after', () => Int, { nullable: true }) _after?: number,
  ): Promise<EventChange> {
    const event = await ctx.em.findOneOrFail(SharedEvent, { pk: envelope.event! });
    return { seq: envelope.seq, kind: envelope.kind, event, activity: new ActivityItem(envelope, ctx.em) };
  }

  // Relations load through the request's loaders (plain rows): a feed page costs one query per type.
  // The actor is a Member entity through MikroORM's dataloader (Member's resolvers read entities).
  @FieldResolver(() => Member, { nullable: true, description: 'Who did it; members (and activity:read tokens) only.' })
  actor(@Root() item: ActivityItem, @Ctx() ctx: Context): Promise<Member | null> {
    if (!hasScope(ctx.viewer, ApiScope.ACTIVITY_READ) || item.envelope.actor == null) return Promise.resolve(null);
    return item.em
      .getReference(Member, item.envelope.actor, { wrapped: true })
      .load()
      .then((m) => m ?? null);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The organization that did it.' })
  actorOrganization(@Root() item: ActivityItem, @Ctx() ctx: Context): Promise<OrganizationRow | null> {
    const pk = item.envelope.actorOrganization;
    return pk == null ? Promise.resolve(null) : ctx.loaders.organization.load(pk);
  }

  @FieldResolver(() => CommunityIssue, { nullable: true })
  issue(@Root() item: ActivityItem, @Ctx() ctx: Context): Promise<IssueRow | null> {
    const pk = item.envelope.issue;
    return pk == null ? Promise.resolve(null) : ctx.loaders.issue.load(pk);
  }

  @FieldResolver(() => SharedEvent, { nullable: true })
  event(@Root() item: ActivityItem, @Ctx() ctx: Context): Promise<EventRow | null> {
    const pk = item.envelope.event;
    return pk == null ? Promise.resolve(null) : ctx.loaders.event.load(pk);
  }
}
