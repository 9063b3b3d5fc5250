/** A `[lng, lat]` pair, as GeoJSON orders them. */
export type Position = [number, number];

export interface Bounds {
  minLat: number;
  maxLat: number;
  minLng: number;
  maxLng: number;
}

/** Maps latitude/longitude to SVG coordinates and back, for one set of bounds. */
export interface Projection {
  width: number;
  height: number;
  toPoint: (lat: number, lng: number) => { x: number; y: number };
  toLatLng: (x: number, y: number) => { lat: number; lng: number };
}

/** A closed ring of positions (the last one may repeat the first, as GeoJSON requires). */
export type Ring = Position[];

/** One polygon: its outer ring first, then its holes. */
export type Polygon = Ring[];

/**
 * A neighborhood's shape: one or more polygons (a GeoJSON Polygon is a shape of one, a
 * MultiPolygon of several: islands, a district split by a river).
 */
export type Shape = Polygon[];

/**
 * The shape of a GeoJSON Polygon or MultiPolygon given as text (`Neighborhood.boundary`), also
 * when wrapped in a Feature; null when the text is missing, not JSON, or holds no polygon with an
 * outer ring of at least three points. Positions that are not numbers are skipped, and so are
 * rings left with fewer than three points (a hole like that cannot be drawn).
 */
export function parseBoundary(text: string | null | undefined): Shape | null {
  if (!text) return null;
  let geo: unknown;
  try {
    geo = JSON.parse(text);
  } catch {
    return null;
  }
  if (isObject(geo) && geo.type === 'Feature') geo = geo.geometry;
  if (!isObject(geo) || !Array.isArray(geo.coordinates)) return null;
  const polygons: unknown[] =
    geo.type === 'Polygon' ? [geo.coordinates] : geo.type === 'MultiPolygon' ? geo.coordinates : [];
  const shape = polygons.map(toPolygon).filter((p): p is Polygon => p !== null);
  return shape.length > 0 ? shape : null;
}

function toPolygon(value: unknown): Polygon | null {
  if (!Array.isArray(value)) return null;
  const rings = value.map(toRing);
  // Without its outer ring a polygon's holes mean nothing.
  if (!rings[0]) return null;
  return rings.filter((r): r is Ring => r !== null);
}

function toRing(value: unknown): Ring | null {
  if (!Array.isArray(value)) return null;
  const points = value
    .filter(
      (p): p is Position =>
        Array.isArray(p) &&
        typeof p[0] === 'number' &&
        typeof p[1] === 'number' &&
        Number.isFinite(p[0]) &&
        Number.isFinite(p[1]),
    )
    .map(([lng, lat]): Position => [lng, lat]);
  return points.length >= 3 ? points : null;
}

/** Every outer ring of a shape: enough to frame it (holes lie inside them). */
export function outerRings(shape: Shape): Ring[] {
  return shape.map((polygon) => polygon[0]);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The box around every ring, widened by `margin` (a fraction of its size) on each side. */
export function boundsOf(rings: readonly Position[][], margin = 0.08): Bounds | null {
  const points = rings.flat();
  if (points.length === 0) return null;
  const lngs = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const b = {
    minLat: Math.min(...lats),
    maxLat: Math.max(...lats),
    minLng: Math.min(...lngs),
    maxLng: Math.max(...lngs),
  };
  const dLat = (b.maxLat - b.minLat || 0.01) * margin;
  const dLng = (b.maxLng - b.minLng || 0.01) * margin;
  return { minLat: b.minLat - dLat, maxLat: b.maxLat + dLat, minLng: b.minLng - dLng, maxLng: b.maxLng + dLng };
}

/**
 * An equirectangular projection fitted to `width`: east–west distances shrink by cos(latitude)
 * so a city-sized map keeps its shape. North is up (SVG y grows downwards).
 */
export function project(bounds: Bounds, width: number): Projection {
  const midLat = ((bounds.minLat + bounds.maxLat) / 2) * (Math.PI / 180);
  const xScale = Math.cos(midLat);
  const spanX = (bounds.maxLng - bounds.minLng) * xScale;
  const spanY = bounds.maxLat - bounds.minLat;
  const scale = width / spanX;
  const height = Math.round(spanY * scale);
  return {
    width,
    height,
    toPoint: (lat, lng) => ({ x: (lng - bounds.minLng) * xScale * scale, y: (bounds.maxLat - lat) * scale }),
    toLatLng: (x, y) => ({ lat: bounds.maxLat - y / scale, lng: bounds.minLng + x / (xScale * scale) }),
  };
}

/** An SVG path's `d` for a ring. */
export function ringPath(ring: readonly Position[], projection: Projection): string {
  return (
    ring
      .map(([lng, lat], i) => {
        const { x, y } = projection.toPoint(lat, lng);
        return `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`;
      })
      .join(' ') + ' Z'
  );
}

/** Whether a point lies inside a ring (ray casting). */
export function containsPoint(ring: readonly Position[], lat: number, lng: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * An SVG path's `d` for a whole shape: every ring of every polygon as its own closed subpath,
 * through `toXY` (any projection). Draw it with `fill-rule="evenodd"` so holes stay empty
 * whichever way their rings wind.
 */
export function shapeToPath(shape: Shape, toXY: (position: Position) => [number, number]): string {
  return shape
    .flatMap((polygon) =>
      polygon.map(
        (ring) =>
          ring
            .map((position, i) => {
              const [x, y] = toXY(position);
              return `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`;
            })
            .join(' ') + ' Z',
      ),
    )
    .join(' ');
}

/** shapeToPath under a fitted Projection. */
export function shapePath(shape: Shape, projection: Projection): string {
  return shapeToPath(shape, ([lng, lat]) => {
    const { x, y } = projection.toPoint(lat, lng);
    return [x, y];
  });
}

/** Whether a point lies inside a shape: inside one polygon's outer ring and none of its holes. */
export function shapeContains(shape: Shape, lat: number, lng: number): boolean {
  return shape.some(
    ([outer, ...holes]) => containsPoint(outer, lat, lng) && !holes.some((hole) => containsPoint(hole, lat, lng)),
  );
}
