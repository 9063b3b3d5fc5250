import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Allow, Public } from '../../auth/access.js';
import { Role } from '../../auth/roles.js';
import type { MemberViewer } from '../../auth/viewer.js';
import type { Context } from '../../context.js';
import { Member } from '../members/member.entity.js';
import { AuthPayload } from '../members/member.resolver.js';
import { Organization } from '../organizations/organization.entity.js';
import { InviteMemberInput } from './invitation.input.js';
import { Invitation, InvitationStatus, InvitePayload, PasswordResetPayload } from './invitation.type.js';

// Only members reach the operations declared `scope: null` (no API token may), so the viewer is a member.
const memberOf = (ctx: Context) => ctx.viewer as MemberViewer;

@Resolver(() => Invitation)
export class InvitationResolver {
  @Allow({ roles: [Role.COORDINATOR], scope: null })
  @Query(() => [Invitation], {
    description: 'Invitations newest first, of the statuses given (all if none). Coordinators only.',
  })
  invitations(
    @Arg('status', () => [InvitationStatus], { nullable: true }) status: InvitationStatus[] | null,
    @Ctx() ctx: Context,
  ): Promise<Invitation[]> {
    return ctx.services.invitations.list(ctx.em, status);
  }

  @Allow({ roles: [Role.COORDINATOR], scope: null })
  @Mutation(() => InvitePayload, {
    description:
      'Invites someone to become a member: a one-time link (7 days) to pass on, emailed too when SMTP is set. Withdraws a pending invitation of the same address. Coordinators only.',
  })
  inviteMember(
    @Arg('input', () => InviteMemberInput) input: InviteMemberInput,
    @Ctx() ctx: Context,
  ): Promise<InvitePayload> {
    return ctx.services.invitations.invite(memberOf(ctx), input);
  }

  @Allow({ roles: [Role.COORDINATOR], scope: null })
  @Mutation(() => Invitation, { description: 'Withdraws an invitation: its link stops working. Coordinators only.' })
  revokeInvitation(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Invitation> {
    return ctx.services.invitations.revoke(memberOf(ctx), id);
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description: 'Follows an invitation link: becomes a member with this password (and name, if given), signed in.',
  })
  async acceptInvitation(
    @Arg('code', () => String) code: string,
    @Arg('password', () => String) password: string,
    @Arg('name', () => String, { nullable: true }) name: string | null,
    @Ctx() ctx: Context,
  ): Promise<AuthPayload> {
    const member = await ctx.services.invitations.accept(code, password, name);
    const { token, expiresAt } = await ctx.services.tokens.sign(member.pk, member.passwordHash);
    return { token, expiresAt, member };
  }

  @Allow({ roles: [Role.COORDINATOR], scope: null })
  @Mutation(() => PasswordResetPayload, {
    description:
      'A one-time link (24 hours) for a member to set a new password, emailed too when SMTP is set. Their password stays until they use it. Coordinators only.',
  })
  createPasswordResetLink(
    @Arg('memberId', () => ID) memberId: string,
    @Ctx() ctx: Context,
  ): Promise<PasswordResetPayload> {
    return ctx.services.passwordLinks.issue(memberOf(ctx), memberId);
  }

  @Public()
  @Mutation(() => Boolean, {
    description:
      'Emails a password link (1 hour) to the member with this address, if there is one. Always true: it never says whether the address exists. FORBIDDEN when the partnership sends no email.',
  })
  requestPasswordReset(@Arg('email', () => String) email: string, @Ctx() ctx: Context): boolean {
    return ctx.services.passwordLinks.request(email);
  }

  @FieldResolver(() => Organization)
  organization(@Root() invitation: Invitation): Promise<Organization | null> {
    return invitation.link.organization?.load() ?? Promise.resolve(null);
  }

  @FieldResolver(() => Member, { nullable: true, description: 'null once that coordinator is removed.' })
  invitedBy(@Root() invitation: Invitation): Promise<Member | null> {
    return invitation.link.createdBy?.load() ?? Promise.resolve(null);
  }
}
