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

/**
 * The outer ring of a GeoJSON Polygon given as text (`Neighborhood.boundary`), or null when the
 * text is missing or not a Polygon with at least three points.
 */
export function parsePolygon(text: string | null | undefined): Position[] | null {
  if (!text) return null;
  try {
    const geo: unknown = JSON.parse(text);
    if (!isObject(geo) || geo.type !== 'Polygon' || !Array.isArray(geo.coordinates)) return null;
    const ring: unknown = geo.coordinates[0];
    if (!Array.isArray(ring)) return null;
    const points = ring.filter(
      (p): p is Position => Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number',
    );
    return points.length >= 3 ? points.map(([lng, lat]) => [lng, lat]) : null;
  } catch {
    return null;
  }
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
