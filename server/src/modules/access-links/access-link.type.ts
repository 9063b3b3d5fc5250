import { Field, ObjectType } from 'type-graphql';
import { Role } from '../../auth/roles.js';
import { DateTime } from '../../common/scalars.js';
import { AccessLinkKind } from './access-link.entity.js';

@ObjectType('AccessLinkInfo', { description: 'What a one-time link is for, before it is used (the page shows it).' })
export class AccessLinkInfo {
  @Field(() => AccessLinkKind)
  kind!: AccessLinkKind;

  @Field(() => String, { nullable: true, description: 'INVITATION and PASSWORD.' })
  email!: string | null;

  @Field(() => String, { nullable: true, description: "The invitee's or member's name." })
  name!: string | null;

  @Field(() => Role, { nullable: true, description: 'INVITATION.' })
  role!: Role | null;

  @Field(() => String, { nullable: true, description: 'INVITATION and PASSWORD.' })
  organizationName!: string | null;

  @Field(() => DateTime)
  expiresAt!: Date;
}
