import { Field, Float, InputType, ObjectType } from 'type-graphql';
import { IsOptional, Max, MaxLength, Min } from 'class-validator';

@InputType('LocationInput')
export class LocationInput {
  @Field(() => Float)
  @Min(-90, { message: 'location.lat must be between -90 and 90' })
  @Max(90, { message: 'location.lat must be between -90 and 90' })
  lat!: number;

  @Field(() => Float)
  @Min(-180, { message: 'location.lng must be between -180 and 180' })
  @Max(180, { message: 'location.lng must be between -180 and 180' })
  lng!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300, { message: 'location.address must be at most 300 characters' })
  address?: string | null;
}

/** A point as a viewer may see it. `precise: false` means coarsened for the public. */
@ObjectType('Location')
export class Location {
  @Field(() => Float)
  lat!: number;

  @Field(() => Float)
  lng!: number;

  @Field(() => String, { nullable: true, description: 'Street address; members only.' })
  address!: string | null;

  @Field(() => Boolean, { description: 'False when rounded (about 100 m) or the neighborhood centre.' })
  precise!: boolean;
}

/** Rounds to 3 decimals of a degree: about 110 m north-south, less east-west. */
export const coarsen = (value: number): number => Math.round(value * 1000) / 1000;
