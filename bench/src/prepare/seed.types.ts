/** What the seeding child is asked to make (seed.ts). */
export interface SeedSpec {
  databaseUrl: string;
  /** Issues beyond the demo city's, written straight through the ORM. */
  issues: number;
  /** OPEN issues in one neighborhood for the drivers to change. */
  pool: number;
  members: { coordinators: number; officers: number; partners: number };
}

/** What it made: logins and the ids the drivers and subscribers need. */
export interface SeedResult {
  password: string;
  members: { email: string; role: string; organizationId: string }[];
  poolIssueIds: string[];
  poolNeighborhoodId: string;
  poolOrganizationId: string;
  agencyId: string;
  partnerOrganizationIds: string[];
}
