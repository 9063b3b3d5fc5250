import { Length, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { Role } from '../../auth/roles.js';

@InputType('InviteMemberInput')
export class InviteMemberInput {
  @Field(() => String, {
    description: 'Their sign-in once they accept; stored lower-cased. No member may have it yet.',
  })
  // Its shape is checked after trimming, in the service (as login trims what it is given).
  @MaxLength(320, { message: 'email must be at most 320 characters' })
  email!: string;

  @Field(() => String, { description: 'How the invitation greets them; they may change it when they accept.' })
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  name!: string;

  @Field(() => Role, { description: 'OFFICER needs an AGENCY organization, PARTNER any other; COORDINATOR any.' })
  role!: Role;

  @Field(() => ID)
  organizationId!: string;
}
