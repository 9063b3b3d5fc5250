import { IsOptional, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { Role } from '../../auth/roles.js';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../idempotency/idempotency.js';

/** Passwords: long rather than clever. The upper bound keeps argon2 and login's own limit in step. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 1000;
const PASSWORD_RULE = `must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters`;
export const passwordMessage = (field: string) => `${field} ${PASSWORD_RULE}`;

@InputType('CreateMemberInput')
export class CreateMemberInput {
  @Field(() => String)
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  name!: string;

  @Field(() => String, { description: 'Their sign-in; stored lower-cased, unique.' })
  // Its shape is checked after trimming, in the service (as login trims what it is given).
  @MaxLength(320, { message: 'email must be at most 320 characters' })
  email!: string;

  @Field(() => Role, { description: 'OFFICER needs an AGENCY organization, PARTNER any other; COORDINATOR any.' })
  role!: Role;

  @Field(() => ID)
  organizationId!: string;

  @Field(() => String, { description: `At least ${PASSWORD_MIN} characters; stored as an argon2id hash.` })
  @Length(PASSWORD_MIN, PASSWORD_MAX, { message: passwordMessage('password') })
  password!: string;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION })
  idempotencyKey?: string | null;
}

@InputType('UpdateMemberInput', { description: 'Only the fields given change. Takes effect on their next request.' })
export class UpdateMemberInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  name?: string | null;

  @Field(() => Role, { nullable: true, description: 'The last coordinator cannot stop being one.' })
  @IsOptional()
  role?: Role | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  organizationId?: string | null;
}
