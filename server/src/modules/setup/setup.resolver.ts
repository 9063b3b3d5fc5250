import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { Public } from '../../auth/access.js';
import type { Context } from '../../context.js';
import { AuthPayload } from '../members/member.resolver.js';
import { SetupInput } from './setup.input.js';

@Resolver()
export class SetupResolver {
  // Public: nobody can sign in before setup; the one-time code printed at start is the proof.
  @Public()
  @Mutation(() => AuthPayload, {
    description:
      'First-run setup with the code from the setup link: creates the partnership, its agency and the first coordinator, and signs them in. FORBIDDEN (reason SETUP_CLOSED) once a coordinator exists.',
  })
  completeSetup(
    @Arg('code', () => String) code: string,
    @Arg('input', () => SetupInput) input: SetupInput,
    @Ctx() ctx: Context,
  ): Promise<AuthPayload> {
    return ctx.services.setup.complete(code, input);
  }
}
