import { registerEnumType } from 'type-graphql';

export enum Role {
  COORDINATOR = 'COORDINATOR',
  OFFICER = 'OFFICER',
  PARTNER = 'PARTNER',
}
registerEnumType(Role, { name: 'Role', description: 'What a signed-in member may do.' });

export const MEMBERS = [Role.COORDINATOR, Role.OFFICER, Role.PARTNER] as const;
export const STAFF = [Role.COORDINATOR, Role.OFFICER] as const;
