import { ArrayMaxSize, IsOptional, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { OrganizationKind } from './organization.entity.js';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../idempotency/idempotency.js';

/** At most this many neighborhoods per organization. */
export const MAX_NEIGHBORHOODS = 50;

@InputType('CreateOrganizationInput')
export class CreateOrganizationInput {
  @Field(() => String, { description: 'Unique.' })
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  name!: string;

  @Field(() => OrganizationKind, { description: 'AGENCY for the police agency (its members may be officers).' })
  kind!: OrganizationKind;

  @Field(() => [ID], { defaultValue: [], description: 'Neighborhoods it serves.' })
  @ArrayMaxSize(MAX_NEIGHBORHOODS, { message: `neighborhoodIds may name at most ${MAX_NEIGHBORHOODS} neighborhoods` })
  neighborhoodIds!: string[];

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION })
  idempotencyKey?: string | null;
}

@InputType('UpdateOrganizationInput', { description: 'Only the fields given change.' })
export class UpdateOrganizationInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  name?: string | null;

  @Field(() => OrganizationKind, {
    nullable: true,
    description: 'Refused while it would leave an officer outside an agency or a partner inside one.',
  })
  @IsOptional()
  kind?: OrganizationKind | null;

  @Field(() => [ID], { nullable: true, description: 'Replaces the neighborhoods it serves.' })
  @IsOptional()
  @ArrayMaxSize(MAX_NEIGHBORHOODS, { message: `neighborhoodIds may name at most ${MAX_NEIGHBORHOODS} neighborhoods` })
  neighborhoodIds?: string[] | null;
}
