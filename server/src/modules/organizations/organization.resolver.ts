import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Allow, Public } from '../../auth/access.js';
import { Role } from '../../auth/roles.js';
import type { MemberViewer } from '../../auth/viewer.js';
import type { Context } from '../../context.js';
import { toGlobalId } from '../../common/relay.js';
import type { OrganizationRow } from '../issues/issue.rows.js';
import { Neighborhood } from '../neighborhoods/neighborhood.entity.js';
import { Organization } from './organization.entity.js';
import { CreateOrganizationInput, UpdateOrganizationInput } from './organization.input.js';
import { claimFor } from '../idempotency/idempotency.js';

// Changes are `scope: null` (no API token may call them), so their viewer is a member.
@Resolver(() => Organization)
export class OrganizationResolver {
  @Public()
  @Query(() => [Organization], { description: 'The agency and every partner organization, by name.' })
  organizations(@Ctx() ctx: Context): Promise<Organization[]> {
    return ctx.em.find(Organization, {}, { orderBy: { name: 'asc' } });
  }

  @Allow({ roles: [Role.COORDINATOR], scope: null })
  @Mutation(() => Organization, { description: 'Adds the agency or a partner organization. Coordinators only.' })
  createOrganization(
    @Arg('input', () => CreateOrganizationInput) input: CreateOrganizationInput,
    @Ctx() ctx: Context,
  ): Promise<Organization> {
    const claim = claimFor(ctx, 'createOrganization', input.idempotencyKey, input);
    return ctx.services.organizations.create(ctx.viewer as MemberViewer, input, claim);
  }

  @Allow({ roles: [Role.COORDINATOR], scope: null })
  @Mutation(() => Organization, {
    description: 'Renames an organization, changes its kind or the neighborhoods it serves. Coordinators only.',
  })
  updateOrganization(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateOrganizationInput) input: UpdateOrganizationInput,
    @Ctx() ctx: Context,
  ): Promise<Organization> {
    return ctx.services.organizations.update(ctx.viewer as MemberViewer, id, input);
  }

  @FieldResolver(() => ID)
  id(@Root() organization: Organization | OrganizationRow): string {
    return toGlobalId('Organization', organization.pk);
  }

  @FieldResolver(() => [Neighborhood], { description: 'Neighborhoods it serves.' })
  async neighborhoods(
    @Root() organization: Organization | OrganizationRow,
    @Ctx() ctx: Context,
  ): Promise<Neighborhood[]> {
    // A plain row (the issues' read path) has no collection: load the entity first; MikroORM's
    // reference and collection dataloaders batch both across the rows of one request.
    const entity =
      organization instanceof Organization
        ? organization
        : await ctx.em.getReference(Organization, organization.pk, { wrapped: true }).load();
    if (!entity) return [];
    return (await entity.neighborhoods.load()).getItems();
  }
}
