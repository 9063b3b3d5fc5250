import { createContext, useContext } from 'react';
import { browserTimeZone, isValidTimeZone } from '../../shared/timeZone.js';

/** The partnership's settings as the board uses them (Query.partnership). */
export interface PartnershipInfo {
  /** "" until setup. */
  name: string;
  /** IANA zone every date on the board is shown in. */
  timeZone: string;
  language: string;
  welcomeText: string | null;
  /** True until the first coordinator exists: the board has nobody to sign in yet. */
  setupRequired: boolean;
  /** Members may ask for a reset link by email (the server can send mail). */
  passwordResetByEmail: boolean;
  mapCenter: { lat: number; lng: number } | null;
  mapZoom: number | null;
  tileUrl: string | null;
  /** False while these are the defaults below, before the server (or the last visit) told better. */
  known: boolean;
}

/** What the board assumes before the server answers: the browser's own zone, no name. */
export function defaultPartnership(): PartnershipInfo {
  return {
    name: '',
    timeZone: browserTimeZone(),
    language: 'en',
    welcomeText: null,
    setupRequired: false,
    passwordResetByEmail: false,
    mapCenter: null,
    mapZoom: null,
    tileUrl: null,
    known: false,
  };
}

export const PartnershipContext = createContext<PartnershipInfo>(defaultPartnership());

/** The partnership's settings, from the shell's PartnershipProvider. */
export function usePartnership(): PartnershipInfo {
  return useContext(PartnershipContext);
}

/** The zone dates are shown in. A zone this browser does not know falls back to its own. */
export function useTimeZone(): string {
  const { timeZone } = usePartnership();
  return isValidTimeZone(timeZone) ? timeZone : browserTimeZone();
}

/** The document title: "Riverside Partnership · Bridgeboard", or "Bridgeboard" before setup. */
export function documentTitle(name: string): string {
  return name.trim() ? `${name.trim()} · Bridgeboard` : 'Bridgeboard';
}

// The last settings seen, so a reload (or a tablet without a connection) shows dates in the
// partnership's zone at once instead of the browser's until the server answers.
const STORAGE_KEY = 'bridgeboard.partnership';

/** The settings kept from the last visit, or null. */
export function readStoredPartnership(): PartnershipInfo | null {
  try {
    const text = window.localStorage.getItem(STORAGE_KEY);
    if (!text) return null;
    const stored: unknown = JSON.parse(text);
    if (!isStored(stored)) return null;
    return { ...defaultPartnership(), ...stored, known: true };
  } catch {
    return null;
  }
}

/** Keeps the settings for the next visit. Failing storage only costs that. */
export function storePartnership(info: PartnershipInfo): void {
  try {
    const { known: _known, ...rest } = info;
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(rest));
  } catch {
    // Private mode or a full quota: the next visit waits for the server.
  }
}

function isStored(value: unknown): value is Omit<PartnershipInfo, 'known'> {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.name === 'string' && typeof record.timeZone === 'string';
}
