import { ArrayMaxSize, ArrayMinSize, IsOptional, Length } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { ApiScope } from '../../auth/scopes.js';
import { ApiToken } from './api-token.entity.js';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../idempotency/idempotency.js';

@InputType('CreateApiTokenInput')
export class CreateApiTokenInput {
  @Field(() => String, { description: 'What the token is for, e.g. "Dispatch sync".' })
  @Length(1, 100, { message: 'name must be 1 to 100 characters' })
  name!: string;

  @Field(() => [ApiScope], { description: 'At least one.' })
  @ArrayMinSize(1, { message: 'scopes must name at least one scope' })
  @ArrayMaxSize(20, { message: 'scopes must name at most 20 scopes' })
  scopes!: ApiScope[];

  @Field(() => ID, { nullable: true, description: 'The organization the token acts as; yours when omitted.' })
  @IsOptional()
  organizationId?: string | null;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION })
  idempotencyKey?: string | null;
}

@ObjectType('CreatedApiToken')
export class CreatedApiToken {
  @Field(() => String, {
    description: 'The secret, shown this once: send it as "Authorization: Bearer <token>". Only a hash is kept.',
  })
  token!: string;

  @Field(() => ApiToken)
  apiToken!: ApiToken;
}
