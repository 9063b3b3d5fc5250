import { registerEnumType } from 'type-graphql';

export enum EventKind {
  TOWN_HALL = 'TOWN_HALL',
  YOUTH_PROGRAM = 'YOUTH_PROGRAM',
  HEALTH_FAIR = 'HEALTH_FAIR',
  COMMUNITY_WALK = 'COMMUNITY_WALK',
  CLEANUP = 'CLEANUP',
  MEETING = 'MEETING',
  OTHER = 'OTHER',
}
registerEnumType(EventKind, { name: 'EventKind' });

export enum EventStatus {
  PLANNED = 'PLANNED',
  CONFIRMED = 'CONFIRMED',
  CANCELLED = 'CANCELLED',
  DONE = 'DONE',
}
registerEnumType(EventStatus, { name: 'EventStatus' });
