import type { Position } from 'geojson';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Boundary, BoundingBox } from './neighborhood.geometry.js';

/** The bounding box of the outer rings. */
export function bboxOf(polygons: Position[][][]): BoundingBox {
  const box = { minLat: Infinity, maxLat: -Infinity, minLng: Infinity, maxLng: -Infinity };
  for (const polygon of polygons) {
    for (const [lng, lat] of polygon[0]) {
      box.minLat = Math.min(box.minLat, lat);
      box.maxLat = Math.max(box.maxLat, lat);
      box.minLng = Math.min(box.minLng, lng);
      box.maxLng = Math.max(box.maxLng, lng);
    }
  }
  return box;
}

/** Twice the signed area of a ring (shoelace), in square degrees: enough to pick the largest part. */
function ringArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 1; i < ring.length; i++) sum += ring[i - 1][0] * ring[i][1] - ring[i][0] * ring[i - 1][1];
  return Math.abs(sum);
}

/**
 * A point strictly inside the shape: the centre of its bounding box when that is inside (not in a
 * hole, not on an edge), otherwise the middle of the widest span of a horizontal line through the
 * largest part, drawn between two vertex latitudes so it never passes through a vertex.
 */
export function interiorPoint(geometry: Boundary, polygons: Position[][][]): { lat: number; lng: number } {
  const box = bboxOf(polygons);
  const middle = { lat: (box.minLat + box.maxLat) / 2, lng: (box.minLng + box.maxLng) / 2 };
  if (booleanPointInPolygon([middle.lng, middle.lat], geometry, { ignoreBoundary: true })) return middle;
  const areaOf = (polygon: Position[][]) =>
    ringArea(polygon[0]) - polygon.slice(1).reduce((s, r) => s + ringArea(r), 0);
  const largest = polygons.reduce((a, b) => (areaOf(b) > areaOf(a) ? b : a));
  const own = bboxOf([largest]);
  const lats = [...new Set(largest.flat().map((p) => p[1]))].sort((a, b) => a - b);
  const target = (own.minLat + own.maxLat) / 2;
  // The gap between consecutive vertex latitudes nearest the middle, then the others outwards.
  const gaps = lats
    .slice(1)
    .map((upper, i) => (lats[i] + upper) / 2)
    .sort((a, b) => Math.abs(a - target) - Math.abs(b - target));
  for (const lat of gaps) {
    const xs: number[] = [];
    for (const ring of largest) {
      for (let i = 1; i < ring.length; i++) {
        const [x1, y1] = ring[i - 1];
        const [x2, y2] = ring[i];
        if ((y1 < lat && y2 > lat) || (y2 < lat && y1 > lat)) xs.push(x1 + ((lat - y1) * (x2 - x1)) / (y2 - y1));
      }
    }
    xs.sort((a, b) => a - b);
    let best: { lat: number; lng: number } | null = null;
    let width = 0;
    for (let i = 0; i + 1 < xs.length; i += 2) {
      if (xs[i + 1] - xs[i] > width) {
        width = xs[i + 1] - xs[i];
        best = { lat, lng: (xs[i] + xs[i + 1]) / 2 };
      }
    }
    if (best && booleanPointInPolygon([best.lng, best.lat], geometry, { ignoreBoundary: true })) return best;
  }
  // Only a degenerate shape gets here; its first vertex is at least on it.
  return { lat: largest[0][0][1], lng: largest[0][0][0] };
}
