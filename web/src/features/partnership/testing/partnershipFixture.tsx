import type { ReactNode } from 'react';
import { PartnershipContext, type PartnershipInfo } from '../partnership.js';

/** The partnership of the component tests: set up, in Chicago, so times differ from UTC. */
export function buildPartnership(overrides: Partial<PartnershipInfo> = {}): PartnershipInfo {
  return {
    name: 'Riverside Partnership',
    timeZone: 'America/Chicago',
    language: 'en',
    welcomeText: null,
    setupRequired: false,
    passwordResetByEmail: false,
    mapCenter: null,
    mapZoom: null,
    tileUrl: null,
    known: true,
    ...overrides,
  };
}

/** Gives the tree a partnership, as the shell's PartnershipProvider does. */
export function WithPartnership({
  info = buildPartnership(),
  children,
}: {
  info?: PartnershipInfo;
  children: ReactNode;
}) {
  return <PartnershipContext.Provider value={info}>{children}</PartnershipContext.Provider>;
}
