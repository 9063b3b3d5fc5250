import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Public } from '../../auth/access.js';
import type { Context } from '../../context.js';
import { AuthPayload } from '../members/member.resolver.js';
import { AccessLinkInfo } from './access-link.type.js';

@Resolver(() => AccessLinkInfo)
export class AccessLinkResolver {
  @Public()
  @Query(() => AccessLinkInfo, {
    description:
      'What a one-time link (setup, invitation, password) is for, before it is used. NOT_FOUND for an unknown code; BAD_USER_INPUT with reason LINK_USED, LINK_EXPIRED or LINK_REVOKED.',
  })
  accessLink(@Arg('code', () => String) code: string, @Ctx() ctx: Context): Promise<AccessLinkInfo> {
    return ctx.services.accessLinks.info(ctx.em, code);
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description:
      "Sets a new password with a PASSWORD link (a reset, or the CLI's sign-in link) and signs in. Older sessions end.",
  })
  resetPassword(
    @Arg('code', () => String) code: string,
    @Arg('password', () => String) password: string,
    @Ctx() ctx: Context,
  ): Promise<AuthPayload> {
    return ctx.services.accessLinks.resetPassword(code, password);
  }
}
