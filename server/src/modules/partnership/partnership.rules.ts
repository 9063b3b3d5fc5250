import { badInput } from '../../common/errors.js';
import { cleanText, requireText } from '../../common/text.js';
import { SUPPORTED_LANGUAGES, isSupportedLanguage, type Language } from './partnership.languages.js';

export const NAME_MAX = 200;
export const WELCOME_MAX = 2000;
export const TILE_URL_MAX = 500;
export const ZOOM_MIN = 1;
export const ZOOM_MAX = 20;

// Control characters (newlines, tabs, escapes) have no place in a name shown in headers and titles.
const CONTROL = /\p{Cc}/u;
// Area/Location, as IANA writes them ("America/Argentina/Buenos_Aires", "Etc/GMT+5").
const ZONE_SHAPE = /^[A-Z][A-Za-z]+(?:\/[A-Z0-9][A-Za-z0-9_+-]*)+$/;
let canonicalZones: Set<string> | null = null;

/**
 * A name shown to people (partnership, agency, coordinator): cleaned and trimmed, 1 to 200
 * characters with at least one visible, on one line.
 */
export function checkDisplayName(field: string, raw: string): string {
  if (CONTROL.test(raw.trim())) throw badInput(field, `${field} must be on one line`);
  return requireText(raw, field, 1, NAME_MAX);
}

/**
 * An IANA time zone the runtime knows, spelt as IANA spells it: a canonical name ("UTC",
 * "America/Chicago") or a newer name this Node's ICU still maps to an older one ("Asia/Kolkata").
 * Abbreviations ("EST") and wrong capitals ("america/chicago") are refused, naming the right one.
 */
export function checkTimeZone(field: string, raw: string): string {
  const zone = raw.trim();
  canonicalZones ??= new Set(Intl.supportedValuesOf('timeZone'));
  if (zone === 'UTC' || canonicalZones.has(zone)) return zone;
  let resolved: string | null = null;
  try {
    resolved = new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    // unknown to the runtime: reported below
  }
  const example = `${field} must be an IANA time zone like America/Chicago or UTC`;
  if (resolved == null || zone.length > 64) throw badInput(field, `${example} (got "${zone.slice(0, 64)}")`);
  if (resolved === zone) return zone;
  if (resolved.toLowerCase() === zone.toLowerCase() || !ZONE_SHAPE.test(zone)) {
    throw badInput(field, `${example}; did you mean ${resolved}?`);
  }
  return zone;
}

export function checkLanguage(field: string, raw: string): Language {
  const language = raw.trim();
  if (!isSupportedLanguage(language)) {
    throw badInput(field, `${field} must be one of ${SUPPORTED_LANGUAGES.join(', ')} (got "${language.slice(0, 16)}")`);
  }
  return language;
}

/** An XYZ tile template: http(s), with {z}, {x} and {y} (Leaflet's and MapLibre's form). */
export function checkTileUrl(field: string, raw: string): string {
  const url = raw.trim();
  const message = `${field} must be an http(s) tile URL with {z}, {x} and {y}, like https://tiles.example.org/{z}/{x}/{y}.png`;
  if (url.length > TILE_URL_MAX) throw badInput(field, `${field} must be at most ${TILE_URL_MAX} characters`);
  if (!/^https?:\/\/[^\s/]/i.test(url) || /\s/.test(url)) throw badInput(field, message);
  if (!['{z}', '{x}', '{y}'].every((part) => url.includes(part))) throw badInput(field, message);
  try {
    new URL(url.replace(/[{}]/g, ''));
  } catch {
    throw badInput(field, message);
  }
  return url;
}

export function checkZoom(field: string, zoom: number): number {
  if (!Number.isInteger(zoom) || zoom < ZOOM_MIN || zoom > ZOOM_MAX) {
    throw badInput(field, `${field} must be a whole number from ${ZOOM_MIN} to ${ZOOM_MAX}`);
  }
  return zoom;
}

export function checkCoordinates(field: string, point: { lat: number; lng: number }): { lat: number; lng: number } {
  const { lat, lng } = point;
  if (!Number.isFinite(lat) || lat < -90 || lat > 90)
    throw badInput(`${field}.lat`, `${field}.lat must be from -90 to 90`);
  if (!Number.isFinite(lng) || lng < -180 || lng > 180)
    throw badInput(`${field}.lng`, `${field}.lng must be from -180 to 180`);
  return { lat, lng };
}

/** Welcome text for the public page: up to 2000 characters; empty clears it. */
export function checkWelcomeText(field: string, raw: string): string | null {
  const text = cleanText(raw);
  if ([...text].length > WELCOME_MAX) throw badInput(field, `${field} must be at most ${WELCOME_MAX} characters`);
  return text === '' ? null : text;
}
