import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Public } from '../../auth/access.js';
import type { Context } from '../../context.js';
import { Neighborhood } from '../neighborhoods/neighborhood.entity.js';
import { Organization } from './organization.entity.js';

@Resolver(() => Organization)
export class OrganizationResolver {
  @Public()
  @Query(() => [Organization], { description: 'The agency and every partner organization, by name.' })
  organizations(@Ctx() ctx: Context): Promise<Organization[]> {
    return ctx.em.find(Organization, {}, { orderBy: { name: 'asc' } });
  }

  @FieldResolver(() => [Neighborhood], { description: 'Neighborhoods it serves.' })
  async neighborhoods(@Root() organization: Organization): Promise<Neighborhood[]> {
    return (await organization.neighborhoods.load()).getItems();
  }
}
