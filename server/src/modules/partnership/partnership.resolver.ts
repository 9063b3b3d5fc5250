import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Allow, Public } from '../../auth/access.js';
import { Role } from '../../auth/roles.js';
import type { MemberViewer } from '../../auth/viewer.js';
import type { Context } from '../../context.js';
import { Partnership, PartnershipSettingsInput } from './partnership.type.js';

@Resolver(() => Partnership)
export class PartnershipResolver {
  @Public()
  @Query(() => Partnership, {
    description: "The partnership's name, time zone, language and map; whether setup is still to be done.",
  })
  partnership(@Ctx() ctx: Context): Promise<Partnership> {
    return ctx.services.partnership.get(ctx.em);
  }

  @Allow({ roles: [Role.COORDINATOR], scope: null })
  @Mutation(() => Partnership, {
    description: 'Changes the fields given (null clears the optional ones). Coordinators only.',
  })
  updatePartnershipSettings(
    @Arg('input', () => PartnershipSettingsInput) input: PartnershipSettingsInput,
    @Ctx() ctx: Context,
  ): Promise<Partnership> {
    // `scope: null` lets no API token through, so the viewer is a member.
    return ctx.services.partnership.update(ctx.viewer as MemberViewer, input);
  }
}
