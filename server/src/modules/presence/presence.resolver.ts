import {
  Arg,
  Ctx,
  Field,
  ID,
  ObjectType,
  Resolver,
  Root,
  Subscription,
  type SubscribeResolverData,
} from 'type-graphql';
import { Allow } from '../../auth/access.js';
import { MEMBERS } from '../../auth/roles.js';
import type { Context } from '../../context.js';
import { toGlobalId } from '../../common/relay.js';
import { unauthenticated } from '../../common/errors.js';
import type { PresentMember } from './presence.service.js';
import { endWith } from '../../realtime/queue.js';

@ObjectType('PresentMember', { description: 'A member who has the board open now.' })
export class PresentMemberType {
  @Field(() => ID, { description: 'The Member id.' })
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  organizationName!: string;
}

@ObjectType('Presence')
export class Presence {
  @Field(() => [PresentMemberType], { description: 'Everyone sharing their presence, by name.' })
  members!: PresentMemberType[];
}

type Data = SubscribeResolverData<unknown, { share?: boolean | null }, Context>;

function presenceStream({ args, context }: Data): AsyncIterableIterator<PresentMember[]> {
  // @Allow has already refused the public and API tokens; this narrows the type for the compiler.
  const viewer = context.viewer;
  if (viewer?.kind !== 'member') throw unauthenticated();
  const presence = context.services.presence;
  const leave =
    args.share === false
      ? () => {}
      : presence.join({ memberPk: viewer.memberPk, name: viewer.name, organizationName: viewer.organizationName });
  const watch = presence.watch();
  async function* members(): AsyncGenerator<PresentMember[]> {
    try {
      yield* watch;
    } finally {
      leave();
    }
  }
  return endWith(members(), watch);
}

@Resolver()
export class PresenceResolver {
  @Allow({ roles: MEMBERS, scope: null })
  @Subscription(() => Presence, {
    description:
      'Who else is on the board now: the list at once, then again on every change. share: false watches without being shown.',
    subscribe: presenceStream,
  })
  presence(
    @Root() members: PresentMember[],
    @Ctx() _ctx: Context,
    @Arg('share', () => Boolean, { defaultValue: true }) _share: boolean,
  ): Presence {
    return {
      members: members.map((m) => ({
        id: toGlobalId('Member', m.memberPk),
        name: m.name,
        organizationName: m.organizationName,
      })),
    };
  }
}
