import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Allow } from '../../auth/access.js';
import { MEMBERS } from '../../auth/roles.js';
import { ApiScope } from '../../auth/scopes.js';
import { hasScope } from '../../auth/viewer.js';
import type { Context } from '../../context.js';
import { Member } from '../members/member.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { CoHostInvitationStatus, EventCoHostInvitation } from './cohost-invitation.entity.js';
import { mayRespond, visibleInvitations } from './event.policy.js';
import { SharedEvent } from './event.entity.js';
import type { EventRow, InvitationRow } from './event.rows.js';
import type { OrganizationRow } from '../issues/issue.rows.js';
import { toGlobalId } from '../../common/relay.js';
import { keyOf } from '../../common/rows.js';

/** What the `CoHostInvitation` type resolves from: a read path row, or an entity. */
type InvitationSource = EventCoHostInvitation | InvitationRow;

/** A member by key through MikroORM's dataloader (one statement per batch); null for none. */
const memberOf = async (ctx: Context, pk: number | null): Promise<Member | null> =>
  pk == null ? null : ((await ctx.em.getReference(Member, pk, { wrapped: true }).load()) ?? null);

@Resolver(() => EventCoHostInvitation)
export class CoHostInvitationResolver {
  @Allow({ roles: MEMBERS, scope: ApiScope.EVENTS_READ })
  @Query(() => [EventCoHostInvitation], {
    description: "Invitations to co-host addressed to the viewer's organization, newest first (at most 200).",
  })
  coHostInvitations(
    @Ctx() ctx: Context,
    @Arg('status', () => [CoHostInvitationStatus], { nullable: true }) status?: CoHostInvitationStatus[] | null,
  ): Promise<EventCoHostInvitation[]> {
    return ctx.services.events.coHosts.list(ctx.em, ctx.viewer!, status);
  }

  @Allow({ roles: MEMBERS, scope: ApiScope.EVENTS_WRITE })
  @Mutation(() => EventCoHostInvitation, {
    description: 'Accepts or declines an invitation to co-host, once. Members of the invited organization only.',
  })
  async respondToCoHostInvitation(
    @Arg('id', () => ID) id: string,
    @Arg('accept', () => Boolean) accept: boolean,
    @Ctx() ctx: Context,
  ): Promise<EventCoHostInvitation> {
    const answered = await ctx.services.events.coHosts.respond(ctx.viewer!, id, accept);
    return ctx.em.findOneOrFail(EventCoHostInvitation, { pk: answered.pk });
  }

  @FieldResolver(() => ID)
  id(@Root() invitation: InvitationSource): string {
    return toGlobalId('CoHostInvitation', invitation.pk);
  }

  @FieldResolver(() => SharedEvent)
  async event(@Root() invitation: InvitationSource, @Ctx() ctx: Context): Promise<EventRow> {
    return (await ctx.loaders.event.load(keyOf(invitation.event)!))!;
  }

  @FieldResolver(() => Organization, { description: 'The organization invited to co-host.' })
  async organization(@Root() invitation: InvitationSource, @Ctx() ctx: Context): Promise<OrganizationRow> {
    if ('organizationRow' in invitation) return invitation.organizationRow;
    return (await ctx.loaders.organization.load(keyOf(invitation.organization)!))!;
  }

  @FieldResolver(() => Member, { nullable: true, description: 'Who invited; null when an API token did.' })
  async invitedBy(@Root() invitation: InvitationSource, @Ctx() ctx: Context): Promise<Member | null> {
    return memberOf(ctx, keyOf(invitation.invitedBy));
  }

  @FieldResolver(() => Member, { nullable: true, description: 'Who accepted or declined; null when an API token did.' })
  async respondedBy(@Root() invitation: InvitationSource, @Ctx() ctx: Context): Promise<Member | null> {
    return memberOf(ctx, keyOf(invitation.respondedBy));
  }

  @FieldResolver(() => Boolean, { description: 'Whether the viewer may accept or decline it now.' })
  viewerCanRespond(@Root() invitation: InvitationSource, @Ctx() ctx: Context): boolean {
    return invitation.status === CoHostInvitationStatus.PENDING && mayRespond(ctx.viewer, invitation);
  }
}

@Resolver(() => SharedEvent)
export class EventCoHostInvitationsResolver {
  @FieldResolver(() => [EventCoHostInvitation], {
    description:
      'Invitations to co-host, oldest first: all of them for staff and the host, its own for an invited organization, none for the public.',
  })
  async coHostInvitations(
    @Root() event: SharedEvent | EventRow,
    @Ctx() ctx: Context,
    @Arg('status', () => [CoHostInvitationStatus], { nullable: true }) status?: CoHostInvitationStatus[] | null,
  ): Promise<InvitationRow[]> {
    if (!hasScope(ctx.viewer, ApiScope.EVENTS_READ)) return [];
    const all = await ctx.loaders.eventInvitations.load(event.pk);
    return visibleInvitations(ctx.viewer, event.host, all).filter((i) => !status?.length || status.includes(i.status));
  }
}
