import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Role } from '../../auth/roles.js';
import { DateTime } from '../../common/scalars.js';
import { Node, toGlobalId } from '../../common/relay.js';
import type { AccessLink } from './access-link.entity.js';

export enum InvitationStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}
registerEnumType(InvitationStatus, {
  name: 'InvitationStatus',
  description: 'PENDING until accepted, withdrawn (REVOKED) or past its date (EXPIRED).',
});

/** An invitation's status at `now`: a used link was accepted, whatever came after. */
export function invitationStatus(link: AccessLink, now = Date.now()): InvitationStatus {
  if (link.usedAt) return InvitationStatus.ACCEPTED;
  if (link.revokedAt) return InvitationStatus.REVOKED;
  if (link.expiresAt.getTime() <= now) return InvitationStatus.EXPIRED;
  return InvitationStatus.PENDING;
}

/**
 * An INVITATION link as coordinators see it. A separate type from the entity on purpose: the
 * link's code hash and the PASSWORD links' fields never reach the schema.
 * `organization` and `invitedBy` resolve in InvitationResolver.
 */
@ObjectType('Invitation', { implements: Node, description: 'Someone invited to become a member. Coordinators only.' })
export class Invitation {
  constructor(readonly link: AccessLink) {}

  @Field(() => ID)
  get id(): string {
    return toGlobalId('Invitation', this.link.pk);
  }

  @Field(() => String)
  get email(): string {
    return this.link.email ?? '';
  }

  @Field(() => String)
  get name(): string {
    return this.link.name ?? '';
  }

  @Field(() => Role)
  get role(): Role {
    return this.link.role ?? Role.PARTNER;
  }

  @Field(() => InvitationStatus)
  get status(): InvitationStatus {
    return invitationStatus(this.link);
  }

  @Field(() => DateTime)
  get createdAt(): Date {
    return this.link.createdAt;
  }

  @Field(() => DateTime)
  get expiresAt(): Date {
    return this.link.expiresAt;
  }

  @Field(() => DateTime, { nullable: true })
  get acceptedAt(): Date | null {
    return this.link.usedAt ?? null;
  }
}

@ObjectType('InvitePayload')
export class InvitePayload {
  @Field(() => String, { description: 'The one-time link; shown to the coordinator to pass on.' })
  inviteUrl!: string;

  @Field(() => Invitation)
  invitation!: Invitation;

  @Field(() => Boolean, { description: 'true when SMTP is set and the SMTP server accepted the message.' })
  emailed!: boolean;
}

@ObjectType('PasswordResetPayload')
export class PasswordResetPayload {
  @Field(() => String, { description: 'The one-time link; shown to the coordinator to pass on.' })
  resetUrl!: string;

  @Field(() => Boolean, { description: 'true when SMTP is set and the SMTP server accepted the message.' })
  emailed!: boolean;
}
