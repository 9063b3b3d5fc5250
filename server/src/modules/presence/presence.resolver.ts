import {
  Arg,
  Ctx,
  Field,
  ID,
  Int,
  ObjectType,
  Resolver,
  Root,
  Subscription,
  type SubscribeResolverData,
} from 'type-graphql';
import { Allow } from '../../auth/access.js';
import { MEMBERS } from '../../auth/roles.js';
import type { Context } from '../../context.js';
import { unauthenticated } from '../../common/errors.js';
import { PRESENCE_FIRST, type PresenceSnapshot, type PresentMemberView } from './presence.service.js';
import { endWith } from '../../realtime/queue.js';

@ObjectType('PresentMember', { description: 'A member who has the board open now.' })
export class PresentMemberType implements PresentMemberView {
  @Field(() => ID, { description: 'The Member id.' })
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  organizationName!: string;
}

@ObjectType('Presence', { description: 'Who has the board open now and shares it.' })
export class Presence implements PresenceSnapshot {
  @Field(() => Int, {
    description: 'How many members have the board open and share their presence (each once, however many tabs).',
  })
  count!: number;

  @Field(() => [PresentMemberType], {
    description: `The first few of them (at most ${PRESENCE_FIRST}), sorted by name; \`count\` says how many there are in all.`,
  })
  members!: PresentMemberType[];
}

type Data = SubscribeResolverData<unknown, { share?: boolean | null }, Context>;

function presenceStream({ args, context }: Data): AsyncIterableIterator<PresenceSnapshot> {
  // @Allow has already refused the public and API tokens; this narrows the type for the compiler.
  const viewer = context.viewer;
  if (viewer?.kind !== 'member') throw unauthenticated();
  const presence = context.services.presence;
  const leave =
    args.share === false
      ? () => {}
      : presence.join({ memberPk: viewer.memberPk, name: viewer.name, organizationName: viewer.organizationName });
  const watch = presence.watch();
  async function* snapshots(): AsyncGenerator<PresenceSnapshot> {
    try {
      yield* watch;
    } finally {
      leave();
    }
  }
  return endWith(snapshots(), watch);
}

@Resolver()
export class PresenceResolver {
  @Allow({ roles: MEMBERS, scope: null })
  @Subscription(() => Presence, {
    description:
      'Who is on the board now: the current state at once, then again when it changed, at most once every couple ' +
      'of seconds (a burst of joins and leaves arrives as one update). share: false watches without being shown.',
    subscribe: presenceStream,
  })
  presence(
    @Root() snapshot: PresenceSnapshot,
    @Ctx() _ctx: Context,
    @Arg('share', () => Boolean, { defaultValue: true }) _share: boolean,
  ): PresenceSnapshot {
    // The snapshot is already what every board receives: one shared, frozen object per emission.
    return snapshot;
  }
}
