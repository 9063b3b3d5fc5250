import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Allow } from '../../auth/access.js';
import { MEMBERS } from '../../auth/roles.js';
import { ApiScope } from '../../auth/scopes.js';
import { hasScope } from '../../auth/viewer.js';
import type { Context } from '../../context.js';
import { Member } from '../members/member.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { CoHostInvitationStatus, EventCoHostInvitation } from './cohost-invitation.entity.js';
import { mayRespond, visibleInvitations } from './cohost.service.js';
import { SharedEvent } from './event.entity.js';

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

  @FieldResolver(() => SharedEvent)
  event(@Root() invitation: EventCoHostInvitation): Promise<SharedEvent> {
    return invitation.event.loadOrFail() as Promise<SharedEvent>;
  }

  @FieldResolver(() => Organization, { description: 'The organization invited to co-host.' })
  organization(@Root() invitation: EventCoHostInvitation): Promise<Organization> {
    return invitation.organization.loadOrFail();
  }

  @FieldResolver(() => Member, { nullable: true, description: 'Who invited; null when an API token did.' })
  async invitedBy(@Root() invitation: EventCoHostInvitation): Promise<Member | null> {
    return invitation.invitedBy ? ((await invitation.invitedBy.load()) ?? null) : null;
  }

  @FieldResolver(() => Member, { nullable: true, description: 'Who accepted or declined; null when an API token did.' })
  async respondedBy(@Root() invitation: EventCoHostInvitation): Promise<Member | null> {
    return invitation.respondedBy ? ((await invitation.respondedBy.load()) ?? null) : null;
  }

  @FieldResolver(() => Boolean, { description: 'Whether the viewer may accept or decline it now.' })
  viewerCanRespond(@Root() invitation: EventCoHostInvitation, @Ctx() ctx: Context): boolean {
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
    @Root() event: SharedEvent,
    @Ctx() ctx: Context,
    @Arg('status', () => [CoHostInvitationStatus], { nullable: true }) status?: CoHostInvitationStatus[] | null,
  ): Promise<EventCoHostInvitation[]> {
    if (!hasScope(ctx.viewer, ApiScope.EVENTS_READ)) return [];
    const all = (await event.coHostInvitations.load()).getItems();
    return visibleInvitations(ctx.viewer, event, all)
      .filter((i) => !status?.length || status.includes(i.status))
      .sort((a, b) => a.pk - b.pk);
  }
}
