import { parseBoundary, type Position, type Shape } from '../public/geo.js';

export { shapeToPath } from '../public/geo.js';
export type { Position, Shape };

/**
 * A neighborhood's boundary (GeoJSON Polygon or MultiPolygon text, holes included) as a shape,
 * or null when it is missing or holds no polygon: the map then shows the pin alone.
 */
export function boundaryShape(boundary: string | null | undefined): Shape | null {
  return parseBoundary(boundary);
}

/**
 * A projection of [lng, lat] positions onto a width × height box with padding, keeping shapes
 * true (longitude shrinks by cos(latitude), enough for a neighborhood) and the result centred.
 */
export function projectToBox(
  positions: readonly Position[],
  width: number,
  height: number,
  padding: number,
): (position: Position) => [number, number] {
  const lngs = positions.map((p) => p[0]);
  const lats = positions.map((p) => p[1]);
  const minLng = Math.min(...lngs);
  const maxLng = Math.max(...lngs);
  const minLat = Math.min(...lats);
  const maxLat = Math.max(...lats);
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLng - minLng) * kx, 1e-6);
  const spanY = Math.max(maxLat - minLat, 1e-6);
  const scale = Math.min((width - 2 * padding) / spanX, (height - 2 * padding) / spanY);
  const offsetX = (width - spanX * scale) / 2;
  const offsetY = (height - spanY * scale) / 2;
  return ([lng, lat]) => [offsetX + (lng - minLng) * kx * scale, offsetY + (maxLat - lat) * scale];
}
