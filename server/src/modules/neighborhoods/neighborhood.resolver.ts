import { Arg, Ctx, FieldResolver, Float, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { claimFor } from '../idempotency/idempotency.js';
import { Allow, Public } from '../../auth/access.js';
import { Role } from '../../auth/roles.js';
import type { MemberViewer } from '../../auth/viewer.js';
import type { Context } from '../../context.js';
import { Neighborhood } from './neighborhood.entity.js';
import type { NeighborhoodRow } from '../issues/issue.rows.js';
import { toGlobalId } from '../../common/relay.js';
import { CreateNeighborhoodInput, UpdateNeighborhoodInput } from './neighborhood.input.js';
import { NeighborhoodImportResult } from './neighborhood.type.js';

const COORDINATORS = { roles: [Role.COORDINATOR], scope: null } as const;

// Only members reach the operations declared `scope: null` (no API token may), so the viewer is a member.
const coordinator = (ctx: Context) => ctx.viewer as MemberViewer;

@Resolver(() => Neighborhood)
export class NeighborhoodResolver {
  @Public()
  @Query(() => [Neighborhood], { description: 'The areas the partnership covers, by name.' })
  neighborhoods(
    @Ctx() ctx: Context,
    @Arg('includeRetired', () => Boolean, {
      nullable: true,
      defaultValue: false,
      description: 'Also list retired neighborhoods (they keep their issues and take no new reports).',
    })
    includeRetired: boolean | null,
  ): Promise<Neighborhood[]> {
    return ctx.services.neighborhoods.list(ctx.em, includeRetired === true);
  }

  @Public()
  @Query(() => Neighborhood, {
    nullable: true,
    description: 'The active neighborhood containing the point (holes excluded), or null.',
  })
  neighborhoodAt(
    @Arg('lat', () => Float) lat: number,
    @Arg('lng', () => Float) lng: number,
    @Ctx() ctx: Context,
  ): Promise<Neighborhood | null> {
    return ctx.services.neighborhoods.at(ctx.em, lat, lng);
  }

  @Allow(COORDINATORS)
  @Mutation(() => NeighborhoodImportResult, {
    description:
      "Imports the city's GeoJSON FeatureCollection (at most 5 MB, 500 features), matching neighborhoods by name. Refused features are listed in errors; the rest is written in one go. Coordinators only.",
  })
  importNeighborhoods(
    @Arg('geojson', () => String) geojson: string,
    @Arg('nameProperty', () => String, { description: 'The feature property that holds the name.' })
    nameProperty: string,
    @Arg('retireMissing', () => Boolean, {
      nullable: true,
      defaultValue: true,
      description: 'Neighborhoods not in the file are retired when in use, deleted when never used.',
    })
    retireMissing: boolean | null,
    @Ctx() ctx: Context,
  ): Promise<NeighborhoodImportResult> {
    // An explicit null means the default: only `false` keeps neighborhoods absent from the file.
    return ctx.services.neighborhoods.import(coordinator(ctx), geojson, nameProperty, retireMissing !== false);
  }

  @Allow(COORDINATORS)
  @Mutation(() => Neighborhood, { description: 'Adds a neighborhood with its shape. Coordinators only.' })
  createNeighborhood(
    @Arg('input', () => CreateNeighborhoodInput) input: CreateNeighborhoodInput,
    @Ctx() ctx: Context,
  ): Promise<Neighborhood> {
    const claim = claimFor(ctx, 'createNeighborhood', input.idempotencyKey, input);
    return ctx.services.neighborhoods.create(coordinator(ctx), input, claim);
  }

  @Allow(COORDINATORS)
  @Mutation(() => Neighborhood, { description: 'Renames a neighborhood or changes its shape. Coordinators only.' })
  updateNeighborhood(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateNeighborhoodInput) input: UpdateNeighborhoodInput,
    @Ctx() ctx: Context,
  ): Promise<Neighborhood> {
    return ctx.services.neighborhoods.update(coordinator(ctx), id, input);
  }

  @Allow(COORDINATORS)
  @Mutation(() => Neighborhood, {
    description: 'Retires a neighborhood: it keeps its issues and events, takes no new reports. Coordinators only.',
  })
  retireNeighborhood(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Neighborhood> {
    return ctx.services.neighborhoods.retire(coordinator(ctx), id);
  }

  @Allow(COORDINATORS)
  @Mutation(() => Neighborhood, { description: 'Lets a retired neighborhood take reports again. Coordinators only.' })
  restoreNeighborhood(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Neighborhood> {
    return ctx.services.neighborhoods.restore(coordinator(ctx), id);
  }

  @FieldResolver(() => ID)
  id(@Root() neighborhood: Neighborhood | NeighborhoodRow): string {
    return toGlobalId('Neighborhood', neighborhood.pk);
  }

  @FieldResolver(() => Boolean, { description: 'True when it takes no new reports (it keeps its issues).' })
  retired(@Root() neighborhood: Neighborhood | NeighborhoodRow): boolean {
    return neighborhood.retiredAt != null;
  }

  @FieldResolver(() => Date, { nullable: true })
  retiredAt(@Root() neighborhood: Neighborhood | NeighborhoodRow): Date | null {
    return neighborhood.retiredAt ?? null;
  }
}
