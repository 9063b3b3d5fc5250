import { Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsEmail, IsOptional, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { DateTime } from '../../common/scalars.js';
import { LocationInput } from '../../common/location.js';
import { EventKind, EventStatus } from './event.enums.js';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../idempotency/idempotency.js';

@InputType('CreateEventInput')
export class CreateEventInput {
  @Field(() => String)
  @Length(3, 200, { message: 'title must be 3 to 200 characters' })
  title!: string;

  @Field(() => String, { defaultValue: '' })
  @MaxLength(5000, { message: 'description must be at most 5000 characters' })
  description!: string;

  @Field(() => EventKind)
  kind!: EventKind;

  @Field(() => DateTime)
  startsAt!: Date;

  @Field(() => DateTime)
  endsAt!: Date;

  @Field(() => String)
  @Length(2, 300, { message: 'locationName must be 2 to 300 characters' })
  locationName!: string;

  @Field(() => LocationInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  location?: LocationInput | null;

  @Field(() => ID, { nullable: true })
  neighborhoodId?: string | null;

  @Field(() => ID, { nullable: true, description: "Defaults to the creator's organization." })
  hostOrganizationId?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      'Organizations invited to co-host: each co-hosts once it accepts. Leaving one out withdraws its invitation or ends its co-hosting.',
  })
  @IsOptional()
  @ArrayMaxSize(20, { message: 'coHostOrganizationIds may name at most 20 organizations' })
  coHostOrganizationIds?: string[] | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1, { message: 'capacity must be between 1 and 100000' })
  @Max(100000, { message: 'capacity must be between 1 and 100000' })
  capacity?: number | null;

  @Field(() => Boolean, { defaultValue: true })
  isPublic!: boolean;

  @Field(() => [ID], { nullable: true, description: 'Community issues this event addresses.' })
  @IsOptional()
  @ArrayMaxSize(50, { message: 'issueIds may name at most 50 issues' })
  issueIds?: string[] | null;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION })
  idempotencyKey?: string | null;
}

/** Only the fields given change. */
@InputType('UpdateEventInput')
export class UpdateEventInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(3, 200, { message: 'title must be 3 to 200 characters' })
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000, { message: 'description must be at most 5000 characters' })
  description?: string | null;

  @Field(() => EventKind, { nullable: true })
  kind?: EventKind | null;

  @Field(() => EventStatus, { nullable: true, description: 'PLANNED, CONFIRMED or DONE; use cancelEvent to cancel.' })
  status?: EventStatus | null;

  @Field(() => DateTime, { nullable: true })
  startsAt?: Date | null;

  @Field(() => DateTime, { nullable: true })
  endsAt?: Date | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 300, { message: 'locationName must be 2 to 300 characters' })
  locationName?: string | null;

  @Field(() => LocationInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  location?: LocationInput | null;

  @Field(() => ID, { nullable: true })
  neighborhoodId?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      'Organizations invited to co-host: each co-hosts once it accepts. Leaving one out withdraws its invitation or ends its co-hosting.',
  })
  @IsOptional()
  @ArrayMaxSize(20, { message: 'coHostOrganizationIds may name at most 20 organizations' })
  coHostOrganizationIds?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'Absent: unchanged. null: no limit.' })
  @IsOptional()
  @Min(1, { message: 'capacity must be between 1 and 100000' })
  @Max(100000, { message: 'capacity must be between 1 and 100000' })
  capacity?: number | null;

  @Field(() => Boolean, { nullable: true })
  isPublic?: boolean | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50, { message: 'issueIds may name at most 50 issues' })
  issueIds?: string[] | null;
}

@InputType('RsvpInput')
export class RsvpInput {
  @Field(() => String)
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'For reminders; seen by members only.' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(320, { message: 'email must be at most 320 characters' })
  email?: string | null;

  @Field(() => Int, { defaultValue: 1 })
  @Min(1, { message: 'partySize must be between 1 and 20' })
  @Max(20, { message: 'partySize must be between 1 and 20' })
  partySize!: number;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION })
  idempotencyKey?: string | null;
}

@InputType('EventFilter')
export class EventFilter {
  @Field(() => [EventStatus], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(4)
  status?: EventStatus[] | null;

  @Field(() => EventKind, { nullable: true })
  kind?: EventKind | null;

  @Field(() => ID, { nullable: true })
  neighborhoodId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Hosted or co-hosted by this organization.' })
  organizationId?: string | null;

  @Field(() => DateTime, { nullable: true, description: 'Events ending at or after this time.' })
  from?: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'Events starting before this time.' })
  to?: Date | null;
}
