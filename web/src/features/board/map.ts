/** A [lng, lat] position, GeoJSON's order. */
export type Position = [number, number];

function isPosition(value: unknown): value is Position {
  return Array.isArray(value) && value.length >= 2 && value.every((n) => typeof n === 'number' && Number.isFinite(n));
}

/**
 * The outer ring of a GeoJSON Polygon given as text (Neighborhood.boundary), or null when it is
 * missing or not a polygon: the map then shows the pin alone.
 */
export function boundaryRing(boundary: string | null | undefined): Position[] | null {
  if (!boundary) return null;
  try {
    const geometry: unknown = JSON.parse(boundary);
    if (typeof geometry !== 'object' || geometry === null) return null;
    const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
    if (type !== 'Polygon' || !Array.isArray(coordinates) || !Array.isArray(coordinates[0])) return null;
    const ring = (coordinates[0] as unknown[]).filter(isPosition).map(([lng, lat]) => [lng, lat] as Position);
    return ring.length >= 3 ? ring : null;
  } catch {
    return null;
  }
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
