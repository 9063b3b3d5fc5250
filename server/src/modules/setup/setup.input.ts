import { Field, InputType } from 'type-graphql';
import { PASSWORD_MIN } from '../members/member.input.js';

// Checked in setup.service, so each refusal names its field (BAD_USER_INPUT `field`).
@InputType('SetupInput', {
  description: 'First-run setup: the partnership, its police agency and the first coordinator.',
})
export class SetupInput {
  @Field(() => String, { description: 'e.g. "Riverside Community Partnership"; 1 to 200 characters.' })
  partnershipName!: string;

  @Field(() => String, { description: 'IANA time zone, e.g. "America/Chicago".' })
  timeZone!: string;

  @Field(() => String, { description: 'Default language: "en" or "es".' })
  language!: string;

  @Field(() => String, { description: "The police agency's name; its AGENCY organization is created." })
  agencyName!: string;

  @Field(() => String)
  coordinatorName!: string;

  @Field(() => String, { description: 'Their sign-in; stored lower-cased.' })
  coordinatorEmail!: string;

  @Field(() => String, { description: `At least ${PASSWORD_MIN} characters; stored as an argon2id hash.` })
  coordinatorPassword!: string;
}
