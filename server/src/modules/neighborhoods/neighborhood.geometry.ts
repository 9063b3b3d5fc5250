import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { lineIntersect } from '@turf/line-intersect';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { bboxOf, interiorPoint } from './neighborhood.center.js';

/** At most this much GeoJSON text per import (the HTTP body limit for the import allows it). */
export const MAX_GEOJSON_BYTES = 5 * 1024 * 1024;
/** At most this many features per import. */
export const MAX_FEATURES = 500;
/** At most this many positions in one feature's geometry (all its rings together). */
export const MAX_POSITIONS = 100_000;
/** The name column's length. */
export const MAX_NAME_LENGTH = 120;

/** What a neighborhood's `boundary` holds. */
export type Boundary = Polygon | MultiPolygon;

export interface BoundingBox {
  minLat: number;
  maxLat: number;
  minLng: number;
  maxLng: number;
}

/** A checked shape, ready to store. */
export interface Shape {
  geometry: Boundary;
  /** Canonical GeoJSON text (consecutive duplicate positions dropped): what is stored and compared. */
  text: string;
  bbox: BoundingBox;
  /** A point inside the shape (never in a hole): the bbox centre when inside, else a point on a scan line. */
  center: { lat: number; lng: number };
}

/** A shape that cannot be used; the message says what is wrong, without naming the feature. */
export class GeometryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GeometryError';
  }
}

/** A whole import that cannot be used (not JSON, not a FeatureCollection, over a limit). */
export class CollectionError extends Error {
  constructor(
    readonly field: 'geojson' | 'nameProperty',
    message: string,
  ) {
    super(message);
    this.name = 'CollectionError';
  }
}

export interface ImportedFeature {
  index: number;
  name: string;
  shape: Shape;
}

export interface FeatureProblem {
  index: number;
  name: string | null;
  /** Names the feature: `feature 3 ("Old Town"): ring 1 is not closed`. */
  message: string;
}

export interface ParsedCollection {
  features: ImportedFeature[];
  errors: FeatureProblem[];
  /** Every name in the file (trimmed, lower case), refused features' too: those are not "missing". */
  names: Set<string>;
}

/** How names are matched: trimmed, case-insensitive. */
export const nameKey = (name: string): string => name.trim().toLowerCase();

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof SyntaxError ? `: ${error.message}` : '';
    throw new GeometryError(`${what} is not valid JSON${detail}`);
  }
}

const typeOf = (value: unknown): string =>
  isObject(value) && typeof value.type === 'string'
    ? `a ${value.type}`
    : Array.isArray(value)
      ? 'an array'
      : typeof value;

/**
 * A boundary given on its own (createNeighborhood, updateNeighborhood): a Polygon or
 * MultiPolygon geometry, or a Feature holding one, as GeoJSON text. Throws GeometryError.
 */
export function parseBoundary(text: string): Shape {
  if (Buffer.byteLength(text, 'utf8') > MAX_GEOJSON_BYTES) {
    throw new GeometryError('boundary is larger than 5 MB');
  }
  const value = parseJson(text, 'boundary');
  if (isObject(value) && value.type === 'Feature') return checkGeometry(value.geometry);
  if (isObject(value) && (value.type === 'Polygon' || value.type === 'MultiPolygon')) return checkGeometry(value);
  throw new GeometryError(`boundary is ${typeOf(value)}, not a Polygon, MultiPolygon or Feature`);
}

/**
 * An import: a FeatureCollection whose features carry their name in `nameProperty`. Throws
 * CollectionError when the file as a whole is unusable; otherwise each feature is either
 * imported or listed in `errors` with the first problem found.
 */
export function parseFeatureCollection(text: string, nameProperty: string): ParsedCollection {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_GEOJSON_BYTES) {
    const mb = (bytes / 1024 / 1024).toFixed(1);
    throw new CollectionError('geojson', `geojson is ${mb} MB; at most 5 MB per import: split the file`);
  }
  let value: unknown;
  try {
    value = parseJson(text, 'geojson');
  } catch (error) {
    throw new CollectionError('geojson', (error as Error).message);
  }
  if (!isObject(value) || value.type !== 'FeatureCollection' || !Array.isArray(value.features)) {
    throw new CollectionError('geojson', `geojson is ${typeOf(value)}, not a GeoJSON FeatureCollection`);
  }
  const list: unknown[] = value.features;
  if (list.length === 0) throw new CollectionError('geojson', 'geojson has no features');
  if (list.length > MAX_FEATURES) {
    throw new CollectionError('geojson', `geojson has ${list.length} features; at most ${MAX_FEATURES} per import`);
  }

  const named = list.map((feature) => nameOf(feature, nameProperty));
  if (named.every((n) => n.missing)) {
    const first = isObject(list[0]) && isObject(list[0].properties) ? Object.keys(list[0].properties) : [];
    const shown = first.length ? `; the first feature's properties are: ${first.slice(0, 20).join(', ')}` : '';
    throw new CollectionError('nameProperty', `no feature has a "${nameProperty}" property${shown}`);
  }
  const indexesByName = new Map<string, number[]>();
  named.forEach(({ name }, index) => {
    if (name == null) return;
    const key = nameKey(name);
    indexesByName.set(key, [...(indexesByName.get(key) ?? []), index]);
  });

  const result: ParsedCollection = { features: [], errors: [], names: new Set(indexesByName.keys()) };
  list.forEach((feature, index) => {
    const { name, problem } = named[index];
    const label = name == null ? `feature ${index}` : `feature ${index} (${JSON.stringify(name)})`;
    const refuse = (message: string) => result.errors.push({ index, name, message: `${label}: ${message}` });
    if (problem) return refuse(problem);
    const same = indexesByName.get(nameKey(name!))!;
    if (same.length > 1) return refuse(`another feature has the same name (features ${same.join(', ')})`);
    try {
      result.features.push({ index, name: name!, shape: checkGeometry((feature as Record<string, unknown>).geometry) });
    } catch (error) {
      if (!(error instanceof GeometryError)) throw error;
      refuse(error.message);
    }
  });
  return result;
}

function nameOf(feature: unknown, nameProperty: string): { name: string | null; problem?: string; missing?: boolean } {
  if (!isObject(feature) || feature.type !== 'Feature')
    return { name: null, problem: `is ${typeOf(feature)}, not a Feature` };
  const properties = isObject(feature.properties) ? feature.properties : {};
  const raw = properties[nameProperty];
  // District and beat numbers are often numbers in the city's file.
  const name =
    typeof raw === 'string' ? raw.trim() : typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : null;
  if (raw === undefined || raw === null) {
    return { name: null, problem: `has no "${nameProperty}" property`, missing: true };
  }
  if (name === null) return { name: null, problem: `its "${nameProperty}" property is not text` };
  if (name === '') return { name: null, problem: `its "${nameProperty}" property is empty` };
  if (name.length > MAX_NAME_LENGTH) {
    return { name, problem: `its name is longer than ${MAX_NAME_LENGTH} characters` };
  }
  return { name };
}

/** Checks a Polygon or MultiPolygon geometry and computes what is stored with it. Throws GeometryError. */
export function checkGeometry(geometry: unknown): Shape {
  if (!isObject(geometry)) throw new GeometryError('has no geometry');
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') {
    throw new GeometryError(`its geometry is ${typeOf(geometry)}, not a Polygon or MultiPolygon`);
  }
  const multi = geometry.type === 'MultiPolygon';
  const raw = geometry.coordinates;
  const polygons: unknown[] = multi ? (Array.isArray(raw) ? raw : []) : [raw];
  if (!Array.isArray(raw) || polygons.length === 0) throw new GeometryError('its geometry has no coordinates');
  let count = 0;
  for (const polygon of polygons) {
    if (!Array.isArray(polygon)) continue;
    for (const ring of polygon) if (Array.isArray(ring)) count += ring.length;
  }
  if (count > MAX_POSITIONS) {
    throw new GeometryError(`it has ${count} positions; at most ${MAX_POSITIONS} per feature`);
  }
  const checked = polygons.map((polygon, p) => checkPolygon(polygon, multi ? `polygon ${p}` : ''));
  const shapeGeometry: Boundary = multi
    ? { type: 'MultiPolygon', coordinates: checked }
    : { type: 'Polygon', coordinates: checked[0] };
  return {
    geometry: shapeGeometry,
    text: JSON.stringify(shapeGeometry),
    bbox: bboxOf(checked),
    center: interiorPoint(shapeGeometry, checked),
  };
}

function checkPolygon(polygon: unknown, where: string): Position[][] {
  if (!Array.isArray(polygon) || polygon.length === 0)
    throw new GeometryError(`${where || 'its polygon'} has no rings`);
  return polygon.map((ring: unknown, r: number) => checkRing(ring, where ? `${where}, ring ${r}` : `ring ${r}`));
}

function checkRing(ring: unknown, where: string): Position[] {
  if (!Array.isArray(ring)) throw new GeometryError(`${where} is not a list of positions`);
  if (ring.length < 4) throw new GeometryError(`${where} has ${ring.length} positions; a ring needs at least 4`);
  ring.forEach((position: unknown, i: number) => checkPosition(position, `${where}, position ${i}`));
  const positions = ring as Position[];
  const first = positions[0];
  const last = positions[positions.length - 1];
  if (first[0] !== last[0] || first[1] !== last[1]) throw new GeometryError(`${where} is not closed`);
  // Repeated vertices are common in published files and harmless; they would read as kinks.
  const cleaned = positions
    .filter((p, i) => i === 0 || p[0] !== positions[i - 1][0] || p[1] !== positions[i - 1][1])
    .map((p) => [p[0], p[1]]);
  if (cleaned.length < 4) throw new GeometryError(`${where} has fewer than 4 distinct positions`);
  const crossing = selfIntersection(cleaned);
  if (crossing) {
    const [lng, lat] = crossing.geometry.coordinates;
    throw new GeometryError(`${where} intersects itself near lat ${round(lat)}, lng ${round(lng)}`);
  }
  return cleaned;
}

const NO_OTHER_LINES: FeatureCollection<Polygon> = { type: 'FeatureCollection', features: [] };

/**
 * Where a ring crosses or touches itself, if it does. @turf/kinks 7 compares every pair of
 * segments (minutes for a 100,000-position ring); @turf/line-intersect 7 runs a sweep line with
 * robust predicates and, told not to ignore self-intersections, finds the same kinks in seconds.
 */
function selfIntersection(ring: Position[]) {
  const feature: Feature<Polygon> = {
    type: 'Feature',
    properties: {},
    geometry: { type: 'Polygon', coordinates: [ring] },
  };
  return lineIntersect(feature, NO_OTHER_LINES, { ignoreSelfIntersections: false }).features[0];
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;

function checkPosition(position: unknown, where: string): void {
  if (!Array.isArray(position) || position.length < 2) {
    throw new GeometryError(`${where} is not a [longitude, latitude] pair`);
  }
  const [lng, lat] = position as unknown[];
  if (typeof lng !== 'number' || typeof lat !== 'number' || !Number.isFinite(lng) || !Number.isFinite(lat)) {
    throw new GeometryError(`${where}: coordinates must be numbers`);
  }
  if (lng < -180 || lng > 180) throw new GeometryError(`${where}: longitude ${lng} is outside -180..180`);
  if (lat < -90 || lat > 90) throw new GeometryError(`${where}: latitude ${lat} is outside -90..90`);
}

/**
 * Whether a stored boundary contains the point; a point on an edge counts (the caller breaks
 * ties between neighbours), a point in a hole does not. Unreadable old data never matches.
 */
export function boundaryContains(boundary: string | null | undefined, lat: number, lng: number): boolean {
  if (!boundary) return false;
  try {
    const geometry = JSON.parse(boundary) as Boundary;
    if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') return false;
    return booleanPointInPolygon([lng, lat], geometry);
  } catch {
    return false;
  }
}
