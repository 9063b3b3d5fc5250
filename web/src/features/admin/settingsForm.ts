import { withLabel } from '../events/userError.js';
import type { AdminPartnershipFragment, PartnershipSettingsInput } from '../../graphql/generated/graphql.js';

/** The settings form's values, as typed (numbers stay text until checked). */
export interface SettingsValues {
  name: string;
  timeZone: string;
  language: string;
  lat: string;
  lng: string;
  zoom: string;
  tileUrl: string;
  welcomeText: string;
}

export const LANGUAGES = [
  { value: 'en', label: 'English' },
  { value: 'es', label: 'Español (Spanish)' },
] as const;

/** The form filled with the saved settings. */
export function settingsValues(p: AdminPartnershipFragment): SettingsValues {
  return {
    name: p.name,
    timeZone: p.timeZone,
    language: p.language,
    lat: p.mapCenter ? String(p.mapCenter.lat) : '',
    lng: p.mapCenter ? String(p.mapCenter.lng) : '',
    zoom: p.mapZoom === null || p.mapZoom === undefined ? '' : String(p.mapZoom),
    tileUrl: p.tileUrl ?? '',
    welcomeText: p.welcomeText ?? '',
  };
}

/**
 * What the form can tell before asking the server, by field: the name is required, the map
 * centre needs both numbers or neither, within WGS84, and the zoom is a whole number.
 */
export function checkSettings(v: SettingsValues): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!v.name.trim()) problems.name = 'Enter the partnership’s name.';
  const lat = v.lat.trim();
  const lng = v.lng.trim();
  if (lat && !lng) problems.lng = 'Enter the longitude too, or clear the latitude.';
  if (lng && !lat) problems.lat = 'Enter the latitude too, or clear the longitude.';
  if (lat && !(Number(lat) >= -90 && Number(lat) <= 90)) problems.lat = 'Latitude is a number from -90 to 90.';
  if (lng && !(Number(lng) >= -180 && Number(lng) <= 180)) problems.lng = 'Longitude is a number from -180 to 180.';
  const zoom = v.zoom.trim();
  if (zoom && !(/^\d+$/.test(zoom) && Number(zoom) <= 22)) problems.zoom = 'Zoom is a whole number from 0 to 22.';
  return problems;
}

/** Every setting, with empty optional ones sent as null (which clears them). */
export function toSettingsInput(v: SettingsValues): PartnershipSettingsInput {
  const lat = v.lat.trim();
  const lng = v.lng.trim();
  return {
    name: v.name.trim(),
    timeZone: v.timeZone,
    language: v.language,
    mapCenter: lat && lng ? { lat: Number(lat), lng: Number(lng) } : null,
    mapZoom: v.zoom.trim() ? Number(v.zoom) : null,
    tileUrl: v.tileUrl.trim() || null,
    welcomeText: v.welcomeText.trim() || null,
  };
}

/** The settings form's labels by the input's field names, for the server's messages. */
const LABELS: Record<string, string> = {
  name: 'Partnership name',
  timeZone: 'Time zone',
  language: 'Default language',
  mapCenter: 'Map centre',
  'mapCenter.lat': 'Centre latitude',
  'mapCenter.lng': 'Centre longitude',
  mapZoom: 'Zoom',
  tileUrl: 'Tile URL',
  welcomeText: 'Welcome text',
};

/**
 * The server names fields as the input does ("mapCenter.lat must be from -90 to 90"); the form
 * shows each message by the field's label, next to its box (the map centre is two boxes).
 */
export function settingsFieldErrors(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(fields)) {
    const message = withLabel(raw, name, LABELS[name]);
    const own =
      name === 'mapCenter' || name === 'mapCenter.lat'
        ? 'lat'
        : name === 'mapCenter.lng'
          ? 'lng'
          : name === 'mapZoom'
            ? 'zoom'
            : name;
    out[own] = message;
  }
  return out;
}

/** Every IANA time zone the browser knows, with `current` and UTC included even if it does not list them. */
export function timeZoneOptions(current: string): string[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  zones.add('UTC');
  if (current) zones.add(current);
  return [...zones].sort();
}
