import { Neighborhood } from '../modules/neighborhoods/neighborhood.entity.js';
import { Organization } from '../modules/organizations/organization.entity.js';
import { Member } from '../modules/members/member.entity.js';
import { CommunityIssue } from '../modules/issues/issue.entity.js';
import { IssueUpdate } from '../modules/issues/issue-update.entity.js';
import { SharedEvent } from '../modules/events/event.entity.js';
import { EventRsvp } from '../modules/events/rsvp.entity.js';
import { StaffCommitment } from '../modules/events/staff-commitment.entity.js';
import { Activity, ActivitySequence, AppSetting } from '../modules/activity/activity.entity.js';
import { ApiToken } from '../modules/api-tokens/api-token.entity.js';
import { ContactAccess } from '../modules/privacy/contact-access.entity.js';
import { PartnershipSettings } from '../modules/partnership/partnership.entity.js';
import { AccessLink } from '../modules/access-links/access-link.entity.js';
import { EventCoHostInvitation } from '../modules/events/cohost-invitation.entity.js';
import { IdempotencyKey } from '../modules/idempotency/idempotency-key.entity.js';

export const entities = [
  Neighborhood,
  Organization,
  Member,
  CommunityIssue,
  IssueUpdate,
  SharedEvent,
  EventRsvp,
  StaffCommitment,
  Activity,
  ActivitySequence,
  AppSetting,
  ApiToken,
  ContactAccess,
  PartnershipSettings,
  AccessLink,
  EventCoHostInvitation,
  IdempotencyKey,
];
