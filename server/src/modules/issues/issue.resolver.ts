import { Arg, Ctx, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Allow, Public } from '../../auth/access.js';
import { MEMBERS } from '../../auth/roles.js';
import { ApiScope } from '../../auth/scopes.js';
import { hasScope } from '../../auth/viewer.js';
import type { Context } from '../../context.js';
import { Connection, parseGlobalId, toGlobalId, type ConnectionShape } from '../../common/relay.js';
import { keyOf } from '../../common/rows.js';
import { Location, coarsen } from '../../common/location.js';
import { Neighborhood } from '../neighborhoods/neighborhood.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Member } from '../members/member.entity.js';
import { CommunityIssue } from './issue.entity.js';
import { IssueUpdate } from './issue-update.entity.js';
import { UpdateVisibility } from './issue.enums.js';
import { mayReadContact } from './issue.policy.js';
import {
  readIssue,
  type IssueRow,
  type IssueUpdateRow,
  type NeighborhoodRow,
  type OrganizationRow,
} from './issue.rows.js';
import { IssueFilter, IssueOrder, ReportIssueInput } from './issue.input.js';
import { IssueStatus } from './issue.enums.js';
import { IDEMPOTENCY_KEY_DESCRIPTION, claimFor } from '../idempotency/idempotency.js';

/** What the `CommunityIssue` type resolves from: a read path row, or an entity (mutations, live payloads). */
type IssueSource = CommunityIssue | IssueRow;
type UpdateSource = IssueUpdate | IssueUpdateRow;

@ObjectType('IssueConnection')
export class IssueConnection extends Connection('Issue', CommunityIssue) {}

/** Reloads a changed issue in the request's own EntityManager for the response. */
const reload = (ctx: Context, issue: CommunityIssue) => ctx.em.findOneOrFail(CommunityIssue, { pk: issue.pk });

@Resolver(() => CommunityIssue)
export class IssueResolver {
  @Public()
  @Query(() => CommunityIssue, { nullable: true, description: 'One issue by id; null when there is none.' })
  async issue(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<IssueSource | null> {
    const parsed = parseGlobalId(id);
    if (!parsed || parsed.type !== 'CommunityIssue') return null;
    return readIssue(ctx.em, parsed.pk);
  }

  @Public()
  @Query(() => IssueConnection, { description: 'Issues, newest first unless orderBy says otherwise.' })
  async issues(
    @Ctx() ctx: Context,
    @Arg('filter', () => IssueFilter, { nullable: true }) filter?: IssueFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('orderBy', () => IssueOrder, { nullable: true }) orderBy?: IssueOrder,
  ): Promise<ConnectionShape<IssueSource>> {
    return ctx.services.issues.list(ctx.em, filter, first, after, orderBy);
  }

  @Public()
  @Mutation(() => CommunityIssue, { description: 'Open to residents; anonymous reports store no identity.' })
  async reportIssue(@Arg('input', () => ReportIssueInput) input: ReportIssueInput, @Ctx() ctx: Context) {
    const claim = claimFor(ctx, 'reportIssue', input.idempotencyKey, input, { anonymous: input.anonymous });
    return reload(ctx, await ctx.services.issues.report(ctx.viewer, input, claim));
  }

  @Allow({ roles: MEMBERS, scope: ApiScope.ISSUES_WRITE })
  @Mutation(() => CommunityIssue, { description: 'Partners: only issues shared with their organization.' })
  async setIssueStatus(
    @Arg('id', () => ID) id: string,
    @Arg('status', () => IssueStatus) status: IssueStatus,
    @Ctx() ctx: Context,
    @Arg('note', () => String, { nullable: true }) note?: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return reload(ctx, await ctx.services.issues.setStatus(ctx.viewer!, id, status, note, expectedVersion));
  }

  @Allow({ roles: MEMBERS, scope: ApiScope.ISSUES_WRITE })
  @Mutation(() => CommunityIssue, { description: 'Sets the organizations the issue is shared with and assigned to.' })
  async assignIssue(
    @Arg('id', () => ID) id: string,
    @Arg('organizationIds', () => [ID]) organizationIds: string[],
    @Ctx() ctx: Context,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return reload(ctx, await ctx.services.issues.assign(ctx.viewer!, id, organizationIds, expectedVersion));
  }

  @Allow({ roles: MEMBERS, scope: ApiScope.ISSUES_WRITE })
  @Mutation(() => IssueUpdate)
  async addIssueUpdate(
    @Arg('issueId', () => ID) issueId: string,
    @Arg('body', () => String) body: string,
    @Ctx() ctx: Context,
    @Arg('visibility', () => UpdateVisibility, { defaultValue: UpdateVisibility.PUBLIC }) visibility: UpdateVisibility,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION })
    idempotencyKey?: string,
  ) {
    const request = { issueId, body, visibility, expectedVersion };
    const claim = claimFor(ctx, 'addIssueUpdate', idempotencyKey, request);
    const update = await ctx.services.issues.addUpdate(ctx.viewer!, issueId, body, visibility, expectedVersion, claim);
    return ctx.em.findOneOrFail(IssueUpdate, { pk: update.pk });
  }

  @Public()
  @Mutation(() => CommunityIssue, { description: '"Me too" from anyone.' })
  async supportIssue(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return reload(ctx, await ctx.services.issues.support(ctx.viewer, id));
  }

  @FieldResolver(() => ID)
  id(@Root() issue: IssueSource): string {
    return toGlobalId('CommunityIssue', issue.pk);
  }

  @FieldResolver(() => Neighborhood)
  async neighborhood(@Root() issue: IssueSource, @Ctx() ctx: Context): Promise<NeighborhoodRow> {
    return (await ctx.loaders.neighborhood.load(keyOf(issue.neighborhood)!))!;
  }

  @FieldResolver(() => [Organization], { description: 'Organizations it is shared with / assigned to.' })
  organizations(@Root() issue: IssueSource, @Ctx() ctx: Context): Promise<OrganizationRow[]> {
    return ctx.loaders.issueOrganizations.load(issue.pk);
  }

  @FieldResolver(() => Location, {
    description:
      'Precise for members (and issues:read tokens); coarsened to about 100 m (or the neighborhood centre) for the public.',
  })
  async location(@Root() issue: IssueSource, @Ctx() ctx: Context): Promise<Location> {
    if (issue.lat != null && issue.lng != null) {
      const precise = hasScope(ctx.viewer, ApiScope.ISSUES_READ);
      if (precise) return { lat: issue.lat, lng: issue.lng, address: issue.address ?? null, precise };
      return { lat: coarsen(issue.lat), lng: coarsen(issue.lng), address: null, precise };
    }
    const neighborhood = (await ctx.loaders.neighborhood.load(keyOf(issue.neighborhood)!))!;
    return { lat: neighborhood.centerLat, lng: neighborhood.centerLng, address: null, precise: false };
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "The resident's contact: only for coordinators and members of organizations assigned, never for API tokens. Every read is logged (Query.contactAccessLog).",
  })
  async contact(@Root() issue: IssueSource, @Ctx() ctx: Context): Promise<string | null> {
    if (ctx.viewer?.kind !== 'member' || !issue.contact) return null;
    const organizations = await ctx.loaders.issueOrganizations.load(issue.pk);
    if (
      !mayReadContact(
        ctx.viewer,
        organizations.map((o) => o.pk),
      )
    )
      return null;
    await ctx.loaders.contactRead.load(issue.pk); // logged before it is sent
    return issue.contact;
  }

  @FieldResolver(() => Member, { nullable: true, description: 'The member who reported it; members only.' })
  async reporter(@Root() issue: IssueSource, @Ctx() ctx: Context): Promise<Member | null> {
    const pk = keyOf(issue.reporter);
    if (!hasScope(ctx.viewer, ApiScope.ISSUES_READ) || pk == null) return null;
    return (await ctx.em.getReference(Member, pk, { wrapped: true }).load()) ?? null;
  }

  @FieldResolver(() => IssueUpdate, { nullable: true, description: 'Newest update the viewer may see.' })
  latestUpdate(@Root() issue: IssueSource, @Ctx() ctx: Context): Promise<IssueUpdateRow | null> {
    return ctx.loaders.latestUpdate.load(issue.pk);
  }

  @FieldResolver(() => Int, { description: 'Updates the viewer may see.' })
  updateCount(@Root() issue: IssueSource, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders.updateCount.load(issue.pk);
  }

  @FieldResolver(() => [IssueUpdate], { description: 'Timeline, oldest first; PARTNERS updates only for members.' })
  updates(@Root() issue: IssueSource, @Ctx() ctx: Context): Promise<IssueUpdateRow[]> {
    return ctx.loaders.updates.load(issue.pk);
  }
}

@Resolver(() => IssueUpdate)
export class IssueUpdateResolver {
  @FieldResolver(() => ID)
  id(@Root() update: UpdateSource): string {
    return toGlobalId('IssueUpdate', update.pk);
  }

  @FieldResolver(() => Member, { nullable: true, description: 'Who wrote it; members only.' })
  async author(@Root() update: UpdateSource, @Ctx() ctx: Context): Promise<Member | null> {
    const pk = keyOf(update.author);
    if (!hasScope(ctx.viewer, ApiScope.ISSUES_READ) || pk == null) return null;
    return (await ctx.em.getReference(Member, pk, { wrapped: true }).load()) ?? null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: "The author's organization; public." })
  async organization(@Root() update: UpdateSource, @Ctx() ctx: Context): Promise<Organization | null> {
    const pk = keyOf(update.author);
    if (pk == null) return null;
    const author = await ctx.em.getReference(Member, pk, { wrapped: true }).load();
    return author ? ((await author.organization.load()) ?? null) : null;
  }
}
