import { Field, InputType } from 'type-graphql';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../idempotency/idempotency.js';
import { IsOptional, Length } from 'class-validator';
import { MAX_NAME_LENGTH } from './neighborhood.geometry.js';

@InputType('CreateNeighborhoodInput')
export class CreateNeighborhoodInput {
  @Field(() => String, { description: 'Unique (trimmed, whatever the case).' })
  @Length(1, MAX_NAME_LENGTH, { message: `name must be 1 to ${MAX_NAME_LENGTH} characters` })
  name!: string;

  @Field(() => String, {
    description: 'GeoJSON Polygon or MultiPolygon geometry (or a Feature holding one), as text.',
  })
  boundary!: string;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION })
  idempotencyKey?: string | null;
}

@InputType('UpdateNeighborhoodInput', { description: 'Only the fields given change.' })
export class UpdateNeighborhoodInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, MAX_NAME_LENGTH, { message: `name must be 1 to ${MAX_NAME_LENGTH} characters` })
  name?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'A new shape: GeoJSON Polygon or MultiPolygon (or a Feature holding one), as text.',
  })
  @IsOptional()
  boundary?: string | null;
}
