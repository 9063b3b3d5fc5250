import { Ctx, Query, Resolver } from 'type-graphql';
import { Public } from '../../auth/access.js';
import type { Context } from '../../context.js';
import { Neighborhood } from './neighborhood.entity.js';

@Resolver(() => Neighborhood)
export class NeighborhoodResolver {
  @Public()
  @Query(() => [Neighborhood], { description: 'The areas the partnership covers, by name.' })
  neighborhoods(@Ctx() ctx: Context): Promise<Neighborhood[]> {
    return ctx.em.find(Neighborhood, {}, { orderBy: { name: 'asc' } });
  }
}
